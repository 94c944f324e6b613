//! The `xlsx` backend: the ladder's skills as a workbook people can filter, pivot and print.
//!
//! It writes the site workbook `<site-slug>-skills.xlsx` (`Matrix` and `Levels` when the
//! site has such tables, `Skills`, `Index` and one sheet per table of every page) and `xlsx/<document id>.xlsx` with each
//! page's own tables. The bytes depend only on the input and `SOURCE_DATE_EPOCH`.

mod book;
mod cells;
mod config;
mod limits;
mod measure;
mod names;
mod sheet;
mod site;
mod skills;
mod source;
mod style;

pub use config::XlsxConfig;

use super::{Backend, RenderContext, Sink};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::Document;
use rayon::prelude::*;

/// Renders skill matrices and table workbooks with rust_xlsxwriter.
pub struct Xlsx;

impl Backend for Xlsx {
    fn name(&self) -> &str {
        "xlsx"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let config: XlsxConfig = ctx.config.section("xlsx")?;
        let created = book::creation_time(ctx.source_date_epoch);
        let author = ctx.config.site.author.clone().unwrap_or_default();
        let meta = book::Meta { created, author, font: ctx.config.fonts.body.clone() };
        let documents: Vec<&Document> = ctx.documents_in_scope().collect();
        // The site workbook is the biggest single job: make it while the pages are made.
        let (site, pages) = rayon::join(
            || match ctx.scope.site {
                true => put(sink, guarded(|| book::site(ctx.collection, &config, &meta))?),
                false => Ok(Vec::new()),
            },
            || {
                let made = documents.par_iter().map(|doc| match guarded(|| book::page(doc, &config, &meta))? {
                    Some(made) => put(sink, made),
                    None => Ok(Vec::new()),
                });
                made.try_reduce(Vec::new, |mut a, b| {
                    a.extend(b);
                    Ok(a)
                })
            },
        );
        let mut diagnostics = [site?, pages?].concat();
        // A table cut in its page's workbook is cut the same way in the site workbook: say it once.
        diagnostics.sort();
        diagnostics.dedup();
        Ok(diagnostics)
    }

    fn check(&self, config: &Config) -> Result<()> {
        config.section::<XlsxConfig>("xlsx").map(drop)
    }
}

/// Hands a workbook to the sink and returns the warnings made with it.
fn put(sink: &dyn Sink, (artifact, warnings): book::Made) -> Result<Vec<Diagnostic>> {
    sink.put(artifact)?;
    Ok(warnings)
}

/// Runs rust_xlsxwriter code, turning its errors and its panics (it panics when a write to
/// its temporary files fails, as on a full disk) into backend errors.
fn guarded<T>(make: impl FnOnce() -> std::result::Result<T, rust_xlsxwriter::XlsxError>) -> Result<T> {
    match crate::panic_guard::catch(make) {
        Ok(made) => made.map_err(|e| Error::backend("xlsx", e.to_string())),
        Err(panic) => {
            let temp = std::env::temp_dir();
            Err(Error::backend(
                "xlsx",
                format!("rust_xlsxwriter stopped ({panic}); its temporary files go to {}", temp.display()),
            ))
        }
    }
}
