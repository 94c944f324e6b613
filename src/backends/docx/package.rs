//! The package around a Word document: `word/document.xml` written as its body comes, then
//! the parts it refers to (styles, numbering, footnotes, settings, header, footer, images),
//! the relationships, the document properties and `[Content_Types].xml`, in a fixed order
//! with fixed entry times.

use super::ids::Refs;
use super::lists::numbering_xml;
use super::notes::footnotes_xml;
use super::section::{footer_xml, header_xml, section_properties, settings_xml};
use super::styles::styles_xml;
use super::Env;
use crate::backends::ooxml::{
    content_types, core, relationships, zip_options, CoreProperties, CORE_PROPERTIES, DECLARATION,
};
use std::io::{Cursor, Write};
use zip::result::ZipResult;
use zip::ZipWriter;

/// The namespaces of a WordprocessingML part: `w:`, `r:`, and the drawing ones of images.
pub const NAMESPACES: &str = concat!(
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" ",
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
);

const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/// A Word document being written in memory.
pub struct DocxWriter {
    zip: ZipWriter<Cursor<Vec<u8>>>,
}

impl DocxWriter {
    /// Starts a document: the opening of `word/document.xml`.
    pub fn new() -> ZipResult<Self> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip_options(usize::MAX))?;
        zip.write_all(format!("{DECLARATION}<w:document {NAMESPACES}><w:body>").as_bytes())?;
        Ok(DocxWriter { zip })
    }

    /// Writes the next stretch of the body.
    pub fn body(&mut self, xml: &str) -> ZipResult<()> {
        Ok(self.zip.write_all(xml.as_bytes())?)
    }

    /// Closes the body and writes every other part; returns the file's bytes.
    pub fn finish(mut self, refs: Refs, env: &Env, properties: &CoreProperties) -> ZipResult<Vec<u8>> {
        let (theme, assets) = (env.theme, env.assets);
        self.body(&format!("{}</w:body></w:document>", section_properties(theme)))?;
        let app = format!(
            "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
             <Application>folio</Application></Properties>"
        );
        let links: Vec<(String, &str, String)> =
            refs.links.iter().map(|(target, id)| (id.clone(), "hyperlink", target.clone())).collect();
        let images = refs.media.values().map(|m| (m.rel.clone(), "image", m.name.clone()));
        let mut document_rels = vec![
            ("rIdStyles".to_string(), "styles", "styles.xml".to_string()),
            ("rIdNumbering".to_string(), "numbering", "numbering.xml".to_string()),
            ("rIdFootnotes".to_string(), "footnotes", "footnotes.xml".to_string()),
            ("rIdSettings".to_string(), "settings", "settings.xml".to_string()),
            ("rIdHeader".to_string(), "header", "header1.xml".to_string()),
            ("rIdFooter".to_string(), "footer", "footer1.xml".to_string()),
        ];
        // Footnotes refer to links and images by the same ids as the body.
        let note_rels: Vec<(String, &str, String)> = links.iter().cloned().chain(images).collect();
        document_rels.extend(note_rels.iter().cloned());
        let styles = styles_xml(theme, env.families, properties.language);
        let styles = match env.reference {
            Some(reference) => reference.styles(&styles),
            None => styles,
        };
        let taken = taken_parts(env, &mut document_rels);
        let mut parts: Vec<(&str, String, String)> = vec![
            ("word/_rels/document.xml.rels", String::new(), relationships(&document_rels)),
            ("word/styles.xml", format!("{WML}styles+xml"), styles),
            ("word/numbering.xml", format!("{WML}numbering+xml"), numbering_xml(&refs.ordered)),
            ("word/footnotes.xml", format!("{WML}footnotes+xml"), footnotes_xml(&refs.notes)),
            ("word/_rels/footnotes.xml.rels", String::new(), relationships(&note_rels)),
            ("word/settings.xml", format!("{WML}settings+xml"), settings_xml()),
            ("word/header1.xml", format!("{WML}header+xml"), header_xml(properties.title)),
            ("word/footer1.xml", format!("{WML}footer+xml"), footer_xml()),
            (
                "docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml".into(),
                core(properties),
            ),
            ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(), app),
            ("_rels/.rels", String::new(), root_rels()),
        ];
        parts.extend(taken);
        for (name, _, xml) in &parts {
            self.zip.start_file(*name, zip_options(xml.len()))?;
            self.zip.write_all(xml.as_bytes())?;
        }
        let mut types: Vec<(String, String)> = vec![("word/document.xml".into(), format!("{WML}document.main+xml"))];
        types.extend(parts.iter().map(|(name, kind, _)| (name.to_string(), kind.clone())));
        for (key, media) in &refs.media {
            let bytes = env.drawn.get(key).or(assets.get(key)).map_or(&[][..], Vec::as_slice);
            let name = format!("word/{}", media.name);
            // Images are compressed already.
            self.zip.start_file(name.as_str(), zip_options(0))?;
            self.zip.write_all(bytes)?;
            let ext = media.name.rsplit('.').next().unwrap_or_default();
            types.push((name, format!("image/{ext}")));
        }
        let types = content_types(types.iter().map(|(name, kind)| (name.as_str(), kind.clone())));
        self.zip.start_file("[Content_Types].xml", zip_options(types.len()))?;
        self.zip.write_all(types.as_bytes())?;
        Ok(self.zip.finish()?.into_inner())
    }
}

/// The parts taken from the reference document, if there is one (its theme and font table,
/// which its styles name), their relationships added to `rels`.
fn taken_parts(env: &Env, rels: &mut Vec<(String, &str, String)>) -> Vec<(&'static str, String, String)> {
    let Some(reference) = env.reference else { return Vec::new() };
    let theme_type = "application/vnd.openxmlformats-officedocument.theme+xml".to_string();
    let parts = [
        ("rIdTheme", "theme", "word/theme/theme1.xml", theme_type, &reference.theme),
        ("rIdFontTable", "fontTable", "word/fontTable.xml", format!("{WML}fontTable+xml"), &reference.font_table),
    ];
    let mut taken = Vec::new();
    for (id, kind, name, content_type, xml) in parts {
        if let Some(xml) = xml {
            rels.push((id.to_string(), kind, name["word/".len()..].to_string()));
            taken.push((name, content_type, xml.clone()));
        }
    }
    taken
}

/// `_rels/.rels`.
fn root_rels() -> String {
    relationships(&[
        ("rId1".to_string(), "officeDocument", "word/document.xml".to_string()),
        ("rId2".to_string(), CORE_PROPERTIES, "docProps/core.xml".to_string()),
        ("rId3".to_string(), "extended-properties", "docProps/app.xml".to_string()),
    ])
}
