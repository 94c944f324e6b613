//! `folio watch`: build, then rebuild whenever something in the content tree changes. Changes
//! are gathered until the tree has been quiet for a moment, and the incremental build renders
//! only what they touched.

use folio::error::{Error, Result};
use notify::{RecursiveMode, Watcher};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the tree must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(300);

/// Runs `rebuild` once, then again after every burst of changes below `content` (changes in
/// `out`, when it lies inside the content tree, are ignored). Returns when the watcher fails.
pub fn watch(content: &Path, out: &Path, rebuild: impl Fn() -> Result<ExitCode>) -> Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| Error::Usage(format!("cannot watch: {e}")))?;
    // Canonical, so that the paths of events compare with the output folder's.
    let watched = content.canonicalize().map_err(|e| Error::io(content, e))?;
    watcher
        .watch(&watched, RecursiveMode::Recursive)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", content.display())))?;
    report(rebuild());
    // After the first build, which makes the output folder if it was not there.
    let out = out.canonicalize().ok();
    let relevant = |event: &notify::Event| {
        !event.kind.is_access()
            && event.paths.iter().any(|p| {
                let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                let in_out = out.as_ref().is_some_and(|o| p.starts_with(o));
                !hidden && !in_out
            })
    };
    eprintln!("watching {} for changes (Ctrl-C to stop)", content.display());
    loop {
        // Wait for a change that matters, then for the burst it belongs to to end.
        match rx.recv() {
            Ok(Ok(event)) if relevant(&event) => {}
            Ok(_) => continue,
            Err(_) => return Err(Error::Usage("the file watcher stopped".into())),
        }
        wait_for_quiet(&rx, relevant)?;
        report(rebuild());
    }
}

/// Waits until no change that matters has come for [`QUIET`]. Other events (a viewer reading an
/// output, the build's own writes) do not put it off.
fn wait_for_quiet(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    relevant: impl Fn(&notify::Event) -> bool,
) -> Result<()> {
    let mut until = Instant::now() + QUIET;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(Ok(event)) if relevant(&event) => until = Instant::now() + QUIET,
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(Error::Usage("the file watcher stopped".into())),
        }
    }
    Ok(())
}

/// A failed rebuild is shown and watching goes on: the next save may fix it.
fn report(result: Result<ExitCode>) {
    if let Err(e) = result {
        eprintln!("error: {e}");
    }
}
