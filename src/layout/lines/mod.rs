//! Line breaking: spans to lines at Unicode break opportunities (UAX #14), greedy, hyphenating
//! a word that does not fit and cutting a word wider than the line ([`wide`]); each line is then
//! set into positioned runs ([`set`]), in visual order for right-to-left text ([`bidi`]).

mod bidi;
mod set;
mod wide;
mod widths;
mod words;

use super::flow::{Cx, Slab};
use super::inline::span_tags;
use super::inline::Span;
use crate::ir::Align;
pub use bidi::{direction_runs, rtl_paragraph};
use set::{line_size, line_slab};
use wide::{break_wide, hyphenate};
pub use widths::{word_widths, WordWidth};
use words::{words, Word};

/// Lays out spans into lines `width` wide, each line a slab of height `leading` × its largest
/// size. Returns at least one line.
pub fn layout_lines(cx: &mut Cx, spans: &[Span], width: f32, leading: f32, align: Align) -> Vec<Slab> {
    let (words, paragraph) = words(cx, spans);
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
    let set = |line: &Vec<Word>| line_slab((spans, &tags), line, (base_size, leading), (width, align), paragraph);
    lines.iter().map(set).collect()
}

/// The narrowest and widest the spans can be set: the widest word, and the longest line without
/// wrapping.
pub fn measure(cx: &mut Cx, spans: &[Span]) -> (f32, f32) {
    let (mut min, mut max, mut line) = (0.0f32, 0.0f32, 0.0f32);
    for word in words(cx, spans).0 {
        min = min.max(word.width);
        line += word.full;
        max = max.max(line - (word.full - word.width));
        if word.forced {
            line = 0.0;
        }
    }
    (min, max)
}
