//! GitHub's extended autolinks, which pulldown-cmark does not read: a bare `https://…` or
//! `http://…` URL, a `www.` address and an e-mail address in text become links. Only text is
//! read, never code, and never the text of a link (the fold calls this for no inlines inside
//! one); where a link ends (trailing punctuation, parentheses) is found by linkify.

use crate::ir::{Inline, Link, LinkTarget, Span};
use linkify::{LinkFinder, LinkKind};

/// `inlines` with the addresses in their text made links (which the loader resolves like any
/// other, so `javascript:` is still refused).
pub fn autolink(inlines: Vec<Inline>, span: Span) -> Vec<Inline> {
    if !inlines.iter().any(|i| matches!(i, Inline::Text { text } if may_hold_link(text))) {
        return inlines;
    }
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text { text } if may_hold_link(&text) => split(&finder, &text, span, &mut out),
            other => out.push(other),
        }
    }
    out
}

/// Whether text may hold an address at all: the quick test before the scan.
fn may_hold_link(text: &str) -> bool {
    text.contains("://") || text.contains("www.") || text.contains('@')
}

/// Pushes `text` as text and links.
fn split(finder: &LinkFinder, text: &str, span: Span, out: &mut Vec<Inline>) {
    let mut at = 0;
    for found in finder.links(text) {
        let Some(href) = href(found.as_str(), found.kind()) else { continue };
        if found.start() > at {
            out.push(Inline::Text { text: text[at..found.start()].to_string() });
        }
        let content = vec![Inline::Text { text: found.as_str().to_string() }];
        let target = LinkTarget::Unresolved { href };
        out.push(Inline::Link(Box::new(Link { target, title: String::new(), content, span })));
        at = found.end();
    }
    if at < text.len() {
        out.push(Inline::Text { text: text[at..].to_string() });
    }
}

/// Where an address found in text leads, if it is one GitHub links: a URL of `http` or
/// `https`, a `www.` address (on `http`), an e-mail address (on `mailto:`).
fn href(found: &str, kind: &LinkKind) -> Option<String> {
    let lower = found.to_ascii_lowercase();
    match kind {
        LinkKind::Email => Some(format!("mailto:{found}")),
        LinkKind::Url if lower.starts_with("https://") || lower.starts_with("http://") => Some(found.to_string()),
        LinkKind::Url if lower.starts_with("www.") => Some(format!("http://{found}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hrefs(text: &str) -> Vec<(String, String)> {
        let out = autolink(vec![Inline::Text { text: text.into() }], Span::default());
        out.iter()
            .filter_map(|i| match i {
                Inline::Link(link) => match &link.target {
                    LinkTarget::Unresolved { href } => Some((crate::ir::plain_text(&link.content), href.clone())),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    #[test]
    fn urls_www_addresses_and_emails_become_links() {
        let found = hrefs("See https://x.org/a_(b), www.y.com. Or mail me@z.io! Not example.org or ftp://q.");
        let expected = [
            ("https://x.org/a_(b)", "https://x.org/a_(b)"),
            ("www.y.com", "http://www.y.com"),
            ("me@z.io", "mailto:me@z.io"),
        ];
        assert_eq!(found, expected.map(|(a, b)| (a.to_string(), b.to_string())));
        assert!(hrefs("plain text").is_empty());
    }
}
