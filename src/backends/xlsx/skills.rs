//! Skill extraction, a transform over the IR: the skill tables of every document as tidy rows
//! (one skill of one role per row), ready for a matrix, a pivot table or a chart.
//!
//! Two shapes are recognised under a heading containing `skill_heading` (default "Skill"):
//! `Category | Skills` (the skills a comma- or semicolon-separated list) and
//! `Skill | <role> | <role> …` (each cell that role's level in the skill; taken when a column
//! names a page or most cells are levels of a proficiency scale).

use super::config::XlsxConfig;
use super::source::SourceTable;
use super::style::holds_level;
use crate::ir::{plain_text, Cell, Collection, Document, Inline, LinkTarget};

/// One skill of one role.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRow {
    pub role: Role,
    pub category: String,
    pub skill: String,
    /// The role's level in the skill (`Skill | <role> …` tables only).
    pub level: Option<String>,
    /// Source file of the page the table is on, relative to the content root.
    pub source: String,
    /// Id of that page.
    pub page: String,
    /// Where the role's column is: the table's place among the site's skill tables, and the
    /// column's in that table (0 for a page's own list of skills).
    pub column: (usize, usize),
}

/// A role of the ladder: a document, or a column header that names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub name: String,
    /// Title of the role document's folder; for a role that names no document, the title of
    /// the page whose table names it (roles of two job families that share a name stay apart).
    pub track: String,
    pub order: Option<i64>,
    /// Position of the role's document in the collection; `None` when it names no document.
    pub rank: Option<usize>,
}

impl Role {
    /// What tells one role from another: its name, its track and its document.
    pub fn key(&self) -> (&str, &str, Option<usize>) {
        (&self.name, &self.track, self.rank)
    }
}

/// The shape of a skill table, with the columns that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `Category | Skills`: the indexes of the two columns.
    Lists { category: usize, skills: usize },
    /// `Skill | <role> | <role> …`.
    Levels,
}

/// The shape of `table` if it is a skill table under `config`'s rules.
fn shape(table: &SourceTable, config: &XlsxConfig) -> Option<Shape> {
    let heading = table.heading.as_deref()?.to_lowercase();
    if !heading.contains(&config.skill_heading.to_lowercase()) {
        return None;
    }
    let named = |name: &str| table.head.iter().position(|c| plain_text(c).trim().eq_ignore_ascii_case(name.trim()));
    if let (Some(category), Some(skills)) = (named(&config.category_column), named(&config.skills_column)) {
        return Some(Shape::Lists { category, skills });
    }
    (table.head.len() >= 2 && named(&config.skill_column) == Some(0)).then_some(Shape::Levels)
}

/// The skills of the `tables` of document `doc` (at `rank` in the collection), added to `out`
/// after those of the documents before it, in table order: called for every document in
/// ladder order, it gives every skill of the collection.
pub fn extract_page(
    collection: &Collection,
    config: &XlsxConfig,
    (rank, doc): (usize, &Document),
    tables: &[SourceTable],
    out: &mut Vec<SkillRow>,
) {
    for table in tables {
        let place = Place { doc, table, seq: out.last().map_or(0, |r: &SkillRow| r.column.0 + 1) };
        match shape(table, config) {
            Some(Shape::Lists { category, skills }) => lists(collection, rank, &place, (category, skills), out),
            Some(Shape::Levels) => levels(collection, &place, config, out),
            None => {}
        }
    }
}

/// A skill table and where it is: its page, and its place among the site's skill tables.
struct Place<'a> {
    doc: &'a Document,
    table: &'a SourceTable<'a>,
    seq: usize,
}

fn lists(
    collection: &Collection,
    rank: usize,
    place: &Place,
    (category_col, skills_col): (usize, usize),
    out: &mut Vec<SkillRow>,
) {
    let (doc, table) = (place.doc, place.table);
    let role = role_of(collection, rank);
    let mut category = String::new();
    for row in table.rows() {
        let named = cell_text(row, category_col).trim_end_matches(':').trim().to_string();
        if !named.is_empty() {
            category = named;
        }
        for skill in split_skills(&cell_text(row, skills_col)) {
            out.push(SkillRow {
                role: role.clone(),
                category: category.clone(),
                skill,
                level: None,
                source: doc.source.clone(),
                page: doc.id.clone(),
                column: (place.seq, 0),
            });
        }
    }
}

