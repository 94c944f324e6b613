//! The sRGB colour profile of a PDF/A file's output intent, written here rather than copied:
//! a small ICC v2 display profile with the sRGB colorants and white point (IEC 61966-2-1,
//! adapted to the D50 of the profile connection space with Bradford) and the sRGB tone curve
//! sampled 1024 times. The writer draws in DeviceRGB; the intent says that means sRGB.

use super::file::PdfFile;
use pdf_writer::Ref;
use std::io::{self, Write};

/// The colorants (red, green, blue) and media white point, as XYZ under D50.
const COLORANTS: [(&[u8; 4], [f64; 3]); 4] = [
    (b"rXYZ", [0.4361, 0.2225, 0.0139]),
    (b"gXYZ", [0.3851, 0.7169, 0.0971]),
    (b"bXYZ", [0.1431, 0.0606, 0.7141]),
    (b"wtpt", [0.9642, 1.0, 0.8249]),
];

/// What the profile calls itself.
pub const DESCRIPTION: &str = "sRGB IEC61966-2.1";

/// Writes the profile as an ICC stream of three components; returns it.
pub fn write_profile<W: Write>(file: &mut PdfFile<W>) -> io::Result<Ref> {
    let (id, profile) = (file.alloc(), srgb_profile());
    file.object(id, |c| {
        c.icc_profile(id, &profile).n(3);
    })?;
    Ok(id)
}

/// The bytes of the profile.
pub fn srgb_profile() -> Vec<u8> {
    let curve = tone_curve(1024);
    let mut tags: Vec<(&[u8; 4], Vec<u8>)> =
        vec![(b"desc", desc(DESCRIPTION)), (b"cprt", text("No copyright, use freely"))];
    tags.extend(COLORANTS.iter().map(|(sig, xyz)| (*sig, xyz_tag(*xyz))));
    tags.extend([b"rTRC", b"gTRC", b"bTRC"].map(|sig| (sig, curve.clone())));
    let table_end = 128 + 4 + 12 * tags.len();
    let (mut table, mut data) = ((tags.len() as u32).to_be_bytes().to_vec(), Vec::new());
    let mut last: Option<(&[u8], usize)> = None;
    for (sig, bytes) in &tags {
        // The three curves are the same: they share their data, as ICC allows.
        let offset = match last {
            Some((previous, offset)) if previous == bytes.as_slice() => offset,
            _ => {
                let offset = table_end + data.len();
                data.extend_from_slice(bytes);
                data.resize(data.len().next_multiple_of(4), 0);
                offset
            }
        };
        last = Some((bytes, offset));
        table.extend_from_slice(*sig);
        table.extend((offset as u32).to_be_bytes());
        table.extend((bytes.len() as u32).to_be_bytes());
    }
    let mut profile = header(table_end + data.len());
    profile.extend(table);
    profile.extend(data);
    profile
}

/// The 128-byte header of a v2.1 RGB display profile of `size` bytes.
fn header(size: usize) -> Vec<u8> {
    let mut header = Vec::with_capacity(size);
    header.extend((size as u32).to_be_bytes());
    header.extend([0; 4]); // preferred CMM: none
    header.extend([2, 0x10, 0, 0]); // version 2.1
    header.extend(b"mntrRGB XYZ ");
    header.extend([0; 12]); // date: none, so the bytes never change
    header.extend(b"acsp");
    header.extend([0; 24]); // platform, flags, manufacturer, model, attributes
    header.extend([0; 4]); // rendering intent: perceptual
    header.extend(s15_fixed16(COLORANTS[3].1));
    header.resize(128, 0); // creator, profile id and reserved
    header
}

fn s15_fixed16(values: [f64; 3]) -> Vec<u8> {
    values.iter().flat_map(|v| ((v * 65536.0).round() as i32).to_be_bytes()).collect()
}

fn xyz_tag(xyz: [f64; 3]) -> Vec<u8> {
    let mut tag = b"XYZ \0\0\0\0".to_vec();
    tag.extend(s15_fixed16(xyz));
    tag
}

fn text(value: &str) -> Vec<u8> {
    let mut tag = b"text\0\0\0\0".to_vec();
    tag.extend(value.as_bytes());
    tag.push(0);
    tag
}

/// A v2 `desc` tag: the ASCII description, and empty Unicode and ScriptCode ones.
fn desc(value: &str) -> Vec<u8> {
    let mut tag = b"desc\0\0\0\0".to_vec();
    tag.extend((value.len() as u32 + 1).to_be_bytes());
    tag.extend(value.as_bytes());
    tag.push(0);
    tag.extend([0; 8 + 2 + 1 + 67]);
    tag
}

/// The sRGB transfer function from encoded to linear light, in `points` samples.
fn tone_curve(points: u32) -> Vec<u8> {
    let mut tag = b"curv\0\0\0\0".to_vec();
    tag.extend(points.to_be_bytes());
    for i in 0..points {
        let v = f64::from(i) / f64::from(points - 1);
        let linear = if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
        tag.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    #[test]
    fn the_profile_is_a_whole_v2_rgb_display_profile() {
        let profile = srgb_profile();
        assert_eq!(u32_at(&profile, 0) as usize, profile.len());
        assert_eq!((&profile[12..24], &profile[36..40], profile[8]), (&b"mntrRGB XYZ "[..], &b"acsp"[..], 2));
        let count = u32_at(&profile, 128) as usize;
        let tags: Vec<(&[u8], usize, usize)> = (0..count)
            .map(|i| 132 + 12 * i)
            .map(|at| (&profile[at..at + 4], u32_at(&profile, at + 4) as usize, u32_at(&profile, at + 8) as usize))
            .collect();
        let names: Vec<&[u8]> = tags.iter().map(|t| t.0).collect();
        for wanted in [b"desc", b"cprt", b"wtpt", b"rXYZ", b"gXYZ", b"bXYZ", b"rTRC", b"gTRC", b"bTRC"] {
            assert!(names.contains(&&wanted[..]), "{}", String::from_utf8_lossy(wanted));
        }
        for &(_, offset, size) in &tags {
            assert!(offset % 4 == 0 && offset + size <= profile.len());
        }
        let curves: Vec<usize> = tags.iter().filter(|t| t.0.ends_with(b"TRC")).map(|t| t.1).collect();
        assert!(curves.windows(2).all(|w| w[0] == w[1]), "one curve for three channels: {curves:?}");
        // The white is the sum of the colorants, and Y of the white is 1.0.
        let xyz = |sig: &[u8]| {
            let (_, at, _) = tags.iter().find(|t| t.0 == sig).copied().unwrap();
            [0, 1, 2].map(|i| f64::from(u32_at(&profile, at + 8 + 4 * i) as i32) / 65536.0)
        };
        let sum: Vec<f64> = (0..3).map(|i| xyz(b"rXYZ")[i] + xyz(b"gXYZ")[i] + xyz(b"bXYZ")[i]).collect();
        for (s, w) in sum.iter().zip(xyz(b"wtpt")) {
            assert!((s - w).abs() < 0.001, "{sum:?}");
        }
        assert_eq!(xyz(b"wtpt")[1], 1.0);
        // The curve is 0 at black, 1 at white and 0.2140 (linear) at the middle of the range.
        let (_, at, _) = tags.iter().find(|t| t.0 == b"rTRC").copied().unwrap();
        let sample = |i: usize| u16::from_be_bytes([profile[at + 12 + 2 * i], profile[at + 13 + 2 * i]]);
        assert_eq!((sample(0), sample(1023)), (0, 65535));
        assert!((f64::from(sample(511)) / 65535.0 - 0.2140).abs() < 0.002);
    }
}
