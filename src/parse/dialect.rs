//! Site-generator dialects, handled before Markdown parsing: Retype callouts (`!!!kind Title` …
//! `!!!`), Hugo shortcodes (`{{< callout >}}`, `{{< card >}}`, others) and Liquid tags
//! (`{{ page.title }}`, `{% include %}`). The page is cut into [`Segment`]s: plain Markdown, and
//! callouts holding segments of their own. Line numbers are kept: rewrites never add or remove
//! lines, so every position found later still points into the source file.

use super::code::CodeRanges;
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
}

/// Callouts nested deeper than this are read as plain text.
const MAX_CALLOUT_DEPTH: usize = 8;

/// Cuts `body` (whose first line is `first_line` of the file) into segments. Template tags are
/// read only when `values` is given (the site's dialect uses them), and never inside code.
pub fn segment(body: &str, first_line: u32, values: Option<TemplateValues>) -> (Vec<Segment>, Vec<DialectWarning>) {
    let code = if ["!!!", "{{", "{%", ":::"].iter().any(|marker| body.contains(marker)) {
        CodeRanges::of(body)
    } else {
        CodeRanges::default()
    };
    let mut cutter =
        Cutter { values, code, warnings: Vec::new(), stack: vec![Open::root()], in_comment: false, notes: None };
    let mut offset = 0;
    for (index, raw_line) in body.split_inclusive('\n').enumerate() {
        let line_no = first_line + index as u32;
        let line = raw_line.trim_end_matches(['\n', '\r']);
        cutter.line(line, raw_line, line_no, offset);
        offset += raw_line.len();
    }
    cutter.finish()
}

/// A callout (or the page itself) still open while reading.
struct Open {
    kind: CalloutKind,
    title: Option<String>,
    line: u32,
    /// `true` for Retype `!!!`, `false` for Hugo `{{< callout >}}`.
    retype: bool,
    segments: Vec<Segment>,
}

impl Open {
    fn root() -> Open {
        Open { kind: CalloutKind::Note, title: None, line: 0, retype: false, segments: Vec::new() }
    }
}

