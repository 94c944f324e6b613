//! The PDF backend: layout snapshots and page-box checks, and PDFs read back with lopdf.

use crate::util::{load, tree};
use folio::layout::guide::layout_guide;
use folio::layout::snapshot::snapshot;
use folio::layout::PdfTheme;

const FIXTURE: &str = "---\nlabel: Demo\nbreadcrumb: true\n---\n# Demo page\n\nSome *emphasis*, **bold**, `code` and a [link](https://example.com) → ✓.\n\n## Lists\n\n- one\n- two\n  1. nested\n  2. list\n- [x] done\n\n> A quote.\n\n!!!warning Careful\nMind the gap.\n!!!\n\n```\nfn main() {}\n```\n\n| A | B |\n|---|---|\n| 1 | two words |\n\n---\n\nText with a note.[^n]\n\n[^n]: The note.\n";

#[test]
fn fixture_layout_snapshot() {
    let dir = tree(&[("demo.md", FIXTURE.as_bytes())]);
    let loaded = load(&dir.path().join("demo.md"));
    let laid = layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default());
    let text = snapshot(&laid.pages);
    assert_eq!(laid.pages.len(), 1, "{text}");
    assert!(text.contains("anchor 149.2 demo#lists outline 1 \"Lists\""), "{text}");
}
