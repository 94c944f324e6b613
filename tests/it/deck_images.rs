//! Images in decks, through the folio binary: the PPTX shows them as pictures with their media
//! parts, the PDF deck draws them as image XObjects (an SVG as a form of vectors), and a missing image is a warning naming
//! its file and line.

use crate::ooxml::{attr, check_package, parse, resolve, unzip};
use crate::pdf::png;
use crate::util::{folio, manifest_outputs, stderr, tree};
use lopdf::{Document, Object};
use std::path::Path;

const PAGE: &[u8] = b"# Pictures\n\n## Chart\n\nText above the chart.\n\n![A wide chart](img/chart.png)\n\n\
## Photo\n\n![A green photo](img/photo.jpg)\n\n## Gone\n\n![Nothing here](img/missing.png)\n\n\
## Logo\n\n![The logo](img/logo.svg)\n\n## Broken\n\n![Not a drawing](img/broken.svg)\n";

const LOGO: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\
<rect width=\"200\" height=\"100\" fill=\"#fc0\"/><circle cx=\"100\" cy=\"50\" r=\"40\" fill=\"#06c\"/></svg>";

/// Builds the decks of a page with a PNG, a JPEG, an SVG, a broken SVG and a missing image; returns the folder (its
/// decks in `out/slides/`) and standard error.
fn build() -> (tempfile::TempDir, String) {
    let chart = png(400, 300, 0);
    let photo = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/data/photo.jpg")).unwrap();
    let dir = tree(&[
        ("c/pics.md", PAGE),
        ("c/img/chart.png", &chart),
        ("c/img/photo.jpg", &photo),
        ("c/img/logo.svg", LOGO),
        ("c/img/broken.svg", b"<svg <<<"),
    ]);
    let output = folio(dir.path(), &["build", "c", "-o", "out", "-f", "slides"]);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, stderr(&output))
}

/// The filters of the image XObjects of a PDF.
fn image_filters(pdf: &Document) -> Vec<String> {
    let mut filters: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .map(|s| {
            s.dict.get(b"Filter").and_then(Object::as_name).map_or("none".into(), |n| String::from_utf8_lossy(n).into())
        })
        .collect();
    filters.sort();
    filters
}

