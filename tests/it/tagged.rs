//! Tagged PDF (PDF/UA-1) read back with lopdf: every piece of page content is marked content of
//! the structure tree or an artifact, the tree gives the pages' text in reading order, and the
//! document has /Lang, MarkInfo, DisplayDocTitle and XMP naming PDF/UA-1; figures have /Alt,
//! header cells /Scope, and the book's contents are TOC entries linking to their chapters.

use crate::pdf::png;
use crate::util::{folio, stderr, tree};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::BTreeMap;

/// A page with every kind of block, an image with alt text and one without, a footnote and a
/// table long enough to run onto a second page.
fn page() -> String {
    let mut page = String::from(
        "# Tagged\n\nIntro with a [link](https://example.com/x) and a note.[^n]\n\n![A red square](red.png)\n\n\
         ![](red.png)\n\n## Lists\n\n- one\n- two\n\n> Quoted.\n\n!!!tip Mind\nThe gap.\n!!!\n\n```\nlet x = 1;\n```\n\n\
         | Name | Value |\n|---|---|\n",
    );
    for row in 0..90 {
        page.push_str(&format!("| row {row} | value {row} |\n"));
    }
    page.push_str("\n[^n]: The note text.\n");
    page
}

/// The site: the tagged page and a second one, built by the folio binary with `args`.
fn built(args: &[&str]) -> (tempfile::TempDir, String) {
    let page = page();
    let red = png(4, 4, 0);
    let files: [(&str, &[u8]); 4] = [
        ("folio.toml", b"[site]\ntitle = \"Tagged Site\"\n"),
        ("tagged.md", page.as_bytes()),
        ("other.md", b"---\norder: 1\n---\n# Other\n\nBack to [tagged](tagged.md).\n"),
        ("red.png", &red),
    ];
    let dir = tree(&files);
    let mut all = vec!["build", ".", "-o", "out", "-f", "pdf,slides"];
    all.extend(args);
    let output = folio(dir.path(), &all);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    (dir, err)
}

fn load(dir: &tempfile::TempDir, path: &str) -> Document {
    Document::load(dir.path().join("out").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What a page's content streams mark: the text of each MCID, MCIDs that draw an image, and
/// text drawn outside any marked content (fills and rules must be in artifacts).
#[derive(Default)]
struct Marked {
    text: BTreeMap<(ObjectId, i64), String>,
    images: Vec<(ObjectId, i64)>,
    untagged: String,
}

fn marked(pdf: &Document) -> Marked {
    let mut marked = Marked::default();
    for (_, page) in pdf.get_pages() {
        let fonts = pdf.get_page_fonts(page).unwrap();
        let encodings: BTreeMap<Vec<u8>, Encoding> =
            fonts.into_iter().map(|(name, font)| (name, font.get_font_encoding(pdf).unwrap())).collect();
        let content = Content::decode(&pdf.get_page_content(page)).unwrap();
        // Each open sequence: its MCID, or none for an artifact.
        let mut open: Vec<Option<i64>> = Vec::new();
        let mut font: Option<Vec<u8>> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op.operands.get(1).and_then(|o| o.as_dict().ok()).and_then(|d| d.get(b"MCID").ok());
                    open.push(mcid.and_then(|m| m.as_i64().ok()));
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    open.push(None);
                }
                "EMC" => {
                    open.pop().expect("EMC closes a BDC or BMC");
                }
                "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
                "Tj" | "TJ" => {
                    let encoding = &encodings[font.as_ref().expect("a font is set")];
                    let text = shown(encoding, &op.operands);
                    match open.last() {
                        Some(Some(mcid)) => marked.text.entry((page, *mcid)).or_default().push_str(&text),
                        Some(None) => {}
                        None => marked.untagged.push_str(&text),
                    }
                }
                "Do" => match open.last() {
                    Some(Some(mcid)) => marked.images.push((page, *mcid)),
                    _ => panic!("an image drawn outside a figure"),
                },
                // Fills and strokes: decoration, always inside an artifact.
                "f" | "S" => assert_eq!(open.last(), Some(&None), "a fill or rule outside an artifact"),
                _ => {}
            }
        }
        assert!(open.is_empty(), "marked content closed on each page");
    }
    marked
}

