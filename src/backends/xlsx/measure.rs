//! A cell's text as Excel will set it, measured by the layout engine: cut into words and
//! shaped as on every page, each face's advances scaled to the face Excel draws in (Calibri,
//! Consolas for code), in Excel's unit of column width. So columns fit their longest line and
//! rows their most wrapped cell in any script: Japanese has no spaces and wraps between
//! characters, each about two units wide where a Latin letter is under one.

use super::cells::Content;
use crate::ir::runs::Style as Marks;
use crate::layout::fontbook;
use crate::layout::{measuring, word_widths, FontId, Rgb, Span, Style, WordWidth, CODE_SIZE};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// The size of Excel's default font, Calibri 11.
const SIZE: f32 = 11.0;
/// Excel's unit of column width, in points: a digit of its default font, 7 pixels at 96 a
/// inch.
const UNIT: f32 = 5.25;
/// Calibri's advances against those of Noto Sans, the bundled face a cell is measured in: the
/// mean over the text of `../shared/corpus`, regular and bold (Carlito has Calibri's metrics).
const CALIBRI: f32 = 0.867;
const CALIBRI_BOLD: f32 = 0.833;
/// Consolas's advance against DejaVu Sans Mono's (0.550 and 0.602 em), which the layout sets
/// smaller than the text around it and Excel does not.
const CONSOLAS: f32 = 0.913 / CODE_SIZE;

/// The most texts a thread remembers the words of before it starts afresh.
const REMEMBERED: usize = 20_000;

thread_local! {
    /// Texts this thread measured, by text and boldness, and the font book's generation they
    /// were measured with: sheets repeat their roles, levels, categories and skills row after
    /// row, and measuring a text again was a third of the workbooks' time.
    static MEASURED: RefCell<Remembered> = RefCell::default();
}

/// Words by text, plain and bold, and the font book's generation they were measured with.
#[derive(Default)]
struct Remembered {
    generation: u64,
    words: [FxHashMap<String, Rc<[WordWidth]>>; 2],
}

/// The words of a cell's text, as wide as Excel sets them.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    words: Rc<[WordWidth]>,
}

impl Measured {
    /// `text` in the cells' font, bold if `bold`.
    pub fn text(text: &str, bold: bool) -> Measured {
        MEASURED.with(|remembered| {
            let remembered = &mut *remembered.borrow_mut();
            let count = remembered.words.iter().map(FxHashMap::len).sum::<usize>();
            if remembered.generation != fontbook::generation() || count >= REMEMBERED {
                *remembered = Remembered { generation: fontbook::generation(), ..Remembered::default() };
            }
            let known = &mut remembered.words[usize::from(bold)];
            if let Some(words) = known.get(text) {
                return Measured { words: words.clone() };
            }
            let new = Measured::spans(vec![span(text, Marks { bold, ..Marks::default() })]);
            known.insert(text.to_string(), new.words.clone());
            new
        })
    }

    /// Plain `texts`, one a cell.
    pub fn all(texts: &[String]) -> Vec<Measured> {
        texts.iter().map(|text| Measured::text(text, false)).collect()
    }

    /// A cell's runs, each in its style.
    pub fn content(content: &Content) -> Measured {
        match content.runs.as_slice() {
            [] => Measured::default(),
            [run] if !run.style.italic && !run.style.code => Measured::text(&run.text, run.style.bold),
            runs => Measured::spans(runs.iter().map(|run| span(&run.text, run.style)).collect()),
        }
    }

    fn spans(spans: Vec<Span>) -> Measured {
        Measured { words: measuring(SIZE, |cx| word_widths(cx, &spans, in_excel)).into() }
    }

    /// The width of the longest line, in units of column width.
    pub fn longest(&self) -> f64 {
        let (mut longest, mut line) = (0.0f32, 0.0f32);
        for word in self.words.iter() {
            longest = longest.max(line + word.width);
            line = if word.forced { 0.0 } else { line + word.full };
        }
        f64::from(longest / UNIT)
    }

