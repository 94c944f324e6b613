//! Real documentation sites as they are written: the title from the generator's own
//! configuration, the dialects of MkDocs, Docusaurus, VitePress and mdBook, and their orders.

use crate::util::{folio, load, stderr, tree};
use folio::ir::{plain_text, Block, BlockKind, CalloutKind};

fn site_title(files: &[(&str, &[u8])], folder: &str) -> String {
    let dir = tree(files);
    load(&dir.path().join(folder)).collection.title
}

#[test]
fn the_site_title_comes_from_the_generator_configuration() {
    let page: (&str, &[u8]) = ("docs/a.md", b"# A\n");
    let cases: [(&str, &str, &str); 6] = [
        ("retype.yml", "branding:\n  title: Retype Ladder\n", "Retype Ladder"),
        ("mkdocs.yml", "site_name: MkDocs Site\nnav:\n  - a.md\n", "MkDocs Site"),
        ("hugo.toml", "baseURL = 'https://x.org/'\ntitle = 'Hugo Site'\n", "Hugo Site"),
        ("book.toml", "[book]\ntitle = \"The Book\"\n", "The Book"),
        ("docusaurus.config.js", "export default {\n  title: 'Docu Site',\n  tagline: 'x',\n};\n", "Docu Site"),
        ("docusaurus.config.ts", "const config: Config = {\n  title: \"TS Site\",\n};\n", "TS Site"),
    ];
    for (name, text, expected) in cases {
        let files = [page, (name, text.as_bytes())];
        assert_eq!(site_title(&files, "docs"), expected, "{name} in the folder above the pages");
        let files = [page, (&format!("docs/{name}") as &str, text.as_bytes())];
        assert_eq!(site_title(&files, "docs"), expected, "{name} in the content folder");
    }
    let configured =
        [page, ("retype.yml", b"branding:\n  title: Mine\n"), ("docs/folio.toml", b"[site]\ntitle = \"Set\"\n")];
    assert_eq!(site_title(&configured, "docs"), "Set", "folio.toml comes first");
}

#[test]
fn without_configuration_the_root_index_page_and_then_the_folder_name_title_the_site() {
    let labelled: [(&str, &[u8]); 2] =
        [("career-ladder/index.md", b"---\nlabel: Career Ladder\n---\nText\n"), ("career-ladder/a.md", b"# A\n")];
    assert_eq!(site_title(&labelled, "career-ladder"), "Career Ladder");
    let headed: [(&str, &[u8]); 1] = [("my-docs/README.md", b"# Handbook of Roles\n\nText\n")];
    assert_eq!(site_title(&headed, "my-docs"), "Handbook of Roles");
    let bare: [(&str, &[u8]); 1] = [("career-ladder/a.md", b"# A\n")];
    assert_eq!(site_title(&bare, "career-ladder"), "Career Ladder");
}

/// The callouts of a page: kind, title and the plain text of their first paragraph, in order.
fn callouts(page: &[u8]) -> Vec<(CalloutKind, String, String)> {
    let dir = tree(&[("page.md", page)]);
    let body = load(&dir.path().join("page.md")).collection.documents[0].body();
    let mut found = Vec::new();
    folio::ir::walk::query_blocks(&body.blocks, &mut |block: &Block| {
        if let BlockKind::Callout { kind, title, blocks } = &block.kind {
            let first = blocks.iter().find_map(|b| match &b.kind {
                BlockKind::Paragraph { content } => Some(plain_text(content)),
                _ => None,
            });
            found.push((*kind, title.as_deref().map(plain_text).unwrap_or_default(), first.unwrap_or_default()));
        }
    });
    found
}

/// Asserts that a page's callouts are `expected`: kind, title and first paragraph.
fn assert_callouts(page: &[u8], expected: &[(CalloutKind, &str, &str)]) {
    let found = callouts(page);
    let found: Vec<(CalloutKind, &str, &str)> = found.iter().map(|(k, t, b)| (*k, t.as_str(), b.as_str())).collect();
    assert_eq!(found, expected);
}

