//! Whole workbooks: the site workbook and the per-page workbooks, with fixed document
//! properties so the same input gives the same bytes.

use super::config::XlsxConfig;
use super::names::{cut_at_word, title, SheetNames, MAX_LEN};
use super::sheet::{write_stacked, write_table, Writer};
use super::site::{self, Entry};
use super::skills::extract_page;
use super::source::{tables, SourceTable};
use super::style::Styles;
use crate::backends::batch::{batch_size, ordered};
use crate::backends::Artifact;
use crate::diag::Diagnostic;
use crate::ir::{slugify, Collection, Document};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The creation time written when `SOURCE_DATE_EPOCH` is not set: 2000-01-01 00:00:00 UTC.
const FIXED_EPOCH: i64 = 946_684_800;

/// A workbook and the warnings about what was cut to fit it.
pub type Made = (Artifact, Vec<Diagnostic>);

/// Document properties shared by every workbook of a run.
pub struct Meta {
    pub created: ExcelDateTime,
    pub author: String,
    /// The workbook's default font, `[fonts] body` (Excel's own when not set).
    pub font: Option<String>,
}

/// The creation time from `SOURCE_DATE_EPOCH` (seconds since 1970), else a fixed date.
pub fn creation_time(epoch: Option<i64>) -> ExcelDateTime {
    epoch
        .and_then(|seconds| ExcelDateTime::from_timestamp(seconds).ok())
        .unwrap_or_else(|| ExcelDateTime::from_timestamp(FIXED_EPOCH).expect("a valid fixed date"))
}

/// A workbook titled `title`, zipped at level 1 like the PPTX and DOCX parts (level 6, the
/// default, was most of the XLSX time for a few percent smaller files).
fn workbook(title: &str, meta: &Meta) -> Workbook {
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(1);
    if let Some(font) = &meta.font {
        // Excel's default row height and column width (in pixels) for an 11-point font; it
        // cannot fail before the first sheet is added.
        let _ = workbook.set_default_format(&Format::new().set_font_name(font).set_font_size(11), 20, 64);
    }
    let properties =
        DocProperties::new().set_title(title).set_author(&meta.author).set_creation_datetime(&meta.created);
    workbook.set_properties(&properties);
    workbook
}

fn named(name: &str) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    Ok(sheet)
}

/// The file name of the site workbook: `<slug of the site title>-skills.xlsx`.
pub fn site_file(collection: &Collection) -> String {
    let slug = slugify(&collection.title);
    format!("{}-skills.xlsx", if slug.is_empty() { "site" } else { &slug })
}

/// The path of a page's workbook in the output folder.
pub fn page_file(doc: &Document) -> String {
    format!("xlsx/{}.xlsx", crate::ir::output_stem(&doc.id))
}

