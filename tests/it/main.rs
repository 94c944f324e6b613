//! folio's integration tests: one test binary, a module per area, small helpers in `util`.

mod ooxml;
mod util;

mod aliases;
mod build;
mod check;
mod cli;
mod deck_images;
mod deck_pdf;
mod deck_text;
mod diagnostics;
mod docx;
mod faults;
mod fonts;
mod highlight;
mod hostile;
mod html;
mod images;
mod limits;
mod loader;
mod ownership;
mod pdf;
mod plugins;
mod rebuilds;
mod sites;
mod slides;
mod slips;
mod spec;
mod standards;
mod svg;
mod tagged;
mod walk;
mod xlsx;
