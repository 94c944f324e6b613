//! Build script: gives the binary an identity, the hash of everything that decides what it
//! writes (sources, bundled fonts, manifests and lock file, the compiler's version), so a cached
//! build is redone when folio changes without a new version number, at no cost when it runs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const INPUTS: [&str; 4] = ["src", "fonts", "Cargo.toml", "Cargo.lock"];

fn main() {
    let mut hasher = blake3::Hasher::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        let mut files = Vec::new();
        collect(Path::new(input), &mut files);
        files.sort();
        for file in files {
            let bytes = fs::read(&file).unwrap_or_default();
            hasher.update(file.to_string_lossy().as_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if let Ok(out) = Command::new(rustc).arg("-vV").output() {
        hasher.update(&out.stdout);
    }
    println!("cargo:rustc-env=FOLIO_BUILD_ID={}", hasher.finalize().to_hex());
}

/// Every file at or under `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => entries.flatten().for_each(|e| collect(&e.path(), files)),
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}
