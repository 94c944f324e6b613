//! The PDF deck: read back with lopdf (pages, 16:9 boxes, titles, bookmarks, links, subset
//! fonts, same bytes twice) and every slide of content/, the seed and the corpus kept inside
//! its page.

use crate::pdf::{assert_inside, embedded_subset_fonts, link_actions, outline_titles, page_text};
use crate::util::{content, corpus_folders, load, seed, tree};
use folio::backends::slides::{deck_pages, document_deck, site_deck, Deck, Item, Layout, Run, Slide};
use folio::backends::{Artifact, Assets, Backend, RenderContext, Scope, Slides};
use folio::config::Config;
use folio::ir::Collection;
use folio::layout::{Item as Drawn, Rgb};
use lopdf::Document;
use std::collections::BTreeMap;

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
    assert!(!text.contains("Example: Lead a product discovery"), "notes stay off the slides");
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
    let mut folders = vec![content(), seed()];
    folders.extend(corpus_folders());
    for folder in folders {
        let loaded = load(&folder);
        let docs: Vec<_> = loaded.collection.documents.iter().collect();
        let decks = docs.iter().map(|d| document_deck(d, 2)).chain([site_deck(&loaded.collection.title, &docs, 2)]);
        for deck in decks {
            let laid = deck_pages(&deck, ACCENT, "");
            assert_eq!(laid.pages.len(), deck.slides.len());
            assert_inside(&format!("{} deck {:?}", folder.display(), deck.title), &laid.pages);
        }
    }
}

fn deck_of(paragraphs: usize) -> Deck {
    let text = "A paragraph long enough to wrap onto a second line of the slide when it is set at the full twenty \
                points of body type, and longer still.";
    let body = (0..paragraphs).map(|_| Item::Paragraph(vec![Run { text: text.into(), ..Run::default() }])).collect();
    let slide = Slide { layout: Layout::Content, title: "Full".into(), title_size: 32.0, body, notes: vec![] };
    let anchors = BTreeMap::new();
    Deck { title: "T".into(), document: None, folder: String::new(), slides: vec![slide], anchors, diagnostics: vec![] }
}

fn body_sizes(deck: &Deck) -> Vec<f32> {
    let laid = deck_pages(deck, ACCENT, "t.md");
    assert_inside("made-up deck", &laid.pages);
    laid.pages[0]
        .items
        .iter()
        .filter_map(|i| if let Drawn::Text(r) = i { Some(r.size) } else { None })
        .skip(1)
        .collect()
}

#[test]
fn text_the_estimate_let_overflow_shrinks_and_else_is_cut_with_a_warning() {
    assert!(body_sizes(&deck_of(3)).iter().all(|&s| s == 20.0), "what fits keeps its size");
    let shrunk = body_sizes(&deck_of(7));
    assert!(shrunk.iter().all(|&s| (12.0..20.0).contains(&s)), "{shrunk:?}");
    assert!(deck_pages(&deck_of(7), ACCENT, "t.md").diagnostics.is_empty());
    let laid = deck_pages(&deck_of(40), ACCENT, "t.md");
    assert_eq!(laid.diagnostics.len(), 1, "{:?}", laid.diagnostics);
    assert!(laid.diagnostics[0].message.contains("slide 1"), "{}", laid.diagnostics[0].message);
}
