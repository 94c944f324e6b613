//! `[docx] reference`: the Word files take a reference document's styles, theme and font
//! table, keep folio's styles it lacks, rebuild when it changes, and a reference that is
//! missing or not a Word document is an error at its key in `folio.toml`.

use crate::docx::build;
use crate::ooxml::{attr, parse};
use crate::util::{folio, stderr, tree};
use std::io::{Cursor, Write};

/// A Word package holding `parts` (name, text).
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A reference whose `Heading1` is set in `face`, with a style of its own and a theme.
fn reference(face: &str) -> Vec<u8> {
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"21\"/></w:rPr></w:rPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"{face}\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BrandNote\"><w:name w:val=\"Brand Note\"/></w:style></w:styles>"
    );
    let theme = "<?xml version=\"1.0\"?><a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Brand\"/>";
    package(&[("word/styles.xml", &styles), ("word/theme/theme1.xml", theme), ("word/document.xml", "<w:document/>")])
}

/// The ids of the styles of a styles part, and the `w:ascii` font of the one with id `id`.
fn styles_of(xml: &str, id: &str) -> (Vec<String>, Option<String>) {
    let nodes = parse(xml);
    let ids: Vec<String> =
        nodes.iter().filter(|n| n.1 == "w:style").filter_map(|n| attr(n, "w:styleId")).map(String::from).collect();
    let at = nodes.iter().position(|n| n.1 == "w:style" && attr(n, "w:styleId") == Some(id));
    let font = at.and_then(|at| {
        let inside = nodes[at + 1..].iter().take_while(|n| n.0 > nodes[at].0);
        inside.filter(|n| n.1 == "w:rFonts").find_map(|n| attr(n, "w:ascii")).map(String::from)
    });
    (ids, font)
}

#[test]
fn the_word_files_take_the_references_styles_and_theme_and_keep_folios_others() {
    let brand = reference("Brand Sans");
    let files: &[(&str, &[u8])] = &[
        ("folio.toml", b"[docx]\nreference = \"look/brand.docx\"\n"),
        ("look/brand.docx", &brand),
        ("role.md", b"# Staff Engineer\n\n> Leads across teams.\n\nSets direction.\n"),
    ];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let packages = build(dir.path(), out.path(), &[]);
    assert!(packages.len() >= 2, "the page's file and the book: {:?}", packages.keys());
    for (path, entries) in &packages {
        let (ids, heading_font) = styles_of(&entries["word/styles.xml"], "Heading1");
        assert_eq!(heading_font.as_deref(), Some("Brand Sans"), "{path}: the reference's Heading1");
        assert_eq!(ids.iter().filter(|id| *id == "Heading1").count(), 1, "{path}: one Heading1");
        for kept in ["BrandNote", "Quote", "Title", "Code"] {
            assert!(ids.iter().any(|id| id == kept), "{path}: style {kept} in {ids:?}");
        }
        assert!(entries["word/styles.xml"].contains("<w:sz w:val=\"21\"/>"), "{path}: the reference's defaults");
        assert!(entries["word/theme/theme1.xml"].contains("name=\"Brand\""), "{path}: the reference's theme");
        assert!(entries["word/_rels/document.xml.rels"].contains("theme/theme1.xml"), "{path}: the theme is related");
        assert!(entries["word/document.xml"].contains("Sets direction."), "{path}: the text is the page's");
    }
    // Without the reference, folio's own Heading1 and no theme.
    std::fs::write(dir.path().join("folio.toml"), "").unwrap();
    let plain = build(dir.path(), out.path(), &[]);
    let entries = &plain["docx/role.docx"];
    assert_ne!(styles_of(&entries["word/styles.xml"], "Heading1").1.as_deref(), Some("Brand Sans"));
    assert!(!entries.contains_key("word/theme/theme1.xml"));
}

#[test]
fn a_changed_reference_renders_the_word_files_again() {
    // The reference lies outside the content folder, so only the settings know of it.
    let files: &[(&str, &[u8])] = &[
        ("folio.toml", b"[docx]\nreference = \"look/brand.docx\"\n"),
        ("look/brand.docx", &reference("First Face")),
        ("site/role.md", b"# Engineer\n\nText.\n"),
    ];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let args = ["build", "site", "--config", "folio.toml", "-f", "docx", "-o", out.path().to_str().unwrap()];
    let heading_face = || {
        let entries = crate::ooxml::unzip(&std::fs::read(out.path().join("docx/role.docx")).unwrap());
        styles_of(&entries["word/styles.xml"], "Heading1").1
    };
    assert!(folio(dir.path(), &args).status.success());
    assert_eq!(heading_face().as_deref(), Some("First Face"));
    std::fs::write(dir.path().join("look/brand.docx"), reference("Second Face")).unwrap();
    let again = folio(dir.path(), &args);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(heading_face().as_deref(), Some("Second Face"));
}

