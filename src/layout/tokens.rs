//! The tokens of a table cell that are never broken across lines (text between spaces of at
//! most [`KEEP`] characters), and so the narrowest its column may be: numbers and codes first
//! (a token with a digit, or in code), then short words as well, where they all fit. Longer
//! words are hyphenated before they are cut.

use super::flow::Cx;
use super::inline::Span;

/// Tokens of at most this many characters are never broken.
pub const KEEP: usize = 12;

/// The widths of a cell's widest tokens kept whole.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Kept {
    /// The widest number or code.
    pub firm: f32,
    /// The widest token of any kind, words too.
    pub all: f32,
}

/// The widest tokens of a cell (across spans) of at most [`KEEP`] characters.
pub fn kept_widths(cx: &mut Cx, cell: &[Span]) -> Kept {
    let mut kept = Kept::default();
    let mut token = Token::default();
    for span in cell {
        let (font, size) = (span.style.font(), span.style.font_size());
        let mut pieces = span.text.split(char::is_whitespace).peekable();
        while let Some(piece) = pieces.next() {
            if !piece.is_empty() {
                token.width += cx.shape(piece, font).width * size;
                token.chars += piece.chars().count();
                token.firm |= span.style.code || piece.chars().any(|c| c.is_ascii_digit());
            }
            if pieces.peek().is_some() {
                std::mem::take(&mut token).add_to(&mut kept);
            }
        }
    }
    token.add_to(&mut kept);
    kept
}

/// A token being measured.
#[derive(Default)]
struct Token {
    width: f32,
    chars: usize,
    firm: bool,
}

impl Token {
    fn add_to(self, kept: &mut Kept) {
        if self.chars <= KEEP {
            kept.all = kept.all.max(self.width);
            if self.firm {
                kept.firm = kept.firm.max(self.width);
            }
        }
    }
}
