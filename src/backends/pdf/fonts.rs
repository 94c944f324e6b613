//! Font embedding: each face used becomes a Type 0 font with a CIDFontType2 descendant holding
//! a subset (the `subsetter` crate) of the glyphs drawn, its widths and a ToUnicode map so text
//! copies and searches as written. Content streams show glyphs by their id in the whole face
//! (the CID), and a CIDToGIDMap leads each to its place in the subset: so a page can be written
//! before the last page has said which glyphs the subset needs.

use super::hash::Hasher;
use super::writer::deflated;
use crate::layout::{FontId, TextRun};
use lopdf::{dictionary, Document, Object, ObjectId, StringFormat};
use std::collections::BTreeMap;
use std::fmt::Write;
use subsetter::GlyphRemapper;

/// The glyphs drawn with each face, with the text each was first shaped from.
pub type Used = BTreeMap<FontId, BTreeMap<u16, String>>;

/// Records the glyphs of `run` in `used`.
pub fn record(used: &mut Used, run: &TextRun) {
    let glyphs = used.entry(run.font).or_default();
    for (glyph, text) in run.glyph_texts() {
        let entry = glyphs.entry(glyph.id).or_default();
        if entry.is_empty() {
            entry.push_str(text);
        }
    }
}

/// The resource name of a face on every page.
pub fn resource(font: FontId) -> String {
    format!("F{}", font as usize + 1)
}

/// Embeds every face in `used`; returns each face's font object.
pub fn embed(doc: &mut Document, used: &Used) -> Result<BTreeMap<FontId, ObjectId>, String> {
    let mut embedded = BTreeMap::new();
    for (&font, glyphs) in used {
        let mut remapper = GlyphRemapper::new();
        for &glyph in glyphs.keys() {
            remapper.remap(glyph);
        }
        let program = subsetter::subset(font.bytes(), 0, &remapper).map_err(|e| format!("subsetting {font:?}: {e}"))?;
        embedded.insert(font, write_font(doc, font, glyphs, &remapper, program));
    }
    Ok(embedded)
}

/// Six capital letters naming a subset, from the face and its glyphs.
fn subset_tag(font: FontId, glyphs: &BTreeMap<u16, String>) -> String {
    let mut hasher = Hasher::default();
    hasher.write(font.postscript_name().as_bytes());
    for glyph in glyphs.keys() {
        hasher.write(&glyph.to_be_bytes());
    }
    let mut value = hasher.finish64();
    (0..6)
        .map(|_| {
            let c = (b'A' + (value % 26) as u8) as char;
            value /= 26;
            c
        })
        .collect()
}

fn write_font(
    doc: &mut Document,
    font: FontId,
    glyphs: &BTreeMap<u16, String>,
    remapper: &GlyphRemapper,
    program: Vec<u8>,
) -> ObjectId {
    let face = font.face();
    let scale = 1000.0 / face.units_per_em;
    let name = format!("{}+{}", subset_tag(font, glyphs), font.postscript_name());
    let length = program.len() as i64;
    let file = doc.add_object(deflated(dictionary! { "Length1" => length }, program));
    let bbox: Vec<Object> = face.bbox.iter().map(|v| Object::Integer((v * scale).round() as i64)).collect();
    let flags = if font == FontId::Mono { 1 | 4 } else { 4 } | if face.italic_angle != 0.0 { 64 } else { 0 };
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.clone().into_bytes()),
        "Flags" => flags,
        "FontBBox" => bbox,
        "ItalicAngle" => face.italic_angle.round() as i64,
        "Ascent" => (face.ascender * scale).round() as i64,
        "Descent" => (face.descender * scale).round() as i64,
        "CapHeight" => (face.cap_height * scale).round() as i64,
        "StemV" => 80,
        "FontFile2" => file,
    });
    // Widths by CID (the glyph id in the whole face), in runs of consecutive ids.
    let mut widths: Vec<Object> = Vec::new();
    let mut run: Option<(u16, Vec<Object>)> = None;
    for &gid in glyphs.keys() {
        let width = Object::Integer((face.advance(gid) * scale).round() as i64);
        match &mut run {
            Some((first, list)) if usize::from(*first) + list.len() == usize::from(gid) => list.push(width),
            _ => {
                if let Some((first, list)) = run.replace((gid, vec![width])) {
                    widths.extend([Object::Integer(i64::from(first)), Object::Array(list)]);
                }
            }
        }
    }
    if let Some((first, list)) = run {
        widths.extend([Object::Integer(i64::from(first)), Object::Array(list)]);
    }
    let last = glyphs.keys().next_back().copied().unwrap_or(0);
    let mut map = vec![0u8; (usize::from(last) + 1) * 2];
    for &gid in glyphs.keys() {
        let new = remapper.get(gid).unwrap_or(0).to_be_bytes();
        map[usize::from(gid) * 2..usize::from(gid) * 2 + 2].copy_from_slice(&new);
    }
    let cid_to_gid = doc.add_object(deflated(dictionary! {}, map));
    let cid = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(name.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "W" => widths,
        "CIDToGIDMap" => cid_to_gid,
    });
    let cmap = to_unicode(glyphs);
    let to_unicode = doc.add_object(deflated(dictionary! {}, cmap.into_bytes()));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(name.into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
        "ToUnicode" => to_unicode,
    })
}

/// The ToUnicode CMap: each glyph (by CID) to the text it was shaped from.
fn to_unicode(glyphs: &BTreeMap<u16, String>) -> String {
    let pairs: Vec<(u16, &str)> = glyphs.iter().filter(|(_, t)| !t.is_empty()).map(|(g, t)| (*g, t.as_str())).collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) \
         /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in pairs.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (glyph, text) in chunk {
            let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
            let _ = writeln!(out, "<{glyph:04X}> <{hex}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// A PDF text string: ASCII as is, anything else as UTF-16 with a byte order mark.
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}
