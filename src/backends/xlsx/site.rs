//! The site workbook's own sheets: `Matrix` (categories × roles, when the site has lists
//! of skills by category), `Levels` (skills × roles, when it has proficiency tables), `Skills` (the tidy long form) and `Index`.

use super::limits::{clip, note_cut, MAX_COLUMNS, MAX_ROWS};
use super::measure::Measured;
use super::sheet::Writer;
use super::skills::{Role, SkillRow};
use super::style::{best_scale, end_rows, frame, heat_map, Grid, Styles};
use crate::diag::Diagnostic;
use rust_xlsxwriter::{Table, TableColumn, TableStyle, Url, Worksheet, XlsxError};

use std::collections::{BTreeMap, HashMap};

/// Fill of the first column of a pivot.
const KEY_FILL: u32 = 0xEDF1F9;
/// Width of a role column in the pivots, in characters.
const ROLE_WIDTH: f64 = 28.0;

/// Role columns in the order of the source tables' columns: a role where it first comes, by
/// table and then by column (for a page's list of skills, the page's place in reading order).
fn roles<'a>(rows: impl Iterator<Item = &'a SkillRow>) -> Vec<&'a Role> {
    let mut first: HashMap<(&str, &str, Option<usize>), (usize, usize)> = HashMap::new();
    let mut roles: Vec<&Role> = Vec::new();
    for row in rows {
        let place = first.entry(row.role.key()).or_insert_with(|| {
            roles.push(&row.role);
            row.column
        });
        *place = (*place).min(row.column);
    }
    roles.sort_by_key(|r| first[&r.key()]);
    roles
}

/// A role's column header: its name, and its track in brackets when another role of a track
/// of its own has the same name.
fn column_name(role: &Role, roles: &[&Role]) -> String {
    let shared = roles.iter().any(|r| r.name == role.name && r.track != role.track);
    if shared && !role.track.is_empty() {
        format!("{} ({})", role.name, role.track)
    } else {
        role.name.clone()
    }
}

