//! Font embedding: each face used becomes a Type 0 font with a CIDFontType2 descendant holding
//! a subset (the `subsetter` crate) of the glyphs drawn, its widths and a ToUnicode map so text
//! copies and searches as written. Content streams show glyphs by their id in the whole face
//! (the CID), and a CIDToGIDMap leads each to its place in the subset: so a page can be written
//! before the last page has said which glyphs the subset needs. For PDF/A, a face that may
//! not be embedded, or text no face could draw, stops the build with the reason.

use super::file::PdfFile;
use super::pack::Packed;
use crate::config::PdfA;
use crate::layout::{FontId, TextRun};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Name, Rect, Ref, Str};
use read_fonts::types::Tag;
use read_fonts::{FontRef, TableProvider};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use subsetter::GlyphRemapper;

/// The glyphs drawn with each face.
pub type Used = BTreeMap<FontId, Glyphs>;

/// The glyphs drawn with one face, with the text each was first shaped from.
#[derive(Default)]
pub struct Glyphs {
    texts: BTreeMap<u16, String>,
    /// A bit for each glyph that has its text: the common case, a glyph seen before, is one test.
    known: Vec<u64>,
}

impl Glyphs {
    /// The glyphs recorded, in order.
    pub fn ids(&self) -> impl Iterator<Item = u16> + '_ {
        self.texts.keys().copied()
    }

    /// Records `glyph`, drawn for `text` (empty for the later glyphs of a cluster).
    fn add(&mut self, glyph: u16, text: &str) {
        let (word, bit) = (usize::from(glyph / 64), 1u64 << (glyph % 64));
        if self.known.get(word).is_some_and(|w| w & bit != 0) {
            return;
        }
        let entry = self.texts.entry(glyph).or_default();
        if !text.is_empty() {
            entry.push_str(text);
            if self.known.len() <= word {
                self.known.resize(word + 1, 0);
            }
            self.known[word] |= bit;
        }
    }
}

/// Records the glyphs of `run` in `used`.
pub fn record(used: &mut Used, run: &TextRun) {
    let glyphs = used.entry(run.font).or_default();
    for (glyph, text) in run.glyph_texts() {
        glyphs.add(glyph.id, text);
    }
}

/// Records `glyph` of `font`, drawn for `text`, in `used` (the invisible text of an SVG).
pub fn record_glyph(used: &mut Used, font: FontId, glyph: u16, text: &str) {
    used.entry(font).or_default().add(glyph, text);
}

/// Adds the glyphs of `more` to `used`, keeping the text each glyph was first recorded with.
pub fn merge(used: &mut Used, more: &Used) {
    for (&font, glyphs) in more {
        let into = used.entry(font).or_default();
        for (&glyph, text) in &glyphs.texts {
            into.add(glyph, text);
        }
    }
}

/// The resource name of a face on every page.
pub fn resource(font: FontId) -> Cow<'static, str> {
    const NAMES: [&str; FontId::BUNDLED.len()] = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"];
    match NAMES.get(font.index()) {
        Some(&name) => Cow::Borrowed(name),
        None => Cow::Owned(format!("F{}", font.index() + 1)),
    }
}

/// Embeds every face in `used`; returns each face's font object. For PDF/A (`archive`), a
/// face whose licence forbids embedding or subsetting, or a glyph drawn that the face lacks, is
/// an error saying so. A face of colour bitmaps alone has no outlines to embed: its text is
/// only ever invisible (see [`super::colour`]), and its font is written without a program.
pub fn embed<W: Write>(file: &mut PdfFile<W>, used: &Used, archive: Option<PdfA>) -> io::Result<BTreeMap<FontId, Ref>> {
    let mut embedded = BTreeMap::new();
    for (&font, glyphs) in used {
        if let Some(pdfa) = archive {
            conforms(font, glyphs, pdfa)?;
        }
        let mut remapper = GlyphRemapper::new();
        for &glyph in glyphs.texts.keys() {
            remapper.remap(glyph);
        }
        let program = match bitmaps_only(font) {
            false => Some(program(font, &remapper)?),
            true => None,
        };
        let unicode = archive.is_some_and(PdfA::needs_unicode);
        let subset = program.as_deref().map(|program| (&remapper, program));
        embedded.insert(font, write_font(file, (font, unicode), &glyphs.texts, subset)?);
    }
    Ok(embedded)
}

