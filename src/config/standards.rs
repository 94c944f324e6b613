//! The standards the PDFs claim and keep (`[pdf] standards`): PDF/UA-1 by default, and on
//! request one part of PDF/A. Read once into [`Standards`], which the PDF writer is given.

use serde::Deserialize;

/// One value of `[pdf] standards`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Standard {
    #[serde(rename = "ua-1")]
    Ua1,
    #[serde(rename = "a-2b")]
    A2b,
    #[serde(rename = "a-2u")]
    A2u,
    #[serde(rename = "a-2a")]
    A2a,
    #[serde(rename = "a-3b")]
    A3b,
}

/// A part and conformance level of PDF/A (ISO 19005).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfA {
    /// 2 or 3.
    pub part: i32,
    /// `B` (basic), `U` (Unicode) or `A` (accessible).
    pub conformance: char,
}

impl PdfA {
    /// Whether every glyph must map to Unicode (levels U and A).
    pub fn needs_unicode(self) -> bool {
        self.conformance != 'B'
    }
}

impl std::fmt::Display for PdfA {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PDF/A-{}{}", self.part, self.conformance.to_ascii_lowercase())
    }
}

/// What the PDFs claim: PDF/UA-1 or not, and at most one PDF/A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<Standard>")]
pub struct Standards {
    pub ua: bool,
    pub archive: Option<PdfA>,
}

impl Default for Standards {
    fn default() -> Self {
        Standards { ua: true, archive: None }
    }
}

impl TryFrom<Vec<Standard>> for Standards {
    type Error = String;

    fn try_from(list: Vec<Standard>) -> Result<Self, String> {
        let archives: Vec<PdfA> = list.iter().filter_map(|s| s.archive()).collect();
        if archives.len() > 1 {
            let named: Vec<String> = archives.iter().map(ToString::to_string).collect();
            return Err(format!("{} are two parts of PDF/A; choose one, alone or with `ua-1`", named.join(" and ")));
        }
        Ok(Standards { ua: list.contains(&Standard::Ua1), archive: archives.first().copied() })
    }
}

impl Standard {
    fn archive(self) -> Option<PdfA> {
        let (part, conformance) = match self {
            Standard::Ua1 => return None,
            Standard::A2b => (2, 'B'),
            Standard::A2u => (2, 'U'),
            Standard::A2a => (2, 'A'),
            Standard::A3b => (3, 'B'),
        };
        Some(PdfA { part, conformance })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Standards, String> {
        toml::from_str::<std::collections::BTreeMap<String, Standards>>(text)
            .map(|map| map["standards"])
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn a_list_of_standards_becomes_the_claims() {
        assert_eq!(Standards::default(), Standards { ua: true, archive: None });
        let both = read(r#"standards = ["a-2b", "ua-1"]"#).unwrap();
        assert_eq!(both, Standards { ua: true, archive: Some(PdfA { part: 2, conformance: 'B' }) });
        let alone = read(r#"standards = ["a-3b"]"#).unwrap();
        assert_eq!((alone.ua, alone.archive.map(|a| a.to_string())), (false, Some("PDF/A-3b".into())));
        assert!(read(r#"standards = ["a-2u"]"#).unwrap().archive.unwrap().needs_unicode());
        let two = read(r#"standards = ["a-2b", "a-2u"]"#).unwrap_err();
        assert!(two.contains("PDF/A-2b and PDF/A-2u are two parts"), "{two}");
        let unknown = read(r#"standards = ["a-1b"]"#).unwrap_err();
        assert!(unknown.contains("`a-1b`") && unknown.contains("`a-2a`"), "{unknown}");
    }
}
