//! An honest estimate of how many lines a piece of text takes in a box: per-character widths
//! of a typical sans-serif face and greedy word wrapping. The layout engine will replace this
//! with shaped text; until then the functions here are the only places that guess.

/// Width of `c` in ems, rounded up from Noto Sans (wider than Calibri and Arial, so a deck
/// measured here also fits in those faces).
fn char_em(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.30,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '"' | '/' | '’' | '‘' => 0.40,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' | '…' => 0.92,
        'A'..='Z' | '&' | '#' | '→' => 0.70,
        c if c.is_ascii() => 0.58,
        c if is_wide(c) => 1.0,
        _ => 0.66,
    }
}

/// CJK ideographs, kana, Hangul and full-width forms take a whole em.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
        || (c as u32) >= 0x1F300
}

/// Bold and monospaced runs are set wider than regular text by about this factor.
pub const BOLD_FACTOR: f32 = 1.08;

/// The number of lines `text` takes when set at `size` points in a column `width` points
/// wide; `factor` widens every glyph (use [`BOLD_FACTOR`] for bold or code). Newlines force
/// breaks; words wider than the column break between characters. Empty text takes one line.
pub fn line_count(text: &str, size: f32, width: f32, factor: f32) -> usize {
    let em = size * factor;
    let width = width.max(em);
    text.split('\n').map(|line| wrapped_lines(line, em, width)).sum()
}

/// The number of lines of monospaced `text` (0.6 em a character) in a column `width` points
/// wide at `size` points; lines are kept and long ones wrap.
pub fn mono_line_count(text: &str, size: f32, width: f32) -> usize {
    let per_line = ((width / (0.6 * size)).floor() as usize).max(1);
    text.split('\n').map(|line| line.chars().count().div_ceil(per_line).max(1)).sum()
}

/// The width in points of `text` set on one line at `size` points, widened by `factor`.
pub fn text_width(text: &str, size: f32, factor: f32) -> f32 {
    text.chars().map(|c| char_em(c) * size * factor).sum()
}

fn wrapped_lines(line: &str, em: f32, width: f32) -> usize {
    let space = char_em(' ') * em;
    let mut lines = 1;
    let mut used = 0.0f32;
    for word in line.split_whitespace() {
        let word_width = text_width(word, em, 1.0);
        let needed = if used > 0.0 { used + space + word_width } else { word_width };
        if needed <= width {
            used = needed;
            continue;
        }
        if used > 0.0 {
            lines += 1;
        }
        used = 0.0;
        for c in word.chars() {
            let w = char_em(c) * em;
            if used + w > width && used > 0.0 {
                lines += 1;
                used = 0.0;
            }
            used += w;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_line_and_long_text_wraps() {
        assert_eq!(line_count("Hello world", 20.0, 800.0, 1.0), 1);
        assert_eq!(line_count("", 20.0, 800.0, 1.0), 1);
        let long = "word ".repeat(100);
        let lines = line_count(&long, 20.0, 400.0, 1.0);
        assert!((10..=20).contains(&lines), "{lines}");
    }

    #[test]
    fn newlines_and_long_words_break() {
        assert_eq!(line_count("a\nb\nc", 12.0, 500.0, 1.0), 3);
        assert_eq!(line_count(&"x".repeat(100), 10.0, 58.0, 1.0), 10);
    }

    #[test]
    fn bigger_type_needs_more_lines() {
        let text = "Set multi-year technology and organizational strategy for the whole company";
        assert!(line_count(text, 28.0, 500.0, 1.0) > line_count(text, 14.0, 500.0, 1.0));
    }
}
