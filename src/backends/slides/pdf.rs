//! The PDF deck: every slide set by the layout engine on a 16:9 page in the boxes of the PPTX
//! layouts (a title over an accent rule and the body below it; title and section slides with
//! their rule and accent fill), one bookmark a slide. Text the deck model's estimate let
//! overflow its box is set smaller, step by step to a floor; what still does not fit is left
//! out with a warning, so nothing is ever drawn outside the slide.

use super::deck::{Deck, Item as Block, Layout, Link, Marker, Run, Slide, Table};
use super::layout::{
    boxes, text_style, Rect, TextStyle, COVER_RULE_Y, LINE_SPACING, PARAGRAPH_SPACE, SLIDE_HEIGHT, SLIDE_WIDTH,
    TABLE_GAP, TITLE_RULE_Y,
};
use crate::diag::Diagnostic;
use crate::ir::Align;
use crate::layout::Laid;
use crate::layout::{layout_lines, styled_table, Cx, FontId, Item, LinkDest, Page, Rgb, Slab, Span, Style};
use crate::pdf::Mark;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Each step sets overflowing text at this fraction of the size before.
const STEP: f32 = 0.92;
/// The smallest fraction of its size text is set at.
const FLOOR: f32 = 0.6;
const INK: Rgb = Rgb(0.12, 0.12, 0.14);
const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// The colours of a slide's text: body text, and headings, bullets and links.
#[derive(Clone, Copy)]
struct Palette {
    text: Rgb,
    accent: Rgb,
}

/// The pages of `deck`, one a slide, each with its anchors, and warnings (naming `source`) for
/// slides whose text does not fit even at the smallest size. Characters no font has are left
/// to the PDF guide to report, with their line, which the deck model no longer knows.
pub fn deck_pages(deck: &Deck, accent: Rgb, source: &str) -> Laid {
    let doc = deck.document.as_deref().unwrap_or("");
    let mut laid = slide_pages(&deck.slides, 1, accent, doc, source);
    let names = names_by_slide(&deck.anchors);
    for (i, page) in laid.pages.iter_mut().enumerate() {
        let marks = slide_marks(i + 1, &deck.slides[i].title, names.get(&(i + 1)).map_or(&[][..], Vec::as_slice));
        let anchors = marks.into_iter().map(|m| Item::Anchor { name: m.name, y: 0.0, outline: m.outline });
        page.items.splice(0..0, anchors);
    }
    laid
}

/// The pages of `slides`, the first numbered `first` in its deck, set in parallel; without
/// anchors, so that the same pages can go into two decks (see [`slide_marks`]).
pub fn slide_pages(slides: &[Slide], first: usize, accent: Rgb, doc: &str, source: &str) -> Laid {
    let set: Vec<(Page, Option<Diagnostic>)> = slides
        .par_iter()
        .enumerate()
        .map(|(i, slide)| {
            let mut cx = Cx::new(super::layout::BODY_SIZE, accent, false, doc, source);
            let mut items = Vec::new();
            let overflow = (!slide_items(&mut cx, slide, &mut items)).then(|| {
                let message = format!(
                    "slide {} (\"{}\") does not fit even at {:.0} % of its type size; the PDF deck leaves out what overflows",
                    first + i,
                    slide.title,
                    FLOOR * 100.0
                );
                Diagnostic::warning(source, 0, 0, message)
            });
            (Page { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, items }, overflow)
        })
        .collect();
    let (pages, overflows): (Vec<Page>, Vec<Option<Diagnostic>>) = set.into_iter().unzip();
    Laid { pages, diagnostics: overflows.into_iter().flatten().collect() }
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

/// Draws a slide's decorations, title and body into `items`; false if something did not fit.
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
    let title = [Run { text: slide.title.clone(), bold: true, ..Run::default() }];
    let (lines, title_fits) = fit(title_box.h, |scale| {
        let spans = spans(&title, slide.title_size * scale, palette.text, palette.accent);
        layout_lines(cx, &spans, title_box.w, LINE_SPACING, Align::Left)
    });
    let height: f32 = lines.iter().map(|s| s.space_before + s.height).sum();
    place(lines, title_box.x, title_box.y + title_box.h - height, items);
    let (body, body_fits) = fit(body_box.h, |scale| body_slabs(cx, &slide.body, body_box, scale, palette));
    place(body, body_box.x, body_box.y, items);
    title_fits && body_fits
}

/// The slabs `make` gives at full size, or at the first smaller scale at which they stack no
/// higher than `height`; at the floor, those of them that fit, and false.
fn fit(height: f32, mut make: impl FnMut(f32) -> Vec<Slab>) -> (Vec<Slab>, bool) {
    let mut scale = 1.0;
    loop {
        let mut slabs = make(scale);
        let mut y = 0.0;
        let fitting = slabs
            .iter()
            .take_while(|s| {
                y += s.space_before + s.height;
                y <= height + 0.01
            })
            .count();
        if fitting == slabs.len() {
            return (slabs, true);
        }
        if scale * STEP < FLOOR {
            slabs.truncate(fitting);
            return (slabs, false);
        }
        scale *= STEP;
    }
}

