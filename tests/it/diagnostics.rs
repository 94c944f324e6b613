//! Clean diagnostics: every one names an origin, control characters never reach the terminal
//! raw, `SOURCE_DATE_EPOCH` out of range is one warning, config errors point at line:column,
//! and unsafe link targets are dropped with a warning.

use crate::util::{folio, stderr, tree};
use std::path::Path;
use std::process::{Command, Output};

const GOOD: (&str, &[u8]) = ("good.md", b"# Good\n\n| Skill | Level |\n|---|---|\n| Rust | 3 |\n");

/// Runs folio in `dir` with `SOURCE_DATE_EPOCH` set to `epoch`.
fn folio_at(dir: &Path, epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .current_dir(dir)
        .output()
        .expect("folio runs")
}

#[test]
fn source_date_epoch_out_of_range_is_one_warning_and_no_date() {
    let dir = tree(&[GOOD]);
    for epoch in ["253402300800", "-86400", "soon"] {
        let run = folio_at(dir.path(), epoch, &["build", ".", "-o", "out", "--force"]);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(0), "{err}");
        let warning = format!(
            "warning: environment: SOURCE_DATE_EPOCH: `{epoch}` is not a whole number of seconds from 1970 to \
             9999-12-31; outputs carry no date from it"
        );
        assert_eq!(err.matches(&warning).count(), 1, "{err}");
        assert_eq!(creation_date(&dir.path().join("out/pdf/good.pdf")), None, "no date in the PDF");
    }
    let run = folio_at(dir.path(), "253402300799", &["build", ".", "-o", "out", "--force"]);
    assert!(!stderr(&run).contains("SOURCE_DATE_EPOCH"), "the last second of 9999 is a date");
    assert_eq!(creation_date(&dir.path().join("out/pdf/good.pdf")).as_deref(), Some("D:99991231235959Z"));
}

/// The `CreationDate` of the PDF at `path`.
fn creation_date(path: &Path) -> Option<String> {
    let pdf = lopdf::Document::load(path).unwrap();
    let info = pdf.trailer.get(b"Info").and_then(|i| pdf.dereference(i)).ok()?.1.as_dict().ok()?.clone();
    let date = info.get(b"CreationDate").ok()?.as_str().ok()?;
    Some(String::from_utf8_lossy(date).into_owned())
}

#[test]
fn a_name_with_control_characters_is_printed_escaped() {
    let dir = tree(&[GOOD, ("bad\x1b[31mred\nname.md", b"# T\n\n![x](missing.png)\n")]);
    let run = folio(dir.path(), &["check", "."]);
    let err = stderr(&run);
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "no raw control character: {err:?}");
    let line = err.lines().find(|l| l.contains("missing")).expect("the warning");
    assert!(line.starts_with("warning: bad\\u{1b}[31mred\\nname.md:3:1: image `missing.png`"), "{line}");
}

#[test]
fn config_errors_point_at_line_and_column_in_folio_toml() {
    let cases: [(&str, &str); 5] = [
        (
            "[site]\ntitle = 5\n",
            "folio.toml:2:9: invalid configuration: [site] title: invalid type: integer `5`, expected a string",
        ),
        (
            "[site]\ntitle = \"T\"\n\n[pdf]\n# paper\n\npaper = \"a9\"\n",
            "folio.toml:7:9: invalid configuration: [pdf] paper: unknown variant `a9`",
        ),
        (
            "[xlsx]\nsite_table_sheets = \"x\"\n",
            "folio.toml:2:21: invalid configuration: [xlsx] site_table_sheets: invalid type: string \"x\"",
        ),
        (
            "[pdf]\nmargins = 100\n",
            "folio.toml:2:11: invalid configuration: [pdf] margins: 100 is not between 5 and 60",
        ),
        (
            "[slides]\nheading_level = 9\n",
            "folio.toml:2:17: invalid configuration: [slides] heading_level: must be 1 to 6",
        ),
    ];
    for (toml, expected) in cases {
        let dir = tree(&[GOOD, ("folio.toml", toml.as_bytes())]);
        let run = folio(dir.path(), &["build", ".", "-o", "out"]);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{toml}: {err}");
        assert!(err.starts_with(&format!("error: ./{expected}")), "{toml}: {err}");
    }
}

