//! A reference document (`[docx] reference`), as pandoc's `--reference-doc`: a Word file whose
//! look the DOCX outputs take. Its `word/styles.xml` is used as it is, with folio's styles that
//! it lacks (by style id) added; its theme, which styles name fonts and colours through, and its
//! font table come along. Its text, numbering, headers and settings are not used. Word gives
//! built-in styles ids in the language of its menus (`berschrift1` for `heading 1` in German)
//! but names them in English, so a style of folio's that the reference has under another id is
//! added as a style based on the reference's.
//!
//! A reference made for pandoc's `--reference-doc` names some styles as pandoc does: body text
//! is "Body Text", code "Source Code" and "Verbatim Char", a block quote "Block Text". Body
//! paragraphs take "Body Text" where the reference has it (and "First Paragraph" after a
//! heading), and folio's code and quote styles it lacks are based on pandoc's, so that a
//! team's pandoc reference gives the look it gave.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Pandoc's style that stands for one of folio's, by folio's id: (folio's, pandoc's).
const PANDOC_STYLES: [(&str, &str); 3] = [("Code", "SourceCode"), ("CodeChar", "VerbatimChar"), ("Quote", "BlockText")];

/// Pandoc's style of body paragraphs.
const BODY_TEXT: &str = "BodyText";

/// Pandoc's style of the paragraph that opens the document or follows a heading.
const FIRST_PARAGRAPH: &str = "FirstParagraph";

/// The most bytes read of one part of the reference: a zip bomb stops here.
const MAX_PART_BYTES: u64 = 16 << 20;

/// What the outputs take from a reference document.
#[derive(Debug)]
pub struct Reference {
    /// `word/styles.xml` as the reference has it.
    styles: String,
    /// `word/theme/theme1.xml`, if it has one.
    pub theme: Option<String>,
    /// `word/fontTable.xml`, if it has one that embeds no font (whose files are not taken).
    pub font_table: Option<String>,
    /// The style of body paragraphs: pandoc's "Body Text" where the reference has it, else
    /// Normal (`None`).
    pub body_style: Option<&'static str>,
    /// The style of a body paragraph that opens the document or follows a heading: pandoc's
    /// "First Paragraph" where the reference has it and "Body Text".
    pub first_style: Option<&'static str>,
}

impl Reference {
    /// Reads the parts of a reference document; the error says what is wrong with it.
    pub fn read(bytes: &[u8]) -> Result<Reference, String> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a Word document ({e})"))?;
        let styles =
            part(&mut zip, "word/styles.xml")?.ok_or("not a Word document with styles (no word/styles.xml)")?;
        if !styles.contains("</w:styles>") {
            return Err("its word/styles.xml has no <w:styles> element".into());
        }
        let theme = part(&mut zip, "word/theme/theme1.xml")?;
        let font_table = part(&mut zip, "word/fontTable.xml")?.filter(|table| !table.contains("w:embed"));
        Ok(Reference::new(styles, theme, font_table))
    }

    fn new(styles: String, theme: Option<String>, font_table: Option<String>) -> Reference {
        let has = |id: &str| {
            style_blocks(&styles)
                .any(|(of, block)| of == id && kind_and_name(block).is_some_and(|(kind, _)| kind == "paragraph"))
        };
        let body_style = has(BODY_TEXT).then_some(BODY_TEXT);
        let first_style = (body_style.is_some() && has(FIRST_PARAGRAPH)).then_some(FIRST_PARAGRAPH);
        Reference { styles, theme, font_table, body_style, first_style }
    }

    /// `word/styles.xml`: the reference's, with each style of `ours` whose id it lacks added,
    /// as a style based on the reference's where it has one of that type and name, or pandoc's
    /// style for it.
    pub fn styles(&self, ours: &str) -> String {
        let theirs: BTreeMap<&str, Option<&str>> =
            style_blocks(&self.styles).map(|(id, block)| (id, kind_and_name(block).map(|(kind, _)| kind))).collect();
        let by_name: BTreeMap<(&str, String), &str> =
            style_blocks(&self.styles).filter_map(|(id, block)| Some((kind_and_name(block)?, id))).collect();
        let pandoc = |id: &str, kind: &str| {
            let (_, alias) = PANDOC_STYLES.iter().find(|(folio, _)| *folio == id)?;
            (theirs.get(alias).copied().flatten() == Some(kind)).then_some(*alias)
        };
        let added: String = style_blocks(ours)
            .filter(|(id, _)| !theirs.contains_key(id))
            .map(|(id, block)| {
                let based_on = kind_and_name(block)
                    .and_then(|key| Some((by_name.get(&key).copied().or_else(|| pandoc(id, key.0))?, key)));
                match based_on {
                    Some((based_on, (kind, name))) => format!(
                        "<w:style w:type=\"{kind}\" w:styleId=\"{id}\"><w:name w:val=\"{name} (folio)\"/><w:basedOn w:val=\"{based_on}\"/></w:style>"
                    ),
                    None => block.to_string(),
                }
            })
            .collect();
        let end = self.styles.rfind("</w:styles>").unwrap_or(self.styles.len());
        format!("{}{added}{}", &self.styles[..end], &self.styles[end..])
    }
}

