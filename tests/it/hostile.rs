//! Hostile input: every page of an adversarial tree gets a diagnostic with its place and the
//! right exit code, the good pages still load, nothing panics, nothing outside the root is read.

use crate::util::{folio, load, stderr, tree};
use folio::diag::Severity;
use folio::ir::{BlockKind, Document};
use folio::layout::{Item, Page};
use folio::testing::{layout_guide, PdfTheme};

const GOOD: (&str, &[u8]) = ("good.md", b"# Good\n\nStill here.\n");

/// Loads `files` plus a good page; returns the diagnostics of `name` and the documents.
fn check(files: &[(&str, &[u8])], name: &str) -> (Vec<(Severity, u32, String)>, Vec<Document>) {
    let mut all = files.to_vec();
    all.push(GOOD);
    let dir = tree(&all);
    let loaded = load(dir.path());
    assert!(loaded.collection.documents.iter().any(|d| d.id == "good"), "the good page still loads");
    let diags = loaded
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with(name))
        .map(|d| (d.severity, d.line, d.message.clone()))
        .collect();
    (diags, loaded.collection.documents)
}

#[test]
fn broken_yaml_of_every_kind_is_an_error_at_its_line() {
    let cases: [(&[u8], u32, &str); 7] = [
        (b"---\ntitle: \"unclosed\norder: 1\n---\n# T\n", 2, ""),
        (b"---\ntitle: T\ntags:\n\t- a\n---\n# T\n", 4, "tabs"),
        (b"---\ntitle: a\ntitle: b\n---\n# T\n", 3, "duplicate"),
        (b"---\n- a\n- b\n---\n# T\n", 2, "a list"),
        (b"---\njust words\n---\n# T\n", 2, "a string"),
        (b"---\norder: [1, 2\n---\n# T\n", 2, ""),
        (
            b"---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n# Bomb\n",
            0,
            "too many values",
        ),
    ];
    for (bytes, line, words) in cases {
        let (diags, docs) = check(&[("bad.md", bytes)], "bad.md");
        let text = String::from_utf8_lossy(bytes);
        assert_eq!(diags.len(), 1, "{text}: {diags:?}");
        let (severity, at, message) = &diags[0];
        assert_eq!(*severity, Severity::Error, "{text}");
        assert!(line == 0 || *at >= line, "{text}: reported at line {at}");
        assert!(message.contains(words), "{text}: {message}");
        assert_eq!(docs.len(), 1, "the broken page is skipped");
    }
}

#[test]
fn deep_nesting_is_flattened_without_overflowing_the_stack() {
    let quotes = format!("# Q\n\n{} deep\n", ">".repeat(100_000));
    let lists = format!("# L\n\n{}x\n", "- ".repeat(100_000));
    let emphasis = format!("# E\n\n{}x{}\n", "*".repeat(50_000), "*".repeat(50_000));
    let mixed = format!("# M\n\n{}{}x\n", "> - ".repeat(200), "**_".repeat(100));
    let callouts = format!("# C\n\n{}x\n{}", "!!!note\n".repeat(100), "!!!\n".repeat(100));
    for (name, text) in
        [("q.md", &quotes), ("l.md", &lists), ("e.md", &emphasis), ("m.md", &mixed), ("c.md", &callouts)]
    {
        let (diags, docs) = check(&[(name, text.as_bytes())], name);
        assert!(diags.iter().any(|(s, _, m)| *s == Severity::Warning && m.contains("nested")), "{name}: {diags:?}");
        assert!(diags.iter().all(|(s, _, _)| *s == Severity::Warning), "{name}: {diags:?}");
        assert_eq!(docs.len(), 2);
        // The IR's JSON stays within what JSON readers accept (a fuzzing find: at 64 levels
        // serde_json refused to read it back), so an external backend can read it.
        let json = serde_json::to_string(&docs).unwrap();
        serde_json::from_str::<serde_json::Value>(&json).expect("the IR's JSON reads back");
    }
}

