//! Page and folder metadata: the frontmatter keys folio understands, typed, and the rest kept.

use super::Lang;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Frontmatter of a page or folder. Keys of Retype, Hugo and Jekyll that folio understands are
/// typed fields; every other key is kept in `extra` in key order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Retype ordering: higher comes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    /// Hugo ordering: lower comes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expanded: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breadcrumb: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linktitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// The language of the page's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Every key not listed above, as parsed.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub extra: BTreeMap<String, Value>,
}

/// The frontmatter keys folio reads.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "label",
    "order",
    "weight",
    "icon",
    "expanded",
    "breadcrumb",
    "description",
    "author",
    "authors",
    "date",
    "tags",
    "visibility",
    "linktitle",
    "draft",
    "permalink",
    "layout",
    "lang",
    "redirect_to",
];

/// A frontmatter key whose value has the wrong type for folio's typed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTypeError {
    pub key: String,
    pub expected: &'static str,
}

impl Meta {
    /// Builds metadata from a parsed YAML mapping. Keys whose values have the wrong type are
    /// kept in `extra` and reported, so nothing the author wrote is lost.
    pub fn from_mapping(map: serde_json::Map<String, Value>) -> (Meta, Vec<KeyTypeError>) {
        let mut meta = Meta::default();
        let mut errors = Vec::new();
        for (key, value) in map {
            let taken = match key.as_str() {
                "title" => set(&mut meta.title, as_string(&value)),
                "label" => set(&mut meta.label, as_string(&value)),
                "order" => set(&mut meta.order, as_integer(&value)),
                "weight" => set(&mut meta.weight, as_integer(&value)),
                "icon" => set(&mut meta.icon, as_string(&value)),
                "expanded" => set(&mut meta.expanded, value.as_bool()),
                "breadcrumb" => set(&mut meta.breadcrumb, value.as_bool()),
                "description" => set(&mut meta.description, as_string(&value)),
                "author" | "authors" => extend(&mut meta.authors, as_strings(&value)),
                "date" => set(&mut meta.date, as_string(&value)),
                "tags" => extend(&mut meta.tags, as_strings(&value)),
                "visibility" => set(&mut meta.visibility, as_string(&value)),
                "linktitle" => set(&mut meta.linktitle, as_string(&value)),
                "draft" => set(&mut meta.draft, value.as_bool()),
                "permalink" => set(&mut meta.permalink, as_string(&value)),
                "layout" => set(&mut meta.layout, as_string(&value)),
                "lang" => set(&mut meta.lang, as_string(&value).and_then(|s| Lang::parse(&s))),
                _ => {
                    meta.extra.insert(key, value);
                    continue;
                }
            };
            if !taken {
                errors.push(KeyTypeError { expected: expected_type(&key), key: key.clone() });
                meta.extra.insert(key, value);
            }
        }
        (meta, errors)
    }
}

fn expected_type(key: &str) -> &'static str {
    match key {
        "order" | "weight" => "an integer",
        "expanded" | "breadcrumb" | "draft" => "true or false",
        "author" | "authors" | "tags" => "a string or a list of strings",
        "lang" => "a language tag like \"en\" or \"de-CH\"",
        _ => "a string",
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

fn extend(list: &mut Vec<String>, values: Option<Vec<String>>) -> bool {
    match values {
        Some(v) => {
            list.extend(v);
            true
        }
        None => false,
    }
}

fn as_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn as_integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_strings(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Array(items) => items.iter().map(as_string).collect(),
        Value::Null => Some(Vec::new()),
        other => as_string(other).map(|s| vec![s]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_keys_are_taken_and_unknown_keys_kept() {
        let Value::Object(map) = json!({"order": 2001, "label": "VP", "sidebar": {"open": true}}) else {
            unreachable!()
        };
        let (meta, errors) = Meta::from_mapping(map);
        assert_eq!(meta.order, Some(2001));
        assert_eq!(meta.label.as_deref(), Some("VP"));
        assert_eq!(meta.extra["sidebar"], json!({"open": true}));
        assert!(errors.is_empty());
    }

    #[test]
    fn wrong_types_are_reported_and_kept() {
        let Value::Object(map) = json!({"order": "high", "expanded": "yes"}) else { unreachable!() };
        let (meta, errors) = Meta::from_mapping(map);
        assert_eq!(meta.order, None);
        assert_eq!(errors.len(), 2);
        assert_eq!(meta.extra["order"], json!("high"));
    }
}