/// Whether `font` is a face of colour bitmaps (CBDT or sbix) without outlines (glyf, CFF or
/// CFF2), such as Noto Color Emoji.
pub fn bitmaps_only(font: FontId) -> bool {
    let Ok(face) = FontRef::from_index(font.bytes(), font.face().index) else { return false };
    let has = |tag: &[u8; 4]| face.table_data(Tag::new(tag)).is_some();
    (has(b"CBDT") || has(b"sbix")) && ![b"glyf", b"CFF ", b"CFF2"].into_iter().any(has)
}

/// The font program of the subset of `font` holding the glyphs of `remapper`.
fn program(font: FontId, remapper: &GlyphRemapper) -> io::Result<Vec<u8>> {
    let failed = |e: String| io::Error::other(format!("subsetting {}: {e}", font.postscript_name()));
    let program = subsetter::subset(font.bytes(), font.face().index, remapper).map_err(|e| failed(e.to_string()))?;
    if !font.face().cff {
        return Ok(program);
    }
    let cids: Vec<u16> = remapper.remapped_gids().collect();
    super::cff::with_whole_face_cids(&program, &cids).ok_or_else(|| failed("no CFF table".into()))
}

/// Checks that `font` and the `glyphs` drawn with it can be in a file of `pdfa`: the face's
/// OS/2 `fsType` allows embedding a subset of its outlines, and no glyph is .notdef (drawn for
/// text no face has).
fn conforms(font: FontId, glyphs: &Glyphs, pdfa: PdfA) -> io::Result<()> {
    let name = font.postscript_name();
    let face = FontRef::from_index(font.bytes(), font.face().index).ok();
    let fs_type = face.and_then(|f| f.os2().ok()).map_or(0, |os2| os2.fs_type());
    // Usage 2 is "restricted licence embedding"; bit 8 forbids subsetting, bit 9 outlines.
    if fs_type & 0x000f == 2 || fs_type & 0x0300 != 0 {
        let why = format!("its OS/2 fsType {fs_type:#06x} forbids embedding its outlines as a subset");
        return Err(io::Error::other(format!("cannot make {pdfa} with the font {name}: {why}")));
    }
    if let Some(text) = glyphs.texts.get(&0) {
        let why = format!("no font has a glyph for {text:?}, and {pdfa} forbids drawing .notdef");
        return Err(io::Error::other(format!("cannot make {pdfa} with the font {name}: {why}")));
    }
    Ok(())
}

/// Six capital letters naming a subset, from the face and its glyphs.
fn subset_tag(font: FontId, glyphs: &BTreeMap<u16, String>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(font.postscript_name().as_bytes());
    for glyph in glyphs.keys() {
        hasher.update(&glyph.to_be_bytes());
    }
    let mut value = u64::from_le_bytes(hasher.finalize().as_bytes()[..8].try_into().unwrap_or_default());
    (0..6)
        .map(|_| {
            let c = (b'A' + (value % 26) as u8) as char;
            value /= 26;
            c
        })
        .collect()
}

