//! Image XObjects: JPEG embedded as it is (DCTDecode); PNG without alpha embedded as its own
//! zlib data with the PNG predictor; PNG with alpha decoded, split into colour and a soft mask.

use super::file::PdfFile;
use super::pack::deflate;
use crate::layout::image::{channels, png_chunks, probe, Format};
use pdf_writer::types::Predictor;
use pdf_writer::writers::ImageXObject;
use pdf_writer::{Filter, Name, Ref};
use std::io::{self, Read, Write};

/// How an image's pixels are stored in the PDF.
enum Pixels<'a> {
    Jpeg {
        gray: bool,
        data: &'a [u8],
    },
    /// PNG data as it is, undone by the PNG predictor.
    Png {
        space: Space<'a>,
        channels: i32,
        data: Vec<u8>,
    },
    /// Decoded colour, deflated, and a soft mask of the alpha.
    Split {
        gray: bool,
        color: Vec<u8>,
        alpha: Vec<u8>,
    },
}

/// A colour space: gray, RGB, or a palette of RGB colours.
enum Space<'a> {
    Gray,
    Rgb,
    Indexed(&'a [u8]),
}

fn space(image: &mut ImageXObject, space: &Space) {
    match space {
        Space::Gray => image.color_space().device_gray(),
        Space::Rgb => image.color_space().device_rgb(),
        Space::Indexed(palette) => {
            let last = (palette.len() / 3).saturating_sub(1) as i32;
            image.color_space().indexed(Name(b"DeviceRGB"), last, palette)
        }
    }
}

/// Writes an image as an XObject into `file`; `None` if it is not a format the PDF can hold.
pub fn xobject<W: Write>(file: &mut PdfFile<W>, bytes: &[u8]) -> io::Result<Option<Ref>> {
    let Some(info) = probe(bytes) else { return Ok(None) };
    let Some(pixels) = pixels(bytes, &info.format, info.width as usize, info.height as usize) else {
        return Ok(None);
    };
    let (width, height) = (info.width as i32, info.height as i32);
    let id = file.alloc();
    match pixels {
        Pixels::Jpeg { gray, data } => file.object(id, |c| {
            let mut image = c.image_xobject(id, data);
            image.width(width).height(height).bits_per_component(8);
            image.filter(Filter::DctDecode);
            space(&mut image, if gray { &Space::Gray } else { &Space::Rgb });
        })?,
        Pixels::Png { space: kind, channels, data } => file.object(id, |c| {
            let mut image = c.image_xobject(id, &data);
            image.width(width).height(height).bits_per_component(8);
            image.filter(Filter::FlateDecode);
            space(&mut image, &kind);
            image.decode_parms().predictor(Predictor::PngOptimum).colors(channels).bits_per_component(8).columns(width);
        })?,
        Pixels::Split { gray, color, alpha } => {
            let mask = file.alloc();
            let alpha = deflate(&alpha);
            file.object(mask, |c| {
                let mut image = c.image_xobject(mask, &alpha);
                image.width(width).height(height).bits_per_component(8);
                image.filter(Filter::FlateDecode);
                image.color_space().device_gray();
            })?;
            let color = deflate(&color);
            file.object(id, |c| {
                let mut image = c.image_xobject(id, &color);
                image.width(width).height(height).bits_per_component(8);
                image.filter(Filter::FlateDecode);
                space(&mut image, if gray { &Space::Gray } else { &Space::Rgb });
                image.s_mask(mask);
            })?;
        }
    }
    Ok(Some(id))
}

/// A one-pixel white image, for an image drawn by name whose file turned out unusable.
pub fn placeholder<W: Write>(file: &mut PdfFile<W>) -> io::Result<Ref> {
    let id = file.alloc();
    file.object(id, |c| {
        let mut image = c.image_xobject(id, &[255]);
        image.width(1).height(1).bits_per_component(8);
        image.color_space().device_gray();
    })?;
    Ok(id)
}

/// The pixels of an image file as the PDF will hold them.
fn pixels<'a>(bytes: &'a [u8], format: &Format, width: usize, height: usize) -> Option<Pixels<'a>> {
    match *format {
        Format::Jpeg { components } => Some(Pixels::Jpeg { gray: components == 1, data: bytes }),
        Format::Png { color_type } => {
            let chunks = png_chunks(bytes);
            let data: Vec<u8> = chunks.iter().filter(|(t, _)| t == b"IDAT").flat_map(|(_, d)| d.to_vec()).collect();
            let channels = channels(color_type);
            if matches!(color_type, 4 | 6) {
                let pixels = unfilter(&inflate(&data)?, width, height, channels)?;
                let color_channels = channels - 1;
                let (mut color, mut alpha) = (Vec::new(), Vec::new());
                for pixel in pixels.chunks_exact(channels) {
                    color.extend_from_slice(&pixel[..color_channels]);
                    alpha.push(pixel[color_channels]);
                }
                return Some(Pixels::Split { gray: color_type == 4, color, alpha });
            }
            let space = match color_type {
                0 => Space::Gray,
                2 => Space::Rgb,
                _ => Space::Indexed(chunks.iter().find(|(t, _)| t == b"PLTE")?.1),
            };
            Some(Pixels::Png { space, channels: channels as i32, data })
        }
    }
}

fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth) for 8-bit samples.
fn unfilter(data: &[u8], width: usize, height: usize, channels: usize) -> Option<Vec<u8>> {
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
