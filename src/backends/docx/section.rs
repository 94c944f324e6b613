//! The page of a Word document: size and margins from the `[pdf]` theme, a header with the
//! document's title from the second page, a footer "Page X of Y" made of PAGE and NUMPAGES
//! fields on every page; and `settings.xml`.

use super::blocks::run;
use super::package::NAMESPACES;
use crate::backends::ooxml::DECLARATION;
use crate::backends::print_theme::PdfTheme;

/// Twips in a point.
const TWIPS: f32 = 20.0;

/// The section properties closing the body: page size, margins, header and footer.
pub fn section_properties(theme: &PdfTheme) -> String {
    let (width, height) = theme.paper.size();
    let margin = (theme.margin_pt() * TWIPS).round() as u32;
    let edge = margin / 2;
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:footerReference w:type=\"first\" r:id=\"rIdFooter\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{margin}\" w:right=\"{margin}\" w:bottom=\"{margin}\" w:left=\"{margin}\" \
         w:header=\"{edge}\" w:footer=\"{edge}\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>",
        (width * TWIPS).round() as u32,
        (height * TWIPS).round() as u32
    )
}

/// `word/header1.xml`: the title.
pub fn header_xml(title: &str) -> String {
    let text = run(title, "");
    format!("{DECLARATION}<w:hdr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>{text}</w:p></w:hdr>")
}

/// `word/footer1.xml`: "Page X of Y", centred.
pub fn footer_xml() -> String {
    let field = |name: &str| format!("<w:fldSimple w:instr=\" {name} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
    format!(
        "{DECLARATION}<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
         {}{}{}{}</w:p></w:ftr>",
        run("Page ", ""),
        field("PAGE"),
        run(" of ", ""),
        field("NUMPAGES")
    )
}

/// `word/settings.xml`: hyphenation (for the paragraph styles that ask for it: a word wider than
/// a narrow table column is hyphenated, as in the PDF, rather than cut anywhere), tab stops, the footnote separators, and Word 2013+
/// compatibility.
pub fn settings_xml() -> String {
    format!(
        "{DECLARATION}<w:settings {NAMESPACES}><w:defaultTabStop w:val=\"720\"/><w:autoHyphenation/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" \
         w:val=\"15\"/></w:compat></w:settings>"
    )
}

/// A paragraph holding only a page break.
pub fn page_break() -> String {
    "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".to_string()
}
