//! `[xlsx]` in `folio.toml`: how skill tables are recognised and how the workbooks look.

pub use crate::config::Paper;
use serde::Deserialize;

/// The settings of the XLSX backend. Every key is optional.
///
/// ```toml
/// [xlsx]
/// skill_heading = "Skill"          # a skill table sits under a heading containing this
/// category_column = "Category"     # `Category | Skills` tables …
/// skills_column = "Skills"
/// skill_column = "Skill"           # … and `Skill | <role> | <role>` tables
/// scales = [["None", "Learning", "Proficient", "Expert"]]
/// max_column_width = 60
/// paper = "a4"                     # or "letter"
/// link_base = "https://ladder.example.com/"
/// site_table_sheets = 500          # the site workbook's sheets of page tables, at most
/// page_table_sheets = 250          # a page workbook's sheets of one table; the rest stacked
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct XlsxConfig {
    /// A table is a skill table only under a heading whose text contains this (any case).
    pub skill_heading: String,
    /// Header of the category column of a `Category | Skills` table.
    pub category_column: String,
    /// Header of the column holding comma- or semicolon-separated skills.
    pub skills_column: String,
    /// Header of the first column of a `Skill | <role> | <role> …` table.
    pub skill_column: String,
    /// Proficiency scales, lowest level first; cells holding a level get a heat-map colour.
    pub scales: Vec<Vec<String>>,
    /// The widest a column is fitted to, in characters; longer text wraps.
    pub max_column_width: f64,
    /// The paper sheets print on (landscape, one page wide).
    pub paper: Paper,
    /// Where the pages are published: internal links and source pages link to
    /// `link_base` + document id (+ `#anchor`). Without it they stay plain text.
    pub link_base: Option<String>,
    /// The most page tables the site workbook gives a sheet of their own; its Index lists
    /// every table, and each page's workbook holds its tables.
    pub site_table_sheets: usize,
    /// The most tables a page's workbook gives a sheet of their own; the rest of a page's tables
    /// share one last sheet, `More tables`, one under another.
    pub page_table_sheets: usize,
}

impl Default for XlsxConfig {
    fn default() -> Self {
        let scale = |levels: &[&str]| levels.iter().map(|l| l.to_string()).collect();
        XlsxConfig {
            skill_heading: "Skill".into(),
            category_column: "Category".into(),
            skills_column: "Skills".into(),
            skill_column: "Skill".into(),
            scales: vec![
                scale(&["None", "Learning", "Proficient", "Expert"]),
                scale(&["Awareness", "Foundational", "Working", "Practitioner", "Expert"]),
            ],
            max_column_width: 60.0,
            paper: Paper::A4,
            link_base: None,
            site_table_sheets: 500,
            page_table_sheets: 250,
        }
    }
}

impl XlsxConfig {
    /// The web address of a document (and heading), if `link_base` is set.
    pub fn page_url(&self, doc: &str, anchor: Option<&str>) -> Option<String> {
        let base = self.link_base.as_deref()?;
        let mut url = format!("{}/{doc}", base.trim_end_matches('/'));
        if let Some(anchor) = anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Some(url)
    }
}
