//! The loader over the seed, content/ and the corpus: the IR a backend sees.

use crate::util::{content, corpus_folders, load, seed};
use folio::ir::{plain_text, Block, BlockKind, CalloutKind, Inline, LinkTarget};

fn headings(blocks: &[Block], level: u8) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level: l, content, .. } if *l == level => Some(plain_text(content)),
            _ => None,
        })
        .collect()
}

#[test]
fn seed_page_has_its_metadata_sections_and_tables() {
    let loaded = load(&seed());
    let doc = &loaded.collection.documents[0];
    let body = doc.body();
    assert_eq!(doc.title, "VP of Engineering");
    assert_eq!(doc.meta.order, Some(2001));
    assert_eq!(doc.meta.label.as_deref(), Some("VP"));
    assert_eq!(headings(&body.blocks, 2).len(), 6, "{:?}", headings(&body.blocks, 2));
    let skills = body
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Table { head, rows, .. } if plain_text(&head[0]) == "Category" => Some(rows),
            _ => None,
        })
        .expect("the skill table");
    assert_eq!(skills.len(), 6);
    for row in skills {
        assert!(matches!(row[0].as_slice(), [Inline::Strong { .. }]), "bold category: {:?}", row[0]);
    }
    // "**Morning**" is a paragraph followed by a real list.
    let morning = body
        .blocks
        .iter()
        .position(|b| matches!(&b.kind, BlockKind::Paragraph { content } if plain_text(content) == "Morning"))
        .expect("the Morning paragraph");
    assert!(matches!(&body.blocks[morning + 1].kind, BlockKind::List { start: None, items, .. } if items.len() == 3));
}

#[test]
fn content_reads_in_ladder_order_with_every_link_resolved() {
    let loaded = load(&content());
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let labels: Vec<&str> = loaded.collection.documents.iter().map(|d| d.label()).collect();
    assert_eq!(labels[0], "Overview");
    assert_eq!(labels[1..], crate::util::ROLES);
    assert_eq!(loaded.collection.title, "Engineering Career Ladder");
    let mut internal = 0;
    let mut visit = |inlines: &[Inline]| {
        for inline in inlines {
            if let Inline::Link(link) = inline {
                let target = &link.target;
                assert!(!matches!(target, LinkTarget::Unresolved { .. }), "{target:?}");
                internal += matches!(target, LinkTarget::Internal { .. }) as usize;
            }
        }
    };
    for doc in &loaded.collection.documents {
        for block in &doc.body().blocks {
            match &block.kind {
                BlockKind::Paragraph { content } => visit(content),
                BlockKind::List { items, .. } => items.iter().flat_map(|i| &i.blocks).for_each(|b| {
                    if let BlockKind::Paragraph { content } = &b.kind {
                        visit(content)
                    }
                }),
                _ => {}
            }
        }
    }
    assert!(internal > 30, "only {internal} internal links");
}

#[test]
fn callouts_of_every_dialect_become_one_node() {
    let dir = crate::util::tree(&[
        ("hugo.toml", b"baseURL = 'https://example.org/'\n"),
        (
            "a.md",
            b"# A\n\n!!!warning Mind **this**\nRetype body\n!!!\n\n> [!TIP]\n> GitHub body\n\n{{< callout type=\"info\" >}}\nHugo body\n{{< /callout >}}\n",
        ),
    ]);
    let loaded = load(dir.path());
    let kinds: Vec<(CalloutKind, bool)> = loaded.collection.documents[0]
        .body()
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Callout { kind, title, blocks } => Some((*kind, title.is_some() && !blocks.is_empty())),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [(CalloutKind::Warning, true), (CalloutKind::Tip, false), (CalloutKind::Info, false)]);
}

/// The text of every paragraph and code block of a page.
fn texts(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        match &block.kind {
            BlockKind::Paragraph { content } => out.push(plain_text(content)),
            BlockKind::CodeBlock { text, .. } => out.push(text.trim_end().to_string()),
            BlockKind::Quote { blocks } => out.extend(texts(blocks)),
            BlockKind::List { items, .. } => items.iter().for_each(|i| out.extend(texts(&i.blocks))),
            _ => {}
        }
    }
    out
}