#[test]
fn a_missing_or_wrong_reference_is_an_error_at_its_key() {
    for (reference, said) in [(None, "brand.docx: "), (Some(&b"plain text"[..]), "not a Word document")] {
        let mut files: Vec<(&str, &[u8])> =
            vec![("folio.toml", b"# the look\n[docx]\nreference = \"brand.docx\"\n"), ("role.md", b"# Engineer\n")];
        files.extend(reference.map(|bytes| ("brand.docx", bytes)));
        let (dir, out) = (tree(&files), tempfile::tempdir().unwrap());
        let built = folio(dir.path(), &["build", ".", "-f", "docx", "-o", out.path().to_str().unwrap()]);
        let error = stderr(&built);
        assert!(!built.status.success(), "{error}");
        assert!(
            error.contains("folio.toml:3:13") && error.contains("[docx] reference") && error.contains(said),
            "{error}"
        );
    }
}

#[test]
fn a_pandoc_reference_gives_body_text_code_and_quotes_its_look() {
    // A reference made for pandoc's --reference-doc: body text in "Body Text" (and "First
    // Paragraph" after a heading), code in "Source Code" and "Verbatim Char", quotes in "Block
    // Text"; no style of folio's code or quotes.
    let style = |kind: &str, id: &str, name: &str, face: &str| {
        format!(
            "<w:style w:type=\"{kind}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:rPr><w:rFonts w:ascii=\"{face}\"/></w:rPr></w:style>"
        )
    };
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles {W}>{}{}{}{}{}</w:styles>",
        style("paragraph", "BodyText", "Body Text", "Pandoc Serif"),
        style("paragraph", "FirstParagraph", "First Paragraph", "Pandoc Serif"),
        style("paragraph", "SourceCode", "Source Code", "Pandoc Mono"),
        style("character", "VerbatimChar", "Verbatim Char", "Pandoc Mono"),
        style("paragraph", "BlockText", "Block Text", "Pandoc Quote"),
    );
    let pandoc = package(&[("word/styles.xml", &styles), ("word/document.xml", "<w:document/>")]);
    let files: &[(&str, &[u8])] = &[
        ("folio.toml", b"[docx]\nreference = \"pandoc.docx\"\n"),
        ("pandoc.docx", &pandoc),
        (
            "role.md",
            b"# Engineer\n\nOpens the page.\n\nWrites `code` daily.\n\n## Growth\n\nAfter a heading.\n\n\
              ```\nmake test\n```\n\n> Ships often.\n",
        ),
    ];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let packages = build(dir.path(), out.path(), &[]);
    let entries = &packages["docx/role.docx"];
    let (document, styles) = (&entries["word/document.xml"], &entries["word/styles.xml"]);
    let paragraph_of = |text: &str| {
        let at = document.find(text).unwrap_or_else(|| panic!("{text} in {document}"));
        let start = document[..at].rfind("<w:p>").unwrap();
        document[start..at].to_string()
    };
    assert!(paragraph_of("Writes ").contains("<w:pStyle w:val=\"BodyText\"/>"), "{document}");
    for first in ["Opens the page.", "After a heading."] {
        assert!(paragraph_of(first).contains("<w:pStyle w:val=\"FirstParagraph\"/>"), "{first}: {document}");
    }
    assert!(paragraph_of("Ships often.").contains("<w:pStyle w:val=\"Quote\"/>"), "{document}");
    for (ours, name, theirs) in
        [("Code", "code", "SourceCode"), ("CodeChar", "code char", "VerbatimChar"), ("Quote", "quote", "BlockText")]
    {
        let based = format!("w:styleId=\"{ours}\"><w:name w:val=\"{name} (folio)\"/><w:basedOn w:val=\"{theirs}\"/>");
        assert!(styles.contains(&based), "{ours} based on {theirs}: {styles}");
    }
    // Without a Body Text style in the reference, body text is in Normal.
    std::fs::write(dir.path().join("pandoc.docx"), reference("Brand Sans")).unwrap();
    let document = &build(dir.path(), out.path(), &[])["docx/role.docx"]["word/document.xml"];
    assert!(!document.contains("BodyText"), "{document}");
}
