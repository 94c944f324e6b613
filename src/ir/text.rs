//! Text helpers over inlines: plain text for titles and cells, white space as a reader sees it,
//! and heading slugs.

use super::walk::query_inlines;
use super::Inline;

/// The text of inlines without markup: emphasis dropped, breaks as spaces, images as alt text.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    query_inlines(inlines, &mut |inline| match inline {
        Inline::Text { text } | Inline::Code { text } => out.push_str(text),
        Inline::Image(image) => out.push_str(&image.alt),
        Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        // What emphasis and links hold is visited in turn.
        Inline::Emph { .. } | Inline::Strong { .. } | Inline::Strike { .. } | Inline::Link(_) => {}
        Inline::FootnoteRef { .. } | Inline::Raw { .. } => {}
    });
    out
}

/// Text with each run of ASCII white space (spaces, tabs, form feeds, vertical tabs, line ends)
/// made one space, as a browser shows it: a page of form feeds is not a page of empty lines.
/// The loader applies it to the text of every page, so every backend reads the IR's text as a
/// reader sees it.
pub fn collapse_spaces(text: &str) -> String {
    let blank = |b: u8| b.is_ascii_whitespace() || b == 0x0b;
    let bytes = text.as_bytes();
    let single = |i: usize| bytes[i] == b' ' && bytes.get(i + 1).is_none_or(|&n| !blank(n));
    if (0..bytes.len()).all(|i| !blank(bytes[i]) || single(i)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii() || !blank(c as u8) {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
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

    #[test]
    fn white_space_runs_become_one_space() {
        assert_eq!(collapse_spaces("a\x0c\x0c\x0cb \x0b\t c  "), "a b c ");
        assert_eq!(collapse_spaces("no runs here"), "no runs here");
        assert_eq!(collapse_spaces("é\u{a0}\u{a0}ü"), "é\u{a0}\u{a0}ü", "no-break spaces are kept");
    }
}
