//! The slides backend read back: the PPTX package is complete and consistent, it matches the
//! deck model slide for slide, nothing measured overflows its box, the bytes are the same
//! every time, and every content tree we have renders.

use crate::ooxml::{attr, check_entries_follow_each_other, check_package, parse, resolve, unzip, Node};
use crate::util::{content, folio, load, real_trees, seed, stderr};
use folio::backends::slides::{body_height, boxes, document_deck, text_height, Deck, Item};
use folio::backends::{Artifact, Assets, Backend, RenderContext, Slides};
use folio::config::Config;
use folio::ir::Collection;
use std::path::Path;

fn render(collection: &Collection) -> Vec<Artifact> {
    let config = Config::default();
    let assets = Assets::new();
    Slides.render(&RenderContext::new(collection, &config, &assets)).expect("slides render").artifacts
}

/// The text of the shape whose placeholder is of type `title` or `ctrTitle`.
fn title_of(slide: &[Node]) -> String {
    let ph = slide
        .iter()
        .position(|n| n.1 == "p:ph" && matches!(attr(n, "type"), Some("title" | "ctrTitle")))
        .expect("a title placeholder");
    let shape_depth = slide[..ph].iter().rev().find(|n| n.1 == "p:sp").expect("in a shape").0;
    slide[ph..].iter().take_while(|n| n.0 > shape_depth).filter(|n| n.1 == "#text").map(|n| n.2[0].1.as_str()).collect()
}

/// The text of a part, a space between paragraphs, whitespace collapsed.
fn text_of(nodes: &[Node]) -> String {
    let mut text = String::new();
    for node in nodes {
        match node.1.as_str() {
            "a:p" => text.push(' '),
            "#text" => text.push_str(&node.2[0].1),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the package of one PPTX against its deck.
fn check_pptx(bytes: &[u8], deck: &Deck) {
    check_entries_follow_each_other(bytes);
    let entries = unzip(bytes);
    check_package(&entries);
    // Slide for slide, as the deck model says.
    let count = entries.keys().filter(|n| n.starts_with("ppt/slides/slide")).count();
    assert_eq!(count, deck.slides.len(), "slide count of {}", deck.title);
    let presentation = parse(&entries["ppt/presentation.xml"]);
    assert_eq!(presentation.iter().filter(|n| n.1 == "p:sldId").count(), deck.slides.len());
    for (i, slide) in deck.slides.iter().enumerate() {
        let n = i + 1;
        let xml = parse(&entries[&format!("ppt/slides/slide{n}.xml")]);
        assert_eq!(title_of(&xml), slide.title, "title of slide {n}");
        let tables = slide.body.iter().filter(|item| matches!(item, Item::Table(_))).count();
        assert_eq!(xml.iter().filter(|n| n.1 == "a:tbl").count(), tables, "tables on slide {n}");
        let notes = entries.get(&format!("ppt/notesSlides/notesSlide{n}.xml"));
        assert_eq!(notes.is_some(), !slide.notes.is_empty(), "notes of slide {n}");
        if let Some(notes) = notes {
            let words: String = slide.notes[0].split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            assert!(text_of(&parse(notes)).contains(&words), "slide {n} notes hold {words:?}");
        }
    }
}

/// Asserts that no slide's measured title or content is taller than its box.
fn check_fits(deck: &Deck) {
    for (i, slide) in deck.slides.iter().enumerate() {
        let (title, area) = boxes(slide.layout);
        let title_height = text_height(&slide.title, slide.title_size, title.w, true);
        assert!(title_height <= title.h, "{}: title of slide {} is {title_height}pt tall", deck.title, i + 1);
        let height = body_height(&slide.body, area.w);
        assert!(height <= area.h, "{}: slide {} is {height}pt tall in a {}pt box", deck.title, i + 1, area.h);
    }
}

fn artifact<'a>(artifacts: &'a [Artifact], path: &str) -> &'a Artifact {
    artifacts.iter().find(|a| a.path == path).unwrap_or_else(|| panic!("{path} was made"))
}

#[test]
fn the_seed_deck_reads_back_as_the_deck_model_says() {
    let loaded = load(&seed());
    let doc = &loaded.collection.documents[0];
    let deck = document_deck(doc, 2);
    let artifacts = render(&loaded.collection);
    check_pptx(&artifact(&artifacts, "slides/vp.pptx").bytes, &deck);
    check_fits(&deck);
    let titles: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles[0], "VP of Engineering");
    for section in
        ["Core Responsibilities", "Key Skill Sets", "Comparison: VP vs CTO/CEO", "Career Progression Indicators"]
    {
        assert!(titles.contains(&section), "{section} in {titles:?}");
    }
    assert!(titles.iter().any(|t| t.ends_with("(cont.)")), "{titles:?}");
    // The italic examples stay on the slides: the seed marks no speaker notes.
    assert!(deck.slides.iter().all(|s| s.notes.is_empty()));
    let outline = String::from_utf8(artifact(&artifacts, "slides/vp.md").bytes.clone()).unwrap();
    assert!(outline.starts_with("---\nmarp: true\n"));
    assert_eq!(outline.matches("\n---\n").count(), deck.slides.len(), "front matter end + separators");
    assert!(outline.contains("*Example: Lead a product discovery"));
}

