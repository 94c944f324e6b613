//! COLR glyphs (v0 layers and v1 paint graphs) painted by skrifa into a form's content: each
//! clip is the glyph's outline, each solid fill a colour of the face's first palette (with an
//! ExtGState for its alpha), the text's own colour where the font asks for the foreground
//! (the form inherits it), linear and radial gradients as shadings ([`super::gradient`]). What
//! PDF cannot say simply is approximated: a sweep gradient is filled with its middle colour,
//! gradients that repeat or reflect are padded, the colour stops' alpha is kept only when it is
//! the same at every stop, and every layer is composited as source-over.

use super::gradient::Gradient;
use super::Form;
use crate::pdf::colour_line::Stop;
use crate::pdf::file::PdfFile;
use pdf_writer::{Content, Name};
use read_fonts::types::{BoundingBox, GlyphId};
use read_fonts::FontRef;
use skrifa::color::{Brush, ColorPainter, ColorStop, CompositeMode, Transform};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlineGlyphCollection, OutlinePen};
use skrifa::MetadataProvider;
use std::io::{self, Write};

/// The palette index that stands for the text's colour.
const FOREGROUND: u16 = 0xFFFF;

/// Paints the COLR glyph `glyph` into a form; `None` when its paint graph cannot be read.
pub fn form<W: Write>(file: &mut PdfFile<W>, face: &FontRef<'static>, glyph: GlyphId) -> io::Result<Option<Form>> {
    let Some(colour) = face.color_glyphs().get(glyph) else { return Ok(None) };
    let palettes = face.color_palettes();
    let palette = palettes.get(0);
    let colours = palette.as_ref().map_or(&[][..], |p| p.colors());
    let palette = |index: u16| {
        colours.get(usize::from(index)).map(|c| [c.red, c.green, c.blue, c.alpha].map(|v| f32::from(v) / 255.0))
    };
    let mut painter = Painter {
        content: Content::new(),
        outlines: face.outline_glyphs(),
        palette: &palette,
        alphas: Vec::new(),
        gradients: Vec::new(),
    };
    if colour.paint(LocationRef::default(), &mut painter).is_err() {
        return Ok(None);
    }
    let mut form = Form::default();
    for (i, &alpha) in painter.alphas.iter().enumerate() {
        let id = file.alloc();
        file.object(id, |c| {
            c.ext_graphics(id).non_stroking_alpha(alpha);
        })?;
        form.states.push((format!("A{i}"), id));
    }
    for (i, gradient) in painter.gradients.iter().enumerate() {
        form.shadings.push((format!("S{i}"), gradient.write(file)?));
    }
    form.content = painter.content.finish().into_vec();
    Ok(Some(form))
}

/// Receives skrifa's painting calls and writes them as PDF operators, each push a `q` and each
/// pop its `Q`.
struct Painter<'a> {
    content: Content,
    outlines: OutlineGlyphCollection<'static>,
    /// A palette entry as red, green, blue and alpha from 0 to 1.
    palette: &'a dyn Fn(u16) -> Option<[f32; 4]>,
    /// The alphas of the form's ExtGStates, `A0`, `A1`, … in order.
    alphas: Vec<f32>,
    /// The form's shadings, `S0`, `S1`, … in order.
    gradients: Vec<Gradient>,
}

