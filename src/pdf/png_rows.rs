//! PNG rows: inflating a PNG's image data and undoing its per-row filters, for the PNGs with
//! alpha whose colour and alpha the PDF holds apart.

use std::io::Read;

pub fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth) for 8-bit samples.
pub fn unfilter(data: &[u8], width: usize, height: usize, channels: usize) -> Option<Vec<u8>> {
    let stride = width * channels;
    let mut out = vec![0u8; stride * height];
    for row in 0..height {
        let line = data.get(row * (stride + 1)..(row + 1) * (stride + 1))?;
        let (filter, line) = (line[0], &line[1..]);
        let (done, current) = out.split_at_mut(row * stride);
        let above = if row == 0 { None } else { Some(&done[(row - 1) * stride..]) };
        for i in 0..stride {
            let a = if i >= channels { current[i - channels] } else { 0 };
            let b = above.map_or(0, |r| r[i]);
            let c = if i >= channels { above.map_or(0, |r| r[i - channels]) } else { 0 };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                _ => return None,
            };
            current[i] = line[i].wrapping_add(predicted);
        }
    }
    Some(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}
