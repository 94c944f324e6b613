//! Pagination: stacks slabs into the text column of pages, keeping chained slabs together,
//! repeating table headers (as decoration: the table has its header once), dropping space at the
//! top of a page, and cutting a slab taller than a page between its lines.

use super::flow::Slab;
use super::tag::Tag;
use super::Item;

/// The text column of a page, in points from the page's top left corner.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Places slabs on pages; returns each page's items in absolute positions.
pub fn paginate(slabs: Vec<Slab>, column: Column) -> Vec<Vec<Item>> {
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut y = 0.0;
    let mut queue: std::collections::VecDeque<Slab> = slabs.into();
    while let Some(slab) = queue.pop_front() {
        let mut fresh = y == 0.0;
        if slab.break_before && !fresh {
            pages.push(Vec::new());
            y = 0.0;
            fresh = true;
        }
        let space = if fresh { 0.0 } else { slab.space_before };
        let mut need = space + slab.height;
        if slab.keep_with_next {
            // A chain taller than the column cannot be kept together anyway, so the walk stops
            // there: a chain of thousands of lines costs a page's worth per slab, not the chain.
            for next in &queue {
                need += next.space_before + next.height;
                if !next.keep_with_next || next.break_before || need > column.h {
                    break;
                }
            }
        }
        if need > column.h {
            need = space + slab.height;
        }
        let (mut y0, mut fits) = (y + space, y + need <= column.h + 0.01);
        // A slab taller than the column is cut anyway: it starts where it is when a fifth of the
        // column is left, rather than leaving a page blank below a table's header row.
        let starts_here = slab.height > column.h && column.h - y0 >= column.h * 0.2;
        if !fits && !fresh && !starts_here {
            pages.push(Vec::new());
            y = 0.0;
            if let Some(header) = &slab.header {
                place(pages.last_mut().expect("a page"), repeated(&header.items), column, 0.0);
                y = header.height;
            }
            y0 = y;
            fits = y + slab.height <= column.h + 0.01;
        }
        if slab.droppable && y0 == 0.0 && pages.len() > 1 {
            continue;
        }
        if !fits && slab.height > column.h - y0 {
            // Cut at once into a head for the room left and pieces a page tall, each opening a
            // page: cutting one page at a time rescanned the rest of a 40,000-line table row
            // for every page.
            let mut pieces = split(slab, column.h - y0, column.h);
            let head = pieces.remove(0);
            place(pages.last_mut().expect("a page"), head.items, column, y0);
            pages.push(Vec::new());
            y = 0.0;
            for piece in pieces.into_iter().rev() {
                queue.push_front(Slab { break_before: true, ..piece });
            }
            continue;
        }
        y = y0 + slab.height;
        place(pages.last_mut().expect("a page"), slab.items, column, y0);
    }
    pages
}

/// A table's header row drawn again on a later page: an artifact, without its link areas.
fn repeated(items: &[Item]) -> impl Iterator<Item = Item> + '_ {
    items.iter().filter(|item| !matches!(item, Item::Link { .. })).cloned().map(|mut item| {
        if let Some(tag) = item.tag_mut() {
            *tag = Tag::ARTIFACT;
        }
        item
    })
}

/// Moves a slab's items onto a page, its top at `y` in the column.
fn place(page: &mut Vec<Item>, items: impl IntoIterator<Item = Item>, column: Column, y: f32) {
    page.extend(items.into_iter().map(|mut item| {
        item.shift(column.x, column.y + y);
        item
    }));
}

/// Cuts a slab into a head at most `first` tall and pieces at most `page` tall, between lines of
/// text where possible; boxes and vertical rules are cut where the pieces meet. Each item is
/// looked at once (and text lines found by binary search), so the time is linear in the slab.
fn split(slab: Slab, first: f32, page: f32) -> Vec<Slab> {
    let cuts = cuts(&slab, first, page);
    let starts: Vec<f32> = std::iter::once(0.0).chain(cuts.iter().copied()).collect();
    let ends: Vec<f32> = cuts.iter().copied().chain([slab.height]).collect();
    let mut pieces: Vec<Vec<Item>> = vec![Vec::new(); starts.len()];
    // The pieces a span from `top` to `bottom` crosses, with its part in each (piece coordinates).
    let (starts, ends, cuts) = (&starts, &ends, &cuts);
    let parts = |top: f32, bottom: f32| {
        let from = cuts.partition_point(|&c| c <= top);
        (from..starts.len())
            .take_while(move |&k| starts[k] < bottom)
            .map(move |k| (k, top.max(starts[k]) - starts[k], bottom.min(ends[k]) - starts[k]))
    };
    for item in slab.items {
        match item {
            Item::Rect { x, y, w, h, color } => {
                for (k, top, bottom) in parts(y, y + h) {
                    pieces[k].push(Item::Rect { x, y: top, w, h: bottom - top, color });
                }
            }
            Item::Rule { x1, y1, x2, y2, width, color } if x1 == x2 && y1 != y2 => {
                for (k, top, bottom) in parts(y1.min(y2), y1.max(y2)) {
                    pieces[k].push(Item::Rule { x1, y1: top, x2, y2: bottom, width, color });
                }
            }
            mut other => {
                let top = other.bounds()[1];
                let k = cuts.partition_point(|&c| top >= c - 0.01);
                other.shift(0.0, -starts[k]);
                pieces[k].push(other);
            }
        }
    }
    let last = pieces.len() - 1;
    let header = slab.header;
    pieces
        .into_iter()
        .enumerate()
        .map(|(k, items)| {
            let header = if k == last { header.clone() } else { None };
            Slab { height: ends[k] - starts[k], items, header, ..Slab::default() }
        })
        .collect()
}

