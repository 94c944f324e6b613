//! Fuzz target: any bytes as a page (frontmatter + Markdown + dialects) to the IR and its JSON;
//! an input whose first byte is odd is read as an MDX page (Docusaurus), the rest as Markdown.
#![no_main]

use folio::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = match data.first() {
        Some(b) if b % 2 == 1 => "page.mdx",
        _ => "page.md",
    };
    let loaded = folio::parse::load_bytes(name, data, &Config::default());
    for d in &loaded.diagnostics {
        // Every diagnostic names the page and can be shown.
        assert_eq!(d.file, name);
        let _ = d.to_string();
    }
    let json = serde_json::to_vec(&loaded.collection).expect("the IR always serialises");
    let _: serde_json::Value = serde_json::from_slice(&json).expect("and parses back");
});
