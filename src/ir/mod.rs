//! The folio intermediate representation: a format-free document model that every backend reads.
//!
//! A [`Collection`] holds the [`Document`]s of a content tree in reading order, each made of
//! [`Block`]s and [`Inline`]s. Nothing here knows about PDF, XLSX or slides; format-specific
//! material enters only as [`BlockKind::Raw`] or [`Inline::Raw`] with a format tag.
//! The whole tree serialises to versioned JSON (see [`IR_VERSION`]).

mod body;
mod lang;
mod meta;
mod names;
pub mod runs;
mod text;
pub mod walk;

pub use body::Body;
pub use lang::Lang;
pub use meta::{Meta, KNOWN_KEYS};
pub use names::{output_stem, own_id, relative_output};
pub use text::{collapse_spaces, plain_text, slugify};

use borsh::{BorshDeserialize, BorshSerialize};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the JSON form of the IR; bumped on any incompatible change.
pub const IR_VERSION: u32 = 1;

/// Where a node came from: 1-based line and column (in characters) in its document's source file.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    BorshSerialize,
    BorshDeserialize,
    JsonSchema,
)]
pub struct Span {
    pub line: u32,
    pub column: u32,
}

/// A whole content tree: its folders and documents in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Collection {
    pub ir_version: u32,
    /// The site title (from `folio.toml`, the root folder's metadata, or the folder name).
    pub title: String,
    /// Folders that hold documents, the root first, each before its children.
    pub folders: Vec<Folder>,
    /// Every document, depth first, siblings in ladder order.
    pub documents: Vec<Document>,
}

/// A folder of the content tree, with the metadata of its `index.yml`, `index.md`, `_index.md`
/// or `README.md`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Folder {
    /// Path relative to the content root, `/`-separated; empty for the root.
    pub id: String,
    pub title: String,
    pub meta: Meta,
    /// The document that serves as the folder's own page (`index.md`, `_index.md`, `README.md`).
    pub index: Option<String>,
}

/// One Markdown page. Its [`Body`] is held encoded, a few bytes a node, so that a tree of many
/// thousands of pages stays small; [`Document::body`] gives it back. In JSON the body's
/// `blocks` and `footnotes` sit beside the other fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Path relative to the content root without extension, `/`-separated: `career-ladder/vp`.
    pub id: String,
    /// Source path relative to the content root, `/`-separated: `career-ladder/vp.md`.
    pub source: String,
    /// The folder this document lives in (`Folder::id`).
    pub folder: String,
    /// Resolved title: frontmatter `title`, else the leading H1, else the file name.
    pub title: String,
    pub meta: Meta,
    body: body::Frozen,
}

impl Document {
    /// The body: blocks and footnotes.
    pub fn body(&self) -> Body {
        self.body.thaw()
    }

    /// Replaces the body.
    pub fn set_body(&mut self, body: &Body) {
        self.body = body::Frozen::new(body);
    }

    /// The short name of the document for menus and column headers: `label`, else `title`.
    pub fn label(&self) -> &str {
        self.meta.label.as_deref().unwrap_or(&self.title)
    }

    /// The names the page goes by besides its title: its `label`, the short form in brackets
    /// at the end of its title ("Individual Contributor (IC)" gives "IC" and "Individual
    /// Contributor") and its frontmatter `aliases` that are names, not paths (Hugo's are URLs).
    pub fn aliases(&self) -> Vec<String> {
        let mut names: Vec<String> = self.meta.label.iter().cloned().collect();
        if let Some((long, short)) = self.title.trim().strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            names.extend([short.trim().to_string(), long.trim().to_string()]);
        }
        let listed = self.meta.extra.get("aliases").and_then(serde_json::Value::as_array);
        names.extend(
            listed.into_iter().flatten().filter_map(|a| a.as_str()).filter(|a| !a.contains('/')).map(str::to_string),
        );
        names.retain(|n| !n.is_empty());
        names
    }
}

/// A footnote definition: `[^label]: …`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct Footnote {
    pub label: String,
    pub span: Span,
    pub blocks: Vec<Block>,
}

/// A block-level node with its source position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct Block {
    pub span: Span,
    #[serde(flatten)]
    pub kind: BlockKind,
}

