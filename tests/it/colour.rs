//! Colour glyphs read back with lopdf: each emoji of the test colour fonts (COLRv0, COLRv1,
//! sbix, SVG-in-OpenType, and CBDT from a Noto Color Emoji subset) is painted by a Form
//! XObject, written once a document, over its text drawn invisible, so the text still copies;
//! guides, the book and the PDF deck alike; a page without colour glyphs is the same with or
//! without colour fonts at hand.

use crate::util::{folio, repo, stderr, tree};
use lopdf::{Dictionary, Document, Object};
use std::path::{Path, PathBuf};

const EMOJI: &str =
    "---\ntitle: Emoji\n---\n\n# Emoji\n\nDone ✅, launch 🚀, apple 🍎, party 🎉, target 🎯.\n\nAgain 🎯 and ✅.\n";

fn colour_fonts() -> PathBuf {
    repo().join("tests/it/data/colour-fonts")
}

/// Builds the tree in `dir` (guides, book, decks) with the colour fonts and `args`.
fn build(dir: &Path, args: &[&str]) {
    let fonts = colour_fonts();
    let mut all = vec!["build", ".", "-o", "out", "-f", "pdf,slides", "--no-system-fonts"];
    all.extend_from_slice(&["--font-path", fonts.to_str().unwrap()]);
    all.extend_from_slice(args);
    let run = folio(dir, &all);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(!stderr(&run).contains("no font covers"), "{}", stderr(&run));
}

/// A colour-glyph form: its resource name, the name of the font it paints a glyph of, its
/// dictionary and its content.
type Form = (String, String, Dictionary, Vec<u8>);

/// The page resources' colour-glyph forms (named `F<font>c<glyph>`).
fn colour_forms(pdf: &Document) -> Vec<Form> {
    let page = pdf.get_pages().values().next().copied().unwrap();
    let resources = pdf.get_dictionary(page).unwrap().get(b"Resources").unwrap();
    let resources = pdf.get_dictionary(resources.as_reference().unwrap()).unwrap();
    let fonts = pdf.get_dictionary(resources.get(b"Font").unwrap().as_reference().unwrap()).unwrap();
    let xobjects = resources.get(b"XObject").unwrap().as_dict().unwrap();
    let mut forms = Vec::new();
    for (name, id) in xobjects.iter() {
        let name = String::from_utf8(name.clone()).unwrap();
        let Some((font, _glyph)) = name.split_once('c') else { continue };
        let font = pdf.get_dictionary(fonts.get(font.as_bytes()).unwrap().as_reference().unwrap()).unwrap();
        let font = String::from_utf8(font.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        let form = pdf.get_object(id.as_reference().unwrap()).unwrap().as_stream().unwrap();
        assert_eq!(form.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Form", "{name}");
        let content = form.decompressed_content().unwrap_or_else(|_| form.content.clone());
        forms.push((name, font, form.dict.clone(), content));
    }
    forms
}

/// The guide of the one page `name`.md holding `page`, built with the colour fonts, and its
/// colour-glyph forms.
fn guide_forms(name: &str, page: &str) -> (Document, Vec<Form>) {
    let dir = tree(&[(&format!("{name}.md"), page.as_bytes())]);
    build(dir.path(), &[]);
    let pdf = Document::load(dir.path().join(format!("out/pdf/{name}.pdf"))).unwrap();
    let forms = colour_forms(&pdf);
    (pdf, forms)
}

/// The objects a form's resources name under `kind` (XObject, Shading, ExtGState).
fn named<'a>(pdf: &'a Document, form: &Dictionary, kind: &[u8]) -> Vec<&'a Object> {
    let Ok(resources) = form.get(b"Resources").and_then(Object::as_dict) else { return Vec::new() };
    let Ok(dict) = resources.get(kind).and_then(Object::as_dict) else { return Vec::new() };
    dict.iter().map(|(_, id)| pdf.get_object(id.as_reference().unwrap()).unwrap()).collect()
}

