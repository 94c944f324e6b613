//! The package around the slides: content types, the document properties and
//! `presentation.xml` (the zip options and core properties are [`crate::backends::ooxml`]'s).

use super::text::emu;
use super::xml::{relationships, DECLARATION, NS};
use crate::backends::ooxml::CORE_PROPERTIES;
pub use crate::backends::ooxml::{content_types, core, zip_options};
use crate::backends::slides::layout::{SLIDE_HEIGHT, SLIDE_WIDTH};

const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml.";

/// The full content type of part kind `kind`: PresentationML types by their suffix.
pub fn content_type(kind: &str) -> String {
    if kind.contains('/') {
        kind.to_string()
    } else {
        format!("{PML}{kind}+xml")
    }
}

/// `_rels/.rels`.
pub fn root_rels() -> String {
    relationships(&[
        ("rId1".to_string(), "officeDocument", "ppt/presentation.xml".to_string()),
        ("rId2".to_string(), CORE_PROPERTIES, "docProps/core.xml".to_string()),
        ("rId3".to_string(), "extended-properties", "docProps/app.xml".to_string()),
    ])
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