/// The kinds of block, after pandoc's `Block`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        level: u8,
        /// Anchor id: explicit `{#id}` or the GitHub-style slug, unique within the document.
        id: String,
        content: Vec<Inline>,
    },
    List {
        /// The first number of an ordered list; `None` for a bullet list.
        start: Option<u64>,
        tight: bool,
        items: Vec<ListItem>,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    CodeBlock {
        lang: Option<String>,
        text: String,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// A note, tip or warning box: Retype `!!!kind`, GitHub `> [!KIND]`, Hugo `{{< callout >}}`.
    Callout {
        kind: CalloutKind,
        title: Option<Vec<Inline>>,
        blocks: Vec<Block>,
    },
    Rule,
    /// Material for one output format only (e.g. an HTML block); backends skip formats they
    /// do not know.
    Raw {
        format: String,
        text: String,
    },
}

/// One item of a list; `checked` is set for task-list items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct ListItem {
    pub checked: Option<bool>,
    pub blocks: Vec<Block>,
}

/// A table cell: its inline content.
pub type Cell = Vec<Inline>;

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// The flavour of a callout box.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CalloutKind {
    Note,
    Tip,
    Info,
    Success,
    Important,
    Warning,
    Caution,
    Danger,
}

impl CalloutKind {
    /// Reads a kind from its name in any dialect (`warning`, `WARNING`, `danger`, `secondary`…).
    pub fn from_name(name: &str) -> Option<CalloutKind> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "note" | "primary" | "secondary" | "light" | "dark" | "question" => CalloutKind::Note,
            "tip" | "hint" => CalloutKind::Tip,
            "info" | "information" | "default" => CalloutKind::Info,
            "success" | "check" | "done" => CalloutKind::Success,
            "important" => CalloutKind::Important,
            "warning" | "warn" | "attention" => CalloutKind::Warning,
            "caution" => CalloutKind::Caution,
            "danger" | "error" | "failure" | "bug" => CalloutKind::Danger,
            _ => return None,
        })
    }

    /// The name shown in a callout's heading when it has no title of its own.
    pub fn display_name(self) -> &'static str {
        match self {
            CalloutKind::Note => "Note",
            CalloutKind::Tip => "Tip",
            CalloutKind::Info => "Info",
            CalloutKind::Success => "Success",
            CalloutKind::Important => "Important",
            CalloutKind::Warning => "Warning",
            CalloutKind::Caution => "Caution",
            CalloutKind::Danger => "Danger",
        }
    }
}

/// Inline content, after pandoc's `Inline`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emph {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Strike {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// Boxed, like [`Inline::Image`], so that the common inlines (text) stay small.
    Link(Box<Link>),
    Image(Box<Image>),
    FootnoteRef {
        label: String,
    },
    SoftBreak,
    HardBreak,
    Raw {
        format: String,
        text: String,
    },
}

/// A link: where it goes, its tooltip title and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct Link {
    pub target: LinkTarget,
    pub title: String,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// An image drawn inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
pub struct Image {
    /// The image source as written; resolved against the document's folder by backends.
    pub src: String,
    pub alt: String,
    pub title: String,
    pub span: Span,
}

/// Where a link points, after resolution against the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkTarget {
    /// A URL outside the collection (`https:`, `mailto:` …).
    External { url: String },
    /// A document of the collection, and optionally a heading in it.
    Internal {
        /// `Document::id` of the target.
        doc: String,
        /// `Heading` id within the target, if the link named one.
        anchor: Option<String>,
        /// The link as written in the source.
        href: String,
    },
    /// A local link that names nothing in the collection (a warning was reported).
    Unresolved { href: String },
}

/// The key under which an image or other local file is found in the render context's assets:
/// its path relative to the content root, for `src` written in a document of folder `folder`.
/// `None` for URLs. A path that climbs above the root keeps its leading `..` (and is never read).
pub fn asset_key(folder: &str, src: &str) -> Option<String> {
    if src.is_empty() || src.contains("://") || src.starts_with("data:") || src.starts_with("//") {
        return None;
    }
    let src = src.split(['?', '#']).next().unwrap_or(src);
    let joined = match src.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if folder.is_empty() => src.to_string(),
        None => format!("{folder}/{src}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}
