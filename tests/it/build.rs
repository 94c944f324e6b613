//! `folio build` as a release job sees it: caching, the manifest, stale outputs, thread counts,
//! machine-readable diagnostics and the exit-code contract.

use crate::util::{folio, repo, stderr, tree};
use std::path::Path;

fn build(dir: &Path, content: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", content.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    folio(dir, &args)
}

/// Every file below `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
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

#[test]
fn a_second_build_is_cached_and_a_change_rebuilds() {
    let site = tree(&[("a.md", b"# A\n\nText.\n"), ("b.md", b"# B\n")]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().to_path_buf();
    let first = build(site.path(), site.path(), &out, &["--format", "json"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).starts_with("built: 2 documents"), "{}", stderr(&first));
    let second = build(site.path(), site.path(), &out, &["--format", "json"]);
    assert!(stderr(&second).starts_with("up to date"), "{}", stderr(&second));
    std::fs::write(site.path().join("b.md"), "# B changed\n").unwrap();
    let third = build(site.path(), site.path(), &out, &["--format", "json"]);
    assert!(stderr(&third).starts_with("built"), "{}", stderr(&third));
    let ir = std::fs::read_to_string(out.join("ir.json")).unwrap();
    assert!(ir.contains("B changed"));
}

#[test]
fn stale_outputs_are_removed_and_foreign_files_survive() {
    let site = tree(&[("a.md", b"# A\n")]);
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("notes.txt"), "mine").unwrap();
    assert!(build(site.path(), site.path(), out.path(), &["--format", "json"]).status.success());
    assert!(out.path().join("ir.json").exists());
    // A build that no longer makes the IR removes it, and only it.
    let bin = tempfile::tempdir().unwrap();
    let script = bin.path().join("folio-none");
    std::fs::write(&script, "#!/bin/sh\ncat >/dev/null\necho '{\"files\": []}'\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", site.path().to_str().unwrap(), "-o", out.path().to_str().unwrap(), "--format", "none"])
        .env("PATH", path)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(!out.path().join("ir.json").exists());
    assert_eq!(std::fs::read_to_string(out.path().join("notes.txt")).unwrap(), "mine");
}

#[test]
fn thread_count_does_not_change_a_byte() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let content = repo().join("content");
    assert!(build(&repo(), &content, a.path(), &["--jobs", "1"]).status.success());
    assert!(build(&repo(), &content, b.path(), &["--jobs", "4"]).status.success());
    let (sa, sb) = (snapshot(a.path()), snapshot(b.path()));
    assert!(sa.len() > 1);
    assert_eq!(sa, sb);
}

#[test]
fn warnings_fail_only_when_denied_and_json_lines_are_for_tools() {
    let site = tree(&[("a.md", b"# A\n\n[gone](missing.md)\n")]);
    let out = site.path().join("out");
    let plain = build(site.path(), Path::new("."), &out, &["--format", "json"]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let cached = build(site.path(), Path::new("."), &out, &["--format", "json"]);
    assert!(stderr(&cached).contains("up to date"), "an output folder inside the content is no input");
    let denied = build(site.path(), Path::new("."), &out, &["--format", "json", "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1));
    let json = folio(site.path(), &["check", ".", "--message-format", "json"]);
    let line = String::from_utf8(json.stdout).unwrap();
    let diag: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(diag["file"], "a.md");
    assert_eq!((diag["line"].as_u64(), diag["column"].as_u64()), (Some(3), Some(1)));
    assert_eq!(diag["severity"], "warning");
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let bash = folio(&repo(), &["completions", "bash"]);
    assert!(String::from_utf8_lossy(&bash.stdout).contains("--deny-warnings"));
    let man = folio(&repo(), &["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH folio"));
}