#[test]
fn unknown_sections_and_keys_name_the_closest_known_one_and_a_bad_colour_fails_any_build() {
    let cases = [
        ("[site]\ntitle = \"T\"\n\n[pdff]\npaper = \"a4\"\n", "folio.toml:4:2: invalid configuration: unknown section [pdff]; did you mean [pdf]?"),
        ("[pdf]\npaper = \"a4\"\n  acent = \"#aa0000\"\n", "folio.toml:3:3: invalid configuration: [pdf] unknown key `acent`; did you mean `accent`?"),
        ("[site]\ntitel = \"T\"\n", "folio.toml:2:1: invalid configuration: [site] unknown key `titel`; did you mean `title`?"),
        ("[wordcount]\nx = 1\n", "folio.toml:1:2: invalid configuration: unknown section [wordcount]; known: [site], [build], [fonts], [json], [pdf], [xlsx], [slides]"),
        ("[json]\npretty = true\n", "folio.toml:2:1: invalid configuration: [json] unknown key `pretty`; there are none"),
        (
            "[build]\nallow_schemes = [\"file\", \"javascrip\"]\n",
            "folio.toml:2:17: invalid configuration: [build] allow_schemes: `javascrip` is not a scheme folio drops; did you mean `javascript`?",
        ),
        // Only PDFs are built, and the slides' accent is still read, and refused.
        ("[slides]\naccent = \"blue\"\n", "folio.toml:2:10: invalid configuration: [slides] accent: \"blue\" is not an RGB colour"),
    ];
    for (toml, expected) in cases {
        let dir = tree(&[GOOD, ("folio.toml", toml.as_bytes())]);
        let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{toml}: {err}");
        assert!(err.starts_with(&format!("error: ./{expected}")), "{toml}: {err}");
    }
    // An external backend's section is read when the format is asked for.
    let dir = tree(&[GOOD, ("folio.toml", b"[wordcount]\nx = 1\n")]);
    let run = folio(dir.path(), &["check", "."]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let dir = tree(&[GOOD, ("folio.toml", b"[build]\nformats = [\"wordcount\"]\n[wordcount]\nx = 1\n")]);
    let run = folio(dir.path(), &["check", "."]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

/// The link targets of the PDF at `path`.
fn link_targets(path: &Path) -> Vec<String> {
    let pdf = lopdf::Document::load(path).unwrap();
    crate::pdf::link_actions(&pdf).into_iter().map(|(_, target)| target).collect()
}

#[test]
fn links_that_run_code_or_read_files_are_dropped_for_their_text_unless_allowed() {
    let page = b"# Links\n\nSee [the run](javascript:alert(1)) and <file:///etc/passwd>.\n\n\
                 A [blob](data:text/html,hi), [Mixed](JavaScript:x) and [the web](https://example.com).\n";
    let dir = tree(&[GOOD, ("p.md", page as &[u8])]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    for (place, target, scheme) in [
        ("3:5", "javascript:alert(1)", "javascript"),
        ("3:40", "file:///etc/passwd", "file"),
        ("5:3", "data:text/html,hi", "data"),
        ("5:30", "JavaScript:x", "javascript"),
    ] {
        let warning = format!(
            "warning: p.md:{place}: link to `{target}` dropped, its text kept: a `{scheme}:` link can run code or \
             read the reader's files"
        );
        assert!(err.contains(&warning), "{warning}\n{err}");
    }
    let pdf = dir.path().join("out/pdf/p.pdf");
    assert_eq!(link_targets(&pdf), ["https://example.com"]);
    let text = crate::pdf::page_text(&lopdf::Document::load(&pdf).unwrap());
    for kept in ["the run", "file:///etc/passwd", "blob", "Mixed"] {
        assert!(text.contains(kept), "{kept} in {text}");
    }
    std::fs::write(dir.path().join("folio.toml"), "[build]\nallow_schemes = [\"file\"]\n").unwrap();
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    let err = stderr(&run);
    assert!(!err.contains("`file:///etc/passwd` dropped") && err.contains("`javascript:alert(1)` dropped"), "{err}");
    assert_eq!(link_targets(&pdf), ["file:///etc/passwd", "https://example.com"]);
}
