//! Helpers shared by the integration tests: paths to the bundled and shared content, running
//! the folio binary, loading a tree into the IR.

use folio::config::Config;
use folio::parse::{self, Loaded};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The role labels of the bundled ladder, in ladder order.
pub const ROLES: [&str; 9] = [
    "Software Engineer",
    "Senior Engineer",
    "Staff Engineer",
    "Principal Engineer",
    "Engineering Manager",
    "Senior Engineering Manager",
    "Director",
    "VP",
    "CTO",
];

/// The bundled career ladder.
pub fn content() -> PathBuf {
    repo().join("content")
}

/// `../shared` beside the repository: the seed page and the corpus of real ladders.
pub fn shared() -> PathBuf {
    repo().join("..").join("shared")
}

/// The seed page the project started from.
pub fn seed() -> PathBuf {
    shared().join("seed").join("vp.md")
}

/// The real trees every format is checked on: content/, the seed page and each corpus folder.
pub fn real_trees() -> Vec<PathBuf> {
    let mut trees = vec![content(), seed()];
    trees.extend(corpus_folders());
    trees
}

/// Every folder of the shared corpus, sorted.
pub fn corpus_folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus"))
        .expect("../shared/corpus is present")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Loads a file or folder with the default configuration (or the folder's folio.toml).
pub fn load(path: &Path) -> Loaded {
    let root = if path.is_dir() { path } else { path.parent().unwrap() };
    let config = Config::discover(None, root).expect("configuration loads");
    parse::load(path, &config).expect("content loads")
}

/// Runs the folio binary with `args` in `dir`.
pub fn folio(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).current_dir(dir).output().expect("folio runs")
}

/// Standard error of a run as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `files` (path, contents) below a new temporary folder.
pub fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Every file below `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                files.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The output paths a manifest lists.
pub fn manifest_outputs(out: &Path) -> Vec<String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    manifest["outputs"].as_array().unwrap().iter().map(|o| o["path"].as_str().unwrap().to_string()).collect()
}