#[test]
fn template_tags_are_read_only_in_a_templating_dialect_and_never_in_code() {
    let page: &[u8] = b"Hi {{ page.title }}.\n\n    helm: {{ .Values.name }}\n\n> ```\n> run: echo ${{ secrets.TOKEN }}\n> ```\n\n- step\n\n  ```\n  x: {% raw %}\n  ```\n\nSee ``{{ a }}`` here.\n";
    let code = ["helm: {{ .Values.name }}", "run: echo ${{ secrets.TOKEN }}", "x: {% raw %}", "See {{ a }} here."];
    let plain = crate::util::tree(&[("a.md", page)]);
    let loaded = load(plain.path());
    let shown = texts(&loaded.collection.documents[0].body().blocks);
    assert_eq!(shown[0], "Hi {{ page.title }}.", "a plain GFM tree keeps tags as text");
    assert_eq!(shown[1..], ["helm: {{ .Values.name }}", "run: echo ${{ secrets.TOKEN }}", "step", code[2], code[3]]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);

    let jekyll = crate::util::tree(&[("_config.yml", b"title: x\n"), ("a.md", page)]);
    let loaded = load(jekyll.path());
    let shown = texts(&loaded.collection.documents[0].body().blocks);
    assert_eq!(shown[0], "Hi a.", "Jekyll fills in the page title (here the file name)");
    assert_eq!(shown[1..], [code[0], code[1], "step", code[2], code[3]]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

#[test]
fn hugo_weight_orders_the_corpus_and_shortcodes_never_print_raw() {
    let dir = corpus_folders().into_iter().find(|d| d.ends_with("infracloudio-career-ladders")).unwrap();
    let loaded = load(&dir);
    let titles: Vec<&str> = loaded
        .collection
        .documents
        .iter()
        .filter(|d| d.folder == "content/docs/engineering" && !d.id.ends_with("_index"))
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles[..3], ["Associate Engineer", "Engineer", "Senior Engineer"]);
    let json = serde_json::to_string(&loaded.collection).unwrap();
    assert!(!json.contains("{{<") && !json.contains("<!--"), "raw template or comment in the IR");
}

#[test]
fn every_corpus_folder_loads() {
    for dir in corpus_folders() {
        let loaded = load(&dir);
        assert!(!loaded.collection.documents.is_empty(), "{}", dir.display());
    }
}

#[test]
fn a_page_in_memory_loads_like_one_on_disk() {
    let bytes = std::fs::read(seed()).unwrap();
    let from_memory = folio::parse::load_bytes("vp.md", &bytes, &folio::config::Config::default());
    let from_disk = load(&seed());
    assert_eq!(from_memory.collection.documents, from_disk.collection.documents);
}

#[test]
fn runs_of_white_space_in_text_are_one_space_in_the_ir_and_code_keeps_its_own() {
    // Every backend reads the IR's text; the loader collapses white space once, also where
    // pulldown-cmark splits a run of text ("[" starts a new text event).
    let page = b"# T\n\nalpha \x0c\x0c  beta\t\t[gamma  \n\n| a \x0c b | `x  y` |\n|---|---|\n| 1 | 2 |\n";
    let dir = crate::util::tree(&[("p.md", page as &[u8])]);
    let doc = &load(dir.path()).collection.documents[0];
    let body = doc.body();
    let BlockKind::Paragraph { content } = &body.blocks[0].kind else { panic!("a paragraph") };
    assert_eq!(content, &[Inline::Text { text: "alpha beta [gamma".into() }]);
    let BlockKind::Table { head, .. } = &body.blocks[1].kind else { panic!("a table") };
    assert_eq!(head[0], [Inline::Text { text: "a b".into() }]);
    assert_eq!(head[1], [Inline::Code { text: "x  y".into() }]);
}

#[test]
fn task_markers_are_kept_in_loose_lists_as_in_tight_ones() {
    let dir = crate::util::tree(&[("a.md", b"- [ ] a\n- [x] b\n\ntext\n\n- [ ] c\n\n- [x] d\n")]);
    let loaded = load(dir.path());
    let lists: Vec<Vec<Option<bool>>> = loaded.collection.documents[0]
        .body()
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::List { items, .. } => Some(items.iter().map(|i| i.checked).collect()),
            _ => None,
        })
        .collect();
    assert_eq!(lists, [[Some(false), Some(true)], [Some(false), Some(true)]]);
}

#[test]
fn an_h1_among_parallel_h1s_is_a_section_and_the_title_comes_from_the_file_name() {
    // As the Postman OSPO ladder writes it: a level under each H1, with no sub-heading. And as
    // its README writes it: a title over sub-headings, then another H1 appended.
    let levels = "# OSPO Engineer I\n\nVocal champion.\n\n# OSPO Engineer II\n\nWorks on initiatives.\n";
    let readme = "# Ladders at the OSPO\n\nA snapshot.\n\n## About\n\nText.\n\n# Hello world action\n\nMore.\n";
    let titled = "---\ntitle: Ladders\n---\n# Level one\n\nOne.\n\n# Level two\n\nTwo.\n";
    let dir = crate::util::tree(&[
        ("career-ladder-for-ospo-engineers.md", levels.as_bytes()),
        ("README.md", readme.as_bytes()),
        ("titled.md", titled.as_bytes()),
    ]);
    let loaded = load(dir.path());
    let doc = |id: &str| loaded.collection.documents.iter().find(|d| d.id == id).unwrap();
    let ospo = doc("career-ladder-for-ospo-engineers");
    assert_eq!(ospo.title, "Career ladder for OSPO engineers");
    assert_eq!(headings(&ospo.body().blocks, 1), ["OSPO Engineer I", "OSPO Engineer II"], "both H1s are sections");
    assert_eq!(doc("titled").title, "Ladders");
    assert_eq!(headings(&doc("titled").body().blocks, 1), ["Level one", "Level two"]);
    let readme = doc("README");
    assert_eq!(readme.title, "Ladders at the OSPO");
    assert_eq!(headings(&readme.body().blocks, 1), ["Hello world action"]);
}