/// The site workbook. Its long sheets (`Skills`, `Index`) are written in rust_xlsxwriter's
/// constant-memory mode, a row at a time through a temporary file, so that a site of thousands
/// of pages does not hold their cells; and it holds a sheet for the first
/// `site_table_sheets` tables only (the Index lists every table and its page's workbook).
pub fn site(collection: &Collection, config: &XlsxConfig, meta: &Meta) -> Result<Made, XlsxError> {
    let styles = Styles::default();
    let mut warnings = Vec::new();
    // One pass over the documents, their bodies thawed a batch at a time in parallel (thawing
    // them one by one was most of this workbook's time): their skills, and every table.
    let (mut skills, mut found) = (Vec::new(), Vec::new());
    let docs: Vec<(usize, &Document)> = collection.documents.iter().enumerate().collect();
    let thawed = ordered(
        &docs,
        batch_size(),
        |&(d, doc)| (d, doc, doc.body()),
        |(d, doc, body)| {
            let page_tables = tables(&body, &doc.source);
            extract_page(collection, config, (d, doc), &page_tables, &mut skills);
            for (i, table) in page_tables.iter().enumerate() {
                let source = Some((doc.source.clone(), config.page_url(&doc.id, table.anchor)));
                found.push((d, i, table_title(table, i), source));
            }
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(()) = thawed;
    let levels: Vec<_> = skills.iter().filter(|r| r.level.is_some()).collect();
    let mut names = SheetNames::default();
    let mut entries = Vec::new();
    let mut own = |name: &str, heading: &str, entries: &mut Vec<Entry>| {
        let name = names.claim(name);
        let sheet = Some(name.clone());
        entries.push(Entry { sheet, page: String::new(), heading: heading.into(), source: None, workbook: None });
        name
    };
    let has_lists = skills.iter().any(|r| r.level.is_none());
    let matrix_name = has_lists.then(|| own("Matrix", "Skills by category and role", &mut entries));
    let levels_name = (!levels.is_empty()).then(|| own("Levels", "Proficiency by skill and role", &mut entries));
    let tidy_name = own("Skills", "One row per skill of a role", &mut entries);
    let index_name = own("Index", "Every sheet of this workbook", &mut entries);
    // Every table of every page, with a sheet for the first ones.
    let mut kept = Vec::new();
    for (d, i, heading, source) in found {
        let doc = &collection.documents[d];
        let sheet = (kept.len() < config.site_table_sheets).then(|| names.claim(&title(doc.label(), &heading)));
        let workbook = Some(page_file(doc));
        entries.push(Entry { sheet: sheet.clone(), page: doc.title.clone(), heading, source, workbook });
        if let Some(name) = sheet {
            kept.push((d, i, name));
        }
    }
    let mut workbook = workbook(&format!("{} — skills", collection.title), meta);
    let mut out = Writer { styles: &styles, config, warnings: &mut warnings };
    if let Some(name) = matrix_name {
        let mut matrix = named(&name)?;
        site::matrix(&mut matrix, &skills, &mut out)?;
        workbook.push_worksheet(matrix);
    }
    if let Some(name) = levels_name {
        let mut sheet = named(&name)?;
        site::levels(&mut sheet, &levels, &mut out)?;
        workbook.push_worksheet(sheet);
    }
    let tidy = workbook.add_worksheet_with_constant_memory()?;
    tidy.set_name(&tidy_name)?;
    site::tidy(tidy, &skills, &mut out)?;
    let index = workbook.add_worksheet_with_constant_memory()?;
    index.set_name(&index_name)?;
    site::index(index, &entries, &mut out)?;
    // The kept tables' documents are read again, one at a time, rather than held.
    for group in kept.chunk_by(|a, b| a.0 == b.0) {
        let body = collection.documents[group[0].0].body();
        let source = &collection.documents[group[0].0].source;
        let page_tables = tables(&body, source);
        for (_, i, name) in group {
            let mut sheet = named(name)?;
            write_table(&mut sheet, &page_tables[*i], &mut out)?;
            workbook.push_worksheet(sheet);
        }
    }
    Ok((Artifact::for_site(site_file(collection), workbook.save_to_buffer()?), warnings))
}

/// A page's own workbook, or `None` for a page without tables: a sheet for each of the first
/// `page_table_sheets` tables and, for a page with more, a last sheet `More tables` holding the
/// rest one under another, written a row at a time (constant memory) so that a page of
/// thousands of tables is not held as thousands of sheets.
pub fn page(doc: &Document, config: &XlsxConfig, meta: &Meta) -> Result<Option<Made>, XlsxError> {
    let body = doc.body();
    let page_tables = tables(&body, &doc.source);
    if page_tables.is_empty() {
        return Ok(None);
    }
    let styles = Styles::default();
    let mut warnings = Vec::new();
    let mut out = Writer { styles: &styles, config, warnings: &mut warnings };
    let mut names = SheetNames::default();
    let mut workbook = workbook(&doc.title, meta);
    let (own, rest) = page_tables.split_at(page_tables.len().min(config.page_table_sheets));
    for (i, table) in own.iter().enumerate() {
        let mut sheet = named(&names.claim(&cut_at_word(&table_title(table, i), MAX_LEN)))?;
        write_table(&mut sheet, table, &mut out)?;
        workbook.push_worksheet(sheet);
    }
    if !rest.is_empty() {
        let titled: Vec<_> = rest.iter().enumerate().map(|(i, t)| (table_title(t, own.len() + i), t.clone())).collect();
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        let name = names.claim("More tables");
        sheet.set_name(&name)?;
        write_stacked(sheet, &name, &titled, &mut out)?;
    }
    Ok(Some((Artifact::for_document(&doc.id, page_file(doc), workbook.save_to_buffer()?), warnings)))
}

/// The heading a table sits under, else `Table N` (counting from 1 within its page).
fn table_title(table: &SourceTable, i: usize) -> String {
    match table.heading.as_deref() {
        Some(heading) if !heading.is_empty() => heading.to_string(),
        _ => format!("Table {}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_time_comes_from_source_date_epoch_else_a_fixed_date() {
        assert_eq!(creation_time(None).to_excel(), 36526.0, "2000-01-01");
        assert_eq!(creation_time(Some(86_400)).to_excel(), 25570.0, "1970-01-02");
    }
}
