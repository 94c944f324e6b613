//! Raw HTML in pages: read into IR nodes where it maps, its text kept where it does not, one
//! warning a page, comments silent.

use crate::util::{load, tree};
use folio::ir::{plain_text, Block, BlockKind, CalloutKind, Inline, LinkTarget};

const PAGE: &str = r#"# T

<div align="center">
  <img src="logo.png" alt="Logo" title="The logo"> <b>Bold</b> and <a href="other.md">the other page</a>
</div>

Press <kbd>Ctrl</kbd>+<code>C</code>, x<sup>2</sup>, <em>em</em>, <i>i</i>, <strong>s</strong> and <del>gone</del><br>next.

<details>
<summary>More <b>info</b></summary>

Hidden **markdown** here.

</details>

<table>
  <thead><tr><th>A</th><th>B</th></tr></thead>
  <tbody>
    <tr><td>1</td><td><i>2</i></td></tr>
  </tbody>
</table>

<!-- notes: secret -->
<center>Centred</center>

<marquee>Old</marquee> and <blink>new</blink>
"#;

fn page_blocks(files: &[(&str, &[u8])]) -> (Vec<Block>, Vec<String>) {
    let dir = tree(files);
    let loaded = load(dir.path());
    let doc = loaded.collection.documents.iter().find(|d| d.id == "a").expect("a.md loads");
    (doc.body().blocks, loaded.diagnostics.iter().map(|d| d.to_string()).collect())
}

