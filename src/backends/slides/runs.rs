//! IR inlines to the deck's runs, from the IR's styled runs: emphasis becomes flags, links keep
//! their URL or document, soft breaks become spaces and hard breaks line ends (`\n`), images
//! their alt text; neighbouring runs of one style are merged.

use super::deck::{Link, Run, Text};
use crate::ir::runs::{styled_runs, Dest, Piece, Style};
use crate::ir::Inline;

/// The runs of `inlines`, in order.
pub fn runs(inlines: &[Inline]) -> Text {
    let mut out = Vec::new();
    for run in styled_runs(inlines) {
        let text = match run.piece {
            Piece::Text(text) => text,
            Piece::Image(image) => &image.alt,
            Piece::Break { hard: false } => " ",
            Piece::Break { hard: true } => "\n",
            Piece::Note(_) => continue,
        };
        add(&mut out, &deck_style(run.style), text);
    }
    out
}

/// A run of the deck, without text yet, in `style`.
fn deck_style(style: Style) -> Run {
    let link = style.link.map(|to| match to {
        Dest::Url(url) => Link::Url(url.to_string()),
        Dest::Page { doc, anchor } => Link::Document { id: doc.to_string(), anchor: anchor.map(str::to_string) },
    });
    let (bold, italic, code, strike) = (style.bold, style.italic, style.code, style.strike);
    Run { text: String::new(), bold, italic, code, strike, link, color: None }
}

/// `text` without control characters (other than newlines), which no slide can show.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() || *c == '\n').collect()
}

fn add(out: &mut Text, style: &Run, text: &str) {
    let text = &clean(text);
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if same_style(last, style) => last.text.push_str(text),
        _ => out.push(Run { text: text.to_string(), ..style.clone() }),
    }
}

fn same_style(a: &Run, b: &Run) -> bool {
    (a.bold, a.italic, a.code, a.strike, &a.link) == (b.bold, b.italic, b.code, b.strike, &b.link)
}

/// `text` with leading and trailing whitespace removed from its first and last runs.
pub fn trim(mut text: Text) -> Text {
    if let Some(first) = text.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = text.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    text.retain(|r| !r.text.is_empty());
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::LinkTarget;

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn styles_nest_and_neighbours_merge() {
        let inlines = vec![
            t("a "),
            t("b"),
            Inline::Strong { content: vec![Inline::Emph { content: vec![t("c")] }] },
            Inline::SoftBreak,
            Inline::Link(Box::new(crate::ir::Link {
                target: LinkTarget::External { url: "https://x.org".into() },
                title: String::new(),
                content: vec![t("x")],
                span: Default::default(),
            })),
        ];
        let runs = runs(&inlines);
        assert_eq!(runs.len(), 4);
        assert_eq!(runs[0].text, "a b");
        assert!(runs[1].bold && runs[1].italic);
        assert_eq!(runs[3].link, Some(Link::Url("https://x.org".into())));
    }
}
