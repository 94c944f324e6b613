//! Images: reads the size and pixel format of an image file from its header, for scaling it
//! into the column and for the backends that embed it. JPEG and plain 8-bit PNG are read here
//! (the PDF holds their compressed data as it is); every other PNG, GIF and WebP by the `image`
//! crate's header readers (the PDF holds their decoded pixels, see `layout::image_decode`);
//! the size of an SVG by `layout::image_svg`.

/// How an image's pixels are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JPEG with 1 (grey), 3 (colour) or 4 (CMYK) components, embedded as it is; `inverted`
    /// for a CMYK one written by Adobe software, whose ink values are stored inverted.
    Jpeg { components: u8, inverted: bool },
    /// An 8-bit, non-interlaced PNG of colour type 0 (grey), 2 (RGB), 3 (palette), 4 (grey and
    /// alpha) or 6 (RGBA), without transparency key or colour profile.
    Png { color_type: u8 },
    /// Any other PNG (16-bit or fewer bits, interlaced, with a transparency key or an ICC
    /// profile), a GIF or a WebP: embedded as its decoded pixels.
    Decoded,
}

/// What a backend needs to know of an image file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

impl ImageInfo {
    /// Its size in points, at 96 pixels to the inch.
    pub fn points(&self) -> (f32, f32) {
        (self.width as f32 * 0.75, self.height as f32 * 0.75)
    }
}

/// Reads an image's header; `None` for formats folio does not embed and damaged headers.
pub fn probe(bytes: &[u8]) -> Option<ImageInfo> {
    let info = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)?
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)?
    } else if bytes.starts_with(b"GIF8") || (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")) {
        decoded(bytes)?
    } else {
        return None;
    };
    (info.width > 0 && info.height > 0).then_some(info)
}

/// The size an image file asks for, in points (96 pixels, or SVG units, to the inch); `None`
/// for a file that is no PNG, JPEG, GIF, WebP or SVG folio reads. An SVG's text is not laid
/// out for this.
pub fn natural_size(bytes: &[u8]) -> Option<(f32, f32)> {
    match probe(bytes) {
        Some(info) => Some(info.points()),
        None => super::image_svg::is_svg(bytes).then(|| super::image_svg::size_of(bytes)).flatten(),
    }
}

/// The size of an image the `image` crate reads, from its header.
fn decoded(bytes: &[u8]) -> Option<ImageInfo> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
    let (width, height) = reader.into_dimensions().ok()?;
    Some(ImageInfo { width, height, format: Format::Decoded })
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn png(bytes: &[u8]) -> Option<ImageInfo> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let (width, height) = (be32(bytes, 16)?, be32(bytes, 20)?);
    let (depth, color_type, interlace) = (*bytes.get(24)?, *bytes.get(25)?, *bytes.get(28)?);
    if !matches!(color_type, 0 | 2 | 3 | 4 | 6) {
        return None;
    }
    let keyed = || png_chunks(bytes).iter().any(|(t, _)| t == b"tRNS" || t == b"iCCP");
    let plain = depth == 8 && interlace == 0 && !keyed();
    let format = if plain { Format::Png { color_type } } else { Format::Decoded };
    Some(ImageInfo { width, height, format })
}

fn jpeg(bytes: &[u8]) -> Option<ImageInfo> {
    let mut at = 2;
    let mut adobe = false;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        adobe |= marker == 0xEE && bytes.get(at + 4..at + 9) == Some(b"Adobe");
        // Start-of-frame markers, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let frame = bytes.get(at + 4..at + 10)?;
            let height = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let width = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            let components = frame[5];
            let inverted = adobe && components == 4;
            let format = Format::Jpeg { components, inverted };
            return matches!(components, 1 | 3 | 4).then_some(ImageInfo { width, height, format });
        }
        at += 2 + length;
    }
    None
}

/// The samples of one pixel of a PNG of `color_type`.
pub fn channels(color_type: u8) -> usize {
    match color_type {
        0 | 3 => 1,
        2 => 3,
        4 => 2,
        _ => 4,
    }
}

/// The chunks of a PNG file: type and data, up to the first that runs past the end.
pub fn png_chunks(bytes: &[u8]) -> Vec<([u8; 4], &[u8])> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_jpeg_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend([0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
        assert_eq!(probe(&png), Some(ImageInfo { width: 3, height: 2, format: Format::Png { color_type: 6 } }));
        png[24] = 16;
        assert_eq!(probe(&png).map(|i| i.format), Some(Format::Decoded), "16-bit PNG is decoded");
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 5, 0, 7, 3];
        let format = Format::Jpeg { components: 3, inverted: false };
        assert_eq!(probe(&jpeg), Some(ImageInfo { width: 7, height: 5, format }));
        jpeg[17] = 4;
        jpeg.splice(2..2, [0xFF, 0xEE, 0, 7, b'A', b'd', b'o', b'b', b'e']);
        assert_eq!(probe(&jpeg).map(|i| i.format), Some(Format::Jpeg { components: 4, inverted: true }));
        assert_eq!(probe(b"GIF89a"), None, "a GIF without its screen descriptor");
        assert_eq!(probe(b"BM"), None);
    }
}
