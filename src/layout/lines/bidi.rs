//! Right-to-left text (UAX #9, with unicode-bidi): the embedding level of each byte of a
//! paragraph, its direction from its first strong character, and the visual order of a line's
//! parts. A paragraph with no right-to-left character gets no levels, and is set as it always was.

use unicode_bidi::{bidi_class, get_base_direction, BidiClass, BidiInfo, Direction, Level};

/// The levels of a paragraph's text, by byte; odd is right to left.
pub struct Levels {
    /// The paragraph's own level: 1 when its first strong character is right to left.
    pub paragraph: u8,
    by_byte: Vec<Level>,
}

/// Whether `c` is right to left or begins right-to-left embedding (no ASCII character is, and
/// those are most: they are not looked up).
fn starts_rtl(c: char) -> bool {
    !c.is_ascii()
        && matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI)
}

/// The levels of `text`, or none when it has no right-to-left character.
pub fn levels(text: &str) -> Option<Levels> {
    if !text.chars().any(starts_rtl) {
        return None;
    }
    let paragraph = match get_base_direction(text) {
        Direction::Rtl => Level::rtl(),
        Direction::Ltr | Direction::Mixed => Level::ltr(),
    };
    let info = BidiInfo::new(text, Some(paragraph));
    Some(Levels { paragraph: paragraph.number(), by_byte: info.levels })
}

impl Levels {
    /// Bytes `from..to` cut where the level changes, and before trailing white space (which takes
    /// the paragraph's level at the end of a line): each piece with its level.
    pub fn runs(&self, text: &str, from: usize, to: usize) -> Vec<(usize, usize, u8)> {
        let mut runs: Vec<(usize, usize, u8)> = Vec::new();
        for (at, c) in text[from..to].char_indices() {
            let (at, level) = (from + at, self.by_byte[from + at].number());
            match runs.last_mut() {
                Some(run) if run.2 == level => run.1 = at + c.len_utf8(),
                _ => runs.push((at, at + c.len_utf8(), level)),
            }
        }
        let Some(last) = runs.pop() else { return runs };
        let core = text[last.0..last.1].trim_end().len();
        runs.push((last.0, last.0 + core, last.2));
        if last.0 + core < last.1 {
            runs.push((last.0 + core, last.1, last.2));
        }
        runs.retain(|r| r.0 < r.1);
        runs
    }
}

/// Whether a paragraph of the `texts` one after the other runs right to left: its first strong
/// character does.
pub fn rtl_paragraph<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut directions = texts.into_iter().map(get_base_direction);
    directions.find(|d| *d != Direction::Mixed) == Some(Direction::Rtl)
}

/// `text` cut where the strong direction changes, each piece with whether it is right to left;
/// neutral characters go with the piece before them (the first piece's lead with it).
pub fn direction_runs(text: &str) -> Vec<(&str, bool)> {
    // Most text is ASCII, all left to right or neutral: one piece, no character looked up (the
    // lookup of every character was half the time of the DOCX of 10,000 pages).
    if text.is_ascii() {
        return vec![(text, false)];
    }
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut rtl: Option<bool> = None;
    for (at, c) in text.char_indices() {
        let strong = match c.is_ascii() {
            true => c.is_ascii_alphabetic().then_some(false),
            false => match bidi_class(c) {
                BidiClass::R | BidiClass::AL => Some(true),
                BidiClass::L => Some(false),
                _ => None,
            },
        };
        if let (Some(now), Some(was)) = (strong, rtl) {
            if now != was {
                runs.push((&text[start..at], was));
                start = at;
            }
        }
        rtl = strong.or(rtl);
    }
    if start < text.len() || runs.is_empty() {
        runs.push((&text[start..], rtl.unwrap_or(false)));
    }
    runs
}

/// The visual order of a line's parts from their levels, left to right (rule L2); `trailing`
/// parts at the line's end, white space, take the paragraph's level first (rule L1).
pub fn visual_order(levels: &[u8], trailing: usize, paragraph: u8) -> Vec<usize> {
    let keep = levels.len() - trailing;
    let levels: Vec<Level> = levels
        .iter()
        .enumerate()
        .map(|(i, &l)| Level::new(if i < keep { l } else { paragraph }).unwrap_or(Level::ltr()))
        .collect();
    BidiInfo::reorder_visual(&levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hebrew_paragraph_with_an_english_word_is_ordered_right_to_left() {
        assert!(levels("plain English, 123").is_none());
        let text = "שלום world 42 ";
        let levels = levels(text).expect("right to left");
        assert_eq!(levels.paragraph, 1);
        let hebrew = "שלום".len();
        assert_eq!(levels.runs(text, 0, hebrew + 1), [(0, hebrew, 1), (hebrew, hebrew + 1, 1)]);
        assert_eq!(
            levels.runs(text, hebrew + 1, hebrew + 7),
            [(hebrew + 1, hebrew + 6, 2), (hebrew + 6, hebrew + 7, 2)]
        );
        // שלום, space, world, space, 42 (left to right after an English word), space: the
        // English stays left to right, in the order written, left of the Hebrew; the trailing
        // space goes to the far left, where the line ends.
        assert_eq!(visual_order(&[1, 1, 2, 2, 2, 1], 1, 1), [5, 2, 3, 4, 1, 0]);
        assert_eq!(visual_order(&[1, 1, 2, 2, 2, 2], 1, 1), [5, 2, 3, 4, 1, 0]);
        assert_eq!(levels.runs(text, 0, 0), []);
        assert!(rtl_paragraph(["(42) ", "שלום world"]) && !rtl_paragraph(["world שלום"]) && !rtl_paragraph([]));
        assert_eq!(direction_runs("שלום, world 42 עולם"), [("שלום, ", true), ("world 42 ", false), ("עולם", true)]);
        assert_eq!(direction_runs("42"), [("42", false)]);
    }
}
