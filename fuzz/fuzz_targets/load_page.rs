//! Fuzz target: any bytes as a page (frontmatter + Markdown + dialects) to the IR and its JSON.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = folio::parse::load_bytes("page.md", data, &Config::default());
    for d in &loaded.diagnostics {
        // Every diagnostic names the page and can be shown.
        assert_eq!(d.file, "page.md");
        let _ = d.to_string();
    }
    let json = serde_json::to_vec(&loaded.collection).expect("the IR always serialises");
    let _: serde_json::Value = serde_json::from_slice(&json).expect("and parses back");
});
