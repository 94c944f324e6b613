//! Pages by their short names: a table header naming a page's alias ("IC" for "Individual
//! Contributor (IC)", a `label`, a frontmatter `aliases`) or linking to it is that page's role,
//! and the site workbook keeps the source table's column order.

use crate::util::{folio, stderr, tree};
use calamine::{open_workbook, Data, Range, Reader, Xlsx};

const LEVELS: &str =
    "# Skills\n\n## Skill levels\n\n| Skill | IC | Manager | Dir | [VP](tracks/vp.md) |\n|---|---|---|---|---|\n\
| Coding | Expert | Proficient | Learning | None |\n| Hiring |  | Expert | Expert | Expert |\n";

/// Builds the workbook of a small Retype ladder whose levels table names roles by short names.
fn sheets() -> (Range<Data>, Range<Data>) {
    let dir = tree(&[
        ("retype.yml", b"branding:\n  title: Ladder\n" as &[u8]),
        ("tracks/ic.md", b"---\norder: 4\n---\n# Individual Contributor (IC)\n"),
        ("tracks/manager.md", b"---\norder: 3\nlabel: Manager\n---\n# Engineering Manager\n"),
        ("tracks/director.md", b"---\norder: 2\naliases: [Dir, /old/director/]\n---\n# Director\n"),
        ("tracks/vp.md", b"---\norder: 5\n---\n# Vice President\n"),
        ("skills.md", LEVELS.as_bytes()),
    ]);
    let out = dir.path().join("out");
    let run = folio(dir.path(), &["build", ".", "-o", out.to_str().unwrap(), "-f", "xlsx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut book: Xlsx<_> = open_workbook(out.join("ladder-skills.xlsx")).expect("the site workbook");
    (book.worksheet_range("Levels").unwrap(), book.worksheet_range("Skills").unwrap())
}

fn row(range: &Range<Data>, r: usize) -> Vec<String> {
    range.rows().nth(r).map(|cells| cells.iter().map(|c| c.to_string()).collect()).unwrap_or_default()
}

#[test]
fn short_names_in_a_header_are_the_pages_and_keep_their_columns() {
    let (levels, skills) = sheets();
    let header = row(&levels, 0);
    assert_eq!(header, ["Skill", "Individual Contributor (IC)", "Manager", "Director", "Vice President"]);
    assert_eq!(row(&skills, 0)[..3], ["Track", "Role", "Order"]);
    let ic = (1..skills.height()).map(|r| row(&skills, r)).find(|r| r[1] == "Individual Contributor (IC)");
    let ic = ic.expect("a Skills row of the IC");
    assert_eq!(ic[..3], ["Tracks", "Individual Contributor (IC)", "4"], "Track and Order filled");
}
