//! The docx backend read back from the zip and its XML: the styles each paragraph uses and
//! their outline levels, numbering definitions, repeating table headers, footnotes, bookmarks
//! and hyperlinks that resolve, images with their alt text, complete content types and
//! relationships, the book's contents field and pages, and the same bytes every time.

use crate::ooxml::{attr, check_package, parse, unzip, Node};
use crate::pdf::png;
use crate::util::{content, folio, load, real_trees, seed, stderr, tree};
use folio::backends::{Assets, Backend, Docx, RenderContext};
use folio::config::Config;
use folio::layout::{measure, Cx, FontId, Rgb, Span, Style};
use std::collections::BTreeMap;
use std::path::Path;

/// A paragraph of `document.xml`: its style (`Normal` when it names none), its text, and its
/// nodes.
struct Paragraph {
    style: String,
    text: String,
    nodes: Vec<Node>,
}

fn paragraphs(nodes: &[Node]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate().filter(|(_, n)| n.1 == "w:p") {
        let inner: Vec<Node> = nodes[i + 1..].iter().take_while(|n| n.0 > node.0).cloned().collect();
        let style = inner.iter().find(|n| n.1 == "w:pStyle").and_then(|n| attr(n, "w:val")).unwrap_or("Normal");
        let text = inner.iter().filter(|n| n.1 == "#text").map(|n| n.2[0].1.as_str()).collect();
        out.push(Paragraph { style: style.to_string(), text, nodes: inner });
    }
    out
}

fn find<'a>(paragraphs: &'a [Paragraph], text: &str) -> &'a Paragraph {
    paragraphs.iter().find(|p| p.text == text).unwrap_or_else(|| panic!("a paragraph {text:?}"))
}

fn value<'a>(nodes: &'a [Node], element: &str, name: &str) -> Vec<&'a str> {
    nodes.iter().filter(|n| n.1 == element).filter_map(|n| attr(n, name)).collect()
}

/// Builds `dir` into `out` with `-f docx` and returns the packages by output path.
pub fn build(dir: &Path, out: &Path, env: &[(&str, &str)]) -> BTreeMap<String, BTreeMap<String, String>> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", ".", "-o"])
        .arg(out)
        .args(["-f", "docx", "--force"])
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mut packages = BTreeMap::new();
    for (path, bytes) in crate::util::snapshot(out).into_iter().filter(|(p, _)| p.ends_with(".docx")) {
        let entries = unzip(&bytes);
        check_package(&entries);
        packages.insert(path.replace('\\', "/"), entries);
    }
    packages
}

const ALPHA: &str = "---\ntitle: Alpha\ndescription: The first page\ntags: [ladder, roles]\n---\n\
Intro with a note[^n], a [link](https://example.org/x?a=1&b=2), a [sibling](b.md#deep-part) and [here](#second).\n\n\
## First\n\n- one\n  - nested\n- two\n\n3. three\n4. four\n\n\
| Name | Text |\n|---|---|\n| x | a long text cell that needs the room |\n\n![A picture of dots](dots.png)\n\n\
### Second\n\n> [!WARNING]\n> Mind it.\n\n> quoted\n\n```\nlet x = 1;\n```\n\n[^n]: The note text.\n\n[^u]: A note nothing refers to.\n";