struct Cutter<'a> {
    /// What template tags may name; `None` where the dialect has no template tags.
    values: Option<TemplateValues<'a>>,
    code: CodeRanges,
    warnings: Vec<DialectWarning>,
    stack: Vec<Open>,
    /// Inside an HTML comment, which Markdown parsing drops with everything in it.
    in_comment: bool,
    /// The line of the open `::: notes` block, if one is open.
    notes: Option<u32>,
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

    /// Speaker notes as pandoc and Marp write them, `::: notes` … `:::`: the fences become the
    /// ends of a comment `<!-- notes: … -->` (which Markdown reading keeps for slides) and the
    /// lines between are kept as they are. Says whether the line was taken.
    fn notes_line(&mut self, trimmed: &str, raw_line: &str, line_no: u32) -> bool {
        let end = &raw_line[raw_line.trim_end_matches(['\n', '\r']).len()..];
        match self.notes {
            None if matches!(trimmed, "::: notes" | ":::notes" | "::: {.notes}") => {
                self.notes = Some(line_no);
                self.push_text(&format!("<!-- notes:{end}"), line_no);
            }
            None => return false,
            Some(_) if trimmed == ":::" => {
                self.notes = None;
                self.push_text(&format!("-->{end}"), line_no);
            }
            Some(_) => self.push_text(&raw_line.replace("-->", "- ->"), line_no),
        }
        true
    }

    /// Opens or closes a callout if the line is a Retype `!!!` marker, or a Hugo callout
    /// shortcode where template tags are read; says whether it was.
    fn callout_line(&mut self, trimmed: &str, line_no: u32) -> bool {
        if let Some(rest) = trimmed.strip_prefix("!!!") {
            let rest = rest.trim();
            let inside_retype = self.stack.last().is_some_and(|o| o.retype);
            if rest.is_empty() && inside_retype {
                self.close(line_no);
                return true;
            }
            if !rest.ends_with("!!!") {
                self.open_retype(rest, line_no);
                return true;
            }
        }
        if self.values.is_none() {
            return false;
        }
        if let Some(args) = shortcode(trimmed, "callout") {
            let kind = attribute(args, "type").and_then(CalloutKind::from_name);
            self.open(kind.unwrap_or(CalloutKind::Info), attribute(args, "title").map(str::to_string), line_no, false);
            return true;
        }
        if shortcode(trimmed, "/callout").is_some() {
            if self.stack.last().is_some_and(|o| !o.retype && self.stack.len() > 1) {
                self.close(line_no);
            } else {
                self.warn(line_no, 1, "`{{< /callout >}}` closes no callout; removed".into());
            }
            return true;
        }
        false
    }

    fn open_retype(&mut self, rest: &str, line_no: u32) {
        let (word, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let (kind, title) = match CalloutKind::from_name(word) {
            Some(kind) => (kind, title.trim()),
            None => (CalloutKind::Note, rest),
        };
        let title = (!title.is_empty()).then(|| title.to_string());
        self.open(kind, title, line_no, true);
    }

    fn open(&mut self, kind: CalloutKind, title: Option<String>, line: u32, retype: bool) {
        if self.stack.len() > MAX_CALLOUT_DEPTH {
            self.warn(
                line,
                1,
                format!("callouts nested more than {MAX_CALLOUT_DEPTH} deep; the inner ones are flattened"),
            );
            return;
        }
        self.stack.push(Open { kind, title, line, retype, segments: Vec::new() });
    }

    fn close(&mut self, _line_no: u32) {
        if self.stack.len() > 1 {
            let open = self.stack.pop().expect("stack holds more than the root");
            let callout = Segment::Callout { kind: open.kind, title: open.title, line: open.line, body: open.segments };
            self.current().push(callout);
        }
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

    /// Replaces `{{ … }}` and `{% … %}` tags outside code: known values are filled in, `card`
    /// shortcodes become links, everything else is removed with a warning.
    fn rewrite_tags(&mut self, line: &str, line_no: u32, offset: usize, values: TemplateValues) -> String {
        if !line.contains("{{") && !line.contains("{%") && !line.contains("<!--") && !self.in_comment {
            return line.to_string();
        }
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        let mut column = 1u32;
        while !rest.is_empty() {
            let c = rest.chars().next().expect("rest is not empty");
            let in_code = self.code.contains(offset + line.len() - rest.len());
            if self.in_comment {
                if rest.starts_with("-->") {
                    self.in_comment = false;
                }
            } else if rest.starts_with("<!--") && !in_code {
                self.in_comment = true;
            }
            if !in_code && !self.in_comment && (rest.starts_with("{{") || rest.starts_with("{%")) {
                let close = if rest.starts_with("{%") { "%}" } else { "}}" };
                if let Some(end) = rest[2..].find(close) {
                    let tag = &rest[..end + 4];
                    out.push_str(&self.replace_tag(tag, line_no, column, values));
                    column += tag.chars().count() as u32;
                    rest = &rest[end + 4..];
                    continue;
                }
            }
            out.push(c);
            column += 1;
            rest = &rest[c.len_utf8()..];
        }
        out
    }

    fn replace_tag(&mut self, tag: &str, line: u32, column: u32, values: TemplateValues) -> String {
        let inner = tag[2..tag.len() - 2].trim();
        if let Some(args) = inner
            .strip_prefix('<')
            .and_then(|s| s.strip_suffix('>'))
            .or_else(|| inner.strip_prefix('%').and_then(|s| s.strip_suffix('%')))
        {
            return self.replace_shortcode(args.trim(), line, column);
        }
        if tag.starts_with("{{") {
            let name = inner.split('|').next().unwrap_or("").trim();
            match name {
                "page.title" | ".Title" | "title" => return values.page_title.to_string(),
                "site.title" | ".Site.Title" => return values.site_title.to_string(),
                _ => {}
            }
        }
        self.warn(line, column, format!("template tag `{}` cannot be resolved; removed", tag));
        String::new()
    }

    fn replace_shortcode(&mut self, args: &str, line: u32, column: u32) -> String {
        let name = args.split_whitespace().next().unwrap_or("");
        match name {
            "card" => match (attribute(args, "link"), attribute(args, "title")) {
                (Some(link), Some(title)) => format!("- [{title}]({link})"),
                _ => {
                    self.warn(line, column, "`card` shortcode without link and title; removed".into());
                    String::new()
                }
            },
            "cards" | "/cards" => String::new(),
            // The opening tag was reported already.
            closing if closing.starts_with('/') => String::new(),
            _ => {
                self.warn(line, column, format!("shortcode `{name}` is not supported; removed"));
                String::new()
            }
        }
    }

    fn finish(mut self) -> (Vec<Segment>, Vec<DialectWarning>) {
        if let Some(line) = self.notes {
            self.warn(line, 1, "`::: notes` is never closed; the notes run to the end of the page".into());
        }
        while self.stack.len() > 1 {
            let line = self.stack.last().map_or(0, |o| o.line);
            self.warn(line, 1, "callout is never closed; it runs to the end of the page".into());
            self.close(line);
        }
        let root = self.stack.pop().expect("the root is never popped");
        (root.segments, self.warnings)
    }
}

/// The arguments of a line that is exactly `{{< name args >}}` or `{{% name args %}}`.
fn shortcode<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let inner = line
        .strip_prefix("{{<")
        .and_then(|s| s.strip_suffix(">}}"))
        .or_else(|| line.strip_prefix("{{%").and_then(|s| s.strip_suffix("%}}")))?
        .trim();
    let rest = inner.strip_prefix(name)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest.trim())
}