fn shown(encoding: &Encoding, operands: &[Object]) -> String {
    let mut text = String::new();
    for operand in operands {
        match operand {
            Object::String(bytes, _) => text.push_str(&Document::decode_text(encoding, bytes).unwrap()),
            Object::Array(items) => text.push_str(&shown(encoding, items)),
            _ => {}
        }
    }
    text
}

/// A structure element read back: its type, depth, attributes, and its marked content in order.
#[derive(Debug)]
struct Element {
    kind: String,
    depth: usize,
    alt: Option<String>,
    id: Option<String>,
    scope: Option<String>,
    content: Vec<(ObjectId, i64)>,
    /// Annotations it holds (link elements).
    annotations: Vec<ObjectId>,
}

/// The structure tree's elements in reading order (depth first), and its marked content in
/// the order its elements and their children give.
fn elements(pdf: &Document) -> (Vec<Element>, Vec<(ObjectId, i64)>) {
    let root = pdf.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap();
    let (mut out, mut order) = (Vec::new(), Vec::new());
    let root = pdf.get_dictionary(root).unwrap();
    for kid in kids(root) {
        walk(pdf, kid.as_reference().unwrap(), 0, (&mut out, &mut order));
    }
    (out, order)
}

fn kids(dict: &Dictionary) -> Vec<Object> {
    match dict.get(b"K") {
        Ok(Object::Array(items)) => items.clone(),
        Ok(one) => vec![one.clone()],
        Err(_) => Vec::new(),
    }
}

