//! Every CommonMark spec example and every GFM extension example (tables, strikethrough, task
//! lists, autolinks, tagfilter) built as a page of one tree with one `folio build`: each word
//! of text that the spec's expected HTML shows must be in the page's PDF guide and slide-deck
//! PDF (read back with lopdf), and each word of its tables in its workbook (with calamine).
//! The spec files are read from `../shared/spec` (CC BY-SA 4.0, see its SOURCE.md).

use crate::util::{folio, shared, stderr, tree};
use calamine::Reader;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::path::Path;

/// Examples whose expected text is rightly not shown, each with its reason.
const NOT_SHOWN: &[(&str, &str)] = &[
    ("cm-0027", "no bundled font has Malayalam or Kannada: a visible replacement and a warning"),
    ("cm-0356", "no bundled font has U+1E2FF (Wancho): a visible replacement and a warning"),
    ("cm-0096", "a page that starts with `---` opens YAML frontmatter; this one is an error, reported"),
    ("cm-0172", "the content of `<script>` is not shown, by a browser either"),
    ("cm-0174", "the content of `<style>` is not shown, by a browser either"),
    ("cm-0175", "an unclosed `<style>` hides the rest of its block, in a browser too"),
    ("cm-0178", "the content of `<style>` is not shown, by a browser either"),
    ("cm-0180", "the content of `<script>` is not shown, by a browser either"),
    ("gfm-tagfilter-0653", "GFM's tag filter prints `<title>`, `<style>`, `<xmp>` as text; folio reads them as markup"),
];

/// One spec example: its name (`cm-0001`, `gfm-table-0198`), Markdown and expected HTML.
struct Example {
    name: String,
    markdown: String,
    html: String,
}

/// The examples of one spec file; `extensions_only` keeps those named for a GFM extension.
fn examples(file: &str, prefix: &str, extensions_only: bool) -> Vec<Example> {
    let path = shared().join("spec").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fence = "`".repeat(32);
    let mut out = Vec::new();
    let mut lines = text.lines();
    let mut number = 0;
    while let Some(line) = lines.next() {
        let Some(kind) = line.strip_prefix(&format!("{fence} example")) else { continue };
        number += 1;
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != fence).collect();
        let dot = body.iter().position(|l| *l == ".").expect("an example has a `.` line");
        let join = |part: &[&str]| part.iter().map(|l| format!("{l}\n")).collect::<String>().replace('→', "\t");
        let kind = kind.trim();
        if extensions_only && kind.is_empty() {
            continue;
        }
        let name =
            if kind.is_empty() { format!("{prefix}-{number:04}") } else { format!("{prefix}-{kind}-{number:04}") };
        out.push(Example { name, markdown: join(&body[..dot]), html: join(&body[dot + 1..]) });
    }
    out
}

/// The text an HTML fragment shows: text outside tags, entities decoded, split into words.
fn shown_words(html: &str) -> Vec<String> {
    let mut emitter = DefaultEmitter::<()>::default();
    emitter.naively_switch_states(true);
    let mut text = String::new();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::String(s) => text.push_str(&String::from_utf8_lossy(&s)),
            _ => text.push(' '),
        }
    }
    text.split_whitespace().map(str::to_string).collect()
}

/// The words of `words` that `pdf_text` does not hold (white space is ignored in both, and a
/// hyphen at a line's end may be one the line breaker added).
fn missing(words: &[String], pdf_text: &str) -> Vec<String> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let joined = squeeze(pdf_text);
    let unhyphenated = squeeze(&pdf_text.replace("-\n", ""));
    words
        .iter()
        .map(|w| squeeze(w))
        .filter(|w| !joined.contains(w.as_str()) && !unhyphenated.contains(w.as_str()))
        .collect()
}

#[test]
fn every_spec_example_shows_its_text_in_the_pdf() {
    let mut all = examples("commonmark-spec.txt", "cm", false);
    all.extend(examples("gfm-spec.txt", "gfm", true));
    assert_eq!(all.len(), 655 + 24, "the spec files changed");
    let files: Vec<(String, Vec<u8>)> =
        all.iter().map(|e| (format!("{}.md", e.name), e.markdown.clone().into_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let dir = tree(&refs);
    let out = dir.path().join("out");
    let run = folio(
        dir.path(),
        &["build", ".", "-o", out.to_str().unwrap(), "--format", "pdf,slides,xlsx", "--quiet", "--no-system-fonts"],
    );
    assert!(run.status.code().is_some_and(|c| c <= 1), "{}", stderr(&run));

    let mut failures = Vec::new();
    for (what, folder) in [("PDF guide", "pdf"), ("slide deck PDF", "slides"), ("workbook", "xlsx")] {
        let (mut checked, mut passed) = (0, 0);
        for example in &all {
            let words = match folder {
                // A workbook holds a page's tables.
                "xlsx" if !blank_line_in_html_table(&example.markdown) => {
                    table_html(&example.html).map(shown_words).unwrap_or_default()
                }
                "xlsx" => Vec::new(),
                _ => shown_words(&example.html),
            };
            if words.is_empty() {
                continue;
            }
            checked += 1;
            let file = out.join(folder).join(&example.name);
            let text = match folder {
                "xlsx" => workbook_text(&file.with_extension("xlsx")),
                _ => pdf_text(&file.with_extension("pdf")),
            };
            let lost = missing(&words, &text);
            let allowed = NOT_SHOWN.iter().any(|(name, _)| *name == example.name);
            match (lost.is_empty(), allowed) {
                (true, false) => passed += 1,
                (true, true) if folder != "xlsx" => {
                    failures.push(format!("{}: allowed, but its {what} shows all its text", example.name))
                }
                (true, true) | (false, true) => {}
                (false, false) => {
                    failures.push(format!("{}: {lost:?} not in the {what}\n{}", example.name, example.markdown))
                }
            }
        }
        println!("{passed} of {checked} spec examples with text show all of it in the {what}");
    }
    assert!(failures.is_empty(), "{} losses:\n{}", failures.len(), failures.join("\n"));
}

/// The HTML from the first `<table` to the last `</table>`, if there is a table.
fn table_html(html: &str) -> Option<&str> {
    let start = html.find("<table")?;
    html.get(start..html.rfind("</table>").unwrap_or(html.len()))
}

/// Whether Markdown holds an HTML table with a blank line in it: blank lines cut it into HTML
/// blocks with Markdown between (whose text the PDF shows), and then it is no table for a
/// workbook.
fn blank_line_in_html_table(markdown: &str) -> bool {
    table_html(markdown).is_some_and(|table| table.contains("\n\n"))
}

/// The text of a PDF's pages; empty if it was not made.
fn pdf_text(path: &Path) -> String {
    lopdf::Document::load(path).map(|doc| crate::pdf::page_text(&doc)).unwrap_or_default()
}

/// The text of every cell of every sheet of a workbook, a line each; empty if it was not made.
fn workbook_text(path: &Path) -> String {
    let Ok(mut book) = calamine::open_workbook::<calamine::Xlsx<_>, _>(path) else { return String::new() };
    let mut text = String::new();
    for name in book.sheet_names() {
        for (_, _, cell) in book.worksheet_range(&name).iter().flat_map(|range| range.used_cells()) {
            text.push_str(&cell.to_string());
            text.push('\n');
        }
    }
    text
}
