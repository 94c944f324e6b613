//! The `slides` backend: for every document a deck as editable PPTX (`slides/<id>.pptx`) and
//! as a Marp outline (`slides/<id>.md`), and the same for the whole site
//! (`slides/<site-slug>.pptx`, `.md`). The deck model comes first and knows no file format.

mod compose;
mod config;
mod deck;
mod layout;
mod marp;
mod measure;
mod outline;
mod paginate;
mod pptx;
mod runs;
mod tables;

pub use compose::{document_deck, site_deck};
pub use config::SlidesConfig;
pub use deck::{Deck, Item, Layout, Run, Slide, Table};
pub use layout::{body_height, boxes, text_height};

use super::{Artifact, Backend, RenderContext, Rendered};
use crate::backends::Civil;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{slugify, Document};
use rayon::prelude::*;

/// Writes slide decks.
pub struct Slides;

impl Backend for Slides {
    fn name(&self) -> &str {
        "slides"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Rendered> {
        let config = SlidesConfig::read(ctx.config)?;
        let date = Civil::from_env().map(|d| d.iso());
        let properties = pptx::Properties { author: ctx.config.site.author.as_deref(), date: date.as_deref() };
        let write = |deck: Deck| -> Result<(Vec<u8>, Vec<u8>, Vec<Diagnostic>)> {
            let pptx = pptx::write(&deck, &config, properties).map_err(|e| Error::backend("slides", e.to_string()))?;
            Ok((pptx, marp::outline(&deck, &config.accent).into_bytes(), deck.diagnostics))
        };
        let docs: Vec<&Document> = ctx.documents_in_scope().collect();
        let all: Vec<&Document> = ctx.collection.documents.iter().collect();
        let (decks, site) = rayon::join(
            || docs.par_iter().map(|doc| write(document_deck(doc, config.heading_level))).collect::<Vec<_>>(),
            || ctx.scope.site.then(|| write(site_deck(&ctx.collection.title, &all, config.heading_level))),
        );
        let mut artifacts = Vec::new();
        let mut diagnostics = Vec::new();
        for (doc, deck) in docs.iter().zip(decks) {
            let (pptx, outline, warnings) = deck?;
            diagnostics.extend(warnings);
            artifacts.push(Artifact::for_document(&doc.id, format!("slides/{}.pptx", doc.id), pptx));
            artifacts.push(Artifact::for_document(&doc.id, format!("slides/{}.md", doc.id), outline));
        }
        if let Some(site) = site {
            let (pptx, outline, _) = site?;
            let base = format!("slides/{}", site_slug(&ctx.collection.title, &all));
            artifacts.push(Artifact::for_site(format!("{base}.pptx"), pptx));
            artifacts.push(Artifact::for_site(format!("{base}.md"), outline));
        }
        Ok(Rendered { artifacts, diagnostics })
    }
}

/// The file name of the site deck: the slug of the site title (`site` if it has none), made
/// different from every document id.
fn site_slug(title: &str, docs: &[&Document]) -> String {
    let slug = slugify(title);
    let slug = if slug.is_empty() { "site".to_string() } else { slug };
    if docs.iter().any(|d| d.id == slug) {
        format!("{slug}-site")
    } else {
        slug
    }
}
