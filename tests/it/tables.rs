//! Tables across pages and in narrow columns, read from the layout: a table that fits a page is
//! never split, a longer one leaves at least three body rows on either side of a break, rows of
//! equal content are equally tall (an empty cell adds nothing), no number or code (nor a short
//! word, where they fit) is broken across lines without a hyphen, and every rule between rows is
//! drawn whole; the same over every guide and deck of content/, the seed and the corpus.

use crate::util::{load, real_trees, tree};
use folio::backends::slides::Item as SlideItem;
use folio::backends::slides::{deck_pages, document_deck};
use folio::highlight::DEFAULT_THEME;
use folio::ir::walk::query_blocks;
use folio::ir::{plain_text, Block, BlockKind, Document};
use folio::layout::{Item, Laid, Rgb, Role, Tag, Tree};
use folio::testing::{layout_guide, snapshot, PdfTheme};
use std::collections::BTreeMap;

/// The accent of the decks laid out here.
const ACCENT: Rgb = Rgb(0.1, 0.3, 0.6);

/// The fewest body rows on either side of a break, and the longest token never broken.
const ALONE: usize = 3;
const KEEP: usize = 12;

/// The nearest node of `tag` and its ancestors (itself included) whose role passes `is`.
fn up(tree: &Tree, mut tag: Tag, is: impl Fn(&Role) -> bool) -> Option<Tag> {
    loop {
        let node = tree.node(tag)?;
        if is(&node.role) {
            return Some(tag);
        }
        tag = node.parent?;
    }
}

/// What a laid-out table shows: the pages of each body row (in order), and each cell's lines of
/// text as (page, baseline, text).
#[derive(Default)]
struct Shown {
    rows: BTreeMap<usize, Vec<usize>>,
    cells: BTreeMap<usize, BTreeMap<(usize, i64), String>>,
}

/// The tables of a layout, by their node.
fn tables(laid: &Laid) -> BTreeMap<usize, Shown> {
    let tree = &laid.tree;
    let mut found: BTreeMap<usize, Shown> = BTreeMap::new();
    for (p, page) in laid.pages.iter().enumerate() {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let Some(cell) = up(tree, run.tag, |r| matches!(r, Role::TD | Role::TH)) else { continue };
            let table = up(tree, cell, |r| *r == Role::Table).expect("a cell is in a table");
            let shown = found.entry(table.index().unwrap()).or_default();
            let line = shown.cells.entry(cell.index().unwrap()).or_default();
            line.entry((p, (run.y * 10.0).round() as i64)).or_default().push_str(&run.text);
            if up(tree, cell, |r| *r == Role::TBody).is_some() {
                let row = up(tree, cell, |r| *r == Role::TR).unwrap().index().unwrap();
                let pages = shown.rows.entry(row).or_default();
                if !pages.contains(&p) {
                    pages.push(p);
                }
            }
        }
    }
    found
}

/// Checks a layout's tables: `fits` tells whether a table of so many body rows fits a page (a
/// split one must not), and at least [`ALONE`] rows stand on either side of every break of a
/// table with rows enough; no line of a cell ends inside a token of [`KEEP`] characters or less
/// that the page writes unbroken (`written`: a line break in a cell may end one line with a
/// word and start the next with a number, "projects" then "3.").
fn assert_rules(what: &str, written: &str, laid: &Laid) {
    for shown in tables(laid).values() {
        let mut per_page: BTreeMap<usize, usize> = BTreeMap::new();
        for pages in shown.rows.values() {
            *per_page.entry(pages[0]).or_default() += 1;
        }
        let split_row = shown.rows.values().any(|pages| pages.len() > 1);
        if per_page.len() > 1 && !split_row {
            let counts: Vec<usize> = per_page.values().copied().collect();
            assert!(shown.rows.len() >= 2 * ALONE, "{what}: a short table is split {counts:?}");
            assert!(counts.iter().all(|&n| n >= ALONE), "{what}: rows alone across a break {counts:?}");
        }
        for lines in shown.cells.values() {
            let lines: Vec<&String> = lines.values().collect();
            for pair in lines.windows(2) {
                let (before, after) = (pair[0].as_str(), pair[1].as_str());
                let (end, start) = (before.chars().last(), after.chars().next());
                if end.is_some_and(char::is_alphanumeric) && start.is_some_and(char::is_alphanumeric) {
                    let token =
                        format!("{}{}", before.rsplit(' ').next().unwrap_or(""), after.split(' ').next().unwrap_or(""));
                    let broken = written.contains(&token) && token.chars().count() <= KEEP;
                    assert!(!broken, "{what}: {token:?} is broken as {before:?} / {after:?}");
                }
            }
        }
    }
}