#[test]
fn wide_tables_long_words_control_and_rtl_text_load() {
    let wide = format!(
        "# W\n\n|{}|\n|{}|\n|{}|\n",
        (0..1000).map(|i| format!("c{i}")).collect::<Vec<_>>().join("|"),
        vec!["-"; 1000].join("|"),
        vec!["v"; 1000].join("|")
    );
    let word = format!("# Word\n\n{}\n", "x".repeat(10_000));
    let (_, docs) = check(
        &[
            ("wide.md", wide.as_bytes()),
            ("word.md", word.as_bytes()),
            ("ctrl.md", b"# C\x01\x1b[31m\n\ntext\x00here\n"),
            ("rtl.md", "# مرحبا\n\nשלום עולם\n".as_bytes()),
        ],
        "none",
    );
    let wide = docs.iter().find(|d| d.id == "wide").unwrap();
    assert!(matches!(&wide.body().blocks[0].kind, BlockKind::Table { head, .. } if head.len() == 1000));
    assert_eq!(docs.iter().find(|d| d.id == "rtl").unwrap().title, "مرحبا");
}

#[test]
fn encodings_and_line_ends() {
    let (diags, _) = check(&[("latin1.md", b"# Caf\xe9\n")], "latin1.md");
    assert_eq!(diags, [(Severity::Error, 1, "not valid UTF-8 (byte 0xE9); save the file as UTF-8".to_string())]);
    let (diags, docs) = check(&[("cr.md", b"---\rorder: 2\r---\r# Lone CR\r\rtext\r")], "cr.md");
    assert!(diags.is_empty(), "{diags:?}");
    let cr = docs.iter().find(|d| d.id == "cr").unwrap();
    assert_eq!((cr.title.as_str(), cr.meta.order), ("Lone CR", Some(2)));
    let (diags, docs) = check(&[("empty.md", b"")], "empty.md");
    assert_eq!(diags[0].0, Severity::Warning);
    assert_eq!(docs.len(), 1);
}

#[test]
fn two_pages_with_one_output_name_are_an_error() {
    let (diags, docs) = check(&[("a.md", b"# A\n"), ("a.markdown", b"# A again\n")], "a.md");
    assert_eq!(diags[0].0, Severity::Error, "{diags:?}");
    assert!(diags[0].2.contains("a.markdown"), "{diags:?}");
    assert_eq!(docs.len(), 2);
}

#[cfg(unix)]
#[test]
fn links_and_images_out_of_the_root_are_never_followed() {
    let outside = tree(&[("secret.md", b"# Secret\n"), ("secret.png", b"not an image")]);
    let dir =
        tree(&[GOOD, ("img.md", b"# Img\n\n![x](../../etc/passwd)\n![y](/etc/passwd)\n![z](https://example.com/z.png)\n\n[up](../../../etc/passwd)\n")]);
    std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("leak.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("outside")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("loop"), dir.path().join("loop")).unwrap();
    let loaded = load(dir.path());
    let ids: Vec<&str> = loaded.collection.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["good", "img"]);
    let messages: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(messages.iter().any(|m| m.contains("leak.md") && m.contains("out of the content folder")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("loop") && m.contains("cannot be followed")), "{messages:?}");
    let (assets, image_warnings) = folio::driver::load_assets(&loaded);
    assert!(assets.is_empty());
    assert_eq!(image_warnings.len(), 3, "{image_warnings:?}");
    assert!(image_warnings[2].message.contains("never fetches from the network"), "{image_warnings:?}");
    let out = folio(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", stderr(&out));
}

#[test]
fn a_page_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tree(&[GOOD]);
    let big = std::fs::File::create(dir.path().join("huge.md")).unwrap();
    // A sparse file: the loader must refuse it by its size, not by reading 65 MB.
    big.set_len(folio::parse::MAX_PAGE_BYTES + 1).unwrap();
    let loaded = load(dir.path());
    let diag = loaded.diagnostics.iter().find(|d| d.file.ends_with("huge.md")).expect("a diagnostic");
    assert!(diag.is_error() && diag.message.contains("over the limit"), "{diag}");
    assert_eq!(loaded.collection.documents.len(), 1);
}

