//! The command line: exit codes and diagnostics as a user sees them.

use crate::util::{folio, repo, stderr, tree};

#[test]
fn broken_frontmatter_names_file_line_and_column() {
    let dir = tree(&[("good.md", b"# Good\n"), ("bad.md", b"---\ntitle: ok\norder: [1, 2\n---\n# Bad\n")]);
    let out = folio(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error: bad.md:"), "{err}");
    assert!(err.contains("invalid frontmatter"), "{err}");
}

#[test]
fn bad_bytes_are_errors_and_odd_line_ends_are_fine() {
    let dir = tree(&[
        ("latin1.md", b"# Caf\xe9\n"),
        ("bom.md", b"\xef\xbb\xbf---\r\norder: 3\r\n---\r\n# BOM\r\n\r\ntext\r\n"),
        ("cr.md", b"# CR\rline\r"),
        ("empty.md", b""),
    ]);
    let out = folio(dir.path(), &["check", "."]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: latin1.md:1:6: not valid UTF-8"), "{err}");
    assert!(err.contains("warning: empty.md: the page is empty"), "{err}");
    let ir = folio(dir.path(), &["ir", "bom.md"]);
    let json: serde_json::Value = serde_json::from_slice(&ir.stdout).unwrap();
    assert_eq!(json["documents"][0]["meta"]["order"], 3);
    assert_eq!(json["documents"][0]["title"], "BOM");
}

#[test]
fn unknown_frontmatter_keys_are_reported_only_when_asked() {
    let page = b"---\ntitle: Staff\ntitel: Staf\nicon: rocket\nsquad: platform\n---\n# Staff\n" as &[u8];
    let dir = tree(&[("staff.md", page)]);
    let quiet = folio(dir.path(), &["check", "."]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stderr(&quiet));
    assert!(!stderr(&quiet).contains("unknown frontmatter key"), "off by default");
    let asked = folio(dir.path(), &["check", ".", "--warn-unknown-keys"]);
    let err = stderr(&asked);
    assert_eq!(asked.status.code(), Some(0), "{err}");
    assert!(err.contains("warning: staff.md:3:1: unknown frontmatter key `titel` (did you mean `title`?)"), "{err}");
    assert!(err.contains("staff.md:5:1: unknown frontmatter key `squad`; kept"), "no near key, no hint: {err}");
    assert!(!err.contains("`icon`"), "a known key is not reported: {err}");
    let denied = folio(dir.path(), &["check", ".", "--warn-unknown-keys", "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1), "{}", stderr(&denied));
    let configured = tree(&[("folio.toml", b"[build]\nwarn_unknown_keys = true\n" as &[u8]), ("staff.md", page)]);
    let from_config = folio(configured.path(), &["check", "."]);
    assert!(stderr(&from_config).contains("unknown frontmatter key `titel`"), "{}", stderr(&from_config));
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let out = folio(&repo(), &["check", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/folder"));
}

#[test]
fn list_shows_the_ladder_in_order() {
    let out = folio(&repo(), &["list", "content"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let software = text.find("Software Engineer").unwrap();
    let principal = text.find("Principal Engineer").unwrap();
    let cto = text.find("Chief Technology Officer").unwrap();
    assert!(software < principal && principal < cto, "{text}");
}

#[test]
fn build_writes_the_ir_and_an_unknown_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    // A format named twice is made once.
    let out = folio(&repo(), &["build", "content", "-o", out_dir.to_str().unwrap(), "--format", "json,json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("built: 10 documents, 1 outputs"), "{}", stderr(&out));
    let ir: serde_json::Value = serde_json::from_slice(&std::fs::read(out_dir.join("ir.json")).unwrap()).unwrap();
    assert_eq!(ir["ir_version"], 1);
    assert_eq!(ir["documents"].as_array().unwrap().len(), 10);
    let out = folio(&repo(), &["build", "content", "-o", out_dir.to_str().unwrap(), "--format", "nosuchformat"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn an_unknown_format_runs_the_external_folio_program() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let script = bin.path().join("folio-count");
    // Reads the render context and answers with one file naming the documents it saw, and a
    // warning about no file in particular.
    std::fs::write(
        &script,
        "#!/usr/bin/env python3\nimport json, sys\nctx = json.load(sys.stdin)\n\
         ids = [d['id'] for d in ctx['collection']['documents']]\n\
         w = {'file': '', 'line': 0, 'column': 0, 'severity': 'warning', 'message': 'counted'}\n\
         print(json.dumps({'files': [{'path': 'count.txt', 'text': '%d %s' % (len(ids), ids[0])}], 'diagnostics': [w]}))\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out_dir = bin.path().join("out");
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", "content", "-o", out_dir.to_str().unwrap(), "--format", "count"])
        .current_dir(repo())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(out_dir.join("count.txt")).unwrap();
    assert_eq!(text, "10 career-ladder/overview");
    assert!(stderr(&out).contains("warning: program: folio-count: counted"), "{}", stderr(&out));
}