    /// The lines the text takes in a column `width` units wide (its text a unit narrower):
    /// wrapped at the words' ends, a word wider than the column cut where it fills a line.
    pub fn lines(&self, width: f64) -> f64 {
        let room = ((width as f32 - 1.0) * UNIT).max(UNIT);
        let (mut lines, mut x) = (1.0f32, 0.0f32);
        for word in self.words.iter() {
            if x > 0.0 && x + word.width > room + 0.01 {
                lines += 1.0;
                x = 0.0;
            }
            let cut = if word.width > room { (word.width / room).ceil() - 1.0 } else { 0.0 };
            lines += cut;
            x += word.full - cut * room;
            if word.forced {
                lines += 1.0;
                x = 0.0;
            }
        }
        f64::from(lines)
    }
}

/// A span of `text` in the bundled sans serif with `marks`' emphasis.
fn span(text: &str, marks: Marks) -> Span {
    let style = Style {
        bold: marks.bold,
        italic: marks.italic,
        code: marks.code,
        ..Style::plain(FontId::SANS, SIZE, Rgb(0.0, 0.0, 0.0))
    };
    Span { text: text.to_string(), style }
}

/// How much narrower Excel draws a face's glyphs: the bundled faces stand in for Calibri and
/// Consolas; any other face (a fallback for a script they lack) is the one drawn.
fn in_excel(font: FontId) -> f32 {
    match font {
        FontId::SANS | FontId::SANS_ITALIC => CALIBRI,
        FontId::SANS_BOLD | FontId::SANS_BOLD_ITALIC => CALIBRI_BOLD,
        FontId::MONO => CONSOLAS,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_two_units_a_character_and_wraps_between_them() {
        let text = "他のエンジニアのコードを読み、質問し、学ぶことができる。";
        let measured = Measured::text(text, false);
        let count = text.chars().count() as f64;
        assert!(measured.longest() > 1.8 * count && measured.longest() < 2.2 * count, "{}", measured.longest());
        let english = Measured::text("The quick brown fox jumps over the lazy dog.", false);
        assert!(measured.longest() > english.longest(), "27 characters are wider than 44");
        assert!(measured.lines(english.longest() + 1.0) >= 2.0);
    }

    #[test]
    fn latin_text_is_measured_as_calibri_sets_it() {
        // Carlito, which has Calibri's metrics, sets this sentence in 202.2 points, 38.5 units.
        let measured = Measured::text("The quick brown fox jumps over the lazy dog.", false);
        assert!((37.5..39.5).contains(&measured.longest()), "{}", measured.longest());
        assert_eq!(measured.lines(60.0), 1.0);
        assert_eq!(measured.lines(22.0), 2.0);
    }

    #[test]
    fn bold_and_code_are_wider_than_plain_text() {
        let plain = Measured::text("Distributed systems", false).longest();
        assert!(Measured::text("Distributed systems", true).longest() > plain);
        let code = Content {
            runs: vec![super::super::cells::Run {
                text: "Distributed systems".into(),
                style: Marks { code: true, ..Marks::default() },
            }],
            link: None,
        };
        // Consolas: 19 characters of 0.55 em at 11 points, 21.9 units.
        let code = Measured::content(&code).longest();
        assert!((21.0..23.0).contains(&code), "{code}");
    }

    #[test]
    fn lines_wrap_at_words() {
        assert_eq!(Measured::text("", false).lines(10.0), 1.0);
        let three = Measured::text("one two three", false);
        assert_eq!(three.lines(three.longest() + 1.0), 1.0);
        assert_eq!(three.lines(three.longest()), 2.0, "`one two` then `three`");
        assert_eq!(three.lines(5.7), 3.0, "a word a line");
    }

    #[test]
    fn line_breaks_start_lines_and_a_long_word_is_cut() {
        let measured = Measured::text("one\ntwo\nthree", false);
        assert_eq!(measured.lines(60.0), 3.0);
        assert!(measured.longest() < 6.0, "{}", measured.longest());
        let word = Measured::text(&"x".repeat(100), false);
        assert!(word.lines(11.0) >= 9.0, "{}", word.lines(11.0));
    }
}
