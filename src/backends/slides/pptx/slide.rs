//! One slide part, its relationships and its notes slide: the title as a placeholder, body
//! text in text boxes and tables in graphic frames, stacked at their measured heights.

use super::picture::{Media, Pictures};
use super::table::graphic_frame;
use super::text::{emu, paragraph, xfrm, Links, Look, Style};
use super::xml::{relationships, DECLARATION, NS};
use crate::backends::slides::deck::{Deck, Item, Layout, Run, Slide, Text};
use crate::backends::slides::images::ImageFiles;
use crate::backends::slides::layout::{
    boxes, text_style, Rect, BODY_SIZE, CALLOUT_BORDER, CALLOUT_PAD, FOOTNOTE_SIZE, PARAGRAPH_SPACE, TABLE_GAP,
};
use crate::backends::slides::measure::footnote_height;
use crate::highlight::code_lines;

/// The parts written for one slide.
pub struct SlideParts {
    pub xml: String,
    pub rels: String,
    /// The notes slide and its relationships, when the slide has notes.
    pub notes: Option<(String, String)>,
    /// The image files its pictures show.
    pub media: Vec<Media>,
}

/// The 1-based number of the layout part a slide uses.
pub fn layout_number(layout: Layout) -> usize {
    match layout {
        Layout::Title => 1,
        Layout::Content => 2,
        Layout::Section => 3,
    }
}

/// The parts of `slide`, number `n` (1-based) of the deck whose links `deck` resolves;
/// `look` gives sub-headings' colour and code's theme; its pictures show images of `files`.
pub fn slide_parts(deck: &Deck, slide: &Slide, n: usize, look: Look, files: ImageFiles) -> SlideParts {
    let mut links = Links::new(deck);
    let mut pictures = Pictures::new(files);
    let mut shapes = String::new();
    let (title_box, body_box) = boxes(slide.layout);
    let on_accent = (slide.layout == Layout::Section).then_some("FFFFFF");
    let (title_type, body_placeholder) = match slide.layout {
        Layout::Title => ("ctrTitle", Some("<p:ph type=\"subTitle\" idx=\"1\"/>")),
        Layout::Section => ("title", Some("<p:ph type=\"body\" idx=\"1\"/>")),
        Layout::Content => ("title", None),
    };
    let title = slide.title_text();
    let title_style = Style { bold: true, color: on_accent, space_before: false, ..Style::plain(slide.title_size) };
    let mut title_xml = String::new();
    paragraph(&mut title_xml, &title, title_style, &mut links);
    let placeholder = format!("<p:ph type=\"{title_type}\"/>");
    shapes.push_str(&shape(2, "Title", &placeholder, title_box, "b", &title_xml));
    let mut id = 3;
    match body_placeholder {
        Some(placeholder) => {
            let mut xml = String::new();
            for item in &slide.body {
                text_item(&mut xml, item, on_accent, look, &mut links);
            }
            if !xml.is_empty() {
                shapes.push_str(&shape(id, "Subtitle", placeholder, body_box, "t", &xml));
            }
        }
        None => {
            id = body_shapes(&mut shapes, slide, (body_box, id), look, &mut links, &mut pictures);
            if !slide.footnotes.is_empty() {
                let mut xml = String::new();
                let height = footnotes(&mut xml, &slide.footnotes, body_box.w, &mut links);
                let rect = Rect { y: body_box.y + body_box.h - height, h: height, ..body_box };
                shapes.push_str(&text_shape(id, "Footnotes", rect, "<a:noFill/>", &xml));
            }
        }
    }
    let xml = format!(
        "{DECLARATION}<p:sld {NS}><p:cSld><p:spTree>{}{shapes}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        GROUP
    );
    let mut rels = vec![(
        "rId1".to_string(),
        "slideLayout",
        format!("../slideLayouts/slideLayout{}.xml", layout_number(slide.layout)),
    )];
    let notes = (!slide.notes.is_empty()).then(|| {
        rels.push(("rId2".to_string(), "notesSlide", format!("../notesSlides/notesSlide{n}.xml")));
        notes_parts(deck, &slide.notes, n)
    });
    rels.extend(links.relationships());
    rels.extend(pictures.relationships());
    SlideParts { xml, rels: relationships(&rels), notes, media: pictures.media }
}

/// The group properties every shape tree starts with.
pub const GROUP: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
     <p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/>\
     <a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

/// A placeholder shape at `rect` holding paragraphs `body`.
fn shape(id: usize, name: &str, placeholder: &str, rect: Rect, anchor: &str, body: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name} {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr>{placeholder}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr>\
         <p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"{anchor}\">\
         <a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>",
        xfrm(rect)
    )
}

