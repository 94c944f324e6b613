//! `folio check`: a build that writes nothing. It loads the tree and renders every format a
//! build would, each output's bytes thrown away as they are made, so it reports every warning
//! and error a build reports (render-time ones too: a character no font has, an image that
//! does not decode), in the same form, with nothing written and no output folder touched.

use super::{by_document, load_assets, manifest, shortened_names, source_files};
use crate::backends::{Backend, RenderContext, Sink, WriteFn};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::parse;
use std::path::Path;

/// What a check found.
#[derive(Debug)]
pub struct Checked {
    pub documents: usize,
    /// Shown as a build shows them: sorted, each once.
    pub diagnostics: Vec<Diagnostic>,
}

/// A sink that lets each output be made in full and keeps none of it.
struct Discard;

impl Sink for Discard {
    fn put_with(&self, _path: &str, _document: Option<&str>, write: &mut WriteFn) -> Result<()> {
        write(&mut std::io::sink())
    }
}

/// Checks `content` as a build with `backends` into `out` would build it (`out` is left out of
/// the content, as a build leaves it out).
pub fn check(content: &Path, config: &Config, backends: &[Box<dyn Backend>], out: &Path) -> Result<Checked> {
    let root = parse::content_root(content);
    let listing = parse::list(content, Some(out))?;
    let (date, date_warning) = crate::backends::source_date_epoch();
    let loaded = parse::load_listed(content, listing, config);
    let (assets, mut diagnostics) = load_assets(&loaded);
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    diagnostics.extend(shortened_names(&loaded));
    diagnostics.extend(date_warning);
    let files = super::read_setting_files(config, backends)?;
    let ctx = RenderContext::new(&loaded.collection, config, &assets).with_root(&loaded.root).with_date(date);
    let ctx = ctx.with_files(&files);
    let sources = source_files(&loaded);
    for backend in backends {
        let rendered = backend.render_to(&ctx, &Discard)?;
        diagnostics.extend(rendered.into_iter().map(|d| by_document(d, &sources, &loaded.root).1));
    }
    // Recorded and shown again, as the manifest of a build records and shows them.
    let mut diagnostics: Vec<Diagnostic> =
        diagnostics.into_iter().map(|d| manifest::shown(root, manifest::recorded(root, d))).collect();
    diagnostics.sort();
    diagnostics.dedup();
    Ok(Checked { documents: loaded.collection.documents.len(), diagnostics })
}
