//! The gradients of COLRv1 glyphs as PDF shadings: axial for linear gradients, radial for
//! radial ones, their colour line a function of the stops (one exponential function between
//! two stops, stitched together for more), padded at both ends, in DeviceRGB.

use crate::pdf::file::PdfFile;
use pdf_writer::types::FunctionShadingType;
use pdf_writer::Ref;
use std::io::{self, Write};

/// A colour stop: where on the line (0 to 1) and the colour there.
pub struct Stop {
    pub offset: f32,
    pub colour: [f32; 3],
}

/// A gradient in the glyph's space.
pub enum Gradient {
    Linear {
        from: (f32, f32),
        to: (f32, f32),
        stops: Vec<Stop>,
    },
    /// The start and end circles: centre and radius.
    Radial {
        circles: [(f32, f32, f32); 2],
        stops: Vec<Stop>,
    },
}

impl Gradient {
    /// Writes the shading and its functions; returns the shading.
    pub fn write<W: Write>(&self, file: &mut PdfFile<W>) -> io::Result<Ref> {
        let (kind, coords, stops) = match self {
            Gradient::Linear { from, to, stops } => {
                (FunctionShadingType::Axial, vec![from.0, from.1, to.0, to.1], stops)
            }
            Gradient::Radial { circles: [(x0, y0, r0), (x1, y1, r1)], stops } => {
                (FunctionShadingType::Radial, vec![*x0, *y0, *r0, *x1, *y1, *r1], stops)
            }
        };
        let function = colour_line(file, stops)?;
        let id = file.alloc();
        file.object(id, |c| {
            let mut shading = c.function_shading(id);
            shading.shading_type(kind).coords(coords).function(function).extend([true, true]);
            shading.color_space().device_rgb();
        })?;
        Ok(id)
    }
}

/// The function from 0–1 to the colours of `stops`: between each two stops an exponential
/// function of degree 1, stitched together at the inner stops.
fn colour_line<W: Write>(file: &mut PdfFile<W>, stops: &[Stop]) -> io::Result<Ref> {
    let fallback = [Stop { offset: 0.0, colour: [0.0; 3] }];
    let stops = if stops.is_empty() { &fallback[..] } else { stops };
    let pairs: Vec<(&Stop, &Stop)> = match stops {
        [one] => vec![(one, one)],
        _ => stops.windows(2).map(|w| (&w[0], &w[1])).collect(),
    };
    let mut pieces = Vec::with_capacity(pairs.len());
    for (from, to) in &pairs {
        let id = file.alloc();
        file.object(id, |c| {
            c.exponential_function(id).domain([0.0, 1.0]).c0(from.colour).c1(to.colour).n(1.0);
        })?;
        pieces.push(id);
    }
    if let [one] = pieces[..] {
        return Ok(one);
    }
    let bounds: Vec<f32> = pairs[1..].iter().map(|(from, _)| from.offset.clamp(0.0, 1.0)).collect();
    let id = file.alloc();
    file.object(id, |c| {
        c.stitching_function(id)
            .domain([0.0, 1.0])
            .functions(pieces.iter().copied())
            .bounds(bounds)
            .encode(pairs.iter().flat_map(|_| [0.0, 1.0]));
    })?;
    Ok(id)
}
