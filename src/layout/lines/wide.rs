//! Cutting a word: at an English hyphenation point (hypher) when a line would otherwise end
//! short, and into line-wide pieces when the word is wider than the line.

use super::super::flow::Cx;
use super::super::inline::Span;
use super::super::script;
use super::words::{make_word, Bit, Word};

/// A word's characters: span, character, byte offset in the word, bidi level and width set alone (no kerning
/// or ligature with its neighbours). Measuring them once keeps breaking a long word linear.
struct Chars {
    chars: Vec<(usize, char, usize, Option<u8>)>,
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
                let rtl = part.level.map(|l| l % 2 == 1);
                let w = cx.shape_in(c.encode_utf8(&mut [0; 4]), style.font(), rtl).width * style.font_size();
                chars.push((part.span, c, at, part.level));
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
        self.chars.get(i).map_or_else(|| self.chars.last().map_or(0, |&(_, c, at, _)| at + c.len_utf8()), |c| c.2)
    }

    /// Characters `from..to` as a word, a hyphen added to the head of a hyphenated word.
    fn word(&self, cx: &mut Cx, spans: &[Span], (from, to): (usize, usize), hyphen: bool, forced: bool) -> Word {
        let mut parts: Vec<Bit> = Vec::new();
        for &(span, c, _, level) in &self.chars[from..to] {
            match parts.last_mut() {
                Some((s, text, l)) if *s == span && *l == level => text.push(c),
                _ => parts.push((span, c.to_string(), level)),
            }
        }
        if let (true, Some((_, text, _))) = (hyphen, parts.last_mut()) {
            text.push('-');
        }
        // In a paragraph with right-to-left text, trailing white space is a part of its own.
        if let Some((span, text, Some(level))) = parts.last_mut() {
            let core = text.trim_end().len();
            if core > 0 && core < text.len() {
                let space = text.split_off(core);
                let part = (*span, space, Some(*level));
                parts.push(part);
            }
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
pub fn hyphenate(cx: &mut Cx, spans: &[Span], word: &Word, room: f32) -> Option<(Word, Word)> {
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
pub fn break_wide(cx: &mut Cx, spans: &[Span], word: Word, width: f32) -> Vec<Word> {
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
