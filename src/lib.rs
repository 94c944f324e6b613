//! folio turns a folder of Markdown documentation into print-ready PDFs, XLSX skill matrices
//! and slide decks, in one deterministic batch run. The `folio` command is a thin layer over
//! this library, which a program can use as well.
//!
//! The pipeline: [`parse`] loads a content tree into the [`ir`] (with the settings of
//! [`config`]); [`backends`] render it into files as bytes (the paged formats
//! through the [`layout`] engine and the one [`pdf`] writer), handed to a
//! [`Sink`](backends::Sink) or collected in memory; [`driver`] writes them to an output folder,
//! rebuilding only what changed. [`diag`] holds the diagnostics (file, line, column) that every
//! step reports instead of failing.
//!
//! # Load a tree, render one format into memory
//!
//! ```rust
//! use folio::backends::{lookup, RenderContext};
//! use folio::config::Config;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("guide.md"), "# Guide\n\nHello, **world**.\n")?;
//!
//! // folio.toml at the root if there is one, else the defaults; every section checked, as
//! // the command line does before a build (a backend checks its own when it renders).
//! let config = Config::discover(None, dir.path())?;
//! folio::backends::check_config(&config, &[])?;
//! let loaded = folio::parse::load(dir.path(), &config)?;
//! assert!(loaded.diagnostics.is_empty());
//! // The images the pages show, read from the tree (with a warning for any that is not), and
//! // their Mermaid diagrams drawn; the files the settings name (`[docx] reference`).
//! let (assets, _warnings) = folio::driver::load_assets(&loaded);
//! let pdf = lookup("pdf")?;
//! let files = folio::driver::read_setting_files(&config, std::slice::from_ref(&pdf))?;
//!
//! let ctx = RenderContext::new(&loaded.collection, &config, &assets).with_root(&loaded.root);
//! let rendered = pdf.render(&ctx.with_files(&files))?;
//! let guide = rendered.artifacts.iter().find(|a| a.path == "pdf/guide.pdf").expect("the guide");
//! assert!(guide.bytes.starts_with(b"%PDF-"));
//! # Ok(())
//! # }
//! ```
//!
//! A format name that is not built in (`lookup("wordcount")`) runs the program
//! `folio-wordcount` as an external backend, which reads the [`RenderContext`](backends::RenderContext)
//! as JSON (see `schema/render-context.schema.json`).
//!
//! # Features
//!
//! `watch` (`folio watch`), `progress` (a progress display on a terminal) and `man`
//! (`folio man`) are on by default and serve only the command line; a library user can turn
//! them off with `default-features = false`.

pub mod backends;
pub mod capped;
pub mod civil;
pub mod config;
pub mod diag;
pub mod diagram;
pub mod driver;
pub mod error;
pub mod highlight;
pub mod ir;
pub mod layout;
pub mod panic_guard;
pub mod parse;
pub mod pdf;
#[doc(hidden)]
pub mod testing;
