//! The PDF backend: layout snapshots and page-box checks, and PDFs read back with lopdf.

use crate::util::{content, load, real_trees, tree};
use folio::backends::{lookup, Artifact, RenderContext, Rendered};
use folio::config::Config;
use folio::layout::{Item, Page};
use folio::testing::{layout_book, layout_guide, snapshot, PdfTheme};
use lopdf::{Document, Object};
use std::path::Path;

/// A page with most kinds of block.
const DEMO: &str = "---\nlabel: Demo\ntags: [a, b]\n---\n# Demo page\n\nSome *emphasis*, **bold**, `code` and a \
[link](https://example.com) → ✓.\n\n## Lists\n\n- one\n- two\n  1. nested\n  2. list\n- [x] done\n\n> A quote.\n\n\
!!!warning Careful\nMind the gap.\n!!!\n\n```\nfn main() {}\n```\n\n| A | B |\n|---|---|\n| 1 | two words |\n\n\
## Links\n\nSee [the other page](other.md#details) and [lists](#lists).[^n]\n\n[^n]: The note.\n";

const OTHER: &str = "---\norder: 1\n---\n# Other page\n\nIntro.\n\n## Details\n\nBack to [demo](demo.md). Odd: 漢.\n";

/// A two-page site with links between its pages.
fn site() -> tempfile::TempDir {
    tree(&[
        ("folio.toml", b"[site]\ntitle = \"Demo Site\"\n" as &[u8]),
        ("demo.md", DEMO.as_bytes()),
        ("other.md", OTHER.as_bytes()),
    ])
}

fn render(dir: &Path) -> Rendered {
    let loaded = load(dir);
    let config = Config::discover(None, dir).unwrap();
    let (assets, _) = folio::driver::load_assets(&loaded);
    lookup("pdf").unwrap().render(&RenderContext::new(&loaded.collection, &config, &assets)).expect("renders")
}

fn artifact<'a>(rendered: &'a Rendered, path: &str) -> &'a Artifact {
    rendered.artifacts.iter().find(|a| a.path == path).unwrap_or_else(|| panic!("{path} is made"))
}

pub fn page_text(pdf: &Document) -> String {
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages).expect("text extracts")
}

