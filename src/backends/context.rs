//! What every backend is given: the [`RenderContext`]. External backends read it as JSON on
//! stdin, so its serialized form is a protocol, described by the JSON Schema that
//! [`RenderContext::json_schema`] generates from these types and the IR's, checked in as
//! `schema/render-context.schema.json`.

use super::Civil;
use crate::config::Config;
use crate::ir::{Collection, Document, IR_VERSION};
pub use crate::layout::Assets;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Everything a backend may read: the IR, the configuration, where the content was read from,
/// the build date, the assets (image bytes) that the documents refer to, keyed by their path
/// relative to the content root (the diagrams drawn among them), the scope: which outputs this
/// run wants, and the files the settings name.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct RenderContext<'a> {
    /// The version of the IR and of this context's JSON ([`IR_VERSION`]).
    pub ir_version: u32,
    pub config: &'a Config,
    pub collection: &'a Collection,
    /// The content root, as folio was given it (relative to the working folder folio and an
    /// external backend share): asset paths are relative to it.
    #[serde(serialize_with = "lossy_path")]
    #[schemars(with = "String")]
    pub root: &'a Path,
    /// The build date, in seconds since 1970, from `SOURCE_DATE_EPOCH`: outputs carry no date
    /// without it, never the clock's.
    pub source_date_epoch: Option<i64>,
    /// The assets' bytes; the JSON lists their paths, which an external backend reads itself.
    #[serde(serialize_with = "asset_paths")]
    #[schemars(with = "Vec<String>")]
    pub assets: &'a Assets,
    pub scope: &'a Scope,
    /// The files the settings name (`[docx] reference`), read by the driver; not in the JSON,
    /// whose reader has the configuration and reads what it names itself.
    #[serde(skip)]
    #[schemars(skip)]
    pub files: &'a SettingFiles,
}

/// The files settings name, by their path as the settings give it (made whole from the
/// configuration file's folder), and their bytes.
pub type SettingFiles = BTreeMap<PathBuf, Vec<u8>>;

/// No files: a context made without them.
static NO_FILES: SettingFiles = BTreeMap::new();

/// A file a backend's settings name: its path, and the section and key that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingFile {
    pub path: PathBuf,
    pub section: &'static str,
    pub key: &'static str,
}

/// Which outputs a run wants: those of some documents (all when `documents` is `None`) and,
/// if `site`, the site-wide ones (book, site workbook, site deck). Incremental rebuilds and
/// shards narrow it; a backend must make exactly the outputs in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Scope {
    pub documents: Option<BTreeSet<String>>,
    pub site: bool,
}

impl Scope {
    /// Every output.
    pub const ALL: Scope = Scope { documents: None, site: true };

    /// Whether the per-document outputs of document `id` are wanted.
    pub fn includes(&self, id: &str) -> bool {
        self.documents.as_ref().is_none_or(|d| d.contains(id))
    }
}

impl<'a> RenderContext<'a> {
    /// The context of every output of `collection`, with no content root (assets are then
    /// relative to the working folder) and no build date.
    pub fn new(collection: &'a Collection, config: &'a Config, assets: &'a Assets) -> Self {
        let root = Path::new("");
        RenderContext {
            ir_version: IR_VERSION,
            config,
            collection,
            root,
            source_date_epoch: None,
            assets,
            scope: &Scope::ALL,
            files: &NO_FILES,
        }
    }

    /// The same context, with the files the settings name (see [`super::Backend::setting_files`]).
    pub fn with_files(self, files: &'a SettingFiles) -> Self {
        RenderContext { files, ..self }
    }

    /// The same context, asking only for the outputs in `scope`.
    pub fn with_scope(self, scope: &'a Scope) -> Self {
        RenderContext { scope, ..self }
    }

    /// The same context, for content read from `root`.
    pub fn with_root(self, root: &'a Path) -> Self {
        RenderContext { root, ..self }
    }

    /// The same context, dated `source_date_epoch` (see [`super::source_date_epoch`]).
    pub fn with_date(self, source_date_epoch: Option<i64>) -> Self {
        RenderContext { source_date_epoch, ..self }
    }

    /// The language of `doc`'s text (its `lang`, else `[site] lang`), or of the site's without
    /// a document; `None` when neither says.
    pub fn lang(&self, doc: Option<&Document>) -> Option<String> {
        let page = doc.and_then(|d| d.meta.lang.as_ref());
        page.or(self.config.site.lang.as_ref()).map(|l| l.as_str().to_string())
    }

    /// The build date as a civil date and time, if there is one.
    pub fn date(&self) -> Option<Civil> {
        self.source_date_epoch.map(Civil::from_epoch)
    }

    /// The JSON Schema of the context as external backends read it, for this [`IR_VERSION`]
    /// (which it states as the `const` of `ir_version`), pretty-printed.
    pub fn json_schema() -> String {
        let mut schema = schemars::schema_for!(RenderContext<'static>);
        schema.insert("title".into(), format!("folio render context, ir_version {IR_VERSION}").into());
        let version =
            schema.as_object_mut().and_then(|s| s.get_mut("properties")).and_then(|p| p.get_mut("ir_version"));
        if let Some(serde_json::Value::Object(version)) = version {
            version.insert("const".into(), IR_VERSION.into());
        }
        // A schema of plain maps always serializes.
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    }

    /// The documents whose per-document outputs are wanted, in collection order.
    pub fn documents_in_scope(&self) -> impl Iterator<Item = &'a crate::ir::Document> + '_ {
        self.collection.documents.iter().filter(|d| self.scope.includes(&d.id))
    }
}

/// A path as JSON text (a name that is not UTF-8 with `�` for each bad byte).
fn lossy_path<S: Serializer>(path: &&Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

/// The assets as the list of their paths, sorted.
fn asset_paths<S: Serializer>(assets: &&Assets, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(assets.keys())
}
