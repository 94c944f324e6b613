//! `word/styles.xml`: the named styles the body uses, sized from the `[pdf]` type size and
//! coloured with its accent, in the `[fonts]` families (by default the bundled ones: Noto Serif
//! text, Noto Sans headings, DejaVu Sans Mono code). Headings carry their outline level, so Word's navigation pane and
//! the contents field find them.

use super::package::NAMESPACES;
use crate::backends::ooxml::esc;
use crate::backends::ooxml::DECLARATION;
use crate::backends::print_theme::PdfTheme;
use crate::config::FontsConfig;
use crate::layout::{cjk_variant, table_scales};

/// The families of the styles: `[fonts]` body, heading and mono, else the bundled faces', and
/// the first `fallback` family for East Asian text when one is set.
pub struct Families {
    body: String,
    heading: String,
    mono: String,
    east_asian: Option<String>,
}

impl Families {
    pub fn new(fonts: &FontsConfig) -> Families {
        let family = |set: &Option<String>, bundled: &str| esc(set.as_deref().unwrap_or(bundled)).to_string();
        Families {
            body: family(&fonts.body, "Noto Serif"),
            heading: family(&fonts.heading, "Noto Sans"),
            mono: family(&fonts.mono, "DejaVu Sans Mono"),
            east_asian: fonts.fallback.first().map(|f| esc(f).to_string()),
        }
    }
}
const DARK: &str = "33333D";
const GREY: &str = "6B6B75";

/// The border and shading of a callout's paragraphs, which Word draws as one box.
pub const CALLOUT_BOX: &str = concat!(
    "<w:pBdr>",
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A9C1DE\"/>",
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A9C1DE\"/>",
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A9C1DE\"/>",
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A9C1DE\"/>",
    "</w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF3F9\"/>"
);

/// Run properties: a font family, a size `scale` times the body's, and more (`extra`).
fn font(families: &Families, family: &str, size: f32, scale: f32, extra: &str) -> String {
    let half_points = (size * scale * 2.0).round() as u32;
    let east_asian = families.east_asian.as_deref().unwrap_or(family);
    format!(
        "<w:rPr><w:rFonts w:ascii=\"{family}\" w:hAnsi=\"{family}\" w:eastAsia=\"{east_asian}\" w:cs=\"{family}\"/>{extra}\
         <w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>"
    )
}

/// The id and name of the paragraph style of a table's cells (its header's if `head`) set at
/// step `step` of [`table_scales`]: `TableText`, `TableText2`, … as Word numbers its list styles.
pub fn table_style(head: bool, step: usize) -> (String, String) {
    let (id, name) = if head { ("TableHeading", "Table Heading") } else { ("TableText", "Table Text") };
    match step {
        0 => (id.to_string(), name.to_string()),
        step => (format!("{id}{}", step + 1), format!("{name} {}", step + 1)),
    }
}

/// Hyphenation, which the document turns on ([`super::section::settings_xml`]) and its default
/// paragraph style off: in table cells only, where a word wider than its column would
/// otherwise be cut anywhere, as the PDF hyphenates it.
const HYPHENATED: &str = "<w:suppressAutoHyphens w:val=\"0\"/>";

/// The `w:lang` of text in `language`: for Latin text, and for East Asian or right-to-left text
/// when the language is written so.
fn lang(language: &str) -> String {
    let language = esc(language);
    let primary = language.split('-').next().unwrap_or_default().to_ascii_lowercase();
    let mut out = format!("<w:lang w:val=\"{language}\"");
    if cjk_variant(&language).is_some() {
        out.push_str(&format!(" w:eastAsia=\"{language}\""));
    }
    if RIGHT_TO_LEFT.contains(&primary.as_str()) {
        out.push_str(&format!(" w:bidi=\"{language}\""));
    }
    out + "/>"
}

/// Languages written right to left, by their primary subtag.
const RIGHT_TO_LEFT: [&str; 9] = ["ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

/// A paragraph style `id` shown as `name`, based on Normal, with paragraph and run properties.
fn paragraph(id: &str, name: &str, ppr: &str, rpr: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"{}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>",
        u8::from(!BUILT_IN.contains(&id))
    )
}

/// The styles Word knows by these names (others are marked custom).
const BUILT_IN: [&str; 19] = [
    "Title",
    "Subtitle",
    "Heading1",
    "Heading2",
    "Heading3",
    "Heading4",
    "Heading5",
    "Heading6",
    "ListBullet",
    "ListNumber",
    "Quote",
    "Caption",
    "FootnoteText",
    "Header",
    "Footer",
    "TOC1",
    "TOC2",
    "TOC3",
    "TOCHeading",
];