/// The text of part `name`, `None` when the package has no such part.
fn part(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let Ok(file) = zip.by_name(name) else { return Ok(None) };
    let mut text = String::new();
    let read = file.take(MAX_PART_BYTES).read_to_string(&mut text);
    read.map_err(|e| format!("its {name} cannot be read ({e})"))?;
    Ok(Some(text))
}

/// A style's type and its name in lower case (Word's built-in names are, in any language).
fn kind_and_name(block: &str) -> Option<(&str, String)> {
    let open = &block[..block.find('>')?];
    let kind = open.split("w:type=\"").nth(1)?.split('"').next()?;
    let name = block.split("<w:name w:val=\"").nth(1)?.split('"').next()?;
    Some((kind, name.to_lowercase()))
}

/// Each `<w:style>` element of a styles part: its `w:styleId` and its text.
fn style_blocks(xml: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        let start = rest.find("<w:style ")?;
        let end = rest[start..].find("</w:style>").map(|e| start + e + "</w:style>".len())?;
        let block = &rest[start..end];
        rest = &rest[end..];
        let open = &block[..block.find('>').unwrap_or(block.len())];
        if let Some(id) = open.split("w:styleId=\"").nth(1).and_then(|v| v.split('"').next()) {
            return Some((id, block));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_references_styles_win_and_ours_fill_in() {
        let reference = Reference::new(
            "<w:styles x=\"1\"><w:docDefaults/><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>".into(),
            None,
            None,
        );
        let ours = "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"ours\"/></w:style>\
                    <w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/></w:style></w:styles>";
        let merged = reference.styles(ours);
        assert_eq!(
            merged,
            "<w:styles x=\"1\"><w:docDefaults/><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/></w:style></w:styles>"
        );
    }

    #[test]
    fn what_is_not_a_word_document_is_said() {
        assert!(Reference::read(b"not a zip").unwrap_err().contains("not a Word document"));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(Reference::read(&bytes).unwrap_err().contains("no word/styles.xml"));
    }

    #[test]
    fn a_style_the_reference_has_under_another_id_is_based_on_its() {
        let reference = Reference::new(
            "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:type=\"character\" w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/></w:style></w:styles>"
                .into(),
            None,
            None,
        );
        let ours = "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr/></w:style>\
                    <w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/></w:style></w:styles>";
        let merged = reference.styles(ours);
        assert!(merged.contains("<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1 (folio)\"/><w:basedOn w:val=\"berschrift1\"/></w:style>"), "{merged}");
        // A paragraph style is not based on a character style of the same name.
        assert!(
            merged.contains("<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/></w:style>"),
            "{merged}"
        );
    }
}
