//! Fuzz target: any text as `folio.toml`, and every backend reading its section of it.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(config) = toml::from_str::<Config>(text) else { return };
    let collection = folio::ir::Collection::default();
    let assets = folio::backends::Assets::new();
    let ctx = folio::backends::RenderContext::new(&collection, &config, &assets);
    for backend in folio::backends::builtin() {
        // A bad section is an error, never a panic.
        let _ = backend.render(&ctx);
    }
});