/// `word/styles.xml` for `theme`, in the families `f`, the text in `language` (which Word
/// checks the spelling and hyphenates in, and a screen reader speaks).
pub fn styles_xml(theme: &PdfTheme, f: &Families, language: Option<&str>) -> String {
    let size = theme.font_size;
    let accent = theme.accent.to_string();
    let mut out = format!(
        "{DECLARATION}<w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault>{}</w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:suppressAutoHyphens/><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
        font(f, &f.body, size, 1.0, "").replace("</w:rPr>", &format!("{}</w:rPr>", language.map(lang).unwrap_or_default()))
    );
    let bold = |color: &str| format!("<w:b/><w:bCs/><w:color w:val=\"{color}\"/>");
    out.push_str(&paragraph(
        "Title",
        "Title",
        "<w:spacing w:after=\"240\"/>",
        &font(f, &f.heading, size, 2.3, &bold("14171F")),
    ));
    out.push_str(&paragraph(
        "Subtitle",
        "Subtitle",
        "",
        &font(f, &f.body, size, 1.05, &format!("<w:color w:val=\"{GREY}\"/>")),
    ));
    for level in 1..=6u8 {
        let (scale, color) = match level {
            1 => (1.55, accent.as_str()),
            2 => (1.25, accent.as_str()),
            3 => (1.1, DARK),
            _ => (1.0, DARK),
        };
        let before = if level == 1 { 360 } else { 240 };
        let ppr = format!(
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/>",
            level - 1
        );
        out.push_str(&paragraph(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            &ppr,
            &font(f, &f.heading, size, scale, &bold(color)),
        ));
    }
    let tight = "<w:spacing w:after=\"60\"/><w:contextualSpacing/>";
    out.push_str(&paragraph(
        "ListBullet",
        "List Bullet",
        &format!("<w:numPr><w:numId w:val=\"1\"/></w:numPr>{tight}"),
        "",
    ));
    out.push_str(&paragraph("ListNumber", "List Number", tight, ""));
    out.push_str(&paragraph(
        "Quote",
        "Quote",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"CCCCD4\"/></w:pBdr><w:ind w:left=\"240\"/>",
        "<w:rPr><w:i/><w:color w:val=\"545460\"/></w:rPr>",
    ));
    out.push_str(&paragraph(
        "Caption",
        "caption",
        "<w:jc w:val=\"center\"/>",
        &font(f, &f.body, size, 0.85, &format!("<w:i/><w:color w:val=\"{GREY}\"/>")),
    ));
    out.push_str(&paragraph(
        "Callout",
        "Callout",
        &format!("{CALLOUT_BOX}<w:spacing w:after=\"0\"/><w:ind w:left=\"144\" w:right=\"144\"/>"),
        "",
    ));
    out.push_str(&paragraph(
        "Code",
        "Code",
        "<w:keepLines/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F4F6\"/><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>",
        &font(f, &f.mono, size, 0.85, "<w:color w:val=\"262B33\"/>"),
    ));
    for (step, scale) in table_scales().into_iter().enumerate() {
        let [(text, text_name), (heading, heading_name)] = [false, true].map(|head| table_style(head, step));
        let ppr = format!("{HYPHENATED}<w:spacing w:after=\"0\"/>");
        out.push_str(&paragraph(&text, &text_name, &ppr, &font(f, &f.body, size, scale, "")));
        out.push_str(&paragraph(
            &heading,
            &heading_name,
            &format!("<w:keepNext/>{ppr}"),
            &font(f, &f.heading, size, scale, &bold("FFFFFF")),
        ));
    }
    out.push_str(&paragraph(
        "TableEnd",
        "Table End",
        "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>",
        "",
    ));
    out.push_str(&paragraph(
        "FootnoteText",
        "footnote text",
        "<w:spacing w:after=\"0\"/>",
        &font(f, &f.body, size, 0.85, ""),
    ));
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        out.push_str(&paragraph(
            id,
            name,
            "<w:spacing w:after=\"0\"/>",
            &font(f, &f.heading, size, 0.8, &format!("<w:color w:val=\"{GREY}\"/>")),
        ));
    }
    out.push_str(&paragraph(
        "TOCHeading",
        "TOC Heading",
        "<w:keepNext/><w:spacing w:after=\"240\"/>",
        &font(f, &f.heading, size, 1.55, &bold(&accent)),
    ));
    for level in 1..=3u32 {
        let ppr = format!("<w:spacing w:after=\"60\"/><w:ind w:left=\"{}\"/>", (level - 1) * 240);
        out.push_str(&paragraph(&format!("TOC{level}"), &format!("toc {level}"), &ppr, ""));
    }
    out.push_str(&character(
        "Hyperlink",
        "Hyperlink",
        &format!("<w:color w:val=\"{accent}\"/><w:u w:val=\"single\"/>"),
    ));
    out.push_str(&character("FootnoteReference", "footnote reference", "<w:vertAlign w:val=\"superscript\"/>"));
    out.push_str(&character(
        "CodeChar",
        "Code Char",
        &format!("<w:rFonts w:ascii=\"{mono}\" w:hAnsi=\"{mono}\" w:cs=\"{mono}\"/><w:sz w:val=\"{}\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F4F6\"/>", (size * 1.76).round() as u32, mono = f.mono),
    ));
    out.push_str(
        "<w:style w:type=\"table\" w:styleId=\"Table\"><w:name w:val=\"Table\"/><w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D1D4DB\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D1D4DB\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D1D4DB\"/></w:tblBorders>\
         <w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    );
    out.push_str("</w:styles>");
    out
}

/// A character style.
fn character(id: &str, name: &str, rpr: &str) -> String {
    format!("<w:style w:type=\"character\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:rPr>{rpr}</w:rPr></w:style>")
}
