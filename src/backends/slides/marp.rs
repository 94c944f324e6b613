//! The Marp outline: the deck as Marp Markdown (`marp: true` front matter, `---` between
//! slides, speaker notes in HTML comments), slide for slide the same as the PPTX; images link
//! to their copies beside the outline.

use super::deck::{Deck, Item, Layout, Marker, Run, Slide, Table, Target};
use crate::ir::Align;

/// The Markdown of `deck`; `accent` (RGB hex) colours the section dividers and sub-headings.
pub fn outline(deck: &Deck, accent: &str) -> String {
    let mut out = header(&deck.title, accent);
    for (i, slide) in deck.slides.iter().enumerate() {
        out.push_str(&slide_text(deck, slide, i == 0, accent));
    }
    out
}

/// The front matter of an outline titled `title`: Marp on, page numbers, the type sizes, and
/// sub-headings in `accent` (RGB hex) as the PPTX and the PDF deck set them.
pub fn header(title: &str, accent: &str) -> String {
    let mut out = String::from("---\nmarp: true\n");
    out.push_str(&format!("title: {}\n", serde_json::Value::String(title.to_string())));
    out.push_str(
        "paginate: true\nstyle: |\n  section { font-size: 26px; line-height: 1.25; padding: 40px 64px; }\n  \
         h1 { font-size: 56px; }\n  h2 { font-size: 42px; margin: 0 0 12px; }\n  h3 { font-size: 29px; margin: 10px 0 2px; }\n  \
         p, ul, ol, blockquote, pre { margin: 8px 0; }\n  li + li { margin-top: 2px; }\n  footer { font-size: 16px; }\n  \
         th, td { padding: 0.15em 0.5em; line-height: 1.25; }\n  table { font-size: 21px; }\n  \
         section.t14 table { font-size: 18px; }\n  section.t12 table { font-size: 16px; }\n  \
         section.t10 table { font-size: 13px; }\n",
    );
    out.push_str(&format!("  section:not(.lead) h3 {{ color: #{accent}; }}\n---\n"));
    out
}

/// The Markdown of one slide of the deck whose links `deck` resolves, after the separator from
/// the slide before unless it is the `first`.
pub fn slide_text(deck: &Deck, slide: &Slide, first: bool, accent: &str) -> String {
    let mut out = String::new();
    if !first {
        out.push_str("\n---\n");
    }
    push_slide(&mut out, deck, slide, accent);
    out
}

fn push_slide(out: &mut String, deck: &Deck, slide: &Slide, accent: &str) {
    let table_size = slide.body.iter().find_map(|i| if let Item::Table(t) = i { Some(t.size) } else { None });
    match slide.layout {
        Layout::Title => out.push_str("\n<!-- _class: lead -->\n"),
        Layout::Section => {
            out.push_str(&format!("\n<!--\n_class: lead\n_backgroundColor: \"#{accent}\"\n_color: white\n-->\n"))
        }
        Layout::Content => match table_size {
            Some(size) if size < 16.0 => out.push_str(&format!("\n<!-- _class: t{} -->\n", size.round())),
            _ => {}
        },
    }
    let hashes = if slide.layout == Layout::Content { "##" } else { "#" };
    let title = if slide.title_runs.is_empty() { escape(&slide.title) } else { inline(deck, &slide.title_runs) };
    out.push_str(&format!("\n{hashes} {title}\n"));
    out.push_str(&items_text(deck, &slide.body));
    if !slide.footnotes.is_empty() {
        let footer: Vec<String> = slide.footnotes.iter().map(|note| inline(deck, note)).collect();
        let footer = serde_json::Value::String(footer.join(" · ").replace("--", "- -"));
        out.push_str(&format!("\n<!-- _footer: {footer} -->\n"));
    }
    for note in &slide.notes {
        out.push_str(&format!("\n<!--\n{}\n-->\n", note_text(note)));
    }
}

/// The Markdown of a slide's items (or a callout's).
fn items_text(deck: &Deck, items: &[Item]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Item> = None;
    let mut number_width = 0;
    let mut top: Option<Marker> = None;
    for item in items {
        // Bullets of one list follow each other; anything else (or a list of the other kind,
        // which Markdown would otherwise read as part of the item before) starts a new block.
        let after_bullet = matches!(previous, Some(Item::Bullet { .. }));
        let same_list = match item {
            Item::Bullet { level: 2, .. } => after_bullet,
            Item::Bullet { marker, .. } => after_bullet && top.is_some_and(|t| numbered(t) == numbered(*marker)),
            _ => false,
        };
        if !same_list {
            out.push('\n');
        }
        if let Item::Bullet { level: 1, marker, .. } = item {
            top = Some(*marker);
        }
        match item {
            // A heading is bold already; `**` in it would take the theme's colour for strong text.
            Item::Heading(text) => {
                let unbolded: Vec<Run> = text.iter().map(|run| Run { bold: false, ..run.clone() }).collect();
                out.push_str(&format!("### {}\n", inline(deck, &unbolded)))
            }
            Item::Paragraph(text) => out.push_str(&format!("{}\n", inline(deck, text))),
            // The copy beside the outline.
            Item::Image { key, alt, .. } => {
                out.push_str(&format!("![{}](<{}/{}>)\n", escape(alt), deck.copies, key.replace(['<', '>'], "")))
            }
            Item::Bullet { level, marker, text } => {
                let mark = match marker {
                    Marker::Bullet => "-".to_string(),
                    Marker::Number(n) => format!("{n}."),
                };
                let indent = if *level > 1 { " ".repeat(number_width.max(2)) } else { String::new() };
                if *level == 1 {
                    number_width = mark.len() + 1;
                }
                out.push_str(&format!("{indent}{mark} {}\n", inline(deck, text)));
            }
            Item::Code { text: code, lang } => {
                let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
                let lang = lang.as_deref().unwrap_or_default();
                out.push_str(&format!("{fence}{lang}\n{code}\n{fence}\n"));
            }
            Item::Table(table) => push_table(&mut out, deck, table),
            // A callout is a quote: Marp's theme draws it with a bar beside it.
            Item::Callout(inner) => {
                for line in items_text(deck, inner).trim_start_matches('\n').lines() {
                    out.push_str(&format!("> {line}\n").replace("> \n", ">\n"));
                }
            }
        }
        previous = Some(item);
    }
    out
}

