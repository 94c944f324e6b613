//! The gradients of COLRv1 glyphs as PDF shadings: axial for linear gradients, radial for
//! radial ones, their colour line the function of [`crate::pdf::colour_line`], padded at both
//! ends, in DeviceRGB.

use crate::pdf::colour_line::{self, Stop};
use crate::pdf::file::PdfFile;
use pdf_writer::types::FunctionShadingType;
use pdf_writer::Ref;
use std::io::{self, Write};

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
        let function = colour_line::write(file, stops)?;
        let id = file.alloc();
        file.object(id, |c| {
            let mut shading = c.function_shading(id);
            shading.shading_type(kind).coords(coords).function(function).extend([true, true]);
            shading.color_space().device_rgb();
        })?;
        Ok(id)
    }
}
