//! A page that only redirects (`redirect_to`, the frontmatter key of Jekyll's
//! jekyll-redirect-from) has no body of its own. Rather than a blank guide, chapter or deck
//! under its title, it says where its content went, as the site's redirect does.

use crate::ir::{Block, BlockKind, Inline, Link, LinkTarget, Meta, Span};
use serde_json::Value;

/// The frontmatter key of a redirect.
pub const KEY: &str = "redirect_to";

/// The paragraph a page with no `blocks` shows when its frontmatter redirects it: "This page
/// has moved to" its (first) target, as a link. `key_at` finds where the key was written,
/// asked only of a page that redirects.
pub fn moved_to(meta: &Meta, blocks: &[Block], key_at: impl FnOnce() -> Span) -> Option<Block> {
    if !blocks.is_empty() {
        return None;
    }
    let target = match meta.extra.get(KEY)? {
        Value::String(target) => target.trim(),
        Value::Array(targets) => targets.first()?.as_str()?.trim(),
        _ => return None,
    };
    if target.is_empty() {
        return None;
    }
    let span = key_at();
    let text = |text: &str| Inline::Text { text: text.to_string() };
    let link = Link {
        target: LinkTarget::Unresolved { href: target.to_string() },
        title: String::new(),
        content: vec![text(target)],
        span,
    };
    let content = vec![text("This page has moved to "), Inline::Link(Box::new(link)), text(".")];
    Some(Block { span, kind: BlockKind::Paragraph { content } })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(value: Value) -> Meta {
        Meta { extra: [(KEY.to_string(), value)].into(), ..Meta::default() }
    }

    #[test]
    fn an_empty_page_that_redirects_says_where_to() {
        let at = Span { line: 4, column: 1 };
        let moved = moved_to(&meta(Value::from("https://example.com/junior/")), &[], || at).expect("a paragraph");
        let BlockKind::Paragraph { content } = &moved.kind else { panic!("{moved:?}") };
        assert_eq!(crate::ir::plain_text(content), "This page has moved to https://example.com/junior/.");
        let list = meta(Value::from(vec!["/first/", "/second/"]));
        let first = moved_to(&list, &[], || at).map(|b| match b.kind {
            BlockKind::Paragraph { content } => crate::ir::plain_text(&content),
            _ => String::new(),
        });
        assert_eq!(first.as_deref(), Some("This page has moved to /first/."));
        let body = [moved.clone()];
        assert_eq!(moved_to(&meta(Value::from("/x/")), &body, || at), None, "a page with a body keeps it");
        assert_eq!(moved_to(&Meta::default(), &[], || at), None);
    }
}
