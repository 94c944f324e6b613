//! `[pdf] standards` read back with lopdf: PDF/UA-1 alone by default; with PDF/A asked for, the
//! XMP names its part and level, the catalog has an sRGB output intent, the trailer an /ID, and
//! two builds give the same bytes; a value folio does not know, two PDF/A parts, or a font that
//! forbids embedding is an error that says where or which.

use crate::util::{content, folio, repo, stderr, tree};
use lopdf::{Document, Object};
use std::path::Path;

/// The XMP packet of `pdf`.
fn xmp(pdf: &Document) -> String {
    let catalog = pdf.catalog().unwrap();
    let metadata = pdf.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    String::from_utf8(metadata.as_stream().unwrap().content.clone()).unwrap()
}

/// Builds content/ as PDF with `[pdf]` holding `pdf`, into `out`.
fn build_content(dir: &Path, pdf: &str, out: &str) -> std::process::Output {
    let config = format!("[site]\ntitle = \"Engineering Career Ladder\"\n\n[pdf]\n{pdf}\n");
    std::fs::write(dir.join("folio.toml"), config).unwrap();
    let content = content();
    let args = ["build", content.to_str().unwrap(), "--config", "folio.toml", "-o", out, "-f", "pdf,slides"];
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

#[test]
fn by_default_the_pdf_claims_pdf_ua_1_and_no_pdf_a() {
    let dir = tree(&[("page.md", b"# Page\n\nText.\n")]);
    let output = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = Document::load(dir.path().join("out/pdf/page.pdf")).unwrap();
    let xmp = xmp(&pdf);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(!xmp.contains("pdfaid:") && !xmp.contains("pdfaExtension"), "{xmp}");
    assert!(pdf.catalog().unwrap().get(b"OutputIntents").is_err());
}

#[test]
fn pdf_a_2b_with_ua_1_builds_the_ladder_with_its_metadata_intent_and_id_the_same_twice() {
    let dir = tempfile::tempdir().unwrap();
    build_content(dir.path(), "standards = [\"a-2b\", \"ua-1\"]", "one");
    build_content(dir.path(), "standards = [\"a-2b\", \"ua-1\"]", "two");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let pdfs = ["pdf/career-ladder/overview.pdf", "engineering-career-ladder.pdf", "slides/career-ladder/overview.pdf"];
    for path in pdfs {
        let bytes = std::fs::read(one.join(path)).unwrap();
        assert_eq!(bytes, std::fs::read(two.join(path)).unwrap(), "{path} is the same twice");
        let pdf = Document::load_mem(&bytes).unwrap();
        let xmp = xmp(&pdf);
        for wanted in ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"] {
            assert!(xmp.contains(wanted), "{path}: {wanted} in {xmp}");
        }
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("<pdfaSchema:prefix>pdfuaid"));
        assert!(xmp.contains("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), "{xmp}");
        let intents = pdf.catalog().unwrap().get(b"OutputIntents").unwrap().as_array().unwrap();
        let intent = pdf.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
        let profile = pdf.get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap()).unwrap();
        let profile = profile.as_stream().unwrap();
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        assert_eq!(&profile.content[36..40], b"acsp", "{path}: an ICC profile");
        let id = pdf.trailer.get(b"ID").unwrap().as_array().unwrap();
        assert!(matches!(&id[0], Object::String(bytes, _) if bytes.len() == 16), "{path}: {id:?}");
    }
}

#[test]
fn an_unknown_standard_or_two_pdf_a_parts_are_errors_at_their_place() {
    let cases = [
        ("[pdf]\nstandards = [\"ua-1\", \"a-1b\"]\n", "folio.toml:2:22: ", "unknown variant `a-1b`"),
        ("[pdf]\nstandards = [\"a-2b\", \"a-3b\"]\n", "folio.toml:2:13: ", "PDF/A-2b and PDF/A-3b are two parts"),
    ];
    for (config, place, message) in cases {
        let dir = tree(&[("page.md", b"# Page\n"), ("folio.toml", config.as_bytes())]);
        let output = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
        let err = stderr(&output);
        assert!(!output.status.success(), "{err}");
        assert!(err.contains(place) && err.contains(message) && err.contains("[pdf] standards"), "{err}");
    }
}

/// `font` with its OS/2 fsType set to `fs_type`.
fn with_fs_type(font: &[u8], fs_type: u16) -> Vec<u8> {
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let record = (0..tables).map(|i| 12 + 16 * i).find(|&at| &font[at..at + 4] == b"OS/2").unwrap();
    let offset = u32::from_be_bytes(font[record + 8..record + 12].try_into().unwrap()) as usize;
    let mut patched = font.to_vec();
    patched[offset + 8..offset + 10].copy_from_slice(&fs_type.to_be_bytes());
    patched
}

#[test]
fn a_font_that_forbids_embedding_stops_a_pdf_a_build_and_not_a_default_one() {
    let thai = std::fs::read(repo().join("tests/it/data/fonts/NotoSansThai-Subset.ttf")).unwrap();
    let restricted = with_fs_type(&thai, 0x0002);
    let fonts = "[fonts]\npaths = [\"fonts\"]\nbody = \"Noto Sans Thai\"\nsystem = false\n";
    for (standards, fails) in [("", false), ("\n[pdf]\nstandards = [\"a-2u\"]\n", true)] {
        let config = format!("{fonts}{standards}");
        let files: [(&str, &[u8]); 3] = [
            ("page.md", "# ไทย\n\nไทย\n".as_bytes()),
            ("folio.toml", config.as_bytes()),
            ("fonts/thai.ttf", &restricted),
        ];
        let dir = tree(&files);
        let output = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
        let err = stderr(&output);
        assert_eq!(!output.status.success(), fails, "{err}");
        if fails {
            assert!(err.contains("cannot make PDF/A-2u with the font NotoSansThai-Regular"), "{err}");
            assert!(err.contains("fsType 0x0002 forbids embedding"), "{err}");
        }
    }
}
