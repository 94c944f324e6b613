//! Fuzz target: a backend chosen by the first byte, rendering the rest of the bytes as a page.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, page)) = data.split_first() else { return };
    let config = Config::default();
    let loaded = folio::parse::load_bytes("page.md", page, &config);
    let assets = folio::backends::Assets::new();
    let ctx = folio::backends::RenderContext::new(&loaded.collection, &config, &assets);
    let mut backends = folio::backends::builtin();
    let backend = backends.swap_remove(usize::from(choice) % backends.len());
    let rendered = backend.render(&ctx).expect("rendering valid IR succeeds");
    for artifact in &rendered.artifacts {
        assert!(folio::build::safe_relative(&artifact.path).is_ok(), "{}", artifact.path);
    }
});
