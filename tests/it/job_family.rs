//! Job families kept as YAML data (the FT's `data/job-families/*.yml`): read as a document each,
//! with the proficiency matrix, a section per level and every competency's words, in the PDF
//! as in the IR; other YAML passes unread, and a family that does not read says where.

use crate::pdf::page_text;
use crate::util::{folio, load, shared, stderr, tree};
use folio::ir::walk::query_blocks;
use folio::ir::{plain_text, Block, BlockKind, Document, Inline};

const FAMILY: &str = "name: Platform
summary: |
  Competencies for **platform** engineers.
levels:
  - id: junior
    name: Junior Engineer
  - id: senior
    name: Senior Engineer
themes:
  - id: delivery
    name: Delivery
    summary: Ships small changes often.
  - id: care
    name: Operational Care
competencies:
  - id: 1
    level: junior
    theme: delivery
    summary: Delivers well defined tasks.
    proficiency: Awareness
  - id: 2
    level: junior
    theme: care
    summary: |
      1. Watches the dashboards.

      2. Raises incidents early.
    proficiency: Foundational
  - id: 3
    level: senior
    theme: delivery
    summary: Plans the delivery of a quarter.
    proficiency: Working knowledge
    examples:
      - Splits an epic into weekly releases
    supportingUrls:
      - label: Release guide
        url: https://example.com/releases
  - id: 4
    level: staff
    theme: care
    summary: Leads the on-call rota.
";

/// The headings of a document, with their level.
fn headings(doc: &Document) -> Vec<(u8, String)> {
    let mut found = Vec::new();
    query_blocks(&doc.body().blocks, &mut |block: &Block| {
        if let BlockKind::Heading { level, content, .. } = &block.kind {
            found.push((*level, plain_text(content)));
        }
    });
    found
}

/// The tables of a document, as plain text cells, header first.
fn tables(doc: &Document) -> Vec<Vec<Vec<String>>> {
    let mut found = Vec::new();
    query_blocks(&doc.body().blocks, &mut |block: &Block| {
        if let BlockKind::Table { head, rows, .. } = &block.kind {
            let text = |row: &Vec<Vec<Inline>>| row.iter().map(|c| plain_text(c)).collect::<Vec<String>>();
            found.push(std::iter::once(text(head)).chain(rows.iter().map(text)).collect());
        }
    });
    found
}

#[test]
fn a_job_family_in_a_data_folder_is_a_document_of_its_levels_themes_and_competencies() {
    let dir = tree(&[("a.md", b"# A\n\nText.\n"), ("data/families/platform.yml", FAMILY.as_bytes())]);
    let loaded = load(dir.path());
    let doc =
        loaded.collection.documents.iter().find(|d| d.id == "data/families/platform").expect("the family is read");
    assert_eq!((doc.title.as_str(), doc.source.as_str()), ("Platform", "data/families/platform.yml"));
    let expected = [
        (2, "Themes"),
        (2, "Skills by level"),
        (2, "Junior Engineer"),
        (2, "Senior Engineer"),
        (3, "Delivery"),
        (2, "staff"),
    ];
    let expected: Vec<(u8, String)> = expected.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(headings(doc), expected, "a level without examples is a table; one with them a section per theme");

    let tables = tables(doc);
    assert_eq!(tables[0][0], ["Skill", "Junior Engineer", "Senior Engineer", "staff"]);
    assert_eq!(tables[0][1], ["Delivery", "Awareness", "Working knowledge", ""]);
    assert_eq!(tables[0][2], ["Operational Care", "Foundational", "", ""], "no proficiency, no cell");
    assert_eq!(tables[1][0], ["Theme", "Competency", "Proficiency"]);
    assert_eq!(tables[1][2][1], "1. Watches the dashboards. 2. Raises incidents early.", "a list, a line an item");

    let body = doc.body();
    let cells: Vec<&Vec<Inline>> = body
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table { rows, .. } if rows[0].len() == 3 => Some(&rows[1][1]),
            _ => None,
        })
        .collect();
    assert!(cells[0].contains(&Inline::HardBreak), "{:?}", cells[0]);
    let summary = match &body.blocks[0].kind {
        BlockKind::Paragraph { content } => content.clone(),
        other => panic!("{other:?}"),
    };
    assert!(summary.iter().any(|i| matches!(i, Inline::Strong { .. })), "the summary is Markdown: {summary:?}");

    let warning = loaded.diagnostics.iter().find(|d| d.message.contains("`staff`")).expect("an unlisted level warns");
    assert_eq!((warning.file.ends_with("platform.yml"), warning.line, warning.column), (true, 40, 12), "{warning:?}");
}