#[test]
fn a_table_whose_delimiter_row_holds_tabs_is_a_table() {
    // As vorcigernix's manager path writes it, a tab before each pipe: GitHub shows a table.
    let page = "# Level up\n\n| Current Level \t| Generally \t|\t\n|---------------\t|-----------\t|\t\n\
                | L0 \t| L1 \t|\t\n| Manager \t| Director \t|\t\n\n```\n|---\t|---|\n```\n";
    let dir = crate::util::tree(&[("path.md", page.as_bytes())]);
    let loaded = load(&dir.path().join("path.md"));
    let blocks = &loaded.collection.documents[0].body().blocks;
    let Some(BlockKind::Table { head, rows, .. }) = blocks.first().map(|b| &b.kind) else {
        panic!("a table first: {blocks:?}")
    };
    assert_eq!(head.iter().map(|c| plain_text(c)).collect::<Vec<_>>(), ["Current Level", "Generally"]);
    assert_eq!(rows.len(), 2);
    let Some(BlockKind::CodeBlock { text, .. }) = blocks.get(1).map(|b| &b.kind) else { panic!("code: {blocks:?}") };
    assert_eq!(text, "|---\t|---|\n", "code keeps its tabs");
}

#[test]
fn a_theme_button_in_an_html_block_is_a_link() {
    // Hextra's home page puts its button in a `<div>`, where Markdown is not read.
    let home = "---\ntitle: Home\n---\n<div class=\"mb-6\">\n{{< hextra/hero-button text=\"Explore\" link=\"docs\" >}}\n</div>\n";
    let dir = crate::util::tree(&[
        ("hugo.toml", b"title = \"Ladders\"\n" as &[u8]),
        ("content/_index.md", home.as_bytes()),
        ("content/docs/_index.md", b"# Docs\n\nText.\n"),
    ]);
    let loaded = load(dir.path());
    let home = loaded.collection.documents.iter().find(|d| d.title == "Home").expect("the home page");
    let json = serde_json::to_string(&home.body().blocks).unwrap();
    assert!(json.contains(r#""doc":"content/docs/_index""#) && json.contains(r#""text":"Explore""#), "{json}");
    assert!(!json.contains("[Explore]"), "{json}");
}

#[test]
fn hugo_refs_figures_code_and_card_words_reach_the_guide() {
    // `ref` is how Hugo pages link each other, `figure` how they show images, `highlight` how
    // they show code; a theme's card keeps its words in attributes.
    let vp = "---\ntitle: VP\n---\nWork with the [CTO]({{< ref \"cto.md\" >}}).\n\n\
              {{< figure src=\"ladder.png\" caption=\"The whole ladder\" >}}\n\n\
              {{< hextra/feature-card title=\"Scope\" subtitle=\"Owns the organisation\" >}}\n\n\
              {{< highlight go >}}\n# not a heading\n{{< /highlight >}}\n";
    let png = crate::pdf::png(4, 3, 0);
    let dir = crate::util::tree(&[
        ("hugo.toml", b"title = \"Ladders\"\n" as &[u8]),
        ("content/roles/vp.md", vp.as_bytes()),
        ("content/roles/cto.md", b"---\ntitle: CTO\n---\nText.\n"),
        ("content/roles/ladder.png", &png),
    ]);
    let loaded = load(dir.path());
    let page = loaded.collection.documents.iter().find(|d| d.title == "VP").expect("the VP page");
    let json = serde_json::to_string(&page.body().blocks).unwrap();
    assert!(json.contains(r#""doc":"content/roles/cto""#), "the ref is a link to the page: {json}");
    assert!(json.contains(r#""alt":"The whole ladder""#) && json.contains("ladder.png"), "{json}");
    assert!(json.contains(r##""type":"code_block","lang":"go","text":"# not a heading"##), "{json}");
    let out = tempfile::tempdir().unwrap();
    let built = crate::util::folio(dir.path(), &["build", ".", "-f", "pdf", "-o", out.path().to_str().unwrap()]);
    assert!(built.status.success(), "{}", crate::util::stderr(&built));
    let pdf = lopdf::Document::load(out.path().join("pdf/content/roles/vp.pdf")).unwrap();
    let text = crate::pdf::page_text(&pdf);
    for words in ["The whole ladder", "Scope", "Owns the organisation"] {
        assert!(text.contains(words), "{words} in {text}");
    }
    let is_image = |o: &lopdf::Object| {
        o.as_stream().is_ok_and(|s| s.dict.get(b"Subtype").and_then(|v| v.as_name()).is_ok_and(|n| n == b"Image"))
    };
    let images = pdf.objects.values().filter(|o| is_image(o)).count();
    assert_eq!(images, 2, "the figure's picture is drawn, with its alpha as a soft mask");
}
