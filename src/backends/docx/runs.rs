//! Inlines as WordprocessingML runs: emphasis as run properties, code in the Code character
//! style, links as `w:hyperlink` (a URL or a sibling's document through a relationship, a
//! heading of this document or of the book through its bookmark), images as inline drawings
//! with their alt text, footnote references as real footnotes. Right-to-left stretches of text
//! are runs of their own marked `w:rtl`.

use super::blocks::{run, Part};
use super::ids::bookmark;
use crate::backends::ooxml::esc;
use crate::ir::runs::{styled_runs, Dest, Piece, Style};
use crate::ir::{asset_key, own_id, relative_output, Image, Inline};
use crate::layout::direction_runs;
use crate::layout::image::{probe, Format};
use crate::layout::image_svg as svg;

/// English Metric Units in a point.
const EMU_PER_POINT: f32 = 12_700.0;

impl Part<'_> {
    /// The runs of `inlines`, links around the runs they hold.
    pub fn runs(&mut self, inlines: &[Inline]) -> String {
        let mut out = String::new();
        let mut open: Option<Dest> = None;
        for styled in styled_runs(inlines) {
            if styled.style.link != open {
                if open.is_some() {
                    out.push_str("</w:hyperlink>");
                }
                if let Some(dest) = styled.style.link {
                    out.push_str(&self.hyperlink(dest));
                }
                open = styled.style.link;
            }
            match styled.piece {
                Piece::Text(text) => {
                    let properties = properties(&styled.style);
                    for (text, rtl) in direction_runs(text) {
                        match rtl {
                            true => out.push_str(&run(text, &format!("{properties}<w:rtl/>"))),
                            false => out.push_str(&run(text, &properties)),
                        }
                    }
                }
                Piece::Break { hard: true } => out.push_str("<w:r><w:br/></w:r>"),
                Piece::Break { hard: false } => out.push_str(&run(" ", &properties(&styled.style))),
                Piece::Image(image) => out.push_str(&self.image(image)),
                Piece::Note(label) => out.push_str(&self.note_reference(label)),
            }
        }
        if open.is_some() {
            out.push_str("</w:hyperlink>");
        }
        out
    }

    /// The opening of a hyperlink to `dest`.
    fn hyperlink(&mut self, dest: Dest) -> String {
        let target = match dest {
            Dest::Url(url) => url.to_string(),
            Dest::Page { doc, anchor } if self.env.book || doc == self.doc.id => {
                return format!("<w:hyperlink w:anchor=\"{}\" w:history=\"1\">", bookmark(doc, anchor));
            }
            Dest::Page { doc, anchor } => {
                let file = relative_output(&self.doc.id, doc, "docx");
                match anchor {
                    Some(_) => format!("{file}#{}", bookmark(own_id(doc), anchor)),
                    None => file,
                }
            }
        };
        format!("<w:hyperlink r:id=\"{}\" w:history=\"1\">", self.refs.link(&target))
    }

    /// An image of the assets as an inline drawing scaled into the text column (96 pixels to
    /// the inch, at most the column's width and 60 % of its height), described by its alt
    /// text; an image that cannot be embedded shows its alt text.
    fn image(&mut self, image: &Image) -> String {
        let Some((key, ext, (w, h))) = self.picture(image) else { return run(&image.alt, "") };
        let media = self.refs.media(&key, ext);
        let (column_w, column_h) = self.env.column();
        let scale = (column_w / w).min(column_h * 0.6 / h).min(1.0);
        let (cx, cy) = ((w * scale * EMU_PER_POINT) as u64, (h * scale * EMU_PER_POINT) as u64);
        let id = self.refs.next();
        let descr = esc(&image.alt);
        let name = format!("Picture {id}");
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
             <wp:docPr id=\"{id}\" name=\"{name}\" descr=\"{descr}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name}\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            media.rel
        )
    }
}

impl Part<'_> {
    /// The asset key of `image`, the extension of the part it is written as, and its natural
    /// size in points; an SVG is written as the PNG drawn of it ([`super::Env::drawn`]).
    fn picture(&self, image: &Image) -> Option<(String, &'static str, (f32, f32))> {
        let key = asset_key(&self.doc.folder, &image.src)?;
        let bytes = self.env.assets.get(&key)?;
        if self.env.drawn.contains_key(&key) {
            return Some((key, "png", svg::size_of(bytes)?));
        }
        let info = probe(bytes)?;
        let ext = match info.format {
            Format::Png { .. } => "png",
            Format::Jpeg { .. } => "jpeg",
            Format::Decoded => match bytes.get(..4) {
                Some(b"\x89PNG") => "png",
                Some(b"GIF8") => "gif",
                // Word before 2019 cannot show a WebP: its alt text is shown instead.
                _ => return None,
            },
        };
        Some((key, ext, info.points()))
    }
}

/// The run properties of a run of `style`: the Code or Hyperlink character style, bold,
/// italic, struck.
fn properties(style: &Style) -> String {
    let mut out = String::new();
    if style.code {
        out.push_str("<w:rStyle w:val=\"CodeChar\"/>");
    } else if style.link.is_some() {
        out.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
    }
    for (on, element) in [(style.bold, "<w:b/>"), (style.italic, "<w:i/>"), (style.strike, "<w:strike/>")] {
        if on {
            out.push_str(element);
        }
    }
    out
}
