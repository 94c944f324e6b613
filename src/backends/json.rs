//! The `json` backend: the IR as versioned, pretty-printed JSON, `<site>.json` in the output.

use super::{Backend, RenderContext, Sink};
use crate::diag::Diagnostic;
use crate::error::Result;

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
        sink.put_with(IR_FILE, None, &mut |w| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
            let written = serde_json::to_writer_pretty(&mut w, ctx.collection).map_err(std::io::Error::from);
            written
                .and_then(|()| std::io::Write::write_all(&mut w, b"\n"))
                .and_then(|()| std::io::Write::flush(&mut w))
                .map_err(|e| crate::error::Error::io(IR_FILE, e))
        })?;
        Ok(Vec::new())
    }
}
