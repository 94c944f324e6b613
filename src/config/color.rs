//! A colour setting of `folio.toml` (`[pdf] accent`, `[slides] accent`), read once from
//! `"#rrggbb"` or `"rrggbb"`: a bad colour is a configuration error at its line and column,
//! wherever it is set, and no backend parses colours of its own.

use serde::{Deserialize, Deserializer};
use std::fmt;

/// An RGB colour with 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    /// The colour of `#rrggbb` or `rrggbb` (either case), if `text` is one.
    pub fn parse(text: &str) -> Option<Color> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (hex.len(), channel(0), channel(2), channel(4)) {
            (6, Some(r), Some(g), Some(b)) if hex.bytes().all(|c| c.is_ascii_hexdigit()) => Some(Color { r, g, b }),
            _ => None,
        }
    }
}

/// `1F5F99`: the hex digits, as Office themes and CSS (after a `#`) take them.
impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Color, D::Error> {
        let text = String::deserialize(deserializer)?;
        Color::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{text:?} is not an RGB colour like \"#1d4e89\" or \"1d4e89\""))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_with_or_without_a_hash_in_either_case() {
        let blue = Color { r: 0x1d, g: 0x4e, b: 0x89 };
        assert_eq!(Color::parse("#1d4e89"), Some(blue));
        assert_eq!(Color::parse("1D4E89"), Some(blue));
        assert_eq!(blue.to_string(), "1D4E89");
        for bad in ["blue", "#1d4e8", "#1d4e899", "##1d4e89", "+1+2+3", "1d4é89", ""] {
            assert_eq!(Color::parse(bad), None, "{bad}");
        }
    }
}
