//! Pictures on slides: a `p:pic` for each image item, its alt text as `descr`, with the image
//! file as a media part of the package (`ppt/media/`) that the slide's relationships name.

use super::text::xfrm;
use super::xml::esc;
use crate::backends::slides::layout::Rect;
use crate::layout::image::{probe, Format};
use crate::layout::Assets;

/// An image file that goes into the package as a part.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// The part name (`ppt/media/image3-1.png`).
    pub name: String,
    /// Its relationship id on the slide.
    pub rel: String,
    /// The file's extension, which its content type is declared for.
    pub extension: &'static str,
    pub bytes: Vec<u8>,
}

impl Media {
    /// The content type of the part.
    pub fn content_type(&self) -> String {
        format!("image/{}", self.extension)
    }
}

/// The pictures of one slide and the media parts they show.
pub struct Pictures<'a> {
    assets: &'a Assets,
    /// The 1-based number of the slide, which names its media parts.
    slide: usize,
    pub media: Vec<Media>,
}

impl<'a> Pictures<'a> {
    pub fn new(assets: &'a Assets, slide: usize) -> Self {
        Pictures { assets, slide, media: Vec::new() }
    }

    /// A `p:pic` with shape id `id` showing image `key` in `rect`, described by `alt`; `None`
    /// for an image the render context does not have or cannot embed.
    pub fn picture(&mut self, id: usize, key: &str, alt: &str, rect: Rect) -> Option<String> {
        let bytes = self.assets.get(key)?;
        let extension = match probe(bytes)?.format {
            Format::Png { .. } => "png",
            Format::Jpeg { .. } => "jpeg",
        };
        let rel = self.add(extension, bytes.clone());
        Some(format!(
            "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"Picture {id}\" descr=\"{}\"/>\
             <p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
             <p:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
             <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            esc(alt),
            xfrm(rect)
        ))
    }

    /// Adds a media part; returns its relationship id.
    fn add(&mut self, extension: &'static str, bytes: Vec<u8>) -> String {
        let k = self.media.len() + 1;
        let (name, rel) = (format!("ppt/media/image{}-{k}.{extension}", self.slide), format!("rIdImage{k}"));
        self.media.push(Media { name, rel: rel.clone(), extension, bytes });
        rel
    }

    /// `(id, relationship type, target)` for each media part, relative to `ppt/slides/`.
    pub fn relationships(&self) -> impl Iterator<Item = (String, &'static str, String)> + '_ {
        self.media.iter().map(|m| (m.rel.clone(), "image", format!("../{}", &m.name["ppt/".len()..])))
    }
}