impl Painter<'_> {
    /// Sets the fill to palette entry `index` times `alpha`; the foreground is left as it is.
    fn set_colour(&mut self, index: u16, alpha: f32) {
        let Some([r, g, b, a]) = (self.palette)(index).filter(|_| index != FOREGROUND) else { return };
        self.content.set_fill_rgb(r, g, b);
        self.set_alpha(a * alpha);
    }

    /// Sets the fill's alpha, when it is not opaque, through an ExtGState of the form.
    fn set_alpha(&mut self, alpha: f32) {
        if alpha < 1.0 {
            let at = self.alphas.iter().position(|&known| known == alpha).unwrap_or_else(|| {
                self.alphas.push(alpha);
                self.alphas.len() - 1
            });
            self.content.set_parameters(Name(format!("A{at}").as_bytes()));
        }
    }

    /// Fills the whole clip: a square far larger than any glyph.
    fn cover(&mut self) {
        const FAR: f32 = 1.0e5;
        self.content.rect(-FAR, -FAR, 2.0 * FAR, 2.0 * FAR).fill_nonzero();
    }

    /// The colour of a gradient's stops; the foreground (unknown here) is black. Their alpha,
    /// when it is the same at every stop, is set for the fill.
    fn stops(&mut self, stops: &[ColorStop]) -> Vec<Stop> {
        let alpha = |s: &ColorStop| (self.palette)(s.palette_index).map_or(1.0, |[.., a]| a) * s.alpha;
        if let Some(first) = stops.first().map(alpha).filter(|&a| stops.iter().all(|s| alpha(s) == a)) {
            self.set_alpha(first);
        }
        let colour = |s: &ColorStop| (self.palette)(s.palette_index).map_or([0.0; 3], |[r, g, b, _]| [r, g, b]);
        stops.iter().map(|s| Stop { offset: s.offset, colour: colour(s) }).collect()
    }

    fn shade(&mut self, gradient: Gradient) {
        self.content.shading(Name(format!("S{}", self.gradients.len()).as_bytes()));
        self.gradients.push(gradient);
    }
}

impl ColorPainter for Painter<'_> {
    fn push_transform(&mut self, t: Transform) {
        self.content.save_state();
        self.content.transform([t.xx, t.yx, t.xy, t.yy, t.dx, t.dy]);
    }

    fn pop_transform(&mut self) {
        self.content.restore_state();
    }

    fn push_clip_glyph(&mut self, glyph: GlyphId) {
        self.content.save_state();
        if let Some(outline) = self.outlines.get(glyph) {
            let mut pen = Pen { content: &mut self.content, at: (0.0, 0.0) };
            // A glyph that cannot be drawn clips everything away: nothing is painted.
            let _ = outline.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen);
        }
        self.content.clip_nonzero().end_path();
    }

    fn push_clip_box(&mut self, b: BoundingBox<f32>) {
        self.content.save_state();
        self.content.rect(b.x_min, b.y_min, b.x_max - b.x_min, b.y_max - b.y_min).clip_nonzero().end_path();
    }

    fn pop_clip(&mut self) {
        self.content.restore_state();
    }

    fn fill(&mut self, brush: Brush<'_>) {
        match brush {
            Brush::Solid { palette_index, alpha } => {
                self.set_colour(palette_index, alpha);
                self.cover();
            }
            Brush::LinearGradient { p0, p1, color_stops, .. } => {
                let stops = self.stops(color_stops);
                self.shade(Gradient::Linear { from: (p0.x, p0.y), to: (p1.x, p1.y), stops });
            }
            Brush::RadialGradient { c0, r0, c1, r1, color_stops, .. } => {
                let stops = self.stops(color_stops);
                let circles = [(c0.x, c0.y, r0.max(0.0)), (c1.x, c1.y, r1.max(0.0))];
                self.shade(Gradient::Radial { circles, stops });
            }
            Brush::SweepGradient { color_stops, .. } => {
                if let Some(middle) = color_stops.get(color_stops.len() / 2) {
                    self.set_colour(middle.palette_index, middle.alpha);
                    self.cover();
                }
            }
        }
    }

    fn push_layer(&mut self, _: CompositeMode) {
        self.content.save_state();
    }

    fn pop_layer(&mut self) {
        self.content.restore_state();
    }
}

/// Writes a glyph's outline as a path, quadratic curves raised to cubic ones.
struct Pen<'a> {
    content: &'a mut Content,
    at: (f32, f32),
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.content.move_to(x, y);
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.content.line_to(x, y);
        self.at = (x, y);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        let (x0, y0) = self.at;
        let third = |from: f32, control: f32| from + (control - from) * 2.0 / 3.0;
        self.curve_to(third(x0, cx), third(y0, cy), third(x, cx), third(y, cy), x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.content.cubic_to(cx0, cy0, cx1, cy1, x, y);
        self.at = (x, y);
    }

    fn close(&mut self) {
        self.content.close_path();
    }
}
