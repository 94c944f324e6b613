//! Fuzz target: any text as a Mermaid diagram, drawn as folio draws one (a third-party
//! renderer, its panics caught), and the drawing read back as the PDF and the decks read an SVG.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(svg) = folio::diagram::draw(text) {
        assert!(svg.starts_with(b"<svg"), "a drawing is SVG");
        let _ = folio::layout::image_svg::size_of(&svg);
    }
});