#[test]
fn mkdocs_admonitions_become_callouts() {
    let page = b"# P\n\n!!! warning \"Mind *this*\"\n    Body text.\n\n    !!! tip\n        Nested.\n\n???+ note \"Open\"\n    Shown.\n\nAfter.\n";
    let expected = [
        (CalloutKind::Warning, "Mind this", "Body text."),
        (CalloutKind::Tip, "", "Nested."),
        (CalloutKind::Note, "Open", "Shown."),
    ];
    assert_callouts(page, &expected);
}

#[test]
fn docusaurus_and_vitepress_containers_become_callouts() {
    let page = b"# P\n\n::::info Outer\nOuter text.\n\n:::danger[Inner]\nInner text.\n:::\n::::\n\n::: tip Vite\nTip text.\n:::\n";
    let expected = [
        (CalloutKind::Info, "Outer", "Outer text."),
        (CalloutKind::Danger, "Inner", "Inner text."),
        (CalloutKind::Tip, "Vite", "Tip text."),
    ];
    assert_callouts(page, &expected);
}

#[test]
fn hugo_theme_boxes_become_callouts() {
    // Docsy's alert, Relearn's notice, Book's hint and Hextra's details, on a Hugo page.
    let page = b"---\nweight: 1\n---\n# P\n\n{{% alert title=\"Mind this\" color=\"warning\" %}}\nAlert text.\n{{% /alert %}}\n\n\
                 {{% notice tip \"Try it\" %}}\nNotice text.\n{{% /notice %}}\n\n{{< hint danger >}}\nHint text.\n{{< /hint >}}\n\n\
                 {{% details title=\"More\" closed=\"true\" %}}\nHidden text.\n{{% /details %}}\n\nAfter.\n";
    let expected = [
        (CalloutKind::Warning, "Mind this", "Alert text."),
        (CalloutKind::Tip, "Try it", "Notice text."),
        (CalloutKind::Danger, "", "Hint text."),
        (CalloutKind::Note, "More", "Hidden text."),
    ];
    assert_callouts(page, &expected);
}