/// Writes the font objects of `font`, with the program of its `subset` (the glyphs' places in
/// it and its bytes) when it has one; with `unicode`, every glyph gets a ToUnicode entry.
fn write_font<W: Write>(
    file: &mut PdfFile<W>,
    (font, unicode): (FontId, bool),
    glyphs: &BTreeMap<u16, String>,
    subset: Option<(&GlyphRemapper, &[u8])>,
) -> io::Result<Ref> {
    let face = font.face();
    let scale = 1000.0 / face.units_per_em;
    let name = match subset {
        Some(_) => format!("{}+{}", subset_tag(font, glyphs), font.postscript_name()),
        None => font.postscript_name().to_string(),
    };
    let program_id = subset.map(|_| file.alloc());
    let descriptor_id = file.alloc();
    let map_id = subset.filter(|_| !face.cff).map(|(remapper, _)| (file.alloc(), remapper));
    let [cid_id, cmap_id, type0_id] = [(); 3].map(|()| file.alloc());
    if let (Some(program_id), Some((_, program))) = (program_id, subset) {
        let packed = Packed::new(program.to_vec());
        file.object(program_id, |c| {
            let mut stream = packed.stream(c, program_id);
            if face.cff {
                stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
            } else {
                stream.pair(Name(b"Length1"), program.len() as i32);
            }
        })?;
    }
    let mut flags = FontFlags::SYMBOLIC;
    if font == FontId::MONO {
        flags |= FontFlags::FIXED_PITCH;
    }
    if face.italic_angle != 0.0 {
        flags |= FontFlags::ITALIC;
    }
    let [x0, y0, x1, y1] = face.bbox.map(|v| (v * scale).round());
    file.object(descriptor_id, |c| {
        let mut descriptor = c.font_descriptor(descriptor_id);
        descriptor
            .name(Name(name.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(x0, y0, x1, y1))
            .italic_angle(face.italic_angle.round())
            .ascent((face.ascender * scale).round())
            .descent((face.descender * scale).round())
            .cap_height((face.cap_height * scale).round())
            .stem_v(80.0);
        match program_id {
            Some(program_id) if face.cff => descriptor.font_file3(program_id),
            Some(program_id) => descriptor.font_file2(program_id),
            None => &mut descriptor,
        };
    })?;
    // A TrueType subset's glyphs are found through a CIDToGIDMap; a CFF subset's charset
    // names each glyph by its id in the whole face (see `cff.rs`).
    if let Some((map_id, remapper)) = map_id {
        let map = Packed::new(gid_map(glyphs, remapper));
        file.object(map_id, |c| {
            map.stream(c, map_id);
        })?;
    }
    file.object(cid_id, |c| {
        let mut cid = c.cid_font(cid_id);
        cid.subtype(if face.cff { CidFontType::Type0 } else { CidFontType::Type2 })
            .base_font(Name(name.as_bytes()))
            .system_info(SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 })
            .font_descriptor(descriptor_id);
        if let Some((map_id, _)) = map_id {
            cid.cid_to_gid_map_stream(map_id);
        }
        // Widths by CID (the glyph id in the whole face), in runs of consecutive ids.
        let mut widths = cid.widths();
        let ids: Vec<u16> = glyphs.keys().copied().collect();
        for run in ids.chunk_by(|a, b| usize::from(*a) + 1 == usize::from(*b)) {
            widths.consecutive(run[0], run.iter().map(|&gid| (face.advance(gid) * scale).round()));
        }
    })?;
    let cmap = to_unicode(glyphs, unicode);
    let cmap = Packed::new(cmap);
    file.object(cmap_id, |c| {
        cmap.stream(c, cmap_id);
    })?;
    file.object(type0_id, |c| {
        c.type0_font(type0_id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);
    })?;
    Ok(type0_id)
}

/// The CIDToGIDMap of a TrueType subset: two bytes a glyph id of the whole face, its id in the
/// subset.
fn gid_map(glyphs: &BTreeMap<u16, String>, remapper: &GlyphRemapper) -> Vec<u8> {
    let last = glyphs.keys().next_back().copied().unwrap_or(0);
    let mut map = vec![0u8; (usize::from(last) + 1) * 2];
    for &gid in glyphs.keys() {
        let new = remapper.get(gid).unwrap_or(0).to_be_bytes();
        map[usize::from(gid) * 2..usize::from(gid) * 2 + 2].copy_from_slice(&new);
    }
    map
}

/// The ToUnicode CMap: each glyph (by CID) to the text it was shaped from. A glyph drawn only
/// after the first of its cluster has no text of its own: with `every`, it maps to U+200B
/// ZERO WIDTH SPACE, so that every glyph has a code point and copied text reads the same.
fn to_unicode(glyphs: &BTreeMap<u16, String>, every: bool) -> Vec<u8> {
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 };
    let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), info);
    for (&glyph, text) in glyphs {
        match (text.is_empty(), every) {
            (false, _) => cmap.pair_with_multiple(glyph, text.chars()),
            (true, true) => cmap.pair(glyph, '\u{200b}'),
            (true, false) => {}
        }
    }
    cmap.finish().into_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_pdf_a_u_a_glyph_with_no_text_of_its_own_still_maps_to_unicode() {
        let glyphs: BTreeMap<u16, String> = [(5, "क".to_string()), (9, String::new())].into();
        let cmap = |every| String::from_utf8(to_unicode(&glyphs, every)).unwrap();
        assert!(cmap(false).contains("<0005> <0915>") && !cmap(false).contains("<0009>"), "{}", cmap(false));
        assert!(cmap(true).contains("<0005> <0915>") && cmap(true).contains("<0009> <200B>"), "{}", cmap(true));
    }
}
