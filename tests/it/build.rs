//! `folio build` as a release job sees it: caching, the manifest, stale outputs, thread counts,
//! machine-readable diagnostics and the exit-code contract.

use crate::util::{folio, repo, snapshot, stderr, tree};
use std::path::Path;

fn build(dir: &Path, content: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", content.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    folio(dir, &args)
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

/// Installs an external backend `folio-pages` that writes one file a document in scope (and a
/// site index when the site is in scope), and returns the PATH to run folio with.
fn pages_backend(bin: &Path) -> String {
    let script = bin.join("folio-pages");
    std::fs::write(
        &script,
        "#!/usr/bin/env python3\nimport json, sys\nctx = json.load(sys.stdin)\nscope = ctx['scope']\n\
         docs = [d for d in ctx['collection']['documents'] if scope['documents'] is None or d['id'] in scope['documents']]\n\
         files = [{'path': 'pages/%s.txt' % d['id'], 'text': d['title'], 'document': d['id']} for d in docs]\n\
         if scope['site']: files.append({'path': 'site.txt', 'text': str(len(ctx['collection']['documents']))})\n\
         print(json.dumps({'files': files}))\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

fn run_with_path(path: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_folio")).args(args).env("PATH", path).output().unwrap()
}

#[test]
fn a_changed_page_rerenders_only_itself_and_the_site() {
    let site = tree(&[("a.md", b"# A\n"), ("b.md", b"# B\n"), ("c.md", b"# C\n")]);
    let out = tempfile::tempdir().unwrap();
    let path = pages_backend(out.path());
    let out_dir = out.path().join("out");
    let args = ["build", site.path().to_str().unwrap(), "-o", out_dir.to_str().unwrap(), "--format", "pages"];
    let first = run_with_path(&path, &args);
    assert!(stderr(&first).contains("4 outputs in"), "{}", stderr(&first));
    std::fs::write(site.path().join("b.md"), "# B2\n").unwrap();
    let second = run_with_path(&path, &args);
    assert!(stderr(&second).contains("(2 rendered, 2 cached, 0 removed"), "{}", stderr(&second));
    assert_eq!(std::fs::read_to_string(out_dir.join("pages/b.txt")).unwrap(), "B2");
    assert_eq!(std::fs::read_to_string(out_dir.join("pages/a.txt")).unwrap(), "A");
    std::fs::remove_file(site.path().join("c.md")).unwrap();
    let third = run_with_path(&path, &args);
    assert!(stderr(&third).contains("1 removed as stale"), "{}", stderr(&third));
    assert!(!out_dir.join("pages/c.txt").exists());
}

#[test]
fn shards_split_the_work_and_their_manifests_join() {
    let site = tree(&[("a.md", b"# A\n"), ("b.md", b"# B\n"), ("c.md", b"# C\n")]);
    let work = tempfile::tempdir().unwrap();
    let path = pages_backend(work.path());
    let mut manifests = Vec::new();
    for (i, shard) in ["1/2", "2/2", "site"].iter().enumerate() {
        let out = work.path().join(format!("shard{i}"));
        let args = ["build", site.path().to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "pages"];
        let output = run_with_path(&path, &[&args[..], &["--shard", shard]].concat());
        assert!(output.status.success(), "{}", stderr(&output));
        manifests.push(out.join("manifest.json").to_str().unwrap().to_string());
    }
    assert!(work.path().join("shard0/pages/a.txt").exists() && work.path().join("shard0/pages/c.txt").exists());
    assert!(work.path().join("shard1/pages/b.txt").exists() && !work.path().join("shard1/site.txt").exists());
    assert!(work.path().join("shard2/site.txt").exists() && !work.path().join("shard2/pages").exists());
    let merged = work.path().join("manifest.json");
    let mut args = vec!["merge-manifests", "-o", merged.to_str().unwrap()];
    args.extend(manifests.iter().map(String::as_str));
    assert!(run_with_path(&path, &args).status.success());
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&merged).unwrap()).unwrap();
    assert_eq!(json["outputs"].as_array().unwrap().len(), 4);
}

#[test]
fn init_writes_a_default_config_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(dir.path(), &["init", "."]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(dir.path().join("folio.toml")).unwrap().contains("[build]"));
    assert_eq!(folio(dir.path(), &["init", "."]).status.code(), Some(2));
}