fn numbered(marker: Marker) -> bool {
    matches!(marker, Marker::Number(_))
}

fn push_table(out: &mut String, deck: &Deck, table: &Table) {
    let row =
        |cells: &[Vec<Run>]| format!("| {} |\n", cells.iter().map(|c| inline(deck, c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&row(&table.head));
    let rules: Vec<&str> = table
        .align
        .iter()
        .map(|a| match a {
            Align::Left => ":---",
            Align::Center => ":---:",
            Align::Right => "---:",
            Align::None => "---",
        })
        .collect();
    out.push_str(&format!("| {} |\n", rules.join(" | ")));
    for cells in &table.rows {
        out.push_str(&row(cells));
    }
}

/// A note as comment text that Marp keeps as a note: no `-->` inside, and no leading
/// `name:` that Marp could read as a directive.
fn note_text(note: &str) -> String {
    let text = note.replace("--", "- -");
    let first = text.trim_start();
    let key = first.split(':').next().unwrap_or_default();
    let looks_like_key = first.contains(':')
        && key.starts_with(|c: char| c.is_ascii_lowercase() || c == '_' || c == '$')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || "_$-".contains(c));
    if looks_like_key {
        format!("Note — {text}")
    } else {
        text
    }
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// Runs as Markdown, markers kept outside surrounding spaces.
fn inline(deck: &Deck, text: &[Run]) -> String {
    let mut out = String::new();
    for run in text {
        let inner = run.text.trim();
        if inner.is_empty() {
            out.push_str(&run.text.replace('\n', "<br>"));
            continue;
        }
        let lead = &run.text[..run.text.len() - run.text.trim_start().len()];
        let trail = &run.text[run.text.trim_end().len()..];
        let mut s = if run.code {
            let ticks = "`".repeat(longest_run(inner, '`') + 1);
            let pad = if inner.starts_with('`') || inner.ends_with('`') { " " } else { "" };
            format!("{ticks}{pad}{inner}{pad}{ticks}")
        } else {
            escape(inner)
        };
        if run.strike {
            s = format!("~~{s}~~");
        }
        if run.italic {
            s = format!("*{s}*");
        }
        if run.bold {
            s = format!("**{s}**");
        }
        match run.link.as_ref().and_then(|link| deck.link_target(link, "md")) {
            Some(Target::Url(url)) => s = format!("[{s}](<{}>)", url.replace(['<', '>', '\n'], "")),
            Some(Target::Slide(n)) => s = format!("[{s}](#{n})"),
            None => {}
        }
        out.push_str(&lead.replace('\n', "<br>"));
        out.push_str(&s);
        out.push_str(&trail.replace('\n', "<br>"));
    }
    out
}

/// Text with every character that Markdown (or Marp's math) could read as markup escaped, and
/// line ends made `<br>` (the one HTML tag Marp shows by default). The plain stretches between are copied whole.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Leading digits are ASCII, so their count is also the byte offset of the character after.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let changed = |&(i, c): &(usize, char)| {
        matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '#' | '&' | '!' | '\n')
            || (i == 0 && matches!(c, '-' | '+' | '='))
            || (i == digits && digits > 0 && matches!(c, '.' | ')'))
    };
    let mut start = 0;
    for (i, c) in text.char_indices().filter(changed) {
        out.push_str(&text[start..i]);
        match c {
            '\n' => out.push_str("<br>"),
            c => {
                out.push('\\');
                out.push(c);
            }
        }
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("1. a*b $x$ <i>"), "1\\. a\\*b \\$x\\$ \\<i\\>");
        assert_eq!(escape("- x"), "\\- x");
        assert_eq!(escape("12) é_ü\nx-y"), "12\\) é\\_ü<br>x-y");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn styles_wrap_trimmed_text() {
        let runs = vec![
            Run { text: "Bold ".into(), bold: true, ..Run::default() },
            Run { text: "a`b".into(), code: true, ..Run::default() },
        ];
        let deck = Deck {
            title: String::new(),
            document: None,
            folder: String::new(),
            slides: vec![],
            copies: String::new(),
            anchors: Default::default(),
            diagnostics: vec![],
            lang: None,
        };
        assert_eq!(inline(&deck, &runs), "**Bold** ``a`b``");
    }

    #[test]
    fn notes_never_close_early_or_look_like_directives() {
        assert_eq!(note_text("a --> b"), "a - -> b");
        assert_eq!(note_text("class: x"), "Note — class: x");
        assert_eq!(note_text("Example: Lead a product"), "Example: Lead a product");
    }
}
