//! Colour glyphs: a glyph a face draws in colour (COLR v0 or v1 layers, a CBDT or sbix
//! bitmap, an SVG-in-OpenType document) is shown as invisible text, so that it still copies
//! and is tagged, and painted over it as a Form XObject in the face's units, written once a
//! document and named after the face and glyph. The layout knows nothing of this: the content
//! stream asks [`ColourFace::of`] per run, the writer writes the forms of every glyph used.
//! A face without a colour table (every bundled face) is drawn as it always was.

mod bitmap;
mod colr;
mod gradient;
mod svg;

use super::file::PdfFile;
use super::fonts::{bitmaps_only, resource, Used};
use super::pack::Packed;
use crate::layout::FontId;
use pdf_writer::{Content, Name, Rect, Ref};
use read_fonts::types::{GlyphId, Tag};
use read_fonts::{FontRef, TableProvider};
use skrifa::bitmap::BitmapStrikes;
use skrifa::color::ColorGlyphCollection;
use skrifa::MetadataProvider;
use std::io::{self, Write};

/// The colour tables of a face that has at least one.
pub struct ColourFace {
    font: FontId,
    face: FontRef<'static>,
    colr: ColorGlyphCollection<'static>,
    bitmaps: BitmapStrikes<'static>,
    svg: Option<read_fonts::tables::svg::Svg<'static>>,
    /// Whether the face has outlines (glyf, CFF or CFF2): a bitmap-only face has none to embed.
    outlines: bool,
}

/// Where the colour picture of a glyph comes from.
enum Source {
    Colr,
    Bitmap,
    Svg,
}

impl ColourFace {
    /// The colour tables of `font`; `None` when it has none.
    pub fn of(font: FontId) -> Option<ColourFace> {
        if font.is_bundled() {
            return None;
        }
        let face = FontRef::from_index(font.bytes(), font.face().index).ok()?;
        let has = |tag: &[u8; 4]| face.table_data(Tag::new(tag)).is_some();
        if ![b"COLR", b"CBDT", b"sbix", b"SVG "].into_iter().any(has) {
            return None;
        }
        Some(ColourFace {
            font,
            colr: face.color_glyphs(),
            bitmaps: face.bitmap_strikes(),
            svg: face.svg().ok(),
            face,
            outlines: !bitmaps_only(font),
        })
    }

    /// Whether the text of `glyph` is drawn invisible: it is painted in colour, or its face
    /// has no outline to show.
    pub fn hides(&self, glyph: u16) -> bool {
        !self.outlines || self.source(glyph).is_some()
    }

    /// Draws the colour picture of `glyph`, if it has one, at `(x, y)` (its origin on the
    /// page) at `size` points to the em.
    pub fn paint(&self, content: &mut Content, glyph: u16, (x, y): (f32, f32), size: f32) {
        if self.source(glyph).is_none() {
            return;
        }
        let scale = size / self.font.face().units_per_em;
        content.save_state();
        content.transform([scale, 0.0, 0.0, scale, x, y]);
        content.x_object(Name(form_name(self.font, glyph).as_bytes()));
        content.restore_state();
    }

    fn source(&self, glyph: u16) -> Option<Source> {
        let id = GlyphId::new(u32::from(glyph));
        if self.colr.get(id).is_some() {
            Some(Source::Colr)
        } else if bitmap::png(&self.bitmaps, id).is_some() {
            Some(Source::Bitmap)
        } else if self.svg.as_ref().and_then(|svg| svg.glyph_data(id)).is_some() {
            Some(Source::Svg)
        } else {
            None
        }
    }

    /// Writes the form of `glyph` (in a PDF/A file when `archive`): its picture, or nothing
    /// when it cannot be read.
    fn write_form<W: Write>(&self, file: &mut PdfFile<W>, glyph: u16, archive: bool) -> io::Result<Option<Ref>> {
        let id = GlyphId::new(u32::from(glyph));
        let form = match self.source(glyph) {
            None => return Ok(None),
            Some(Source::Colr) => colr::form(file, &self.face, id)?,
            Some(Source::Bitmap) => bitmap::form(file, &self.bitmaps, id, (self.font.face().units_per_em, archive))?,
            Some(Source::Svg) => svg::form(file, self.svg.as_ref(), id, (self.font.face().units_per_em, archive))?,
        };
        let mut form = form.unwrap_or_default();
        let content = Packed::new(std::mem::take(&mut form.content));
        let at = file.alloc();
        let em = self.font.face().units_per_em;
        file.object(at, |c| {
            let mut xobject = c.form_xobject(at, content.bytes());
            if let Some(filter) = content.filter() {
                xobject.filter(filter);
            }
            // Generous: a colour glyph may reach past its advance and the face's bounding box.
            xobject.bbox(Rect::new(-2.0 * em, -2.0 * em, 4.0 * em, 4.0 * em));
            form.resources(&mut xobject.resources());
        })?;
        Ok(Some(at))
    }
}

/// A Form XObject's content and the resources it names.
#[derive(Default)]
struct Form {
    content: Vec<u8>,
    /// Named XObjects, ExtGStates (alpha) and shadings.
    xobjects: Vec<(String, Ref)>,
    states: Vec<(String, Ref)>,
    shadings: Vec<(String, Ref)>,
}

impl Form {
    fn resources(&self, resources: &mut pdf_writer::writers::Resources) {
        let pairs = |mut dict: pdf_writer::Dict, named: &[(String, Ref)]| {
            for (name, id) in named {
                dict.pair(Name(name.as_bytes()), *id);
            }
        };
        if !self.xobjects.is_empty() {
            pairs(resources.x_objects(), &self.xobjects);
        }
        if !self.states.is_empty() {
            pairs(resources.ext_g_states(), &self.states);
        }
        if !self.shadings.is_empty() {
            pairs(resources.shadings(), &self.shadings);
        }
    }
}

/// The resource name of the colour form of `glyph` of `font`, the same in every PDF.
fn form_name(font: FontId, glyph: u16) -> String {
    format!("{}c{glyph}", resource(font))
}

/// Writes the colour form of every glyph of `used` that has one (into a PDF/A file when
/// `archive`); returns each form's resource name and object.
pub fn write_forms<W: Write>(file: &mut PdfFile<W>, used: &Used, archive: bool) -> io::Result<Vec<(String, Ref)>> {
    let mut forms = Vec::new();
    for (&font, glyphs) in used {
        let Some(face) = ColourFace::of(font) else { continue };
        for glyph in glyphs.ids() {
            if let Some(id) = face.write_form(file, glyph, archive)? {
                forms.push((form_name(font, glyph), id));
            }
        }
    }
    Ok(forms)
}