#[test]
fn a_page_reads_back_with_word_structure() {
    let dots = png(40, 20, 0);
    let toml = b"[pdf]\npaper = \"letter\"\nmargins = 25\nnumbering = true\n" as &[u8];
    let site = tree(&[
        ("a.md", ALPHA.as_bytes()),
        ("b.md", b"# Beta\n\n## Deep part\n\nText.\n"),
        ("dots.png", &dots),
        ("folio.toml", toml),
    ]);
    let out = tempfile::tempdir().unwrap();
    let packages = build(site.path(), out.path(), &[]);
    let a = &packages["docx/a.docx"];
    let nodes = parse(&a["word/document.xml"]);
    let ps = paragraphs(&nodes);
    // Styles per paragraph.
    for (text, style) in [
        ("Alpha", "Title"),
        ("The first page", "Subtitle"),
        ("1  First", "Heading1"),
        ("1.1  Second", "Heading2"),
        ("one", "ListBullet"),
        ("nested", "ListBullet"),
        ("three", "ListNumber"),
        ("Warning", "Callout"),
        ("Mind it.", "Callout"),
        ("quoted", "Quote"),
        ("let x = 1;", "Code"),
        ("A picture of dots", "Caption"),
        ("Name", "TableHeading"),
    ] {
        assert_eq!(find(&ps, text).style, style, "style of {text:?}");
    }
    assert_eq!(value(&find(&ps, "one").nodes, "w:ilvl", "w:val"), ["0"]);
    assert_eq!(value(&find(&ps, "nested").nodes, "w:ilvl", "w:val"), ["1"]);
    // Outline levels of the heading styles, and list numbering that nests and restarts.
    let styles = parse(&a["word/styles.xml"]);
    for level in 1..=6 {
        let at = styles.iter().position(|n| attr(n, "w:styleId") == Some(&format!("Heading{level}"))).unwrap();
        let depth = styles[at].0;
        let style: Vec<Node> = styles[at + 1..].iter().take_while(|n| n.0 > depth).cloned().collect();
        assert_eq!(value(&style, "w:outlineLvl", "w:val"), [(level - 1).to_string()]);
    }
    let numbering = parse(&a["word/numbering.xml"]);
    assert_eq!(numbering.iter().filter(|n| n.1 == "w:abstractNum").count(), 2);
    assert_eq!(numbering.iter().filter(|n| n.1 == "w:lvl").count(), 18, "nine levels each");
    let three = value(&find(&ps, "three").nodes, "w:numId", "w:val")[0].to_string();
    let num = numbering.iter().position(|n| n.1 == "w:num" && attr(n, "w:numId") == Some(&three)).unwrap();
    assert_eq!(value(&numbering[num..num + 4], "w:startOverride", "w:val"), ["3"]);
    assert_eq!(numbering.iter().filter(|n| n.1 == "w:lvlText" && attr(n, "w:val") == Some("%1.")).count(), 1);
    // The table's header row repeats; its rows do not split; its widths follow the text.
    assert_eq!(nodes.iter().filter(|n| n.1 == "w:tblHeader").count(), 1);
    assert_eq!(nodes.iter().filter(|n| n.1 == "w:cantSplit").count(), 2);
    let widths: Vec<u32> = value(&nodes, "w:gridCol", "w:w").iter().map(|w| w.parse().unwrap()).collect();
    assert!(widths[1] > widths[0], "{widths:?}");
    assert!(widths.iter().sum::<u32>().abs_diff(9405) <= 2, "the text width of letter paper: {widths:?}");
    // The footnote is a real one.
    let note_id = value(&nodes, "w:footnoteReference", "w:id")[0].to_string();
    let notes = parse(&a["word/footnotes.xml"]);
    let note = notes.iter().position(|n| n.1 == "w:footnote" && attr(n, "w:id") == Some(&note_id)).unwrap();
    assert_eq!(paragraphs(&notes[note..])[0].text, " The note text.");
    // A note nothing refers to is kept, at the end of the body.
    assert_eq!(find(&ps, "A note nothing refers to.").style, "FootnoteText");
    // Links: to a URL, to a heading here, to a heading in the sibling's document.
    let marks = value(&nodes, "w:bookmarkStart", "w:name");
    for anchor in value(&nodes, "w:hyperlink", "w:anchor") {
        assert!(marks.contains(&anchor), "bookmark {anchor}");
    }
    let rels = parse(&a["word/_rels/document.xml.rels"]);
    let targets = value(&rels, "Relationship", "Target");
    assert!(targets.contains(&"https://example.org/x?a=1&b=2"), "{targets:?}");
    let sibling = targets.iter().find(|t| t.starts_with("b.docx#")).expect("a link to b.docx");
    let b_marks = parse(&packages["docx/b.docx"]["word/document.xml"]);
    assert!(value(&b_marks, "w:bookmarkStart", "w:name").contains(&&sibling[7..]));
    // The image, embedded with its alt text, no wider than the text.
    assert_eq!(value(&nodes, "wp:docPr", "descr"), ["A picture of dots"]);
    assert!(a.contains_key("word/media/image1.png"));
    assert_eq!(value(&nodes, "wp:extent", "cx"), ["381000"], "40 px at 96 per inch");
    // Letter paper with 25 mm margins and numbered headings, from [pdf]; properties from the
    // frontmatter.
    assert_eq!(value(&nodes, "w:pgSz", "w:w"), ["12240"]);
    assert_eq!(value(&nodes, "w:pgMar", "w:left"), ["1417"]);
    let core = &a["docProps/core.xml"];
    for part in [
        "<dc:title>Alpha</dc:title>",
        "<dc:subject>The first page</dc:subject>",
        "<cp:keywords>ladder, roles</cp:keywords>",
    ] {
        assert!(core.contains(part), "{part} in {core}");
    }
    assert!(!core.contains("dcterms:created"), "no date without SOURCE_DATE_EPOCH");
}