/// A pivot of `rows`: one line per key (in the order first met), one column per role, each cell
/// the role's values for that key joined with `", "`. What a sheet cannot hold is left out with
/// a warning. Returns the number of lines and columns.
fn pivot<'a>(
    sheet: &mut Worksheet,
    corner: &str,
    rows: &[&'a SkillRow],
    (key, value): (impl Fn(&'a SkillRow) -> &'a str, impl Fn(&'a SkillRow) -> &'a str),
    out: &mut Writer,
) -> Result<(u32, u16), XlsxError> {
    let mut roles = roles(rows.iter().copied());
    roles.truncate(MAX_COLUMNS - 1);
    let columns: HashMap<(&str, &str, Option<usize>), usize> =
        roles.iter().enumerate().map(|(c, r)| (r.key(), c)).collect();
    let mut lines: HashMap<&str, usize> = HashMap::new();
    let mut cells: BTreeMap<(usize, usize), Vec<&SkillRow>> = BTreeMap::new();
    let mut left_out = Vec::new();
    let mut grid = Grid::default();
    sheet.write_string_with_format(0, 0, clip(corner), &out.styles.header)?;
    grid.fit(0, 0, Measured::text(corner, true));
    let key_format = out.styles.header.clone().set_background_color(KEY_FILL);
    for row in rows {
        let next = lines.len();
        let line = *lines.entry(key(row)).or_insert(next);
        let fits = line < MAX_ROWS as usize - 1;
        if line == next && fits {
            sheet.write_string_with_format(line as u32 + 1, 0, clip(key(row)), &key_format)?;
            grid.fit(line as u32 + 1, 0, Measured::text(key(row), true));
        }
        match columns.get(&row.role.key()) {
            Some(&column) if fits => cells.entry((line, column)).or_default().push(row),
            _ => left_out.push(*row),
        }
    }
    for (c, role) in roles.iter().enumerate() {
        let header = column_name(role, &roles);
        sheet.write_string_with_format(0, c as u16 + 1, clip(&header), &out.styles.header)?;
        grid.fit(0, c + 1, Measured::text(&header, true));
        grid.fix(c + 1, ROLE_WIDTH);
    }
    let name = sheet.name();
    for ((line, column), values) in cells {
        let text = values.iter().map(|r| value(r)).collect::<Vec<_>>().join(", ");
        grid.fit(line as u32 + 1, column + 1, Measured::text(&text, false));
        let fitted = note_cut(sheet, (line as u32 + 1, column as u16 + 1), &text)?;
        sheet.write_string_with_format(line as u32 + 1, column as u16 + 1, fitted.cell, &out.styles.text)?;
        if let Some(warning) = fitted.warning {
            let message =
                format!("on the sheet `{name}`, the cell of {} for {}: {warning}", key(values[0]), roles[column].name);
            out.warnings.push(Diagnostic::warning(&values[0].source, 0, 0, message));
        }
    }
    if let Some(first) = left_out.first() {
        let message = format!(
            "the sheet `{name}` is full ({MAX_ROWS} rows, {MAX_COLUMNS} columns): {} of its values are left out, from this page on",
            left_out.len()
        );
        out.warnings.push(Diagnostic::warning(&first.source, 0, 0, message));
    }
    grid.apply(sheet, out.config.max_column_width)?;
    frame(sheet, true, out.config.paper)?;
    Ok((lines.len().min(MAX_ROWS as usize - 1) as u32, roles.len() as u16))
}

/// `Matrix`: for every category, each role's skills.
pub fn matrix(sheet: &mut Worksheet, rows: &[SkillRow], out: &mut Writer) -> Result<(), XlsxError> {
    let lists: Vec<&SkillRow> = rows.iter().filter(|r| r.level.is_none()).collect();
    let config = out.config;
    pivot(sheet, &config.category_column, &lists, (|r| &r.category, |r| &r.skill), out)?;
    Ok(())
}

/// `Levels`: for every skill of the proficiency tables, each role's level, as a heat-map.
pub fn levels(sheet: &mut Worksheet, rows: &[&SkillRow], out: &mut Writer) -> Result<(), XlsxError> {
    let config = out.config;
    let (last_row, last_col) =
        pivot(sheet, &config.skill_column, rows, (|r| &r.skill, |r| r.level.as_deref().unwrap_or_default()), out)?;
    if let Some(scale) = best_scale(&out.config.scales, rows.iter().filter_map(|r| r.level.as_deref())) {
        heat_map(sheet, (1, 1), (last_row, last_col), scale)?;
    }
    Ok(())
}

/// The columns of the `Skills` sheet.
const SKILL_COLUMNS: [&str; 7] = ["Track", "Role", "Order", "Category", "Skill", "Level", "Source page"];

/// `Skills`: one row per skill of a role, as a worksheet table with an autofilter. Written a
/// row at a time (the sheet may be in constant-memory mode): the widths are measured first.
pub fn tidy(sheet: &mut Worksheet, rows: &[SkillRow], out: &mut Writer) -> Result<(), XlsxError> {
    let rows = fit_rows(sheet, rows, |r| &r.source, out);
    let (styles, config) = (out.styles, out.config);
    let texts = |row: &'_ SkillRow| -> [String; 7] {
        let order = row.role.order.map(|o| o.to_string()).unwrap_or_default();
        let level = row.level.clone().unwrap_or_default();
        [
            row.role.track.clone(),
            row.role.name.clone(),
            order,
            row.category.clone(),
            row.skill.clone(),
            level,
            row.source.clone(),
        ]
    };
    let mut grid = Grid::default();
    for (c, name) in SKILL_COLUMNS.iter().enumerate() {
        grid.measure(c, &Measured::text(name, true));
    }
    for row in rows {
        for (c, text) in texts(row).iter().enumerate() {
            grid.measure(c, &Measured::text(text, false));
        }
    }
    let widths = grid.set_widths(sheet, config.max_column_width)?;
    // The table (which writes the header row) comes first: in constant-memory mode a row
    // cannot be written again once the next one is.
    let last_col = SKILL_COLUMNS.len() as u16 - 1;
    if rows.is_empty() {
        for (c, name) in SKILL_COLUMNS.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *name, &styles.header)?;
        }
        sheet.autofilter(0, 0, 0, last_col)?;
    } else {
        let columns: Vec<TableColumn> = SKILL_COLUMNS
            .iter()
            .map(|name| TableColumn::new().set_header(*name).set_header_format(&styles.header))
            .collect();
        let table = Table::new().set_name("Skills").set_columns(&columns).set_style(TableStyle::Light9);
        sheet.add_table(0, 0, rows.len() as u32, last_col, &table)?;
    }
    let mut tall = false;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let texts = texts(row);
        tall = Grid::size_row(sheet, r, &widths, &Measured::all(&texts))?;
        for (c, text) in texts.iter().enumerate().take(6).filter(|(c, t)| *c != 2 && !t.is_empty()) {
            sheet.write_string_with_format(r, c as u16, clip(text), &styles.text)?;
        }
        if let Some(order) = row.role.order {
            sheet.write_number_with_format(r, 2, order as f64, &styles.text)?;
        }
        link(sheet, (r, 6), &row.source, config.page_url(&row.page, None).as_deref(), styles)?;
    }
    end_rows(sheet, rows.len() as u32, tall, styles)?;
    frame(sheet, false, config.paper)?;
    Ok(())
}

