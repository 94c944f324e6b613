//! The words of a text and their widths, for a program that sets the text itself (a
//! spreadsheet wrapping a cell): cut where the line breaker cuts (UAX #14) and shaped by the
//! same shaper as every page, with each face's advances scaled to the face that program will
//! draw in instead.

use super::super::flow::Cx;
use super::super::fonts::FontId;
use super::super::inline::Span;
use super::words::{words, Word};

/// A word's width without and with its trailing spaces, in points, and whether the text
/// breaks its line after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordWidth {
    pub width: f32,
    pub full: f32,
    pub forced: bool,
}

/// The words of `spans`, each glyph's advance multiplied by `scale` of the face that has it.
pub fn word_widths(cx: &mut Cx, spans: &[Span], scale: impl Fn(FontId) -> f32) -> Vec<WordWidth> {
    words(cx, spans).0.iter().map(|word| scaled(word, &scale)).collect()
}

fn scaled(word: &Word, scale: &impl Fn(FontId) -> f32) -> WordWidth {
    let (mut plain, mut drawn) = (0.0, 0.0);
    for piece in word.parts.iter().flat_map(|part| &part.shaped.pieces) {
        plain += piece.width;
        drawn += piece.width * scale(piece.font);
    }
    let ratio = if plain > 0.0 { drawn / plain } else { 1.0 };
    WordWidth { width: word.width * ratio, full: word.full * ratio, forced: word.forced }
}
