//! Splitting a text item taller than a slide: text between words, code between lines, at the
//! most that fits the room left, as the layout engine measures it; and a paragraph at the end
//! of a sentence, to fill a slide it would otherwise leave half empty.

use super::deck::{Item, Run, Text};
use super::measure::item_height;
use super::runs::trim;

/// Where an item is cut to fill the room left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cut {
    /// All the rest fits.
    Whole,
    /// The rest up to this point fits, and no more.
    At(Point),
    /// Not one word (or line) fits, or the item cannot be cut.
    Nothing,
}

/// A place in an item: a run and a byte in it (for code, run 0 and the byte of a line start).
pub(crate) type Point = (usize, usize);

/// Where to cut an item, from point `from` on, to fill `room` points of a body `width` wide.
/// Only cut points and parts about as long as the room holds are looked at, and the item is
/// never copied whole, so that cutting a long item slide by slide takes time linear in its
/// length.
pub(crate) fn split(item: &Item, from: Point, room: f32, width: f32) -> Cut {
    let fits = |to: Point| slice(item, from, Some(to)).is_some_and(|part| item_height(&part, width) <= room);
    let mut points = cut_points(item, from, 2);
    if points.first().is_none_or(|&at| !fits(at)) {
        return Cut::Nothing;
    }
    // The last cut point that fits: doubling, then halving, over the points found so far.
    let (mut low, mut high) = (0, 1);
    loop {
        if high >= points.len() {
            points = cut_points(item, from, 2 * high + 2);
        }
        if high >= points.len() || !fits(points[high]) {
            break;
        }
        (low, high) = (high, 2 * high + 1);
    }
    let all = high >= points.len();
    let mut high = high.min(points.len());
    while high - low > 1 {
        let middle = (low + high) / 2;
        if fits(points[middle]) {
            low = middle;
        } else {
            high = middle;
        }
    }
    let rest_fits = || slice(item, from, None).is_some_and(|rest| item_height(&rest, width) <= room);
    if all && low + 1 == points.len() && rest_fits() {
        return Cut::Whole;
    }
    Cut::At(points[low])
}

/// Where a paragraph is cut at the end of a sentence so that its start fills `room` points
/// of a body `width` wide, with at least `least` points of it on each side of the cut; `None`
/// when no sentence end does.
pub(crate) fn at_sentence(item: &Item, room: f32, width: f32, least: f32) -> Option<Point> {
    let Item::Paragraph(text) = item else { return None };
    let height = |from: Point, to: Option<Point>| slice(item, from, to).map_or(f32::MAX, |p| item_height(&p, width));
    // The last sentence whose start fits; the parts grow with the cut, so the search stops at
    // the first that does not.
    let (cut, start) = sentence_starts(text)
        .into_iter()
        .map(|at| (at, height((0, 0), Some(at))))
        .take_while(|&(_, start)| start <= room)
        .last()?;
    (start >= least && height(cut, None) >= least).then_some(cut)
}

/// Where the sentences of a text start, after the first: a letter, digit or opening mark
/// after white space that follows a full stop, question or exclamation mark (closing quotes
/// and brackets between them and the space allowed).
fn sentence_starts(text: &Text) -> Vec<Point> {
    let mut starts = Vec::new();
    let (mut ended, mut after_space) = (false, false);
    for (i, run) in text.iter().enumerate() {
        for (at, c) in run.text.char_indices() {
            if c.is_whitespace() {
                after_space = true;
                continue;
            }
            let opens = c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '(' | '[');
            if after_space && ended && opens {
                starts.push((i, at));
            }
            if after_space || !matches!(c, '"' | '”' | '’' | '\'' | ')' | ']') {
                ended = matches!(c, '.' | '!' | '?' | '…');
            }
            after_space = false;
        }
    }
    starts
}

/// The next place after `from` where the item can be cut.
pub(crate) fn next_point(item: &Item, from: Point) -> Option<Point> {
    cut_points(item, from, 1).first().copied()
}

/// The first `limit` places after `from` where a word (or, in code, a line) starts.
fn cut_points(item: &Item, from: Point, limit: usize) -> Vec<Point> {
    match item {
        Item::Heading(text) | Item::Paragraph(text) | Item::Bullet { text, .. } => {
            let mut starts = Vec::new();
            let mut after_space = false;
            for (i, run) in text.iter().enumerate().skip(from.0) {
                let skip = if i == from.0 { from.1 } else { 0 };
                for (at, c) in run.text[skip..].char_indices() {
                    if after_space && !c.is_whitespace() {
                        if starts.len() == limit {
                            return starts;
                        }
                        starts.push((i, skip + at));
                    }
                    after_space = c.is_whitespace();
                }
            }
            starts
        }
        Item::Code { text: code, .. } => {
            let starts = code[from.1..].match_indices('\n').map(|(at, _)| (0, from.1 + at + 1));
            starts.filter(|&(_, at)| at < code.len()).take(limit).collect()
        }
        Item::Table(_) | Item::Callout(_) | Item::Image { .. } => Vec::new(),
    }
}

