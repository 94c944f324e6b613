//! Fitting entries onto slides: items fill a body box top to bottom; what does not fit moves
//! to a continuation slide, a sub-heading never ends a slide, a table too tall is split by
//! rows with its header repeated, and titles shrink (or are shortened) to fit their box.

use super::deck::{plain, Item, Layout, Run, Slide, Table, Text};
use super::layout::{boxes, item_height, item_text, row_height, text_height, title_sizes, Rect, TABLE_GAP};
use super::outline::Entry;
use super::tables::rows_fitting;

/// The content of one slide.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    pub notes: Vec<String>,
}

/// Fills pages of a body box with `entries`, as evenly as the fewest pages allow (so that no
/// continuation slide holds a lone line); never returns an empty list.
pub fn paginate(entries: &[Entry], body: Rect) -> Vec<Page> {
    let measured = measure(entries, body);
    let full = fill(entries, &measured, body, body.h);
    if full.len() < 2 {
        return full;
    }
    let (mut low, mut high) = (body.h / full.len() as f32, body.h);
    let mut best = full;
    for _ in 0..8 {
        let middle = (low + high) / 2.0;
        let pages = fill(entries, &measured, body, middle);
        if pages.len() == best.len() {
            best = pages;
            high = middle;
        } else {
            low = middle;
        }
    }
    best
}

/// Whether `entries` fit on one page of the body box.
pub fn fits(entries: &[Entry], body: Rect) -> bool {
    fill(entries, &measure(entries, body), body, body.h).len() == 1
}

/// The height of an entry in the body, measured once however often the entries are filled.
enum Height {
    Note,
    Item(f32),
    /// A table: its header row and each of its rows.
    Table {
        head: f32,
        rows: Vec<f32>,
    },
}

fn measure(entries: &[Entry], body: Rect) -> Vec<Height> {
    entries
        .iter()
        .map(|entry| match entry {
            Entry::Note(_) => Height::Note,
            Entry::Item(Item::Table(table)) => Height::Table {
                head: row_height(&table.head, &table.widths, table.size, true),
                rows: table.rows.iter().map(|r| row_height(r, &table.widths, table.size, false)).collect(),
            },
            Entry::Item(item) => Height::Item(item_height(item, body.w)),
        })
        .collect()
}

/// Fills pages up to `limit` points of the body's height.
fn fill(entries: &[Entry], measured: &[Height], body: Rect, limit: f32) -> Vec<Page> {
    let mut pager = Pager { pages: vec![Page::default()], used: 0.0, body, limit, heading: None };
    for (entry, height) in entries.iter().zip(measured) {
        match (entry, height) {
            (Entry::Note(note), _) => pager.last().notes.push(note.clone()),
            (Entry::Item(Item::Table(table)), Height::Table { head, rows }) => pager.table(table, *head, rows),
            (Entry::Item(item), Height::Item(height)) => pager.item(item.clone(), *height),
            (Entry::Item(item), _) => pager.item(item.clone(), item_height(item, body.w)),
        }
    }
    pager.finish()
}

struct Pager {
    pages: Vec<Page>,
    used: f32,
    body: Rect,
    /// How far down the body pages are filled; at most its height.
    limit: f32,
    /// The last sub-heading placed, with its height, repeated as "… (cont.)" atop a page its
    /// items run onto.
    heading: Option<(Text, f32)>,
}

impl Pager {
    fn last(&mut self) -> &mut Page {
        self.pages.last_mut().expect("at least one page")
    }

    /// Starts a new page, taking along a sub-heading that would otherwise end the last one,
    /// or else (if `repeat`) repeating the sub-heading whose items continue.
    fn new_page(&mut self, carry_heading: bool, repeat: bool) {
        let last = self.last();
        let carried = match last.items.last() {
            Some(Item::Heading(_)) if carry_heading && last.items.len() > 1 => last.items.pop(),
            _ => None,
        };
        let ends_with_heading = matches!(last.items.last(), Some(Item::Heading(_)));
        self.pages.push(Page::default());
        self.used = 0.0;
        match (carried, &self.heading) {
            (Some(heading), Some((_, height))) => {
                let height = *height;
                self.push(heading, height)
            }
            (Some(heading), None) => {
                let height = item_height(&heading, self.body.w);
                self.push(heading, height)
            }
            (None, Some((text, _))) if repeat && !ends_with_heading => {
                let mut text = text.clone();
                text.push(Run { text: " (cont.)".into(), link: None, ..text.last().cloned().unwrap_or_default() });
                self.used += item_height(&Item::Heading(text.clone()), self.body.w);
                self.last().items.push(Item::Heading(text));
            }
            _ => {}
        }
    }

