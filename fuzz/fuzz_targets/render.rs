//! Fuzz target: a backend chosen by the first byte, rendering the rest of the bytes as a page.
//! Past the backend (`byte %` the number of built-in backends), the byte also sets how many of
//! a page's tables get a sheet of their own in its workbook (`byte / 4`: 0 the default of 250,
//! else 0 to 62), so the stacked `More tables` sheet is reached by pages small enough to fuzz.
//! Its diagrams are drawn, so every backend shows them; it is rendered twice, to the same bytes.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // As the binary does: a panic a renderer's guard catches is silent, and becomes the
    // warning a build gives; any other still stops the fuzzer.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(folio::panic_guard::install_hook);
    let Some((&choice, page)) = data.split_first() else { return };
    let sheets = match choice / 4 {
        0 => 250,
        n => n - 1,
    };
    let config: Config = toml::from_str(&format!("[xlsx]\npage_table_sheets = {sheets}\n")).expect("a valid config");
    let loaded = folio::parse::load_bytes("page.md", page, &config);
    // The page's Mermaid diagrams drawn, as a build draws them (images are read from the
    // working folder, the root of a page loaded from bytes).
    let (assets, _) = folio::driver::load_assets(&loaded);
    let ctx = folio::backends::RenderContext::new(&loaded.collection, &config, &assets);
    let mut backends = folio::backends::builtin();
    let backend = backends.swap_remove(usize::from(choice) % backends.len());
    let rendered = backend.render(&ctx).expect("rendering valid IR succeeds");
    for artifact in &rendered.artifacts {
        assert!(folio::driver::safe_relative(&artifact.path).is_ok(), "{}", artifact.path);
    }
    // Rendered again, the same files to the byte: hash maps get keys of their own each time.
    let again = backend.render(&ctx).expect("rendering valid IR succeeds");
    let files = |r: &folio::backends::Rendered| r.artifacts.iter().map(|a| (a.path.clone(), a.bytes.clone())).collect::<Vec<_>>();
    assert!(files(&again) == files(&rendered), "rendering is deterministic");
});
