//! Nothing is dropped from a deck: every word of a page (its title, text, lists, tables, code,
//! callouts, footnotes and speaker notes) is in its PPTX (slides and notes), in its Marp
//! outline, and, but for speaker notes, in its PDF deck, for content/, the seed and the corpus.

use crate::pdf::page_text;
use crate::util::{folio, load, real_trees, stderr, tree};
use crate::words::{page_words, words};
use folio::backends::slides::document_deck;
use folio::backends::{Artifact, Assets, Backend, RenderContext, Slides};
use folio::config::Config;
use folio::ir::Collection;
use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::Path;

/// The text of every `<a:t>` of the slides and notes slides of a PPTX.
fn pptx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = String::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if !(name.starts_with("ppt/slides/slide") || name.starts_with("ppt/notesSlides/")) {
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        for piece in xml.split("<a:t>").skip(1) {
            let text = piece.split("</a:t>").next().unwrap_or_default();
            let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
            out.push_str(&text.replace("&amp;", "&"));
            out.push('\n');
        }
    }
    out
}

fn render(collection: &Collection) -> Vec<Artifact> {
    let (config, assets) = (Config::default(), Assets::new());
    Slides.render(&RenderContext::new(collection, &config, &assets)).expect("slides render").artifacts
}

/// Asserts that every word of every page of the tree at `path` is in each of its decks.
fn check_tree(path: &Path) {
    let loaded = load(path);
    let artifacts = render(&loaded.collection);
    let bytes = |path: String| &artifacts.iter().find(|a| a.path == path).expect("the deck is made").bytes;
    for doc in &loaded.collection.documents {
        let (page, notes) = page_words(doc);
        let deck_notes: String =
            document_deck(doc, 2).slides.iter().flat_map(|s| &s.notes).cloned().collect::<Vec<_>>().join("\n");
        let off_slides: BTreeSet<String> = notes.union(&words(&deck_notes)).cloned().collect();
        let pptx = words(&pptx_text(bytes(format!("slides/{}.pptx", doc.id))));
        let outline = words(&String::from_utf8_lossy(bytes(format!("slides/{}.md", doc.id))));
        let pdf = lopdf::Document::load_mem(bytes(format!("slides/{}.pdf", doc.id))).expect("the PDF deck loads");
        let pdf = words(&page_text(&pdf));
        let everywhere: BTreeSet<&String> = page.iter().chain(&notes).collect();
        for (format, found, expected) in [
            ("PPTX", &pptx, everywhere.clone()),
            ("outline", &outline, everywhere),
            ("PDF deck", &pdf, page.iter().filter(|w| !off_slides.contains(*w)).collect()),
        ] {
            let missing: Vec<&&String> = expected.iter().filter(|w| !found.contains(**w)).collect();
            assert!(missing.is_empty(), "{}: {} lacks {missing:?}", doc.source, format);
        }
    }
}

#[test]
fn every_word_of_content_the_seed_and_the_corpus_is_in_pptx_pdf_deck_and_outline() {
    for folder in real_trees() {
        check_tree(&folder);
    }
}

