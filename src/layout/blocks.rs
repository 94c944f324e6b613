//! Block layout: headings, paragraphs, lists, quotes, callouts, code, rules and footnotes into
//! slabs for the paginator. Tables are in [`super::table`].

use super::flow::{Cx, Frame, Slab};
use super::fonts::FontId;
use super::inline::{footnote_anchor, spans, Span, Style};
use super::lines::layout_lines;
use super::list::list;
use super::tag::Role;
use super::{dest_name, Item, Rgb};
use crate::diag::Diagnostic;
use crate::highlight::{code_lines, CodeLine};
use crate::ir::{asset_key, plain_text, Align, Block, BlockKind, CalloutKind, Footnote, Inline};

/// Line height of body text, as a multiple of the size.
pub const LEADING: f32 = 1.45;

/// Lays out blocks `width` wide; `depth` is the list nesting depth.
pub fn layout_blocks(cx: &mut Cx, blocks: &[Block], width: f32, depth: usize, out: &mut Vec<Slab>) {
    for (i, block) in blocks.iter().enumerate() {
        cx.line = block.span.line;
        let start = out.len();
        match &block.kind {
            BlockKind::Paragraph { content } => {
                paragraph(cx, content, width, out);
                // The paragraph that leads into a table goes with it when the table moves on.
                if let Some(last) = out[start..].last_mut() {
                    last.keep_with_next |= blocks.get(i + 1).is_some_and(|b| matches!(b.kind, BlockKind::Table { .. }));
                }
            }
            BlockKind::Heading { level, id, content } => heading(cx, *level, id, content, width, out),
            BlockKind::List { start, tight, items } => {
                cx.within(Role::L, |cx| list(cx, *start, *tight, items, width, depth, out));
            }
            BlockKind::Table { align, head, rows } => {
                cx.within(Role::Table, |cx| super::table::table(cx, align, head, rows, width, out));
            }
            BlockKind::CodeBlock { lang, text } => {
                match crate::diagram::image(lang.as_deref(), text, block.span, |key| cx.images.contains_key(key)) {
                    Some(drawing) => paragraph(cx, &[Inline::Image(Box::new(drawing))], width, out),
                    None => drop(cx.within(Role::Code, |cx| code(cx, lang.as_deref(), text, width, out))),
                }
            }
            BlockKind::Quote { blocks } => {
                cx.within(Role::BlockQuote, |cx| quote(cx, blocks, width, depth, out));
            }
            BlockKind::Callout { kind, title, blocks } => {
                cx.within(Role::Div, |cx| callout(cx, *kind, title.as_deref(), blocks, width, depth, out));
            }
            BlockKind::Rule => {
                let y = cx.size * 0.6;
                let rule = Item::Rule { x1: 0.0, y1: y, x2: width, y2: y, width: 0.5, color: Rgb(0.75, 0.75, 0.78) };
                out.push(Slab { droppable: true, ..Slab::new(cx.size * 1.2, vec![rule]) });
            }
            BlockKind::Raw { .. } => {}
        }
        if let Some(first) = out.get_mut(start) {
            if first.space_before == 0.0 {
                first.space_before = cx.size * 0.6;
            }
        }
    }
}

/// An indent for nested content, none once the column is down to a few words, so deep nesting
/// never pushes text out of the column.
pub(super) fn nest(cx: &Cx, indent: f32, width: f32) -> f32 {
    if width > cx.size * 12.0 {
        indent
    } else {
        0.0
    }
}

/// The body style at the current size and colour.
fn body(cx: &Cx) -> Style {
    Style::plain(FontId::SERIF, cx.size, cx.text_color)
}

fn paragraph(cx: &mut Cx, content: &[Inline], width: f32, out: &mut Vec<Slab>) {
    if let Some(slabs) = image_block(cx, content, width) {
        out.extend(slabs);
        return;
    }
    let spans = spans(cx, content, &body(cx));
    let (mut lines, _) = cx.within(Role::P, |cx| layout_lines(cx, &spans, width, LEADING, Align::None));
    let n = lines.len();
    if n >= 2 {
        lines[0].keep_with_next = true;
        lines[n - 2].keep_with_next = true;
    }
    out.extend(lines);
}

