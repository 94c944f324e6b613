//! CFF-outline subsets shown by the glyph ids of the whole face. A CFF font program is
//! addressed by CID, which its charset maps to its glyphs; the subsetter numbers the CIDs as the
//! subset's glyphs. Giving the subset a charset in which each glyph's CID is its id in the whole
//! face lets content streams show the same codes as for TrueType faces (Identity-H), written
//! before the subset is known, with no map of their own.

/// The bare CFF table of the OpenType subset `otf`, with a charset giving each glyph of the
/// subset, in order, the CID in `cids` (the first is `.notdef`'s, 0). `None` when the subset is
/// not laid out as expected.
pub fn with_whole_face_cids(otf: &[u8], cids: &[u16]) -> Option<Vec<u8>> {
    let cff = table(otf, *b"CFF ")?;
    let operand = charset_operand(cff)?;
    let mut out = cff.to_vec();
    let at = i32::try_from(out.len()).ok()?;
    out.get_mut(operand + 1..operand + 5)?.copy_from_slice(&at.to_be_bytes());
    // Format 0: the CID of every glyph but `.notdef`.
    out.push(0);
    out.extend(cids.iter().skip(1).flat_map(|cid| cid.to_be_bytes()));
    Some(out)
}

/// The table `tag` of a single-face OpenType font.
fn table(otf: &[u8], tag: [u8; 4]) -> Option<&[u8]> {
    let tables = usize::from(u16::from_be_bytes([*otf.get(4)?, *otf.get(5)?]));
    (0..tables).find_map(|i| {
        let record = otf.get(12 + 16 * i..28 + 16 * i)?;
        let word =
            |at: usize| u32::from_be_bytes([record[at], record[at + 1], record[at + 2], record[at + 3]]) as usize;
        (record[..4] == tag).then(|| otf.get(word(8)..word(8) + word(12))).flatten()
    })
}

/// Where, in a CFF table, the Top DICT's charset offset is written: the first byte of its
/// operand, which must be a five-byte integer (the subsetter writes offsets so).
fn charset_operand(cff: &[u8]) -> Option<usize> {
    let names = index_end(cff, usize::from(*cff.get(2)?))?;
    let (start, end) = first_entry(cff, names)?;
    let mut at = start;
    let mut last_operand = None;
    while at < end {
        let b0 = *cff.get(at)?;
        let length = match b0 {
            0..=21 => {
                if b0 == 15 {
                    return last_operand.filter(|&o| cff.get(o) == Some(&29));
                }
                last_operand = None;
                at += if b0 == 12 { 2 } else { 1 };
                continue;
            }
            28 => 3,
            29 => 5,
            30 => real_length(&cff[at..])?,
            32..=246 => 1,
            247..=254 => 2,
            _ => return None,
        };
        last_operand = Some(at);
        at += length;
    }
    None
}

/// The length of a real operand (nibbles up to one of 0xf), its first byte included.
fn real_length(bytes: &[u8]) -> Option<usize> {
    let end = bytes.iter().skip(1).position(|b| b >> 4 == 0xf || b & 0xf == 0xf)?;
    Some(end + 2)
}

/// The offset size and the offsets of the INDEX at `at`, and its number of entries.
fn index(cff: &[u8], at: usize) -> Option<(usize, Vec<usize>)> {
    let count = usize::from(u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]));
    if count == 0 {
        return Some((at + 2, Vec::new()));
    }
    let size = usize::from(*cff.get(at + 2)?);
    let offsets = (0..=count)
        .map(|i| {
            let bytes = cff.get(at + 3 + i * size..at + 3 + (i + 1) * size)?;
            Some(bytes.iter().fold(0usize, |v, &b| (v << 8) | usize::from(b)))
        })
        .collect::<Option<Vec<usize>>>()?;
    // Offsets count from the byte before the data.
    Some((at + 2 + (count + 1) * size, offsets))
}

/// Where the INDEX at `at` ends.
fn index_end(cff: &[u8], at: usize) -> Option<usize> {
    let (data, offsets) = index(cff, at)?;
    Some(offsets.last().map_or(data, |last| data + last))
}

/// The byte range of the first entry of the INDEX at `at`.
fn first_entry(cff: &[u8], at: usize) -> Option<(usize, usize)> {
    let (data, offsets) = index(cff, at)?;
    Some((data + offsets.first()?, data + offsets.get(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charset_names_each_glyph_by_its_id_in_the_whole_face() {
        let face = include_bytes!("../../tests/it/data/fonts/NotoSansCJKsc-Subset.otf");
        let mut remapper = subsetter::GlyphRemapper::new();
        for glyph in [7, 3, 5] {
            remapper.remap(glyph);
        }
        let otf = subsetter::subset(face, 0, &remapper).unwrap();
        let cids: Vec<u16> = remapper.remapped_gids().collect();
        assert_eq!(cids, [0, 7, 3, 5]);
        let cff = with_whole_face_cids(&otf, &cids).expect("a CFF subset");
        let operand = charset_operand(&cff).expect("the charset offset");
        let at = u32::from_be_bytes(cff[operand + 1..operand + 5].try_into().unwrap()) as usize;
        assert_eq!(&cff[at..], [0, 0, 7, 0, 3, 0, 5], "format 0, then the CID of glyphs 1, 2 and 3");
    }
}
