//! folio's integration tests: one test binary, a module per area, small helpers in `util`.

mod util;

mod cli;
mod loader;
