//! Images of every common kind in a guide's PDF: the fixtures of `data/images` (written by its
//! `make.py`) read back with lopdf as image XObjects with the colour space, depth, decode and
//! soft mask each needs; broken or oversized ones, and files that are no image folio reads,
//! are warnings naming file:line and grey boxes holding their alt text (SVG: `svg.rs`).

use crate::util::{folio, load, repo, stderr, tree};
use folio::backends::{lookup, RenderContext};
use folio::config::Config;
use folio::layout::{Item, Rgb};
use folio::testing::{layout_guide, PdfTheme};
use lopdf::{Dictionary, Document, Object, Stream};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/it/data/images").join(name)).expect("fixture exists")
}

/// The image XObjects of the guide of a page showing only `name`, and that guide.
fn images_of(name: &str) -> (Vec<Stream>, Document) {
    let page = format!("# Picture\n\n![a picture](img/{name})\n");
    let dir = tree(&[("p.md", page.as_bytes()), (&format!("img/{name}"), &fixture(name))]);
    let loaded = load(dir.path());
    let config = Config::discover(None, dir.path()).unwrap();
    let (assets, diagnostics) = folio::driver::load_assets(&loaded);
    assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}");
    let rendered = lookup("pdf").unwrap().render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap();
    let pdf = rendered.artifacts.iter().find(|a| a.path == "pdf/p.pdf").expect("the guide is made");
    let pdf = Document::load_mem(&pdf.bytes).unwrap();
    let images = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .cloned()
        .collect();
    (images, pdf)
}

/// The colour space of an image: a device name, or `ICCBased` with the profile's /N.
fn space(pdf: &Document, dict: &Dictionary) -> String {
    match dict.get(b"ColorSpace").unwrap() {
        Object::Name(name) => String::from_utf8_lossy(name).into_owned(),
        Object::Array(parts) => {
            let profile = pdf.get_object(parts[1].as_reference().unwrap()).unwrap().as_stream().unwrap();
            format!("ICCBased {}", profile.dict.get(b"N").unwrap().as_i64().unwrap())
        }
        other => panic!("unexpected colour space {other:?}"),
    }
}

#[test]
fn every_raster_kind_becomes_an_image_xobject() {
    // File, colour space of the picture, its filter, and whether it has a soft mask.
    let cases = [
        ("deep.png", "DeviceRGB", "FlateDecode", false),
        ("keyed.png", "DeviceRGB", "FlateDecode", true),
        ("interlaced.png", "DeviceRGB", "FlateDecode", false),
        ("profiled.png", "ICCBased 3", "FlateDecode", false),
        ("cmyk.jpg", "DeviceCMYK", "DCTDecode", false),
        ("gray.jpg", "DeviceGray", "DCTDecode", false),
        ("anim.gif", "DeviceRGB", "FlateDecode", false),
        ("photo.webp", "DeviceRGB", "FlateDecode", false),
    ];
    for (name, want_space, filter, masked) in cases {
        let (images, pdf) = images_of(name);
        let picture = images.iter().find(|s| s.dict.get(b"SMask").is_ok() == masked);
        let picture = picture.unwrap_or_else(|| panic!("{name}: an image, masked: {masked}"));
        assert_eq!(images.len(), 1 + usize::from(masked), "{name}: the picture and its mask only");
        assert_eq!(space(&pdf, &picture.dict), want_space, "{name}");
        assert_eq!(picture.dict.get(b"BitsPerComponent").unwrap().as_i64().unwrap(), 8, "{name}");
        assert_eq!(picture.dict.get(b"Filter").unwrap().as_name().unwrap(), filter.as_bytes(), "{name}");
        assert_eq!(picture.dict.get(b"Width").unwrap().as_i64().unwrap(), 48, "{name}");
        let mut pixels = picture.clone();
        if filter == "FlateDecode" {
            pixels.decompress().unwrap();
            let samples = if want_space == "DeviceGray" { 1 } else { 3 };
            assert_eq!(pixels.content.len(), 48 * 32 * samples, "{name}: 8 bits a sample");
            assert_ne!(pixels.content[..3], [255, 0, 0], "{name}: the first frame, not the red second one");
        }
    }
}

#[test]
fn an_adobe_cmyk_jpeg_is_decoded_inverted() {
    let (images, _) = images_of("cmyk.jpg");
    let decode = images[0].dict.get(b"Decode").expect("a /Decode array").as_array().unwrap();
    let decode: Vec<f32> = decode.iter().map(|n| n.as_float().unwrap()).collect();
    assert_eq!(decode, [1.0, 0.0].repeat(4));
}