#[test]
fn a_permalink_cannot_move_an_output_out_of_the_output_folder() {
    let site = tree(&[("p.md", b"---\npermalink: ../../../../tmp/escape\n---\n# P\n")]);
    let out = tempfile::tempdir().unwrap();
    let run = folio(site.path(), &["build", ".", "-o", out.path().to_str().unwrap(), "--format", "json,xlsx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    for output in manifest["outputs"].as_array().unwrap() {
        let path = output["path"].as_str().unwrap();
        assert!(!path.contains("..") && !path.starts_with('/'), "{path}");
        assert!(out.path().join(path).is_file(), "{path}");
    }
}

#[test]
fn an_output_that_cannot_be_written_is_a_clear_error_and_nothing_is_lost() {
    // Permissions do not stop root, so block the output with a folder of the same name instead.
    let site = tree(&[GOOD]);
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(out.path().join("ir.json")).unwrap();
    std::fs::write(out.path().join("ir.json/keep.txt"), "mine").unwrap();
    let run = folio(site.path(), &["build", ".", "-o", out.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("ir.json"), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(out.path().join("ir.json/keep.txt")).unwrap(), "mine");
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn pipes_named_like_pages_or_images_are_skipped_not_waited_on() {
    let dir = tree(&[GOOD, ("pic.md", b"# Pic\n\n![p](pipe.png)\n")]);
    for name in ["pipe.md", "pipe.png"] {
        let made = std::process::Command::new("mkfifo").arg(dir.path().join(name)).status().unwrap();
        assert!(made.success());
    }
    let root = dir.path().to_path_buf();
    let (send, receive) = std::sync::mpsc::channel();
    // Opening a pipe for reading waits for a writer: a loader that tried would never answer.
    std::thread::spawn(move || {
        let loaded = load(&root);
        let (assets, warnings) = folio::driver::load_assets(&loaded);
        let ids: Vec<String> = loaded.collection.documents.iter().map(|d| d.id.clone()).collect();
        let messages: Vec<String> = loaded.diagnostics.iter().chain(&warnings).map(|d| d.to_string()).collect();
        send.send((ids, messages, assets.len())).unwrap();
    });
    let (ids, messages, assets) =
        receive.recv_timeout(std::time::Duration::from_secs(60)).expect("loading does not wait on a pipe");
    assert_eq!(ids, ["good", "pic"]);
    assert!(messages.iter().any(|m| m.contains("pipe.md") && m.contains("not a regular file")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("pic.md") && m.contains("pipe.png")), "{messages:?}");
    assert_eq!(assets, 0);
}

#[test]
fn a_page_of_50_mb_loads_whole_beside_the_others() {
    // One long listing: the debug build's parser takes seconds on it, not minutes. `list` loads
    // the tree as every command does; `check` would lay out its 11,000 pages too.
    let line = "    let value = compute(input, 42); // a line of a very long listing\n";
    let mut page = String::from("# Big\n\n```rust\n");
    page.push_str(&line.repeat(50_000_000 / line.len()));
    page.push_str("```\n\nAfter the listing.\n");
    assert!(page.len() as u64 > 49_000_000 && (page.len() as u64) < folio::parse::MAX_PAGE_BYTES);
    let dir = tree(&[GOOD, ("big.md", page.as_bytes())]);
    drop(page);
    let out = folio(dir.path(), &["list", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("Big  (big.md)") && listed.contains("Good  (good.md)"), "{listed}");
}

#[cfg(unix)]
#[test]
fn a_format_name_cannot_run_a_program_from_the_content_tree() {
    use std::os::unix::fs::PermissionsExt;
    let site = tree(&[GOOD, ("folio.toml", b"[build]\nformats = [\"json\", \"tools/evil\"]\n")]);
    let script = site.path().join("folio-tools/evil");
    std::fs::create_dir_all(script.parent().unwrap()).unwrap();
    std::fs::write(&script, "#!/bin/sh\ntouch \"$(dirname \"$0\")/ran\"\necho '{}'\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = folio(site.path(), &["build", ".", "-o", "out"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("unknown format `tools/evil`"), "{}", stderr(&run));
    assert!(!site.path().join("folio-tools/ran").exists(), "the committed script ran");
}

/// The text of a guide's pages, a string a page.
fn guide_text(page: &str) -> Vec<String> {
    let dir = tree(&[("p.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("p.md"));
    let laid =
        layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default());
    crate::pdf::assert_inside("p.md", &laid.pages);
    let text = |p: &Page| -> String {
        let runs: Vec<&str> =
            p.items.iter().filter_map(|i| if let Item::Text(r) = i { Some(r.text.as_str()) } else { None }).collect();
        runs.join(" ")
    };
    laid.pages.iter().map(text).collect()
}

#[test]
fn form_feeds_are_white_space_not_line_breaks() {
    // A fuzzing find: this page is one heading of 2.6 KB, most of it form feeds. Each was a
    // forced line break, so its guide had 646 pages of blank lines and took 13 s to lay out.
    let page = String::from_utf8_lossy(include_bytes!("data/form-feeds.md")).into_owned();
    let pages = guide_text(&page);
    assert!(pages.len() < 30, "{} pages", pages.len());
    assert!(pages.iter().all(|p| !p.contains(['\x0c', '\x0b'])));
    let lines = guide_text("# Feeds\n\nalpha\x0c\x0c\x0c\x0cbeta \x0b  \t gamma\n");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("alpha beta gamma"), "one line, the white space collapsed: {:?}", lines[0]);
}

#[test]
fn a_heading_of_many_lines_flows_over_pages_in_order() {
    // Every line of a heading keeps with the next, so a very long one is a chain longer than
    // a page; it is cut where the page ends, every word kept in order.
    let words: Vec<String> = (0..6_000).map(|i| format!("w{i}")).collect();
    let pages = guide_text(&format!("# Long\n\n## {}\n\nAfter.\n", words.join(" ")));
    assert!(pages.len() > 5, "{} pages", pages.len());
    let read: Vec<&str> = pages.iter().flat_map(|p| p.split_whitespace()).filter(|w| w.starts_with('w')).collect();
    assert!(read.ends_with(&words.iter().map(String::as_str).collect::<Vec<_>>()), "every word, in order");
    assert!(pages.last().unwrap().contains("After."));
}

#[test]
fn a_table_cell_of_thousands_of_lines_starts_under_its_header_and_reads_back_whole() {
    // Each line of a cell once walked every span of the cell, and each page's cut rescanned the
    // rest of the row: a cell of 40,000 lines took 29 s. Now linear; here, the lines read back.
    let lines: Vec<String> = (0..8_000).map(|i| format!("l{i}")).collect();
    let page = format!("# Tall\n\n| head | other |\n|---|---|\n| {} | short |\n", lines.join("<br>"));
    let pages = guide_text(&page);
    assert!(pages[0].contains("head other l0 l1"), "the row starts on the first page: {:.80}", pages[0]);
    let read: Vec<&str> = pages.iter().flat_map(|p| p.split_whitespace()).filter(|w| w.starts_with('l')).collect();
    assert_eq!(read, lines, "every line of the cell, once, in order");
}

#[test]
fn a_table_of_thousands_of_rows_is_spread_over_slides_whole() {
    // Every slide's share of a long table once cloned the whole table (10,000 rows: 31 s).
    let rows: String = (0..5_000).map(|i| format!("| r{i} | v |\n")).collect();
    let dir = tree(&[("rows.md", format!("# Rows\n\n| a | b |\n|---|---|\n{rows}").as_bytes())]);
    let loaded = load(&dir.path().join("rows.md"));
    let deck = folio::backends::slides::document_deck(&loaded.collection.documents[0], 2);
    let names: Vec<String> = deck
        .slides
        .iter()
        .flat_map(|s| &s.body)
        .filter_map(|i| if let folio::backends::slides::Item::Table(t) = i { Some(t) } else { None })
        .flat_map(|t| t.rows.iter().map(|r| r[0][0].text.clone()))
        .collect();
    assert_eq!(names, (0..5_000).map(|i| format!("r{i}")).collect::<Vec<_>>());
}

#[test]
fn a_line_of_thousands_of_nodes_gives_columns_counted_in_characters() {
    // Each node's column was counted from the start of its line (quadratic on a long line).
    let line: String = (0..10_000).map(|i| format!("`é{i}` *é{i}* ")).collect();
    let page = format!("# T\n\n{line}[gone](missing.md)\n");
    let column = line.chars().count() as u32 + 1;
    let loaded = load(tree(&[("long.md", page.as_bytes())]).path());
    let link = loaded.diagnostics.iter().find(|d| d.message.contains("missing.md")).expect("a broken link warning");
    assert_eq!((link.line, link.column), (3, column));
}