#[test]
fn every_competency_is_in_the_guide_with_its_examples_and_links() {
    let dir = tree(&[("data/platform.yaml", FAMILY.as_bytes())]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf", "--quiet"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let pdf = lopdf::Document::load(dir.path().join("out/pdf/data/platform.pdf")).expect("the guide is made");
    let text = page_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "Competencies for platform engineers.",
        "Ships small changes often.",
        "Delivers well defined tasks.",
        "Raises incidents early.",
        "Plans the delivery of a quarter.",
        "Proficiency: Working knowledge",
        "Splits an epic into weekly releases",
        "See also: Release guide",
        "Leads the on-call rota.",
    ] {
        assert!(text.contains(said), "the guide lacks {said:?}: {text}");
    }
}

#[test]
fn other_yaml_passes_unread_and_a_family_that_does_not_read_says_where() {
    let not_a_family = "contact:\n  slack: '#ladder'\nlevels: [a, b]\n";
    let outside = FAMILY;
    let broken = "levels:\n  - id: a\nthemes: []\ncompetencies:\n  - level: a\n    theme: [oops\n";
    let dir = tree(&[
        ("a.md", b"# A\n"),
        ("_data/contact.yml", not_a_family.as_bytes()),
        ("config/platform.yml", outside.as_bytes()),
        ("data/broken.yml", broken.as_bytes()),
    ]);
    let loaded = load(dir.path());
    let ids: Vec<&str> = loaded.collection.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a"], "only YAML in a data folder is read, and only a job family becomes a document");
    let said: Vec<(String, u32)> = loaded.diagnostics.iter().map(|d| (d.file.clone(), d.line)).collect();
    assert_eq!(said.len(), 1, "{:?}", loaded.diagnostics);
    assert!(said[0].0.ends_with("data/broken.yml") && said[0].1 >= 6, "{:?}", loaded.diagnostics);
    assert!(loaded.diagnostics[0].message.contains("does not read as a job family"), "{:?}", loaded.diagnostics);
}

#[test]
fn the_ft_job_families_keep_every_competency() {
    let root = shared().join("corpus/Financial-Times-engineering-progression");
    let loaded = load(&root);
    for name in ["engineering", "engineering-v1", "operations"] {
        let id = format!("data/job-families/{name}");
        let doc = loaded.collection.documents.iter().find(|d| d.id == id).expect("each family is a document");
        let mut text = String::new();
        query_blocks(&doc.body().blocks, &mut |block: &Block| match &block.kind {
            BlockKind::Paragraph { content } => text.push_str(&format!("{}\n", plain_text(content))),
            BlockKind::Table { rows, .. } => {
                rows.iter().flatten().for_each(|cell| text.push_str(&format!("{}\n", plain_text(cell))));
            }
            _ => {}
        });
        let yaml = std::fs::read_to_string(root.join(format!("{id}.yml"))).unwrap();
        let family: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        let competencies = family["competencies"].as_array().unwrap();
        assert!(competencies.len() >= 48, "{id}: {} competencies", competencies.len());
        let flat = |s: &str| {
            s.split_whitespace()
                .map(|w| w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
                .collect::<String>()
        };
        let shown = flat(&text);
        for competency in competencies {
            let summary = competency["summary"].as_str().unwrap();
            assert!(shown.contains(&flat(summary)), "{id} lacks {summary:?}");
            for example in competency["examples"].as_array().into_iter().flatten() {
                assert!(shown.contains(&flat(example.as_str().unwrap())), "{id} lacks the example {example}");
            }
        }
    }
}
