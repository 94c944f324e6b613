//! Image XObjects: JPEG embedded as it is (DCTDecode); PNG without alpha embedded as its own
//! zlib data with the PNG predictor; PNG with alpha decoded, split into colour and a soft mask.

use super::writer::deflated;
use crate::layout::image::{probe, Format};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::io::Read;

/// Writes an image as an XObject; `None` if it is not a format the PDF can hold.
pub fn xobject(doc: &mut Document, bytes: &[u8]) -> Option<ObjectId> {
    let info = probe(bytes)?;
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(info.width),
        "Height" => i64::from(info.height),
        "BitsPerComponent" => 8,
    };
    match info.format {
        Format::Jpeg { components } => {
            dict.set("ColorSpace", if components == 1 { "DeviceGray" } else { "DeviceRGB" });
            dict.set("Filter", "DCTDecode");
            Some(doc.add_object(Stream::new(dict, bytes.to_vec()).with_compression(false)))
        }
        Format::Png { color_type } => {
            let chunks = png_chunks(bytes);
            let data: Vec<u8> = chunks.iter().filter(|(t, _)| t == b"IDAT").flat_map(|(_, d)| d.to_vec()).collect();
            let channels: usize = match color_type {
                0 | 3 => 1,
                2 => 3,
                4 => 2,
                _ => 4,
            };
            let space = match color_type {
                0 | 4 => Object::from("DeviceGray"),
                2 | 6 => Object::from("DeviceRGB"),
                _ => {
                    let palette = chunks.iter().find(|(t, _)| t == b"PLTE")?.1;
                    let last = (palette.len() / 3).checked_sub(1)? as i64;
                    let table = Object::String(palette.to_vec(), StringFormat::Hexadecimal);
                    Object::Array(vec!["Indexed".into(), "DeviceRGB".into(), last.into(), table])
                }
            };
            dict.set("ColorSpace", space);
            if matches!(color_type, 4 | 6) {
                let pixels = unfilter(&inflate(&data)?, info.width as usize, info.height as usize, channels)?;
                let color_channels = channels - 1;
                let (mut color, mut alpha) = (Vec::new(), Vec::new());
                for pixel in pixels.chunks_exact(channels) {
                    color.extend_from_slice(&pixel[..color_channels]);
                    alpha.push(pixel[color_channels]);
                }
                let mut mask = dict.clone();
                mask.set("ColorSpace", "DeviceGray");
                let mask = doc.add_object(deflated(mask, alpha));
                dict.set("SMask", mask);
                return Some(doc.add_object(deflated(dict, color)));
            }
            dict.set("Filter", "FlateDecode");
            let parms: Dictionary = dictionary! {
                "Predictor" => 15,
                "Colors" => channels as i64,
                "BitsPerComponent" => 8,
                "Columns" => i64::from(info.width),
            };
            dict.set("DecodeParms", parms);
            Some(doc.add_object(Stream::new(dict, data).with_compression(false)))
        }
    }
}

/// The chunks of a PNG file: type and data.
fn png_chunks(bytes: &[u8]) -> Vec<([u8; 4], &[u8])> {
    let mut chunks = Vec::new();
    let mut at = 8;
    while let Some(head) = bytes.get(at..at + 8) {
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let Some(data) = bytes.get(at + 8..at + 8 + length) else { break };
        chunks.push(([head[4], head[5], head[6], head[7]], data));
        at += 12 + length;
    }
    chunks
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
