//! The drawing of an SVG tree into content streams: groups (transform, clip path, opacity as a
//! transparency group of its own), paths (fill rule, stroke width, caps, joins, miter limit,
//! dashes, paint order), raster images, and text as its outlines plus invisible text.

use super::super::pack::deflate;
use super::{matrix, paint, text, Drawer};
use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Content, Filter, Name, Rect, Ref};
use std::io::{self, Write};
use usvg::tiny_skia_path::{self, PathSegment, Point};
use usvg::{ClipPath, FillRule, Group, ImageKind, LineCap, LineJoin, Node, PaintOrder, Stroke, Transform};

impl<W: Write> Drawer<'_, W> {
    /// The content stream of the children of `group`, in the space its form starts in.
    pub fn content(&mut self, group: &Group) -> io::Result<Vec<u8>> {
        let mut content = Content::new();
        for child in group.children() {
            self.node(child, &mut content, Transform::identity())?;
        }
        Ok(content.finish().into_vec())
    }

    /// Writes a form of `content` over `bbox`, mapped by `matrix`, or a transparency group
    /// when there is none; its resources are the SVG's.
    pub fn form(&mut self, content: &[u8], bbox: Rect, matrix: Option<[f32; 6]>) -> io::Result<Ref> {
        let id = self.file.alloc();
        let (data, resources) = (deflate(content), self.resources);
        self.file.object(id, |c| {
            let mut form = c.form_xobject(id, &data);
            form.bbox(bbox).filter(Filter::FlateDecode);
            form.pair(Name(b"Resources"), resources);
            match matrix {
                Some(matrix) => drop(form.matrix(matrix)),
                None => drop(form.group().transparency()),
            }
        })?;
        Ok(id)
    }

    /// Draws `node`; `ts` maps the user space it is in to its form's space (gradients need it).
    fn node(&mut self, node: &Node, c: &mut Content, ts: Transform) -> io::Result<()> {
        match node {
            Node::Group(group) => self.group(group, c, ts),
            Node::Path(path) if path.is_visible() => self.path(path, c, ts),
            Node::Path(_) => Ok(()),
            Node::Image(image) if image.is_visible() => self.image(image.kind(), image.size(), c),
            Node::Image(_) => Ok(()),
            Node::Text(text) => {
                self.group(text.flattened(), c, ts)?;
                text::invisible(text, c, self.used);
                Ok(())
            }
        }
    }

    fn group(&mut self, group: &Group, c: &mut Content, ts: Transform) -> io::Result<()> {
        c.save_state();
        c.transform(matrix(group.transform()));
        let ts = ts.pre_concat(group.transform());
        if let Some(clip_path) = group.clip_path() {
            clip(clip_path, c);
        }
        let opacity = group.opacity().get();
        if opacity < 1.0 {
            let inner = self.content(group)?;
            let b = group.layer_bounding_box();
            let form = self.form(&inner, Rect::new(b.left(), b.top(), b.right(), b.bottom()), None)?;
            let (state, form) = (self.names.state(opacity, opacity), self.names.xobject(form));
            c.set_parameters(Name(state.as_bytes()));
            c.x_object(Name(form.as_bytes()));
        } else {
            for child in group.children() {
                self.node(child, c, ts)?;
            }
        }
        c.restore_state();
        Ok(())
    }

    fn path(&mut self, path: &usvg::Path, c: &mut Content, ts: Transform) -> io::Result<()> {
        c.save_state();
        let fill = match path.fill() {
            Some(fill) => paint::set(self, fill.paint(), c, (ts, false))?.then_some(fill),
            None => None,
        };
        let stroke = match path.stroke() {
            Some(stroke) => paint::set(self, stroke.paint(), c, (ts, true))?.then_some(stroke),
            None => None,
        };
        let fill_alpha = fill.map_or(1.0, |f| f.opacity().get());
        let stroke_alpha = stroke.map_or(1.0, |s| s.opacity().get());
        if fill_alpha < 1.0 || stroke_alpha < 1.0 {
            let state = self.names.state(fill_alpha, stroke_alpha);
            c.set_parameters(Name(state.as_bytes()));
        }
        if let Some(stroke) = stroke {
            stroke_style(c, stroke);
        }
        let even_odd = fill.is_some_and(|f| f.rule() == FillRule::EvenOdd);
        if fill.is_some() && stroke.is_some() && path.paint_order() == PaintOrder::FillAndStroke {
            write_path(c, path.data());
            if even_odd {
                c.fill_even_odd_and_stroke()
            } else {
                c.fill_nonzero_and_stroke()
            };
        } else {
            // Only one of them, or the stroke first (`paint-order: stroke`).
            if stroke.is_some() {
                write_path(c, path.data());
                c.stroke();
            }
            if fill.is_some() {
                write_path(c, path.data());
                if even_odd {
                    c.fill_even_odd()
                } else {
                    c.fill_nonzero()
                };
            }
        }
        c.restore_state();
        Ok(())
    }

    /// A raster image of the SVG, `size` in its user space at its origin, through the image path.
    fn image(&mut self, kind: &ImageKind, size: usvg::Size, c: &mut Content) -> io::Result<()> {
        let data = match kind {
            ImageKind::JPEG(data) | ImageKind::PNG(data) | ImageKind::GIF(data) | ImageKind::WEBP(data) => data,
            // Refused by the check: the converter draws no SVG inside an SVG.
            ImageKind::SVG(_) => return Ok(()),
        };
        let Some(id) = super::super::image::xobject(self.file, data, self.archive)? else { return Ok(()) };
        let name = self.names.xobject(id);
        let (w, h) = (size.width(), size.height());
        c.save_state();
        c.transform([w, 0.0, 0.0, -h, 0.0, h]);
        c.x_object(Name(name.as_bytes()));
        c.restore_state();
        Ok(())
    }
}