pub fn outline_titles(pdf: &Document) -> Vec<(usize, String)> {
    fn walk(pdf: &Document, id: Option<lopdf::ObjectId>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = id;
        while let Some(id) = next {
            let dict = pdf.get_dictionary(id).unwrap();
            let title = match dict.get(b"Title").unwrap() {
                Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => String::from_utf16(
                    &bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>(),
                )
                .unwrap(),
                Object::String(bytes, _) => String::from_utf8(bytes.clone()).unwrap(),
                other => panic!("title {other:?}"),
            };
            out.push((depth, title));
            walk(pdf, dict.get(b"First").and_then(Object::as_reference).ok(), depth + 1, out);
            next = dict.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let catalog = pdf.catalog().unwrap();
    let root = pdf.get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut out = Vec::new();
    walk(pdf, root.get(b"First").and_then(Object::as_reference).ok(), 0, &mut out);
    out
}

/// Every link action on every page: (kind, target text).
pub fn link_actions(pdf: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in pdf.get_pages().values() {
        let Ok(annots) = pdf.get_dictionary(*page).unwrap().get(b"Annots").and_then(Object::as_array) else { continue };
        for annot in annots {
            let annot = match annot {
                Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
                inline => inline.as_dict().unwrap(),
            };
            assert_eq!(annot.get(b"Border").unwrap().as_array().unwrap().len(), 3, "links have a zero border");
            let action = annot.get(b"A").unwrap().as_dict().unwrap();
            let kind = String::from_utf8(action.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
            let target = match kind.as_str() {
                "URI" => action.get(b"URI").unwrap().as_str().map(|s| String::from_utf8_lossy(s).into_owned()),
                "GoTo" => action.get(b"D").unwrap().as_str().map(|s| String::from_utf8_lossy(s).into_owned()),
                _ => {
                    let file = action.get(b"F").unwrap().as_dict().unwrap().get(b"F").unwrap().as_str().unwrap();
                    Ok(String::from_utf8_lossy(file).into_owned())
                }
            };
            out.push((kind, target.unwrap()));
        }
    }
    out
}

#[test]
fn golden_layout_of_a_small_page() {
    let dir = tree(&[("g.md", b"# Golden\n\nA **bold** [link](https://x.org).\n\n## Part\n\n- one\n- two\n" as &[u8])]);
    let loaded = load(&dir.path().join("g.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    let expected = "\
page 1 595.3x841.9
  anchor 56.7 g outline 0 \"Golden\"
  text 56.7,79.4 NotoSans-Bold 23.0 #141721 \"Golden\"
  rule 56.7,90.3 538.6,90.3 w1.5
  text 56.7,109.4 NotoSerif-Regular 10.0 #1f1f24 \"A \"
  text 66.3,109.4 NotoSerif-Bold 10.0 #1f1f24 \"bold\"
  text 89.0,109.4 NotoSerif-Regular 10.0 #1f1f24 \" \"
  text 91.6,109.4 NotoSerif-Regular 10.0 #1d4e89 \"link\"
  text 110.2,109.4 NotoSerif-Regular 10.0 #1f1f24 \".\"
  link 91.6,100.4 18.6x12.0 -> https://x.org
  anchor 131.8 g#part outline 1 \"Part\"
  text 56.7,147.5 NotoSans-Bold 15.5 #1d4e89 \"Part\"
  rule 56.7,153.2 538.6,153.2 w0.6
  text 63.6,169.8 NotoSerif-Regular 10.0 #1f1f24 \"•\"
  text 71.7,169.8 NotoSerif-Regular 10.0 #1f1f24 \"one\"
  text 63.6,185.8 NotoSerif-Regular 10.0 #1f1f24 \"•\"
  text 71.7,185.8 NotoSerif-Regular 10.0 #1f1f24 \"two\"
  text 496.8,816.4 NotoSans-Regular 8.0 #737380 \"page 1 of 1\"
";
    assert_eq!(snapshot(&laid.pages), expected);
}

/// Checks that nothing on a page leaves the page box, naming the page and item otherwise.
pub fn assert_inside(what: &str, pages: &[Page]) {
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            let [l, t, r, b] = item.bounds();
            let inside = l >= -0.01 && t >= -0.01 && r <= page.width + 0.01 && b <= page.height + 0.01;
            assert!(inside, "{what} page {}: {item:?} leaves the page", n + 1);
        }
    }
}

#[test]
fn every_page_of_content_the_seed_and_the_corpus_stays_inside_the_page() {
    let folders = real_trees();
    let mut documents = 0;
    for (n, folder) in folders.into_iter().enumerate() {
        let loaded = load(&folder);
        if n == 0 {
            let book = layout_book(&loaded.collection, &PdfTheme::default(), Some("2026-01-01"), &Default::default());
            assert_inside("the book of content/", &book.pages);
        }
        for doc in &loaded.collection.documents {
            let laid = layout_guide(doc, &loaded.collection, &PdfTheme::default(), &Default::default());
            assert!(!laid.pages.is_empty());
            assert_inside(&format!("{}/{}", folder.display(), doc.source), &laid.pages);
            documents += 1;
        }
    }
    assert!(documents > 40, "{documents} documents");
}

#[test]
fn guides_read_back_with_text_outline_links_and_subset_fonts() {
    let dir = site();
    let rendered = render(dir.path());
    let demo = artifact(&rendered, "pdf/demo.pdf");
    assert!(demo.bytes.len() < 80_000, "a one-page guide is small: {} bytes", demo.bytes.len());
    let pdf = Document::load_mem(&demo.bytes).unwrap();
    assert_eq!(pdf.get_pages().len(), 1);
    let text = page_text(&pdf);
    let order: Vec<usize> = ["Demo page", "Lists", "Mind the gap", "Links", "The note"]
        .iter()
        .map(|h| text.find(h).unwrap_or_else(|| panic!("{h:?} in {text:?}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "reading order {order:?}");
    assert!(text.contains('→') && text.contains('✓'), "fallback glyphs copy as themselves");
    assert_eq!(outline_titles(&pdf), vec![(0, "Demo page".into()), (1, "Lists".into()), (1, "Links".into())]);
    let links = link_actions(&pdf);
    assert!(links.contains(&("URI".into(), "https://example.com".into())), "{links:?}");
    assert!(links.contains(&("GoToR".into(), "other.pdf".into())), "{links:?}");
    assert!(links.contains(&("GoTo".into(), "demo#lists".into())), "{links:?}");
    assert!(links.contains(&("GoTo".into(), "demo#fn-n".into())), "{links:?}");
    let fonts = embedded_subset_fonts(&pdf);
    assert!(fonts >= 5, "{fonts} fonts");
}

/// The number of fonts, after checking that each is embedded as a tagged subset.
pub fn embedded_subset_fonts(pdf: &Document) -> usize {
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor") {
            fonts += 1;
            let name = String::from_utf8(dict.get(b"FontName").unwrap().as_name().unwrap().to_vec()).unwrap();
            assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "subset tag in {name}");
            assert!(name[..6].bytes().all(|b| b.is_ascii_uppercase()), "{name}");
            assert!(dict.get(b"FontFile2").is_ok(), "{name} is embedded");
        }
    }
    fonts
}

#[test]
fn a_character_no_font_has_is_a_warning_with_its_place() {
    let rendered = render(site().path());
    let warning = rendered.diagnostics.iter().find(|d| d.message.contains("U+6F22")).expect("a warning for 漢");
    assert_eq!((warning.file.as_str(), warning.line), ("other.md", 10));
    let pdf = Document::load_mem(&artifact(&rendered, "pdf/other.pdf").bytes).unwrap();
    assert!(page_text(&pdf).contains('\u{FFFD}'), "drawn as the replacement character");
}

#[test]
fn the_book_has_cover_contents_chapters_and_internal_jumps() {
    let rendered = render(site().path());
    let book = artifact(&rendered, "demo-site.pdf");
    assert!(book.document.is_none());
    let pdf = Document::load_mem(&book.bytes).unwrap();
    assert_eq!(pdf.get_pages().len(), 4, "cover, contents, two chapters");
    let text = page_text(&pdf);
    let contents = text.find("Contents").expect("contents");
    assert!(text[contents..].contains("Other page"), "{text}");
    assert!(text.contains("page 3 of 4"), "{text}");
    let titles = outline_titles(&pdf);
    assert_eq!(titles[..2], [(0, "Contents".into()), (0, "Other page".into())], "order 1 comes first: {titles:?}");
    assert!(titles.contains(&(1, "Details".into())), "{titles:?}");
    let links = link_actions(&pdf);
    assert!(links.iter().all(|(kind, _)| kind == "GoTo" || kind == "URI"), "{links:?}");
    assert!(links.contains(&("GoTo".into(), "other#details".into())), "{links:?}");
}

#[test]
fn a_book_of_many_chapters_is_written_in_batches_in_order() {
    // More chapters than one batch of the streamed book (64 a thread), each on a page of its own.
    let pages: Vec<(String, String)> = (1..=300)
        .map(|i| {
            (format!("p{i:02}.md"), format!("---\norder: {}\n---\n# Chapter {i}\n\nText of chapter {i}.\n", 1000 - i))
        })
        .collect();
    let files: Vec<(&str, &[u8])> = pages.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    let dir = tree(&files);
    let loaded = load(dir.path());
    let in_memory = layout_book(&loaded.collection, &PdfTheme::default(), None, &Default::default());
    let rendered = render(dir.path());
    let book = rendered.artifacts.iter().find(|a| a.document.is_none()).expect("a book");
    let pdf = Document::load_mem(&book.bytes).unwrap();
    let total = in_memory.pages.len();
    assert_eq!(pdf.get_pages().len(), total, "the streamed book has the pages of the one laid out in memory");
    let titles: Vec<String> = outline_titles(&pdf).into_iter().map(|(_, t)| t).collect();
    let expected: Vec<String> =
        std::iter::once("Contents".to_string()).chain((1..=300).map(|i| format!("Chapter {i}"))).collect();
    assert_eq!(titles, expected);
    for &n in pdf.get_pages().keys() {
        let text = pdf.extract_text(&[n]).unwrap();
        if n > 1 {
            assert!(text.contains(&format!("page {n} of {total}")), "page {n}: {text}");
        }
    }
    let last = pdf.extract_text(&[total as u32]).unwrap();
    assert!(last.contains("Text of chapter 300"), "{last}");
}

#[test]
fn a_guide_shows_the_pages_of_its_chapter_in_the_book() {
    let rendered = render(content().as_path());
    let book = rendered.artifacts.iter().find(|a| a.document.is_none()).expect("a book");
    let book = Document::load_mem(&book.bytes).unwrap();
    let book_pages: Vec<String> =
        (1..=book.get_pages().len() as u32).map(|n| book.extract_text(&[n]).unwrap()).collect();
    // Header and footer lines differ ("page 3 of 6" against "page 31 of 55"); the rest is the same.
    let body = |text: &str, title: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("page ") && *l != title && !l.is_empty())
            .map(String::from)
            .collect()
    };
    let loaded = load(&content());
    let mut checked = 0;
    for doc in &loaded.collection.documents {
        let guide = rendered.artifacts.iter().find(|a| a.path == format!("pdf/{}.pdf", doc.id)).expect("a guide");
        let guide = Document::load_mem(&guide.bytes).unwrap();
        let pages = guide.get_pages().len();
        let first = body(&guide.extract_text(&[1]).unwrap(), &doc.title);
        let start = book_pages.iter().position(|p| body(p, &doc.title) == first).expect("the chapter is in the book");
        for n in 1..=pages {
            let text = guide.extract_text(&[n as u32]).unwrap();
            assert!(text.contains(&format!("page {n} of {pages}")), "{}: {text}", doc.id);
            assert_eq!(body(&text, &doc.title), body(&book_pages[start + n - 1], &doc.title), "{} page {n}", doc.id);
        }
        checked += pages;
    }
    assert!(checked > 40, "{checked} pages compared");
}

#[test]
fn two_renders_give_the_same_bytes() {
    let dir = site();
    let (a, b) = (render(dir.path()), render(dir.path()));
    assert_eq!(a.artifacts.len(), 3);
    for (x, y) in a.artifacts.iter().zip(&b.artifacts) {
        assert_eq!(x.path, y.path);
        assert!(x.bytes == y.bytes, "{} differs between runs", x.path);
    }
    let trailer = Document::load_mem(&a.artifacts[0].bytes).unwrap().trailer;
    assert!(trailer.get(b"ID").is_ok(), "a content-derived /ID");
}

#[test]
fn the_theme_sets_paper_and_rejects_bad_values() {
    let letter = tree(&[
        ("folio.toml", b"[pdf]\npaper = \"letter\"\naccent = \"#aa3300\"\nnumbering = true\n" as &[u8]),
        ("a.md", b"# A\n\n## One\n\nText.\n"),
    ]);
    let rendered = render(letter.path());
    let pdf = Document::load_mem(&artifact(&rendered, "pdf/a.pdf").bytes).unwrap();
    let page = pdf.get_dictionary(*pdf.get_pages().values().next().unwrap()).unwrap();
    let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
    assert_eq!(media[2].as_float().unwrap(), 612.0);
    assert!(page_text(&pdf).contains("1  One"), "numbered heading");
    let bad = tree(&[("folio.toml", b"[pdf]\naccent = \"blue\"\n" as &[u8]), ("a.md", b"# A\n")]);
    let loaded = load(bad.path());
    let config = Config::discover(None, bad.path()).unwrap();
    let assets = Default::default();
    let err = lookup("pdf").unwrap().render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap_err();
    assert!(err.is_usage() && err.to_string().contains("accent"), "{err}");
    assert!(matches!(Item::Anchor { name: String::new(), y: 0.0, outline: None }.bounds(), [0.0, 0.0, 0.0, 0.0]));
}

#[test]
fn words_wider_than_the_line_are_cut_and_kept_inside() {
    let long = "x".repeat(300);
    let title = "A very long title ".repeat(12);
    let filler = "Filler paragraph to reach a second page.\n\n".repeat(60);
    let page =
        format!("# {title}\n\n{long} and incomprehensibilities.\n\n| a | b |\n|---|---|\n| {long} | y |\n\n{filler}");
    let dir = tree(&[("w.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("w.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    assert!(laid.pages.len() >= 2, "the running header shows from page 2");
    assert_inside("w.md", &laid.pages);
    let text: String = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| if let Item::Text(run) = i { Some(run.text.clone()) } else { None })
        .collect();
    assert_eq!(text.matches('x').count(), 600, "nothing is lost when a word is cut");
}

#[test]
fn a_word_of_200_kilobytes_is_broken_into_lines_and_kept_whole() {
    // Fuzzing found this quadratic once (a 64 KB word took seconds); it is linear now, which the
    // benchmarks measure. Here: every character is kept, in order, inside the pages.
    let word: String = "abcdefghij".repeat(20_000);
    let page = format!("# Long\n\n{word}\n");
    let dir = tree(&[("w.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("w.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    assert_inside("w.md", &laid.pages);
    let text: String = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| if let Item::Text(run) = i { Some(run.text.clone()) } else { None })
        .filter(|t| t.chars().all(|c| ('a'..='j').contains(&c) || c == '-'))
        .collect();
    assert_eq!(text.replace('-', ""), word, "the word, less its hyphens, reads back whole");
    assert!(laid.pages.len() > 20, "{} pages", laid.pages.len());
}

#[test]
fn a_table_row_taller_than_a_page_is_split_between_lines() {
    let cell = (1..=150).map(|i| format!("line {i}")).collect::<Vec<_>>().join("<br>");
    let page = format!("# Tall\n\n| head | other |\n|---|---|\n| {cell} | short |\n");
    let dir = tree(&[("t.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("t.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
    assert_inside("t.md", &laid.pages);
    let last = laid.pages.last().unwrap().items.iter().any(|i| matches!(i, Item::Text(r) if r.text == "line 150"));
    assert!(last, "the last line of the cell is on the last page");
}

/// A PNG file of `width` × `height` RGBA pixels, every row with filter `filter` (checksums are
/// left zero: folio does not check them).
pub fn png(width: u32, height: u32, filter: u8) -> Vec<u8> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(data);
        out.extend([0; 4]);
        out
    };
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 6, 0, 0, 0]);
    let mut raw = Vec::new();
    for _ in 0..height {
        raw.push(filter);
        raw.extend((0..width * 4).map(|i| (i * 7) as u8));
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut encoder, &raw).unwrap();
    let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
    file.extend(chunk(b"IHDR", &header));
    file.extend(chunk(b"IDAT", &encoder.finish().unwrap()));
    file.extend(chunk(b"IEND", &[]));
    file
}

#[test]
fn an_image_alone_in_a_paragraph_is_drawn_scaled_into_the_column() {
    let picture = png(2000, 100, 4);
    let page = b"# Picture\n\n![wide](img/wide.png)\n\n![moving](img/anim.gif)\n";
    let dir = tree(&[("p.md", page as &[u8]), ("img/wide.png", &picture), ("img/anim.gif", b"GIF89a")]);
    let loaded = load(dir.path());
    let (assets, _) = folio::driver::load_assets(&loaded);
    let laid = layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &assets);
    let image =
        laid.pages[0].items.iter().find_map(|i| if let Item::Image { w, h, .. } = i { Some((*w, *h)) } else { None });
    let (w, h) = image.expect("the image is laid out");
    assert!((w - 481.9).abs() < 0.1 && (h - w / 20.0).abs() < 0.1, "scaled to the column keeping its shape: {w}x{h}");
    assert_inside("p.md", &laid.pages);
    assert_eq!(laid.diagnostics.len(), 1, "the GIF is a warning: {:?}", laid.diagnostics);
    assert_eq!((laid.diagnostics[0].line, laid.diagnostics[0].column), (5, 1));
    assert!(snapshot(&laid.pages).contains("\"[moving]\""), "and shows its alt text");
    let pdf = Document::load_mem(&artifact(&render(dir.path()), "pdf/p.pdf").bytes).unwrap();
    let images: Vec<&lopdf::Stream> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .collect();
    assert_eq!(images.len(), 2, "colour and its soft mask");
    let mask = images.iter().find(|s| s.dict.get(b"ColorSpace").and_then(Object::as_name).ok() == Some(b"DeviceGray"));
    let mut mask = (*mask.expect("an alpha mask")).clone();
    mask.decompress().unwrap();
    assert_eq!(mask.content.len(), 2000 * 100, "one alpha byte a pixel after undoing the Paeth filter");
}

#[test]
fn deep_nesting_and_a_long_label_stay_inside_the_page() {
    let list: String =
        (0..40).map(|depth| format!("{}- level {depth} with some words\n", "  ".repeat(depth))).collect();
    let quotes = format!("{} deeply quoted text that has to wrap somewhere\n", "> ".repeat(40));
    let label = "Label ".repeat(40);
    let wide = format!("|{}\n|{}\n|{}\n", "h|".repeat(90), "-|".repeat(90), "cell|".repeat(90));
    let page = format!("---\nlabel: {label}\n---\n# Deep\n\n{wide}\n{list}\n{quotes}");
    let dir = tree(&[("d.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("d.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    assert_inside("d.md", &laid.pages);
    let heads: Vec<(f32, f32)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(run) if run.text == "h" => Some((run.x, run.x + run.width)),
            _ => None,
        })
        .collect();
    assert_eq!(heads.len(), 90);
    assert!(heads.windows(2).all(|w| w[1].0 >= w[0].1), "the 90 header cells do not overlap");
}

#[test]
fn a_page_that_only_redirects_says_where_it_moved() {
    // As the Financial Times' competency pages do (jekyll-redirect-from).
    let page = b"---\ntitle: Junior Engineer Competencies\nredirect_to: https://example.com/junior/\n---\n";
    let dir = crate::util::tree(&[("junior.md", page)]);
    let rendered = render(dir.path());
    let pdf = Document::load_mem(&artifact(&rendered, "pdf/junior.pdf").bytes).expect("the guide reads back");
    let text = page_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("This page has moved to https://example.com/junior/"), "{text}");
    assert_eq!(pdf.get_pages().len(), 1);
}