#[test]
fn callouts_footnotes_code_and_marked_notes_are_all_kept() {
    let long_code: Vec<String> = (0..45).map(|i| format!("step_{i}();")).collect();
    let page = format!(
        "# Kept\n\n## Parts\n\nA claim.[^a] <!-- notes: said in passing -->\n\n[^a]: The footnote text.\n\n!!!warning Careful\nThe boxed text.\n!!!\n\n<!-- notes: say hello -->\n\n\
         ::: notes\nand goodbye\n:::\n\n```\n{}\n```\n",
        long_code.join("\n")
    );
    let dir = tree(&[("kept.md", page.as_bytes())]);
    check_tree(dir.path());
    let loaded = load(dir.path());
    let deck = document_deck(&loaded.collection.documents[0], 2);
    let notes: Vec<&String> = deck.slides.iter().flat_map(|s| &s.notes).collect();
    assert_eq!(notes, ["said in passing", "say hello", "and goodbye"]);
    let footnotes: Vec<String> =
        deck.slides.iter().flat_map(|s| &s.footnotes).map(|t| t.iter().map(|r| r.text.as_str()).collect()).collect();
    assert_eq!(footnotes, ["¹ The footnote text."]);
    let pptx = render(&loaded.collection).into_iter().find(|a| a.path == "slides/kept.pptx").unwrap();
    let slide = pptx_text(&pptx.bytes);
    assert!(slide.contains("Careful") && slide.contains("The boxed text."));
    let mut archive = zip::ZipArchive::new(Cursor::new(&pptx.bytes)).unwrap();
    let mut xml = String::new();
    archive.by_name("ppt/slides/slide2.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("name=\"Callout") && xml.contains("<a:ln "), "the callout is a bordered shape");
    let titles: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"Parts (cont.)"), "the long code continues: {titles:?}");
}

/// The Marp outline of `page` built alone with `config` as its folio.toml.
fn outline_of(page: &str, config: &str) -> String {
    let content = tree(&[("p.md", page.as_bytes()), ("folio.toml", config.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let output = folio(content.path(), &["build", ".", "-f", "slides", "-o", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::read_to_string(out.path().join("slides/p.md")).unwrap()
}

#[test]
fn long_prose_goes_to_the_speaker_notes_only_when_the_settings_ask() {
    let prose = "This paragraph goes on and on about the role. ".repeat(8);
    let page = format!("# P\n\n## Part\n\n{}\n\nShort line.\n", prose.trim());
    for (config, in_notes) in [("", false), ("[slides]\nlong_prose = \"notes\"\n", true)] {
        let outline = outline_of(&page, config);
        assert_eq!(outline.contains(&format!("<!--\n{}\n-->", prose.trim())), in_notes, "{outline}");
        assert!(outline.contains("This paragraph goes on"), "kept either way");
        assert!(outline.contains("\nShort line.\n"), "short text stays on the slide");
    }
}

#[test]
fn a_bold_line_heads_what_follows_it_but_a_closing_one_stays_text() {
    let page =
        "# P\n\n## Senior\n\n**Scope**\n\nOwns a product area.\n\n**Experience: five years.**\n\n## Staff\n\nLeads.\n";
    let outline = outline_of(page, "");
    assert!(outline.contains("\n### Scope\n"), "a sub-heading: {outline}");
    assert!(outline.contains("\n**Experience: five years.**\n"), "bold text, not a heading: {outline}");
}

#[test]
fn an_empty_list_item_shows_no_bare_bullet() {
    // vorcigernix's Engineer L3 closes a list with "* ".
    let page = "# P\n\n## Should have\n\n* Craft\n* Care\n* \n\n## Next\n\nMore.\n";
    let dir = tree(&[("p.md", page.as_bytes())]);
    let loaded = load(dir.path());
    let deck = document_deck(&loaded.collection.documents[0], 2);
    let bullets: Vec<String> = deck
        .slides
        .iter()
        .flat_map(|s| &s.body)
        .filter_map(|item| match item {
            folio::backends::slides::Item::Bullet { text, .. } => Some(text.iter().map(|r| r.text.as_str()).collect()),
            _ => None,
        })
        .collect();
    assert_eq!(bullets, ["Craft", "Care"]);
}

#[test]
fn an_opening_paragraph_ending_in_a_colon_stays_with_its_list() {
    // The Financial Times' local development guide: "… when a person would like to:" and a list.
    let page = "# Local Development\n\nThis guide is for when a person would like to:\n\n1. change the schema\n2. change the site\n";
    let outline = outline_of(page, "");
    let slide = outline.split("\n---\n").find(|s| s.contains("would like to:")).expect("the paragraph");
    assert!(slide.contains("change the schema") && !slide.contains("_class: lead"), "{outline}");
}
