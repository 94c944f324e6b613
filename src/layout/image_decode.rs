//! Decoding the images the PDF cannot hold as they are (PNG of other depths or interlaced or
//! with a transparency key, GIF, WebP) into 8-bit grey or RGB samples and an optional alpha
//! channel, with the `image` crate under a memory limit, so a decompression bomb is refused
//! before its pixels are allocated.

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

/// The most memory one image's decoded pixels may take: 512 MB, checked from its header before
/// decoding (the 8-bit copy the PDF holds is at most as large again).
pub const MAX_DECODE_BYTES: u64 = 512 << 20;

/// An image's pixels as the PDF holds them: 8 bits a sample.
pub struct Decoded {
    /// One sample a pixel (grey) rather than three (RGB).
    pub gray: bool,
    pub color: Vec<u8>,
    /// One sample a pixel, when some pixel is not fully opaque.
    pub alpha: Option<Vec<u8>>,
    /// The file's ICC colour profile.
    pub icc: Option<Vec<u8>>,
}

/// The ICC colour profile of an image file, read from its header.
pub fn icc_profile(bytes: &[u8]) -> Option<Vec<u8>> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
    reader.into_decoder().ok()?.icc_profile().ok().flatten().filter(|p| !p.is_empty())
}

/// Decodes an image file (its first frame, for an animation); the error says what is wrong.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| format!("has a damaged header ({e})"))?;
    if decoder.total_bytes() > MAX_DECODE_BYTES {
        let megabytes = decoder.total_bytes() >> 20;
        return Err(format!("needs {megabytes} MB to decode, more than the limit of {} MB", MAX_DECODE_BYTES >> 20));
    }
    let icc = decoder.icc_profile().ok().flatten().filter(|p| !p.is_empty());
    let image = DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot be decoded ({e})"))?;
    let gray = !image.color().has_color();
    let alpha = if image.color().has_alpha() {
        let alpha: Vec<u8> = image.to_luma_alpha8().pixels().map(|p| p.0[1]).collect();
        alpha.iter().any(|a| *a != 255).then_some(alpha)
    } else {
        None
    };
    let color = if gray { image.into_luma8().into_raw() } else { image.into_rgb8().into_raw() };
    Ok(Decoded { gray, color, alpha, icc })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG with only a header and an empty image-data chunk.
    fn header_only(width: u32, height: u32, depth: u8, color_type: u8) -> Vec<u8> {
        let chunk = |kind: &[u8], data: &[u8]| {
            let body = [kind, data].concat();
            let mut crc = flate2::Crc::new();
            crc.update(&body);
            let crc = crc.sum();
            [&(data.len() as u32).to_be_bytes()[..], &body, &crc.to_be_bytes()].concat()
        };
        let ihdr = [&width.to_be_bytes()[..], &height.to_be_bytes(), &[depth, color_type, 0, 0, 0]].concat();
        [
            &b"\x89PNG\r\n\x1a\n"[..],
            &chunk(b"IHDR", &ihdr),
            &chunk(b"IDAT", &[0x78, 0x9c, 3, 0, 0, 0, 0, 1]),
            &chunk(b"IEND", &[]),
        ]
        .concat()
    }

    #[test]
    fn an_image_needing_more_than_the_memory_limit_is_refused_before_decoding() {
        // 9,000 × 9,000 is under the pixel limit, but 16-bit RGBA needs 648 MB.
        let error = decode(&header_only(9000, 9000, 16, 6)).err().expect("refused");
        assert!(error.contains("limit"), "{error}");
        let error = decode(&header_only(20, 20, 16, 6)).err().expect("its rows are missing");
        assert!(error.contains("cannot be decoded"), "{error}");
    }
}
