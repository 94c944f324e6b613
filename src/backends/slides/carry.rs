//! What a continuation slide takes along from the foot of the slide before: sub-headings
//! (which never end a slide), a paragraph leading into a list, code, a table or an image, and
//! the item before the last of a run (a list's bullets, a section's closing paragraphs and
//! code), which does not open a slide alone.

use super::deck::{Item, Text};

/// Whether `item`, followed by `next`, is the last of a run that does not end on a slide of
/// its own: the last bullet of a list, or a section's last paragraph or code.
pub(super) fn closes(item: &Item, next: Option<&Item>) -> bool {
    match item {
        Item::Bullet { .. } => !matches!(next, Some(Item::Bullet { .. })),
        Item::Paragraph(_) | Item::Code { .. } => next.is_none(),
        _ => false,
    }
}

/// Whether `item` belongs to the run of a list (`list`) or of paragraphs and code.
fn in_run(item: &Item, list: bool) -> bool {
    match list {
        true => matches!(item, Item::Bullet { .. }),
        false => matches!(item, Item::Paragraph(_) | Item::Code { .. }),
    }
}

/// The fewest bullets of a list a slide ends with when the list's last bullet is carried over.
pub(super) const LIST_ALONE: usize = 2;

/// The fewest items of a run that stay when its last item is carried over: [`LIST_ALONE`]
/// bullets of a list (`list`), one paragraph or piece of code.
fn staying(list: bool) -> usize {
    if list {
        LIST_ALONE
    } else {
        1
    }
}

/// What a new page takes along from the foot of the last one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Carry {
    Nothing,
    /// Sub-headings: a heading and the headings under it.
    Headings,
    /// Before a list, code, a table or an image: also the paragraph that leads into it (see
    /// [`leads_in`]: "These changes are made in order to"), and the headings above.
    LeadIn,
    /// Before the last item of a run (a list's bullets if `list`, else a section's closing
    /// paragraphs and code), which does not open a slide alone: the item before it, when
    /// enough of the run stay ([`staying`]); else a whole list if `whole`; else as `LeadIn`.
    Closing {
        whole: bool,
        list: bool,
    },
}

impl Carry {
    /// What to take along before placing `item`, the last of its run if `closing` (and its
    /// run moved whole if short and `whole`).
    pub(super) fn before(item: &Item, closing: bool, whole: bool) -> Carry {
        let list = matches!(item, Item::Bullet { .. });
        match item {
            _ if closing => Carry::Closing { whole: whole && list, list },
            Item::Bullet { .. } | Item::Code { .. } => Carry::LeadIn,
            _ => Carry::Headings,
        }
    }

    /// How many items at the end of `items` go along.
    pub(super) fn trailing(self, items: &[Item]) -> usize {
        let headings = |items: &[Item]| items.iter().rev().take_while(|i| matches!(i, Item::Heading(_))).count();
        let lead_in = |items: &[Item]| match items.last() {
            Some(Item::Paragraph(text)) if leads_in(text) => 1 + headings(&items[..items.len() - 1]),
            _ => headings(items),
        };
        let run = |list| items.iter().rev().take_while(|i| in_run(i, list)).count();
        match self {
            Carry::Nothing => 0,
            Carry::Headings => headings(items),
            // With what leads into the item carried (code after "… run this:").
            Carry::Closing { list, .. } if run(list) > staying(list) => 1 + lead_in(&items[..items.len() - 1]),
            Carry::Closing { whole: true, list } if run(list) > 0 => {
                run(list) + lead_in(&items[..items.len() - run(list)])
            }
            Carry::LeadIn | Carry::Closing { .. } => lead_in(items),
        }
    }
}

/// The longest paragraph, in characters, taken along as a lead-in without a colon (about two
/// lines); one that ends in a colon may be twice as long.
const LEAD_IN: usize = 160;

/// Whether a paragraph leads into what follows: it ends in a colon, or is short and ends
/// without the punctuation that ends a sentence.
pub(super) fn leads_in(text: &Text) -> bool {
    let plain: String = text.iter().map(|run| run.text.as_str()).collect();
    let length = plain.chars().count();
    match plain.trim_end().chars().last() {
        Some(':') => length <= 2 * LEAD_IN,
        Some(c) => length <= LEAD_IN && !matches!(c, '.' | '!' | '?' | '…' | ')' | '"' | '”' | '\''),
        None => false,
    }
}