/// The body's items from the top of `body` down at their measured heights: runs of text items
/// in text boxes, tables in graphic frames, callouts in boxed shapes, images as pictures (or,
/// one that cannot be embedded, their alt text). The first shape gets id `id`; returns the next.
fn body_shapes(
    out: &mut String,
    slide: &Slide,
    (body, mut id): (Rect, usize),
    look: Look,
    links: &mut Links,
    pictures: &mut Pictures,
) -> usize {
    let mut y = body.y;
    let mut pending = String::new();
    let mut pending_height = 0.0;
    for (item, &height) in slide.body.iter().zip(&slide.heights) {
        if matches!(item, Item::Table(_) | Item::Callout(_) | Item::Image { .. }) && !pending.is_empty() {
            let rect = Rect { y, h: pending_height, ..body };
            out.push_str(&text_shape(id, "Text", rect, "<a:noFill/>", &pending));
            (id, y, pending_height) = (id + 1, y + pending_height, 0.0);
            pending.clear();
        }
        match item {
            Item::Table(table) => graphic_frame(out, table, body.x, y, id, links),
            Item::Image { key, alt, width, height: h } => {
                let rect = Rect { x: body.x + (body.w - width) / 2.0, y: y + PARAGRAPH_SPACE, w: *width, h: *h };
                let alt_text = || {
                    let mut xml = String::new();
                    paragraph(&mut xml, &[Run { text: alt.clone(), ..Run::default() }], Style::plain(BODY_SIZE), links);
                    text_shape(id, "Text", Rect { y, h: height, ..body }, "<a:noFill/>", &xml)
                };
                let picture = pictures.picture(id, key, alt, rect);
                out.push_str(&picture.unwrap_or_else(alt_text));
            }
            Item::Callout(items) => {
                let mut xml = String::new();
                for item in items {
                    text_item(&mut xml, item, None, look, links);
                }
                let rect = Rect { y: y + TABLE_GAP, h: height - TABLE_GAP, ..body };
                let fill = format!(
                    "<a:solidFill><a:srgbClr val=\"{}\"><a:lumMod val=\"10000\"/><a:lumOff val=\"90000\"/></a:srgbClr></a:solidFill>\
                     <a:ln w=\"{}\"><a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill></a:ln>",
                    look.accent,
                    emu(CALLOUT_BORDER),
                    look.accent
                );
                out.push_str(&text_shape(id, "Callout", rect, &fill, &xml).replace(INSETS, &callout_insets()));
            }
            _ => {
                text_item(&mut pending, item, None, look, links);
                pending_height += height;
                continue;
            }
        }
        (id, y) = (id + 1, y + height);
    }
    if !pending.is_empty() {
        out.push_str(&text_shape(id, "Text", Rect { y, h: pending_height, ..body }, "<a:noFill/>", &pending));
        id += 1;
    }
    id
}

/// A slide's footnotes as paragraphs in `out`; returns their measured height in a body `width` wide.
fn footnotes(out: &mut String, notes: &[Text], width: f32, links: &mut Links) -> f32 {
    for note in notes {
        paragraph(out, note, Style { space_before: false, ..Style::plain(FOOTNOTE_SIZE) }, links);
    }
    notes.iter().map(|note| footnote_height(note, width)).sum()
}

/// The text insets of a shape: none, the text set where it was measured.
const INSETS: &str = "lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\"";

fn callout_insets() -> String {
    let pad = emu(CALLOUT_PAD);
    format!("lIns=\"{pad}\" tIns=\"{}\" rIns=\"{pad}\" bIns=\"0\"", emu(CALLOUT_PAD - PARAGRAPH_SPACE))
}

/// A rectangle shape (not a placeholder) at `rect` with `fill` (fill and line properties)
/// holding paragraphs.
fn text_shape(id: usize, name: &str, rect: Rect, fill: &str, paragraphs: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name} {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>{fill}</p:spPr>\
         <p:txBody><a:bodyPr wrap=\"square\" {INSETS} anchor=\"t\">\
         <a:noAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>",
        xfrm(rect)
    )
}

/// The paragraphs of a text item; `color` overrides the text colour (on dark backgrounds).
fn text_item(out: &mut String, item: &Item, color: Option<&str>, look: Look, links: &mut Links) {
    let Some(style) = text_style(item) else { return };
    let base = Style { bold: matches!(item, Item::Heading(_)), color, ..Style::plain(style.size) };
    match item {
        Item::Heading(text) => paragraph(out, text, Style { color: color.or(Some(look.accent)), ..base }, links),
        Item::Paragraph(text) => paragraph(out, text, base, links),
        Item::Bullet { marker, text, .. } => {
            paragraph(out, text, Style { marker: Some(*marker), indent: style.indent, ..base }, links)
        }
        Item::Code { text, lang } => {
            for (i, line) in code_lines(text, lang.as_deref(), look.code_theme).iter().enumerate() {
                let runs: Vec<Run> = line
                    .runs()
                    .map(|(text, color)| Run { text: text.to_string(), code: true, color, ..Run::default() })
                    .collect();
                paragraph(out, &runs, Style { space_before: i == 0, ..base }, links);
            }
        }
        Item::Table(_) | Item::Callout(_) | Item::Image { .. } => {}
    }
}

/// A notes slide with one paragraph per note, and its relationships.
fn notes_parts(deck: &Deck, notes: &[String], n: usize) -> (String, String) {
    let mut body = String::new();
    let mut links = Links::new(deck);
    for note in notes {
        for line in note.split('\n') {
            let run = [Run { text: line.to_string(), ..Run::default() }];
            paragraph(&mut body, &run, Style { space_before: false, ..Style::plain(12.0) }, &mut links);
        }
    }
    let xml = format!(
        "{DECLARATION}<p:notes {NS}><p:cSld><p:spTree>{GROUP}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image 1\"/>\
         <p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>\
         <p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    );
    let rels = relationships(&[
        ("rId1".to_string(), "notesMaster", "../notesMasters/notesMaster1.xml".to_string()),
        ("rId2".to_string(), "slide", format!("../slides/slide{n}.xml")),
    ]);
    (xml, rels)
}