/// The ids of a tree's documents in reading order, with their labels.
fn reading_order(files: &[(&str, &[u8])], folder: &str) -> Vec<(String, String)> {
    let dir = tree(files);
    let loaded = load(&dir.path().join(folder));
    loaded.collection.documents.iter().map(|d| (d.id.clone(), d.label().to_string())).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn an_mdbook_summary_is_the_reading_order_and_not_a_chapter() {
    let files: [(&str, &[u8]); 6] = [
        ("book.toml", b"[book]\ntitle = \"Book\"\n"),
        ("src/SUMMARY.md", b"# Summary\n\n[Preface](./preface.md)\n\n- [Zeta first](zeta.md)\n  - [Nested](part/alpha.md)\n- [Beta](beta.md)\n"),
        ("src/preface.md", b"# Preface\n"),
        ("src/beta.md", b"# Beta\n"),
        ("src/zeta.md", b"# Zeta\n"),
        ("src/part/alpha.md", b"# Alpha\n"),
    ];
    let expected = [("preface", "Preface"), ("zeta", "Zeta first"), ("part/alpha", "Nested"), ("beta", "Beta")];
    assert_eq!(reading_order(&files, "src"), pairs(&expected));
}

#[test]
fn the_mkdocs_nav_gives_order_and_titles() {
    let files: [(&str, &[u8]); 5] = [
        ("mkdocs.yml", b"site_name: Docs\nnav:\n  - Home: index.md\n  - Guide:\n      - guide/z.md\n      - Start here: guide/a.md\n  - About: about.md\n"),
        ("docs/index.md", b"# Welcome\n"),
        ("docs/about.md", b"# About us\n"),
        ("docs/guide/a.md", b"# A page\n"),
        ("docs/guide/z.md", b"# Z page\n"),
    ];
    let expected = [("index", "Home"), ("guide/z", "Z page"), ("guide/a", "Start here"), ("about", "About")];
    assert_eq!(reading_order(&files, "docs"), pairs(&expected));
}

#[test]
fn docusaurus_positions_and_categories_order_the_tree() {
    let files: [(&str, &[u8]); 6] = [
        ("docs/intro.md", b"---\nsidebar_position: 1\n---\n# Intro\n"),
        ("docs/zz.md", b"---\nsidebar_position: 3\n---\n# Last\n"),
        ("docs/basics/_category_.json", b"{\"label\": \"The Basics\", \"position\": 2}"),
        ("docs/basics/b.md", b"---\nsidebar_position: 2\n---\n# B\n"),
        ("docs/basics/a.md", b"---\nsidebar_position: 1.5\n---\n# A\n"),
        ("docs/aa.md", b"# Unplaced\n"),
    ];
    let expected = [("intro", "Intro"), ("basics/a", "A"), ("basics/b", "B"), ("zz", "Last"), ("aa", "Unplaced")];
    assert_eq!(reading_order(&files, "docs"), pairs(&expected));
    let dir = tree(&files);
    let loaded = load(&dir.path().join("docs"));
    let basics = loaded.collection.folders.iter().find(|f| f.id == "basics").expect("the folder");
    assert_eq!(basics.title, "The Basics");
}

#[test]
fn bare_urls_www_addresses_and_emails_become_links_but_not_in_code_or_links() {
    let page = b"# P\n\nSee https://example.org/a, www.example.com and ask@example.net.\n\n`https://code.example` and [https://linked.example](https://other.example)\n\n    https://block.example\n";
    let dir = tree(&[("page.md", page)]);
    let body = load(&dir.path().join("page.md")).collection.documents[0].body();
    let mut links = Vec::new();
    folio::ir::walk::query_block_inlines(&body.blocks, &mut |inline| {
        if let folio::ir::Inline::Link(link) = inline {
            if let folio::ir::LinkTarget::External { url } = &link.target {
                links.push((plain_text(&link.content), url.clone()));
            }
        }
    });
    let expected = [
        ("https://example.org/a", "https://example.org/a"),
        ("www.example.com", "http://www.example.com"),
        ("ask@example.net", "mailto:ask@example.net"),
        ("https://linked.example", "https://other.example"),
    ];
    assert_eq!(links, expected.map(|(a, b)| (a.to_string(), b.to_string())));
}

/// A folder holding `guide.md` built into its `out` in `format`.
fn built(guide: &[u8], format: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tree(&[("guide.md", guide)]);
    let out = dir.path().join("out");
    let run = folio(dir.path(), &["build", ".", "-o", out.to_str().unwrap(), "-f", format]);
    assert!(run.status.success(), "{}", stderr(&run));
    (dir, out)
}

#[test]
fn a_leading_h1_keeps_its_link_and_code_in_the_title_shown() {
    let (dir, out) = built(b"# Guide to [Rust](https://www.rust-lang.org) and `cargo`\n\nBody.\n", "pdf");
    let pdf = lopdf::Document::load(out.join("pdf/guide.pdf")).expect("the guide reads back");
    let links = crate::pdf::link_actions(&pdf);
    assert!(links.contains(&("URI".to_string(), "https://www.rust-lang.org".to_string())), "{links:?}");
    let text = crate::pdf::page_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.starts_with("Guide to Rust and cargo Body."), "{text}");
    let loaded = load(dir.path());
    assert_eq!(loaded.collection.documents[0].title, "Guide to Rust and cargo");
}

#[test]
fn a_footnote_and_a_link_defined_after_a_callout_are_found_before_it_and_inside_it() {
    let page = b"# P\n\nA note[^n] and a [link][r].\n\n!!!warning Mind\nInside[^n] and [there][r].\n!!!\n\n[^n]: The note.\n\n[r]: https://example.org/r\n";
    let dir = tree(&[("page.md", page)]);
    let body = load(&dir.path().join("page.md")).collection.documents[0].body();
    let (mut notes, mut links) = (0, 0);
    folio::ir::walk::query_block_inlines(&body.blocks, &mut |inline: &folio::ir::Inline| match inline {
        folio::ir::Inline::FootnoteRef { label } if label == "n" => notes += 1,
        folio::ir::Inline::Link(link)
            if link.target == folio::ir::LinkTarget::External { url: "https://example.org/r".into() } =>
        {
            links += 1
        }
        _ => {}
    });
    assert_eq!((notes, links), (2, 2), "both references, before the callout and in it");
    let labels: Vec<&str> = body.footnotes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["n"], "one note, not a stub beside it");
    assert_eq!(
        plain_text(
            &body.footnotes[0]
                .blocks
                .iter()
                .find_map(|b| match &b.kind {
                    BlockKind::Paragraph { content } => Some(content.clone()),
                    _ => None,
                })
                .unwrap()
        ),
        "The note."
    );
}

