//! Fitting entries onto slides, measured by the layout engine: items fill a body box to its
//! height before what follows moves to a continuation slide (a paragraph is cut at a
//! sentence's end rather than leave a slide less than [`FILLED`] full); a sub-heading never
//! ends a slide;
//! an image shrinks to share a slide with text down to 40 % of the body's height (else it
//! starts the next slide); a table too tall is split by rows with its header repeated, text
//! and code taller than a slide by words and lines, a callout taller than a slide is shown
//! unboxed; footnotes go to the foot of the slide that shows their mark, and titles shrink (or
//! are shortened) to fit.

use super::carry::{closes, Carry};
use super::deck::{Item, Layout, Run, Slide, Table, Text};
use super::images::{shrunk, smallest_shared};
use super::layout::{boxes, line_height, text_height, title_sizes, Rect, BODY_SIZE, PARAGRAPH_SPACE, TABLE_GAP};
use super::measure::{footnote_height, item_height};
use super::outline::Entry;
use super::split::{at_sentence, next_point, slice, split, Cut, Point};
use super::tables::rows_fitting;
use crate::layout::ALONE;

/// The content of one slide.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Page {
    pub items: Vec<Item>,
    /// The measured height of each item.
    pub heights: Vec<f32>,
    pub footnotes: Vec<Text>,
    pub notes: Vec<String>,
}

/// Fills pages of a body box with `entries`, each to its height; never returns an empty list.
/// A short list moves whole rather than let its last bullet open a slide alone, unless that
/// takes a slide more; a section's last paragraph or code takes the text before it along.
pub(crate) fn paginate(entries: &[Entry], body: Rect) -> Vec<Page> {
    let (pages, moved) = fill(entries, body, true);
    if !moved {
        return pages;
    }
    let (fewer, _) = fill(entries, body, false);
    if fewer.len() < pages.len() {
        fewer
    } else {
        pages
    }
}

/// The pages `entries` fill, moving short lists whole if `short_lists`; and whether one was.
fn fill(entries: &[Entry], body: Rect, short_lists: bool) -> (Vec<Page>, bool) {
    let mut pager = Pager { pages: vec![Page::default()], used: 0.0, body, heading: None, short_lists, moved: false };
    for (i, entry) in entries.iter().enumerate() {
        match entry {
            Entry::Note(note) => pager.last().notes.push(note.clone()),
            Entry::Footnote(note) => pager.last().footnotes.push(note.clone()),
            Entry::Item(item) => {
                // An item's footnotes follow it, and go on the slide where it ends.
                let notes = entries[i + 1..].iter().map_while(|e| match e {
                    Entry::Footnote(note) => Some(footnote_height(note, body.w)),
                    _ => None,
                });
                let next =
                    entries[i + 1..].iter().find_map(|e| if let Entry::Item(next) = e { Some(next) } else { None });
                pager.place(item.clone(), notes.sum(), closes(item, next));
            }
        }
    }
    let moved = pager.moved;
    (pager.finish(), moved)
}

/// How full a slide is before a paragraph that does not fit moves whole to the next one;
/// below it, the paragraph is cut at a sentence's end to fill the slide.
const FILLED: f32 = 0.6;

struct Pager {
    pages: Vec<Page>,
    /// Height used on the last page by items and footnotes.
    used: f32,
    body: Rect,
    /// The last sub-heading placed, with its height, repeated as "… (cont.)" atop a page its
    /// items run onto.
    heading: Option<(Text, f32)>,
    /// Whether a short list moves whole rather than let its last bullet open a slide alone.
    short_lists: bool,
    /// Whether one did.
    moved: bool,
}

impl Pager {
    fn last(&mut self) -> &mut Page {
        self.pages.last_mut().expect("at least one page")
    }

    /// The room left on the last page.
    fn room(&self) -> f32 {
        self.body.h - self.used
    }