    fn push(&mut self, item: Item, height: f32) {
        if let Item::Heading(text) = &item {
            self.heading = Some((text.clone(), height));
        }
        self.used += height;
        self.last().items.push(item);
    }

    fn item(&mut self, item: Item, height: f32) {
        if height > self.body.h {
            let text = plain(item_text(&item));
            self.last().notes.push(text);
            return;
        }
        if self.used + height > self.limit && !self.last().items.is_empty() {
            let repeat = !matches!(item, Item::Heading(_));
            self.new_page(true, repeat);
        }
        self.push(item, height);
    }

    /// Places a table whose header row is `head` high and whose rows are `rows` high.
    fn table(&mut self, table: &Table, head: f32, rows: &[f32]) {
        let part = |start: usize, count: usize| TABLE_GAP + head + rows[start..start + count].iter().sum::<f32>();
        let height = part(0, rows.len());
        if self.used + height <= self.limit {
            return self.push(Item::Table(table.clone()), height);
        }
        // A table that fits a slide moves whole to the next one, past the balancing limit
        // if need be; only a table taller than a slide is split.
        if height <= self.body.h {
            self.new_page(true, true);
            if self.used + height <= self.body.h {
                return self.push(Item::Table(table.clone()), height);
            }
        }
        let mut start = 0;
        let mut fresh = false;
        while start < table.rows.len() {
            let mut count = rows_fitting(head, &rows[start..], self.limit - self.used);
            let rest = table.rows.len() - start;
            if (count == 0 || (count < 2 && rest > 1)) && !self.last().items.is_empty() {
                self.new_page(!fresh, true);
                fresh = true;
                continue;
            }
            count = count.max(1);
            if rest == count + 1 && count >= 3 {
                count -= 1; // never leave one row alone
            }
            self.push(Item::Table(table.part(start..start + count)), part(start, count));
            start += count;
            fresh = false;
            if start < table.rows.len() {
                self.new_page(false, true);
                fresh = true;
            }
        }
    }

    /// The pages with content; notes of empty pages join the page before (or after).
    fn finish(self) -> Vec<Page> {
        let mut pages: Vec<Page> = Vec::new();
        let mut pending = Vec::new();
        for mut page in self.pages {
            if page.items.is_empty() {
                match pages.last_mut() {
                    Some(last) => last.notes.append(&mut page.notes),
                    None => pending.append(&mut page.notes),
                }
                continue;
            }
            pending.append(&mut page.notes);
            page.notes = std::mem::take(&mut pending);
            pages.push(page);
        }
        if pages.is_empty() {
            pages.push(Page { items: Vec::new(), notes: pending });
        }
        pages
    }
}

/// Slides for pages under one title; every slide after the first is titled "… (cont.)".
pub fn slides(title: &str, layout: Layout, pages: Vec<Page>) -> Vec<Slide> {
    pages
        .into_iter()
        .enumerate()
        .map(|(i, page)| {
            let title = if i == 0 { title.to_string() } else { format!("{title} (cont.)") };
            let (title, title_size) = fit_title(&title, layout);
            Slide { layout, title, title_size, body: page.items, notes: page.notes }
        })
        .collect()
}

/// The largest title size at which `title` fits its box; at the smallest size, a title still
/// too long is shortened with an ellipsis.
pub fn fit_title(title: &str, layout: Layout) -> (String, f32) {
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
    use crate::backends::slides::deck::{Marker, Run};
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
    fn long_titles_shrink_then_shorten() {
        assert_eq!(fit_title("Short", Layout::Content).1, 32.0);
        let (title, size) = fit_title(&"Very long title words ".repeat(20), Layout::Content);
        assert_eq!(size, 22.0);
        assert!(title.ends_with('…'));
    }
}