#[test]
fn an_ambiguous_bangs_block_is_a_warning_naming_its_place_and_the_reading_taken() {
    let dir = tree(&[("page.md", b"# Page\n\n!!! warning\n    Mind the gap.\n!!!\n\nAfter.\n")]);
    let run = folio(dir.path(), &["check", "."]);
    assert!(run.status.success(), "a warning only: {}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("page.md:3:1: `!!! warning` is read as a Retype callout"), "{err}");
    let loaded = load(dir.path());
    let body = loaded.collection.documents[0].body();
    assert!(matches!(body.blocks[0].kind, BlockKind::Callout { .. }), "the Retype reading: {:?}", body.blocks);
}

#[test]
fn a_leading_h1_keeps_its_emphasis_code_and_link_on_the_title_slide() {
    let (_dir, out) = built(b"# Guide to [Rust](https://www.rust-lang.org) and *safe* `cargo`\n\nBody.\n", "slides");
    let marp = std::fs::read_to_string(out.join("slides/guide.md")).unwrap();
    assert!(marp.contains("\n# Guide to [Rust](<https://www.rust-lang.org>) and *safe* `cargo`\n"), "{marp}");
    let pptx = crate::ooxml::unzip(&std::fs::read(out.join("slides/guide.pptx")).unwrap());
    let slide = &pptx["ppt/slides/slide1.xml"];
    let title = &slide[..slide.find("Subtitle").unwrap_or(slide.len())];
    assert!(title.contains("hlinkClick") && title.contains(" i=\"1\""), "link and italics in the title: {title}");
    let pdf = lopdf::Document::load(out.join("slides/guide.pdf")).expect("the PDF deck reads back");
    let links = crate::pdf::link_actions(&pdf);
    assert!(links.contains(&("URI".to_string(), "https://www.rust-lang.org".to_string())), "{links:?}");
}

#[test]
fn jekyll_and_hugo_tags_naming_the_site_data_are_filled_in() {
    let page = b"---\nlayout: page\n---\n# FAQ\n\nAsk in [#{{ site.data.contact.slack.name }}]({{site.data.contact.slack.url}}) or {{ site.data.contact.nobody }}.\n";
    let hugo = b"---\nweight: 1\n---\n# Team\n\nLed by {{ .Site.Data.team.lead }}.\n";
    let dir = tree(&[
        ("site/_config.yml", b"title: Ladder\n"),
        ("site/_data/contact.yml", b"slack:\n  name: eng-ladder\n  url: https://example.slack.com/archives/1\n"),
        ("site/pages/faq.md", page),
        ("data/team.json", br#"{"lead": "Ada"}"#),
        ("team.md", hugo),
    ]);
    let loaded = load(dir.path());
    let text = |id: &str| {
        let doc = loaded.collection.documents.iter().find(|d| d.id == id).expect("the page loads");
        let mut text = String::new();
        folio::ir::walk::query_block_inlines(&doc.body().blocks, &mut |inline| match inline {
            folio::ir::Inline::Text { text: t } => text.push_str(t),
            folio::ir::Inline::Link(link) => text.push_str(&format!("<{:?}>", link.target)),
            _ => {}
        });
        text
    };
    let faq = text("site/pages/faq");
    assert!(faq.contains("#eng-ladder"), "{faq}");
    assert!(faq.contains("https://example.slack.com/archives/1"), "{faq}");
    assert_eq!(text("team"), "Led by Ada.");
    let unresolved: Vec<&str> = loaded.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        unresolved.len() == 1 && unresolved[0].contains("site.data.contact.nobody"),
        "a name the data lacks is still removed with a warning: {unresolved:?}"
    );
}

#[test]
fn an_mdx_page_is_read_without_its_javascript_and_its_tabs_keep_their_names() {
    // Docusaurus writes pages with components as MDX: imports, exports and comments are
    // JavaScript, and a tab's content is indented without being code.
    let page = "---\nsidebar_position: 1\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n\
                # Engineer\n\n{/* a note for editors */}\n\n<Tabs>\n  <TabItem value=\"ic\" label=\"Individual contributor\" default>\n\n\
                    Writes *code* every day.\n\n  </TabItem>\n</Tabs>\n\nexport const x = 1;\n\n:::tip Grow\nPair often.\n:::\n";
    let files: &[(&str, &[u8])] =
        &[("docusaurus.config.js", b"module.exports = { title: 'Ladder' };\n"), ("docs/engineer.mdx", page.as_bytes())];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let built = folio(dir.path(), &["build", ".", "-f", "pdf", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let pdf = lopdf::Document::load(out.path().join("pdf/docs/engineer.pdf")).expect("the MDX page has its guide");
    let text = crate::pdf::page_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for shown in ["Engineer", "Individual contributor", "Writes code every day.", "Grow", "Pair often."] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    for hidden in ["import", "@theme", "export", "a note for editors"] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
    let loaded = load(dir.path());
    let json = serde_json::to_string(&loaded.collection.documents[0].body().blocks).unwrap();
    assert!(!json.contains("code_block") && json.contains(r#""type":"emph""#), "the tab's text is Markdown: {json}");
}

#[test]
fn mdx_tags_over_lines_admonitions_and_front_matter_values_keep_their_words() {
    // Prettier breaks a long JSX tag over lines; Docusaurus pages use `<Admonition>` and
    // `{frontMatter.…}`. Before, a tab's name in a tag over lines was lost, its content became
    // code, and a tab after a list went into the list.
    let page = "---\ntitle: Staff Engineer\n---\n# {frontMatter.title}\n\n<Tabs\n  groupId=\"track\">\n  <TabItem\n    value=\"ic\"\n    \
                label=\"Individual contributor\">\n\n    Leads **technical** direction.\n\n    - Writes design docs\n\n  </TabItem>\n  \
                <TabItem value=\"mgr\" label=\"Manager\">Runs a team of teams.</TabItem>\n</Tabs>\n\n\
                <Admonition type=\"tip\" title=\"Calibration\">\n  Calibrated each half.\n</Admonition>\n";
    let files: &[(&str, &[u8])] = &[("docs/staff.mdx", page.as_bytes())];
    let (dir, out) = (tree(files), tempfile::tempdir().unwrap());
    let built = folio(dir.path(), &["build", ".", "-f", "pdf", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let pdf = lopdf::Document::load(out.path().join("pdf/docs/staff.pdf")).expect("the MDX page has its guide");
    let text = crate::pdf::page_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    let order = [
        "Staff Engineer",
        "Individual contributor",
        "Leads technical direction.",
        "Writes design docs",
        "Manager",
        "Runs a team of teams.",
        "Calibration",
        "Calibrated each half.",
    ];
    let at: Vec<usize> =
        order.iter().map(|shown| text.find(shown).unwrap_or_else(|| panic!("{shown} in {text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in order: {text}");
    assert!(!text.contains("frontMatter") && !text.contains("groupId"), "{text}");
    let loaded = load(dir.path());
    let blocks = serde_json::to_value(&loaded.collection.documents[0].body().blocks).unwrap();
    let kinds: Vec<&str> = blocks.as_array().unwrap().iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert!(!kinds.contains(&"code_block"), "the tab's text is Markdown: {kinds:?}");
    let list = blocks.as_array().unwrap().iter().find(|b| b["type"] == "list").expect("the tab's list");
    assert!(!list.to_string().contains("Runs a team"), "the next tab is not in the list: {list}");
    let callout =
        blocks.as_array().unwrap().iter().find(|b| b["type"] == "callout").expect("the admonition is a callout");
    assert_eq!((&callout["kind"], &callout["title"][0]["text"]), (&"tip".into(), &"Calibration".into()), "{callout}");
}
