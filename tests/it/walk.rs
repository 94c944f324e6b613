//! The one walk over the IR reaches every place a node can sit: images and links in callout
//! titles, in table cells inside lists inside quotes, and in footnotes are each found.

use crate::util::{folio, stderr, tree};

const PAGE: &str = "# Deep\n\n\
!!!warning ![logo](title.png) Careful\n\
Body.\n\
!!!\n\n\
> - | a | b |\n\
>   |---|---|\n\
>   | ![c](cell.png) | [x](nowhere.md) |\n\n\
Said[^1].\n\n\
[^1]: See ![f](note.png) and *[y](javascript:alert(1))*.\n";

#[test]
fn images_and_links_are_found_at_every_depth() {
    let dir = tree(&[("page.md", PAGE.as_bytes())]);
    let err = stderr(&folio(dir.path(), &["check", "."]));
    for (at, what) in [
        ("page.md:3:1:", "image `title.png`"),
        ("page.md:9:7", "image `cell.png`"),
        ("page.md:9:24", "link `nowhere.md`"),
        ("page.md:13:11", "image `note.png`"),
        ("page.md:13:31", "link to `javascript:alert(1)` dropped"),
    ] {
        assert!(err.lines().any(|l| l.contains(at) && l.contains(what)), "{what} at {at}:\n{err}");
    }
}
