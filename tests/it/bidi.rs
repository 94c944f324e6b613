//! Right-to-left text: Hebrew and Arabic paragraphs (and a Hebrew one with an English word and a
//! number) drawn with the Noto subsets of `data/fonts`, system fonts off: the PDF guide and the
//! PDF deck set them from the right and copy out in logical order; the PPTX marks them `rtl="1"`,
//! the DOCX `w:bidi`.

use crate::ooxml::unzip;
use crate::pdf::page_text;
use crate::util::{folio, load, repo, stderr, tree};
use folio::testing::{layout_book, layout_guide, snapshot, PdfTheme};
use lopdf::content::Content;
use lopdf::Document;
use std::path::Path;

const HEBREW: &str = "שלום עולם";
const ARABIC: &str = "مرحبا بالعالم";
const MIXED: &str = "שלום folio 2026 עולם";
const PAGE: &str =
    "---\ntitle: Directions\n---\n\nשלום עולם\n\nمرحبا بالعالم\n\nשלום folio 2026 עולם\n\nEnglish first.\n";

/// Builds the page into a guide, a deck and a Word document with the test fonts.
fn build(dir: &Path) {
    let fonts = repo().join("tests/it/data/fonts");
    let args = ["build", ".", "-o", "out", "-f", "pdf,slides,docx", "--no-system-fonts", "--font-path"];
    let run = folio(dir, &[&args[..], &[fonts.to_str().unwrap()]].concat());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(!stderr(&run).contains("no font covers"), "{}", stderr(&run));
}

fn number(o: &lopdf::Object) -> f32 {
    o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap_or_default()
}

/// The width of the first page and the x of every text positioning (`Tm`) on it, in the order
/// drawn.
fn text_starts(pdf: &Document) -> (f32, Vec<f32>) {
    let page = *pdf.get_pages().values().next().expect("a page");
    let media = pdf.get_dictionary(page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    let content = Content::decode(&pdf.get_page_content(page)).expect("decodes");
    let starts = content.operations.iter().filter(|op| op.operator == "Tm").map(|op| number(&op.operands[4]));
    (number(&media[2]), starts.collect())
}

/// Checks a PDF of the page: each paragraph's text in logical order, the right-to-left ones set
/// from the right half of the page and the English one from the left.
fn check_pdf(path: &Path) {
    let pdf = Document::load(path).expect("a PDF");
    let text: String = page_text(&pdf).chars().filter(|c| !c.is_whitespace()).collect();
    for line in [HEBREW, ARABIC, MIXED, "Englishfirst."] {
        let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(&line), "{line} in logical order in {text}");
    }
    let (width, starts) = text_starts(&pdf);
    // The title and the English paragraph start at the left margin; every run in between, of
    // the three right-to-left paragraphs, right of the middle.
    let left: Vec<usize> = (0..starts.len()).filter(|&i| starts[i] < width / 4.0).collect();
    let [title, english] = left[..] else { panic!("two lines at the left: {starts:?}") };
    let between = &starts[title + 1..english];
    assert!(between.len() >= 6 && between.iter().all(|&x| x > width / 2.0), "{starts:?} (page {width})");
}

#[test]
fn right_to_left_paragraphs_are_set_from_the_right_and_copy_in_logical_order() {
    let dir = tree(&[("rtl.md", PAGE.as_bytes())]);
    build(dir.path());
    check_pdf(&dir.path().join("out/pdf/rtl.pdf"));
    check_pdf(&dir.path().join("out/slides/rtl.pdf"));
}

