//! The output folder belongs to folio: its files are never read back as content, wherever the
//! folder lies, and a file folio did not make is never replaced.

use crate::util::{folio, manifest_outputs, snapshot, stderr, tree};

const PAGES: [(&str, &[u8]); 3] =
    [("a.md", b"# A\n\nText.\n"), ("b.md", b"# B\n\nMore.\n"), ("guide/c.md", b"# C\n\n- one\n- two\n")];

/// The number of documents a build's summary line reports.
fn documents(output: &std::process::Output) -> String {
    let err = stderr(output);
    let summary = err.lines().find(|l| l.contains(" documents, ")).unwrap_or_else(|| panic!("{err}"));
    summary.split(": ").nth(1).and_then(|s| s.split(',').next()).unwrap().to_string()
}

#[test]
fn building_inside_the_content_folder_never_reads_the_outputs() {
    let site = tree(&PAGES);
    let apart = tempfile::tempdir().unwrap();
    let reference = folio(site.path(), &["build", ".", "-o", apart.path().to_str().unwrap()]);
    assert_eq!(documents(&reference), "3 documents", "{}", stderr(&reference));
    for run in 0..3 {
        let inside = folio(site.path(), &["build", ".", "--force"]);
        assert_eq!(inside.status.code(), Some(0), "run {run}: {}", stderr(&inside));
        assert_eq!(documents(&inside), "3 documents", "run {run}");
        assert_eq!(manifest_outputs(&site.path().join("out")), manifest_outputs(apart.path()), "run {run}");
    }
    let listed = folio(site.path(), &["list", "."]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().filter(|l| l.contains(".md)")).count(), 3);
}

#[test]
fn another_builds_output_folder_inside_the_content_is_not_read() {
    let site = tree(&PAGES);
    let first = folio(site.path(), &["build", "."]);
    assert_eq!(documents(&first), "3 documents", "{}", stderr(&first));
    let elsewhere = tempfile::tempdir().unwrap();
    // The default out/ of the first build is now just a folder of the tree for this one.
    let second = folio(site.path(), &["build", ".", "-o", elsewhere.path().to_str().unwrap()]);
    assert_eq!(documents(&second), "3 documents", "{}", stderr(&second));
    assert!(stderr(&second).contains("skipped: the output folder of another folio build"), "{}", stderr(&second));
    assert_eq!(manifest_outputs(elsewhere.path()), manifest_outputs(&site.path().join("out")));
}

#[cfg(unix)]
#[test]
fn an_output_folder_reached_through_a_symbolic_link_is_not_read() {
    let site = tree(&PAGES);
    std::fs::create_dir(site.path().join("real")).unwrap();
    std::os::unix::fs::symlink(site.path().join("real"), site.path().join("link")).unwrap();
    for run in 0..2 {
        let built = folio(site.path(), &["build", ".", "-o", "link/out", "--force"]);
        assert_eq!(documents(&built), "3 documents", "run {run}: {}", stderr(&built));
    }
    // A page that is a symbolic link to an output is not read either.
    std::os::unix::fs::symlink(site.path().join("real/out/slides/a.md"), site.path().join("alias.md")).unwrap();
    let built = folio(site.path(), &["build", ".", "-o", "link/out"]);
    assert_eq!(documents(&built), "3 documents", "{}", stderr(&built));
}

#[test]
fn an_output_folder_that_is_or_holds_the_content_is_a_usage_error() {
    let site = tree(&PAGES);
    let content = site.path().join("content");
    std::fs::create_dir(&content).unwrap();
    std::fs::write(content.join("d.md"), "# D\n").unwrap();
    let before = snapshot(site.path());
    for (dir, out) in [(&content, "."), (&content, ".."), (&site.path().to_path_buf(), ".")] {
        let result = folio(dir, &["build", ".", "-o", out]);
        assert_eq!(result.status.code(), Some(2), "-o {out}: {}", stderr(&result));
        assert!(stderr(&result).contains("is, or holds, the content folder"), "{}", stderr(&result));
    }
    assert_eq!(snapshot(site.path()), before, "nothing was written");
}

#[test]
fn a_file_of_the_users_in_the_way_is_an_error_and_is_left_as_it_is() {
    let mut files = PAGES.to_vec();
    files.push(("gen/slides/a.md", b"my own notes\n"));
    let site = tree(&files);
    let result = folio(site.path(), &["build", ".", "-o", "gen"]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    let line = err.lines().find(|l| l.contains("folio did not make")).unwrap_or_else(|| panic!("{err}"));
    assert!(line.starts_with("error: a.md:") && line.contains("gen/slides/a.md"), "{line}");
    assert_eq!(std::fs::read(site.path().join("gen/slides/a.md")).unwrap(), b"my own notes\n");
    // Every other output was built, and the manifest does not claim the user's file.
    let outputs = manifest_outputs(&site.path().join("gen"));
    assert!(outputs.contains(&"slides/b.md".to_string()) && outputs.contains(&"pdf/a.pdf".to_string()));
    assert!(!outputs.contains(&"slides/a.md".to_string()));
    let again = folio(site.path(), &["build", ".", "-o", "gen"]);
    assert_eq!(again.status.code(), Some(1), "the error is repeated, not forgotten: {}", stderr(&again));
    assert_eq!(std::fs::read(site.path().join("gen/slides/a.md")).unwrap(), b"my own notes\n");
}

#[test]
fn a_page_name_too_long_for_its_outputs_is_shortened_with_a_warning_and_linked_right() {
    let long = "p".repeat(251);
    let link = format!("# A\n\nSee [the long one]({long}.md).\n");
    let site =
        tree(&[("a.md", link.as_bytes()), (&format!("{long}.md"), b"# Long\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")]);
    let out = tempfile::tempdir().unwrap();
    let result = folio(site.path(), &["build", ".", "-o", out.path().to_str().unwrap()]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(0), "{err}");
    let warning = err.lines().find(|l| l.contains("too long for the names of its outputs")).expect(&err);
    assert!(warning.starts_with(&format!("warning: {long}.md")), "{warning}");
    let stem = warning.split('`').nth(1).unwrap();
    assert!(stem.starts_with(&"p".repeat(200)) && stem.len() < 230, "{stem}");
    let outputs = manifest_outputs(out.path());
    for made in [format!("pdf/{stem}.pdf"), format!("xlsx/{stem}.xlsx"), format!("slides/{stem}.pptx")] {
        assert!(outputs.contains(&made) && out.path().join(&made).exists(), "{made}: {outputs:?}");
    }
    let outline = std::fs::read_to_string(out.path().join("slides/a.md")).unwrap();
    assert!(outline.contains(&format!("(<{stem}.md>)")), "{outline}");
}