    /// Starts a new page, taking along what `carry` says would otherwise end the last one
    /// (when the page holds something before it), after the sub-heading whose items continue
    /// repeated (if `repeat`) unless what is taken along starts with a heading.
    fn new_page(&mut self, carry: Carry, repeat: bool) {
        let last = self.pages.last_mut().expect("at least one page");
        let trailing = carry.trailing(&last.items);
        self.moved |= matches!(carry, Carry::Closing { whole: true, list }
            if trailing != Carry::Closing { whole: false, list }.trailing(&last.items));
        let carried = match trailing > 0 && trailing < last.items.len() {
            true => {
                let from = last.items.len() - trailing;
                last.heights.truncate(from);
                last.items.split_off(from)
            }
            false => Vec::new(),
        };
        let ends_with_heading = matches!(last.items.last(), Some(Item::Heading(_)));
        self.pages.push(Page::default());
        self.used = 0.0;
        let carries_heading = matches!(carried.first(), Some(Item::Heading(_)));
        if let Some((text, _)) = self.heading.as_ref().filter(|_| repeat && !ends_with_heading && !carries_heading) {
            let mut text = text.clone();
            text.push(Run { text: " (cont.)".into(), link: None, ..text.last().cloned().unwrap_or_default() });
            let height = item_height(&Item::Heading(text.clone()), self.body.w);
            self.used += height;
            let page = self.last();
            page.items.push(Item::Heading(text));
            page.heights.push(height);
        }
        for item in carried {
            let height = item_height(&item, self.body.w);
            self.push(item, height, 0.0);
        }
    }

    /// Adds an item `height` high, followed by footnotes `notes` high.
    fn push(&mut self, item: Item, height: f32, notes: f32) {
        if let Item::Heading(text) = &item {
            self.heading = Some((text.clone(), height));
        }
        self.used += height + notes;
        let page = self.last();
        page.items.push(item);
        page.heights.push(height);
    }

    /// Places an item followed by footnotes `notes` high: on this page if it fits, else on
    /// the next; one taller than a slide is split (or, a callout, unboxed). `closing` if it is
    /// the last bullet of a list.
    fn place(&mut self, item: Item, notes: f32, closing: bool) {
        if let Item::Table(table) = &item {
            return self.table(table, table.heights[0], &table.heights[1..], notes);
        }
        if let Item::Image { height, .. } = item {
            return self.image(item, height, notes);
        }
        let height = item_height(&item, self.body.w);
        if height + notes <= self.room() {
            return self.push(item, height, notes);
        }
        let heading = matches!(item, Item::Heading(_));
        if let Some(cut) = self.sentence_cut(&item) {
            let (start, rest) = (slice(&item, (0, 0), Some(cut)), slice(&item, cut, None));
            if let (Some(start), Some(rest)) = (start, rest) {
                let start_height = item_height(&start, self.body.w);
                self.push(start, start_height, 0.0);
                self.new_page(Carry::Nothing, true);
                return self.place(rest, notes, closing);
            }
        }
        if heading || height + notes <= self.body.h {
            self.new_page(Carry::before(&item, closing, self.short_lists), !heading);
            if heading || height + notes <= self.room() {
                return self.push(item, height, notes);
            }
        }
        match item {
            Item::Callout(items) => {
                let mut inner = items.into_iter().peekable();
                while let Some(item) = inner.next() {
                    let (closing, last) = (closes(&item, inner.peek()), inner.peek().is_none());
                    self.place(item, if last { notes } else { 0.0 }, closing);
                }
            }
            item => self.split(item, notes),
        }
    }

    /// Where a paragraph that does not fit the room left is cut, at the end of a sentence,
    /// when the slide would otherwise stay less than [`FILLED`] full and at least two lines
    /// of it go on each side.
    fn sentence_cut(&self, item: &Item) -> Option<Point> {
        if !matches!(item, Item::Paragraph(_)) || self.used >= self.body.h * FILLED {
            return None;
        }
        at_sentence(item, self.room(), self.body.w, PARAGRAPH_SPACE + 2.0 * line_height(BODY_SIZE))
    }

    /// What a new page takes along before an item `height` high that fits a slide: what leads
    /// into it when the item still fits with it (and a repeated sub-heading), else headings.
    fn lead_in_if_room(&self, height: f32) -> Carry {
        let page = self.pages.last().expect("at least one page");
        let count = Carry::LeadIn.trailing(&page.items).min(page.items.len());
        let taken: f32 = page.heights[page.heights.len() - count..].iter().sum();
        let repeated = self.heading.as_ref().map_or(0.0, |(_, h)| *h);
        if taken + repeated + height <= self.body.h {
            Carry::LeadIn
        } else {
            Carry::Headings
        }
    }

