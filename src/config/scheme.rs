//! `[build] allow_schemes`: the link schemes that can run code or read the reader's files, read
//! once into a type, so that a misspelt one is a configuration error rather than a setting that
//! lets nothing through.

use serde::{Deserialize, Deserializer, Serialize};

/// A link scheme whose links are dropped (their text kept) unless `[build] allow_schemes`
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnsafeScheme {
    Javascript,
    Vbscript,
    File,
    Data,
}

impl UnsafeScheme {
    /// Every unsafe scheme.
    pub const ALL: [UnsafeScheme; 4] =
        [UnsafeScheme::Javascript, UnsafeScheme::Vbscript, UnsafeScheme::File, UnsafeScheme::Data];

    /// The scheme's name in lower case, as in a link (`javascript`).
    pub fn name(self) -> &'static str {
        match self {
            UnsafeScheme::Javascript => "javascript",
            UnsafeScheme::Vbscript => "vbscript",
            UnsafeScheme::File => "file",
            UnsafeScheme::Data => "data",
        }
    }

    /// The unsafe scheme named `name` (any case, with or without its `:`), if it is one.
    pub fn from_name(name: &str) -> Option<UnsafeScheme> {
        let name = name.strip_suffix(':').unwrap_or(name);
        UnsafeScheme::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

impl<'de> Deserialize<'de> for UnsafeScheme {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<UnsafeScheme, D::Error> {
        let name = String::deserialize(deserializer)?;
        UnsafeScheme::from_name(&name).ok_or_else(|| {
            let names = UnsafeScheme::ALL.map(UnsafeScheme::name);
            let hint =
                crate::diag::did_you_mean(&name, names).map(|n| format!("did you mean `{n}`? ")).unwrap_or_default();
            serde::de::Error::custom(format!(
                "`{name}` is not a scheme folio drops; {hint}those are {}",
                names.map(|n| format!("`{n}`")).join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case_with_or_without_a_colon() {
        assert_eq!(UnsafeScheme::from_name("JavaScript:"), Some(UnsafeScheme::Javascript));
        assert_eq!(UnsafeScheme::from_name("file"), Some(UnsafeScheme::File));
        assert_eq!(UnsafeScheme::from_name("https"), None);
        let err = toml::from_str::<crate::config::Config>("[build]\nallow_schemes = [\"javascrip\"]\n").unwrap_err();
        assert!(err.message().contains("did you mean `javascript`?"), "{err}");
    }
}
