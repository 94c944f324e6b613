//! Tables as real, editable DrawingML tables (`a:tbl` in a `p:graphicFrame`): the header row
//! in the accent colour, banded body rows, row heights as measured.

use super::text::{emu, paragraph, Links, Style};
use super::xml::put;
use crate::backends::slides::deck::{Table, Text};
use crate::backends::slides::layout::{CELL_MARGIN_X, CELL_MARGIN_Y, TABLE_GAP};
use crate::ir::Align;

const BAND: &str = "EEF2F7";
const RULE: &str = "C9D1DC";

/// Appends a graphic frame holding `table` with its top-left corner at (`x`, `y`) points
/// (the gap above the table included in `y`), as shape `id`.
pub fn graphic_frame(out: &mut String, table: &Table, x: f32, y: f32, id: usize, links: &mut Links) {
    let widths: Vec<i64> = table.widths.iter().map(|w| emu(*w)).collect();
    let heights = &table.heights;
    out.push_str(&format!(
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Table {id}\"/>\
         <p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>\
         <p:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></p:xfrm>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\">\
         <a:tbl><a:tblPr firstRow=\"{}\" bandRow=\"1\"/><a:tblGrid>",
        emu(x),
        emu(y + TABLE_GAP),
        widths.iter().sum::<i64>(),
        heights.iter().map(|h| emu(*h)).sum::<i64>(),
        u8::from(table.has_head()),
    ));
    for w in &widths {
        put(out, format_args!("<a:gridCol w=\"{w}\"/>"));
    }
    out.push_str("</a:tblGrid>");
    if table.has_head() {
        row(out, &table.head, table, heights[0], Fill::Head, links);
    }
    for (i, cells) in table.rows.iter().enumerate() {
        let fill = if i % 2 == 1 { Fill::Band } else { Fill::None };
        row(out, cells, table, heights[i + 1], fill, links);
    }
    out.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}

#[derive(Clone, Copy, PartialEq)]
enum Fill {
    Head,
    Band,
    None,
}

fn row(out: &mut String, cells: &[Text], table: &Table, height: f32, fill: Fill, links: &mut Links) {
    put(out, format_args!("<a:tr h=\"{}\">", emu(height)));
    for (i, cell) in cells.iter().enumerate() {
        let align = match table.align.get(i) {
            Some(Align::Center) => "ctr",
            Some(Align::Right) => "r",
            _ => "l",
        };
        let head = fill == Fill::Head;
        let style = Style {
            bold: head,
            color: head.then_some("FFFFFF"),
            align,
            space_before: false,
            ..Style::plain(table.size)
        };
        out.push_str("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>");
        paragraph(out, cell, style, links);
        put(
            out,
            format_args!(
                "</a:txBody><a:tcPr marL=\"{m}\" marR=\"{m}\" marT=\"{t}\" marB=\"{t}\">",
                m = emu(CELL_MARGIN_X),
                t = emu(CELL_MARGIN_Y)
            ),
        );
        for side in ["lnL", "lnR", "lnT", "lnB"] {
            put(
                out,
                format_args!("<a:{side} w=\"9525\"><a:solidFill><a:srgbClr val=\"{RULE}\"/></a:solidFill></a:{side}>"),
            );
        }
        match fill {
            Fill::Head => out.push_str("<a:solidFill><a:schemeClr val=\"accent1\"/></a:solidFill>"),
            Fill::Band => put(out, format_args!("<a:solidFill><a:srgbClr val=\"{BAND}\"/></a:solidFill>")),
            Fill::None => out.push_str("<a:noFill/>"),
        }
        out.push_str("</a:tcPr></a:tc>");
    }
    out.push_str("</a:tr>");
}
