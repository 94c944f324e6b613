//! folio's integration tests: one test binary, a module per area, small helpers in `util`.

mod util;

mod build;
mod cli;
mod loader;
mod slides;
