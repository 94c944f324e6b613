//! Fuzz target: any bytes as a page, rendered by every built-in backend.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = Config::default();
    let loaded = folio::parse::load_bytes("page.md", data, &config);
    let assets = folio::backends::Assets::new();
    let ctx = folio::backends::RenderContext::new(&loaded.collection, &config, &assets);
    for backend in folio::backends::builtin() {
        let rendered = backend.render(&ctx).expect("rendering valid IR succeeds");
        for artifact in &rendered.artifacts {
            assert!(folio::build::safe_relative(&artifact.path).is_ok(), "{}", artifact.path);
        }
    }
});
