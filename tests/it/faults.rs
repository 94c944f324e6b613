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
            "xlsx" | "pptx" => zip::ZipArchive::new(std::io::Cursor::new(&bytes)).is_ok(),
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
    let on_disk = files(out.path());
    assert!(on_disk.iter().all(|f| !f.contains(".folio-")), "temporary files left: {on_disk:?}");
    assert_whole(out.path());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    assert!(outputs.len() > 50, "{} outputs", outputs.len());
    for output in outputs {
        let path = output["path"].as_str().unwrap();
        let bytes = std::fs::read(out.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(output["size"].as_u64(), Some(bytes.len() as u64), "{path}");
        assert_eq!(output["blake3"].as_str(), Some(blake3::hash(&bytes).to_hex().as_str()), "{path}");
    }
    let listed: Vec<&str> = outputs.iter().map(|o| o["path"].as_str().unwrap()).collect();
    let unlisted: Vec<&String> =
        on_disk.iter().filter(|f| *f != "manifest.json" && !listed.contains(&f.as_str())).collect();
    assert!(unlisted.is_empty(), "files the manifest does not list: {unlisted:?}");
}