/// The levels of a `Skill | <role> …` table, if its columns are roles: at least one names a
/// page, or most of its cells are levels of a scale (so `Skill | Description` is no level table).
fn levels(collection: &Collection, place: &Place, config: &XlsxConfig, out: &mut Vec<SkillRow>) {
    let (doc, table) = (place.doc, place.table);
    let roles: Vec<Option<Role>> = table.head.iter().skip(1).map(|c| named_role(collection, doc, c)).collect();
    let cells: Vec<String> =
        table.rows().flat_map(|row| (1..=roles.len()).map(|c| cell_text(row, c))).filter(|t| !t.is_empty()).collect();
    let on_a_scale = cells.iter().filter(|t| config.scales.iter().flatten().any(|l| holds_level(l, t))).count();
    if !roles.iter().flatten().any(|r| r.rank.is_some()) && on_a_scale * 2 < cells.len().max(1) {
        return;
    }
    let category = table.heading.clone().unwrap_or_default();
    let mut skill = String::new();
    for row in table.rows() {
        let named = cell_text(row, 0);
        if !named.is_empty() {
            skill = named;
        }
        for (column, role) in roles.iter().enumerate() {
            let level = cell_text(row, column + 1);
            let Some(role) = role.as_ref().filter(|_| !level.is_empty() && !skill.is_empty()) else { continue };
            out.push(SkillRow {
                role: role.clone(),
                category: category.clone(),
                skill: skill.clone(),
                level: Some(level),
                source: doc.source.clone(),
                page: doc.id.clone(),
                column: (place.seq, column + 1),
            });
        }
    }
}

fn cell_text(row: &[Cell], column: usize) -> String {
    row.get(column).map(|c| plain_text(c).trim().to_string()).unwrap_or_default()
}

/// The role of the document at `rank`.
fn role_of(collection: &Collection, rank: usize) -> Role {
    let doc = &collection.documents[rank];
    let track = collection.folders.iter().find(|f| f.id == doc.folder).map(|f| f.title.clone()).unwrap_or_default();
    Role { name: doc.label().to_string(), track, order: doc.meta.order, rank: Some(rank) }
}

/// The role a column header names: the page it links to, else the page with that title, label
/// or other alias ("IC" for "Individual Contributor (IC)"), else the bare name in the track of
/// `doc`, the page whose table names it.
fn named_role(collection: &Collection, doc: &Document, cell: &Cell) -> Option<Role> {
    let text = plain_text(cell);
    let header = text.trim();
    if header.is_empty() {
        return None;
    }
    let linked = cell.iter().find_map(|inline| match inline {
        Inline::Link(link) => match &link.target {
            LinkTarget::Internal { doc, .. } => Some(doc.as_str()),
            _ => None,
        },
        _ => None,
    });
    let same = |s: &str| s.trim().eq_ignore_ascii_case(header);
    let names = |d: &Document| same(&d.title) || d.aliases().iter().any(|a| same(a));
    let found = match linked {
        Some(id) => collection.documents.iter().position(|d| d.id == id),
        None => collection.documents.iter().position(names),
    };
    match found {
        Some(rank) => Some(role_of(collection, rank)),
        None => Some(Role { name: header.to_string(), track: doc.title.clone(), order: None, rank: None }),
    }
}

/// Splits a skill list at commas and semicolons outside brackets: `"A, B (x, y); C."` gives
/// `A`, `B (x, y)` and `C`.
pub fn split_skills(list: &str) -> Vec<String> {
    let mut skills = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in list.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if (c == ',' || c == ';') && depth == 0 {
            skills.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    skills.push(current);
    skills.iter().map(|s| s.trim().trim_end_matches('.').trim().to_string()).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_outside_brackets() {
        assert_eq!(split_skills("A, B (x, y); C."), ["A", "B (x, y)", "C"]);
        assert_eq!(split_skills(" ; ,"), Vec::<String>::new());
        assert_eq!(split_skills("Unbalanced ) one, two"), ["Unbalanced ) one", "two"]);
    }
}