fn page_contents(pdf: &Document) -> String {
    let page = pdf.get_pages().values().next().copied().unwrap();
    String::from_utf8_lossy(&pdf.get_page_content(page)).into_owned()
}

/// `qpdf --check` finds nothing wrong, where qpdf is installed.
fn qpdf_is_clean(path: &Path) {
    match std::process::Command::new("qpdf").arg("--check").arg(path).output() {
        Ok(run) => assert!(run.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&run.stdout)),
        Err(_) => eprintln!("qpdf is not installed: {} not checked", path.display()),
    }
}

#[test]
fn every_kind_of_colour_glyph_is_a_form_over_text_that_still_copies() {
    let dir = tree(&[("emoji.md", EMOJI.as_bytes())]);
    build(dir.path(), &[]);
    let pdf = Document::load(dir.path().join("out/pdf/emoji.pdf")).unwrap();
    let forms = colour_forms(&pdf);
    let of = |face: &str| forms.iter().find(|f| f.1.ends_with(face)).unwrap_or_else(|| panic!("{face} in {forms:?}"));
    assert_eq!(forms.len(), 5, "one form a colour glyph, though ✅ and 🎯 are drawn twice");
    let (_, _, v0, v0_content) = of("FolioColrV0Test-Regular");
    let v0_content = String::from_utf8_lossy(v0_content);
    assert_eq!(v0_content.lines().filter(|l| *l == "W").count(), 3, "each layer clipped to its glyph: {v0_content}");
    let colours = v0_content.matches(" rg").count();
    assert_eq!(colours, 2, "two layers in palette colours, one in the text's colour set by the page: {v0_content}");
    assert!(named(&pdf, v0, b"Shading").is_empty());
    let (_, _, v1, v1_content) = of("FolioColrV1Test-Regular");
    let shadings = named(&pdf, v1, b"Shading");
    let kind = |shading: &Object| shading.as_dict().unwrap().get(b"ShadingType").unwrap().as_i64().unwrap();
    let kinds: Vec<i64> = shadings.into_iter().map(kind).collect();
    assert_eq!(kinds, [2, 3], "the linear gradient axial, the radial one radial");
    let states = named(&pdf, v1, b"ExtGState");
    let alpha = |state: &Object| state.as_dict().unwrap().get(b"ca").unwrap().as_float().unwrap();
    assert_eq!(states.into_iter().map(alpha).collect::<Vec<f32>>(), [0.5], "the half-transparent bar");
    let v1_content = String::from_utf8_lossy(v1_content);
    assert!(v1_content.contains("1 0 0 1 0 400 cm\n"), "the dot moved up: {v1_content}");
    for face in ["FolioSbixTest-Regular", "FolioSvgTest-Regular", "NotoColorEmoji"] {
        let images = named(&pdf, &of(face).2, b"XObject");
        let image = images.first().unwrap_or_else(|| panic!("{face} draws an image")).as_stream().unwrap();
        assert_eq!(image.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Image", "{face}");
    }
    let contents = page_contents(&pdf);
    let shown = |name: &str| contents.matches(&format!("/{name} Do")).count();
    assert_eq!(shown(&of("NotoColorEmoji").0), 2, "🎯 painted twice from one form");
    assert!(contents.contains("3 Tr"), "the colour glyphs' text is invisible");
    let text: String = crate::pdf::page_text(&pdf).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("Done✅,launch🚀,apple🍎,party🎉,target🎯."), "{text}");
    qpdf_is_clean(&dir.path().join("out/pdf/emoji.pdf"));
}

