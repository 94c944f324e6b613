//! The progress display of a build: an indicatif spinner on stderr with the format being made
//! and the outputs written so far, shown only on a terminal; logs and pipes get nothing from it.

use folio::driver::Progress;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A running progress display.
pub struct Bar(ProgressBar);

impl Bar {
    /// A display if `wanted` and stderr is a terminal.
    pub fn start(wanted: bool) -> Option<Bar> {
        if !wanted || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {msg} · {pos} outputs written") {
            bar.set_style(style);
        }
        bar.set_message("loading");
        bar.enable_steady_tick(Duration::from_millis(120));
        Some(Bar(bar))
    }

    /// Shows what the build reports.
    pub fn update(&self, progress: Progress) {
        match progress {
            Progress::Format(format) => self.0.set_message(format!("rendering {format}")),
            Progress::Wrote(_) => self.0.inc(1),
        }
    }

    /// Removes the display, before the diagnostics and the summary are printed.
    pub fn finish(self) {
        self.0.finish_and_clear();
    }
}
