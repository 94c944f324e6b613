//! Template tags of Jekyll, Hugo and Retype: `{{ page.title }}`, `{{ site.title }}` and the site's
//! data (`{{ site.data.contact.name }}`) filled in; Hugo `card` shortcodes and others that name a
//! link and its text made links, `ref` and `relref` their paths, `figure` an image,
//! `highlight` a fenced code block; any other
//! tag removed with a warning, the words of its attributes kept; never inside code.

use super::{Cutter, TemplateValues};

impl Cutter<'_> {
    /// Replaces `{{ … }}` and `{% … %}` tags outside code: known values are filled in, the
    /// shortcodes folio knows become what they stand for (`replace_shortcode`), and the rest
    /// are removed with a warning.
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
            // Tabs, shown one after the other, each under its name: Hextra's names them all on
            // `tabs items="A,B"`, other themes each on its `tab name="A"`.
            "tabs" => {
                let items = attribute(args, "items").unwrap_or_default();
                self.tabs =
                    items.split(',').map(str::trim).filter(|i| !i.is_empty()).rev().map(str::to_string).collect();
                String::new()
            }
            "/tabs" => {
                self.tabs.clear();
                String::new()
            }
            "tab" => {
                let name = ["name", "title", "label"].iter().find_map(|key| attribute(args, key));
                let next = self.tabs.pop();
                name.map(str::to_string)
                    .or(next)
                    .map(|n| format!("<strong>{}</strong><br>", html_escaped(&n)))
                    .unwrap_or_default()
            }
            // Hugo's code blocks, as the fences they stand for.
            "highlight" => {
                format!("```{}", args.split_whitespace().nth(1).filter(|l| !l.contains(['"', '='])).unwrap_or(""))
            }
            "/highlight" => "```".to_string(),
            // The opening tag was reported already.
            closing if closing.starts_with('/') => String::new(),
            // Hugo's links to pages, written where a link's target goes: `[VP]({{< ref "vp.md" >}})`.
            "ref" | "relref" => reference(args).map(str::to_string).unwrap_or_else(|| {
                self.warn(line, column, format!("`{name}` shortcode without a path; removed"));
                String::new()
            }),
            "figure" if attribute(args, "src").is_some() => figure(args),
            // A button or link of a theme (Hextra's `hero-button text="Explore" link="docs"`).
            _ => linked(args).unwrap_or_else(|| {
                let words = words(args);
                // A paired shortcode's tags go; what stands between them stays, as Markdown.
                let what =
                    if words.is_empty() { "its tag is removed, what it encloses kept" } else { "its text is kept" };
                self.warn(line, column, format!("shortcode `{name}` is not supported; {what}"));
                words
            }),
        }
    }
}

/// The path of a `ref` or `relref` shortcode: `ref "vp.md"`, `relref path="vp.md"`.
fn reference(args: &str) -> Option<&str> {
    let rest = args.split_once(char::is_whitespace)?.1.trim();
    let path = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next(),
        _ => attribute(rest, "path").or_else(|| rest.split_whitespace().next()),
    };
    path.filter(|p| !p.is_empty())
}

/// Hugo's `figure` shortcode as an HTML figure: the image, its alt text (else its caption or
/// title) and, shown below it, its title and caption.
fn figure(args: &str) -> String {
    let src = attribute(args, "src").unwrap_or_default();
    let shown: Vec<&str> = ["title", "caption"].iter().filter_map(|key| attribute(args, key)).collect();
    let alt = attribute(args, "alt").or_else(|| shown.last().copied()).unwrap_or_default();
    let caption = match shown.is_empty() {
        true => String::new(),
        false => format!("<figcaption>{}</figcaption>", html_escaped(&shown.join(" "))),
    };
    format!("<figure><img src=\"{}\" alt=\"{}\">{caption}</figure>", html_escaped(src), html_escaped(alt))
}

/// The attributes of a shortcode that hold words a reader sees, in the order a theme shows them.
const WORDS: [&str; 7] = ["title", "subtitle", "text", "description", "caption", "content", "label"];

/// The words a shortcode's attributes hold, for a shortcode folio does not know (Hextra's
/// `feature-card title="Fast" subtitle="Builds in a second"`), so that they are not lost: the
/// title in bold before the rest, as HTML, which is text in a paragraph and in an HTML block
/// alike. Empty when it holds none.
fn words(args: &str) -> String {
    let title = attribute(args, "title").filter(|t| !t.is_empty());
    let rest: Vec<String> =
        WORDS[1..].iter().filter_map(|key| attribute(args, key)).filter(|w| !w.is_empty()).map(html_escaped).collect();
    match title {
        Some(title) if rest.is_empty() => html_escaped(title),
        Some(title) => format!("<strong>{}</strong> {}", html_escaped(title), rest.join(" ")),
        None => rest.join(" "),
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
pub(crate) fn html_escaped(text: &str) -> String {
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
