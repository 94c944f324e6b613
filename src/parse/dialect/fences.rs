//! Callouts between an opening and a closing line: Retype `!!!kind Title` … `!!!`, Docusaurus
//! and VitePress `:::kind Title` (or `:::kind[Title]`) … `:::`, nested by the innermost open one
//! closing first, and the boxes of Hugo themes (`{{< callout type="…" >}}` … `{{< /callout >}}`,
//! Docsy's `alert`, Relearn's `notice` and others) where template tags are read.

use super::templates::{attribute, shortcode};
use super::{Cutter, Fence};
use crate::ir::CalloutKind;

impl Cutter<'_> {
    /// Opens or closes a callout if the line is one of their fences; says whether it was.
    pub(super) fn callout_line(&mut self, trimmed: &str, line_no: u32) -> bool {
        if let Some(rest) = trimmed.strip_prefix("!!!") {
            let rest = rest.trim();
            if rest.is_empty() && self.innermost() == Fence::Bangs {
                self.close();
                return true;
            }
            if !rest.ends_with("!!!") {
                self.open_retype(rest, line_no);
                return true;
            }
        }
        if trimmed.starts_with(":::") && self.colons_line(trimmed, line_no) {
            return true;
        }
        self.values.is_some() && self.shortcode_line(trimmed, line_no)
    }

    fn open_retype(&mut self, rest: &str, line_no: u32) {
        let (word, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let (kind, title) = match CalloutKind::from_name(word) {
            Some(kind) => (kind, title.trim()),
            None => (CalloutKind::Note, rest),
        };
        let title = (!title.is_empty()).then(|| title.to_string());
        self.open(kind, title, line_no, Fence::Bangs);
    }

    /// `:::kind Title`, `::: kind Title` or `:::kind[Title]` for a kind of callout opens one
    /// (`details` is a note); a line of colons alone closes the innermost `:::` callout. Other
    /// fenced divs stay text.
    fn colons_line(&mut self, trimmed: &str, line_no: u32) -> bool {
        let rest = trimmed.trim_start_matches(':').trim();
        if rest.is_empty() {
            let closes = self.innermost() == Fence::Colons;
            if closes {
                self.close();
            }
            return closes;
        }
        let end = rest.find(|c: char| !c.is_alphanumeric() && c != '-' && c != '_').unwrap_or(rest.len());
        let (word, title) = rest.split_at(end);
        let kind = match word.to_ascii_lowercase().as_str() {
            "details" => Some(CalloutKind::Note),
            name => CalloutKind::from_name(name),
        };
        let Some(kind) = kind else { return false };
        let title = title.trim();
        let title = title.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(title).trim();
        let title = if title.is_empty() && word.eq_ignore_ascii_case("details") { "Details" } else { title };
        self.open(kind, (!title.is_empty()).then(|| title.to_string()), line_no, Fence::Colons);
        true
    }

    fn shortcode_line(&mut self, trimmed: &str, line_no: u32) -> bool {
        if !trimmed.starts_with("{{") {
            return false;
        }
        for &name in CALLOUT_SHORTCODES {
            if let Some(args) = shortcode(trimmed, name) {
                let (kind, title) = callout_of(name, args);
                self.open(kind, title, line_no, Fence::Shortcode);
                return true;
            }
            if shortcode(trimmed, &format!("/{name}")).is_some() {
                if self.innermost() == Fence::Shortcode {
                    self.close();
                } else {
                    self.warn(line_no, 1, format!("`{{{{< /{name} >}}}}` closes no callout; removed"));
                }
                return true;
            }
        }
        false
    }
}

/// The shortcodes of Hugo themes that box their content: Hextra's `callout` and `details`,
/// Docsy's `alert`, Relearn's `notice`, Book's `hint`, LoveIt's `admonition`.
const CALLOUT_SHORTCODES: &[&str] = &["callout", "alert", "notice", "hint", "admonition", "details"];

/// The kind and title of a callout shortcode's box. The kind is named by `type`, `style` or
/// `color`, or by the first word (`notice warning`, `hint info`); the title by `title`, or by
/// the quoted words after that first word (`notice warning "Careful"`). A `details` box is a
/// note titled "Details" unless it says otherwise.
fn callout_of(name: &str, args: &str) -> (CalloutKind, Option<String>) {
    let named = ["type", "style", "color"].iter().find_map(|key| attribute(args, key));
    let first = args.split_whitespace().find(|word| !word.contains('='));
    let kind = named.or(first).and_then(CalloutKind::from_name);
    let quoted = args.split_once('"').and_then(|(_, rest)| rest.split_once('"')).map(|(title, _)| title);
    let positional = quoted.filter(|_| first.is_some() && !args.contains('='));
    let title = attribute(args, "title").or(positional).filter(|t| !t.is_empty());
    match name {
        "details" => (kind.unwrap_or(CalloutKind::Note), Some(title.unwrap_or("Details").to_string())),
        _ => (kind.unwrap_or(CalloutKind::Info), title.map(str::to_string)),
    }
}
