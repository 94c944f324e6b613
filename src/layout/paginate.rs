//! Pagination: stacks slabs into the text column of pages, keeping chained slabs together,
//! repeating table headers, dropping space at the top of a page, and cutting a slab taller than
//! a page between its lines.

use super::flow::Slab;
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
        if !fits && !fresh {
            pages.push(Vec::new());
            y = 0.0;
            if let Some(header) = &slab.header {
                place(pages.last_mut().expect("a page"), header, column, 0.0);
                y = header.height;
            }
            y0 = y;
            fits = y + slab.height <= column.h + 0.01;
        }
        if slab.droppable && y0 == 0.0 && pages.len() > 1 {
            continue;
        }
        if !fits && slab.height > column.h - y0 {
            let (head, rest) = split(slab, column.h - y0);
            place(pages.last_mut().expect("a page"), &head, column, y0);
            pages.push(Vec::new());
            y = 0.0;
            queue.push_front(rest);
            continue;
        }
        place(pages.last_mut().expect("a page"), &slab, column, y0);
        y = y0 + slab.height;
    }
    pages
}

fn place(page: &mut Vec<Item>, slab: &Slab, column: Column, y: f32) {
    page.extend(slab.items.iter().cloned().map(|mut item| {
        item.shift(column.x, column.y + y);
        item
    }));
}

/// Cuts a slab at or above `at`, between lines of text where possible; boxes are cut in two.
fn split(slab: Slab, at: f32) -> (Slab, Slab) {
    let mut cut = at.max(1.0);
    let texts: Vec<[f32; 4]> = slab.items.iter().filter(|i| matches!(i, Item::Text(_))).map(Item::bounds).collect();
    while let Some(b) = texts.iter().find(|b| b[1] < cut - 0.01 && b[3] > cut + 0.01) {
        cut = b[1];
    }
    if cut < 1.0 {
        cut = at.max(1.0);
    }
    let (mut head, mut rest) = (Vec::new(), Vec::new());
    for item in slab.items {
        match item {
            Item::Rect { x, y, w, h, color } if y < cut && y + h > cut => {
                head.push(Item::Rect { x, y, w, h: cut - y, color });
                rest.push(Item::Rect { x, y: 0.0, w, h: y + h - cut, color });
            }
            Item::Rule { x1, y1, x2, y2, width, color } if x1 == x2 && y1.min(y2) < cut && y1.max(y2) > cut => {
                head.push(Item::Rule { x1, y1: y1.min(y2), x2, y2: cut, width, color });
                rest.push(Item::Rule { x1, y1: 0.0, x2, y2: y1.max(y2) - cut, width, color });
            }
            mut other => {
                if other.bounds()[1] < cut - 0.01 {
                    head.push(other);
                } else {
                    other.shift(0.0, -cut);
                    rest.push(other);
                }
            }
        }
    }
    let rest = Slab { height: slab.height - cut, items: rest, header: slab.header, ..Slab::default() };
    (Slab { height: cut, items: head, ..Slab::default() }, rest)
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