/// One line of the `Index` sheet.
pub struct Entry {
    /// The sheet, if the workbook holds one for this line (the tables of a large site beyond
    /// the first few hundred are only in their pages' workbooks).
    pub sheet: Option<String>,
    pub page: String,
    pub heading: String,
    /// The source file, and the address it links to if any.
    pub source: Option<(String, Option<String>)>,
    /// The per-document workbook, relative to the site workbook.
    pub workbook: Option<String>,
}

const INDEX_COLUMNS: [&str; 5] = ["Sheet", "Page", "Table", "Source page", "Page workbook"];

/// What the `Sheet` column shows for a table that has no sheet in the site workbook.
const NO_SHEET: &str = "(page workbook)";

/// `Index`: every sheet with a link to it, the page and heading it comes from, and links to the
/// source page and the page's own workbook. Written a row at a time, like [`tidy`].
pub fn index(sheet: &mut Worksheet, entries: &[Entry], out: &mut Writer) -> Result<(), XlsxError> {
    let entries = fit_rows(sheet, entries, |e| e.source.as_ref().map_or("", |(s, _)| s), out);
    let (styles, config) = (out.styles, out.config);
    let texts = |entry: &'_ Entry| -> [String; 5] {
        [
            entry.sheet.clone().unwrap_or_else(|| NO_SHEET.to_string()),
            entry.page.clone(),
            entry.heading.clone(),
            entry.source.as_ref().map(|(s, _)| s.clone()).unwrap_or_default(),
            entry.workbook.clone().unwrap_or_default(),
        ]
    };
    let mut grid = Grid::default();
    for (c, name) in INDEX_COLUMNS.iter().enumerate() {
        grid.measure(c, &Measured::text(name, true));
    }
    for entry in entries {
        for (c, text) in texts(entry).iter().enumerate() {
            grid.measure(c, &Measured::text(text, false));
        }
    }
    let widths = grid.set_widths(sheet, config.max_column_width)?;
    for (c, name) in INDEX_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &styles.header)?;
    }
    sheet.autofilter(0, 0, entries.len() as u32, INDEX_COLUMNS.len() as u16 - 1)?;
    let mut tall = false;
    for (r, entry) in entries.iter().enumerate() {
        let r = r as u32 + 1;
        let texts = texts(entry);
        tall = Grid::size_row(sheet, r, &widths, &Measured::all(&texts))?;
        let target = entry.sheet.as_ref().map(|name| format!("internal:'{}'!A1", name.replace('\'', "''")));
        link(sheet, (r, 0), &texts[0], target.as_deref(), styles)?;
        sheet.write_string_with_format(r, 1, clip(&entry.page), &styles.text)?;
        sheet.write_string_with_format(r, 2, clip(&entry.heading), &styles.text)?;
        if let Some((source, url)) = &entry.source {
            link(sheet, (r, 3), source, url.as_deref(), styles)?;
        }
        if let Some(workbook) = &entry.workbook {
            link(sheet, (r, 4), workbook, Some(&format!("file:///{workbook}")), styles)?;
        }
    }
    end_rows(sheet, entries.len() as u32, tall, styles)?;
    frame(sheet, false, config.paper)?;
    Ok(())
}

/// `text` linking to `url`, or plain text without one (or if Excel cannot take the address).
fn link(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    text: &str,
    url: Option<&str>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let text = clip(text);
    if let Some(url) = url {
        if sheet.write_url_with_format(row, col, Url::new(url).set_text(text), &styles.link).is_ok() {
            return Ok(());
        }
    }
    sheet.write_string_with_format(row, col, text, &styles.text)?;
    Ok(())
}

/// The first `rows` that fit below a header row, with a warning at the page of the first one
/// left out, if any.
fn fit_rows<'r, T>(sheet: &mut Worksheet, rows: &'r [T], source: impl Fn(&T) -> &str, out: &mut Writer) -> &'r [T] {
    let (kept, left) = rows.split_at(rows.len().min(MAX_ROWS as usize - 1));
    if let Some(first) = left.first() {
        let message = format!(
            "the sheet `{}` is full: its last {} rows are left out, from this page on",
            sheet.name(),
            left.len()
        );
        out.warnings.push(Diagnostic::warning(source(first), 0, 0, message));
    }
    kept
}
