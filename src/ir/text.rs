//! Text helpers over inlines: plain text for titles and cells, and heading slugs.

use super::Inline;

/// The text of inlines without markup: emphasis dropped, breaks as spaces, images as alt text.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => {
                push_plain(content, out)
            }
            Inline::Link(link) => push_plain(&link.content, out),
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::FootnoteRef { .. } | Inline::Raw { .. } => {}
        }
    }
}

/// The GitHub-style anchor of a heading: lower case, spaces to hyphens, punctuation dropped.
/// `"Typical Day-to-Day Activities"` becomes `"typical-day-to-day-activities"`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            slug.push('-');
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slugify("Key Skill Sets"), "key-skill-sets");
        assert_eq!(slugify("Typical Day-to-Day Activities"), "typical-day-to-day-activities");
        assert_eq!(slugify("What's next? (Part 2)"), "whats-next-part-2");
        assert_eq!(slugify("Délai & Größe"), "délai--größe");
    }

    #[test]
    fn plain_text_drops_markup() {
        let inlines = vec![
            Inline::Strong { content: vec![Inline::Text { text: "Bold".into() }] },
            Inline::SoftBreak,
            Inline::Code { text: "x".into() },
        ];
        assert_eq!(plain_text(&inlines), "Bold x");
    }
}
