//! One document as a stand-alone guide: title block, body, footnotes, running header and
//! "page X of Y" footer. The chapter body is shared with the [`super::book`].

use super::PdfTheme;
use crate::ir::walk::{query_block_inlines, query_blocks};
use crate::ir::{asset_key, Align, BlockKind, Body, Collection, Document, Inline};
use crate::layout::image::natural_size;
use crate::layout::layout_lines;
use crate::layout::FontId;
use crate::layout::{dest_name, Assets, Item, Laid, Page, Rgb, Role};
use crate::layout::{footnotes, layout_blocks};
use crate::layout::{paginate, Column};
use crate::layout::{spans, Span, Style};
use crate::layout::{Cx, Slab};
use std::collections::BTreeSet;

/// Page geometry and type settings derived from a (valid) theme.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    pub size: f32,
    pub accent: Rgb,
    pub numbering: bool,
    /// The syntect theme of code blocks.
    pub code_theme: &'static str,
}

impl Geometry {
    /// The geometry of a theme; an invalid accent falls back to the default.
    pub fn new(theme: &PdfTheme) -> Geometry {
        let (width, height) = theme.paper.size();
        let accent = Rgb::from(theme.accent);
        let code_theme = theme.code_theme();
        let (margin, size, numbering) = (theme.margin_pt(), theme.font_size, theme.numbering);
        Geometry { width, height, margin, size, accent, numbering, code_theme }
    }

    /// A page of this geometry showing `items`.
    pub fn page(&self, items: Vec<Item>) -> Page {
        Page { width: self.width, height: self.height, items }
    }

    /// The text column between the margins.
    pub fn column(&self) -> Column {
        Column { x: self.margin, y: self.margin, w: self.width - 2.0 * self.margin, h: self.height - 2.0 * self.margin }
    }

    /// A layout context for document `doc`, without images (see [`add_images`]).
    pub fn cx(&self, doc: &Document) -> Cx {
        let mut cx = Cx::new(self.size, self.accent, self.numbering, &doc.id, &doc.source);
        cx.code_theme = self.code_theme;
        cx.cjk = doc.meta.lang.as_ref().and_then(|lang| crate::layout::cjk_variant(lang.as_str()));
        cx.folder = doc.folder.clone();
        cx.column_height = self.column().h;
        cx
    }
}

/// Gives `cx` the natural size of each image of `assets` that `body` shows and folio can draw
/// (its diagrams' drawings too), and notes those it cannot: only the page's own, so an SVG is
/// read for the pages showing it, not for every page.
fn add_images(cx: &mut Cx, body: &Body, assets: &Assets) {
    let mut keys = BTreeSet::new();
    for blocks in body.block_trees() {
        query_block_inlines(blocks, &mut |inline| {
            if let Inline::Image(image) = inline {
                keys.extend(asset_key(&cx.folder, &image.src));
            }
        });
        query_blocks(blocks, &mut |block| {
            if let BlockKind::CodeBlock { lang, text } = &block.kind {
                keys.extend(crate::diagram::key(lang.as_deref(), text));
            }
        });
    }
    for key in keys {
        let Some(bytes) = assets.get(&key) else { continue };
        match natural_size(bytes) {
            Some(size) => cx.images.insert(key, size).is_some(),
            None => cx.unsupported.insert(key),
        };
    }
}

/// Lays out one document as a guide, each page's header and footer drawn with its body.
pub fn layout_guide(doc: &Document, collection: &Collection, theme: &PdfTheme, assets: &Assets) -> Laid {
    let geometry = Geometry::new(theme);
    let mut laid = chapter_pages(doc, collection, &geometry, assets);
    let overlays = guide_overlays(doc, &geometry, &laid.pages);
    for (page, overlay) in laid.pages.iter_mut().zip(overlays.pages) {
        page.items.extend(overlay.items);
    }
    laid.diagnostics.extend(overlays.diagnostics);
    laid
}

/// A document's title block, body and footnotes on pages of geometry `g`, without headers or
/// footers: what the document's guide and its chapter of the book have in common.
pub fn chapter_pages(doc: &Document, collection: &Collection, g: &Geometry, assets: &Assets) -> Laid {
    let body = doc.body();
    let mut cx = g.cx(doc);
    add_images(&mut cx, &body, assets);
    cx.top_level = top_level(&body);
    let (slabs, _) = cx.within(Role::Sect, |cx| chapter(cx, doc, &body, collection, g.column().w));
    let pages = paginate(slabs, g.column()).into_iter().map(|items| g.page(items)).collect();
    Laid { pages, tree: cx.tree, diagnostics: cx.diagnostics }
}

/// The running header (from the second page) and the "page X of Y" footer of each page of a
/// guide with `body`, as pages to draw over it: decoration, untagged.
pub fn guide_overlays(doc: &Document, g: &Geometry, body: &[Page]) -> Laid {
    let mut cx = g.cx(doc);
    let total = body.len();
    let pages = body
        .iter()
        .enumerate()
        .map(|(i, page)| g.page(decoration(&mut cx, g, i, total, &running_head(&page.items, &doc.title))))
        .collect();
    Laid { pages, tree: cx.tree, diagnostics: cx.diagnostics }
}

/// The level of the highest heading of a body (1 when it has none).
fn top_level(body: &Body) -> u8 {
    body.blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level, .. } => Some(level),
            _ => None,
        })
        .min()
        .unwrap_or(1)
}

