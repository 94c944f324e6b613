//! Splitting a text item taller than a slide: text between words, code between lines, at the
//! most that fits the room left, as the layout engine measures it.

use super::deck::{Item, Run, Text};
use super::measure::item_height;
use super::runs::trim;

/// Where an item is cut to fill the room left.
#[derive(Debug)]
pub enum Cut {
    /// All of it fits.
    Whole,
    /// The longest head that fits, and the rest.
    At(Box<(Item, Item)>),
    /// Not one word (or line) fits, or the item cannot be cut.
    Nothing,
}

/// Cuts an item to fill `room` points of a body `width` wide. Only prefixes about as long as
/// the room holds are measured, so cutting a long item slide by slide takes linear time.
pub fn split(item: &Item, room: f32, width: f32) -> Cut {
    let count = match item {
        Item::Heading(text) | Item::Paragraph(text) | Item::Bullet { text, .. } => word_starts(text).len(),
        Item::Code(code) => line_starts(code).len(),
        Item::Table(_) | Item::Callout(_) => 0,
    };
    let fits = |k: usize| cut(item, k).is_some_and(|(head, _)| item_height(&head, width) <= room);
    if count == 0 || !fits(1) {
        return Cut::Nothing;
    }
    // The largest k that fits: doubling, then halving, so that only prefixes about a slide
    // long are ever measured.
    let (mut low, mut high) = (1, 2);
    while high <= count && fits(high) {
        (low, high) = (high, high * 2);
    }
    let mut high = high.min(count + 1);
    while high - low > 1 {
        let middle = (low + high) / 2;
        if fits(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    if low == count && item_height(item, width) <= room {
        return Cut::Whole;
    }
    cut(item, low).map_or(Cut::Nothing, |parts| Cut::At(Box::new(parts)))
}

/// The item cut before its `k`-th cut point (1-based: the head keeps `k` words or lines).
fn cut(item: &Item, k: usize) -> Option<(Item, Item)> {
    match item {
        Item::Heading(text) => cut_text(text, k).map(|(a, b)| (Item::Heading(a), Item::Heading(b))),
        Item::Paragraph(text) => cut_text(text, k).map(|(a, b)| (Item::Paragraph(a), Item::Paragraph(b))),
        Item::Bullet { level, marker, text } => cut_text(text, k).map(|(a, b)| {
            let bullet = |text| Item::Bullet { level: *level, marker: *marker, text };
            (bullet(a), bullet(b))
        }),
        Item::Code(code) => {
            let at = *line_starts(code).get(k - 1)?;
            Some((Item::Code(code[..at].trim_end_matches('\n').to_string()), Item::Code(code[at..].to_string())))
        }
        Item::Table(_) | Item::Callout(_) => None,
    }
}

/// Where each word after the first starts: a run and a byte in it.
fn word_starts(text: &Text) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut after_space = false;
    for (i, run) in text.iter().enumerate() {
        for (at, c) in run.text.char_indices() {
            if after_space && !c.is_whitespace() {
                starts.push((i, at));
            }
            after_space = c.is_whitespace();
        }
    }
    starts
}

/// The text before the `k`-th word start, and from it on.
fn cut_text(text: &Text, k: usize) -> Option<(Text, Text)> {
    let (run, at) = *word_starts(text).get(k - 1)?;
    let mut head: Text = text[..run].to_vec();
    head.push(Run { text: text[run].text[..at].to_string(), ..text[run].clone() });
    let mut tail = vec![Run { text: text[run].text[at..].to_string(), ..text[run].clone() }];
    tail.extend_from_slice(&text[run + 1..]);
    Some((trim(head), trim(tail)))
}

/// Where each line of code after the first starts.
fn line_starts(code: &str) -> Vec<usize> {
    code.match_indices('\n').map(|(at, _)| at + 1).filter(|&at| at < code.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::slides::deck::plain;

    #[test]
    fn a_long_paragraph_splits_between_words_and_keeps_every_word() {
        let words: Vec<String> = (0..600).map(|i| format!("word{i}")).collect();
        let text = vec![Run { text: words.join(" "), ..Run::default() }];
        let item = Item::Paragraph(text);
        let Cut::At(parts) = split(&item, 200.0, 800.0) else { panic!("cut") };
        let (head, tail) = *parts;
        assert!(item_height(&head, 800.0) <= 200.0);
        let (Item::Paragraph(a), Item::Paragraph(b)) = (head, tail) else { panic!() };
        assert_eq!(format!("{} {}", plain(&a), plain(&b)), words.join(" "));
        assert!(matches!(split(&item, 1.0, 800.0), Cut::Nothing));
        assert!(matches!(split(&item, 5000.0, 800.0), Cut::Whole));
    }

    #[test]
    fn long_code_splits_between_lines() {
        let code = (0..80).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n");
        let Cut::At(parts) = split(&Item::Code(code.clone()), 300.0, 800.0) else { panic!("cut") };
        let (Item::Code(a), Item::Code(b)) = *parts else { panic!("code") };
        assert_eq!(format!("{a}\n{b}"), code);
    }
}
