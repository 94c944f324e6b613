//! `folio-wordcount`: an example external backend, kept working by the integration tests.
//!
//! `folio build -f wordcount` runs the program `folio-wordcount` found on `PATH` with the render
//! context as JSON on stdin (described by `schema/render-context.schema.json`) and writes the
//! files it answers with on stdout. This one counts the words of each page in scope
//! (`wordcount/<document id>.txt`) and, when the site is in scope, writes `wordcount.txt` with
//! the total and the size of each asset, read from the content root as a plugin reaches images.
//! It reads the JSON as any program would, with no knowledge of folio's types beyond it.
//!
//! Build it with `cargo build --example folio-wordcount` and put `target/debug/examples` on
//! `PATH`.

use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut input = String::new();
    let context: Value = match std::io::stdin().read_to_string(&mut input).map(|_| serde_json::from_str(&input)) {
        Ok(Ok(context)) => context,
        _ => return fail("stdin is not a JSON render context"),
    };
    if context["ir_version"] != json!(folio::ir::IR_VERSION) {
        return fail(&format!("made for ir_version {}, given {}", folio::ir::IR_VERSION, context["ir_version"]));
    }
    let reply = json!({ "files": files(&context), "diagnostics": [] });
    println!("{reply}");
    ExitCode::SUCCESS
}

/// Says why it stopped, on stderr (which folio shows), and fails.
fn fail(why: &str) -> ExitCode {
    eprintln!("folio-wordcount: {why}");
    ExitCode::FAILURE
}

/// The files of the reply: one a document in scope, and the site's if it is in scope.
fn files(context: &Value) -> Vec<Value> {
    let scope = &context["scope"];
    let in_scope = |id: &Value| scope["documents"].as_array().is_none_or(|wanted| wanted.contains(id));
    let documents = context["collection"]["documents"].as_array().cloned().unwrap_or_default();
    let mut files: Vec<Value> = documents
        .iter()
        .filter(|doc| in_scope(&doc["id"]))
        .map(|doc| {
            let (id, title) = (doc["id"].as_str().unwrap_or_default(), doc["title"].as_str().unwrap_or_default());
            let text = format!("{title}: {} words\n", words(doc));
            json!({ "path": format!("wordcount/{id}.txt"), "text": text, "document": id })
        })
        .collect();
    if scope["site"] == json!(true) {
        files.push(json!({ "path": "wordcount.txt", "text": site_text(context, &documents) }));
    }
    files
}

/// The words of every text and code node below `node`.
fn words(node: &Value) -> usize {
    match node {
        Value::Object(fields) => {
            let text = matches!(fields.get("type").and_then(Value::as_str), Some("text" | "code" | "code_block"));
            let own = if text { fields["text"].as_str().unwrap_or_default().split_whitespace().count() } else { 0 };
            own + fields.values().map(words).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(words).sum(),
        _ => 0,
    }
}

/// The site's total, and each asset with its size on disk.
fn site_text(context: &Value, documents: &[Value]) -> String {
    let total: usize = documents.iter().map(words).sum();
    let mut text = format!("{total} words in {} documents\n", documents.len());
    let root = Path::new(context["root"].as_str().unwrap_or_default());
    for asset in context["assets"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        match std::fs::metadata(root.join(asset)) {
            Ok(meta) => text.push_str(&format!("{asset}: {} bytes\n", meta.len())),
            Err(e) => text.push_str(&format!("{asset}: unreadable ({e})\n")),
        }
    }
    text
}
