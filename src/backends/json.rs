//! The `json` backend: the IR as versioned, pretty-printed JSON, `<site>.json` in the output.

use super::{Backend, RenderContext, Sink};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use std::io::{BufWriter, Write};

/// Writes the whole collection as `ir.json`.
pub struct Json;

/// The output file of the `json` backend.
pub const IR_FILE: &str = "ir.json";

impl Backend for Json {
    fn name(&self) -> &str {
        "json"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        if !ctx.scope.site {
            return Ok(Vec::new());
        }
        // Streamed: the IR of a large tree is several times the size of its Markdown.
        sink.put_with(IR_FILE, None, &mut |w| write_ir(ctx, w).map_err(|e| Error::io(IR_FILE, e)))?;
        Ok(Vec::new())
    }

    fn check(&self, config: &Config) -> Result<()> {
        config.section::<NoSettings>("json").map(drop)
    }

    fn runs_beside(&self) -> bool {
        true
    }
}

/// The settings of `[json]`: none, so that any key there is reported rather than ignored.
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoSettings {}

/// Writes the collection's JSON into `out`, in large writes (the file's writer hashes each).
fn write_ir(ctx: &RenderContext, out: &mut (dyn Write + Send)) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, ctx.collection)?;
    out.write_all(b"\n")?;
    out.flush()
}
