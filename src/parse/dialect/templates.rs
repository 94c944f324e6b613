//! Template tags of Jekyll, Hugo and Retype: `{{ page.title }}`, `{{ site.title }}` and the site's
//! data (`{{ site.data.contact.name }}`) filled in, Hugo `card` shortcodes and others that name a
//! link and its text made links, every other tag removed with a warning; never inside code.

use super::{Cutter, TemplateValues};

impl Cutter<'_> {
    /// Replaces `{{ … }}` and `{% … %}` tags outside code: known values are filled in, `card`
    /// shortcodes become links, everything else is removed with a warning.
    pub(super) fn rewrite_tags(&mut self, line: &str, line_no: u32, offset: usize, values: TemplateValues) -> String {
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
            if let Some(value) = values.data.lookup(name) {
                return value;
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
            // A button or link of a theme (Hextra's `hero-button text="Explore" link="docs"`).
            _ => linked(args).unwrap_or_else(|| {
                self.warn(line, column, format!("shortcode `{name}` is not supported; removed"));
                String::new()
            }),
        }
    }
}

/// A shortcode that names a target (`link`, `href` or `url`) and its words (`text` or
/// `title`) as an HTML link, which is a link in a paragraph and in an HTML block alike (themes
/// put their buttons in `<div>`s, where Markdown is text).
fn linked(args: &str) -> Option<String> {
    let target = ["link", "href", "url"].iter().find_map(|key| attribute(args, key))?;
    let words = ["text", "title"].iter().find_map(|key| attribute(args, key))?;
    Some(format!("<a href=\"{}\">{}</a>", html_escaped(target), html_escaped(words)))
}

/// `text` with the characters that HTML reads as markup written as references.
fn html_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The arguments of a line that is exactly `{{< name args >}}` or `{{% name args %}}`.
pub fn shortcode<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let inner = line
        .strip_prefix("{{<")
        .and_then(|s| s.strip_suffix(">}}"))
        .or_else(|| line.strip_prefix("{{%").and_then(|s| s.strip_suffix("%}}")))?
        .trim();
    let rest = inner.strip_prefix(name)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest.trim())
}

/// The value of `key="value"` (or `key='value'`) in shortcode arguments.
pub fn attribute<'a>(args: &'a str, key: &str) -> Option<&'a str> {
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