/// A document's slabs: title block, body and footnotes.
fn chapter(cx: &mut Cx, doc: &Document, body: &Body, collection: &Collection, width: f32) -> Vec<Slab> {
    let mut out = title_block(cx, (doc, body), collection, width);
    layout_blocks(cx, &body.blocks, width, 0, &mut out);
    footnotes(cx, &body.footnotes, width, &mut out);
    out
}

fn title_block(cx: &mut Cx, (doc, body): (&Document, &Body), collection: &Collection, width: f32) -> Vec<Slab> {
    let mut out = Vec::new();
    let grey = Rgb(0.42, 0.42, 0.46);
    if doc.meta.breadcrumb == Some(true) {
        let trail = breadcrumb(doc, collection);
        if !trail.is_empty() {
            let spans = [Span { text: trail.join("  ›  "), style: Style::plain(FontId::SANS, cx.size * 0.85, grey) }];
            out.extend(cx.within(Role::P, |cx| layout_lines(cx, &spans, width, 1.4, Align::None)).0);
        }
    }
    let mut style = Style::plain(FontId::SANS, cx.size * 2.3, Rgb(0.08, 0.09, 0.13));
    style.bold = true;
    let title_spans = match body.title_inlines() {
        Some(inlines) => spans(cx, inlines, &style),
        None => vec![Span { text: doc.title.clone(), style }],
    };
    let (mut title, _) = cx.within(Role::H(1), |cx| layout_lines(cx, &title_spans, width, 1.2, Align::None));
    let anchor = Item::Anchor { name: dest_name(&doc.id, None), y: 0.0, outline: Some((0, doc.title.clone())) };
    title[0].items.insert(0, anchor);
    out.extend(title);
    if let Some(label) = doc.meta.label.as_deref().filter(|l| !l.trim().is_empty() && *l != doc.title) {
        let size = cx.size * 0.8;
        let label = fit(cx, label, FontId::SANS_BOLD, size, width - size * 1.4);
        let accent = cx.accent;
        let ((mut runs, w), _) =
            cx.within(Role::P, |cx| cx.text(&label, FontId::SANS_BOLD, size, accent, size * 0.7, size * 1.25));
        let pill = Item::Rect { x: 0.0, y: size * 0.2, w: w + size * 1.4, h: size * 1.45, color: cx.accent.tint(0.88) };
        runs.insert(0, pill);
        out.push(Slab { space_before: cx.size * 0.3, ..Slab::new(size * 1.8, runs) });
    }
    if let Some(description) = doc.meta.description.as_deref().filter(|d| !d.trim().is_empty()) {
        let mut style = Style::plain(FontId::SERIF, cx.size * 1.05, grey);
        style.italic = true;
        let spans = [Span { text: description.to_string(), style }];
        let (mut lines, _) = cx.within(Role::P, |cx| layout_lines(cx, &spans, width, 1.4, Align::None));
        lines[0].space_before = cx.size * 0.4;
        out.extend(lines);
    }
    let rule = Item::Rule { x1: 0.0, y1: cx.size * 0.6, x2: width, y2: cx.size * 0.6, width: 1.5, color: cx.accent };
    out.push(Slab::new(cx.size * 0.8, vec![rule]));
    for slab in &mut out {
        slab.keep_with_next = true;
    }
    out
}

/// Titles of the folders above a document, below the root.
fn breadcrumb(doc: &Document, collection: &Collection) -> Vec<String> {
    let mut trail = Vec::new();
    let mut prefix = String::new();
    for part in doc.folder.split('/').filter(|p| !p.is_empty()) {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if let Some(folder) = collection.folders.iter().find(|f| f.id == prefix) {
            trail.push(folder.title.clone());
        }
    }
    trail
}

/// The running header of a page showing `items` of a part titled `title`: none on the page
/// that opens the part.
pub fn running_head(items: &[Item], title: &str) -> String {
    let opens = items.iter().any(|it| matches!(it, Item::Anchor { outline: Some((0, _)), .. }));
    if opens {
        String::new()
    } else {
        title.to_string()
    }
}

/// The header `head` (if not empty) with its rule, and the "page X of Y" footer of page
/// `index` of `total`.
pub fn decoration(cx: &mut Cx, g: &Geometry, index: usize, total: usize, head: &str) -> Vec<Item> {
    let grey = Rgb(0.45, 0.45, 0.5);
    let size = (g.size * 0.8).max(7.0);
    let mut items = Vec::new();
    if !head.is_empty() {
        let y = g.margin * 0.55;
        let header = fit(cx, head, FontId::SANS, size, g.width - 2.0 * g.margin);
        let (runs, _) = cx.text(&header, FontId::SANS, size, grey, g.margin, y);
        items.extend(runs);
        let rule_y = y + size * 0.5;
        let right = g.width - g.margin;
        items.push(Item::Rule { x1: g.margin, y1: rule_y, x2: right, y2: rule_y, width: 0.4, color: grey });
    }
    let label = format!("page {} of {}", index + 1, total);
    let y = g.height - g.margin * 0.45;
    let (mut runs, w) = cx.text(&label, FontId::SANS, size, grey, 0.0, y);
    for run in &mut runs {
        run.shift(g.width - g.margin - w, 0.0);
    }
    items.extend(runs);
    items
}

/// The text, shortened with an ellipsis until it is at most `width` wide in `font`.
fn fit(cx: &mut Cx, text: &str, font: FontId, size: f32, width: f32) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut candidate = text.to_string();
    while cx.shape(&candidate, font).width * size > width && !chars.is_empty() {
        let keep = chars.len() * 9 / 10;
        chars.truncate(keep);
        candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
    }
    candidate
}
