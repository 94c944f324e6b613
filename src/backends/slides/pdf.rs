//! The PDF deck: every slide set by the layout engine on a 16:9 page in the boxes of the PPTX
//! layouts (a title over an accent rule and the body below it; title and section slides with
//! their rule and accent fill), one bookmark a slide. The deck was paginated with the same
//! measure (`measure`), so every slide's text fits its box at full size: nothing is shrunk or
//! left out.

use super::deck::{Deck, Item as DeckItem, Layout, Slide};
use super::layout::{boxes, COVER_RULE_Y, FOOTNOTE_SIZE, SLIDE_HEIGHT, SLIDE_WIDTH, TITLE_RULE_Y};
use super::measure::{item_slabs, place, stacked, text_lines, Palette};
use crate::diag::Diagnostic;
use crate::layout::{Cx, Item, Laid, Page, Rgb, Role, Slab, Tree};
use crate::pdf::Mark;
use rayon::prelude::*;
use std::collections::BTreeMap;

const INK: Rgb = Rgb(0.12, 0.12, 0.14);
const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// The pages of `deck`, one a slide, each with its anchors, and warnings (naming `source`) for
/// slides whose text does not fit even at the smallest size. Characters no font has are left
/// to the PDF guide to report, with their line, which the deck model no longer knows.
pub fn deck_pages(deck: &Deck, look: (Rgb, &'static str), source: &str) -> Laid {
    let doc = deck.document.as_deref().unwrap_or("");
    let mut laid = slide_pages(&deck.slides, 1, look, doc, source);
    let names = names_by_slide(&deck.anchors);
    for (i, page) in laid.pages.iter_mut().enumerate() {
        let marks = slide_marks(i + 1, &deck.slides[i].title, names.get(&(i + 1)).map_or(&[][..], Vec::as_slice));
        let anchors = marks.into_iter().map(|m| Item::Anchor { name: m.name, y: 0.0, outline: m.outline });
        page.items.splice(0..0, anchors);
    }
    laid
}

/// The pages of `slides`, the first numbered `first` in its deck, set in parallel, each slide a
/// section of the structure; without anchors, so that the same pages can go into two decks (see
/// [`slide_marks`]).
pub fn slide_pages(
    slides: &[Slide],
    first: usize,
    (accent, code_theme): (Rgb, &'static str),
    doc: &str,
    source: &str,
) -> Laid {
    let set: Vec<(Page, Tree, Option<Diagnostic>)> = slides
        .par_iter()
        .enumerate()
        .map(|(i, slide)| {
            let mut cx = Cx::new(super::layout::BODY_SIZE, accent, false, doc, source);
            cx.code_theme = code_theme;
            let mut items = Vec::new();
            let (fits, _) = cx.within(Role::Sect, |cx| slide_items(cx, slide, &mut items));
            let overflow = (!fits).then(|| {
                let message = format!("slide {} (\"{}\") is set beyond its box", first + i, slide.title);
                Diagnostic::warning(source, 0, 0, message)
            });
            (Page { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, items }, cx.tree, overflow)
        })
        .collect();
    let mut laid = Laid::default();
    for (mut page, tree, overflow) in set {
        laid.tree.graft(tree, &mut page.items);
        laid.pages.push(page);
        laid.diagnostics.extend(overflow);
    }
    laid
}

/// The names of the places in a deck, by the slide they show.
pub fn names_by_slide(anchors: &BTreeMap<String, usize>) -> BTreeMap<usize, Vec<String>> {
    let mut names: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (name, &n) in anchors {
        names.entry(n).or_default().push(name.clone());
    }
    names
}

/// The named places at the top of slide `n` titled `title`: `slide-n`, a bookmark, and `names`
/// (the document and headings it shows).
pub fn slide_marks(n: usize, title: &str, names: &[String]) -> Vec<Mark> {
    let top = SLIDE_HEIGHT + 4.0;
    let mut marks = vec![Mark { name: format!("slide-{n}"), top, outline: Some((0, title.to_string())) }];
    marks.extend(names.iter().map(|name| Mark { name: name.clone(), top, outline: None }));
    marks
}

/// Draws a slide's decorations, title, body and footnotes into `items`, as measured when the
/// deck was paginated; false if the title had to be set over its box.
fn slide_items(cx: &mut Cx, slide: &Slide, items: &mut Vec<Item>) -> bool {
    let accent = cx.accent;
    let (title_box, body_box) = boxes(slide.layout);
    let palette = match slide.layout {
        Layout::Section => {
            items.push(Item::Rect { x: 0.0, y: 0.0, w: SLIDE_WIDTH, h: SLIDE_HEIGHT, color: accent });
            items.push(Item::Rect { x: 0.0, y: COVER_RULE_Y + 2.0, w: SLIDE_WIDTH, h: 2.0, color: WHITE });
            Palette { text: WHITE, accent: WHITE }
        }
        Layout::Title => {
            items.push(Item::Rect { x: title_box.x, y: COVER_RULE_Y, w: 120.0, h: 6.0, color: accent });
            Palette { text: INK, accent }
        }
        Layout::Content => {
            items.push(Item::Rect { x: title_box.x, y: TITLE_RULE_Y, w: title_box.w, h: 2.0, color: accent });
            Palette { text: INK, accent }
        }
    };
    let title = slide.title_text();
    let title_palette = Palette { accent: palette.text, ..palette };
    let (lines, _) =
        cx.within(Role::H(1), |cx| text_lines(cx, &title, slide.title_size, title_box.w, true, title_palette));
    let height = stacked(&lines);
    place(lines, title_box.x, title_box.y + title_box.h - height, items);
    let body = body_slabs(cx, &slide.body, body_box.w, palette);
    let body_height = stacked(&body);
    place(body, body_box.x, body_box.y, items);
    let mut notes = Vec::new();
    for note in &slide.footnotes {
        notes.extend(cx.within(Role::Note, |cx| text_lines(cx, note, FOOTNOTE_SIZE, body_box.w, false, palette)).0);
    }
    let notes_height = stacked(&notes);
    place(notes, body_box.x, body_box.y + body_box.h - notes_height, items);
    height <= title_box.h + 0.01 && body_height + notes_height <= body_box.h + 0.01
}

/// The slabs of a slide's body `width` wide, each item tagged: a run of bullets as one list.
fn body_slabs(cx: &mut Cx, body: &[DeckItem], width: f32, palette: Palette) -> Vec<Slab> {
    let mut slabs = Vec::new();
    let bullet = |item: &DeckItem| matches!(item, DeckItem::Bullet { .. });
    for group in body.chunk_by(|a, b| bullet(a) && bullet(b)) {
        let list = group.iter().all(bullet);
        let items = |cx: &mut Cx| {
            let mut slabs = Vec::new();
            for item in group {
                let role = match item {
                    DeckItem::Heading(_) => Role::H(2),
                    DeckItem::Paragraph(_) => Role::P,
                    DeckItem::Bullet { .. } => Role::LI,
                    DeckItem::Code { .. } => Role::Code,
                    DeckItem::Table(_) => Role::Table,
                    DeckItem::Callout(_) | DeckItem::Image { .. } => Role::Div,
                };
                slabs.extend(cx.within(role, |cx| item_slabs(cx, item, width, palette)).0);
            }
            slabs
        };
        slabs.extend(if list { cx.within(Role::L, items).0 } else { items(cx) });
    }
    slabs
}