#[test]
fn the_book_and_the_pdf_deck_paint_colour_glyphs_too() {
    let dir = tree(&[("emoji.md", EMOJI.as_bytes()), ("other.md", b"# Other\n\nPlain text.\n")]);
    build(dir.path(), &[]);
    let pdfs: Vec<PathBuf> = ["out", "out/slides"]
        .iter()
        .flat_map(|d| std::fs::read_dir(dir.path().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && !p.ends_with("other.pdf"))
        .collect();
    assert_eq!(pdfs.len(), 3, "the book, the site deck and the page's deck: {pdfs:?}");
    for path in &pdfs {
        let pdf = Document::load(path).unwrap();
        assert_eq!(colour_forms(&pdf).len(), 5, "{}", path.display());
        qpdf_is_clean(path);
    }
}

#[test]
fn pdf_a_takes_a_face_of_bitmaps_alone_as_a_font_for_invisible_text() {
    let dir = tree(&[("emoji.md", EMOJI.as_bytes()), ("folio.toml", b"[pdf]\nstandards = [\"a-2u\", \"ua-1\"]\n")]);
    build(dir.path(), &[]);
    let pdf = Document::load(dir.path().join("out/pdf/emoji.pdf")).unwrap();
    let descriptors: Vec<&Dictionary> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .collect();
    let noto = descriptors.iter().find(|d| d.get(b"FontName").unwrap().as_name().unwrap() == b"NotoColorEmoji");
    let noto = noto.expect("Noto Color Emoji, named without a subset tag: it is not a subset");
    assert!(noto.get(b"FontFile2").is_err(), "no outlines to embed");
    assert!(descriptors.iter().filter(|d| *d != noto).all(|d| d.get(b"FontFile2").is_ok()), "the others are embedded");
    qpdf_is_clean(&dir.path().join("out/pdf/emoji.pdf"));
}

#[test]
fn an_emoticon_dejavu_sans_has_in_black_comes_from_an_emoji_font_in_colour() {
    let page = "# Smile\n\nSmile 😀.\n";
    let (_, forms) = guide_forms("smile", page);
    assert!(forms.len() == 1 && forms[0].1 == "NotoColorEmoji", "{forms:?}");
    let without = tree(&[("smile.md", page.as_bytes())]);
    let run = folio(without.path(), &["build", ".", "-o", "out", "-f", "pdf", "--no-system-fonts"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let pdf = Document::load(without.path().join("out/pdf/smile.pdf")).unwrap();
    assert!(colour_forms(&pdf).is_empty(), "DejaVu Sans draws it where no emoji font is at hand");
    assert!(crate::pdf::page_text(&pdf).contains('😀'));
}

#[test]
fn an_emoji_sequence_is_one_picture_and_the_presentation_selector_asks_for_the_emoji_face() {
    let page = "# Work\n\nCoder \u{1F469}\u{200D}\u{1F4BB} with love \u{2764}\u{FE0F}.\n";
    let (pdf, forms) = guide_forms("work", page);
    // One picture for the joined woman and laptop, one for the heart that DejaVu Sans has in
    // black but the selector asks to see as an emoji.
    assert!(forms.len() == 2 && forms.iter().all(|f| f.1 == "NotoColorEmoji"), "{forms:?}");
    let text = crate::pdf::page_text(&pdf);
    assert!(text.contains("\u{1F469}\u{200D}\u{1F4BB}"), "the sequence copies whole: {text:?}");
    assert!(text.contains('\u{2764}'), "{text:?}");
}

#[test]
fn a_page_without_colour_glyphs_is_the_same_with_colour_fonts_at_hand() {
    let page = "# Plain\n\nText with → an arrow from DejaVu Sans.\n";
    let without = tree(&[("plain.md", page.as_bytes())]);
    let run = folio(without.path(), &["build", ".", "-o", "out", "-f", "pdf", "--no-system-fonts"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let with = tree(&[("plain.md", page.as_bytes())]);
    build(with.path(), &[]);
    let read = |dir: &Path| std::fs::read(dir.join("out/pdf/plain.pdf")).unwrap();
    assert!(read(without.path()) == read(with.path()), "the same bytes");
    let pdf = Document::load(with.path().join("out/pdf/plain.pdf")).unwrap();
    assert!(colour_forms(&pdf).is_empty() && !page_contents(&pdf).contains(" Tr"));
}
