//! Paint: a colour as an RGB fill or stroke colour; a linear or radial gradient as a shading
//! pattern (axial or radial shading, extended at both ends as SVG's `pad`), its stops an
//! exponential function between each two, stitched together.

use super::{matrix, Drawer};
use pdf_writer::types::{ColorSpaceOperand, FunctionShadingType};
use pdf_writer::{Content, Name, Ref};
use std::io::{self, Write};
use usvg::{BaseGradient, Color, Paint, Stop, Transform};

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
    let Some(function) = stops_function(drawer, gradient.stops())? else { return Ok(None) };
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

/// The colour of a gradient from 0 to 1: between each two stops an exponential function,
/// stitched together when there are more than two (the first and last colours held to the
/// ends); `None` without stops.
fn stops_function<W: Write>(drawer: &mut Drawer<W>, stops: &[Stop]) -> io::Result<Option<Ref>> {
    let mut points: Vec<(f32, [f32; 3])> = stops.iter().map(|s| (s.offset().get(), rgb(s.color()))).collect();
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else { return Ok(None) };
    if first.0 > 0.0 {
        points.insert(0, (0.0, first.1));
    }
    if last.0 < 1.0 {
        points.push((1.0, last.1));
    }
    let mut pieces = Vec::with_capacity(points.len() - 1);
    for pair in points.windows(2) {
        let id = drawer.file.alloc();
        drawer.file.object(id, |c| {
            c.exponential_function(id).domain([0.0, 1.0]).c0(pair[0].1).c1(pair[1].1).n(1.0);
        })?;
        pieces.push(id);
    }
    if let [one] = pieces[..] {
        return Ok(Some(one));
    }
    let id = drawer.file.alloc();
    let bounds: Vec<f32> = points[1..points.len() - 1].iter().map(|p| p.0).collect();
    drawer.file.object(id, |c| {
        let mut stitched = c.stitching_function(id);
        stitched.domain([0.0, 1.0]).functions(pieces.iter().copied()).bounds(bounds);
        stitched.encode([0.0, 1.0].repeat(pieces.len()));
    })?;
    Ok(Some(id))
}