#[test]
fn the_pptx_shows_pictures_described_by_their_alt_text_with_media_parts_that_resolve() {
    let (dir, _) = build();
    let entries = unzip(&std::fs::read(dir.path().join("out/slides/pics.pptx")).unwrap());
    check_package(&entries);
    let mut shown = Vec::new();
    for (name, xml) in entries.iter().filter(|(n, _)| n.starts_with("ppt/slides/slide")) {
        let nodes = parse(xml);
        let rels = parse(&entries[&name.replace("slides/", "slides/_rels/").replace(".xml", ".xml.rels")]);
        for i in (0..nodes.len()).filter(|&i| nodes[i].1 == "p:pic") {
            let descr = nodes[i..].iter().find(|n| n.1 == "p:cNvPr").and_then(|n| attr(n, "descr")).unwrap();
            let end = (i + 1..nodes.len()).find(|&j| nodes[j].0 <= nodes[i].0).unwrap_or(nodes.len());
            // The blip's file, then the SVG of its extension if it has one.
            let mut files = Vec::new();
            for embed in nodes[i..end].iter().filter(|n| n.1.ends_with("lip")).filter_map(|n| attr(n, "r:embed")) {
                let rel = rels.iter().find(|r| attr(r, "Id") == Some(embed)).expect("the picture's relationship");
                let target = resolve("ppt/slides", attr(rel, "Target").unwrap());
                assert!(target.starts_with("ppt/media/") && entries.contains_key(&target), "{target}");
                files.push(target.rsplit('.').next().unwrap().to_string());
            }
            shown.push((descr.to_string(), files.join("+")));
        }
    }
    let want = [("A wide chart", "png"), ("A green photo", "jpeg"), ("The logo", "png+svg")]
        .map(|(a, e)| (a.to_string(), e.to_string()));
    assert_eq!(shown, want);
    let types = &entries["[Content_Types].xml"];
    assert!(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"), "{types}");
    assert!(types.contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"), "{types}");
    assert!(types.contains("<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"), "{types}");
    let logo = entries.iter().find(|(n, _)| n.ends_with(".svg")).map(|(_, svg)| svg.as_str());
    assert_eq!(logo.map(str::as_bytes), Some(LOGO), "the SVG is kept as it is");
}

#[test]
fn the_pdf_deck_draws_png_jpeg_and_svg_images() {
    let (dir, _) = build();
    let pdf = Document::load(dir.path().join("out/slides/pics.pdf")).expect("the PDF deck loads");
    let filters = image_filters(&pdf);
    // The JPEG as it is; the RGBA PNG with its alpha as a mask; the SVG as vectors, no image.
    assert_eq!(filters, ["DCTDecode", "FlateDecode", "FlateDecode"]);
    let forms = pdf.objects.values().filter_map(|o| o.as_stream().ok());
    let forms = forms.filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form"));
    assert_eq!(forms.count(), 1, "the SVG is a form");
}

#[test]
fn the_marp_outlines_link_to_copies_of_their_images_beside_them_that_the_manifest_lists() {
    let (dir, _) = build();
    let slides = dir.path().join("out/slides");
    let outline = std::fs::read_to_string(slides.join("pics.md")).unwrap();
    let links: Vec<&str> = outline.lines().filter(|l| l.starts_with("![")).collect();
    assert_eq!(
        links,
        [
            "![A wide chart](<pics-images/img/chart.png>)",
            "![A green photo](<pics-images/img/photo.jpg>)",
            "![The logo](<pics-images/img/logo.svg>)"
        ]
    );
    assert_eq!(
        std::fs::read(slides.join("pics-images/img/photo.jpg")).unwrap(),
        std::fs::read(dir.path().join("c/img/photo.jpg")).unwrap()
    );
    let outputs = manifest_outputs(&dir.path().join("out"));
    assert!(outputs.contains(&"slides/pics-images/img/chart.png".to_string()), "{outputs:?}");
    // The site deck's outline links to its own copies, so that it stands without the pages'.
    let site = std::fs::read_to_string(slides.join("c.md")).unwrap();
    let site_links: Vec<&str> = site.lines().filter(|l| l.starts_with("![")).collect();
    assert_eq!(site_links, links.iter().map(|l| l.replace("pics-images", "c-images")).collect::<Vec<_>>());
    assert_eq!(std::fs::read(slides.join("c-images/img/logo.svg")).unwrap(), LOGO);
    assert!(outputs.contains(&"slides/c-images/img/photo.jpg".to_string()), "{outputs:?}");
}

#[test]
fn a_missing_or_broken_image_in_a_deck_is_a_warning_with_its_line() {
    let (_, err) = build();
    assert!(err.contains("pics.md:15:1: image `img/missing.png` is missing"), "{err}");
    assert!(err.contains("pics.md:23:1: image `img/broken.svg` is not a PNG, JPEG or SVG the deck can draw"), "{err}");
}

/// The names of a zip's entries, in order, duplicates and all.
fn entry_names(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len()).map(|i| archive.by_index_raw(i).unwrap().name().unwrap().into_owned()).collect()
}

#[test]
fn an_image_on_several_slides_is_one_media_part_of_the_pptx() {
    let page = b"# Twice\n\n## One\n\n![The chart](img/chart.png)\n\n## Two\n\n![The chart again](img/chart.png)\n";
    let other = b"# Again\n\n## Three\n\n![The chart a third time](img/chart.png)\n";
    let chart = png(400, 300, 0);
    let dir = tree(&[("c/twice.md", page), ("c/again.md", other), ("c/img/chart.png", &chart)]);
    let output = folio(dir.path(), &["build", "c", "-o", "out", "-f", "slides"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for (deck, slides) in [("twice", 2), ("c", 3)] {
        let bytes = std::fs::read(dir.path().join(format!("out/slides/{deck}.pptx"))).unwrap();
        let media: Vec<String> = entry_names(&bytes).into_iter().filter(|n| n.starts_with("ppt/media/")).collect();
        assert_eq!(media.len(), 1, "{deck}: one part for the chart: {media:?}");
        crate::ooxml::check_entries_follow_each_other(&bytes);
        let entries = unzip(&bytes);
        check_package(&entries);
        let rels = entries.iter().filter(|(n, xml)| n.starts_with("ppt/slides/_rels/") && xml.contains(&media[0][4..]));
        assert_eq!(rels.count(), slides, "{deck}: every slide showing the chart names the one part");
    }
}