#[test]
fn a_split_table_repeats_its_header_on_every_slide() {
    let rows: String = (1..=60).map(|i| format!("| Row {i} | Some text for row {i} |\n")).collect();
    let page = format!("# Big\n\n## Table\n\n| Name | Text |\n|---|---|\n{rows}");
    let site = crate::util::tree(&[("big.md", page.as_bytes())]);
    let loaded = load(&site.path().join("big.md"));
    let deck = document_deck(&loaded.collection.documents[0], 2);
    let tables: Vec<_> = deck
        .slides
        .iter()
        .flat_map(|s| &s.body)
        .filter_map(|i| if let Item::Table(t) = i { Some(t) } else { None })
        .collect();
    assert!(tables.len() > 1, "split over {} slides", tables.len());
    assert_eq!(tables.iter().map(|t| t.rows.len()).sum::<usize>(), 60);
    let head = |t: &folio::backends::slides::Table| t.head.iter().map(|c| c[0].text.clone()).collect::<Vec<_>>();
    assert!(tables.iter().all(|t| head(t) == ["Name", "Text"]));
    check_fits(&deck);
    let pptx = render(&loaded.collection).into_iter().find(|a| a.path == "slides/big.pptx").expect("the deck");
    check_pptx(&pptx.bytes, &deck);
}

/// The page `t.md` of `page` loaded on its own, and its deck.
fn page_deck(page: &str) -> (folio::parse::Loaded, Deck) {
    let site = crate::util::tree(&[("t.md", page.as_bytes())]);
    let loaded = load(&site.path().join("t.md"));
    let deck = document_deck(&loaded.collection.documents[0], 2);
    (loaded, deck)
}

#[test]
fn a_table_without_a_header_row_shows_none() {
    let page =
        "# T\n\n## Split\n\n<table><tr><td>Core</td><td>50%</td></tr><tr><td>Other</td><td>50%</td></tr></table>\n";
    let (loaded, deck) = page_deck(page);
    let table = deck.slides.iter().flat_map(|s| &s.body).find_map(|i| match i {
        Item::Table(t) => Some(t),
        _ => None,
    });
    let table = table.expect("the table");
    assert!(!table.has_head());
    assert_eq!(table.heights[0], 0.0, "an empty header row takes no room");
    let pptx = render(&loaded.collection).into_iter().find(|a| a.path == "slides/t.pptx").expect("the deck");
    check_pptx(&pptx.bytes, &deck);
    let xml = parse(&unzip(&pptx.bytes)["ppt/slides/slide2.xml"]);
    let rows = xml.iter().filter(|n| n.1 == "a:tr").count();
    assert_eq!(rows, 2, "the two rows, no empty header");
    assert!(xml.iter().any(|n| n.1 == "a:tblPr" && attr(n, "firstRow") == Some("0")));
}