/// Sets the stroke's width, caps, joins, miter limit and dashes.
fn stroke_style(c: &mut Content, stroke: &Stroke) {
    c.set_line_width(stroke.width().get());
    c.set_line_cap(match stroke.linecap() {
        LineCap::Butt => LineCapStyle::ButtCap,
        LineCap::Round => LineCapStyle::RoundCap,
        LineCap::Square => LineCapStyle::ProjectingSquareCap,
    });
    c.set_line_join(match stroke.linejoin() {
        LineJoin::Miter | LineJoin::MiterClip => LineJoinStyle::MiterJoin,
        LineJoin::Round => LineJoinStyle::RoundJoin,
        LineJoin::Bevel => LineJoinStyle::BevelJoin,
    });
    c.set_miter_limit(stroke.miterlimit().get());
    if let Some(dashes) = stroke.dasharray() {
        c.set_dash_pattern(dashes.iter().copied(), stroke.dashoffset());
    }
}

/// Clips to `clip_path` (the check let through only clip paths of one path each).
fn clip(clip_path: &ClipPath, c: &mut Content) {
    if let Some(outer) = clip_path.clip_path() {
        clip(outer, c);
    }
    let mut paths = Vec::new();
    clip_paths(clip_path.root(), clip_path.transform(), &mut paths);
    for (path, rule) in paths {
        write_path(c, &path);
        match rule {
            FillRule::EvenOdd => c.clip_even_odd(),
            FillRule::NonZero => c.clip_nonzero(),
        };
        c.end_path();
    }
}

/// The paths of a clip path's group, each in the clip path's space, with its clip rule.
fn clip_paths(group: &Group, ts: Transform, out: &mut Vec<(tiny_skia_path::Path, FillRule)>) {
    let ts = ts.pre_concat(group.transform());
    for child in group.children() {
        match child {
            Node::Group(inner) => clip_paths(inner, ts, out),
            Node::Path(path) => {
                let rule = path.fill().map_or(FillRule::NonZero, |f| f.rule());
                if let Some(placed) = path.data().clone().transform(ts) {
                    out.push((placed, rule));
                }
            }
            Node::Image(_) | Node::Text(_) => {}
        }
    }
}

/// Writes the segments of `path`, its quadratic curves as cubic ones.
fn write_path(c: &mut Content, path: &tiny_skia_path::Path) {
    let (mut last, mut start) = (Point::zero(), Point::zero());
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                c.move_to(p.x, p.y);
                (last, start) = (p, p);
            }
            PathSegment::LineTo(p) => {
                c.line_to(p.x, p.y);
                last = p;
            }
            PathSegment::QuadTo(q, p) => {
                let third = |a: Point, b: Point| (a.x + (b.x - a.x) * 2.0 / 3.0, a.y + (b.y - a.y) * 2.0 / 3.0);
                let ((x1, y1), (x2, y2)) = (third(last, q), third(p, q));
                c.cubic_to(x1, y1, x2, y2, p.x, p.y);
                last = p;
            }
            PathSegment::CubicTo(p1, p2, p) => {
                c.cubic_to(p1.x, p1.y, p2.x, p2.y, p.x, p.y);
                last = p;
            }
            PathSegment::Close => {
                c.close_path();
                last = start;
            }
        }
    }
}
