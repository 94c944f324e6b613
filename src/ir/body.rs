//! A document's body and how it is held: encoded with `borsh` (and in a large site compressed
//! with LZ4) into one exact-sized buffer, instead of a tree of allocations. A 10,000-page tree's
//! IR takes a tenth of the memory it took as a tree, and a backend decodes a document only while
//! it renders it (decompressing is a few microseconds a page).
//! The JSON form of a [`Document`] is unchanged: its body's fields sit beside the others.

use super::{Block, Document, Footnote, Meta};
use borsh::{BorshDeserialize, BorshSerialize};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a page says: its blocks (a leading H1 that gave the title is not repeated) and its
/// footnote definitions, in order of first definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct Body {
    /// The leading H1 that gave the title, as written (emphasis, code, links): the heading a
    /// page's title is shown as. Empty when the title came from elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heading: Vec<Block>,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

/// A body encoded, and LZ4-compressed once this process holds more than [`COMPRESS_PAST`]
/// bytes of bodies: a small site skips the compressor (a few per cent of a build), a large one
/// keeps most of its bodies in a fifth less memory. Which bodies are compressed never shows
/// in an output.
#[derive(Clone)]
pub(super) enum Frozen {
    Plain(Box<[u8]>),
    Compressed(Box<[u8]>),
}

/// Bytes of encoded bodies held uncompressed before bodies are compressed.
const COMPRESS_PAST: usize = 8 << 20;

/// Encoded bytes of the bodies frozen so far in this process.
static FROZEN_BYTES: AtomicUsize = AtomicUsize::new(0);

impl Frozen {
    pub fn new(body: &Body) -> Frozen {
        // Writing into memory does not fail.
        let encoded = borsh::to_vec(body).unwrap_or_default();
        if FROZEN_BYTES.fetch_add(encoded.len(), Ordering::Relaxed) < COMPRESS_PAST {
            Frozen::Plain(encoded.into_boxed_slice())
        } else {
            Frozen::Compressed(lz4_flex::compress_prepend_size(&encoded).into_boxed_slice())
        }
    }

    pub fn thaw(&self) -> Body {
        // The bytes were encoded from a body of this very type by this very program.
        let decoded = match self {
            Frozen::Plain(encoded) => borsh::from_slice(encoded),
            Frozen::Compressed(bytes) => {
                let encoded = lz4_flex::decompress_size_prepended(bytes).expect("a document body decompresses");
                borsh::from_slice(&encoded)
            }
        };
        decoded.expect("a document body decodes as it was encoded")
    }
}

impl PartialEq for Frozen {
    fn eq(&self, other: &Frozen) -> bool {
        match (self, other) {
            (Frozen::Plain(a), Frozen::Plain(b)) | (Frozen::Compressed(a), Frozen::Compressed(b)) => a == b,
            _ => self.thaw() == other.thaw(),
        }
    }
}

impl Eq for Frozen {}

impl Default for Frozen {
    fn default() -> Self {
        Frozen::new(&Body::default())
    }
}

impl std::fmt::Debug for Frozen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.thaw().fmt(f)
    }
}

impl Document {
    /// A document with `body`.
    pub fn new(id: String, source: String, folder: String, title: String, meta: Meta, body: &Body) -> Document {
        Document { id, source, folder, title, meta, body: Frozen::new(body) }
    }
}

/// A document as JSON shows it.
#[derive(Deserialize, JsonSchema)]
struct Shown<T> {
    id: String,
    source: String,
    folder: String,
    title: String,
    meta: Meta,
    #[serde(flatten)]
    body: T,
}

/// The schema of a document is that of the form JSON shows.
impl JsonSchema for Document {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Document".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Shown::<Body>::json_schema(generator)
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let shown = ShownRef {
            id: &self.id,
            source: &self.source,
            folder: &self.folder,
            title: &self.title,
            meta: &self.meta,
            body: self.body(),
        };
        shown.serialize(serializer)
    }
}

/// [`Shown`] borrowing the document's fields.
#[derive(Serialize)]
struct ShownRef<'a> {
    id: &'a str,
    source: &'a str,
    folder: &'a str,
    title: &'a str,
    meta: &'a Meta,
    #[serde(flatten)]
    body: Body,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let shown = Shown::<Body>::deserialize(deserializer)?;
        Ok(Document::new(shown.id, shown.source, shown.folder, shown.title, shown.meta, &shown.body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{BlockKind, Inline, Span};

    #[test]
    fn a_body_comes_back_as_it_went_in_and_json_keeps_its_shape() {
        let text = Inline::Text { text: "skill".into() };
        let paragraph = Block { span: Span { line: 3, column: 1 }, kind: BlockKind::Paragraph { content: vec![text] } };
        let body = Body { blocks: vec![paragraph], footnotes: Vec::new(), ..Body::default() };
        let doc = Document::new("a".into(), "a.md".into(), String::new(), "A".into(), Meta::default(), &body);
        assert_eq!(doc.body(), body);
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["blocks"][0]["content"][0]["text"], "skill");
        assert_eq!(json["footnotes"], serde_json::json!([]));
        let back: Document = serde_json::from_value(json).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn a_compressed_body_thaws_and_compares_as_the_plain_one() {
        let text = Inline::Text { text: "skill ".repeat(100) };
        let body = Body {
            blocks: vec![Block { span: Span::default(), kind: BlockKind::Paragraph { content: vec![text] } }],
            footnotes: Vec::new(),
            ..Body::default()
        };
        let encoded = borsh::to_vec(&body).unwrap();
        let plain = Frozen::Plain(encoded.clone().into_boxed_slice());
        let compressed = Frozen::Compressed(lz4_flex::compress_prepend_size(&encoded).into_boxed_slice());
        assert_eq!(compressed.thaw(), body);
        assert_eq!(plain, compressed);
        assert!(plain != Frozen::Plain(borsh::to_vec(&Body::default()).unwrap().into_boxed_slice()));
    }
}
