//! Mermaid code blocks drawn: in the PDF guide as a vector picture whose labels are text, in
//! the decks as a picture described by its labels, the IR keeping the code; a block that
//! cannot be drawn stays code, with a warning at its line.

use crate::ooxml::unzip;
use crate::pdf::page_text;
use crate::svg::{form_text, xobjects};
use crate::util::{folio, load, stderr, tree};
use folio::ir::BlockKind;

const PAGE: &str = "# Promotion\n\nHow it goes:\n\n```mermaid\nflowchart LR\n  A[Self review] --> B{Manager agrees?}\n  \
                    B -->|yes| C[Calibration]\n  B -->|no| D[Growth plan]\n```\n\n```mermaid\nnot a diagram at all\n```\n\nDone.\n";

/// The text of a PDF's pages and of the forms they draw (an SVG is drawn as a form), words
/// joined by single spaces.
fn shown_text(pdf: &lopdf::Document) -> String {
    let forms: String = xobjects(pdf, b"Form").into_iter().map(|form| form_text(pdf, form) + " ").collect();
    format!("{} {forms}", page_text(pdf)).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_mermaid_block_is_drawn_in_the_guide_and_the_decks_and_kept_as_code_in_the_ir() {
    let (dir, out) = (tree(&[("flow.md", PAGE.as_bytes())]), tempfile::tempdir().unwrap());
    let built = folio(dir.path(), &["build", ".", "-f", "pdf,slides", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let warnings = stderr(&built);
    assert!(warnings.contains("flow.md:12:1") && warnings.contains("cannot be drawn"), "{warnings}");
    // The guide: the labels are text on the page, the syntax is not; the undrawable block is code.
    let guide = lopdf::Document::load(out.path().join("pdf/flow.pdf")).unwrap();
    let text = shown_text(&guide);
    for label in
        ["Self review", "Manager agrees?", "Calibration", "Growth plan", "yes", "not a diagram at all", "Done."]
    {
        assert!(text.contains(label), "{label} in {text}");
    }
    assert!(!text.contains("-->") && !text.contains("flowchart"), "the drawn block is not code: {text}");
    // The PDF deck shows it the same way; the PPTX as a picture described by its labels.
    let deck = lopdf::Document::load(out.path().join("slides/flow.pdf")).unwrap();
    let deck_text = shown_text(&deck);
    assert!(deck_text.contains("Growth plan") && !deck_text.contains("-->"), "{deck_text}");
    let pptx = unzip(&std::fs::read(out.path().join("slides/flow.pptx")).unwrap());
    let slides: String =
        pptx.iter().filter(|(n, _)| n.starts_with("ppt/slides/slide")).map(|(_, x)| x.as_str()).collect();
    assert!(
        slides.contains("descr=\"Diagram: Self review, Manager agrees?, yes, Calibration, no, Growth plan\""),
        "{slides}"
    );
    assert!(pptx.keys().any(|n| n.starts_with("ppt/media/") && n.ends_with(".png")), "{:?}", pptx.keys());
    // The IR keeps both blocks as code, for the JSON's readers.
    let loaded = load(dir.path());
    let body = loaded.collection.documents[0].body();
    let code: Vec<&str> = body
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::CodeBlock { lang, text } if lang.as_deref() == Some("mermaid") => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(code.len(), 2, "{code:?}");
    assert!(code[0].starts_with("flowchart LR"));
}
