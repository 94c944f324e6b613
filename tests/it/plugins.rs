//! External backends: the JSON Schema of the render context they read is what the types
//! generate, and the example plugin `examples/folio-wordcount.rs` works through `folio build`.

use crate::util::{folio, load, repo, stderr, tree};
use folio::backends::{Assets, RenderContext};
use folio::config::Config;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const SCHEMA: &str = "schema/render-context.schema.json";

#[test]
fn the_checked_in_render_context_schema_is_what_the_types_generate() {
    let path = repo().join(SCHEMA);
    let generated = RenderContext::json_schema();
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{SCHEMA} is not what the IR and render context types generate; if the change is meant (an \
         incompatible one bumps IR_VERSION), run `FOLIO_BLESS=1 cargo test --test integration schema` and commit it"
    );
    let schema: Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(schema["properties"]["ir_version"]["const"], folio::ir::IR_VERSION);
}

#[test]
fn the_schema_names_every_field_of_a_real_context() {
    let site = tree(&[("a.md", b"# A\n\nText with a [link](b.md).\n" as &[u8]), ("b.md", b"# B\n\n- item\n")]);
    let loaded = load(site.path());
    let (config, assets) = (Config::default(), Assets::from([("pic.png".to_string(), vec![1, 2])]));
    let ctx = RenderContext::new(&loaded.collection, &config, &assets).with_root(site.path()).with_date(Some(86_400));
    let json = serde_json::to_value(ctx).unwrap();
    let schema: Value = serde_json::from_str(&RenderContext::json_schema()).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&json), keys(&schema["properties"]), "the context's fields");
    let document = &schema["$defs"]["Document"]["properties"];
    for key in keys(&json["collection"]["documents"][0]) {
        assert!(document.get(&key).is_some(), "a document's `{key}` is in the schema");
    }
    assert_eq!(json["assets"], serde_json::json!(["pic.png"]));
    assert_eq!((json["root"].as_str(), &json["source_date_epoch"]), (site.path().to_str(), &Value::from(86_400)));
}

/// The folder cargo builds the examples into, beside the test binary's `deps/`.
fn examples() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().and_then(|deps| deps.parent()).unwrap().join("examples")
}

#[test]
fn the_example_plugin_counts_words_and_reaches_the_assets() {
    let examples = examples();
    assert!(
        examples.join("folio-wordcount").is_file(),
        "the example plugin is not built in {}: `cargo test` builds it, or `cargo build --example folio-wordcount`",
        examples.display()
    );
    let png = crate::pdf::png(2, 2, 0);
    let page = b"# Counted\n\nOne two three.\n\n![a picture](img/pic.png)\n\n```\nfour five\n```\n";
    // The plugin's own section is accepted, as its format is asked for with -f.
    let toml = b"[wordcount]\nanything = 1\n";
    let site = tree(&[("page.md", page as &[u8]), ("img/pic.png", &png), ("folio.toml", toml)]);
    let path = format!("{}:{}", examples.display(), std::env::var("PATH").unwrap_or_default());
    let run = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", ".", "-o", "out", "-f", "wordcount"])
        .current_dir(site.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let read = |file: &str| std::fs::read_to_string(site.path().join("out").join(file)).unwrap();
    // The title's heading ("Counted") is in the IR too, as `heading`.
    assert_eq!(read("wordcount/page.txt"), "Counted: 6 words\n");
    let expected = format!("6 words in 1 documents\nimg/pic.png: {} bytes\n", png.len());
    assert_eq!(read("wordcount.txt"), expected);
    // Without the plugin on PATH the format is unknown: a usage error.
    let run = folio(site.path(), &["build", ".", "-o", "out2", "-f", "wordcount"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
}
