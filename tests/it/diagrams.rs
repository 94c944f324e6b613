//! Mermaid code blocks drawn: in the PDF guide as a vector picture whose labels are text, in
//! the decks and the Word document as a picture described by its labels, the IR keeping the
//! code; a block that cannot be drawn stays code, with a warning at its line. And an SVG image
//! in a Word document, written as a PNG of it.

use crate::ooxml::unzip;
use crate::pdf::page_text;
use crate::svg::{form_text, xobjects};
use crate::util::{folio, load, repo, stderr, tree};
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
    let built = folio(dir.path(), &["build", ".", "-f", "pdf,slides,docx", "-o", out.path().to_str().unwrap()]);
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
    // The Word document: a picture described by the labels, without a caption repeating them;
    // the block that cannot be drawn is code.
    let docx = unzip(&std::fs::read(out.path().join("docx/flow.docx")).unwrap());
    let document = &docx["word/document.xml"];
    assert!(
        document.contains("descr=\"Diagram: Self review, Manager agrees?, yes, Calibration, no, Growth plan\""),
        "{document}"
    );
    assert!(!document.contains("Caption") && document.contains("not a diagram at all"), "{document}");
    // Nor is the picture kept with what follows, which made headings and diagrams a chain that
    // LibreOffice broke anywhere, leaving headings at the foot of a page.
    let picture = document.find("<w:drawing>").unwrap();
    let paragraph = &document[document[..picture].rfind("<w:p>").unwrap()..picture];
    assert!(!paragraph.contains("keepNext"), "{paragraph}");
    assert!(docx.keys().any(|n| n == "word/media/image1.png"), "{:?}", docx.keys());
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

#[test]
fn an_svg_image_is_a_picture_in_the_word_document() {
    let svg = std::fs::read(repo().join("tests/it/data/images/vector.svg")).unwrap();
    let files: &[(&str, &[u8])] =
        &[("p.md", b"# Drawing\n\n![A vector drawing](img/vector.svg)\n"), ("img/vector.svg", &svg)];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let built = folio(dir.path(), &["build", ".", "-f", "docx", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let docx = unzip(&std::fs::read(out.path().join("docx/p.docx")).unwrap());
    let document = &docx["word/document.xml"];
    assert!(document.contains("<w:drawing>") && document.contains("descr=\"A vector drawing\""), "{document}");
    let png = docx.get("word/media/image1.png").expect("the SVG is written as a PNG");
    assert!(png[..8].contains("PNG") && png.contains("IEND"), "a PNG: {}", &png[..8]);
    let types = &docx["[Content_Types].xml"];
    assert!(types.contains("Extension=\"png\""), "{types}");
}

#[test]
fn a_timeline_and_a_radar_of_skills_are_drawn_and_described_and_a_gantt_chart_stays_code() {
    let page = "# Growth\n\n```mermaid\ntimeline\n  title Career path\n  section Individual contributor\n    \
                2019 : Engineer I\n    2023 : Senior Engineer\n```\n\n```mermaid\nradar-beta\n  title Skills\n  \
                axis t[\"Technical\"], l[\"Leadership\"], d[\"Delivery\"]\n  curve s[\"Senior\"]{4, 3, 4}\n  max 5\n```\n\n\
                ```mermaid\ngantt\n  title Roadmap\n  dateFormat YYYY-MM-DD\n  Draft :2024-01-01, 30d\n```\n";
    let (dir, out) = (tree(&[("growth.md", page.as_bytes())]), tempfile::tempdir().unwrap());
    let built = folio(dir.path(), &["build", ".", "-f", "pdf,slides", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let warnings = stderr(&built);
    assert!(warnings.contains("growth.md:19:1") && warnings.contains("does not draw `gantt` diagrams"), "{warnings}");
    let text = shown_text(&lopdf::Document::load(out.path().join("pdf/growth.pdf")).unwrap());
    for label in
        ["Career path", "Individual contributor", "2019", "Senior Engineer", "Skills", "Technical", "Leadership"]
    {
        assert!(text.contains(label), "{label} in {text}");
    }
    assert!(!text.contains("axis t[") && text.contains("dateFormat YYYY-MM-DD"), "the Gantt chart is code: {text}");
    let pptx = unzip(&std::fs::read(out.path().join("slides/growth.pptx")).unwrap());
    let slides: String =
        pptx.iter().filter(|(n, _)| n.starts_with("ppt/slides/slide")).map(|(_, x)| x.as_str()).collect();
    for described in [
        "descr=\"Diagram: Career path, Individual contributor, 2019, Engineer I, 2023, Senior Engineer\"",
        "descr=\"Diagram: Skills, Technical, Leadership, Delivery, Senior\"",
    ] {
        assert!(slides.contains(described), "{described} in {slides}");
    }
}
