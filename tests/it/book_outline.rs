//! The book's outline has a level per folder: a folder's chapters nest under a bookmark titled
//! as the folder (or under its index page's chapter), folders that hold every chapter add no
//! level, and the guides' outlines stay as they were. (A higher `order` comes first.)

use crate::pdf::outline_titles;
use crate::util::{folio, stderr, tree};
use std::path::Path;

/// The outline of the PDF at `path`, as (depth, title).
fn outline(path: &Path) -> Vec<(usize, String)> {
    outline_titles(&lopdf::Document::load(path).expect("the PDF reads back"))
}

#[test]
fn the_book_outline_has_a_level_per_folder() {
    let dir = tree(&[
        ("site/intro.md", b"---\norder: 3\n---\n# Intro\n\n## Start\n\nText.\n"),
        ("site/ic/index.yml", b"label: IC Track\norder: 2\n"),
        ("site/ic/engineer.md", b"---\norder: 2\n---\n# Engineer\n\n## Scope\n\nText.\n"),
        ("site/ic/senior.md", b"---\norder: 1\n---\n# Senior\n\nText.\n"),
        ("site/mgmt/README.md", b"---\norder: 1\n---\n# Management\n\nThe track.\n"),
        ("site/mgmt/manager.md", b"# Manager\n\n## Teams\n\nText.\n"),
    ]);
    let out = dir.path().join("out");
    let run = folio(dir.path(), &["build", ".", "-o", out.to_str().unwrap(), "-f", "pdf"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let book = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a book");
    let expected = [
        (0, "Contents"),
        (0, "Intro"),
        (1, "Start"),
        (0, "IC Track"),
        (1, "Engineer"),
        (2, "Scope"),
        (1, "Senior"),
        (0, "Management"),
        (1, "Manager"),
        (2, "Teams"),
    ];
    assert_eq!(outline(&book), expected.map(|(d, t)| (d, t.to_string())));
    let guide = outline(&out.join("pdf/site/ic/engineer.pdf"));
    assert_eq!(guide, [(0, "Engineer".to_string()), (1, "Scope".to_string())], "a guide keeps its own levels");
}