#[test]
fn watch_rebuilds_when_a_page_changes() {
    let site = tree(&[("a.md", b"# A\n\nFirst.\n")]);
    // The output folder inside the content, with the decks' Markdown outlines in it: never read.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["watch", ".", "--format", "json,slides"])
        .current_dir(site.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let ir = site.path().join("out/ir.json");
    let wait_for = |text: &str| {
        // Generous: this waits for behaviour, it does not time folio.
        for _ in 0..300 {
            if std::fs::read_to_string(&ir).is_ok_and(|s| s.contains(text)) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    let first = wait_for("First.");
    std::fs::write(site.path().join("a.md"), "# A\n\nSecond.\n").unwrap();
    let second = wait_for("Second.");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(first, "the first build was written");
    assert!(second, "the change was rebuilt");
    let ir: serde_json::Value = serde_json::from_slice(&std::fs::read(&ir).unwrap()).unwrap();
    assert_eq!(ir["documents"].as_array().unwrap().len(), 1, "the outputs were not read back");
}

#[test]
fn progress_reports_each_format_and_every_output_written() {
    use folio::driver::{run, BuildOptions, Progress};
    use std::sync::Mutex;
    let site = tree(&[("a.md", b"# A\n\nText.\n" as &[u8]), ("b.md", b"# B\n\nMore.\n")]);
    let out = tempfile::tempdir().unwrap();
    let config = folio::config::Config::default();
    let events = Mutex::new(Vec::new());
    let record = |p: Progress| {
        let event = match p {
            Progress::Format(f) => format!("format {f}"),
            Progress::Wrote(path) => format!("wrote {path}"),
        };
        events.lock().unwrap().push(event);
    };
    let options = BuildOptions { progress: Some(&record), ..BuildOptions::default() };
    let report = run(site.path(), &config, &folio::backends::builtin(), out.path(), options).unwrap();
    let events = events.into_inner().unwrap();
    let formats: Vec<&String> = events.iter().filter(|e| e.starts_with("format ")).collect();
    // The JSON runs beside the others, so it may start at any point among them.
    let in_turn: Vec<&str> = formats.iter().map(|f| f.as_str()).filter(|f| *f != "format json").collect();
    assert_eq!(in_turn, ["format pdf", "format xlsx", "format slides", "format docx"]);
    assert_eq!(formats.iter().filter(|f| **f == "format json").count(), 1, "{formats:?}");
    let wrote = events.iter().filter(|e| e.starts_with("wrote ")).count();
    assert_eq!(wrote, report.outputs, "{events:?}");
    assert!(events.contains(&"wrote pdf/a.pdf".to_string()), "{events:?}");
}

#[test]
fn timings_name_every_part_of_a_build() {
    let out = tempfile::tempdir().unwrap();
    let result = build(&repo(), &repo().join("content"), out.path(), &["--force", "--timings"]);
    let err = stderr(&result);
    let line = err.lines().find(|l| l.starts_with("timings: ")).unwrap_or_else(|| panic!("{err}"));
    for part in ["checking inputs", "loading", "json", "pdf", "xlsx", "slides", "manifest"] {
        assert!(line.contains(&format!("{part} ")), "{part} in {line}");
    }
}

#[test]
fn a_build_outside_a_terminal_draws_no_progress_bar() {
    let out = tempfile::tempdir().unwrap();
    let result = build(&repo(), &repo().join("content"), out.path(), &["--force"]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(0), "{err}");
    assert!(err.contains("built:"), "the summary is there: {err}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "no bar control characters: {err:?}");
    // The bundled ladder builds cleanly: the summary is all there is to read.
    assert_eq!(err.lines().count(), 1, "nothing but the summary: {err}");
}

#[test]
fn the_manifest_is_the_same_however_the_content_folder_is_named() {
    let dir = tree(&[("site/a.md", b"# A\n\n[gone](missing.md)\n"), ("site/b.md", b"# B\n")]);
    let absolute = dir.path().join("site");
    let relative = build(dir.path(), Path::new("./site"), Path::new("one"), &["--format", "json"]);
    assert!(stderr(&relative).contains("./site/a.md:3:1"), "{}", stderr(&relative));
    build(dir.path(), &absolute, &dir.path().join("two"), &["--format", "json"]);
    let manifest = |out: &str| std::fs::read_to_string(dir.path().join(out).join("manifest.json")).unwrap();
    assert_eq!(manifest("one"), manifest("two"));
    assert!(manifest("one").contains("\"file\": \"a.md\""), "{}", manifest("one"));
    // An up-to-date build shows the warning again, with the file as this run names it.
    let cached = build(dir.path(), &absolute, Path::new("one"), &["--format", "json"]);
    let shown = format!("{}:3:1", absolute.join("a.md").display());
    assert!(stderr(&cached).starts_with(&format!("warning: {shown}")), "{}", stderr(&cached));
}

/// Two copies of a tree, their files made in opposite orders, so that a file system that lists
/// files in the order they were made (tmpfs) lists them differently, give the same bytes.
#[test]
fn the_order_files_were_created_in_does_not_change_a_byte() {
    let files: [(&str, &[u8]); 6] = [
        ("index.md", b"# Ladder\n\n[Senior](ic/senior.md) and [Lead](mgmt/lead.md).\n"),
        ("ic/index.md", b"# Individual contributors\n"),
        ("ic/engineer.md", b"---\norder: 1\n---\n# Engineer\n\n## Skills\n\n| Category | Skills |\n|---|---|\n| Code | Rust, tests |\n"),
        ("ic/senior.md", b"---\norder: 2\n---\n# Senior\n\n## Skills\n\n| Category | Skills |\n|---|---|\n| Code | Design |\n"),
        ("mgmt/lead.md", b"# Lead\n\nPeople first.[^1]\n\n[^1]: And code.\n"),
        ("mgmt/director.md", b"# Director\n\n- Strategy\n- Hiring\n"),
    ];
    let mut reversed = files;
    reversed.reverse();
    // tmpfs lists a folder's files in the order they were made; ext4 by a hash of their names.
    let shm = Path::new("/dev/shm");
    let made_in = |files: &[(&str, &[u8])]| {
        let dir = match shm.is_dir() {
            true => tempfile::tempdir_in(shm).unwrap(),
            false => tempfile::tempdir().unwrap(),
        };
        for (path, bytes) in files {
            std::fs::create_dir_all(dir.path().join(path).parent().unwrap()).unwrap();
            std::fs::write(dir.path().join(path), bytes).unwrap();
        }
        dir
    };
    let (first, second) = (made_in(&files), made_in(&reversed));
    let listed =
        |dir: &Path| -> Vec<_> { std::fs::read_dir(dir.join("ic")).unwrap().map(|e| e.unwrap().file_name()).collect() };
    if shm.is_dir() {
        assert_ne!(listed(first.path()), listed(second.path()), "the two copies list their files differently");
    }
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (site, out) in [(&first, &a), (&second, &b)] {
        let built = build(site.path(), site.path(), out.path(), &[]);
        assert!(built.status.success(), "{}", stderr(&built));
    }
    let (sa, sb) = (snapshot(a.path()), snapshot(b.path()));
    assert!(sa.iter().any(|(path, _)| path.ends_with(".pptx")) && sa.len() > 20, "all formats were built");
    assert_eq!(sa.iter().map(|f| &f.0).collect::<Vec<_>>(), sb.iter().map(|f| &f.0).collect::<Vec<_>>());
    for ((path, x), (_, y)) in sa.iter().zip(&sb) {
        assert!(x == y, "{path} differs");
    }
}
