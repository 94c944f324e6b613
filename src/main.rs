//! The `folio` command line: parses arguments, runs a command, maps errors to exit codes
//! (0 success, 1 content errors, 2 usage or configuration errors).

mod cli;

use clap::Parser;
use std::process::ExitCode;

// Layout and the writers make many small allocations; mimalloc serves them faster than glibc's
// allocator and returns memory to the system sooner.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    folio::panic_guard::install_hook();
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_usage() { 2 } else { 1 })
        }
    }
}
