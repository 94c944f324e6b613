//! What a table cell holds, decided before any writing: a number (with its number format), or
//! text as runs of bold, italic, struck or code text, with at most one hyperlink.

use super::config::XlsxConfig;
use crate::ir::runs::{styled_runs, Dest, Piece, Style};
use crate::ir::Inline;

/// A cell that reads as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Excel number format; `None` for General.
    pub format: Option<String>,
}

/// The number in `text`: `42`, `3.50`, `1,200` or `70%`, with a number format that shows it
/// as written (`3.50` keeps its zero). Ranges (`70-90%`), currencies
/// (`$500K`), codes with leading zeros (`007`) and anything starting with `= + - @` stay text.
pub fn number(text: &str) -> Option<Number> {
    let text = text.trim();
    if let Some(digits) = text.strip_suffix('%') {
        let (value, decimals) = decimal(digits)?;
        let format = if decimals == 0 { "0%".to_string() } else { format!("0.{}%", "0".repeat(decimals)) };
        return Some(Number { value: value / 100.0, format: Some(format) });
    }
    if text.contains(',') {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let mut groups = whole.split(',');
        let first = groups.next()?;
        let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
        let plain =
            if fraction.is_empty() { whole.replace(',', "") } else { format!("{}.{fraction}", whole.replace(',', "")) };
        let (value, decimals) = decimal(&plain)?;
        let format = if decimals == 0 { "#,##0".to_string() } else { format!("#,##0.{}", "0".repeat(decimals)) };
        return Some(Number { value, format: Some(format) });
    }
    let (value, decimals) = decimal(text)?;
    let format = (decimals > 0).then(|| format!("0.{}", "0".repeat(decimals)));
    Some(Number { value, format })
}

/// A plain unsigned decimal and its number of decimal places; at most 15 significant digits
/// (what Excel keeps), and no leading zero before other digits.
fn decimal(text: &str) -> Option<(f64, usize)> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) if !f.is_empty() => (w, f),
        Some(_) => return None,
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && !(whole.len() > 1 && whole.starts_with('0'))
        && whole.len() + fraction.len() <= 15;
    ok.then(|| text.parse().ok().map(|v| (v, fraction.len()))).flatten()
}

/// A stretch of text with one style. A cell holds at most one hyperlink, kept in
/// [`Content::link`], so the style of a run has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: Style<'static>,
}

/// The text of a cell as styled runs, and the address of its first link that has one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Content {
    pub runs: Vec<Run>,
    pub link: Option<String>,
}

impl Content {
    /// The whole text without styles.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Whether any run is code (whose text is kept as written, never read as a number).
    pub fn has_code(&self) -> bool {
        self.runs.iter().any(|r| r.style.code)
    }

    /// Whether every run has the same style (so the cell needs no rich text).
    pub fn is_uniform(&self) -> bool {
        self.runs.windows(2).all(|w| w[0].style == w[1].style)
    }
}

/// Reads a cell's inlines. Soft breaks become spaces, hard breaks new lines; footnote
/// references and raw material are dropped; images give their alt text.
pub fn content(inlines: &[Inline], config: &XlsxConfig) -> Content {
    let mut out = Content::default();
    for run in styled_runs(inlines) {
        if out.link.is_none() {
            out.link = run.style.link.and_then(|to| address(to, config));
        }
        let text = match run.piece {
            Piece::Text(text) => text,
            Piece::Image(image) => &image.alt,
            Piece::Break { hard: false } => " ",
            Piece::Break { hard: true } => "\n",
            Piece::Note(_) => continue,
        };
        add(&mut out, run.style.without_link(), text);
    }
    if let Some(first) = out.runs.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.runs.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    out.runs.retain(|r| !r.text.is_empty());
    out
}

/// The address a link in a cell opens.
fn address(to: Dest, config: &XlsxConfig) -> Option<String> {
    match to {
        Dest::Url(url) => Some(url.to_string()),
        Dest::Page { doc, anchor } => config.page_url(doc, anchor),
    }
}

fn add(out: &mut Content, style: Style<'static>, text: &str) {
    match out.runs.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => out.runs.push(Run { text: text.to_string(), style }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::LinkTarget;

    fn value(text: &str) -> Option<(f64, Option<String>)> {
        number(text).map(|n| (n.value, n.format))
    }

    #[test]
    fn numbers_percentages_and_text() {
        assert_eq!(value("42"), Some((42.0, None)));
        assert_eq!(value(" 3.25 "), Some((3.25, Some("0.00".into()))));
        assert_eq!(value("1.10"), Some((1.1, Some("0.00".into()))));
        assert_eq!(value("70%"), Some((0.7, Some("0%".into()))));
        assert_eq!(value("12.5%"), Some((0.125, Some("0.0%".into()))));
        assert_eq!(value("1,200"), Some((1200.0, Some("#,##0".into()))));
        for text in ["70-90%", "$500K", "007", "-5", "+1", "=1+1", "@x", "1.", ".5", "1,2", "0-1", "L3", "", "%"] {
            assert_eq!(value(text), None, "{text}");
        }
    }

    #[test]
    fn emphasis_becomes_runs_and_links_addresses() {
        let inlines = vec![
            Inline::Strong { content: vec![Inline::Text { text: "Bold".into() }] },
            Inline::Text { text: " and ".into() },
            Inline::Link(Box::new(crate::ir::Link {
                target: LinkTarget::External { url: "https://example.com".into() },
                title: String::new(),
                content: vec![Inline::Emph { content: vec![Inline::Text { text: "link".into() }] }],
                span: Default::default(),
            })),
        ];
        let content = content(&inlines, &XlsxConfig::default());
        assert_eq!(content.text(), "Bold and link");
        assert_eq!(content.runs.len(), 3);
        assert!(content.runs[0].style.bold && content.runs[2].style.italic && !content.is_uniform());
        assert_eq!(content.link.as_deref(), Some("https://example.com"));
    }
}
