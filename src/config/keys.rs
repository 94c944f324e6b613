//! Unknown names in `folio.toml`: a section or key folio does not read is an error at its line
//! and column that names the closest known one (`[pdff]` → `[pdf]`, `acent` → `accent`), rather
//! than a setting silently ignored.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::ops::Range;

/// A name written in the file, with its place when the file is known.
pub type Placed = (String, Option<Range<usize>>);

/// The keys a settings type reads: the field names serde derives for it (a type that is not a
/// struct reads none).
pub fn fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The deserializer stops at the struct, once it knows the names; the error is expected.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// The first of `names` that is not `known`, as the place and message of an error naming the
/// closest known one; `shown` writes a name as the message shows it (`[pdf]`, `` `accent` ``).
pub fn first_unknown(
    names: impl IntoIterator<Item = Placed>,
    known: &[&str],
    what: &str,
    shown: impl Fn(&str) -> String,
) -> Option<(Option<Range<usize>>, String)> {
    let (name, place) = names.into_iter().find(|(name, _)| !known.contains(&name.as_str()))?;
    let hint = match crate::diag::did_you_mean(&name, known.iter().copied()) {
        Some(close) => format!("did you mean {}?", shown(close)),
        None if known.is_empty() => "there are none".to_string(),
        None => format!("known: {}", known.iter().map(|k| shown(k)).collect::<Vec<_>>().join(", ")),
    };
    Some((place, format!("unknown {what} {}; {hint}", shown(&name))))
}

/// A deserializer that only records the field names of the struct asked of it.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("only the field names are read"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)] // only the names of the fields are read
    struct Demo {
        paper: String,
        accent: String,
    }

    #[test]
    fn the_fields_of_a_struct_and_the_closest_to_a_slip() {
        assert_eq!(fields::<Demo>(), ["paper", "accent"]);
        assert!(fields::<String>().is_empty());
        let names = |n: &[&str]| n.iter().map(|n| (n.to_string(), Some(0..1))).collect::<Vec<Placed>>();
        let quoted = |n: &str| format!("`{n}`");
        let known = fields::<Demo>();
        assert_eq!(first_unknown(names(&["paper", "accent"]), known, "key", quoted), None);
        let (place, message) = first_unknown(names(&["paper", "acent"]), known, "key", quoted).unwrap();
        assert_eq!((place, message.as_str()), (Some(0..1), "unknown key `acent`; did you mean `accent`?"));
        let (_, message) = first_unknown(names(&["zzzzzz"]), known, "key", quoted).unwrap();
        assert_eq!(message, "unknown key `zzzzzz`; known: `paper`, `accent`");
    }
}
