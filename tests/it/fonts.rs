//! Fonts: characters of many scripts drawn with fonts given by `--font-path` (small Noto
//! subsets shipped in `data/fonts`, so nothing depends on the fonts of the machine), one warning
//! a page and script for what no font has, `[fonts]` errors, and a changed font file rebuilding.

use crate::pdf::page_text;
use crate::util::{folio, repo, stderr, tree};
use std::path::{Path, PathBuf};

const SCRIPTS: &str = "---\ntitle: Scripts\n---\n\n# Scripts\n\nChinese 中文, Japanese 日本語, Korean 한국어.\n\nHindi हिन्दी and Thai ไทย.\n\nMore Chinese 中文 and Thai ไทย on a line of their own.\n";

fn test_fonts() -> PathBuf {
    repo().join("tests/it/data/fonts")
}

/// Builds the guide of the scripts page in `dir` with `args` added: the run, the PDF's text with
/// white space left out (a viewer may put spaces between the clusters of a word), and the names
/// of the fonts it embeds.
fn build_scripts(dir: &Path, args: &[&str]) -> (std::process::Output, String, Vec<String>) {
    let mut all = vec!["build", ".", "-o", "out", "-f", "pdf", "--no-system-fonts"];
    all.extend_from_slice(args);
    let run = folio(dir, &all);
    let pdf = lopdf::Document::load(dir.join("out/pdf/scripts.pdf")).expect("the guide is made");
    let text = page_text(&pdf).chars().filter(|c| !c.is_whitespace()).collect();
    (run, text, font_names(&pdf))
}

/// The names of the fonts a PDF embeds, subset tag and all.
fn font_names(pdf: &lopdf::Document) -> Vec<String> {
    let name = |o: &lopdf::Object| {
        Some(String::from_utf8_lossy(o.as_dict().ok()?.get(b"FontName").ok()?.as_name().ok()?).into_owned())
    };
    pdf.objects.values().filter_map(name).collect()
}