#[test]
fn the_book_has_a_cover_a_filled_contents_field_and_a_chapter_a_page() {
    let out = tempfile::tempdir().unwrap();
    let packages = build(&content(), out.path(), &[("SOURCE_DATE_EPOCH", "1700000000")]);
    let loaded = load(&content());
    let docs = &loaded.collection.documents;
    assert_eq!(packages.len(), docs.len() + 1);
    let book = &packages["engineering-career-ladder.docx"];
    let nodes = parse(&book["word/document.xml"]);
    let ps = paragraphs(&nodes);
    assert_eq!((ps[0].style.as_str(), ps[0].text.as_str()), ("Title", "Engineering Career Ladder"));
    assert!(ps.iter().any(|p| p.style == "Subtitle" && p.text == "2023-11-14"));
    let field: String = nodes.iter().filter(|n| n.1 == "#text").map(|n| n.2[0].1.as_str()).collect();
    assert!(field.contains(r#"TOC \o "1-2" \h"#));
    // The first entry shares its paragraph with the field's instruction.
    let entry = |p: &&Paragraph| p.text.rsplit(r" \u ").next().unwrap_or_default().to_string();
    let chapters: Vec<String> = ps.iter().filter(|p| p.style == "TOC1").map(|p| entry(&p)).collect();
    let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(chapters, titles, "the contents list every chapter");
    let starts: Vec<&Paragraph> = ps.iter().filter(|p| p.style == "Heading1").collect();
    assert_eq!(starts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), titles);
    assert!(starts.iter().all(|p| p.nodes.iter().any(|n| n.1 == "w:pageBreakBefore")));
    let marks = value(&nodes, "w:bookmarkStart", "w:name");
    let anchors = value(&nodes, "w:hyperlink", "w:anchor");
    assert!(anchors.len() > docs.len(), "contents and links between chapters");
    for anchor in anchors {
        assert!(marks.contains(&anchor), "bookmark {anchor}");
    }
    let footer = &book["word/footer1.xml"];
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
    assert!(book["word/header1.xml"].contains("Engineering Career Ladder"));
    assert!(book["docProps/core.xml"].contains("2023-11-14T22:13:20Z"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dots = png(8, 8, 0);
    let site = tree(&[("a.md", ALPHA.as_bytes()), ("b.md", b"# Beta\n\n## Deep part\n" as &[u8]), ("dots.png", &dots)]);
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [("SOURCE_DATE_EPOCH", "86400")];
    build(site.path(), one.path(), &env);
    let jobs = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", ".", "-o"])
        .arg(two.path())
        .args(["-f", "docx", "--jobs", "1"])
        .envs(env)
        .current_dir(site.path())
        .output()
        .unwrap();
    assert!(jobs.status.success());
    let docx =
        |dir: &Path| crate::util::snapshot(dir).into_iter().filter(|(p, _)| p.ends_with(".docx")).collect::<Vec<_>>();
    assert_eq!(docx(one.path()), docx(two.path()));
}

#[test]
fn content_the_seed_and_every_corpus_folder_give_complete_documents() {
    let config = Config::default();
    let assets = Assets::new();
    for dir in real_trees() {
        let loaded = load(&dir);
        let rendered = Docx.render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap();
        assert_eq!(rendered.artifacts.len(), loaded.collection.documents.len() + 1, "{}", dir.display());
        for artifact in &rendered.artifacts {
            let entries = unzip(&artifact.bytes);
            check_package(&entries);
            let titles = paragraphs(&parse(&entries["word/document.xml"]));
            assert!(titles.iter().any(|p| p.style == "Title"), "{} has a title", artifact.path);
        }
    }
}

#[test]
fn convert_writes_a_docx_by_its_extension() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("vp.docx");
    let output = folio(out.path(), &["convert", seed().to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let entries = unzip(&std::fs::read(&target).unwrap());
    check_package(&entries);
    let ps = paragraphs(&parse(&entries["word/document.xml"]));
    assert_eq!(find(&ps, "VP of Engineering").style, "Title");
    // The bold "Morning" line keeps its list below it.
    let morning = ps.iter().position(|p| p.text == "Morning").unwrap();
    assert!(ps[morning].nodes.iter().any(|n| n.1 == "w:b"));
    assert_eq!(ps[morning + 1].style, "ListBullet");
}

#[test]
fn a_column_as_narrow_as_its_longest_word_leaves_room_around_it() {
    // `Reliability`, bold, is the longest word of the first column, whose width the PDF measures
    // as exactly that word: Word's cell margins (100 twips a side) and room must come on top, or
    // Word and LibreOffice break the word inside the cell; enough room for a reader without the
    // bundled faces, whose substitute (DejaVu Sans in LibreOffice) sets words up to 13 % wider.
    let page = "# Signals\n\n| Signal | Example measure | Warning sign |\n|---|---|---|\n\
                | **Delivery** | Planned outcomes met per quarter, lead time for changes | Chronic carry-over |\n\
                | **Reliability** | Incident count and severity, error budgets, time to restore | The same failure recurring across teams |\n";
    let dir = tree(&[("signals.md", page.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let packages = build(dir.path(), out.path(), &[]);
    let nodes = parse(&packages["docx/signals.docx"]["word/document.xml"]);
    let widths: Vec<u32> = value(&nodes, "w:gridCol", "w:w").iter().map(|w| w.parse().unwrap()).collect();
    let mut cx = Cx::new(10.0, Rgb(0.0, 0.0, 0.0), false, "", "");
    let bold = Style { bold: true, ..Style::plain(FontId::SERIF, 9.0, Rgb(0.0, 0.0, 0.0)) };
    let (_, word) = measure(&mut cx, &[Span { text: "Reliability".into(), style: bold }]);
    let room = widths[0] as f32 / 20.0 - 10.0 - word;
    assert!(room >= 0.15 * word, "{room} pt beside a word {word} pt wide in a column {} twips wide", widths[0]);
}

/// The nodes of the style `id` in `styles.xml`'s nodes.
fn style<'a>(nodes: &'a [Node], id: &str) -> Vec<&'a Node> {
    let at = nodes.iter().position(|n| n.1 == "w:style" && attr(n, "w:styleId") == Some(id));
    let at = at.unwrap_or_else(|| panic!("a style {id}"));
    nodes[at + 1..].iter().take_while(|n| n.0 > nodes[at].0).collect()
}

/// The size in half-points a style's run properties give, if any.
fn half_points(nodes: &[&Node]) -> Option<u32> {
    nodes.iter().find(|n| n.1 == "w:sz").and_then(|n| attr(n, "w:val")).and_then(|v| v.parse().ok())
}

#[test]
fn a_wide_table_is_set_smaller_and_hyphenated_where_body_text_is_not() {
    // Nine columns of long words do not fit at the table's first size: as in the PDF, the type
    // shrinks, and a word still wider than its column is hyphenated, not cut anywhere.
    let head = "| Skill | Junior Engineer | Engineer | Senior Engineer | Staff Engineer | Principal Engineer | Distinguished Engineer | Engineering Director | Technology Director |";
    let row = "| Communication | Foundational | Foundational | Practitioner | Practitioner | Knowledgeable | Knowledgeable | Authoritative | Authoritative |";
    let page = format!(
        "# Levels\n\nA paragraph of body text.\n\n{head}\n|{}\n{row}\n\n| A | B |\n|---|---|\n| narrow | table |\n",
        "---|".repeat(9)
    );
    let dir = tree(&[("levels.md", page.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let packages = build(dir.path(), out.path(), &[]);
    let package = &packages["docx/levels.docx"];
    let paragraphs = paragraphs(&parse(&package["word/document.xml"]));
    let wide = &find(&paragraphs, "Foundational").style;
    assert_ne!(wide, "TableText", "the wide table is set smaller");
    assert_eq!(find(&paragraphs, "narrow").style, "TableText");
    let styles = parse(&package["word/styles.xml"]);
    let (normal, smaller) = (half_points(&style(&styles, "TableText")), half_points(&style(&styles, wide)));
    assert!(smaller < normal, "{wide}: {smaller:?} half-points against {normal:?}");
    assert!(package["word/settings.xml"].contains("<w:autoHyphenation/>"));
    let hyphens = |nodes: &[&Node]| {
        nodes.iter().find(|n| n.1 == "w:suppressAutoHyphens").map(|n| attr(n, "w:val").map(str::to_string))
    };
    assert_eq!(hyphens(&style(&styles, wide)), Some(Some("0".into())), "table cells hyphenate");
    let defaults: Vec<&Node> = styles.iter().skip_while(|n| n.1 != "w:pPrDefault").collect();
    assert_eq!(hyphens(&defaults), Some(None), "body text does not");
}

#[test]
fn the_language_of_a_page_is_the_language_of_its_document() {
    let dir = tree(&[
        ("de.md", "---\ntitle: Ingenieurin\nlang: de-CH\n---\nText.\n".as_bytes()),
        ("en.md", b"# Plain\n\nText.\n"),
    ]);
    let out = tempfile::tempdir().unwrap();
    let packages = build(dir.path(), out.path(), &[]);
    let german = &packages["docx/de.docx"];
    assert!(german["docProps/core.xml"].contains("<dc:language>de-CH</dc:language>"));
    let styles = parse(&german["word/styles.xml"]);
    assert_eq!(value(&styles, "w:lang", "w:val"), ["de-CH"], "the default run properties");
    assert!(!packages["docx/en.docx"]["docProps/core.xml"].contains("dc:language"), "none said, none claimed");
}
