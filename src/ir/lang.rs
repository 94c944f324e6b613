//! The language of a text: a BCP 47 tag such as `en`, `de-CH` or `pt-BR`, from a page's `lang`
//! frontmatter or `[site] lang` in `folio.toml`, read once. Tagged PDFs declare it (`/Lang`) so
//! that a screen reader speaks the text in the right voice. A malformed tag in `folio.toml` is a
//! configuration error at its line and column; in frontmatter, a warning (the key is kept as an
//! extra one).

use serde::{Deserialize, Deserializer, Serialize};

/// A language tag: letters and digits in subtags of 1 to 8, joined by hyphens, starting with
/// letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// The tag `text`, if it is shaped like one.
    pub fn parse(text: &str) -> Option<Lang> {
        let mut subtags = text.split('-');
        let primary = subtags.next()?;
        let shaped = |s: &str| (1..=8).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric());
        let ok = (2..=8).contains(&primary.len()) && primary.bytes().all(|c| c.is_ascii_alphabetic());
        (ok && subtags.all(shaped)).then(|| Lang(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let text = String::deserialize(deserializer)?;
        Lang::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a language tag like \"en\" or \"de-CH\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn language_tags_and_not() {
        for good in ["en", "de-CH", "pt-BR", "zh-Hant-TW", "sgn-BE-FR"] {
            assert_eq!(Lang::parse(good).map(|l| l.as_str().to_string()), Some(good.to_string()));
        }
        for bad in ["", "e", "en-", "-en", "en US", "toolongtag", "12", "en-abcdefghi", "fr)"] {
            assert_eq!(Lang::parse(bad), None, "{bad}");
        }
    }
}
