//! Fuzz target: any text as a Mermaid diagram, drawn as folio draws one (a third-party
//! renderer, its panics caught), drawn again to the same bytes, and the drawing read back as
//! the PDF and the decks read an SVG.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // As the binary does: a panic a renderer's guard catches is silent, and becomes the
    // warning a build gives; any other still stops the fuzzer.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(folio::panic_guard::install_hook);
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(svg) = folio::diagram::draw(text) {
        assert!(svg.starts_with(b"<svg"), "a drawing is SVG");
        // The same bytes again: each of the renderer's hash maps gets keys of its own, so a
        // drawing that followed one's order would differ here.
        assert!(folio::diagram::draw(text).is_ok_and(|again| again == svg), "a drawing is deterministic");
        let _ = folio::layout::image_svg::size_of(&svg);
    }
});