#[test]
fn a_row_too_long_for_any_slide_is_shortened_reported_and_kept_in_the_notes() {
    let long = "words that go on ".repeat(300);
    let page = format!("# Long\n\n## Table\n\n| A | B |\n|---|---|\n| x | {long} |\n| y | short |\n");
    let site = crate::util::tree(&[("long.md", page.as_bytes())]);
    let loaded = load(&site.path().join("long.md"));
    let deck = document_deck(&loaded.collection.documents[0], 2);
    check_fits(&deck);
    assert_eq!(deck.diagnostics.len(), 1, "{:?}", deck.diagnostics);
    let warning = &deck.diagnostics[0];
    assert_eq!((warning.file.as_str(), warning.line), ("long.md", 5));
    assert!(warning.message.contains("row 1"), "{}", warning.message);
    assert!(deck.slides.iter().flat_map(|s| &s.notes).any(|n| n.contains(long.trim())));
    let config = Config::default();
    let assets = Assets::new();
    let rendered = Slides.render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap();
    assert_eq!(rendered.diagnostics, deck.diagnostics);
}

#[test]
fn a_line_break_is_a_line_break_in_the_pptx_the_pdf_deck_and_the_outline() {
    let page =
        "# T\n\n## Tenure\n\n| Role | Years |\n|---|---|\n| Engineer<br>*about* | 2 |\n\nFirst line  \nsecond line\n";
    let (loaded, deck) = page_deck(page);
    let artifacts = render(&loaded.collection);
    let pptx = &artifact(&artifacts, "slides/t.pptx").bytes;
    check_pptx(pptx, &deck);
    let xml = parse(&unzip(pptx)["ppt/slides/slide2.xml"]);
    let texts: Vec<&str> = xml.iter().filter(|n| n.1 == "#text").map(|n| n.2[0].1.as_str()).collect();
    assert!(texts.contains(&"Engineer") && texts.contains(&"about"), "{texts:?}");
    assert_eq!(xml.iter().filter(|n| n.1 == "a:br").count(), 2, "one break in the cell, one in the paragraph");
    let outline = String::from_utf8_lossy(&artifact(&artifacts, "slides/t.md").bytes).into_owned();
    assert!(outline.contains("| Engineer<br>*about* | 2 |"), "{outline}");
    assert!(outline.contains("First line<br>second line"), "{outline}");
    let pdf = lopdf::Document::load_mem(&artifact(&artifacts, "slides/t.pdf").bytes).unwrap();
    let text = crate::pdf::page_text(&pdf);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for line in ["Engineer", "about", "First line", "second line"] {
        assert!(lines.contains(&line), "{line:?} is a line of its own: {lines:?}");
    }
}