#[test]
fn broken_and_oversized_images_are_warnings_naming_file_and_line() {
    let page = b"# Broken\n\n![torn](img/corrupt.png)\n\nText.\n\n![vast](img/huge.png)\n\n![chart](img/diagram.svg)\n";
    let files = ["corrupt.png", "huge.png"].map(|name| (format!("img/{name}"), fixture(name)));
    let mut files: Vec<(&str, &[u8])> = files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())).collect();
    files.push(("img/diagram.svg", b"<svg <<<"));
    files.push(("p.md", page));
    let dir = tree(&files);
    let output = folio(dir.path(), &["convert", "p.md", "-o", "p.pdf"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("p.md:3:1: image `img/corrupt.png` cannot be decoded"), "{err}");
    assert!(err.contains("p.md:7:1: image `img/huge.png` claims 50000 × 50000 pixels"), "{err}");
    assert!(
        err.contains("p.md:9:1: image `img/diagram.svg` is not a PNG, JPEG, GIF, WebP or SVG folio can read"),
        "{err}"
    );
    let pdf = Document::load(dir.path().join("p.pdf")).expect("the PDF is still made");
    let text = crate::pdf::page_text(&pdf);
    assert!(text.contains("torn") && text.contains("vast"), "the alt text shows: {text}");
    let loaded = load(dir.path());
    let (assets, _) = folio::driver::load_assets(&loaded);
    let laid = layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &assets);
    let items = &laid.pages[0].items;
    let boxes: Vec<[f32; 4]> = items
        .iter()
        .filter(|i| matches!(i, Item::Rect { color, .. } if *color == Rgb(0.93, 0.93, 0.94)))
        .map(Item::bounds)
        .collect();
    for alt in ["[torn]", "[vast]", "[chart]"] {
        let run =
            items.iter().find(|i| matches!(i, Item::Text(run) if run.text == alt)).expect("the alt text is laid out");
        let [_, top, _, bottom] = run.bounds();
        assert!(boxes.iter().any(|b| b[1] <= top && bottom <= b[3]), "{alt} sits in a grey box");
    }
}

/// Whether `object` names `name` anywhere inside it.
fn names(object: &Object, name: &[u8]) -> bool {
    match object {
        Object::Name(n) => n == name,
        Object::Array(items) => items.iter().any(|o| names(o, name)),
        Object::Dictionary(dict) => dict.iter().any(|(_, o)| names(o, name)),
        Object::Stream(stream) => stream.dict.iter().any(|(_, o)| names(o, name)),
        _ => false,
    }
}

#[test]
fn a_cmyk_jpeg_without_a_profile_is_rgb_under_pdf_a() {
    let page = b"# Inks\n\n![four inks](img/cmyk.jpg)\n";
    let config = b"[pdf]\nstandards = [\"a-2b\"]\n";
    let dir = tree(&[("folio.toml", config), ("p.md", page), ("img/cmyk.jpg", &fixture("cmyk.jpg"))]);
    let output = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = Document::load(dir.path().join("out/pdf/p.pdf")).unwrap();
    assert!(!pdf.objects.values().any(|o| names(o, b"DeviceCMYK")), "PDF/A with an sRGB intent has no DeviceCMYK");
    let image = pdf.objects.values().filter_map(|o| o.as_stream().ok());
    let mut image = image.filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"));
    let mut image = image.next().expect("the picture").clone();
    assert_eq!(space(&pdf, &image.dict), "DeviceRGB");
    image.decompress().unwrap();
    // The fixture's first pixel is RGB (0, 0, 160): decoded with its Adobe inversion undone.
    let first = &image.content[..3];
    assert!(first[0] < 40 && first[1] < 40 && (120..200).contains(&first[2]), "{first:?}");
}

#[test]
fn a_site_absolute_image_is_found_below_the_folder_the_site_is_built_from() {
    let png = fixture("keyed.png");
    let page = b"# Roles\n\n![The roles](/media/roles.png)\n\n![Not there](/media/none.png)\n";
    let dir = tree(&[("site/pages/roles.md", page), ("site/media/roles.png", &png), ("README.md", b"# R\n")]);
    let loaded = load(dir.path());
    let (assets, diagnostics) = folio::driver::load_assets(&loaded);
    let keys: Vec<&String> = assets.keys().collect();
    assert_eq!(keys, ["site/media/roles.png"], "{diagnostics:?}");
    let missing: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(missing.len() == 1 && missing[0].contains("/media/none.png"), "{missing:?}");
}
