//! SVG images as vectors: the usvg tree of an SVG becomes a Form XObject drawn like an image
//! (into the unit square), with its paths, transforms, clip paths, group opacity, linear and
//! radial gradients, embedded raster images and text ([`draw`], [`paint`], [`text`]). Text is
//! drawn as the outlines usvg lays out, so it looks as resvg draws it, and written again as
//! invisible text (render mode 3) in the same bundled face at the same place, so it can be
//! selected, copied and searched. An SVG holding what the converter cannot draw ([`check`]:
//! filters, masks, patterns, blend modes, gradients that repeat or fade) is drawn whole as a
//! raster of itself instead, through the image path, so nothing is lost.

mod check;
mod draw;
mod paint;
mod text;

use super::file::PdfFile;
use super::fonts::Used;
use crate::layout::image_svg::{is_svg, parse, rasterise, size};
use pdf_writer::writers::ExtGraphicsState;
use pdf_writer::{Finish, Name, Rect, Ref};
use std::io::{self, Write};
use usvg::{Transform, Tree};

/// The longest side of the raster an SVG the converter cannot draw becomes, in pixels.
const MAX_RASTER_SIDE: f32 = 4000.0;

/// Writes the SVG `bytes` as a Form XObject drawing into the unit square (or as an image of
/// it), recording the glyphs of its text in `used`, whose fonts the dictionary `fonts` holds,
/// its images as PDF/A needs them when `archive`; `None` for a file that is no SVG usvg reads.
pub fn form_xobject<W: Write>(
    file: &mut PdfFile<W>,
    bytes: &[u8],
    fonts: (&mut Used, Ref),
    archive: bool,
) -> io::Result<Option<Ref>> {
    let Some(tree) = is_svg(bytes).then(|| parse(bytes)).flatten() else { return Ok(None) };
    if !check::drawable(&tree) {
        return raster(file, &tree, archive);
    }
    let (used, fonts) = fonts;
    let resources = file.alloc();
    let mut drawer = Drawer { file, used, names: Names::default(), resources, archive };
    let content = drawer.content(tree.root())?;
    let (width, height) = (tree.size().width(), tree.size().height());
    // The SVG's user space, y down, onto the unit square the page draws images into.
    let matrix = [1.0 / width, 0.0, 0.0, -1.0 / height, 0.0, 1.0];
    let id = drawer.form(&content, Rect::new(0.0, 0.0, width, height), Some(matrix))?;
    drawer.names.write(file, resources, fonts)?;
    Ok(Some(id))
}

/// An image of `tree` at two pixels a point of its natural size (its longest side at most
/// [`MAX_RASTER_SIDE`]), written as the PNG it is.
fn raster<W: Write>(file: &mut PdfFile<W>, tree: &Tree, archive: bool) -> io::Result<Option<Ref>> {
    let (width, height) = size(tree);
    let pixels_per_point = (MAX_RASTER_SIDE / width.max(height)).min(2.0);
    match rasterise(tree, (width, height), pixels_per_point) {
        Some(png) => super::image::xobject(file, &png, archive),
        None => Ok(None),
    }
}

/// What draws one SVG: the file its objects go to, the glyphs its text uses, the names of
/// its resources and the dictionary that will hold them.
pub struct Drawer<'a, W: Write> {
    pub file: &'a mut PdfFile<W>,
    pub used: &'a mut Used,
    pub names: Names,
    pub resources: Ref,
    /// Whether the file is PDF/A, for the images inside the SVG.
    pub archive: bool,
}

/// A transform as a PDF matrix.
pub fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

/// The resources of an SVG's forms, named as its content streams use them: one dictionary
/// for all of them.
#[derive(Default)]
pub struct Names {
    /// Fill and stroke opacity of each graphics state, `Gs0`, `Gs1`, ….
    states: Vec<(f32, f32)>,
    /// Gradients, `P0`, `P1`, ….
    patterns: Vec<Ref>,
    /// Nested forms and images, `X0`, `X1`, ….
    xobjects: Vec<Ref>,
}

impl Names {
    /// The name of the graphics state of `fill` and `stroke` opacity.
    fn state(&mut self, fill: f32, stroke: f32) -> String {
        let at = self.states.iter().position(|s| *s == (fill, stroke)).unwrap_or_else(|| {
            self.states.push((fill, stroke));
            self.states.len() - 1
        });
        format!("Gs{at}")
    }

    fn pattern(&mut self, id: Ref) -> String {
        self.patterns.push(id);
        format!("P{}", self.patterns.len() - 1)
    }

    fn xobject(&mut self, id: Ref) -> String {
        self.xobjects.push(id);
        format!("X{}", self.xobjects.len() - 1)
    }

    /// Writes the dictionary as object `id`, its fonts those of the dictionary `fonts`.
    fn write<W: Write>(&self, file: &mut PdfFile<W>, id: Ref, fonts: Ref) -> io::Result<()> {
        file.object(id, |c| {
            let mut dict = c.indirect(id).dict();
            dict.pair(Name(b"Font"), fonts);
            let mut states = dict.insert(Name(b"ExtGState")).dict();
            for (i, &(fill, stroke)) in self.states.iter().enumerate() {
                let name = format!("Gs{i}");
                let mut state = states.insert(Name(name.as_bytes())).start::<ExtGraphicsState>();
                state.non_stroking_alpha(fill).stroking_alpha(stroke);
            }
            states.finish();
            let mut patterns = dict.insert(Name(b"Pattern")).dict();
            for (i, &id) in self.patterns.iter().enumerate() {
                patterns.pair(Name(format!("P{i}").as_bytes()), id);
            }
            patterns.finish();
            let mut xobjects = dict.insert(Name(b"XObject")).dict();
            for (i, &id) in self.xobjects.iter().enumerate() {
                xobjects.pair(Name(format!("X{i}").as_bytes()), id);
            }
        })
    }
}