    /// Places an image `height` high: shrunk to the room left if that keeps it at least
    /// [`smallest_shared`], else on the next slide, shrunk to its room if need be.
    fn image(&mut self, item: Item, height: f32, notes: f32) {
        let room = |pager: &Pager| pager.room() - notes - PARAGRAPH_SPACE;
        if height > room(self) && room(self) < smallest_shared(height) && !self.last().items.is_empty() {
            self.new_page(Carry::LeadIn, true);
        }
        let item = shrunk(item, room(self).max(1.0));
        let height = item_height(&item, self.body.w);
        self.push(item, height, notes)
    }

    /// Places a text item taller than a slide, a slide's worth at a time.
    fn split(&mut self, item: Item, notes: f32) {
        let mut fresh = self.last().items.is_empty();
        if self.room() < self.body.h * 0.25 && !fresh {
            self.new_page(Carry::Headings, true);
            fresh = true;
        }
        let mut from = (0, 0);
        loop {
            let cut = split(&item, from, self.room() - notes, self.body.w);
            let to = match cut {
                Cut::At(to) => Some(to),
                Cut::Whole => None,
                // Not even its next word (or line) fits a fresh slide: that is drawn as it is.
                Cut::Nothing if fresh => next_point(&item, from),
                Cut::Nothing => {
                    self.new_page(Carry::Headings, true);
                    fresh = true;
                    continue;
                }
            };
            let Some(part) = slice(&item, from, to) else { return };
            let height = item_height(&part, self.body.w);
            match to {
                Some(to) => {
                    self.push(part, height, 0.0);
                    self.new_page(Carry::Nothing, true);
                    (from, fresh) = (to, true);
                }
                None => return self.push(part, height, notes),
            }
        }
    }

    /// Places a table whose header row is `head` high and whose rows are `rows` high, with
    /// footnotes `notes` high after it.
    fn table(&mut self, table: &Table, head: f32, rows: &[f32], notes: f32) {
        let part = |start: usize, count: usize| TABLE_GAP + head + rows[start..start + count].iter().sum::<f32>();
        let height = part(0, rows.len()) + notes;
        if height <= self.room() {
            return self.push(Item::Table(table.clone()), height - notes, notes);
        }
        // A table that fits a slide moves whole to the next one; only a table taller than a
        // slide is split.
        if height <= self.body.h {
            self.new_page(self.lead_in_if_room(height), true);
            return self.push(Item::Table(table.clone()), height - notes, notes);
        }
        let mut start = 0;
        let mut fresh = false;
        while start < table.rows.len() {
            let last = |count: usize| if start + count == rows.len() { notes } else { 0.0 };
            let mut count = rows_fitting(head, &rows[start..], self.room());
            while count > 0 && part(start, count) + last(count) > self.room() {
                count -= 1;
            }
            // As in the PDF, a break leaves at least `ALONE` rows on either side where it can.
            let rest = table.rows.len() - start;
            if (count == 0 || (count < ALONE.min(rest) && !fresh)) && !self.last().items.is_empty() {
                self.new_page(if fresh { Carry::Nothing } else { Carry::LeadIn }, true);
                fresh = true;
                continue;
            }
            count = count.max(1);
            if count < rest && rest - count < ALONE && rest >= 2 * ALONE {
                count = rest - ALONE;
            }
            self.push(Item::Table(table.part(start..start + count)), part(start, count), last(count));
            start += count;
            fresh = false;
            if start < table.rows.len() {
                self.new_page(Carry::Nothing, true);
                fresh = true;
            }
        }
    }

    /// The pages with content; notes and footnotes of empty pages join the page before (or after).
    fn finish(self) -> Vec<Page> {
        let mut pages: Vec<Page> = Vec::new();
        let mut pending = Page::default();
        for mut page in self.pages {
            if page.items.is_empty() {
                let into = pages.last_mut().unwrap_or(&mut pending);
                into.notes.append(&mut page.notes);
                into.footnotes.append(&mut page.footnotes);
                continue;
            }
            pending.notes.append(&mut page.notes);
            pending.footnotes.append(&mut page.footnotes);
            page.notes = std::mem::take(&mut pending.notes);
            page.footnotes = std::mem::take(&mut pending.footnotes);
            pages.push(page);
        }
        if pages.is_empty() {
            pages.push(pending);
        }
        pages
    }
}