fn walk(pdf: &Document, id: ObjectId, depth: usize, (out, order): (&mut Vec<Element>, &mut Vec<(ObjectId, i64)>)) {
    let dict = pdf.get_dictionary(id).unwrap();
    let kind = String::from_utf8(dict.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
    let page = dict.get(b"Pg").and_then(Object::as_reference).ok();
    let alt = dict.get(b"Alt").ok().map(|a| lopdf::decode_text_string(a).unwrap());
    let id = dict.get(b"ID").ok().map(|i| String::from_utf8_lossy(i.as_str().unwrap()).into_owned());
    let scope = dict
        .get(b"A")
        .ok()
        .and_then(|a| a.as_array().ok()?.first()?.as_dict().ok()?.get(b"Scope").ok()?.as_name().ok())
        .map(|s| String::from_utf8_lossy(s).into_owned());
    let at = out.len();
    out.push(Element { kind, depth, alt, id, scope, content: Vec::new(), annotations: Vec::new() });
    for kid in kids(dict) {
        let content = match kid {
            Object::Integer(mcid) => (page.expect("an element with MCIDs has /Pg"), mcid),
            Object::Reference(child) => {
                walk(pdf, child, depth + 1, (&mut *out, &mut *order));
                continue;
            }
            Object::Dictionary(mcr) if mcr.get(b"Obj").is_ok() => {
                out[at].annotations.push(mcr.get(b"Obj").unwrap().as_reference().unwrap());
                continue;
            }
            Object::Dictionary(mcr) => {
                (mcr.get(b"Pg").unwrap().as_reference().unwrap(), mcr.get(b"MCID").unwrap().as_i64().unwrap())
            }
            other => panic!("unexpected kid {other:?}"),
        };
        out[at].content.push(content);
        order.push(content);
    }
}

/// Checks what every tagged PDF must hold; returns its elements.
fn check_tagged(pdf: &Document) -> Vec<Element> {
    let catalog = pdf.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    let mark_info = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = catalog.get(b"ViewerPreferences").unwrap().as_dict().unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let metadata = pdf.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let xmp = String::from_utf8(metadata.as_stream().unwrap().content.clone()).unwrap();
    assert!(xmp.contains("pdfuaid:part>1<") || xmp.contains("pdfuaid:part=\"1\""), "{xmp}");
    assert!(xmp.contains("dc:title"), "{xmp}");

    let marked = marked(pdf);
    assert_eq!(marked.untagged, "", "every piece of text is tagged or an artifact");
    let (elements, in_tree) = elements(pdf);
    assert_eq!(elements[0].kind, "Document");
    // Reading order: the tree's marked content, depth first, is each page's in order.
    let in_pages: Vec<(ObjectId, i64)> = page_order(pdf, &marked);
    assert_eq!(in_tree, in_pages, "the structure tree holds every MCID once, in page order");
    let tree_text: String = in_tree.iter().filter_map(|k| marked.text.get(k)).map(String::as_str).collect();
    let page_text: String = in_pages.iter().filter_map(|k| marked.text.get(k)).map(String::as_str).collect();
    assert_eq!(tree_text, page_text);
    for figure in elements.iter().filter(|e| e.kind == "Figure") {
        assert!(figure.alt.as_deref().is_some_and(|a| !a.trim().is_empty()), "a figure has /Alt: {figure:?}");
        assert!(figure.content.iter().any(|k| marked.images.contains(k)), "the figure draws its image");
    }
    for note in elements.iter().filter(|e| e.kind == "Note") {
        assert!(note.id.as_deref().is_some_and(|id| id.starts_with("note-")), "a note has an ID: {note:?}");
    }
    let ids: std::collections::BTreeSet<_> = elements.iter().filter_map(|e| e.id.as_deref()).collect();
    assert_eq!(ids.len(), elements.iter().filter(|e| e.id.is_some()).count(), "IDs are unique");
    for th in elements.iter().filter(|e| e.kind == "TH") {
        assert_eq!(th.scope.as_deref(), Some("Column"), "{th:?}");
    }
    elements
}

/// Every marked-content reference of the pages, in page and content order.
fn page_order(pdf: &Document, marked: &Marked) -> Vec<(ObjectId, i64)> {
    let mut order = Vec::new();
    for (_, page) in pdf.get_pages() {
        let mcids = marked.text.keys().chain(&marked.images).filter(|k| k.0 == page).map(|k| k.1);
        let mut mcids: Vec<i64> = mcids.collect();
        mcids.sort_unstable();
        mcids.dedup();
        order.extend(mcids.into_iter().map(|m| (page, m)));
    }
    order
}

fn text_of(marked: &Marked, element: &Element) -> String {
    element.content.iter().filter_map(|k| marked.text.get(k)).map(String::as_str).collect()
}

#[test]
fn a_guide_is_tagged_in_reading_order() {
    let (dir, err) = built(&[]);
    let pdf = load(&dir, "pdf/tagged.pdf");
    let elements = check_tagged(&pdf);
    let marked = marked(&pdf);
    let kinds: Vec<&str> = elements.iter().map(|e| e.kind.as_str()).collect();
    let expected = [
        "Document",
        "Sect",
        "H1",
        "P",
        "Link",
        "Figure",
        "H2",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "P",
        "BlockQuote",
        "P",
        "Div",
        "Caption",
        "P",
        "Code",
        "Table",
        "THead",
        "TR",
        "TH",
        "TBody",
        "TR",
        "TD",
        "Note",
        "Lbl",
        "P",
    ];
    let mut at = 0;
    for kind in &kinds {
        if at < expected.len() && *kind == expected[at] {
            at += 1;
        }
    }
    assert_eq!(at, expected.len(), "{:?} in order in {kinds:?}", expected.get(at));
    let alts: Vec<&str> = elements.iter().filter_map(|e| e.alt.as_deref()).collect();
    assert_eq!(alts, ["A red square", "red.png"], "an image without alt text is named by its file");
    assert_eq!(kinds.iter().filter(|k| **k == "THead").count(), 1, "the header repeated on page 2 is an artifact");
    assert_eq!(kinds.iter().filter(|k| **k == "TH").count(), 2);
    let heading = elements.iter().find(|e| e.kind == "H1").unwrap();
    assert_eq!(text_of(&marked, heading), "Tagged");
    let link = elements.iter().find(|e| e.kind == "Link").unwrap();
    assert_eq!(text_of(&marked, link), "link");
    let annotation = pdf.get_dictionary(link.annotations[0]).unwrap();
    assert_eq!(lopdf::decode_text_string(annotation.get(b"Contents").unwrap()).unwrap(), "link");
    assert!(annotation.get(b"StructParent").is_ok());
    assert!(pdf.get_pages().len() >= 2, "the table runs onto a second page");
    assert!(err.contains("tagged.md:7:1: image `red.png` has no alt text"), "{err}");
    assert_eq!(err.matches("has no alt text").count(), 1, "{err}");
}

#[test]
fn the_book_has_a_part_a_chapter_and_its_contents_as_toc_entries() {
    let (dir, _) = built(&[]);
    let pdf = load(&dir, "tagged-site.pdf");
    let elements = check_tagged(&pdf);
    let top: Vec<&str> = elements.iter().filter(|e| e.depth == 1).map(|e| e.kind.as_str()).collect();
    assert_eq!(top, ["H1", "P", "H1", "TOC", "Sect", "Sect"], "cover, contents, then a section a chapter");
    let entries: Vec<&Element> = elements.iter().filter(|e| e.kind == "TOCI").collect();
    assert!(entries.len() >= 3, "{entries:?}");
    let marked = marked(&pdf);
    let toc_index = elements.iter().position(|e| e.kind == "TOC").unwrap();
    let link = &elements[toc_index + 2];
    assert_eq!(link.kind, "Link");
    assert!(text_of(&marked, link).starts_with("Other"), "the first entry names its chapter");
    let annotation = pdf.get_dictionary(link.annotations[0]).unwrap();
    let dest = annotation.get(b"A").unwrap().as_dict().unwrap().get(b"D").unwrap();
    assert_eq!(dest.as_str().unwrap(), b"other", "the entry links to its chapter");
}

#[test]
fn a_pdf_deck_is_tagged() {
    let (dir, _) = built(&[]);
    let pdf = load(&dir, "slides/tagged.pdf");
    let elements = check_tagged(&pdf);
    let kinds: Vec<&str> = elements.iter().map(|e| e.kind.as_str()).collect();
    for kind in ["Sect", "H1", "L", "LI", "Table", "TR", "TH", "TD", "Code"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
}

#[test]
fn tagged_output_is_the_same_bytes_with_one_thread_or_two() {
    let (one, _) = built(&["--jobs", "1"]);
    let (two, _) = built(&["--jobs", "2"]);
    for path in ["tagged-site.pdf", "pdf/tagged.pdf", "slides/tagged.pdf"] {
        let read = |dir: &tempfile::TempDir| std::fs::read(dir.path().join("out").join(path)).unwrap();
        assert!(read(&one) == read(&two), "{path} differs");
    }
}

#[test]
fn the_language_comes_from_the_page_then_site_lang_and_a_bad_tag_is_reported() {
    let page: &[u8] = b"# Seite\n\nText.\n";
    let french: &[u8] = b"---\nlang: fr-CA\n---\n# Page\n\nTexte.\n";
    let odd: &[u8] = b"---\nlang: fr CA\n---\n# Odd\n\nText.\n";
    let files: [(&str, &[u8]); 4] = [
        ("folio.toml", b"[site]\ntitle = \"S\"\nlang = \"de-CH\"\n"),
        ("seite.md", page),
        ("page.md", french),
        ("odd.md", odd),
    ];
    let dir = tree(&files);
    let output = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf,slides"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lang = |path: &str| load(&dir, path).catalog().unwrap().get(b"Lang").unwrap().as_str().unwrap().to_vec();
    for (path, expected) in [
        ("pdf/seite.pdf", &b"de-CH"[..]),
        ("s.pdf", b"de-CH"),
        ("slides/seite.pdf", b"de-CH"),
        ("pdf/page.pdf", b"fr-CA"),
        ("slides/page.pdf", b"fr-CA"),
        ("pdf/odd.pdf", b"de-CH"),
    ] {
        assert_eq!(lang(path), expected, "{path}");
    }
    let err = stderr(&output);
    assert!(err.contains("odd.md") && err.contains("`lang` should be a language tag"), "{err}");
    let bad = tree(&[("folio.toml", b"[site]\nlang = \"en US\"\n"), ("seite.md", page)]);
    let output = folio(bad.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("folio.toml:2") && err.contains("not a language tag"), "{err}");
}