/// A paragraph that is only an image: the image, at 96 pixels to the inch, scaled down to fit the
/// column's width and 60 % of its height. An image that cannot be drawn (missing, damaged, too
/// large, or in a format that cannot be embedded, which is a warning here; the others were
/// reported when read) is a grey box with its alt text. An image without alt text is a warning,
/// for that is all a screen reader can say of it (its file name is said instead).
fn image_block(cx: &mut Cx, content: &[Inline], width: f32) -> Option<Vec<Slab>> {
    let mut images = content.iter().filter(|i| !matches!(i, Inline::SoftBreak | Inline::HardBreak));
    let (Some(Inline::Image(image)), None) = (images.next(), images.next()) else { return None };
    let (src, span) = (&image.src, image.span);
    let key = asset_key(&cx.folder, src)?;
    if cx.unsupported.contains(&key) {
        let message = format!(
            "image `{src}` is not a PNG, JPEG, GIF, WebP or SVG folio can read; its alt text is shown in a box"
        );
        cx.diagnostics.push(Diagnostic::warning(&cx.source, span.line, span.column, message));
    }
    let Some(&(w, h)) = cx.images.get(&key) else { return Some(placeholder(cx, content, width)) };
    let scale = (width / w).min(cx.column_height * 0.6 / h).min(1.0);
    let (w, h) = (w * scale, h * scale);
    let mut alt = image.alt.trim();
    if alt.is_empty() {
        let message = format!("image `{src}` has no alt text: a screen reader can say only its file name");
        cx.diagnostics.push(Diagnostic::warning(&cx.source, span.line, span.column, message));
        alt = src.rsplit('/').next().unwrap_or(src);
    }
    let current = cx.tag();
    let tag = cx.tree.add(Role::Figure(alt.into()), current);
    let image = Item::Image { x: 0.0, y: cx.size * 0.3, w, h, key, tag };
    Some(vec![Slab::new(h + cx.size * 0.6, vec![image])])
}

/// A grey box with a bar on its left holding the alt text of an image that cannot be drawn.
fn placeholder(cx: &mut Cx, content: &[Inline], width: f32) -> Vec<Slab> {
    let pad = cx.size;
    let frame =
        Frame { fill: Some(Rgb(0.93, 0.93, 0.94)), bar: Some((Rgb(0.6, 0.6, 0.64), 3.0)), pad_x: pad, pad_y: pad };
    let spans = spans(cx, content, &body(cx));
    let (lines, _) = cx.within(Role::P, |cx| layout_lines(cx, &spans, width - 2.0 * pad, LEADING, Align::None));
    frame.wrap(lines, width)
}

fn heading(cx: &mut Cx, level: u8, id: &str, content: &[Inline], width: f32, out: &mut Vec<Slab>) {
    let rel = usize::from(level.saturating_sub(cx.top_level)) + 1;
    let (scale, color) = match rel {
        1 => (1.55, cx.accent),
        2 => (1.25, cx.accent),
        3 => (1.1, Rgb(0.2, 0.2, 0.24)),
        _ => (1.0, Rgb(0.2, 0.2, 0.24)),
    };
    let size = cx.size * scale;
    let mut style = Style::plain(FontId::SANS, size, color);
    style.bold = true;
    let mut all = Vec::new();
    if cx.numbering {
        all.push(Span { text: format!("{}  ", cx.heading_number(rel)), style: style.clone() });
    }
    all.extend(spans(cx, content, &style));
    // The document's title is the one level 1 heading; its top headings are level 2.
    let role = Role::H((rel + 1).min(6) as u8);
    let (mut lines, _) = cx.within(role, |cx| layout_lines(cx, &all, width, 1.25, Align::None));
    let title = all.iter().map(|s| s.text.as_str()).collect::<String>().trim().to_string();
    let name = dest_name(&cx.doc_id, Some(id));
    lines[0].items.insert(0, Item::Anchor { name, y: 0.0, outline: Some((rel as u8, title)) });
    lines[0].space_before = if rel == 1 { cx.size * 1.9 } else { cx.size * 1.3 };
    if rel == 1 {
        let rule = Item::Rule { x1: 0.0, y1: 2.0, x2: width, y2: 2.0, width: 0.6, color: cx.accent.tint(0.6) };
        lines.push(Slab::new(cx.size * 0.5, vec![rule]));
    }
    for line in &mut lines {
        line.keep_with_next = true;
    }
    out.extend(lines);
    if let Some(last) = out.last_mut() {
        last.height += cx.size * 0.1;
    }
}

/// A code block on a shaded box; highlighted when its language is one syntect knows. Long lines
/// wrap inside the box.
fn code(cx: &mut Cx, lang: Option<&str>, text: &str, width: f32, out: &mut Vec<Slab>) {
    let pad = cx.size * 0.8;
    let style = Style::plain(FontId::MONO, cx.size * 0.85, Rgb(0.15, 0.17, 0.2));
    let mut inner = Vec::new();
    for line in code_lines(text.trim_end_matches('\n'), lang, cx.code_theme) {
        inner.extend(layout_lines(cx, &code_spans(&line, &style), width - 2.0 * pad, 1.35, Align::Left));
    }
    let frame = Frame { fill: Some(Rgb(0.955, 0.96, 0.965)), bar: None, pad_x: pad, pad_y: cx.size * 0.5 };
    out.extend(frame.wrap(inner, width));
}

/// The spans of a line of code in `style`, highlighted runs in their colours; one empty span for
/// an empty line, which keeps its height. Tabs are four spaces.
pub fn code_spans(line: &CodeLine, style: &Style) -> Vec<Span> {
    let span = |(text, color): (&str, Option<[u8; 3]>)| Span {
        text: text.trim_end_matches('\r').replace('\t', "    "),
        style: Style { color: color.map_or(style.color, Rgb::from), ..style.clone() },
    };
    let spans: Vec<Span> = line.runs().map(span).collect();
    if spans.is_empty() {
        return vec![Span { text: String::new(), style: style.clone() }];
    }
    spans
}