/// The value of `key="value"` (or `key='value'`) in shortcode arguments.
fn attribute<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = args;
    while let Some(pos) = rest.find(key) {
        let before_ok = pos == 0 || rest[..pos].ends_with(char::is_whitespace);
        let after = rest[pos + key.len()..].trim_start();
        if let (true, Some(after)) = (before_ok, after.strip_prefix('=')) {
            let after = after.trim_start();
            let quote = after.chars().next()?;
            if quote == '"' || quote == '\'' {
                let value = &after[1..];
                return value.find(quote).map(|end| &value[..end]);
            }
            return after.split_whitespace().next();
        }
        rest = &rest[pos + key.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: TemplateValues = TemplateValues { page_title: "VP", site_title: "Ladder" };

    fn cut(body: &str) -> (Vec<Segment>, Vec<DialectWarning>) {
        segment(body, 1, Some(VALUES))
    }

    #[test]
    fn retype_callout_becomes_a_segment() {
        let (segments, warnings) = cut("Intro\n\n!!!warning Mind the gap\nBody **text**\n!!!\n\nAfter\n");
        assert!(warnings.is_empty());
        assert_eq!(segments.len(), 3);
        let Segment::Callout { kind, title, line, body } = &segments[1] else { panic!("{segments:?}") };
        assert_eq!((*kind, title.as_deref(), *line), (CalloutKind::Warning, Some("Mind the gap"), 3));
        assert_eq!(body, &vec![Segment::Markdown { text: "Body **text**\n".into(), first_line: 4 }]);
        assert_eq!(segments[2], Segment::Markdown { text: "\nAfter\n".into(), first_line: 6 });
    }

    #[test]
    fn hugo_callout_and_cards() {
        let body = "{{< callout type=\"warning\" >}}\nCareful.\n{{< /callout >}}\n{{< cards >}}\n{{< card link=\"engineer\" title=\"2. Engineer\" >}}\n{{< /cards >}}\n";
        let (segments, warnings) = cut(body);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(matches!(&segments[0], Segment::Callout { kind: CalloutKind::Warning, .. }));
        let Segment::Markdown { text, first_line } = &segments[1] else { panic!() };
        assert_eq!(*first_line, 4);
        assert_eq!(text, "\n- [2. Engineer](engineer)\n\n");
    }

    #[test]
    fn liquid_tags_are_resolved_or_removed_with_a_warning() {
        let (segments, warnings) = cut("# {{page.title}} of {{ site.title }}\n{% include nav.html %}x\n`{{kept}}`\n");
        let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
        assert_eq!(text, "# VP of Ladder\nx\n`{{kept}}`\n");
        assert_eq!(warnings.len(), 1);
        assert_eq!((warnings[0].line, warnings[0].column), (2, 1));
    }

    #[test]
    fn tags_in_comments_and_closing_tags_are_not_reported() {
        let (_, warnings) = cut("<!-- {{< hero >}}\n{{ x }} -->\n{{< box >}}\n{{< /box >}}\n");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, 3);
    }

    #[test]
    fn fenced_code_is_left_alone() {
        let (segments, warnings) = cut("```\n!!!warning\n{{ x }}\n```\n");
        assert!(warnings.is_empty());
        assert_eq!(segments.len(), 1);
    }

    #[test]
    fn tags_in_code_of_every_kind_are_kept() {
        let body = "a\n\n    helm: {{ .Values.name }}\n\n> ```\n> run: echo ${{ secrets.TOKEN }}\n> ```\n\n- item\n\n  ```yaml\n  x: {% raw %}\n  ```\n\n``a {{ b }} ` c`` and {{ gone }}\n";
        let (segments, warnings) = cut(body);
        let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
        assert_eq!(text, &body.replace(" and {{ gone }}", " and "));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!((warnings[0].line, warnings[0].column), (15, 23));
    }

    #[test]
    fn without_a_templating_dialect_tags_are_text() {
        let body = "# {{ page.title }}\n{{< callout >}}\n{% include x %}\n!!!tip\nHi\n!!!\n";
        let (segments, warnings) = segment(body, 1, None);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(segments[0], Segment::Markdown { text: body[..51].into(), first_line: 1 });
        assert!(matches!(&segments[1], Segment::Callout { kind: CalloutKind::Tip, .. }), "Retype boxes stay");
    }

    #[test]
    fn an_unclosed_callout_is_closed_with_a_warning() {
        let (segments, warnings) = cut("!!!tip\nHello\n");
        assert_eq!(warnings.len(), 1);
        assert!(matches!(&segments[0], Segment::Callout { kind: CalloutKind::Tip, title: None, .. }));
    }

    #[test]
    fn a_notes_block_becomes_a_notes_comment_on_the_same_lines() {
        let (segments, warnings) = cut("Text\n\n::: notes\nSay --> this\n:::\n\n```\n::: notes\n```\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        let expected = "Text\n\n<!-- notes:\nSay - -> this\n-->\n\n```\n::: notes\n```\n";
        assert_eq!(segments, [Segment::Markdown { text: expected.into(), first_line: 1 }]);
        let (_, warnings) = cut("::: notes\nnever closed\n");
        assert_eq!(warnings.len(), 1);
    }
}
