//! A gradient's colour line as a PDF function, for the shadings of SVG images and of colour
//! glyphs alike: between each two stops an exponential function of degree 1, stitched together
//! at the inner stops, the first and last colours held to the ends of the line.

use super::file::PdfFile;
use pdf_writer::Ref;
use std::io::{self, Write};

/// A colour stop: where on the line (0 to 1; others are clamped) and its RGB colour there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    pub offset: f32,
    pub colour: [f32; 3],
}

/// Black, the colour of a line without stops.
const BLACK: Stop = Stop { offset: 0.0, colour: [0.0; 3] };

/// Writes the function from 0–1 to the colours of `stops` (in order along the line; none is
/// black).
pub fn write<W: Write>(file: &mut PdfFile<W>, stops: &[Stop]) -> io::Result<Ref> {
    let mut points: Vec<Stop> = stops.iter().map(|s| Stop { offset: s.offset.clamp(0.0, 1.0), ..*s }).collect();
    let first = points.first().copied().unwrap_or(BLACK);
    let last = points.last().copied().unwrap_or(BLACK);
    if points.is_empty() || first.offset > 0.0 {
        points.insert(0, Stop { offset: 0.0, ..first });
    }
    if last.offset < 1.0 {
        points.push(Stop { offset: 1.0, ..last });
    }
    let mut pieces = Vec::with_capacity(points.len() - 1);
    for pair in points.windows(2) {
        let id = file.alloc();
        file.object(id, |c| {
            c.exponential_function(id).domain([0.0, 1.0]).c0(pair[0].colour).c1(pair[1].colour).n(1.0);
        })?;
        pieces.push(id);
    }
    if let [one] = pieces[..] {
        return Ok(one);
    }
    let id = file.alloc();
    let bounds: Vec<f32> = points[1..points.len() - 1].iter().map(|p| p.offset).collect();
    file.object(id, |c| {
        let mut stitched = c.stitching_function(id);
        stitched.domain([0.0, 1.0]).functions(pieces.iter().copied()).bounds(bounds);
        stitched.encode([0.0, 1.0].repeat(pieces.len()));
    })?;
    Ok(id)
}
