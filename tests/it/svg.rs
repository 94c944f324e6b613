//! SVG in the PDFs: drawn as a Form XObject of paths (no image), its text written again as
//! invisible text that reads back; an SVG with a filter drawn as an image of itself instead;
//! the PDF deck draws SVG the same way. The fixtures are `data/images/vector.svg` (paths, a
//! linear and a radial gradient, a group with opacity, a clip, text) and `blurred.svg`.

use crate::util::{folio, repo, stderr, tree};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, Stream};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/it/data/images").join(name)).expect("fixture exists")
}

/// The guide of a page showing `name`, made without a warning about it.
fn guide_of(name: &str) -> Document {
    let page = format!("# Drawing\n\n![A drawing](img/{name})\n");
    let dir = tree(&[("p.md", page.as_bytes()), (&format!("img/{name}"), &fixture(name))]);
    let output = folio(dir.path(), &["convert", "p.md", "-o", "p.pdf"]);
    let err = stderr(&output);
    assert!(output.status.success() && !err.contains(name), "{err}");
    Document::load(dir.path().join("p.pdf")).expect("the PDF loads")
}

/// The XObjects of `pdf` of subtype `subtype`.
pub fn xobjects<'a>(pdf: &'a Document, subtype: &[u8]) -> Vec<&'a Stream> {
    let subtype_of = |s: &Stream| s.dict.get(b"Subtype").and_then(Object::as_name).ok().map(<[u8]>::to_vec);
    pdf.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| subtype_of(s).as_deref() == Some(subtype))
        .collect()
}

/// The operators of a form's content stream.
fn operators(form: &Stream) -> Vec<lopdf::content::Operation> {
    let mut form = form.clone();
    form.decompress().unwrap();
    Content::decode(&form.content).unwrap().operations
}

/// The text a form shows (`Tj` strings decoded through its fonts' ToUnicode maps).
pub fn form_text(pdf: &Document, form: &Stream) -> String {
    let resources = pdf.get_dictionary(form.dict.get(b"Resources").unwrap().as_reference().unwrap()).unwrap();
    let fonts: &Dictionary = pdf.get_dictionary(resources.get(b"Font").unwrap().as_reference().unwrap()).unwrap();
    let mut font = None;
    let mut text = String::new();
    for op in operators(form) {
        match op.operator.as_str() {
            "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
            "Tj" => {
                let dict = pdf.get_dictionary(fonts.get(font.as_deref().unwrap()).unwrap().as_reference().unwrap());
                let encoding = dict.unwrap().get_font_encoding(pdf).unwrap();
                text += &Document::decode_text(&encoding, op.operands[0].as_str().unwrap()).unwrap();
            }
            _ => {}
        }
    }
    text
}

#[test]
fn an_svg_is_drawn_as_a_form_of_paths_whose_text_reads_back() {
    let pdf = guide_of("vector.svg");
    assert!(xobjects(&pdf, b"Image").is_empty(), "no image XObject for the SVG");
    let forms = xobjects(&pdf, b"Form");
    let outer = forms.iter().find(|f| f.dict.get(b"Matrix").is_ok()).expect("the SVG's form");
    let ops: Vec<String> = operators(outer).into_iter().map(|op| op.operator).collect();
    for op in ["c", "l", "f", "f*", "S", "B", "W", "scn", "Do", "Tr"] {
        assert!(ops.iter().any(|o| o == op), "the form draws with {op}: {ops:?}");
    }
    let group = forms.iter().find(|f| f.dict.get(b"Group").is_ok()).expect("the group with opacity is a form");
    assert!(operators(group).iter().any(|op| op.operator == "f"), "its rectangles");
    let patterns = pdf.objects.values().filter_map(|o| o.as_dict().ok()).filter(|d| d.get(b"PatternType").is_ok());
    let mut kinds: Vec<i64> = patterns
        .map(|p| p.get(b"Shading").unwrap().as_dict().unwrap().get(b"ShadingType").unwrap().as_i64().unwrap())
        .collect();
    kinds.sort();
    assert_eq!(kinds, [2, 3], "an axial and a radial shading");
    assert_eq!(form_text(&pdf, outer), "Career path");
}

#[test]
fn an_svg_with_a_filter_is_drawn_as_an_image_of_itself() {
    let pdf = guide_of("blurred.svg");
    assert!(xobjects(&pdf, b"Form").is_empty(), "no form for an SVG the converter cannot draw");
    let images = xobjects(&pdf, b"Image");
    let picture = images.iter().find(|s| s.dict.get(b"SMask").is_ok()).expect("its raster, with its alpha as a mask");
    assert_eq!(picture.dict.get(b"Width").unwrap().as_i64().unwrap(), 300, "two pixels a point of its 150 points");
}