/// Where `split` cuts: the first cut at most `first` down, each next at most `page` further,
/// moved up to the top of any line of text it would go through, but not up to the last cut (a
/// piece of less than a point is cut where it fills the page), until the rest fits. A line's box
/// counts without a tenth of it at either end: at tight leading the ascent and descent of
/// neighbouring lines overlap, and every cut between them would otherwise go through one.
fn cuts(slab: &Slab, first: f32, page: f32) -> Vec<f32> {
    let mut lines: Vec<(f32, f32, f32)> = slab
        .items
        .iter()
        .filter(|i| matches!(i, Item::Text(_)))
        .map(|i| {
            let [_, top, _, bottom] = i.bounds();
            (top, bottom, (bottom - top) * 0.1)
        })
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let tallest = lines.iter().map(|(top, bottom, _)| bottom - top).fold(0.0, f32::max);
    let mut cuts = Vec::new();
    let (mut start, mut room) = (0.0, first);
    while slab.height - start > room {
        let at = start + room.max(1.0);
        let mut cut = at;
        while cut - start >= 1.0 {
            // Lines that may cross `cut` begin less than the tallest line above it.
            let from = lines.partition_point(|l| l.0 < cut - tallest - 0.02);
            let to = lines.partition_point(|l| l.0 < cut - 0.01);
            let crossing = lines[from..to].iter().filter(|l| l.0 + l.2 < cut && l.1 - l.2 > cut).map(|l| l.0);
            match crossing.reduce(f32::min) {
                Some(top) => cut = top,
                None => break,
            }
        }
        if cut - start < 1.0 {
            cut = at;
        }
        cuts.push(cut);
        start = cut;
        room = page;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rgb;

    fn rect(h: f32) -> Vec<Item> {
        vec![Item::Rect { x: 0.0, y: 0.0, w: 10.0, h, color: Rgb(0.0, 0.0, 0.0) }]
    }

    #[test]
    fn chains_stay_together_and_a_break_does_not_open_a_page() {
        let column = Column { x: 10.0, y: 20.0, w: 100.0, h: 100.0 };
        let slabs = vec![
            Slab::new(90.0, rect(90.0)),
            Slab { droppable: true, ..Slab::new(12.0, rect(12.0)) },
            Slab { keep_with_next: true, space_before: 5.0, ..Slab::new(5.0, rect(5.0)) },
            Slab::new(10.0, rect(10.0)),
        ];
        let pages = paginate(slabs, column);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 1, "the rule is dropped and the chain moves on together");
        let tops: Vec<f32> = pages[1].iter().map(|i| i.bounds()[1]).collect();
        assert_eq!(tops, [20.0, 25.0], "no space at the top of a page");
    }

    #[test]
    fn a_chain_longer_than_a_page_fills_pages_in_order() {
        // Every line of a long heading keeps with the next. Walking the whole chain from each
        // line made 100,000 lines take 5 billion steps (a fuzzing find); a page's worth is enough.
        let column = Column { x: 0.0, y: 0.0, w: 100.0, h: 100.0 };
        let slabs = (0..100_000).map(|_| Slab { keep_with_next: true, ..Slab::new(10.0, rect(10.0)) }).collect();
        let pages = paginate(slabs, column);
        assert_eq!(pages.len(), 10_000);
        assert!(pages.iter().all(|p| p.len() == 10), "ten lines a page");
        let tops: Vec<f32> = pages[9_999].iter().map(|i| i.bounds()[1]).collect();
        assert_eq!(tops, (0..10).map(|i| i as f32 * 10.0).collect::<Vec<_>>());
    }
}