/// Slides for pages under one title; every slide after the first is titled "… (cont.)".
pub(crate) fn slides(title: &str, layout: Layout, pages: Vec<Page>) -> Vec<Slide> {
    pages
        .into_iter()
        .enumerate()
        .map(|(i, page)| {
            let full = if i == 0 { title.to_string() } else { format!("{title} (cont.)") };
            let (title, title_size) = fit_title(&full, layout);
            let mut notes = page.notes;
            if title != full {
                notes.insert(0, full); // a title shortened to fit is given whole in the notes
            }
            Slide {
                layout,
                title,
                title_size,
                body: page.items,
                heights: page.heights,
                footnotes: page.footnotes,
                notes,
                title_runs: Vec::new(),
            }
        })
        .collect()
}

/// The largest title size at which `title` fits its box; at the smallest size, a title still
/// too long is shortened with an ellipsis.
pub(crate) fn fit_title(title: &str, layout: Layout) -> (String, f32) {
    let (area, _) = boxes(layout);
    let sizes = title_sizes(layout);
    let fits = |text: &str, size: f32| text_height(text, size, area.w, true) <= area.h;
    if let Some(&size) = sizes.iter().find(|&&size| fits(title, size)) {
        return (title.to_string(), size);
    }
    let size = sizes[sizes.len() - 1];
    // The longest shortened title that fits: a longer prefix never takes fewer lines, so a binary
    // search finds it (a title of any length is measured a logarithmic number of times).
    let ends: Vec<usize> = title.char_indices().map(|(at, _)| at).collect();
    let short = |end: usize| format!("{}…", title[..end].trim_end());
    match ends.partition_point(|&end| fits(&short(end), size)) {
        0 => (String::new(), size),
        fitting => (short(ends[fitting - 1]), size),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::slides::carry::{leads_in, LIST_ALONE};
    use crate::backends::slides::deck::{plain, Marker, Run};
    use crate::backends::slides::layout::{body_height, BODY_BOX};

    fn bullet(s: &str) -> Entry {
        let text = vec![Run { text: s.into(), ..Run::default() }];
        Entry::Item(Item::Bullet { level: 1, marker: Marker::Bullet, text })
    }

    #[test]
    fn overflow_moves_to_continuation_pages_that_fit() {
        let entries: Vec<Entry> = (0..40).map(|i| bullet(&format!("Point number {i}"))).collect();
        let pages = paginate(&entries, BODY_BOX);
        assert!(pages.len() > 2);
        assert_eq!(pages.iter().map(|p| p.items.len()).sum::<usize>(), 40);
        for page in &pages {
            assert!(body_height(&page.items, BODY_BOX.w) <= BODY_BOX.h);
        }
        let slides = slides("Points", Layout::Content, pages);
        assert_eq!(slides[1].title, "Points (cont.)");
    }

    #[test]
    fn a_heading_does_not_end_a_page() {
        let mut entries: Vec<Entry> = (0..11).map(|i| bullet(&format!("Point {i}"))).collect();
        let heading = Item::Heading(vec![Run { text: "Next".into(), ..Run::default() }]);
        entries.push(Entry::Item(heading.clone()));
        entries.extend((0..3).map(|i| bullet(&format!("More {i}"))));
        let pages = paginate(&entries, BODY_BOX);
        for page in &pages {
            assert_ne!(page.items.last(), Some(&heading));
        }
    }

    #[test]
    fn a_run_of_headings_does_not_end_a_page() {
        // A heading and the heading under it, at every place near the foot of a slide.
        let heading = |s: &str| Entry::Item(Item::Heading(vec![Run { text: s.into(), ..Run::default() }]));
        for before in 6..16 {
            let mut entries: Vec<Entry> = (0..before).map(|i| bullet(&format!("Point {i}"))).collect();
            entries.extend([heading("Key Actions"), heading("1. Make your group run without you")]);
            entries.extend((0..3).map(|i| bullet(&format!("More {i}"))));
            let pages = paginate(&entries, BODY_BOX);
            for page in &pages {
                assert!(!matches!(page.items.last(), Some(Item::Heading(_))), "{before} points: {page:?}");
            }
            let repeated =
                |item: &Item| matches!(item, Item::Heading(t) if t.last().is_some_and(|r| r.text == " (cont.)"));
            let count = pages.iter().flat_map(|p| &p.items).filter(|item| !repeated(item)).count();
            assert_eq!(count, before + 5, "{before} points: nothing lost or shown twice");
        }
    }

    #[test]
    fn a_paragraph_leading_into_a_list_does_not_end_a_page() {
        let paragraph = |s: &str| Entry::Item(Item::Paragraph(vec![Run { text: s.into(), ..Run::default() }]));
        for before in 6..16 {
            let mut entries: Vec<Entry> = (0..before).map(|i| bullet(&format!("Point {i}"))).collect();
            entries.push(paragraph("These changes are made in order to"));
            entries.extend((0..4).map(|i| bullet(&format!("More {i}"))));
            let pages = paginate(&entries, BODY_BOX);
            for page in &pages {
                assert!(!matches!(page.items.last(), Some(Item::Paragraph(_))), "{before} points: {page:?}");
            }
            let repeated = |item: &Item| matches!(item, Item::Heading(_));
            let count = pages.iter().flat_map(|p| &p.items).filter(|item| !repeated(item)).count();
            assert_eq!(count, before + 5, "{before} points: nothing lost or shown twice");
        }
        // A sentence that ends is no lead-in: it may end a slide.
        assert!(!leads_in(&vec![Run { text: "The list follows.".into(), ..Run::default() }]));
        assert!(leads_in(&vec![Run { text: "As follows:".into(), ..Run::default() }]));
    }

    #[test]
    fn a_paragraph_leading_into_code_does_not_end_a_page() {
        // The Financial Times' contributing guide: "… each time you make a data change:", then
        // the command on the next slide. A colon lets a lead-in run to four lines.
        let paragraph = |s: &str| Entry::Item(Item::Paragraph(vec![Run { text: s.into(), ..Run::default() }]));
        let lead = "On CI and in production this is automated, but to build these parts of the site by hand run \
                    the following once and then each time you make a data change to the files it reads:";
        assert!(lead.len() > 160 && leads_in(&vec![Run { text: lead.into(), ..Run::default() }]));
        for before in 6..16 {
            let mut entries: Vec<Entry> = (0..before).map(|i| paragraph(&format!("Point {i}."))).collect();
            entries.push(paragraph(lead));
            entries.push(Entry::Item(Item::Code { text: "npm run build".into(), lang: None }));
            entries.push(paragraph("Done."));
            let pages = paginate(&entries, BODY_BOX);
            for page in &pages {
                assert!(!matches!(page.items.last(), Some(Item::Paragraph(t)) if plain(t) == lead), "{before}");
                assert!(page.items.len() > 1 || pages.len() == 1, "{before}: the closing line alone");
            }
            let count = pages.iter().flat_map(|p| &p.items).count();
            assert_eq!(count, before + 3, "{before} points: nothing lost or shown twice");
        }
    }

    #[test]
    fn a_paragraph_leading_into_a_table_moves_with_it() {
        // content/'s overview: "… so you can compare them side by side:" above its table.
        let text = |s: &str| vec![Run { text: s.into(), ..Run::default() }];
        let rows: Vec<Vec<Text>> = (0..8).map(|i| vec![text(&format!("Row {i}")), text("What it says")]).collect();
        let (table, _) = crate::backends::slides::tables::fit(
            vec![crate::ir::Align::None; 2],
            vec![text("Section"), text("Meaning")],
            rows,
            BODY_BOX.w,
            BODY_BOX.h,
        );
        let lead = "Every page follows the same structure:";
        for before in 4..14 {
            let mut entries: Vec<Entry> =
                (0..before).map(|i| Entry::Item(Item::Paragraph(text(&format!("Point {i}."))))).collect();
            entries.push(Entry::Item(Item::Paragraph(text(lead))));
            entries.push(Entry::Item(Item::Table(table.clone())));
            let pages = paginate(&entries, BODY_BOX);
            for page in &pages {
                assert!(!matches!(page.items.last(), Some(Item::Paragraph(t)) if plain(t) == lead), "{before}");
                assert!(body_height(&page.items, BODY_BOX.w) <= BODY_BOX.h, "{before}: fits");
            }
        }
    }

    #[test]
    fn the_last_bullet_of_a_list_does_not_open_a_slide_alone() {
        // Seen in content/'s Engineering Manager deck: "Agree growth goals…", a list's last bullet, alone
        // on a slide. The break is swept over every bullet of lists of two to six.
        let paragraph = |s: &str| Entry::Item(Item::Paragraph(vec![Run { text: s.into(), ..Run::default() }]));
        for size in 2..7 {
            for before in 8..20 {
                let mut entries: Vec<Entry> = (0..before).map(|i| paragraph(&format!("Point {i}."))).collect();
                entries.extend((0..size).map(|i| bullet(&format!("Item {i}"))));
                entries.push(paragraph("After the list."));
                let pages = paginate(&entries, BODY_BOX);
                let bullets: Vec<usize> = pages
                    .iter()
                    .map(|p| p.items.iter().filter(|i| matches!(i, Item::Bullet { .. })).count())
                    .filter(|&n| n > 0)
                    .collect();
                let last = *bullets.last().expect("a slide with the list");
                assert!(last >= LIST_ALONE.min(size), "{size} after {before}: {bullets:?}");
                assert!(pages.len() <= fill(&entries, BODY_BOX, false).0.len(), "never a slide more");
                let count = pages.iter().map(|p| p.items.len()).sum::<usize>();
                assert_eq!(count, before + size + 1, "{size} after {before}: nothing lost or shown twice");
            }
        }
    }

    #[test]
    fn the_last_paragraph_of_a_section_does_not_open_a_slide_alone() {
        // Seen in Postman's OSPO ladder: "Experience: …", the last paragraph of a role, alone on
        // a slide. The break is swept over every paragraph near the foot of the first slide.
        let paragraph = |s: &str| Entry::Item(Item::Paragraph(vec![Run { text: s.into(), ..Run::default() }]));
        for count in 8..20 {
            let entries: Vec<Entry> = (0..count).map(|i| paragraph(&format!("Point {i}."))).collect();
            let pages = paginate(&entries, BODY_BOX);
            let last = pages.last().expect("a slide").items.len();
            assert!(pages.len() == 1 || last >= 2, "{count} paragraphs: {last} on the last slide");
            assert_eq!(pages.iter().map(|p| p.items.len()).sum::<usize>(), count, "nothing lost or shown twice");
        }
    }

    fn words(item: &Item) -> String {
        match item {
            Item::Paragraph(text) => plain(text),
            _ => String::new(),
        }
    }

    #[test]
    fn a_paragraph_fills_a_slide_left_half_empty_cut_at_a_sentence() {
        // As the Financial Times' FAQ: an answer too long for the room below the one before it.
        let paragraph = |s: &str| Entry::Item(Item::Paragraph(vec![Run { text: s.into(), ..Run::default() }]));
        let sentences: Vec<String> =
            (0..27).map(|i| format!("Sentence {i} says a little more about the role.")).collect();
        let opening = "An opening paragraph of a few lines. ".repeat(8);
        let entries = [paragraph(opening.trim()), paragraph(&sentences.join(" "))];
        let heights: Vec<f32> =
            entries.iter().map(|e| if let Entry::Item(i) = e { item_height(i, BODY_BOX.w) } else { 0.0 }).collect();
        assert!(
            heights[0] < BODY_BOX.h * FILLED && heights[0] + heights[1] > BODY_BOX.h && heights[1] < BODY_BOX.h,
            "{heights:?}"
        );
        let pages = paginate(&entries, BODY_BOX);
        assert_eq!(pages.len(), 2);
        assert!(pages[0].heights.iter().sum::<f32>() >= BODY_BOX.h * FILLED, "{:?}", pages[0].heights);
        let Some(Item::Paragraph(end)) = pages[0].items.last() else { panic!("{:?}", pages[0]) };
        assert!(plain(end).ends_with("role."), "cut at a sentence's end: {}", plain(end));
        let text: Vec<String> = pages.iter().flat_map(|p| p.items.iter().map(words)).collect();
        assert_eq!(text.join(" "), format!("{} {}", opening.trim(), sentences.join(" ")), "nothing lost");
        // Below a slide already FILLED full, the paragraph moves whole.
        let mut full: Vec<Entry> = (0..10).map(|i| paragraph(&format!("Point {i}."))).collect();
        full.push(paragraph(&sentences[..12].join(" ")));
        let pages = paginate(&full, BODY_BOX);
        assert!(pages[0].heights.iter().sum::<f32>() >= BODY_BOX.h * FILLED, "{:?}", pages[0].heights);
        let last: Vec<String> = pages.last().unwrap().items.iter().map(words).collect();
        assert_eq!(last.last(), Some(&sentences[..12].join(" ")), "{last:?}");
    }

    #[test]
    fn long_titles_shrink_then_shorten() {
        assert_eq!(fit_title("Short", Layout::Content).1, 32.0);
        let (title, size) = fit_title(&"Very long title words ".repeat(20), Layout::Content);
        assert_eq!(size, 22.0);
        assert!(title.ends_with('…'));
    }
}
