//! Font faces by id: the bundled faces, compiled into the binary, and faces read from font files
//! the first time a page uses them; their metrics and glyph coverage. An id is an index into one
//! registry for the process, so layout items stay small and `Copy` whatever fonts are configured.

use harfrust::font::Font;
use harfrust::GlyphId;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// A face: one of the bundled ones (the constants) or one read from a file by
/// [`register`]. Ids order as they were registered; the bundled ones come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FontId(u16);

/// The bundled faces in the order of their ids, with the PostScript-style name each is embedded
/// under (before the subset tag).
const BUNDLED: [(&[u8], &str); 10] = [
    (include_bytes!("../../fonts/NotoSerif-Regular.ttf"), "NotoSerif-Regular"),
    (include_bytes!("../../fonts/NotoSerif-Bold.ttf"), "NotoSerif-Bold"),
    (include_bytes!("../../fonts/NotoSerif-Italic.ttf"), "NotoSerif-Italic"),
    (include_bytes!("../../fonts/NotoSerif-BoldItalic.ttf"), "NotoSerif-BoldItalic"),
    (include_bytes!("../../fonts/NotoSans-Regular.ttf"), "NotoSans-Regular"),
    (include_bytes!("../../fonts/NotoSans-Bold.ttf"), "NotoSans-Bold"),
    (include_bytes!("../../fonts/DejaVuSansMono.ttf"), "DejaVuSansMono"),
    (include_bytes!("../../fonts/DejaVuSans.ttf"), "DejaVuSans"),
    (include_bytes!("../../fonts/NotoSans-Italic.ttf"), "NotoSans-Italic"),
    (include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"), "NotoSans-BoldItalic"),
];

/// How many faces a process can use: the bundled ones and up to a few hundred from files.
const MAX_FACES: usize = 512;

impl FontId {
    pub const SERIF: FontId = FontId(0);
    pub const SERIF_BOLD: FontId = FontId(1);
    pub const SERIF_ITALIC: FontId = FontId(2);
    pub const SERIF_BOLD_ITALIC: FontId = FontId(3);
    pub const SANS: FontId = FontId(4);
    pub const SANS_BOLD: FontId = FontId(5);
    pub const MONO: FontId = FontId(6);
    /// DejaVu Sans: symbols the Noto faces lack (→ ✓ ☐ U+FFFD).
    pub const FALLBACK: FontId = FontId(7);
    pub const SANS_ITALIC: FontId = FontId(8);
    pub const SANS_BOLD_ITALIC: FontId = FontId(9);

    /// The bundled faces, in the order of their ids.
    pub const BUNDLED: [FontId; 10] = [
        FontId::SERIF,
        FontId::SERIF_BOLD,
        FontId::SERIF_ITALIC,
        FontId::SERIF_BOLD_ITALIC,
        FontId::SANS,
        FontId::SANS_BOLD,
        FontId::MONO,
        FontId::FALLBACK,
        FontId::SANS_ITALIC,
        FontId::SANS_BOLD_ITALIC,
    ];

    /// The place of this face in the registry, from 0.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether this is one of the faces compiled into the binary.
    pub fn is_bundled(self) -> bool {
        self.index() < BUNDLED.len()
    }

    /// The font program (the whole file, a collection for a `.ttc`).
    pub fn bytes(self) -> &'static [u8] {
        self.face().bytes
    }

    /// The PostScript-style name a writer embeds the font under (before the subset tag).
    pub fn postscript_name(self) -> &'static str {
        &self.face().name
    }

    /// The same bundled family with bold and/or italic added; faces without such a variant stay
    /// as they are.
    pub fn styled(self, bold: bool, italic: bool) -> FontId {
        let family = match self {
            FontId::SERIF | FontId::SERIF_BOLD | FontId::SERIF_ITALIC | FontId::SERIF_BOLD_ITALIC => {
                [FontId::SERIF, FontId::SERIF_BOLD, FontId::SERIF_ITALIC, FontId::SERIF_BOLD_ITALIC]
            }
            FontId::SANS | FontId::SANS_BOLD | FontId::SANS_ITALIC | FontId::SANS_BOLD_ITALIC => {
                [FontId::SANS, FontId::SANS_BOLD, FontId::SANS_ITALIC, FontId::SANS_BOLD_ITALIC]
            }
            other => return other,
        };
        let bold = bold || self == family[1] || self == family[3];
        let italic = italic || self == family[2] || self == family[3];
        family[usize::from(bold) + 2 * usize::from(italic)]
    }

    /// The parsed face with its metrics.
    pub fn face(self) -> &'static Face {
        let slot = &registry().faces[self.index()];
        match BUNDLED.get(self.index()) {
            Some(&(bytes, name)) => slot.get_or_init(|| Face::load(bytes, 0, name).expect("bundled fonts are valid")),
            None => slot.get().expect("a registered face is loaded when it is registered"),
        }
    }
}