#[test]
fn every_script_copies_out_of_the_pdf_with_the_fonts_of_a_font_path() {
    let dir = tree(&[("scripts.md", SCRIPTS.as_bytes())]);
    let fonts = test_fonts();
    let (run, text, fonts) = build_scripts(dir.path(), &["--font-path", fonts.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(!stderr(&run).contains("no font covers"), "{}", stderr(&run));
    // lopdf shows a glyph with no text of its own (the second glyph of a Devanagari cluster) as
    // U+FFFD, and misreads the two-character entry of `न्`; pdftotext reads हिन्दी whole.
    let text = text.replace('\u{FFFD}', "");
    for word in ["中文", "日本語", "한국어", "हि", "दी", "ไทย"] {
        assert!(text.contains(word), "{word} in {text}");
    }
    for face in ["NotoSansCJKsc-Regular", "NotoSansDevanagari-Regular", "NotoSansThai-Regular"] {
        assert!(fonts.iter().any(|f| f.ends_with(face)), "{face} in {fonts:?}");
    }
    assert!(!fonts.iter().any(|f| f.ends_with("+DejaVuSans")), "no replacement box, drawn with DejaVu Sans: {fonts:?}");
}

#[test]
fn a_script_no_font_has_is_one_warning_a_page_naming_what_to_install() {
    let dir = tree(&[("scripts.md", SCRIPTS.as_bytes())]);
    let (run, text, _) = build_scripts(dir.path(), &[]);
    let err = stderr(&run);
    let warnings = |script: &str| err.matches(&format!("scripts.md:7: no font covers {script} ")).count();
    assert_eq!(warnings("Han"), 1, "{err}");
    assert_eq!(warnings("Hangul"), 1, "{err}");
    assert_eq!(err.matches("no font covers Thai").count(), 1, "once, though on two lines: {err}");
    assert!(err.contains("install fonts-noto-cjk or add a font to [fonts] fallback"), "{err}");
    assert!(err.contains("no font covers Devanagari") && err.contains("install fonts-noto-core"), "{err}");
    assert!(text.contains('\u{FFFD}'), "drawn as the replacement box");
}

#[test]
fn a_family_no_font_has_and_a_missing_path_are_configuration_errors() {
    let dir = tree(&[("page.md", b"# Page\n"), ("folio.toml", b"[fonts]\nsystem = false\nbody = \"No Such Sans\"\n")]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(
        err.contains("folio.toml:3:8: ") && err.contains("[fonts] body: no font of the family `No Such Sans`"),
        "{err}"
    );
    let run =
        folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf", "--font-path", "nowhere", "--config", "none.toml"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
}

#[test]
fn a_configured_body_family_sets_the_text_and_a_changed_font_rebuilds() {
    let fonts = test_fonts();
    let thai = std::fs::read(fonts.join("NotoSansThai-Subset.ttf")).unwrap();
    let config = b"[fonts]\npaths = [\"fonts\"]\nbody = \"Noto Sans Thai\"\nsystem = false\n";
    let dir = tree(&[("scripts.md", "# Thai\n\nไทย\n".as_bytes()), ("folio.toml", config), ("fonts/thai.ttf", &thai)]);
    let build = || folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert_eq!(build().status.code(), Some(0));
    let names = font_names(&lopdf::Document::load(dir.path().join("out/pdf/scripts.pdf")).unwrap());
    assert!(names.iter().any(|n| n.ends_with("+NotoSansThai-Regular")), "the body face is embedded: {names:?}");
    assert!(stderr(&build()).contains("up to date"), "nothing changed");
    let mut changed = thai.clone();
    changed.extend_from_slice(&[0; 4]);
    std::fs::write(dir.path().join("fonts/thai.ttf"), changed).unwrap();
    let again = stderr(&build());
    assert!(again.contains("built:") && !again.contains("up to date"), "a changed font rebuilds: {again}");
}

#[test]
fn the_pptx_theme_and_the_workbook_name_the_configured_families() {
    let fonts = test_fonts();
    let file = |name: &str| std::fs::read(fonts.join(name)).unwrap();
    let (cjk, thai, hindi) =
        (file("NotoSansCJKsc-Subset.otf"), file("NotoSansThai-Subset.ttf"), file("NotoSansDevanagari-Subset.ttf"));
    let config = "[fonts]\npaths = [\"fonts\"]\nsystem = false\nbody = \"Noto Sans Devanagari\"\nheading = \"Noto Sans Thai\"\nfallback = [\"Noto Sans CJK SC\", \"Noto Sans Thai\"]\n";
    let page = "# Page\n\n| Skill | Level |\n|---|---|\n| 中文 | ไทย |\n";
    let dir = tree(&[
        ("page.md", page.as_bytes()),
        ("folio.toml", config.as_bytes()),
        ("fonts/cjk.otf", &cjk),
        ("fonts/thai.ttf", &thai),
        ("fonts/hindi.ttf", &hindi),
    ]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "slides,xlsx"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let theme = zipped(&dir.path().join("out/slides/page.pptx"), "ppt/theme/theme1.xml");
    let fonts = "<a:latin typeface=\"Noto Sans Thai\"/><a:ea typeface=\"Noto Sans CJK SC\"/><a:cs typeface=\"Noto Sans Thai\"/>";
    assert!(theme.contains(fonts), "{theme}");
    let styles = zipped(&dir.path().join("out/xlsx/page.xlsx"), "xl/styles.xml");
    assert!(styles.contains("<name val=\"Noto Sans Devanagari\"/>"), "{styles}");
}

/// The text of the part `name` of the zip at `path`.
fn zipped(path: &Path, name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_page_language_chooses_the_cjk_variant_of_its_han() {
    let fonts = test_fonts();
    let page = |lang: &str| format!("---\ntitle: Han\nlang: {lang}\n---\n\n中文\n");
    let (simplified, traditional) = (page("zh-CN"), page("zh-TW"));
    let dir = tree(&[("scripts.md", simplified.as_bytes())]);
    let (_, _, faces) = build_scripts(dir.path(), &["--font-path", fonts.to_str().unwrap()]);
    assert!(faces.iter().any(|f| f.ends_with("+NotoSansCJKsc-Regular")), "{faces:?}");
    std::fs::write(dir.path().join("scripts.md"), traditional).unwrap();
    let (_, _, faces) = build_scripts(dir.path(), &["--font-path", fonts.to_str().unwrap()]);
    assert!(faces.iter().any(|f| f.ends_with("+NotoSansCJKtc-Regular")), "{faces:?}");
    assert!(!faces.iter().any(|f| f.ends_with("+NotoSansCJKsc-Regular")), "{faces:?}");
}
