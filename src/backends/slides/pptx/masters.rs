//! The slide master, its three layouts (title, title and content, section header) and the
//! notes master. Slides place their own shapes; these give PowerPoint's placeholders, the
//! text styles and the accent decorations.

use super::slide::GROUP;
use super::text::xfrm;
use super::xml::{relationships, DECLARATION, NS};
use crate::backends::slides::layout::{
    Rect, BODY_BOX, COVER_BODY_BOX, COVER_RULE_Y, COVER_TITLE_BOX, SLIDE_WIDTH, TITLE_BOX, TITLE_RULE_Y,
};

/// The number of slide layouts.
pub const LAYOUTS: usize = 3;

const CLR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
     accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" \
     hlink=\"hlink\" folHlink=\"folHlink\"/>";

/// A placeholder with a prompt.
fn placeholder(id: usize, name: &str, ph: &str, rect: Rect, anchor: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody><a:bodyPr anchor=\"{anchor}\"/>\
         <a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>{name}</a:t></a:r></a:p></p:txBody></p:sp>",
        xfrm(rect)
    )
}

/// A filled rectangle in the accent colour, or in white.
fn bar(id: usize, rect: Rect, color: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Accent {id}\"/><p:cNvSpPr/><p:nvPr userDrawn=\"1\"/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill>{color}</a:solidFill>\
         <a:ln><a:noFill/></a:ln></p:spPr></p:sp>",
        xfrm(rect)
    )
}

fn level_style(level: usize, size: u32, font: &str) -> String {
    format!(
        "<a:lvl{level}pPr marL=\"0\" indent=\"0\"><a:buNone/><a:defRPr sz=\"{size}\">\
         <a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"{font}\"/></a:defRPr></a:lvl{level}pPr>"
    )
}

/// `ppt/slideMasters/slideMaster1.xml` and its relationships.
pub fn slide_master() -> (String, String) {
    let mut ids = String::new();
    for i in 1..=LAYOUTS {
        ids.push_str(&format!("<p:sldLayoutId id=\"{}\" r:id=\"rId{i}\"/>", 2147483648 + i));
    }
    let body = (1..=2).map(|l| level_style(l, 2000, "+mn-lt")).collect::<String>();
    let xml = format!(
        "{DECLARATION}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{GROUP}{}{}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{body}</p:bodyStyle>\
         <p:otherStyle>{body}</p:otherStyle></p:txStyles></p:sldMaster>",
        placeholder(2, "Title", "<p:ph type=\"title\"/>", TITLE_BOX, "b"),
        placeholder(3, "Text", "<p:ph type=\"body\" idx=\"1\"/>", BODY_BOX, "t"),
        level_style(1, 3200, "+mj-lt"),
    );
    let mut rels: Vec<(String, &str, String)> = (1..=LAYOUTS)
        .map(|i| (format!("rId{i}"), "slideLayout", format!("../slideLayouts/slideLayout{i}.xml")))
        .collect();
    rels.push((format!("rId{}", LAYOUTS + 1), "theme", "../theme/theme1.xml".to_string()));
    (xml, relationships(&rels))
}

/// `ppt/slideLayouts/slideLayoutN.xml` (1-based) and its relationships.
pub fn slide_layout(n: usize) -> (String, String) {
    let accent = "<a:schemeClr val=\"accent1\"/>";
    let (kind, name, background, shapes) = match n {
        1 => (
            "title",
            "Title Slide",
            "",
            placeholder(2, "Title", "<p:ph type=\"ctrTitle\"/>", COVER_TITLE_BOX, "b")
                + &placeholder(3, "Subtitle", "<p:ph type=\"subTitle\" idx=\"1\"/>", COVER_BODY_BOX, "t")
                + &bar(4, Rect { x: COVER_TITLE_BOX.x, y: COVER_RULE_Y, w: 120.0, h: 6.0 }, accent),
        ),
        2 => (
            "obj",
            "Title and Content",
            "",
            placeholder(2, "Title", "<p:ph type=\"title\"/>", TITLE_BOX, "b")
                + &placeholder(3, "Content", "<p:ph idx=\"1\"/>", BODY_BOX, "t")
                + &bar(4, Rect { x: TITLE_BOX.x, y: TITLE_RULE_Y, w: TITLE_BOX.w, h: 2.0 }, accent),
        ),
        _ => (
            "secHead",
            "Section Header",
            "<p:bg><p:bgPr><a:solidFill><a:schemeClr val=\"accent1\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>",
            placeholder(2, "Title", "<p:ph type=\"title\"/>", COVER_TITLE_BOX, "b")
                + &placeholder(3, "Text", "<p:ph type=\"body\" idx=\"1\"/>", COVER_BODY_BOX, "t")
                + &bar(
                    4,
                    Rect { x: 0.0, y: COVER_RULE_Y + 2.0, w: SLIDE_WIDTH, h: 2.0 },
                    "<a:srgbClr val=\"FFFFFF\"/>",
                ),
        ),
    };
    let xml = format!(
        "{DECLARATION}<p:sldLayout {NS} type=\"{kind}\" preserve=\"1\"><p:cSld name=\"{name}\">{background}\
         <p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    );
    let rels = relationships(&[("rId1".to_string(), "slideMaster", "../slideMasters/slideMaster1.xml".to_string())]);
    (xml, rels)
}

/// `ppt/notesMasters/notesMaster1.xml` and its relationships (to its own theme part).
pub fn notes_master() -> (String, String) {
    let image = Rect { x: 90.0, y: 54.0, w: 360.0, h: 202.5 };
    let body = Rect { x: 54.0, y: 288.0, w: 432.0, h: 396.0 };
    let xml = format!(
        "{DECLARATION}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{GROUP}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image\"/>\
         <p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>{}\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>{}\
         </p:spTree></p:cSld>{CLR_MAP}<p:notesStyle>{}</p:notesStyle></p:notesMaster>",
        xfrm(image),
        placeholder(3, "Notes", "<p:ph type=\"body\" idx=\"1\"/>", body, "t"),
        level_style(1, 1200, "+mn-lt"),
    );
    let rels = relationships(&[("rId1".to_string(), "theme", "../theme/theme2.xml".to_string())]);
    (xml, rels)
}
