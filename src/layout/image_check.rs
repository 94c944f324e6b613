//! Whether an image file is whole and of a sane size before any backend embeds it: a PNG's
//! compressed rows are inflated (a chunk at a time, never held) and counted against its
//! header, a JPEG's segments are walked to its end-of-image marker, and an image claiming more
//! than [`MAX_PIXELS`] is refused from its header alone, before anything is allocated for it.
//! Every other image is decoded (under a memory limit) to know it is whole.

use super::image::{channels, png_chunks, probe, Format, ImageInfo};
use super::image_decode::decode;
use std::io::Read;

/// The most pixels an image may have: 100 megapixels (a 10,000 × 10,000 image).
pub const MAX_PIXELS: u64 = 100_000_000;

/// The largest image file read: 128 MB.
pub const MAX_FILE_BYTES: u64 = 128 << 20;

/// Why an image cannot be embedded; `Ok` for an image that can, or one in a format folio
/// does not embed at all (which the layout reports on its own).
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(info) = probe(bytes) else { return Ok(()) };
    let pixels = u64::from(info.width) * u64::from(info.height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "claims {} × {} pixels, more than the limit of {} megapixels",
            info.width,
            info.height,
            MAX_PIXELS / 1_000_000
        ));
    }
    match info.format {
        Format::Png { color_type } => png(bytes, &info, color_type),
        Format::Jpeg { .. } => jpeg(bytes),
        Format::Decoded => decode(bytes).map(drop),
    }
}

/// A PNG's rows: the inflated data must be exactly a filter byte and the samples of each row.
fn png(bytes: &[u8], info: &ImageInfo, color_type: u8) -> Result<(), String> {
    let chunks = png_chunks(bytes);
    if !chunks.iter().any(|(t, _)| t == b"IEND") {
        return Err("is truncated: it ends before its closing IEND chunk".into());
    }
    if color_type == 3 && !chunks.iter().any(|(t, _)| t == b"PLTE") {
        return Err("is a palette PNG without a palette".into());
    }
    let stride = info.width as u64 * channels(color_type) as u64 + 1;
    let expected = stride * u64::from(info.height);
    let data = chunks.iter().filter(|(t, _)| t == b"IDAT").flat_map(|(_, d)| d.iter().copied()).collect::<Vec<u8>>();
    let mut rows = flate2::read::ZlibDecoder::new(data.as_slice()).take(expected + 1);
    let mut buffer = [0u8; 64 * 1024];
    let mut at = 0u64;
    loop {
        let n = rows.read(&mut buffer).map_err(|e| format!("has damaged pixel data ({e})"))?;
        if n == 0 {
            break;
        }
        // Every row starts with its filter type, 0 to 4.
        let first_row = at.div_ceil(stride) * stride;
        let bad = (first_row..at + n as u64).step_by(stride as usize).any(|i| buffer[(i - at) as usize] > 4);
        if bad {
            return Err("has damaged pixel data (an unknown row filter)".into());
        }
        at += n as u64;
    }
    match at.cmp(&expected) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Less => Err(format!("is truncated: {at} of its {expected} bytes of pixel data")),
        std::cmp::Ordering::Greater => Err("has more pixel data than its header says".into()),
    }
}

/// A JPEG's segments, from the start-of-image marker through the scan to the end-of-image one.
fn jpeg(bytes: &[u8]) -> Result<(), String> {
    let mut at = 2;
    loop {
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err("is truncated or damaged: its segments end before the image data".into());
        };
        let length = bytes.get(at + 2..at + 4).map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])));
        let Some(length) = length.filter(|l| *l >= 2 && at + 2 + l <= bytes.len()) else {
            return Err("is truncated or damaged: a segment runs past the end of the file".into());
        };
        at += 2 + length;
        if marker == 0xDA {
            break;
        }
    }
    // The entropy-coded data runs to the end-of-image marker; 0xFF is followed by 0 or a restart.
    match bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]) {
        true => Ok(()),
        false => Err("is truncated: it ends before its end-of-image marker".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_must_reach_its_end_of_image_marker() {
        let head = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 5, 0, 7, 3, 1, 0x11, 0, 0xFF, 0xDA, 0, 2, 1, 2, 3];
        assert!(check(&head).unwrap_err().contains("end-of-image"));
        assert_eq!(check(&[&head[..], &[0xFF, 0xD9]].concat()), Ok(()));
        assert!(check(&head[..16]).unwrap_err().contains("truncated or damaged"));
    }
}