/// Stacks slabs from (`x`, `y`) down, each after its space.
fn place(slabs: Vec<Slab>, x: f32, mut y: f32, items: &mut Vec<Item>) {
    for slab in slabs {
        y += slab.space_before;
        items.extend(slab.items.into_iter().map(|mut item| {
            item.shift(x, y);
            item
        }));
        y += slab.height;
    }
}

/// Runs as spans of the slide face at `size`; links in the accent colour.
fn spans(runs: &[Run], size: f32, text: Rgb, accent: Rgb) -> Vec<Span> {
    runs.iter()
        .filter(|run| !run.text.is_empty())
        .map(|run| {
            let link = run.link.as_ref().map(|link| match link {
                Link::Url(url) => LinkDest::Uri(url.clone()),
                Link::Document { id, anchor } => LinkDest::Internal { doc: id.clone(), anchor: anchor.clone() },
            });
            let color = if link.is_some() { accent } else { text };
            let style = Style {
                bold: run.bold,
                italic: run.italic,
                code: run.code,
                strike: run.strike,
                link,
                ..Style::plain(FontId::Sans, size, color)
            };
            Span { text: run.text.clone(), style }
        })
        .collect()
}

/// The body's items as slabs `area.w` wide with their type at `scale` of its size.
fn body_slabs(cx: &mut Cx, body: &[Block], area: Rect, scale: f32, palette: Palette) -> Vec<Slab> {
    let mut out = Vec::new();
    for block in body {
        let (mut slabs, gap) = match (block, text_style(block)) {
            (Block::Table(table), _) => (table_slabs(cx, table, area.w, scale, palette), TABLE_GAP),
            (_, Some(style)) => (text_slabs(cx, block, style, area.w, scale, palette), PARAGRAPH_SPACE),
            (_, None) => continue,
        };
        if let Some(first) = slabs.first_mut() {
            first.space_before = gap * scale;
        }
        out.extend(slabs);
    }
    out
}

/// The lines of a text item in a body `width` wide, its bullet hanging in the indent.
fn text_slabs(cx: &mut Cx, block: &Block, style: TextStyle, width: f32, scale: f32, palette: Palette) -> Vec<Slab> {
    let size = style.size * scale;
    let set = |cx: &mut Cx, spans: &[Span]| layout_lines(cx, spans, width - style.indent, LINE_SPACING, Align::Left);
    match block {
        Block::Heading(text) => {
            let runs: Vec<Run> = text.iter().map(|r| Run { bold: true, ..r.clone() }).collect();
            set(cx, &spans(&runs, size, palette.accent, palette.accent))
        }
        Block::Paragraph(text) => set(cx, &spans(text, size, palette.text, palette.accent)),
        Block::Bullet { marker, text, .. } => {
            let mut lines = set(cx, &spans(text, size, palette.text, palette.accent));
            for line in &mut lines {
                line.indent(style.indent);
            }
            let mark = match marker {
                Marker::Bullet => "•".to_string(),
                Marker::Number(n) => format!("{n}."),
            };
            let baseline = lines[0].items.iter().find_map(|i| if let Item::Text(r) = i { Some(r.y) } else { None });
            let x = style.indent - style.indent.min(24.0);
            let (runs, _) = cx.text(&mark, FontId::Sans, size, palette.accent, x, baseline.unwrap_or(size));
            lines[0].items.extend(runs);
            lines
        }
        Block::Code(code) => {
            let mut lines = Vec::new();
            for line in code.split('\n') {
                let span = Span { text: line.to_string(), style: Style::plain(FontId::Mono, size, palette.text) };
                lines.extend(set(cx, &[span]));
            }
            lines
        }
        Block::Table(_) => Vec::new(),
    }
}

/// A table with the layout engine's column widths, header fill and zebra rows.
fn table_slabs(cx: &mut Cx, table: &Table, width: f32, scale: f32, palette: Palette) -> Vec<Slab> {
    let size = table.size * scale;
    let columns = table.rows.iter().map(Vec::len).chain([table.head.len()]).max().unwrap_or(0);
    let row = |cells: &[Vec<Run>], text: Rgb, bold: bool| -> Vec<Vec<Span>> {
        (0..columns)
            .map(|c| {
                let runs: Vec<Run> =
                    cells.get(c).into_iter().flatten().map(|r| Run { bold: r.bold || bold, ..r.clone() }).collect();
                spans(&runs, size, text, if bold { text } else { palette.accent })
            })
            .collect()
    };
    let has_head = !table.head.is_empty();
    let mut cells = Vec::with_capacity(table.rows.len() + 1);
    if has_head {
        cells.push(row(&table.head, WHITE, true));
    }
    cells.extend(table.rows.iter().map(|r| row(r, palette.text, false)));
    styled_table(cx, cells, has_head, &table.align, size, width)
}
