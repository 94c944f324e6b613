//! Splits YAML frontmatter from a page and parses it (with serde-saphyr) into [`Meta`].

use crate::ir::{Meta, KNOWN_KEYS};
use serde_json::Value;

/// A page split into its frontmatter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, if the page has frontmatter.
    pub yaml: Option<&'a str>,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: u32,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of `body` in the page text.
    pub body_offset: usize,
}

/// Splits `---` fenced frontmatter at the very start of `text` (the BOM already removed).
/// A page without an opening fence, or with no closing fence, is all body.
pub fn split(text: &str) -> Split<'_> {
    let all_body = Split { yaml: None, yaml_line: 0, body: text, body_offset: 0 };
    let Some(first_end) = text.find('\n') else {
        return all_body;
    };
    if text[..first_end].trim_end() != "---" {
        return all_body;
    }
    let yaml_start = first_end + 1;
    let mut pos = yaml_start;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            let body_offset = (line_end + 1).min(text.len());
            return Split { yaml: Some(&text[yaml_start..pos]), yaml_line: 2, body: &text[body_offset..], body_offset };
        }
        if line_end == text.len() {
            break;
        }
        pos = line_end + 1;
    }
    all_body
}

/// A frontmatter problem, with its position relative to the first YAML line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line within the YAML text, 0 when unknown.
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// What parsing frontmatter gives: the metadata and problems that did not stop it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub meta: Meta,
    pub warnings: Vec<YamlError>,
}

/// The most frontmatter (or folder metadata) read: 1 MB, a thousand times a large real one.
pub const MAX_BYTES: usize = 1 << 20;

/// Parses frontmatter YAML. An empty document is empty metadata; a list or a scalar is an error,
/// and so is YAML past [`MAX_BYTES`].
pub fn parse(yaml: &str) -> Result<Parsed, YamlError> {
    if yaml.len() > MAX_BYTES {
        let message = format!("it is {} bytes, over the limit of {MAX_BYTES}; the page is skipped", yaml.len());
        return Err(YamlError { line: 0, column: 0, message });
    }
    if yaml.trim().is_empty() {
        return Ok(Parsed::default());
    }
    let value: Value = serde_saphyr::from_str(yaml).map_err(|e| YamlError::from(&e))?;
    let map = match value {
        Value::Object(map) => map,
        Value::Null => return Ok(Parsed::default()),
        other => {
            return Err(YamlError {
                line: 1,
                column: 1,
                message: format!("frontmatter must be a mapping of keys to values, not {}", kind_name(&other)),
            })
        }
    };
    let (meta, type_errors) = Meta::from_mapping(map);
    let warnings = type_errors
        .into_iter()
        .map(|e| YamlError {
            line: line_of_key(yaml, &e.key),
            column: 1,
            message: format!("`{}` should be {}; kept as an extra key", e.key, e.expected),
        })
        .collect();
    Ok(Parsed { meta, warnings })
}

/// A warning for each key of `meta.extra` that folio does not know (keys of a known name whose
/// value had the wrong type are reported already), naming the closest known key if one is near.
pub fn unknown_keys(yaml: &str, meta: &Meta) -> Vec<YamlError> {
    meta.extra
        .keys()
        .filter(|key| !KNOWN_KEYS.contains(&key.as_str()))
        .map(|key| {
            let closest = crate::diag::did_you_mean(key, KNOWN_KEYS.iter().copied());
            let hint = closest.map(|known| format!(" (did you mean `{known}`?)")).unwrap_or_default();
            YamlError {
                line: line_of_key(yaml, key),
                column: 1,
                message: format!("unknown frontmatter key `{key}`{hint}; kept as an extra key"),
            }
        })
        .collect()
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "a list",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null | Value::Object(_) => "a value",
    }
}

/// The message without the position and the source excerpt serde-saphyr adds (folio shows its
/// own), and without advice about parser options the user cannot set.
impl From<&serde_saphyr::Error> for YamlError {
    /// Where the YAML failed, and the first line of why, without the position repeated.
    fn from(e: &serde_saphyr::Error) -> Self {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
        YamlError { line, column, message: first_line(&e.to_string()) }
    }
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("invalid YAML").trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let line = match line.split_once(": ") {
        Some((position, rest)) if position.starts_with("line ") && position.contains(" column ") => rest,
        _ => line,
    };
    let line = line.split(", set DuplicateKeyPolicy").next().unwrap_or(line);
    if line.starts_with("budget breached") {
        return "the YAML expands to too many values (nested aliases?); refused".to_string();
    }
    line.to_string()
}

/// The 1-based line of a top-level key in the YAML text, 0 if not found.
pub fn line_of_key(yaml: &str, key: &str) -> u32 {
    yaml.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        .map_or(0, |i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fenced_frontmatter() {
        let s = split("---\norder: 1\n---\n# Title\n");
        assert_eq!(s.yaml, Some("order: 1\n"));
        assert_eq!(s.body, "# Title\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn a_rule_later_in_the_page_is_not_frontmatter() {
        let s = split("# Title\n\n---\n\ntext\n");
        assert_eq!(s.yaml, None);
    }

    #[test]
    fn an_unclosed_fence_is_body() {
        assert_eq!(split("---\norder: 1\n").yaml, None);
    }

    #[test]
    fn crlf_fences_are_found() {
        let s = split("---\r\nlabel: VP\r\n---\r\nbody\r\n");
        assert_eq!(s.yaml, Some("label: VP\r\n"));
        assert_eq!(s.body, "body\r\n");
    }

    #[test]
    fn broken_yaml_has_a_position() {
        let err = parse("label: VP\norder: [1, 2\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn a_list_is_not_frontmatter() {
        let err = parse("- a\n- b\n").unwrap_err();
        assert!(err.message.contains("a list"), "{err:?}");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        assert!(parse("order: 1\norder: 2\n").is_err());
    }
}
