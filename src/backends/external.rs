//! External backends: a format `X` that folio does not know runs the program `folio-X`.
//!
//! The program reads the [`RenderContext`] as JSON on stdin and answers on stdout with
//! `{"files": [{"path": "a.html", "text": "…", "document": "id"} | {"path": "a.bin", "base64": "…"}],
//! "diagnostics": [{"file": …, "line": …, "column": …, "severity": "warning", "message": …}]}`.
//! folio writes the files; the program never needs to know where the output folder is. The
//! context's `scope` says which outputs are wanted; `document` names a file's document.

use super::{Artifact, Backend, RenderContext, Sink};
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use base64::Engine;
use serde::Deserialize;
use std::io::Write;
use std::process::{Command, Stdio};

/// A backend run as the program `folio-NAME` found on `PATH`.
pub struct External {
    name: String,
}

impl External {
    /// The backend of program `folio-NAME`. Only a plain name: `folio-x/y` would run a program
    /// below the working folder, which may be the content tree itself.
    pub fn new(name: &str) -> Result<Self> {
        let plain = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if name.is_empty() || !plain {
            return Err(Error::Usage(format!(
                "unknown format `{name}`: a format is a built-in name or the NAME of a program `folio-NAME` on PATH (letters, digits, `-`, `_`)"
            )));
        }
        Ok(External { name: name.to_string() })
    }

    fn program(&self) -> String {
        format!("folio-{}", self.name)
    }
}

#[derive(Deserialize)]
struct Reply {
    #[serde(default)]
    files: Vec<ReplyFile>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
}

#[derive(Deserialize)]
struct ReplyFile {
    path: String,
    text: Option<String>,
    base64: Option<String>,
    /// The document the file belongs to; absent for site-wide files.
    document: Option<String>,
}

impl Backend for External {
    fn name(&self) -> &str {
        &self.name
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let fail = |message: String| Error::backend(&self.name, message);
        let input = serde_json::to_vec(ctx).map_err(|e| fail(e.to_string()))?;
        let program = self.program();
        let mut child = Command::new(&program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::Usage(format!(
                    "unknown format `{}`: it is not built in and no program `{program}` is on PATH",
                    self.name
                )),
                _ => fail(format!("cannot run `{program}`: {e}")),
            })?;
        let mut stdin = child.stdin.take().ok_or_else(|| fail("no stdin".into()))?;
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let output = child.wait_with_output().map_err(|e| fail(e.to_string()))?;
        // A program that exits without reading all its input is allowed; its exit code speaks.
        let _ = writer.join();
        if !output.status.success() {
            return Err(fail(format!("`{program}` exited with {}", output.status)));
        }
        let reply: Reply = serde_json::from_slice(&output.stdout)
            .map_err(|e| fail(format!("`{program}` wrote invalid JSON on stdout: {e}")))?;
        for file in reply.files {
            let bytes = match (file.text, file.base64) {
                (Some(text), None) => text.into_bytes(),
                (None, Some(b64)) => base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .map_err(|e| fail(format!("{}: bad base64: {e}", file.path)))?,
                _ => return Err(fail(format!("{}: give exactly one of `text` or `base64`", file.path))),
            };
            sink.put(Artifact { path: file.path, bytes, document: file.document })?;
        }
        // What the program says about no file in particular is about the program.
        let origin = format!("program: {program}");
        let placed = |d: Diagnostic| if d.file.is_empty() { Diagnostic { file: origin.clone(), ..d } } else { d };
        Ok(reply.diagnostics.into_iter().map(placed).collect())
    }
}
