//! The `json` backend: the IR as versioned, pretty-printed JSON, `<site>.json` in the output.

use super::{Artifact, Backend, RenderContext, Rendered};
use crate::error::{Error, Result};

/// Writes the whole collection as `ir.json`.
pub struct Json;

/// The output file of the `json` backend.
pub const IR_FILE: &str = "ir.json";

impl Backend for Json {
    fn name(&self) -> &str {
        "json"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Rendered> {
        if !ctx.scope.site {
            return Ok(Rendered::default());
        }
        let mut bytes =
            serde_json::to_vec_pretty(ctx.collection).map_err(|e| Error::backend(self.name(), e.to_string()))?;
        bytes.push(b'\n');
        Ok(Rendered { artifacts: vec![Artifact::for_site(IR_FILE.to_string(), bytes)], diagnostics: Vec::new() })
    }
}