#[test]
fn odd_pages_make_valid_decks() {
    let odd = "# Odd <&> \"page\"\n\n## \n\n## Only a heading\n\n## Code\n\n```rust\nfn main() { println!(\"<&>\"); }\n```\n\n\
               ## Deep\n\n- a\n  - b\n    - c\n      - d\n- [x] done\n- [ ] open\n\n3. three\n4. four\n\n\
               ## Wide\n\n| a | b | c | d | e | f | g | h | i | j | k | l |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n\
               | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |\n\n\
               ## Unicode 漢字 and emoji 🎉 and control \u{7}\n\n> quoted *text* with `code` and [a link](https://example.org/a b?x=<1>)\n";
    let site = crate::util::tree(&[("odd.md", odd.as_bytes()), ("empty.md", b""), ("title.md", b"# Just a title\n")]);
    let loaded = load(site.path());
    let artifacts = render(&loaded.collection);
    for doc in &loaded.collection.documents {
        let deck = document_deck(doc, 2);
        check_fits(&deck);
        check_pptx(&artifact(&artifacts, &format!("slides/{}.pptx", doc.id)).bytes, &deck);
        let outline = String::from_utf8(artifact(&artifacts, &format!("slides/{}.md", doc.id)).bytes.clone()).unwrap();
        assert!(outline.starts_with("---\nmarp: true\n"));
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let loaded = load(&content());
    let first = render(&loaded.collection);
    let second = render(&loaded.collection);
    assert_eq!(first, second);
    let site = artifact(&first, "slides/engineering-career-ladder.pptx");
    assert_eq!(site.document, None);
}

#[test]
fn content_the_seed_and_every_corpus_folder_render_complete_decks_that_fit() {
    for folder in real_trees() {
        let loaded = load(&folder);
        let artifacts = render(&loaded.collection);
        for doc in &loaded.collection.documents {
            let deck = document_deck(doc, 2);
            check_fits(&deck);
            check_pptx(&artifact(&artifacts, &format!("slides/{}.pptx", doc.id)).bytes, &deck);
        }
        let docs: Vec<_> = loaded.collection.documents.iter().collect();
        let site = folio::backends::slides::site_deck(&loaded.collection.title, &docs, 2);
        check_fits(&site);
        let site_pptx = artifacts.iter().find(|a| a.document.is_none() && a.path.ends_with(".pptx")).unwrap();
        check_pptx(&site_pptx.bytes, &site);
    }
}

#[test]
fn links_between_documents_open_the_other_deck() {
    let loaded = load(&content());
    let artifacts = render(&loaded.collection);
    let made: Vec<&str> = artifacts.iter().map(|a| a.path.as_str()).collect();
    let mut checked = 0;
    for deck in artifacts.iter().filter(|a| a.path.ends_with(".pptx")) {
        let folder = deck.path.rsplit_once('/').map_or("", |(f, _)| f);
        for (name, xml) in unzip(&deck.bytes).iter().filter(|(n, _)| n.starts_with("ppt/slides/_rels/")) {
            for rel in parse(xml).iter().filter(|n| attr(n, "TargetMode") == Some("External")) {
                let target = attr(rel, "Target").unwrap();
                if !target.contains("://") && !target.starts_with("mailto:") {
                    let path = resolve(folder, target);
                    assert!(made.contains(&path.as_str()), "{}: {name} links to {path}", deck.path);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10, "only {checked} links between decks");
    // In the site deck, which shows every document, links jump to the slide instead.
    let site = unzip(&artifact(&artifacts, "slides/engineering-career-ladder.pptx").bytes);
    let jumps = site
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/_rels/"))
        .flat_map(|(_, xml)| parse(xml))
        .filter(|n| attr(n, "Type").is_some_and(|t| t.ends_with("/slide")))
        .count();
    assert!(jumps > 10, "only {jumps} jumps within the site deck");
    let actions = site
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide"))
        .flat_map(|(_, xml)| parse(xml))
        .filter(|n| n.1 == "a:hlinkClick" && attr(n, "action") == Some("ppaction://hlinksldjump"))
        .count();
    assert!(actions >= jumps, "{actions} jump actions for {jumps} slide relationships");
    // The contents come before every document, so each of its jumps goes forward: to the
    // divider that carries the title the link shows.
    let contents = parse(&site["ppt/slides/slide2.xml"]);
    let rels = parse(&site["ppt/slides/_rels/slide2.xml.rels"]);
    let mut forward = 0;
    for (i, node) in contents.iter().enumerate().filter(|(_, n)| n.1 == "a:hlinkClick") {
        let id = attr(node, "r:id").unwrap();
        let rel = rels.iter().find(|r| attr(r, "Id") == Some(id)).expect("the link's relationship");
        let target = resolve("ppt/slides", attr(rel, "Target").unwrap());
        let text = contents[i..].iter().find(|n| n.1 == "#text").map(|n| n.2[0].1.clone()).unwrap();
        assert_eq!(title_of(&parse(&site[&target])), text, "{target}");
        forward += 1;
    }
    assert_eq!(forward, loaded.collection.documents.len(), "a contents entry for each document");
}

#[test]
fn past_site_deck_limit_the_site_deck_holds_a_divider_per_document() {
    let loaded = load(&content());
    let docs = &loaded.collection.documents;
    let config: Config = toml::from_str("[slides]\nsite_deck_limit = 3\n").unwrap();
    let assets = Assets::new();
    let rendered = Slides.render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap();
    let site = unzip(&artifact(&rendered.artifacts, "slides/engineering-career-ladder.pptx").bytes);
    let slides = site.keys().filter(|n| n.starts_with("ppt/slides/slide")).count();
    // The title, one contents slide, and a divider per document.
    assert_eq!(slides, 2 + docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let divider = parse(&site[&format!("ppt/slides/slide{}.xml", 3 + i)]);
        assert_eq!(title_of(&divider), doc.title);
        let rels = &site[&format!("ppt/slides/_rels/slide{}.xml.rels", 3 + i)];
        assert!(rels.contains("slideLayout3.xml"), "a divider uses the section layout: {rels}");
    }
    // Each document's own deck is whole.
    let own = unzip(&artifact(&rendered.artifacts, &format!("slides/{}.pptx", docs[1].id)).bytes);
    assert_eq!(
        own.keys().filter(|n| n.starts_with("ppt/slides/slide")).count(),
        document_deck(&docs[1], 2).slides.len()
    );
}

#[test]
fn the_slides_section_sets_theme_fonts_accent_and_slide_level() {
    let page = b"# Doc\n\n## Part\n\n### One\n\n- a\n\n### Two\n\n- b\n";
    let toml = b"[slides]\nheading_level = 3\nfont = \"Inter & Co\"\naccent = \"#aa0011\"\n";
    let site = crate::util::tree(&[("doc.md", page), ("folio.toml", toml)]);
    let loaded = load(site.path());
    let config = Config::discover(None, site.path()).unwrap();
    let assets = Assets::new();
    let rendered = Slides.render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap();
    let entries = unzip(&artifact(&rendered.artifacts, "slides/doc.pptx").bytes);
    let theme = parse(&entries["ppt/theme/theme1.xml"]);
    assert!(theme.iter().any(|n| n.1 == "a:srgbClr" && attr(n, "val") == Some("AA0011")));
    assert!(theme.iter().any(|n| n.1 == "a:latin" && attr(n, "typeface") == Some("Inter & Co")));
    let titles: Vec<String> = (1..=entries.keys().filter(|n| n.starts_with("ppt/slides/slide")).count())
        .map(|n| title_of(&parse(&entries[&format!("ppt/slides/slide{n}.xml")])))
        .collect();
    // An empty heading above the slide level titles the first slide under it.
    assert_eq!(titles, ["Doc", "Part: One", "Two"]);
}

#[test]
fn convert_writes_a_pptx_by_its_extension() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("vp.pptx");
    let run = folio(Path::new("."), &["convert", seed().to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let bytes = std::fs::read(&target).unwrap();
    assert!(unzip(&bytes).contains_key("ppt/presentation.xml"));
}

#[test]
fn the_outline_sets_every_sub_heading_alike_in_the_accent() {
    // content/'s Director page has sub-headings of both kinds: H3 headings ("Organisational
    // Strategy") and paragraphs all in bold ("Morning"). In the PPTX and the PDF deck both are
    // bold and in the accent; Marp's theme gives `**` text a colour of its own.
    let loaded = load(&content());
    let artifacts = render(&loaded.collection);
    for path in ["slides/career-ladder/management/director-of-engineering.md", "slides/engineering-career-ladder.md"] {
        let outline = String::from_utf8(artifact(&artifacts, path).bytes.clone()).unwrap();
        let front = &outline[..4 + outline[4..].find("\n---\n").unwrap()];
        assert!(front.contains("section:not(.lead) h3 { color: #1F5F99; }"), "{path}: {front}");
        let headings: Vec<&str> = outline.lines().filter(|l| l.starts_with("### ")).collect();
        assert!(headings.contains(&"### Organisational Strategy") && headings.contains(&"### Morning"), "{headings:?}");
        assert!(headings.iter().all(|h| !h.contains("**")), "{path}: {headings:?}");
    }
}

#[test]
fn a_deck_speaks_its_page_language_and_claims_none_it_was_not_told() {
    let (loaded, _) = page_deck("---\nlang: de\n---\n# Ingenieurin\n\n## Aufgaben\n\nSie schreibt Code.\n");
    let artifacts = render(&loaded.collection);
    let package = unzip(&artifact(&artifacts, "slides/t.pptx").bytes);
    let slide = parse(&package["ppt/slides/slide2.xml"]);
    let langs: Vec<&str> = slide.iter().filter(|n| n.1 == "a:rPr").filter_map(|n| attr(n, "lang")).collect();
    assert!(!langs.is_empty() && langs.iter().all(|l| *l == "de"), "{langs:?}");
    assert!(package["docProps/core.xml"].contains("<dc:language>de</dc:language>"));
    let (loaded, _) = page_deck("# Engineer\n\n## Duties\n\nWrites code.\n");
    let package = unzip(&artifact(&render(&loaded.collection), "slides/t.pptx").bytes);
    let slide = &package["ppt/slides/slide2.xml"];
    assert!(!slide.contains("lang=") && !package["docProps/core.xml"].contains("dc:language"), "{slide}");
}
