//! `folio check` is a dry-run build: the same diagnostics (render-time ones too) and the same
//! exit code as `folio build`, and nothing written.

use crate::util::{folio, stderr, tree};

/// The diagnostic lines of a run, without its closing summary.
fn diagnostics(output: &std::process::Output) -> Vec<String> {
    let text = stderr(output);
    let lines = text.lines().filter(|l| l.contains("warning") || l.contains("error"));
    lines.filter(|l| !l.contains(" documents")).map(str::to_string).collect()
}

#[test]
fn check_and_build_agree_on_missing_glyphs_and_broken_images() {
    // System fonts off: the machine may have a face for 漢.
    let dir = tree(&[
        ("page.md", "# Page\n\nA glyph no font has: 漢.\n\n![a broken picture](bad.png)\n".as_bytes()),
        ("bad.png", b"\x89PNG\r\n\x1a\nnot really a picture"),
    ]);
    let before = crate::util::snapshot(dir.path());
    let check = folio(dir.path(), &["--no-system-fonts", "--deny-warnings", "check", "."]);
    assert_eq!(crate::util::snapshot(dir.path()), before, "check writes nothing");
    let build = folio(dir.path(), &["--no-system-fonts", "--deny-warnings", "build", ".", "-o", "out"]);
    let found = diagnostics(&check);
    assert!(found.iter().any(|l| l.contains("U+6F22")), "the missing glyph: {found:?}");
    assert!(found.iter().any(|l| l.contains("bad.png")), "the broken image: {found:?}");
    assert_eq!(found, diagnostics(&build));
    assert_eq!((check.status.code(), build.status.code()), (Some(1), Some(1)));
    let lenient = folio(dir.path(), &["--no-system-fonts", "check", "."]);
    assert_eq!(lenient.status.code(), Some(0), "warnings alone pass without --deny-warnings");
}
