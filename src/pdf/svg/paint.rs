//! Paint: a colour as an RGB fill or stroke colour; a linear or radial gradient as a shading
//! pattern (axial or radial shading, extended at both ends as SVG's `pad`), its stops the
//! colour line of [`crate::pdf::colour_line`].

use super::{matrix, Drawer};
use crate::pdf::colour_line::{self, Stop};
use pdf_writer::types::{ColorSpaceOperand, FunctionShadingType};
use pdf_writer::{Content, Name, Ref};
use std::io::{self, Write};
use usvg::{BaseGradient, Color, Paint, Transform};

fn rgb(color: Color) -> [f32; 3] {
    [color.red, color.green, color.blue].map(|c| f32::from(c) / 255.0)
}

/// Sets `paint` as the fill (or with `stroke` the stroke) colour, its gradient placed by `ts`;
/// false when it paints nothing (a gradient without stops).
pub fn set<W: Write>(
    drawer: &mut Drawer<W>,
    paint: &Paint,
    c: &mut Content,
    (ts, stroke): (Transform, bool),
) -> io::Result<bool> {
    let pattern = match paint {
        Paint::Color(color) => {
            let [r, g, b] = rgb(*color);
            if stroke {
                c.set_stroke_rgb(r, g, b)
            } else {
                c.set_fill_rgb(r, g, b)
            };
            return Ok(true);
        }
        Paint::LinearGradient(g) => {
            let coords = [g.x1(), g.y1(), g.x2(), g.y2()];
            shading(drawer, (FunctionShadingType::Axial, &coords), g, ts)?
        }
        Paint::RadialGradient(g) => {
            let coords = [g.fx(), g.fy(), g.fr().get(), g.cx(), g.cy(), g.r().get()];
            shading(drawer, (FunctionShadingType::Radial, &coords), g, ts)?
        }
        // Refused by the check: such an SVG is drawn as a raster.
        Paint::Pattern(_) => None,
    };
    let Some(pattern) = pattern else { return Ok(false) };
    let name = drawer.names.pattern(pattern);
    if stroke {
        c.set_stroke_color_space(ColorSpaceOperand::Pattern);
        c.set_stroke_pattern(None, Name(name.as_bytes()));
    } else {
        c.set_fill_color_space(ColorSpaceOperand::Pattern);
        c.set_fill_pattern(None, Name(name.as_bytes()));
    }
    Ok(true)
}

/// Writes a shading pattern of `kind` over `coords` with the stops of `gradient`; `None`
/// without stops.
fn shading<W: Write>(
    drawer: &mut Drawer<W>,
    (kind, coords): (FunctionShadingType, &[f32]),
    gradient: &BaseGradient,
    ts: Transform,
) -> io::Result<Option<Ref>> {
    if gradient.stops().is_empty() {
        return Ok(None);
    }
    let stops: Vec<Stop> =
        gradient.stops().iter().map(|s| Stop { offset: s.offset().get(), colour: rgb(s.color()) }).collect();
    let function = colour_line::write(drawer.file, &stops)?;
    let id = drawer.file.alloc();
    // Pattern space is the form's: the user space of the path, then the gradient's own transform.
    let placed = matrix(ts.pre_concat(gradient.transform()));
    drawer.file.object(id, |c| {
        let mut pattern = c.shading_pattern(id);
        pattern.matrix(placed);
        let mut shading = pattern.function_shading();
        shading.shading_type(kind).coords(coords.iter().copied()).extend([true, true]).function(function);
        shading.color_space().device_rgb();
    })?;
    Ok(Some(id))
}
