//! Syntax highlighting: a Rust and a YAML block come out in coloured runs in the layout of a
//! guide (its snapshot), in the PPTX and in the DOCX; a block in a language folio does not know stays plain,
//! and the Marp outline keeps the fence's language.

use crate::util::{folio, load, stderr, tree};
use folio::testing::{layout_guide, snapshot, PdfTheme};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

const PAGE: &str = "# Code\n\n```rust\n// one\nfn main() {\n    let x: u32 = 42;\n}\n```\n\n```yaml\nname: folio # a name\non: [push]\n```\n\n```nosuchlang\nplain words here\n```\n";

/// The colours of the snapshot's text lines that show one of `texts` (in its monospace face).
fn colours_of(snapshot: &str, texts: &[&str]) -> BTreeSet<String> {
    let code = snapshot.lines().filter(|l| l.contains("DejaVuSansMono") && texts.iter().any(|t| l.contains(t)));
    code.filter_map(|line| line.split_whitespace().find(|w| w.starts_with('#')).map(str::to_string)).collect()
}

#[test]
fn rust_and_yaml_blocks_are_coloured_in_the_layout_and_an_unknown_language_is_plain() {
    let dir = tree(&[("code.md", PAGE.as_bytes())]);
    let loaded = load(&dir.path().join("code.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    let shown = snapshot(&laid.pages);
    let rust = colours_of(&shown, &["\"fn\"", "\"main\"", "\"42\"", "\"// one\"", "\"let\""]);
    assert!(rust.len() >= 3, "keyword, number, comment and name differ: {rust:?}\n{shown}");
    let yaml = colours_of(&shown, &["\"name\"", "\"folio\"", "\"# a name\""]);
    assert!(yaml.len() >= 2, "keys, values and comments differ: {yaml:?}\n{shown}");
    let plain: Vec<&str> = shown.lines().filter(|l| l.contains("DejaVuSansMono") && l.contains("plain")).collect();
    assert_eq!(plain.len(), 1, "one plain run for the unknown language: {plain:?}");
    assert!(plain[0].contains("#262b33"), "in the code colour: {plain:?}");
}

/// The colours (RGB hex) of the monospace runs in the slides of a PPTX.
fn pptx_code_colours(path: &Path) -> BTreeSet<String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut coloured = BTreeSet::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        if !part.name().unwrap().starts_with("ppt/slides/slide") {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        for run in xml.split("<a:r>").filter(|r| r.contains("DejaVu Sans Mono")) {
            if let Some(at) = run.find("srgbClr val=\"") {
                coloured.insert(run[at + 13..at + 19].to_string());
            }
        }
    }
    coloured
}

/// The fill colours (`rg`) a PDF's first page sets.
fn pdf_fill_colours(path: &Path) -> BTreeSet<String> {
    let pdf = lopdf::Document::load(path).unwrap();
    let pages = pdf.get_pages();
    let page = pages.values().nth(1).or(pages.values().next()).unwrap();
    let content = lopdf::content::Content::decode(&pdf.get_page_content(*page)).unwrap();
    let fills = content.operations.iter().filter(|op| op.operator == "rg");
    fills.map(|op| format!("{:?}", op.operands)).collect()
}

#[test]
fn the_pptx_has_coloured_code_runs_and_the_outline_keeps_the_language() {
    let dir = tree(&[("code.md", PAGE.as_bytes())]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "slides", "--no-system-fonts"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let coloured = pptx_code_colours(&dir.path().join("out/slides/code.pptx"));
    assert!(coloured.len() >= 4, "the Rust and YAML runs in several colours: {coloured:?}");
    let outline = std::fs::read_to_string(dir.path().join("out/slides/code.md")).unwrap();
    assert!(outline.contains("```rust\n") && outline.contains("```yaml\n"), "{outline}");
}

#[test]
fn the_decks_show_code_in_the_colours_of_the_pdf_code_theme() {
    let plain = tree(&[("code.md", PAGE.as_bytes())]);
    let themed = tree(&[("code.md", PAGE.as_bytes()), ("folio.toml", b"[pdf]\ncode_theme = \"Solarized (light)\"\n")]);
    for dir in [&plain, &themed] {
        let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "slides,docx", "--no-system-fonts"]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    }
    let pptx = |dir: &tempfile::TempDir| pptx_code_colours(&dir.path().join("out/slides/code.pptx"));
    let (default, solarized) = (pptx(&plain), pptx(&themed));
    assert!(solarized.len() >= 3 && solarized != default, "{default:?} vs {solarized:?}");
    let mut docx = String::new();
    let file = std::fs::File::open(themed.path().join("out/docx/code.docx")).unwrap();
    zip::ZipArchive::new(file).unwrap().by_name("word/document.xml").unwrap().read_to_string(&mut docx).unwrap();
    for colour in &solarized {
        assert!(docx.contains(&format!("<w:color w:val=\"{}\"/>", colour.to_uppercase())), "{colour} in the DOCX too");
    }
    let pdf = |dir: &tempfile::TempDir| pdf_fill_colours(&dir.path().join("out/slides/code.pdf"));
    assert_ne!(pdf(&plain), pdf(&themed), "the PDF deck's code changes colour too");
}

#[test]
fn the_docx_code_paragraphs_have_coloured_runs_and_an_unknown_language_stays_plain() {
    let dir = tree(&[("code.md", PAGE.as_bytes())]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "docx", "--no-system-fonts"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let docx = std::fs::File::open(dir.path().join("out/docx/code.docx")).unwrap();
    let mut xml = String::new();
    zip::ZipArchive::new(docx).unwrap().by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let code: Vec<&str> = xml.split("<w:p>").filter(|p| p.contains("<w:pStyle w:val=\"Code\"/>")).collect();
    let colours =
        |p: &str| -> BTreeSet<String> { p.split("<w:color w:val=\"").skip(1).map(|c| c[..6].to_string()).collect() };
    assert_eq!(code.len(), 3, "three code blocks: {code:?}");
    assert!(colours(code[0]).len() >= 3 && colours(code[1]).len() >= 2, "Rust and YAML in colours: {code:?}");
    assert!(colours(code[2]).is_empty(), "the unknown language is plain: {}", code[2]);
}
