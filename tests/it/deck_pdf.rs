//! The PDF deck: read back with lopdf (pages, 16:9 boxes, titles, bookmarks, links, subset
//! fonts, same bytes twice) and every slide of content/, the seed and the corpus kept inside
//! its page.

use crate::pdf::{assert_inside, embedded_subset_fonts, link_actions, outline_titles, page_text};
use crate::util::{load, real_trees, seed, tree};
use folio::backends::slides::{deck_pages, document_deck, site_deck};
use folio::backends::{Artifact, Assets, Backend, RenderContext, Scope, Slides};
use folio::config::Config;
use folio::ir::Collection;
use folio::layout::{Item as Drawn, Rgb};
use lopdf::Document;

const ACCENT: Rgb = Rgb(0.12, 0.37, 0.6);

fn render(collection: &Collection, scope: &Scope) -> Vec<Artifact> {
    let config = Config::default();
    let assets = Assets::new();
    let ctx = RenderContext::new(collection, &config, &assets).with_scope(scope);
    Slides.render(&ctx).expect("slides render").artifacts
}

fn pdf_of(artifacts: &[Artifact], path: &str) -> Document {
    let artifact = artifacts.iter().find(|a| a.path == path).unwrap_or_else(|| panic!("{path} was made"));
    Document::load_mem(&artifact.bytes).expect("the PDF deck loads")
}

/// Text with runs of white space as one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_seed_deck_has_a_16_9_page_and_a_bookmark_per_slide_in_order() {
    let loaded = load(&seed());
    let deck = document_deck(&loaded.collection.documents[0], 2);
    let artifacts = render(&loaded.collection, &Scope::ALL);
    let pdf = pdf_of(&artifacts, "slides/vp.pdf");
    let pages = pdf.get_pages();
    assert_eq!(pages.len(), deck.slides.len());
    for (number, &id) in &pages {
        let media = pdf.get_dictionary(id).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
        let size: Vec<f32> = media.iter().map(|v| v.as_float().unwrap()).collect();
        assert_eq!(size, [0.0, 0.0, 960.0, 540.0], "page {number}");
        let text = squeeze(&pdf.extract_text(&[*number]).unwrap());
        let title = &deck.slides[*number as usize - 1].title;
        assert!(text.starts_with(&squeeze(title)), "page {number} opens with {title:?}: {text:?}");
    }
    let bookmarks: Vec<(usize, String)> = deck.slides.iter().map(|s| (0, s.title.clone())).collect();
    assert_eq!(outline_titles(&pdf), bookmarks);
    let text = page_text(&pdf);
    assert!(text.contains("Business Acumen"), "table cells are text");
    assert!(text.contains("Example: Lead a product discovery"), "examples stay on the slides");
    let fonts = embedded_subset_fonts(&pdf);
    assert!(fonts >= 2, "{fonts} fonts");
    assert_eq!(render(&loaded.collection, &Scope::ALL), artifacts, "the same bytes twice");
}

#[test]
fn decks_follow_the_scope_and_link_to_slides_and_other_decks() {
    let site = tree(&[
        ("a.md", b"# A\n\n## One\n\nSee [B's part](b.md#part) and [one](#one).\n" as &[u8]),
        ("b.md", b"# B\n\n## Part\n\nBack to [A](a.md).\n"),
    ]);
    let loaded = load(site.path());
    let all = render(&loaded.collection, &Scope::ALL);
    let links = link_actions(&pdf_of(&all, "slides/a.pdf"));
    assert!(links.contains(&("GoToR".into(), "b.pdf".into())), "{links:?}");
    assert!(links.contains(&("GoTo".into(), "a#one".into())), "{links:?}");
    let site_pdf = all.iter().find(|a| a.document.is_none() && a.path.ends_with(".pdf")).expect("a site deck");
    let docs: Vec<_> = loaded.collection.documents.iter().collect();
    let pages = Document::load_mem(&site_pdf.bytes).unwrap().get_pages().len();
    assert_eq!(pages, site_deck(&loaded.collection.title, &docs, 2).slides.len());
    let only_b = Scope { documents: Some(["b".to_string()].into()), site: false };
    let paths: Vec<String> = render(&loaded.collection, &only_b).into_iter().map(|a| a.path).collect();
    assert_eq!(paths, ["slides/b.md", "slides/b.pdf", "slides/b.pptx"]);
}

#[test]
fn every_slide_of_content_the_seed_and_the_corpus_stays_inside_its_page() {
    for folder in real_trees() {
        let loaded = load(&folder);
        let docs: Vec<_> = loaded.collection.documents.iter().collect();
        let decks = docs.iter().map(|d| document_deck(d, 2)).chain([site_deck(&loaded.collection.title, &docs, 2)]);
        for deck in decks {
            let laid = deck_pages(&deck, (ACCENT, folio::highlight::DEFAULT_THEME), "");
            assert_eq!(laid.pages.len(), deck.slides.len());
            assert_inside(&format!("{} deck {:?}", folder.display(), deck.title), &laid.pages);
        }
    }
}

#[test]
fn long_prose_and_code_stay_on_slides_at_full_size_and_split_with_cont() {
    let words: Vec<String> = (0..1500).map(|i| format!("w{i}")).collect();
    let code: Vec<String> = (0..60).map(|i| format!("let line{i} = {i};")).collect();
    let page = format!("# Long\n\n## Prose\n\n{}\n\n## Code\n\n```\n{}\n```\n", words.join(" "), code.join("\n"));
    let dir = tree(&[("long.md", page.as_bytes())]);
    let loaded = load(dir.path());
    let deck = document_deck(&loaded.collection.documents[0], 2);
    assert!(deck.slides.iter().all(|s| s.notes.is_empty()), "nothing moves to the notes");
    let laid = deck_pages(&deck, (ACCENT, folio::highlight::DEFAULT_THEME), "long.md");
    assert!(laid.diagnostics.is_empty(), "{:?}", laid.diagnostics);
    assert_inside("long deck", &laid.pages);
    let sizes: Vec<f32> = laid.pages[1..]
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| if let Drawn::Text(r) = i { Some(r.size) } else { None })
        .collect();
    assert!(sizes.iter().all(|&s| s >= 14.0), "nothing is shrunk: {:?}", sizes.iter().fold(99.0f32, |a, &b| a.min(b)));
    let artifacts = render(&loaded.collection, &Scope::ALL);
    let text = squeeze(&page_text(&pdf_of(&artifacts, "slides/long.pdf")));
    for word in words.iter().chain(&code) {
        assert!(text.contains(word.as_str()), "{word:?} is in the PDF deck");
    }
    let titles: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"Prose (cont.)") && titles.contains(&"Code (cont.)"), "{titles:?}");
}
