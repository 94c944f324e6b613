//! The progress display of a build: an indicatif spinner on stderr with the format being made
//! and the outputs written so far, shown only on a terminal; logs and pipes get nothing from it.

use folio::driver::{OnProgress, Progress};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Runs `build` with a progress display if `wanted` and stderr is a terminal, and removes the
/// display before the diagnostics and the summary are printed.
pub fn with_progress<T>(wanted: bool, build: impl FnOnce(Option<OnProgress>) -> T) -> T {
    let bar = Bar::start(wanted);
    let update = |p: Progress| bar.iter().for_each(|b| b.update(p));
    let made = build(bar.as_ref().map(|_| &update as OnProgress));
    if let Some(bar) = bar {
        bar.finish();
    }
    made
}

/// A running progress display.
struct Bar(ProgressBar);

impl Bar {
    /// A display if `wanted` and stderr is a terminal.
    fn start(wanted: bool) -> Option<Bar> {
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
    fn update(&self, progress: Progress) {
        match progress {
            Progress::Format(format) => self.0.set_message(format!("rendering {format}")),
            Progress::Wrote(_) => self.0.inc(1),
        }
    }

    /// Removes the display, before the diagnostics and the summary are printed.
    fn finish(self) {
        self.0.finish_and_clear();
    }
}
