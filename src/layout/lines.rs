//! Line breaking: spans to lines at Unicode break opportunities (UAX #14), greedy, hyphenating
//! a word that does not fit (hypher, English patterns) and cutting a word wider than the line.

use super::flow::{Cx, Slab};
use super::fonts::FontId;
use super::inline::span_tags;
use super::inline::Span;
use super::script;
use super::shape::Shaped;
use super::tag::Tag;
use super::{Glyph, Item, TextRun};
use crate::ir::Align;
use std::rc::Rc;
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Part of a word in one span: its text (with trailing spaces) and the shaped form.
#[derive(Clone)]
struct Part {
    span: usize,
    text: String,
    shaped: Rc<Shaped>,
    /// Width in points including trailing spaces; `ink` without them.
    width: f32,
    ink: f32,
}

/// Text between two break opportunities.
#[derive(Clone)]
struct Word {
    parts: Vec<Part>,
    /// Width without trailing spaces; `full` with them.
    width: f32,
    full: f32,
    /// A forced break follows.
    forced: bool,
}

/// Lays out spans into lines `width` wide, each line a slab of height `leading` × its largest
/// size. Returns at least one line.
pub fn layout_lines(cx: &mut Cx, spans: &[Span], width: f32, leading: f32, align: Align) -> Vec<Slab> {
    let words = words(cx, spans);
    let mut lines: Vec<Vec<Word>> = vec![Vec::new()];
    let mut x = 0.0;
    let mut queue: std::collections::VecDeque<Word> = words.into();
    while let Some(mut word) = queue.pop_front() {
        if x + word.width > width + 0.01 {
            if lines.last().is_some_and(|l| l.is_empty()) {
                // A word wider than the whole line: every line but its last is a piece of it.
                let mut pieces = break_wide(cx, spans, word, width);
                word = pieces.pop().expect("at least one piece");
                for piece in pieces {
                    lines.last_mut().expect("a line").push(piece);
                    lines.push(Vec::new());
                }
            } else {
                // Ragged right: hyphenate only a line of a text-wide measure that would otherwise
                // end less than 70 % full; narrow cells wrap whole words.
                let short = x < width * 0.7 && width > cx.size * 25.0;
                if let Some((head, tail)) = short.then(|| hyphenate(cx, spans, &word, width - x)).flatten() {
                    queue.push_front(tail);
                    queue.push_front(head);
                } else {
                    lines.push(Vec::new());
                    x = 0.0;
                    queue.push_front(word);
                }
                continue;
            }
        }
        x += word.full;
        let forced = word.forced;
        lines.last_mut().expect("a line").push(word);
        if forced {
            lines.push(Vec::new());
            x = 0.0;
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let base_size = spans.first().map_or(cx.size, |s| s.style.size);
    if cx.heights_only {
        return lines.iter().map(|line| Slab::new(line_size(spans, line, base_size) * leading, Vec::new())).collect();
    }
    let tags = span_tags(cx, spans);
    lines.iter().map(|line| line_slab((spans, &tags), line, base_size, leading, width, align)).collect()
}

/// Splits the spans' text at break opportunities into words.
fn words(cx: &mut Cx, spans: &[Span]) -> Vec<Word> {
    let mut full = String::new();
    let mut starts = Vec::with_capacity(spans.len());
    for span in spans {
        starts.push(full.len());
        full.push_str(&span.text);
    }
    let mut words = Vec::new();
    let (mut from, mut first) = (0, 0);
    for (at, opportunity) in linebreaks(&full) {
        let mut parts = Vec::new();
        // The spans the word overlaps, from the first one that does not end before it: a walk
        // over all spans for every word made a table cell of 20,000 lines take seconds.
        while first < spans.len() && starts[first] + spans[first].text.len() <= from {
            first += 1;
        }
        for (i, span) in spans.iter().enumerate().skip(first) {
            let (s, e) = (starts[i], starts[i] + span.text.len());
            if s >= at {
                break;
            }
            let (a, b) = (from.max(s), at.min(e));
            if a < b {
                let text = full[a..b].trim_end_matches(['\n', '\r']);
                parts.push((i, text.to_string()));
            }
        }
        from = at;
        if !parts.is_empty() {
            let forced = opportunity == BreakOpportunity::Mandatory && at < full.len() && ends_line(&full[..at]);
            words.push(make_word(cx, spans, parts, forced));
        }
    }
    words
}

/// Whether text before a mandatory break ends with a line break the document asked for (a hard
/// break, or a line or paragraph separator). Form feeds, vertical tabs and next-line characters
/// are mandatory breaks to UAX #14 but whitespace to Markdown, as to a browser, so they are not.
fn ends_line(text: &str) -> bool {
    text.ends_with(['\n', '\r', '\u{2028}', '\u{2029}'])
}

fn make_word(cx: &mut Cx, spans: &[Span], parts: Vec<(usize, String)>, forced: bool) -> Word {
    let mut word = Word { parts: Vec::new(), width: 0.0, full: 0.0, forced };
    for (span, text) in parts {
        let style = &spans[span].style;
        let shaped = cx.shape(&text, style.font());
        let (width, ink) = (shaped.width * style.font_size(), shaped.ink * style.font_size());
        word.width = word.full + ink;
        word.full += width;
        word.parts.push(Part { span, text, shaped, width, ink });
    }
    word
}

/// A word's characters: span, character, byte offset in the word and width set alone (no kerning
/// or ligature with its neighbours). Measuring them once keeps breaking a long word linear.
struct Chars {
    chars: Vec<(usize, char, usize)>,
    widths: Vec<f32>,
    /// `ends[i]`: the width of the first `i` characters (f64: a long word's sum stays exact enough).
    ends: Vec<f64>,
    /// How much wider the characters set alone are than the word shaped (at least 1).
    slack: f64,
}

impl Chars {
    fn new(cx: &mut Cx, spans: &[Span], word: &Word) -> Chars {
        let (mut chars, mut widths, mut ends) = (Vec::new(), Vec::new(), vec![0.0]);
        let mut at = 0;
        for part in &word.parts {
            let style = &spans[part.span].style;
            for c in part.text.chars() {
                let w = cx.shape(c.encode_utf8(&mut [0; 4]), style.font()).width * style.font_size();
                chars.push((part.span, c, at));
                widths.push(w);
                ends.push(ends.last().copied().unwrap_or_default() + f64::from(w));
                at += c.len_utf8();
            }
        }
        let alone = ends.last().copied().unwrap_or_default();
        let slack = if word.full > 0.0 { (alone / f64::from(word.full)).max(1.0) } else { 1.0 };
        Chars { chars, widths, ends, slack }
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or_else(|| self.chars.last().map_or(0, |&(_, c, at)| at + c.len_utf8()), |c| c.2)
    }

    /// Characters `from..to` as a word, a hyphen added to the head of a hyphenated word.
    fn word(&self, cx: &mut Cx, spans: &[Span], (from, to): (usize, usize), hyphen: bool, forced: bool) -> Word {
        let mut parts: Vec<(usize, String)> = Vec::new();
        for &(span, c, _) in &self.chars[from..to] {
            match parts.last_mut() {
                Some((s, text)) if *s == span => text.push(c),
                _ => parts.push((span, c.to_string())),
            }
        }
        if let (true, Some((_, text))) = (hyphen, parts.last_mut()) {
            text.push('-');
        }
        make_word(cx, spans, parts, forced)
    }

    /// Where a cut after as many characters from `from` as fit `width` falls (at least one), not
    /// inside a grapheme cluster.
    fn cut(&self, from: usize, width: f32) -> usize {
        let (mut x, mut to) = (0.0, from);
        for &w in &self.widths[from..] {
            if x + w > width && to > from {
                break;
            }
            x += w;
            to += 1;
        }
        // A mark (a Thai vowel or tone mark, a Devanagari sign) stays with its base.
        while to > from + 1
            && to < self.chars.len()
            && !script::grapheme_boundary(self.chars[to - 1].1, self.chars[to].1)
        {
            to -= 1;
        }
        to
    }

    /// Whether characters `from..to` may fit `room` once shaped: measured alone they are within
    /// the room plus a fifth and two ems, scaled by how much the whole word shrinks when shaped.
    fn may_fit(&self, (from, to): (usize, usize), room: f32, em: f32) -> bool {
        self.ends[to] - self.ends[from] <= f64::from(1.2 * room + 2.0 * em) * self.slack
    }
}

/// The character indices where a one-span word of letters may be hyphenated (hypher, English),
/// with the trailing-space-free length of its text in bytes; none for any other word.
fn hyphen_points(word: &Word, chars: &Chars) -> (Vec<usize>, usize) {
    let [part] = word.parts.as_slice() else { return (Vec::new(), 0) };
    let core = part.text.trim_end();
    if core.chars().count() < 6 || !core.chars().all(char::is_alphabetic) {
        return (Vec::new(), 0);
    }
    let mut byte = 0;
    let mut points = Vec::new();
    for syllable in hypher::hyphenate(core, hypher::Lang::English) {
        byte += syllable.len();
        points.push(chars.chars.partition_point(|c| c.2 < byte));
    }
    points.pop();
    (points, core.len())
}

/// The last hyphenation point after `from` whose head, with a hyphen, fits `room`; heads keep two
/// bytes and leave three.
fn hyphen_point(
    cx: &mut Cx,
    spans: &[Span],
    chars: &Chars,
    (points, core): (&[usize], usize),
    from: usize,
    room: f32,
) -> Option<usize> {
    let start = chars.byte(from);
    let reach = points.partition_point(|&p| p <= from || chars.may_fit((from, p), room, cx.size));
    for &point in points[..reach].iter().rev().take_while(|&&p| p > from) {
        let at = chars.byte(point);
        if at - start < 2 || core - at < 3 {
            continue;
        }
        if chars.word(cx, spans, (from, point), true, false).width <= room {
            return Some(point);
        }
    }
    None
}

/// Splits a one-span word at a hyphenation point so that the head, with a hyphen, fits `room`.
fn hyphenate(cx: &mut Cx, spans: &[Span], word: &Word, room: f32) -> Option<(Word, Word)> {
    if room < cx.size * 2.0 {
        return None;
    }
    let chars = Chars::new(cx, spans, word);
    let (points, core) = hyphen_points(word, &chars);
    let at = hyphen_point(cx, spans, &chars, (&points, core), 0, room)?;
    let head = chars.word(cx, spans, (0, at), true, false);
    Some((head, chars.word(cx, spans, (at, chars.chars.len()), false, word.forced)))
}

/// Breaks a word wider than the line into pieces, all but the last a line of their own: each at
/// the last hyphenation point whose head fits (a hyphen added), else after as many characters as
/// fit (at least one). The last piece is the rest once it fits or is one character. Each character
/// is measured once and each piece shaped once, so the time is linear in the word's length.
fn break_wide(cx: &mut Cx, spans: &[Span], word: Word, width: f32) -> Vec<Word> {
    let chars = Chars::new(cx, spans, &word);
    let (points, core) = if width < cx.size * 2.0 { (Vec::new(), 0) } else { hyphen_points(&word, &chars) };
    let n = chars.chars.len();
    let mut pieces = Vec::new();
    let mut from = 0;
    loop {
        if from > 0 && chars.may_fit((from, n), width, cx.size) {
            let rest = chars.word(cx, spans, (from, n), false, word.forced);
            if rest.width <= width + 0.01 {
                pieces.push(rest);
                return pieces;
            }
        }
        if let Some(at) = hyphen_point(cx, spans, &chars, (&points, core), from, width) {
            pieces.push(chars.word(cx, spans, (from, at), true, false));
            from = at;
            continue;
        }
        let to = chars.cut(from, width);
        if to >= n {
            pieces.push(if from == 0 { word } else { chars.word(cx, spans, (from, n), false, word.forced) });
            return pieces;
        }
        pieces.push(chars.word(cx, spans, (from, to), false, false));
        from = to;
    }
}

/// Positions the words of one line: text runs (merged per style), code shading, strike lines,
/// link areas.
/// The largest type size on a line, at least `base`: its height is this times the leading.
fn line_size(spans: &[Span], line: &[Word], base: f32) -> f32 {
    line.iter().flat_map(|w| &w.parts).map(|p| spans[p.span].style.size).fold(base, f32::max)
}

fn line_slab(
    (spans, tags): (&[Span], &[Tag]),
    line: &[Word],
    base: f32,
    leading: f32,
    width: f32,
    align: Align,
) -> Slab {
    let size = line_size(spans, line, base);
    let height = size * leading;
    let face = FontId::SERIF.face();
    let (asc, desc) = (face.ascender / face.units_per_em, -face.descender / face.units_per_em);
    let baseline = (height - size * (asc + desc)) / 2.0 + size * asc;
    let used = line.iter().map(|w| w.full).sum::<f32>() - line.last().map_or(0.0, |w| w.full - w.width);
    let mut x = match align {
        Align::Right => (width - used).max(0.0),
        Align::Center => ((width - used) / 2.0).max(0.0),
        Align::None | Align::Left => 0.0,
    };
    let mut runs: Vec<TextRun> = Vec::new();
    let mut extras: Vec<Item> = Vec::new();
    let mut backs: Vec<Item> = Vec::new();
    for (w, word) in line.iter().enumerate() {
        for (p, part) in word.parts.iter().enumerate() {
            let style = &spans[part.span].style;
            let tag = tags[part.span];
            let fs = style.font_size();
            let y = baseline - style.rise;
            let mut px = x;
            for piece in &part.shaped.pieces {
                let glyphs = piece.glyphs.iter().map(|g| Glyph { x: px + g.x * fs, ..*g });
                match runs.last_mut() {
                    Some(run)
                        if run.font == piece.font
                            && run.size == fs
                            && run.color == style.color
                            && run.y == y
                            && run.tag == tag =>
                    {
                        let base_x = run.x;
                        run.glyphs.extend(glyphs.map(|g| Glyph { x: g.x - base_x, ..g }));
                        run.text.push_str(&piece.text);
                        run.width = px + piece.width * fs - base_x;
                    }
                    _ => runs.push(TextRun {
                        x: px,
                        y,
                        font: piece.font,
                        size: fs,
                        color: style.color,
                        glyphs: glyphs.map(|g| Glyph { x: g.x - px, ..g }).collect(),
                        text: piece.text.clone(),
                        width: piece.width * fs,
                        tag,
                    }),
                }
                px += piece.width * fs;
            }
            let last_of_line = w + 1 == line.len() && p + 1 == word.parts.len();
            let ink = if last_of_line { part.ink } else { part.width };
            if style.code {
                backs.push(Item::Rect {
                    x: x - 1.0,
                    y: baseline - style.size * 0.8,
                    w: part.ink + 2.0,
                    h: style.size * 1.05,
                    color: super::Rgb(0.93, 0.94, 0.95),
                });
            }
            if style.strike {
                let y = baseline - style.size * 0.3;
                extras.push(Item::Rule { x1: x, y1: y, x2: x + ink, y2: y, width: 0.6, color: style.color });
            }
            if let Some(dest) = &style.link {
                let (top, h) = (baseline - style.size * 0.9, style.size * 1.2);
                match extras.last_mut() {
                    Some(Item::Link { x: lx, w: lw, dest: d, .. }) if d == dest && (*lx + *lw - x).abs() < 0.5 => {
                        *lw = x + ink - *lx;
                    }
                    _ => extras.push(Item::Link { x, y: top, w: ink, h, dest: dest.clone(), tag }),
                }
            }
            x += part.width;
        }
    }
    let mut items = backs;
    items.extend(runs.into_iter().map(Item::Text));
    items.extend(extras);
    Slab::new(height, items)
}

/// The narrowest and widest the spans can be set: the widest word, and the longest line without
/// wrapping.
pub fn measure(cx: &mut Cx, spans: &[Span]) -> (f32, f32) {
    let (mut min, mut max, mut line) = (0.0f32, 0.0f32, 0.0f32);
    for word in words(cx, spans) {
        min = min.max(word.width);
        line += word.full;
        max = max.max(line - (word.full - word.width));
        if word.forced {
            line = 0.0;
        }
    }
    (min, max)
}
