//! Pictures on slides: a `p:pic` for each image item, its alt text as `descr`, with the image
//! file as a media part of the package (`ppt/media/`) that the slide's relationships name. A
//! media part is named by a hash of its bytes, so an image shown on several slides is one part
//! of the package that each slide's relationships name (see [`super::zip_slides`]). An
//! SVG is shown as PowerPoint writes it: a PNG of it in the picture's blip, the SVG itself in
//! the blip's `asvg:svgBlip` extension, for the versions of Office that draw SVG.

use super::text::xfrm;
use super::xml::esc;
use crate::backends::slides::images::ImageFiles;
use crate::backends::slides::layout::Rect;
use crate::layout::image::{probe, Format};

/// The extension of the blip that holds an SVG, and its namespace.
const SVG_BLIP: &str = "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">\
     <asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"ID\"/>\
     </a:ext></a:extLst>";

/// An image file that goes into the package as a part.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// The part name (`ppt/media/image-<hash>.png`).
    pub name: String,
    /// Its relationship id on the slide.
    pub rel: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The pictures of one slide and the media parts they show.
pub struct Pictures<'a> {
    files: ImageFiles<'a>,
    pub media: Vec<Media>,
}

impl<'a> Pictures<'a> {
    pub fn new(files: ImageFiles<'a>) -> Self {
        Pictures { files, media: Vec::new() }
    }

    /// A `p:pic` with shape id `id` showing image `key` in `rect`, described by `alt`; `None`
    /// for an image the render context does not have or cannot embed.
    pub fn picture(&mut self, id: usize, key: &str, alt: &str, rect: Rect) -> Option<String> {
        let drawn = self.files.drawn.get(key)?;
        let (extension, content_type) = match probe(drawn)?.format {
            Format::Png { .. } => ("png", "image/png"),
            Format::Jpeg { .. } => ("jpeg", "image/jpeg"),
            // Another PNG, a GIF or a WebP: PowerPoint shows each as it is.
            Format::Decoded if drawn.starts_with(b"GIF8") => ("gif", "image/gif"),
            Format::Decoded if drawn.starts_with(b"RIFF") => ("webp", "image/webp"),
            Format::Decoded => ("png", "image/png"),
        };
        let rel = self.add(extension, content_type, drawn.clone());
        let source = self.files.source.get(key).filter(|source| *source != drawn);
        let extension = match source {
            Some(svg) => SVG_BLIP.replace("ID", &self.add("svg", "image/svg+xml", svg.clone())),
            None => String::new(),
        };
        Some(format!(
            "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"Picture {id}\" descr=\"{}\"/>\
             <p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
             <p:blipFill><a:blip r:embed=\"{rel}\">{extension}</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
             <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            esc(alt),
            xfrm(rect)
        ))
    }

    /// Adds a media part, named by its bytes' hash, unless the slide has it; returns its
    /// relationship id.
    fn add(&mut self, extension: &str, content_type: &'static str, bytes: Vec<u8>) -> String {
        let hash = blake3::hash(&bytes).to_hex();
        let name = format!("ppt/media/image-{}.{extension}", &hash[..16]);
        if let Some(known) = self.media.iter().find(|m| m.name == name) {
            return known.rel.clone();
        }
        let rel = format!("rIdImage{}", self.media.len() + 1);
        self.media.push(Media { name, rel: rel.clone(), content_type, bytes });
        rel
    }

    /// `(id, relationship type, target)` for each media part, relative to `ppt/slides/`.
    pub fn relationships(&self) -> impl Iterator<Item = (String, &'static str, String)> + '_ {
        self.media.iter().map(|m| (m.rel.clone(), "image", format!("../{}", &m.name["ppt/".len()..])))
    }
}