/// The part of a text item from point `from` up to `to` (to its end if `None`).
pub(crate) fn slice(item: &Item, from: Point, to: Option<Point>) -> Option<Item> {
    let text = |text: &Text| {
        let end = to.unwrap_or((text.len().saturating_sub(1), text.last().map_or(0, |r| r.text.len())));
        let mut part = Vec::with_capacity(end.0.saturating_sub(from.0) + 1);
        for (i, run) in text.iter().enumerate().take(end.0 + 1).skip(from.0) {
            let start = if i == from.0 { from.1 } else { 0 };
            let stop = if i == end.0 { end.1 } else { run.text.len() };
            // Each field but the text: a run's whole text is never copied for a part of it.
            let (bold, italic, code, strike, link) = (run.bold, run.italic, run.code, run.strike, run.link.clone());
            let text = run.text[start..stop].to_string();
            part.push(Run { text, bold, italic, code, strike, link, color: run.color });
        }
        trim(part)
    };
    Some(match item {
        Item::Heading(t) => Item::Heading(text(t)),
        Item::Paragraph(t) => Item::Paragraph(text(t)),
        Item::Bullet { level, marker, text: t } => Item::Bullet { level: *level, marker: *marker, text: text(t) },
        Item::Code { text: code, lang } => Item::Code {
            text: code[from.1..to.map_or(code.len(), |t| t.1)].trim_end_matches('\n').to_string(),
            lang: lang.clone(),
        },
        Item::Table(_) | Item::Callout(_) | Item::Image { .. } => return None,
    })
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
        let Cut::At(at) = split(&item, (0, 0), 200.0, 800.0) else { panic!("cut") };
        let (head, tail) = (slice(&item, (0, 0), Some(at)).unwrap(), slice(&item, at, None).unwrap());
        assert!(item_height(&head, 800.0) <= 200.0);
        let (Item::Paragraph(a), Item::Paragraph(b)) = (head, tail) else { panic!() };
        assert_eq!(format!("{} {}", plain(&a), plain(&b)), words.join(" "));
        assert_eq!(split(&item, (0, 0), 1.0, 800.0), Cut::Nothing);
        assert_eq!(split(&item, (0, 0), 5000.0, 800.0), Cut::Whole);
        assert_eq!(split(&item, at, 5000.0, 800.0), Cut::Whole);
    }

    #[test]
    fn a_paragraph_cuts_at_the_last_sentence_end_that_fits() {
        let text = "First sentence here. (Second one) follows! Third: “quoted” here? Fourth, e.g. this.";
        let item = Item::Paragraph(vec![Run { text: text.into(), ..Run::default() }]);
        let Item::Paragraph(runs) = &item else { unreachable!() };
        let starts: Vec<&str> = sentence_starts(runs).iter().map(|&(_, at)| &text[at..at + 6]).collect();
        assert_eq!(starts, ["(Secon", "Third:", "Fourth"], "not after 'e.g.' followed by a small letter");
        // In a narrow column, where each sentence takes lines of its own.
        let first = item_height(&slice(&item, (0, 0), Some((0, 21))).unwrap(), 150.0);
        assert_eq!(at_sentence(&item, first, 150.0, 0.0), Some((0, 21)), "'(Second…' is the next sentence");
        assert_eq!(at_sentence(&item, first, 150.0, 2.0 * first), None, "too little on each side");
        assert_eq!(at_sentence(&item, 1.0, 150.0, 0.0), None);
    }

    #[test]
    fn long_code_splits_between_lines() {
        let code = (0..80).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n");
        let item = Item::Code { text: code.clone(), lang: Some("text".into()) };
        let Cut::At(at) = split(&item, (0, 0), 300.0, 800.0) else { panic!("cut") };
        let (Some(Item::Code { text: a, .. }), Some(Item::Code { text: b, .. })) =
            (slice(&item, (0, 0), Some(at)), slice(&item, at, None))
        else {
            panic!("code")
        };
        assert_eq!(format!("{a}\n{b}"), code);
    }
}
