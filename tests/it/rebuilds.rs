//! Rebuilds after something went wrong: a damaged output, a killed build's leftovers, and two
//! builds into one output folder at once.

use crate::faults::assert_manifest_matches;
use crate::util::{folio, manifest_outputs, stderr, tree};
use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};

const PAGES: [(&str, &[u8]); 4] =
    [("a.md", b"# A\n\nText.\n"), ("b.md", b"# B\n\nMore.\n"), ("c.md", b"# C\n"), ("d.md", b"# D\n")];

/// `folio build . -o OUT --format pdf` in `site`, with `extra` arguments.
fn build(site: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", ".", "-o", out.to_str().unwrap(), "--format", "pdf"];
    args.extend_from_slice(extra);
    folio(site, &args)
}

/// The pages built once into a new output folder: (content, output).
fn built() -> (tempfile::TempDir, tempfile::TempDir) {
    let site = tree(&PAGES);
    let out = tempfile::tempdir().unwrap();
    assert_eq!(build(site.path(), out.path(), &[]).status.code(), Some(0));
    (site, out)
}

#[test]
fn a_damaged_output_renders_its_page_and_the_site_not_the_tree() {
    let (site, out) = built();
    let damaged = out.path().join("pdf/b.pdf");
    let whole = std::fs::read(&damaged).unwrap();
    std::fs::write(&damaged, &whole[..whole.len() / 2]).unwrap();
    let again = build(site.path(), out.path(), &[]);
    let err = stderr(&again);
    // b's guide and the book; not the guides of a, c and d.
    assert!(err.starts_with("built: 4 documents, 5 outputs") && err.contains("(2 rendered, 3 cached"), "{err}");
    assert_eq!(std::fs::read(&damaged).unwrap(), whole);
    assert_manifest_matches(out.path());
}

#[test]
fn temporary_files_a_killed_build_left_go_even_when_nothing_changed() {
    let (site, out) = built();
    let left = out.path().join("pdf/.folio-4242-x1y2z3.tmp");
    std::fs::write(&left, "half a pdf").unwrap();
    let again = build(site.path(), out.path(), &[]);
    assert!(stderr(&again).starts_with("up to date"), "{}", stderr(&again));
    assert!(!left.exists());
    assert_manifest_matches(out.path());
}

#[test]
fn a_second_build_into_one_folder_waits_or_with_no_wait_stops() {
    let site = tree(&PAGES);
    let out = tempfile::tempdir().unwrap();
    let lock = std::fs::File::create(out.path().join(".folio-lock")).unwrap();
    lock.lock().unwrap();
    let refused = build(site.path(), out.path(), &["--no-wait"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("another folio build is writing to"), "{}", stderr(&refused));
    assert!(!out.path().join("manifest.json").exists());
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", ".", "-o", out.path().to_str().unwrap(), "--format", "pdf"])
        .current_dir(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(waiting.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert_eq!(first, format!("waiting for another folio build in {} to finish", out.path().display()));
    assert!(!out.path().join("manifest.json").exists(), "nothing written while it waits");
    drop(lock);
    assert!(waiting.wait().unwrap().success());
    assert!(lines.next().unwrap().unwrap().starts_with("built: 4 documents"));
    assert_manifest_matches(out.path());
}

#[test]
fn two_builds_of_different_trees_into_one_folder_never_mix_the_manifest() {
    let trees = [tree(&PAGES[..2]), tree(&[("x.md", b"# X\n"), ("y/z.md", b"# Z\n"), ("w.md", b"# W\n")])];
    let mut expected: Vec<Vec<String>> = Vec::new();
    for site in &trees {
        let alone = tempfile::tempdir().unwrap();
        assert_eq!(build(site.path(), alone.path(), &[]).status.code(), Some(0));
        expected.push(manifest_outputs(alone.path()));
    }
    let out = tempfile::tempdir().unwrap();
    for trial in 0..20 {
        let runs: Vec<_> = trees
            .iter()
            .map(|site| {
                Command::new(env!("CARGO_BIN_EXE_folio"))
                    .args(["build", ".", "-o", out.path().to_str().unwrap(), "--format", "pdf", "--quiet"])
                    .current_dir(site.path())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut run in runs {
            assert!(run.wait().unwrap().success(), "trial {trial}");
        }
        assert_manifest_matches(out.path());
        assert!(expected.contains(&manifest_outputs(out.path())), "trial {trial}: {:?}", manifest_outputs(out.path()));
    }
}