fn inlines(block: &Block) -> &[Inline] {
    match &block.kind {
        BlockKind::Paragraph { content } => content,
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn html_that_maps_becomes_ir_nodes() {
    let (blocks, diagnostics) = page_blocks(&[("a.md", PAGE.as_bytes()), ("other.md", b"# Other\n")]);
    let first = inlines(&blocks[0]);
    let Inline::Image(image) = &first[0] else { panic!("{first:?}") };
    assert_eq!((image.src.as_str(), image.alt.as_str(), image.title.as_str()), ("logo.png", "Logo", "The logo"));
    assert!(matches!(&first[2], Inline::Strong { content } if plain_text(content) == "Bold"));
    let Inline::Link(link) = &first[4] else { panic!("{first:?}") };
    assert!(matches!(&link.target, LinkTarget::Internal { doc, .. } if doc == "other"), "{:?}", link.target);

    let second = inlines(&blocks[1]);
    let kinds: Vec<&str> = second
        .iter()
        .map(|i| match i {
            Inline::Code { .. } => "code",
            Inline::Emph { .. } => "emph",
            Inline::Strong { .. } => "strong",
            Inline::Strike { .. } => "strike",
            Inline::HardBreak => "break",
            Inline::Text { .. } => "text",
            _ => "other",
        })
        .collect();
    let expected = ["text", "code", "text", "code", "text", "emph", "text", "emph", "text", "strong", "text", "strike"];
    assert_eq!(kinds[..12], expected);
    assert_eq!(kinds[12..], ["break", "text"]);
    assert_eq!(plain_text(second), "Press Ctrl+C, x2, em, i, s and gone next.", "<sup> keeps its text");

    let BlockKind::Callout { kind: CalloutKind::Note, title: Some(title), blocks: inner } = &blocks[2].kind else {
        panic!("{:?}", blocks[2])
    };
    assert_eq!(plain_text(title), "More info");
    assert_eq!(plain_text(inlines(&inner[0])), "Hidden markdown here.");

    let BlockKind::Table { head, rows, .. } = &blocks[3].kind else { panic!("{:?}", blocks[3]) };
    assert_eq!(head.iter().map(|c| plain_text(c)).collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(rows[0].iter().map(|c| plain_text(c)).collect::<Vec<_>>(), ["1", "2"]);

    let notes = BlockKind::Raw { format: "notes".into(), text: "secret".into() };
    assert_eq!(blocks[4].kind, notes, "a notes comment is kept for the slides' speaker notes");
    assert_eq!(plain_text(inlines(&blocks[5])), "Centred", "the comment left nothing else");
    assert_eq!(plain_text(inlines(&blocks[6])), "Old and new", "unknown markup keeps its text");
    assert_eq!(blocks.len(), 7);
    let warnings: Vec<&String> = diagnostics.iter().filter(|d| d.contains("markup")).collect();
    assert_eq!(warnings.len(), 1, "one warning a page: {diagnostics:?}");
    assert!(warnings[0].contains("a.md:26:1:") && warnings[0].contains("<marquee>"), "{}", warnings[0]);
}

#[test]
fn comments_stay_silent_and_invisible_but_notes_are_kept_for_slides() {
    let page = b"Text <!-- inline note --> more.\n\n<!-- notes: speaker notes\nover lines -->\n\n<!--\n{{ x }}\n-->\n";
    let (blocks, diagnostics) = page_blocks(&[("a.md", page)]);
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert_eq!(plain_text(inlines(&blocks[0])), "Text more.");
    assert_eq!(blocks[1].kind, BlockKind::Raw { format: "notes".into(), text: "speaker notes\nover lines".into() });
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn html_never_nests_deeper_than_the_limit_or_opens_what_it_cannot_close() {
    let page =
        format!("{}deep{}\n\n</details></table>\n\n<details>\n\ntail\n", "<b><a href=\"x\">".repeat(5000), "</b>");
    let (blocks, _) = page_blocks(&[("a.md", page.as_bytes())]);
    let json = serde_json::to_string(&blocks).unwrap();
    assert!(json.contains("deep") && json.contains("tail"));
    let callout = blocks.iter().find(|b| matches!(b.kind, BlockKind::Callout { .. })).expect("the open box");
    assert!(matches!(&callout.kind, BlockKind::Callout { blocks, .. } if blocks.len() == 1), "it runs to the end");
}

#[test]
fn a_box_opened_in_a_table_cell_keeps_its_text() {
    let page = b"<table><tr><td>cell <details><summary>Sum</summary>inside</details> after</td></tr></table>\n";
    let (blocks, _) = page_blocks(&[("a.md", page)]);
    let BlockKind::Table { rows, .. } = &blocks[0].kind else { panic!("{blocks:?}") };
    assert_eq!(plain_text(&rows[0][0]), "cell Sum inside after");
}

#[test]
fn cells_beside_a_cell_that_spans_rows_or_columns_keep_their_columns() {
    // As InfraCloud's ladder writes its "Broad Indicators": a label spanning the rows beside it.
    let page = b"<table>\n<tr><td rowspan=\"3\">Split</td><td>Core</td></tr>\n<tr><td>Management</td></tr>\n\
        <tr><td colspan=\"2\">Wide</td></tr>\n<tr><td>Tenure</td><td>Years</td></tr>\n</table>\n";
    let (blocks, diagnostics) = page_blocks(&[("a.md", page)]);
    let BlockKind::Table { head, rows, .. } = &blocks[0].kind else { panic!("{blocks:?}") };
    assert!(head.is_empty(), "no header row: {head:?}");
    let texts: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| plain_text(c)).collect()).collect();
    assert_eq!(texts, [vec!["Split", "Core"], vec!["", "Management"], vec!["", "Wide", ""], vec!["Tenure", "Years"]]);
    assert!(diagnostics.is_empty(), "nothing is dropped: {diagnostics:?}");
}

#[test]
fn a_span_styled_bold_or_italic_is_strong_or_emphasised() {
    let page = b"<span style=\"font-weight:bold\">Core</span>: half, <span style=\"font-style: italic\">mostly</span>, \
        <b>all <span title=\"t\">of</span> it</b> and <span style=\"FONT-WEIGHT: 700\">more</span> <span>plain</span>\n";
    let (blocks, diagnostics) = page_blocks(&[("a.md", page)]);
    let styled: Vec<(&str, String)> = inlines(&blocks[0])
        .iter()
        .filter_map(|inline| match inline {
            Inline::Strong { content } => Some(("strong", plain_text(content))),
            Inline::Emph { content } => Some(("emph", plain_text(content))),
            _ => None,
        })
        .collect();
    let expected = [("strong", "Core"), ("emph", "mostly"), ("strong", "all of it"), ("strong", "more")];
    assert_eq!(styled, expected.map(|(k, t)| (k, t.to_string())));
    assert_eq!(plain_text(inlines(&blocks[0])), "Core: half, mostly, all of it and more plain");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn an_html_cell_written_over_indented_lines_has_no_white_space_at_its_edges() {
    let page = b"<table>\n<tr>\n<td>\n\t  Tenure in this role <br>\n\t  <i>(not exact)</i>\n\t</td>\n<td>~2 years</td>\n</tr>\n</table>\n";
    let (blocks, _) = page_blocks(&[("a.md", page)]);
    let BlockKind::Table { rows, .. } = &blocks[0].kind else { panic!("{blocks:?}") };
    let cell = &rows[0][0];
    assert!(matches!(&cell[0], Inline::Text { text } if text == "Tenure in this role"), "{cell:?}");
    assert!(matches!(cell[1], Inline::HardBreak), "{cell:?}");
    assert!(matches!(&cell[2], Inline::Emph { content } if plain_text(content) == "(not exact)"), "{cell:?}");
    assert_eq!(cell.len(), 3, "{cell:?}");
}

#[test]
fn html_headings_and_pre_become_headings_and_code() {
    let page = b"<h1 align=\"center\">My <b>Project</b></h1>\n\n<h3 id=\"use\">Use</h3>\n\n<pre>\nline 1\n    indented <b>bold</b>\n</pre>\n";
    let dir = tree(&[("a.md", page)]);
    let loaded = load(dir.path());
    let doc = &loaded.collection.documents[0];
    assert_eq!(doc.title, "My Project", "a leading <h1> is the title, as a Markdown one is");
    let blocks = doc.body().blocks;
    assert!(matches!(&blocks[0].kind, BlockKind::Heading { level: 3, id, .. } if id == "use"), "{blocks:?}");
    assert!(matches!(&blocks[1].kind, BlockKind::CodeBlock { text, .. } if text == "line 1\n    indented bold\n"));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

#[test]
fn html_lists_and_quotes_become_lists_and_quotes() {
    let page = b"<ol start=\"3\">\n  <li>Three <b>b</b></li>\n  <li>Four<ul><li>inner</li></ul></li>\n</ol>\n\n<blockquote>\n\n**md** quoted\n\n</blockquote>\n";
    let (blocks, diagnostics) = page_blocks(&[("a.md", page)]);
    let BlockKind::List { start: Some(3), items, .. } = &blocks[0].kind else { panic!("{blocks:?}") };
    assert_eq!(plain_text(inlines(&items[0].blocks[0])), "Three b");
    assert!(matches!(&items[1].blocks[1].kind, BlockKind::List { start: None, items, .. } if items.len() == 1));
    let BlockKind::Quote { blocks: quoted } = &blocks[1].kind else { panic!("{blocks:?}") };
    assert_eq!(plain_text(inlines(&quoted[0])), "md quoted");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}