/// Where a face read from a file lives: the file and the face's index in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceFile {
    pub path: PathBuf,
    pub index: u32,
}

/// Every face of the process: parsed faces by id, and the files of those beyond the bundled ones.
struct Registry {
    faces: [OnceLock<Face>; MAX_FACES],
    files: Mutex<Vec<FaceFile>>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry { faces: [const { OnceLock::new() }; MAX_FACES], files: Mutex::new(Vec::new()) })
}

/// The id of the face in `file`, reading and parsing it the first time; `None` when it cannot
/// be read or is no font folio can use, or when the registry is full.
pub fn register(file: &FaceFile, name: &str) -> Option<FontId> {
    let registry = registry();
    let mut files = registry.files.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = files.iter().position(|f| f == file) {
        let id = BUNDLED.len() + known;
        return registry.faces[id].get().is_some().then_some(FontId(id as u16));
    }
    let id = BUNDLED.len() + files.len();
    if id >= MAX_FACES {
        return None;
    }
    files.push(file.clone());
    // A face is read once for the whole process and kept: layout and PDF embedding borrow it.
    let bytes: &'static [u8] = std::fs::read(&file.path).ok()?.leak();
    let face = Face::load(bytes, file.index, name)?;
    registry.faces[id].set(face).ok()?;
    Some(FontId(id as u16))
}

/// The files of every face read so far, sorted, each once.
pub fn registered_files() -> Vec<PathBuf> {
    let files = registry().files.lock().unwrap_or_else(|e| e.into_inner());
    let mut paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    paths.sort();
    paths.dedup();
    paths
}

/// A parsed face and the measurements layout and font embedding need, in font units.
pub struct Face {
    pub font: Font,
    /// The font file, and the index of this face in it.
    pub bytes: &'static [u8],
    pub index: u32,
    pub name: String,
    /// Whether the outlines are CFF (PostScript) rather than TrueType.
    pub cff: bool,
    pub units_per_em: f32,
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
    pub italic_angle: f32,
    /// Advance widths by glyph id, read once: content streams ask for one a glyph.
    advances: Vec<f32>,
}

impl Face {
    fn load(bytes: &'static [u8], index: u32, name: &str) -> Option<Face> {
        let font = Font::new(bytes, index)?;
        let metrics = font.metrics();
        let line = metrics.typo_line.or(metrics.hhea_line)?;
        let b = metrics.bounds;
        let ascender = line.ascender.to_f32();
        Some(Face {
            units_per_em: f32::from(metrics.units_per_em),
            ascender,
            descender: line.descender.to_f32(),
            cap_height: metrics.cap_height.map_or(ascender * 0.7, |c| c.to_f32()),
            bbox: [b.x_min.to_f32(), b.y_min.to_f32(), b.x_max.to_f32(), b.y_max.to_f32()],
            italic_angle: font.style_metrics().italic_angle.map_or(0.0, |a| a.to_f32()),
            advances: {
                let glyphs = font.glyph_metrics();
                (0..font.num_glyphs()).map(|g| glyphs.h_advance(GlyphId::new(g))).collect()
            },
            font,
            bytes,
            index,
            name: name.to_string(),
            cff: has_table(bytes, index, *b"CFF "),
        })
    }

    /// The glyph for a character, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.font.charmap().map_unicode(c).filter(|g| g.to_u32() != 0).map(|g| g.to_u32() as u16)
    }

    /// The advance width of a glyph in font units.
    pub fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or_default()
    }
}

/// Whether face `index` of the font file `bytes` (a collection or a single face) has the table
/// `tag`, read from its table directory.
fn has_table(bytes: &[u8], index: u32, tag: [u8; 4]) -> bool {
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let start = if bytes.starts_with(b"ttcf") { u32_at(12 + 4 * index as usize) } else { Some(0) };
    let Some(start) = start.map(|s| s as usize) else { return false };
    let tables = bytes.get(start + 4..start + 6).map_or(0, |b| usize::from(u16::from_be_bytes([b[0], b[1]])));
    (0..tables).any(|i| bytes.get(start + 12 + 16 * i..start + 16 + 16 * i) == Some(&tag[..]))
}
