//! The XMP metadata of a PDF: what the document information says (title, author, subject,
//! keywords, dates, producer), in the same words, and the standards the file claims
//! (`pdfuaid`, `pdfaid`). PDF/A wants the two in agreement, and an extension schema for
//! `pdfuaid`, which is not one of its own.

use super::info::{Info, PRODUCER};
use crate::config::Standards;
use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};

/// The XMP packet of a document described by `info` that keeps `standards`.
pub fn metadata(info: &Info, standards: Standards) -> String {
    let mut xmp = XmpWriter::new();
    xmp.title([(None, info.title.as_str())]);
    if let Some(author) = info.author.as_deref().filter(|a| !a.is_empty()) {
        xmp.creator([author]);
    }
    xmp.language([LangId(info.lang.as_deref().unwrap_or("en"))]);
    xmp.producer(PRODUCER).creator_tool("folio");
    if standards.ua {
        xmp.pdfua_part(1);
    }
    if let Some(pdfa) = standards.archive {
        // The information dictionary's other entries, which PDF/A wants here too.
        if let Some(subject) = info.subject.as_deref().filter(|s| !s.is_empty()) {
            xmp.description([(None, subject)]);
        }
        if let Some(keywords) = info.keywords.as_deref().filter(|k| !k.is_empty()) {
            xmp.pdf_keywords(keywords);
        }
        if let Some(date) = info.date {
            let date = DateTime {
                year: date.year as u16,
                month: Some(date.month as u8),
                day: Some(date.day as u8),
                hour: Some(date.hour as u8),
                minute: Some(date.minute as u8),
                second: Some(date.second as u8),
                timezone: Some(Timezone::Utc),
            };
            xmp.create_date(date).modify_date(date);
        }
        xmp.pdfa_part(pdfa.part).pdfa_conformance(&pdfa.conformance.to_string());
        if standards.ua {
            xmp.extension_schemas().pdfua_id().properties().describe_part();
        }
    }
    xmp.finish(None)
}