fn quote(cx: &mut Cx, blocks: &[Block], width: f32, depth: usize, out: &mut Vec<Slab>) {
    let pad = nest(cx, cx.size, width);
    let saved = cx.text_color;
    cx.text_color = Rgb(0.33, 0.33, 0.37);
    let mut inner = Vec::new();
    layout_blocks(cx, blocks, width - 2.0 * pad, depth, &mut inner);
    cx.text_color = saved;
    let frame = Frame { fill: None, bar: Some((Rgb(0.8, 0.8, 0.83), 2.5)), pad_x: pad, pad_y: cx.size * 0.2 };
    out.extend(frame.wrap(inner, width));
}

/// The colour of a callout kind.
fn callout_color(kind: CalloutKind) -> Rgb {
    match kind {
        CalloutKind::Note | CalloutKind::Info => Rgb(0.11, 0.42, 0.75),
        CalloutKind::Tip | CalloutKind::Success => Rgb(0.13, 0.55, 0.3),
        CalloutKind::Important => Rgb(0.45, 0.25, 0.7),
        CalloutKind::Warning | CalloutKind::Caution => Rgb(0.8, 0.5, 0.05),
        CalloutKind::Danger => Rgb(0.8, 0.18, 0.18),
    }
}

fn callout(
    cx: &mut Cx,
    kind: CalloutKind,
    title: Option<&[Inline]>,
    blocks: &[Block],
    width: f32,
    depth: usize,
    out: &mut Vec<Slab>,
) {
    let color = callout_color(kind);
    let pad = nest(cx, cx.size, width);
    let inner_width = width - 2.0 * pad;
    let mut label = Style::plain(FontId::SANS, cx.size * 0.95, color);
    label.bold = true;
    let mut heading = vec![Span { text: kind.display_name().to_string(), style: label.clone() }];
    if let Some(title) = title.filter(|t| !plain_text(t).trim().is_empty()) {
        if !plain_text(title).trim().eq_ignore_ascii_case(kind.display_name()) {
            heading.push(Span { text: " · ".into(), style: label.clone() });
            heading.extend(spans(cx, title, &label));
        }
    }
    let (mut inner, _) = cx.within(Role::Caption, |cx| layout_lines(cx, &heading, inner_width, 1.3, Align::None));
    for line in &mut inner {
        line.keep_with_next = true;
    }
    let first_body = inner.len();
    layout_blocks(cx, blocks, inner_width, depth, &mut inner);
    if let Some(slab) = inner.get_mut(first_body) {
        slab.space_before = cx.size * 0.25;
    }
    let frame = Frame { fill: Some(color.tint(0.9)), bar: Some((color, 3.0)), pad_x: pad, pad_y: cx.size * 0.6 };
    out.extend(frame.wrap(inner, width));
}

/// The footnotes of a document at its end, under a short rule, numbered as referenced.
pub fn footnotes(cx: &mut Cx, notes: &[Footnote], width: f32, out: &mut Vec<Slab>) {
    if notes.is_empty() {
        return;
    }
    let saved = cx.size;
    cx.size = saved * 0.85;
    let rule = Item::Rule { x1: 0.0, y1: 0.0, x2: width * 0.3, y2: 0.0, width: 0.5, color: Rgb(0.6, 0.6, 0.6) };
    out.push(Slab { space_before: saved * 1.5, keep_with_next: true, ..Slab::new(cx.size * 0.4, vec![rule]) });
    let mut ordered: Vec<(usize, &Footnote)> = notes.iter().map(|n| (cx.footnote_number(&n.label), n)).collect();
    ordered.sort_by_key(|(n, _)| *n);
    for (number, note) in ordered {
        cx.line = note.span.line;
        let (inner, _) = cx.within(Role::Note, |cx| footnote(cx, number, note, width));
        out.extend(inner);
    }
    cx.size = saved;
}

/// Footnote `number`'s text, `width` wide, its number hanging before it.
fn footnote(cx: &mut Cx, number: usize, note: &Footnote, width: f32) -> Vec<Slab> {
    let indent = cx.size * 1.8;
    let mut inner = Vec::new();
    layout_blocks(cx, &note.blocks, width - indent, 0, &mut inner);
    if inner.is_empty() {
        inner.push(Slab::new(cx.size * LEADING, Vec::new()));
    }
    inner[0].space_before = cx.size * 0.3;
    for slab in &mut inner {
        slab.indent(indent);
    }
    let y = inner[0].items.iter().find_map(|i| if let Item::Text(r) = i { Some(r.y) } else { None });
    let (size, color, y) = (cx.size, cx.text_color, y.unwrap_or(cx.size));
    let ((mut runs, _), _) =
        cx.within(Role::Lbl, |cx| cx.text(&format!("{number}."), FontId::SERIF, size, color, 0.0, y));
    let name = dest_name(&cx.doc_id, Some(&footnote_anchor(&note.label)));
    runs.insert(0, Item::Anchor { name, y: 0.0, outline: None });
    inner[0].items.splice(0..0, runs);
    inner
}
