//! Site-generator dialects, handled before Markdown parsing: callouts of Retype (`!!!kind Title`
//! … `!!!`), MkDocs Material (`!!! kind "Title"` and `???` with an indented body), Docusaurus and
//! VitePress (`:::kind Title` … `:::`) and Hugo (`{{< callout >}}`), Hugo shortcodes and Liquid
//! tags (`{{ page.title }}`, `{% include %}`), and speaker notes (`::: notes`). The page is cut
//! into [`Segment`]s: plain Markdown, and callouts holding segments of their own. Line numbers
//! are kept: rewrites never add or remove lines, so every position found later still points
//! into the source file.

mod admonition;
mod fences;
mod notes;
mod templates;
#[cfg(test)]
mod tests;

pub(super) use templates::html_escaped;

use super::code::CodeRanges;
use super::site_data::SiteData;
use crate::ir::CalloutKind;

/// A piece of a page's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// Markdown text whose first line is `first_line` of the source file.
    Markdown { text: String, first_line: u32 },
    /// A callout box opened at `line`; its title is Markdown inline text.
    Callout { kind: CalloutKind, title: Option<String>, line: u32, body: Vec<Segment> },
}

/// Something in the dialect layer that the reader should know: a tag removed, a box unclosed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialectWarning {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Values that template tags may name.
#[derive(Debug, Clone, Copy)]
pub struct TemplateValues<'a> {
    pub page_title: &'a str,
    pub site_title: &'a str,
    /// The site's data files (`site.data.…`).
    pub data: &'a SiteData,
}

/// Callouts nested deeper than this are read as plain text.
const MAX_CALLOUT_DEPTH: usize = 8;

/// Cuts `body` (whose first line is `first_line` of the file) into segments. Template tags are
/// read only when `values` is given (the site's dialect uses them), and never inside code.
pub fn segment(body: &str, first_line: u32, values: Option<TemplateValues>) -> (Vec<Segment>, Vec<DialectWarning>) {
    segment_nested(body, first_line, values, 0)
}

/// [`segment`] for a body that lies `depth` callouts deep (an MkDocs admonition's body is cut
/// on its own, dedented).
fn segment_nested(
    body: &str,
    first_line: u32,
    values: Option<TemplateValues>,
    depth: usize,
) -> (Vec<Segment>, Vec<DialectWarning>) {
    let code = if ["!!!", "???", "{{", "{%", ":::"].iter().any(|marker| body.contains(marker)) {
        CodeRanges::of(body)
    } else {
        CodeRanges::default()
    };
    let stack = vec![Open::root()];
    let mut cutter =
        Cutter { values, code, warnings: Vec::new(), stack, depth, in_comment: false, notes: None, tabs: Vec::new() };
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let (mut index, mut offset) = (0, 0);
    while index < lines.len() {
        let line_no = first_line + index as u32;
        let taken = cutter.admonition(&lines[index..], line_no, offset).unwrap_or_else(|| {
            let raw_line = lines[index];
            cutter.line(raw_line.trim_end_matches(['\n', '\r']), raw_line, line_no, offset);
            1
        });
        offset += lines[index..index + taken].iter().map(|l| l.len()).sum::<usize>();
        index += taken;
    }
    cutter.finish()
}

/// How a callout still open was opened, which says what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fence {
    /// The page itself.
    Page,
    /// Retype `!!!kind`, closed by `!!!`.
    Bangs,
    /// Docusaurus or VitePress `:::kind`, closed by `:::`.
    Colons,
    /// Hugo `{{< callout >}}`, closed by `{{< /callout >}}`.
    Shortcode,
}

/// A callout (or the page itself) still open while reading.
struct Open {
    kind: CalloutKind,
    title: Option<String>,
    line: u32,
    fence: Fence,
    segments: Vec<Segment>,
}

impl Open {
    fn root() -> Open {
        Open { kind: CalloutKind::Note, title: None, line: 0, fence: Fence::Page, segments: Vec::new() }
    }
}

struct Cutter<'a> {
    /// What template tags may name; `None` where the dialect has no template tags.
    values: Option<TemplateValues<'a>>,
    code: CodeRanges,
    warnings: Vec<DialectWarning>,
    stack: Vec<Open>,
    /// How many callouts deep the text being cut lies.
    depth: usize,
    /// Inside an HTML comment, which Markdown parsing drops with everything in it.
    in_comment: bool,
    /// The line of the open `::: notes` block, if one is open.
    notes: Option<u32>,
    /// The names of the tabs of the open `tabs` shortcode not yet shown (Hextra's
    /// `tabs items="JSON,YAML"`), first first.
    tabs: Vec<String>,
}

impl Cutter<'_> {
    /// Reads one line, whose byte offset in the body is `offset`. A line that starts in code
    /// opens or closes no callout.
    fn line(&mut self, line: &str, raw_line: &str, line_no: u32, offset: usize) {
        let indent = line.len() - line.trim_start().len();
        let in_code = self.code.contains(offset + indent);
        if (!in_code || self.notes.is_some()) && self.notes_line(line.trim(), raw_line, line_no) {
            return;
        }
        if !in_code && self.callout_line(line.trim(), line_no) {
            return;
        }
        let rewritten = match self.values {
            Some(values) => self.rewrite_tags(line, line_no, offset, values),
            None => line.to_string(),
        };
        self.push_text(&(rewritten + &raw_line[line.len()..]), line_no);
    }

    /// Whether one more callout would nest past [`MAX_CALLOUT_DEPTH`]; warns if so.
    fn too_deep(&mut self, line: u32) -> bool {
        let deep = self.depth + self.stack.len() > MAX_CALLOUT_DEPTH;
        if deep {
            let message = format!("callouts nested more than {MAX_CALLOUT_DEPTH} deep; the inner ones are flattened");
            self.warn(line, 1, message);
        }
        deep
    }

    fn open(&mut self, kind: CalloutKind, title: Option<String>, line: u32, fence: Fence) {
        if !self.too_deep(line) {
            self.stack.push(Open { kind, title, line, fence, segments: Vec::new() });
        }
    }

    fn close(&mut self) {
        if self.stack.len() > 1 {
            let open = self.stack.pop().expect("stack holds more than the root");
            let callout = Segment::Callout { kind: open.kind, title: open.title, line: open.line, body: open.segments };
            self.current().push(callout);
        }
    }

    /// The fence of the innermost open callout.
    fn innermost(&self) -> Fence {
        self.stack.last().map_or(Fence::Page, |o| o.fence)
    }

    fn current(&mut self) -> &mut Vec<Segment> {
        &mut self.stack.last_mut().expect("the root is never popped").segments
    }

    fn push_text(&mut self, text: &str, line_no: u32) {
        let segments = self.current();
        if let Some(Segment::Markdown { text: last, .. }) = segments.last_mut() {
            last.push_str(text);
        } else {
            segments.push(Segment::Markdown { text: text.to_string(), first_line: line_no });
        }
    }

    fn warn(&mut self, line: u32, column: u32, message: String) {
        self.warnings.push(DialectWarning { line, column, message });
    }

    fn finish(mut self) -> (Vec<Segment>, Vec<DialectWarning>) {
        if let Some(line) = self.notes {
            self.warn(line, 1, "`::: notes` is never closed; the notes run to the end of the page".into());
        }
        while self.stack.len() > 1 {
            let line = self.stack.last().map_or(0, |o| o.line);
            self.warn(line, 1, "callout is never closed; it runs to the end of the page".into());
            self.close();
        }
        let root = self.stack.pop().expect("the root is never popped");
        (root.segments, self.warnings)
    }
}