#[test]
fn pptx_and_docx_mark_right_to_left_paragraphs() {
    let dir = tree(&[("rtl.md", PAGE.as_bytes())]);
    build(dir.path());
    let pptx = unzip(&std::fs::read(dir.path().join("out/slides/rtl.pptx")).unwrap());
    let slide = &pptx["ppt/slides/slide1.xml"];
    assert_eq!(slide.matches("algn=\"r\" rtl=\"1\"").count(), 3, "{slide}");
    assert!(slide.contains(MIXED) && slide.contains("algn=\"l\" rtl=\"0\"><a:lnSpc"), "{slide}");
    let docx = unzip(&std::fs::read(dir.path().join("out/docx/rtl.docx")).unwrap());
    let body = &docx["word/document.xml"];
    assert_eq!(body.matches("<w:pPr><w:bidi/></w:pPr>").count(), 3, "{body}");
    let runs = "<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">שלום </w:t></w:r><w:r><w:t xml:space=\"preserve\">folio 2026 </w:t></w:r>";
    assert!(body.contains(runs), "{body}");
}

/// The x and text of each laid-out run of the guide of `page`, from its layout snapshot.
fn laid_runs(page: &str) -> Vec<(f32, String)> {
    let dir = tree(&[("p.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("p.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    let shown = snapshot(&laid.pages);
    let runs = shown.lines().filter_map(|line| line.trim().strip_prefix("text ")).filter_map(|rest| {
        let x = rest.split(',').next()?.parse().ok()?;
        Some((x, rest[rest.find('"')?..].to_string()))
    });
    runs.collect()
}

#[test]
fn a_right_to_left_list_item_hangs_its_bullet_at_the_right_and_a_left_to_right_one_at_the_left() {
    let runs = laid_runs("# List\n\n- שלום עולם\n- English item\n");
    let bullets: Vec<f32> = runs.iter().filter(|(_, text)| text.contains('•')).map(|(x, _)| *x).collect();
    let x_of = |word: &str| runs.iter().find(|(_, text)| text.contains(word)).map(|(x, _)| *x).unwrap();
    assert_eq!(bullets.len(), 2, "{runs:?}");
    assert!(bullets[0] > x_of("שלום") && bullets[0] > x_of("עולם"), "the bullet right of the Hebrew: {runs:?}");
    assert!(bullets[1] < x_of("English"), "the bullet left of the English: {runs:?}");
}

#[test]
fn a_right_to_left_list_item_of_the_docx_is_marked_bidi() {
    let dir = tree(&[("l.md", "# List\n\n- שלום עולם\n- English item\n".as_bytes())]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "docx", "--no-system-fonts"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let docx = unzip(&std::fs::read(dir.path().join("out/docx/l.docx")).unwrap());
    let items: Vec<&str> = docx["word/document.xml"].split("<w:p>").filter(|p| p.contains("<w:numPr>")).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].contains("</w:numPr><w:bidi/></w:pPr>") && !items[1].contains("w:bidi"), "{items:?}");
}

#[test]
fn a_right_to_left_chapter_title_is_set_from_the_right_but_its_contents_entry_from_the_left() {
    let he = "---\ntitle: שלום עולם\n---\n\nשלום עולם\n";
    let dir = tree(&[("c/he.md", he.as_bytes()), ("c/en.md", b"---\ntitle: English page\n---\n\nHello.\n")]);
    let loaded = load(&dir.path().join("c"));
    let book = snapshot(&layout_book(&loaded.collection, &PdfTheme::default(), None, &Default::default()).pages);
    let width: f32 = book.lines().next().and_then(|l| l.split(' ').nth(2)?.split('x').next()?.parse().ok()).unwrap();
    // Each page's runs showing the title, by x.
    let mut page = 0;
    let mut places = Vec::new();
    for line in book.lines() {
        if line.starts_with("page ") {
            page += 1;
        } else if let Some(rest) = line.trim().strip_prefix("text ").filter(|l| l.contains("שלום")) {
            places.push((page, rest.split(',').next().unwrap().parse::<f32>().unwrap()));
        }
    }
    let contents = places.iter().filter(|(p, _)| *p == 2).map(|(_, x)| *x).fold(f32::MAX, f32::min);
    assert!(contents < width / 4.0, "the contents entry at the left: {places:?} ({width})");
    let chapter = places.iter().filter(|(p, _)| *p == 4).map(|(_, x)| *x).fold(f32::MAX, f32::min);
    assert!(chapter > width / 2.0 && chapter < f32::MAX, "the chapter's title and text at the right: {places:?}");
}
