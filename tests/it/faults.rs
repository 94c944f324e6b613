//! Faults: a build killed at any moment leaves only whole files, the next build cleans up after
//! it, and the manifest then matches the files on disk.

use crate::util::{content, folio, stderr};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A tree of the bundled ladder copied `copies` times, big enough that a build takes a while.
fn big_tree(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<_> = std::fs::read_dir(content().join("career-ladder"))
        .unwrap()
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() {
                std::fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect()
            } else {
                vec![path]
            }
        })
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert!(pages.len() >= 5, "{pages:?}");
    for copy in 0..copies {
        let folder = dir.path().join(format!("copy{copy:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        for page in &pages {
            std::fs::copy(page, folder.join(page.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Every file below `dir`, relative, `/`-separated.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Asserts that every output file below `out` opens as what its extension says.
fn assert_whole(out: &Path) {
    for rel in files(out).into_iter().filter(|f| !f.rsplit('/').next().unwrap().starts_with(".folio-")) {
        let bytes = std::fs::read(out.join(&rel)).unwrap();
        let whole = match rel.rsplit('.').next().unwrap() {
            "pdf" => lopdf::Document::load_mem(&bytes).is_ok(),
            "xlsx" | "pptx" | "docx" => zip::ZipArchive::new(std::io::Cursor::new(&bytes)).is_ok(),
            "json" => serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
            _ => std::str::from_utf8(&bytes).is_ok(),
        };
        assert!(whole, "{rel} is not a whole file ({} bytes)", bytes.len());
    }
}

#[test]
fn a_killed_build_leaves_whole_files_and_the_next_build_cleans_up() {
    let site = big_tree(3);
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    for delay in [150, 600, 1500] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["build", ".", "-o", out_arg, "--force", "--quiet"])
            .current_dir(site.path())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        child.wait().unwrap();
        assert_whole(out.path());
    }
    let run = folio(site.path(), &["build", ".", "-o", out_arg, "--quiet"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_whole(out.path());
    assert!(assert_manifest_matches(out.path()) > 50);
}

/// Asserts that the manifest in `out` lists exactly the files there, with their sizes and
/// hashes, and that no temporary file is left; returns the number of outputs.
pub fn assert_manifest_matches(out: &Path) -> usize {
    // The lock file stays: removing it while another build waits on it would let a third in.
    let on_disk: Vec<String> = files(out).into_iter().filter(|f| f != ".folio-lock").collect();
    assert!(on_disk.iter().all(|f| !f.contains(".folio-")), "temporary files left: {on_disk:?}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    for output in outputs {
        let path = output["path"].as_str().unwrap();
        let bytes = std::fs::read(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(output["size"].as_u64(), Some(bytes.len() as u64), "{path}");
        assert_eq!(output["blake3"].as_str(), Some(blake3::hash(&bytes).to_hex().as_str()), "{path}");
    }
    let listed: Vec<&str> = outputs.iter().map(|o| o["path"].as_str().unwrap()).collect();
    let unlisted: Vec<&String> =
        on_disk.iter().filter(|f| *f != "manifest.json" && !listed.contains(&f.as_str())).collect();
    assert!(unlisted.is_empty(), "files the manifest does not list: {unlisted:?}");
    outputs.len()
}

/// Runs `folio args` in `dir` with files limited to `limit_kb` KB, as on a disk that is full:
/// a write past the limit fails with "File too large" (the signal it would raise is ignored).
#[cfg(unix)]
fn folio_on_a_full_disk(dir: &Path, limit_kb: u32, args: &[&str]) -> std::process::Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {limit_kb}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_an_error_naming_the_file_and_the_last_good_outputs_stay_whole() {
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let content = content();
    let built = folio(&content, &["build", ".", "-o", out_arg, "--quiet"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let before = std::fs::read(out.path().join("ir.json")).unwrap();
    for format in ["json", "pdf", "xlsx", "slides"] {
        for limit_kb in [16, 64] {
            let args = ["build", ".", "-o", out_arg, "--quiet", "--force", "--format", format];
            let run = folio_on_a_full_disk(&content, limit_kb, &args);
            let err = stderr(&run);
            assert_eq!(run.status.code(), Some(1), "{format} at {limit_kb} KB: {err}");
            assert!(err.contains("File too large"), "{format} at {limit_kb} KB: {err}");
            assert!(!err.contains("panicked"), "{format} at {limit_kb} KB: {err}");
            assert_eq!(err.lines().count(), 1, "one error, no noise from the writers: {err}");
            let named = err.lines().any(|l| l.starts_with("error: ") && (l.contains(out_arg) || l.contains("xlsx")));
            assert!(named, "the error names the output: {err}");
            assert_whole(out.path());
            assert_manifest_matches(out.path());
        }
    }
    assert_eq!(std::fs::read(out.path().join("ir.json")).unwrap(), before, "the last good IR is kept");
    let rebuilt = folio(&content, &["build", ".", "-o", out_arg, "--quiet"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert_manifest_matches(out.path());
}

#[test]
fn pages_deleted_during_a_build_fail_nothing_and_the_next_build_renders_again() {
    let site = big_tree(3);
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", ".", "-o", out_arg, "--quiet"])
        .current_dir(site.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Pages go while the build lists, hashes, loads and renders them.
    for entry in std::fs::read_dir(site.path().join("copy01")).unwrap() {
        std::thread::sleep(Duration::from_millis(15));
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let run = child.wait_with_output().unwrap();
    assert!(matches!(run.status.code(), Some(0 | 1)), "{}", stderr(&run));
    assert!(!stderr(&run).contains("panicked"), "{}", stderr(&run));
    assert_whole(out.path());
    assert_manifest_matches(out.path());
    let again = folio(site.path(), &["build", ".", "-o", out_arg, "--quiet"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_manifest_matches(out.path());
    let left: Vec<String> = files(out.path()).into_iter().filter(|f| f.contains("copy01")).collect();
    assert!(left.is_empty(), "outputs of deleted pages: {left:?}");
}
