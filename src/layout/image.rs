//! Images: reads the size and pixel format of PNG and JPEG files from their headers, for
//! scaling them into the column and for the backends that embed them.

/// How an image's pixels are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JPEG with 1 (grey) or 3 (colour) components, embedded as it is.
    Jpeg { components: u8 },
    /// An 8-bit, non-interlaced PNG of colour type 0 (grey), 2 (RGB), 3 (palette), 4 (grey and
    /// alpha) or 6 (RGBA).
    Png { color_type: u8 },
}

/// What a backend needs to know of an image file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// Reads an image's header; `None` for other formats and for PNG or JPEG variants folio does
/// not embed (16-bit or interlaced PNG, CMYK JPEG).
pub fn probe(bytes: &[u8]) -> Option<ImageInfo> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else {
        None
    }
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
    let supported = depth == 8 && interlace == 0 && matches!(color_type, 0 | 2 | 3 | 4 | 6);
    (supported && width > 0 && height > 0).then_some(ImageInfo { width, height, format: Format::Png { color_type } })
}

fn jpeg(bytes: &[u8]) -> Option<ImageInfo> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        // Start-of-frame markers, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let frame = bytes.get(at + 4..at + 10)?;
            let height = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let width = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            let components = frame[5];
            let supported = matches!(components, 1 | 3) && width > 0 && height > 0;
            return supported.then_some(ImageInfo { width, height, format: Format::Jpeg { components } });
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
        assert_eq!(probe(&png), None, "16-bit PNG is not embedded");
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 5, 0, 7, 3];
        assert_eq!(probe(&jpeg), Some(ImageInfo { width: 7, height: 5, format: Format::Jpeg { components: 3 } }));
        assert_eq!(probe(b"GIF89a"), None);
    }
}
