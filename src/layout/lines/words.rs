//! Words: the spans' text cut at break opportunities (UAX #14), each word a part per span (and
//! per direction, in a paragraph with right-to-left text) shaped in its face.

use super::super::flow::Cx;
use super::super::inline::Span;
use super::super::shape::Shaped;
use super::bidi::{self, Levels};
use std::rc::Rc;
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Part of a word in one span: its text (with trailing spaces) and the shaped form.
#[derive(Clone)]
pub struct Part {
    pub span: usize,
    pub text: String,
    pub shaped: Rc<Shaped>,
    /// Width in points including trailing spaces; `ink` without them.
    pub width: f32,
    pub ink: f32,
    /// The bidi embedding level, odd for right to left; `None` in a paragraph without
    /// right-to-left text.
    pub level: Option<u8>,
}

/// A part's span, text and level, before it is shaped.
pub type Bit = (usize, String, Option<u8>);

/// Text between two break opportunities.
#[derive(Clone)]
pub struct Word {
    pub parts: Vec<Part>,
    /// Width without trailing spaces; `full` with them.
    pub width: f32,
    pub full: f32,
    /// A forced break follows.
    pub forced: bool,
}

/// Splits the spans' text at break opportunities into words; with the paragraph's bidi level
/// when it has right-to-left text.
pub fn words(cx: &mut Cx, spans: &[Span]) -> (Vec<Word>, Option<u8>) {
    let mut full = String::new();
    let mut starts = Vec::with_capacity(spans.len());
    for span in spans {
        starts.push(full.len());
        full.push_str(&span.text);
    }
    let levels = bidi::levels(&full);
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
                let b = a + full[a..b].trim_end_matches(['\n', '\r']).len();
                push_bits(&mut parts, (&full, a, b), i, levels.as_ref());
            }
        }
        from = at;
        if !parts.is_empty() {
            let forced = opportunity == BreakOpportunity::Mandatory && at < full.len() && ends_line(&full[..at]);
            words.push(make_word(cx, spans, parts, forced));
        }
    }
    (words, levels.map(|l| l.paragraph))
}

/// Adds bytes `a..b` of `full`, in span `span`, to a word's parts: whole, or cut by direction.
fn push_bits(parts: &mut Vec<Bit>, (full, a, b): (&str, usize, usize), span: usize, levels: Option<&Levels>) {
    match levels {
        None => parts.push((span, full[a..b].to_string(), None)),
        Some(levels) if a == b => parts.push((span, String::new(), Some(levels.paragraph))),
        Some(levels) => {
            for (from, to, level) in levels.runs(full, a, b) {
                parts.push((span, full[from..to].to_string(), Some(level)));
            }
        }
    }
}

/// Whether text before a mandatory break ends with a line break the document asked for (a hard
/// break, or a line or paragraph separator). Form feeds, vertical tabs and next-line characters
/// are mandatory breaks to UAX #14 but whitespace to Markdown, as to a browser, so they are not.
fn ends_line(text: &str) -> bool {
    text.ends_with(['\n', '\r', '\u{2028}', '\u{2029}'])
}

/// A word of `parts`, each shaped in its span's face and its direction.
pub fn make_word(cx: &mut Cx, spans: &[Span], parts: Vec<Bit>, forced: bool) -> Word {
    let mut word = Word { parts: Vec::new(), width: 0.0, full: 0.0, forced };
    for (span, text, level) in parts {
        let style = &spans[span].style;
        let shaped = cx.shape_in(&text, style.font(), level.map(|l| l % 2 == 1));
        let (width, ink) = (shaped.width * style.font_size(), shaped.ink * style.font_size());
        word.width = word.full + ink;
        word.full += width;
        word.parts.push(Part { span, text, shaped, width, ink, level });
    }
    word
}