fn guide(page: &str) -> Laid {
    let dir = tree(&[("t.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("t.md"));
    layout_guide(&loaded.collection.documents[0], &loaded.collection, &PdfTheme::default(), &Default::default())
}

/// A page of `lines` short paragraphs, then a table of `rows` body rows.
fn page_with_table(lines: usize, rows: usize) -> String {
    let mut page = String::from("# T\n\n");
    for i in 0..lines {
        page.push_str(&format!("Line {i} of the text before the table.\n\n"));
    }
    page.push_str("| # | Name | Notes |\n|---|---|---|\n");
    for i in 1..=rows {
        page.push_str(&format!("| {i} | Row {i} | A few words that say what the row holds |\n"));
    }
    page
}

#[test]
fn a_table_that_fits_a_page_moves_whole_and_a_long_one_leaves_three_rows_on_either_side() {
    for lines in (20..34).step_by(2) {
        for rows in [4, 8, 30] {
            let laid = guide(&page_with_table(lines, rows));
            assert_rules(&format!("{lines} lines, {rows} rows"), &page_with_table(lines, rows), &laid);
            let shown = tables(&laid);
            let pages: Vec<usize> = shown.values().next().unwrap().rows.values().map(|p| p[0]).collect();
            if rows < 30 {
                assert!(pages.iter().all(|&p| p == pages[0]), "{lines} lines, {rows} rows: split {pages:?}");
            }
        }
    }
}

#[test]
fn rows_of_equal_content_are_equally_tall_even_with_an_empty_cell() {
    let page =
        "# T\n\n| A | B | C |\n|---|---|---|\n| x | y | z |\n|  | y | z |\n| x |  | z |\n| | | |\n| x | y | z |\n";
    let shown = snapshot(&guide(page).pages);
    // Each row ends in a thin rule across the table: the gaps between them are the rows' heights.
    let rules: Vec<f32> = shown
        .lines()
        .filter(|l| l.trim_start().starts_with("rule") && l.ends_with("w0.4"))
        .map(|l| l.split_whitespace().nth(1).unwrap().split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(rules.len(), 6, "a rule below the header and each of the five rows:\n{shown}");
    let heights: Vec<f32> = rules.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(heights.iter().all(|h| (h - heights[0]).abs() < 0.05), "even rows: {heights:?}");
    // Every rule is drawn whole: a row's fill starts below the rule above it (0.4 pt wide).
    let fills = shown.lines().filter(|l| l.trim_start().starts_with("rect"));
    let tops: Vec<f32> =
        fills.map(|l| l.split_whitespace().nth(1).unwrap().split(',').nth(1).unwrap().parse().unwrap()).collect();
    assert!(tops.len() >= 3, "the header and two zebra rows are filled:\n{shown}");
    for top in tops {
        let covered = rules.iter().any(|&rule| top > rule - 0.2 && top < rule + 0.15);
        assert!(!covered, "a fill at {top} covers part of a rule at {rules:?}");
    }
}

#[test]
fn numbers_and_codes_are_never_broken_in_a_narrow_column_and_long_words_are_hyphenated() {
    let mut page = String::from("# T\n\n| # | Code |");
    for c in 0..12 {
        page.push_str(&format!(" Column {c} |"));
    }
    page.push_str("\n|---|---|");
    page.push_str(&"---|".repeat(12));
    page.push('\n');
    for i in [7, 12, 128, 2048] {
        page.push_str(&format!("| {i} | AB-{i} |"));
        page.push_str(&" long descriptive words describing responsibilities |".repeat(12));
        page.push('\n');
    }
    let dir = tree(&[("t.md", page.as_bytes())]);
    let loaded = load(dir.path());
    let deck = deck_pages(&document_deck(&loaded.collection.documents[0], 2), (ACCENT, DEFAULT_THEME), "t.md");
    assert_rules("a wide table on slides", &page, &deck);
    assert_eq!(tables(&deck).len(), 1, "the deck shows the table");
    let laid = guide(&page);
    assert_rules("a wide table", &page, &laid);
    let texts: Vec<String> = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| if let Item::Text(r) = i { Some(r.text.trim().to_string()) } else { None })
        .collect();
    for number in ["12", "128", "2048", "AB-2048"] {
        assert!(texts.iter().any(|t| t == number), "{number} is whole on a line: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.ends_with('-') && t.len() > 2), "a long word is hyphenated: {texts:?}");
}

/// The text of every table cell of `doc`, a line each, line breaks as spaces.
fn cells_written(doc: &Document) -> String {
    let mut written = String::new();
    query_blocks(&doc.body().blocks, &mut |block: &Block| {
        if let BlockKind::Table { head, rows, .. } = &block.kind {
            head.iter()
                .chain(rows.iter().flatten())
                .for_each(|cell| written.push_str(&format!("{}\n", plain_text(cell))));
        }
    });
    written
}

#[test]
fn every_table_of_content_the_seed_and_the_corpus_keeps_the_rules_in_guides_and_decks() {
    let folders = real_trees();
    let mut checked = 0;
    for folder in folders {
        let loaded = load(&folder);
        let collection = &loaded.collection;
        for doc in &collection.documents {
            let written = cells_written(doc);
            let laid = layout_guide(doc, collection, &PdfTheme::default(), &Default::default());
            assert_rules(&doc.source, &written, &laid);
            checked += tables(&laid).len();
            let deck = deck_pages(&document_deck(doc, 2), (ACCENT, DEFAULT_THEME), &doc.source);
            assert_rules(&format!("{} (deck)", doc.source), &written, &deck);
        }
    }
    assert!(checked > 50, "tables of every guide were looked at: {checked}");
}

#[test]
fn a_deck_splits_a_long_table_with_three_rows_or_more_on_every_slide() {
    for rows in [7, 9, 13, 20, 31] {
        let mut page = String::from("# T\n\n## Table\n\n| # | Name |\n|---|---|\n");
        for i in 1..=rows {
            page.push_str(&format!("| {i} | Row {i} with a few words |\n"));
        }
        let dir = tree(&[("t.md", page.as_bytes())]);
        let loaded = load(dir.path());
        let deck = document_deck(&loaded.collection.documents[0], 2);
        let counts: Vec<usize> = deck
            .slides
            .iter()
            .flat_map(|s| &s.body)
            .filter_map(|i| if let SlideItem::Table(t) = i { Some(t.rows.len()) } else { None })
            .collect();
        assert_eq!(counts.iter().sum::<usize>(), rows);
        assert!(counts.iter().all(|&n| n >= ALONE), "{rows} rows as {counts:?}");
    }
}

#[test]
fn a_deck_row_with_an_empty_cell_is_as_tall_as_its_neighbours() {
    let page = "# T\n\n| A | B |\n|---|---|\n| x | y |\n|  | y |\n| x |  |\n";
    let dir = tree(&[("t.md", page.as_bytes())]);
    let loaded = load(dir.path());
    let deck = document_deck(&loaded.collection.documents[0], 2);
    let table = deck.slides.iter().flat_map(|s| &s.body).find_map(|i| match i {
        SlideItem::Table(t) => Some(t),
        _ => None,
    });
    let rows = &table.expect("a table").heights[1..];
    assert!(rows.iter().all(|h| (h - rows[0]).abs() < 0.05), "even rows: {rows:?}");
}
