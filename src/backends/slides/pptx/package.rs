//! The package around the slides: content types, zip options with fixed entry times, the
//! document properties and `presentation.xml`.

use super::text::emu;
use super::xml::{esc, relationships, DECLARATION, NS};
use crate::backends::slides::layout::{SLIDE_HEIGHT, SLIDE_WIDTH};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime};

const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml.";

/// The full content type of part kind `kind`: PresentationML types by their suffix.
pub fn content_type(kind: &str) -> String {
    if kind.contains('/') {
        kind.to_string()
    } else {
        format!("{PML}{kind}+xml")
    }
}

/// `[Content_Types].xml` for `parts` (name without the leading slash, content type; an empty
/// type for relationships parts, which the `rels` default covers).
pub fn content_types<'a>(parts: impl Iterator<Item = (&'a str, String)>) -> String {
    let mut out = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    for (name, kind) in parts.filter(|(_, kind)| !kind.is_empty()) {
        out.push_str(&format!("<Override PartName=\"/{name}\" ContentType=\"{kind}\"/>"));
    }
    out.push_str("</Types>");
    out
}

/// How a part of `size` bytes is zipped: Deflate at level 1 (a fifth less time than level 6
/// for files a fifth larger, measured on the 1,000-page benchmark tree), or stored when it is
/// too short to gain from it (relationships); dated 1980-01-01, mode 0644.
pub fn zip_options(size: usize) -> SimpleFileOptions {
    let options = SimpleFileOptions::default().last_modified_time(DateTime::default()).unix_permissions(0o644);
    match deflated(size) {
        true => options.compression_method(CompressionMethod::Deflated).compression_level(Some(1)),
        false => options.compression_method(CompressionMethod::Stored),
    }
}

/// Whether a part of `size` bytes is compressed.
pub fn deflated(size: usize) -> bool {
    size >= 1024
}

/// `_rels/.rels`.
pub fn root_rels() -> String {
    relationships(&[
        ("rId1".to_string(), "officeDocument", "ppt/presentation.xml".to_string()),
        (
            "rId2".to_string(),
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml".to_string(),
        ),
        ("rId3".to_string(), "extended-properties", "docProps/app.xml".to_string()),
    ])
}

/// `docProps/core.xml`: title, author and, when given, the creation date (W3CDTF).
pub fn core(title: &str, author: Option<&str>, date: Option<&str>) -> String {
    let mut out = format!(
        "{DECLARATION}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title>",
        esc(title)
    );
    if let Some(author) = author {
        out.push_str(&format!("<dc:creator>{}</dc:creator>", esc(author)));
    }
    if let Some(date) = date {
        for element in ["created", "modified"] {
            out.push_str(&format!("<dcterms:{element} xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:{element}>"));
        }
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// `docProps/app.xml`.
pub fn app(slides: usize, notes: usize) -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>folio</Application><PresentationFormat>Widescreen</PresentationFormat>\
         <Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"
    )
}

/// The first relationship id of `presentation.xml` that names a slide.
const FIRST_SLIDE_REL: usize = 7;

/// `ppt/presentation.xml` and its relationships for `slides` slides.
pub fn presentation(slides: usize) -> (String, String) {
    let ids: String =
        (0..slides).map(|i| format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + i, FIRST_SLIDE_REL + i)).collect();
    let default_style = "<a:lvl1pPr><a:defRPr sz=\"1800\"><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr>";
    let xml = format!(
        "{DECLARATION}<p:presentation {NS} saveSubsetFonts=\"1\">\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         <p:defaultTextStyle>{default_style}</p:defaultTextStyle></p:presentation>",
        emu(SLIDE_WIDTH),
        emu(SLIDE_HEIGHT)
    );
    let mut rels = vec![
        ("rId1".to_string(), "slideMaster", "slideMasters/slideMaster1.xml".to_string()),
        ("rId2".to_string(), "notesMaster", "notesMasters/notesMaster1.xml".to_string()),
        ("rId3".to_string(), "theme", "theme/theme1.xml".to_string()),
        ("rId4".to_string(), "presProps", "presProps.xml".to_string()),
        ("rId5".to_string(), "viewProps", "viewProps.xml".to_string()),
        ("rId6".to_string(), "tableStyles", "tableStyles.xml".to_string()),
    ];
    for i in 0..slides {
        rels.push((format!("rId{}", FIRST_SLIDE_REL + i), "slide", format!("slides/slide{}.xml", i + 1)));
    }
    (xml, relationships(&rels))
}

/// `ppt/presProps.xml`, `ppt/viewProps.xml` and `ppt/tableStyles.xml`, with their types.
pub fn settings() -> [(&'static str, &'static str, String); 3] {
    [
        ("ppt/presProps.xml", "presProps", format!("{DECLARATION}<p:presentationPr {NS}/>")),
        (
            "ppt/viewProps.xml",
            "viewProps",
            format!("{DECLARATION}<p:viewPr {NS}><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"),
        ),
        (
            "ppt/tableStyles.xml",
            "tableStyles",
            format!(
                "{DECLARATION}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
                 def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
            ),
        ),
    ]
}
