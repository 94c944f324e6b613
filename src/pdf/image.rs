//! Image XObjects: JPEG embedded as it is (DCTDecode; CMYK ones written by Adobe software with
//! an inverted decode); plain PNG without alpha as its own zlib data with the PNG predictor;
//! PNG with alpha split into colour and a soft mask; every other image decoded
//! ([`decode`]) to 8-bit samples, deflated, with a soft mask where it is not opaque. A colour
//! profile of the file is kept as an ICCBased colour space. For PDF/A, whose sRGB output
//! intent forbids DeviceCMYK, a CMYK JPEG without a CMYK profile is decoded to RGB.

use super::file::PdfFile;
use super::pack::deflate;
use super::png_rows::{inflate, unfilter};
use crate::layout::image::{channels, png_chunks, probe, Format};
use crate::layout::image_decode::{decode, icc_profile};
use pdf_writer::types::Predictor;
use pdf_writer::writers::ImageXObject;
use pdf_writer::{Filter, Name, Ref};
use std::io::{self, Write};

/// How an image's pixels are stored in the PDF.
enum Pixels<'a> {
    Jpeg {
        components: u8,
        inverted: bool,
        data: &'a [u8],
        icc: Option<Vec<u8>>,
    },
    /// PNG data as it is, undone by the PNG predictor.
    Png {
        space: Space<'a>,
        channels: i32,
        data: Vec<u8>,
    },
    /// Decoded colour, deflated, and a soft mask of the alpha if there is one.
    Raw {
        gray: bool,
        color: Vec<u8>,
        alpha: Option<Vec<u8>>,
        icc: Option<Vec<u8>>,
    },
}

/// A colour space: device grey, RGB or CMYK, or a palette of RGB colours.
enum Space<'a> {
    Device(u8),
    Indexed(&'a [u8]),
}

impl Space<'_> {
    fn gray_or_rgb(gray: bool) -> Self {
        Space::Device(if gray { 1 } else { 3 })
    }
}

fn device(components: u8) -> Name<'static> {
    match components {
        1 => Name(b"DeviceGray"),
        4 => Name(b"DeviceCMYK"),
        _ => Name(b"DeviceRGB"),
    }
}

/// Writes `space`, or the ICC profile `icc` in its place.
fn space(image: &mut ImageXObject, space: &Space, icc: Option<Ref>) {
    match (space, icc) {
        (_, Some(icc)) => image.color_space().icc_based(icc),
        (Space::Device(components), None) => {
            image.pair(Name(b"ColorSpace"), device(*components));
        }
        (Space::Indexed(palette), None) => {
            let last = (palette.len() / 3).saturating_sub(1) as i32;
            image.color_space().indexed(Name(b"DeviceRGB"), last, palette)
        }
    }
}

/// Writes an ICC profile stream for an image of `components` samples a pixel; `None` without a
/// profile or with one for another number of components (which the PDF would reject).
fn icc_stream<W: Write>(file: &mut PdfFile<W>, profile: Option<&[u8]>, components: u8) -> io::Result<Option<Ref>> {
    let signature: &[u8] = match components {
        1 => b"GRAY",
        4 => b"CMYK",
        _ => b"RGB ",
    };
    let Some(profile) = profile.filter(|p| p.get(16..20) == Some(signature)) else { return Ok(None) };
    let id = file.alloc();
    let data = deflate(profile);
    file.object(id, |c| {
        let mut stream = c.icc_profile(id, &data);
        stream.n(i32::from(components)).alternate_name(device(components)).filter(Filter::FlateDecode);
    })?;
    Ok(Some(id))
}

/// Writes an image as an XObject into `file` (of PDF/A when `archive`); `None` if it is not a
/// format the PDF can hold.
pub fn xobject<W: Write>(file: &mut PdfFile<W>, bytes: &[u8], archive: bool) -> io::Result<Option<Ref>> {
    let Some(info) = probe(bytes) else { return Ok(None) };
    let Some(pixels) = pixels(bytes, (&info.format, archive), info.width as usize, info.height as usize) else {
        return Ok(None);
    };
    let (width, height) = (info.width as i32, info.height as i32);
    let id = file.alloc();
    match pixels {
        Pixels::Jpeg { components, inverted, data, icc } => {
            let icc = icc_stream(file, icc.as_deref(), components)?;
            file.object(id, |c| {
                let mut image = c.image_xobject(id, data);
                image.width(width).height(height).bits_per_component(8);
                image.filter(Filter::DctDecode);
                space(&mut image, &Space::Device(components), icc);
                if inverted {
                    image.decode([1.0, 0.0].repeat(4));
                }
            })?
        }
        Pixels::Png { space: kind, channels, data } => file.object(id, |c| {
            let mut image = c.image_xobject(id, &data);
            image.width(width).height(height).bits_per_component(8);
            image.filter(Filter::FlateDecode);
            space(&mut image, &kind, None);
            image.decode_parms().predictor(Predictor::PngOptimum).colors(channels).bits_per_component(8).columns(width);
        })?,
        Pixels::Raw { gray, color, alpha, icc } => {
            let mask = alpha.map(|alpha| gray_image(file, width, height, &alpha)).transpose()?;
            let icc = icc_stream(file, icc.as_deref(), if gray { 1 } else { 3 })?;
            let color = deflate(&color);
            file.object(id, |c| {
                let mut image = c.image_xobject(id, &color);
                image.width(width).height(height).bits_per_component(8);
                image.filter(Filter::FlateDecode);
                space(&mut image, &Space::gray_or_rgb(gray), icc);
                if let Some(mask) = mask {
                    image.s_mask(mask);
                }
            })?;
        }
    }
    Ok(Some(id))
}

/// A deflated 8-bit grey image, such as a soft mask.
fn gray_image<W: Write>(file: &mut PdfFile<W>, width: i32, height: i32, samples: &[u8]) -> io::Result<Ref> {
    let id = file.alloc();
    let data = deflate(samples);
    file.object(id, |c| {
        let mut image = c.image_xobject(id, &data);
        image.width(width).height(height).bits_per_component(8);
        image.filter(Filter::FlateDecode);
        image.color_space().device_gray();
    })?;
    Ok(id)
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

/// The pixels of an image file as the PDF (of PDF/A when `archive`) will hold them.
fn pixels<'a>(bytes: &'a [u8], (format, archive): (&Format, bool), width: usize, height: usize) -> Option<Pixels<'a>> {
    match *format {
        Format::Jpeg { components, inverted } => {
            let icc = icc_profile(bytes);
            let cmyk_profile = icc.as_ref().is_some_and(|p| p.get(16..20) == Some(b"CMYK"));
            if archive && components == 4 && !cmyk_profile {
                return decoded(bytes);
            }
            Some(Pixels::Jpeg { components, inverted, data: bytes, icc })
        }
        Format::Decoded => decoded(bytes),
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
                return Some(Pixels::Raw { gray: color_type == 4, color, alpha: Some(alpha), icc: None });
            }
            let space = match color_type {
                0 => Space::Device(1),
                2 => Space::Device(3),
                _ => Space::Indexed(chunks.iter().find(|(t, _)| t == b"PLTE")?.1),
            };
            Some(Pixels::Png { space, channels: channels as i32, data })
        }
    }
}

/// An image decoded to 8-bit grey or RGB samples (a CMYK JPEG converted to RGB).
fn decoded(bytes: &[u8]) -> Option<Pixels<'_>> {
    let image = decode(bytes).ok()?;
    Some(Pixels::Raw { gray: image.gray, color: image.color, alpha: image.alpha, icc: image.icc })
}
