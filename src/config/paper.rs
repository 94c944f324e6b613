//! The paper setting of `folio.toml` (`[pdf] paper`, `[xlsx] paper`): one type for both, read
//! once, with what each backend needs of it.

use serde::Deserialize;

/// A paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Excel's number for the paper size.
    pub fn excel_code(self) -> u8 {
        match self {
            Paper::Letter => 1,
            Paper::A4 => 9,
        }
    }
}
