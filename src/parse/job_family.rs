//! Competencies kept as data rather than as pages: a YAML file in a `data` or `_data` folder
//! (Hugo's and Jekyll's data folders) that lists a job family's `levels`, its `themes` and its
//! `competencies`, each competency naming its level and theme. The Financial Times keep their
//! whole ladder so, and their site's pages are made from it by templates folio does not have.
//! Read as one document, the ladder's words reach every format: a matrix of proficiency by
//! level (a skill table, so the site workbook's matrix has it), then a section per level.

use super::frontmatter::YamlError;
use super::markdown::DocumentBuilder;
use super::page::{id_and_folder, title_from_stem};
use super::site_data;
use crate::capped;
use crate::diag::{Diagnostic, SourceText};
use crate::ir::{
    collapse_spaces, plain_text, slugify, Align, Block, BlockKind, Body, Cell, Document, Inline, Link, LinkTarget,
    ListItem, Meta, Span,
};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::HashMap;
use std::path::Path;

/// The heading of the matrix of proficiency by level: it holds "Skill", so the workbook reads
/// the table under it as a `Skill | <role> …` table.
const MATRIX_HEADING: &str = "Skills by level";

/// A job family as its YAML file states it. Keys folio does not show (ids of the competencies,
/// `googleSheetId`, `isLegacy`) are passed over.
#[derive(Deserialize)]
struct JobFamily {
    name: Option<String>,
    summary: Option<String>,
    levels: Vec<Named>,
    #[serde(alias = "categories")]
    themes: Vec<Named>,
    competencies: Vec<Competency>,
}

/// A level or a theme: the id competencies name it by, and how it is shown.
#[derive(Deserialize)]
struct Named {
    id: String,
    name: Option<String>,
    summary: Option<String>,
}

#[derive(Deserialize)]
struct Competency {
    level: Spanned<String>,
    #[serde(alias = "category")]
    theme: Spanned<String>,
    /// Markdown, as the site renders it (a summary may be a numbered list).
    summary: Spanned<String>,
    proficiency: Option<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default, rename = "supportingUrls", alias = "links")]
    supporting_urls: Vec<SupportingUrl>,
}

#[derive(Deserialize)]
struct SupportingUrl {
    label: Option<String>,
    url: String,
}

/// Whether the file listed as `rel` may hold a job family: YAML among the site's data files.
pub fn is_candidate(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    (lower.ends_with(".yml") || lower.ends_with(".yaml")) && site_data::data_path(rel).is_some()
}

/// Reads the data file `rel` (at `path`) as a document, when it states a job family: its
/// top-level keys include `levels` and `competencies`. Any other YAML gives nothing and no
/// word; a file that has both keys but does not read gives a warning where it fails.
pub fn read((rel, display, path): (&str, &str, &Path)) -> (Option<Document>, Vec<Diagnostic>) {
    let Ok(bytes) = capped::read(path, super::MAX_PAGE_BYTES) else { return (None, Vec::new()) };
    let Ok(text) = String::from_utf8(bytes) else { return (None, Vec::new()) };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let top_level = |key: &str| text.lines().any(|l| l.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')));
    if !top_level("levels") || !top_level("competencies") {
        return (None, Vec::new());
    }
    let family: JobFamily = match serde_saphyr::from_str(text) {
        Ok(family) => family,
        Err(e) => {
            let e = YamlError::from(&e);
            let message = format!("has `levels` and `competencies` but does not read as a job family: {}", e.message);
            let warning = Diagnostic::warning(display, e.line, e.column, message).with_source(&SourceText::new(text));
            return (None, vec![warning]);
        }
    };
    let mut diagnostics = Vec::new();
    let body = Family::new(&family, display, &mut diagnostics).body();
    let (id, folder) = id_and_folder(rel);
    let stem = id.rsplit('/').next().unwrap_or(&id);
    let title = family.name.clone().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let title = title.unwrap_or_else(|| title_from_stem(stem));
    (Some(Document::new(id, rel.to_string(), folder, title, Meta::default(), &body)), diagnostics)
}

/// A level's competencies by theme (an index into [`Family::themes`]), themes in file order.
type ByTheme<'f> = Vec<(usize, Vec<&'f Competency>)>;

/// A job family with its competencies sorted into levels and, within a level, themes, each in
/// the order the file lists it. A competency naming a level or theme the file does not list
/// is shown under that id, after the listed ones, with a warning.
struct Family<'f> {
    summary: Option<&'f str>,
    themes: Vec<(&'f str, Option<&'f str>)>,
    /// Each level's name and its competencies by theme (an index into `themes`).
    levels: Vec<(&'f str, ByTheme<'f>)>,
}

impl<'f> Family<'f> {
    fn new(family: &'f JobFamily, display: &str, diagnostics: &mut Vec<Diagnostic>) -> Family<'f> {
        let shown = |n: &'f Named| n.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).unwrap_or(&n.id);
        let mut themes: Vec<(&str, Option<&str>)> =
            family.themes.iter().map(|t| (shown(t), t.summary.as_deref())).collect();
        let mut theme_of: HashMap<&str, usize> =
            family.themes.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        let mut levels: Vec<(&str, ByTheme)> = family.levels.iter().map(|l| (shown(l), Vec::new())).collect();
        let mut level_of: HashMap<&str, usize> =
            family.levels.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        for competency in &family.competencies {
            let level = *level_of.entry(&competency.level.value).or_insert_with(|| {
                diagnostics.push(unlisted(display, "level", &competency.level));
                levels.push((&competency.level.value, Vec::new()));
                levels.len() - 1
            });
            let theme = *theme_of.entry(&competency.theme.value).or_insert_with(|| {
                diagnostics.push(unlisted(display, "theme", &competency.theme));
                themes.push((&competency.theme.value, None));
                themes.len() - 1
            });
            let by_theme = &mut levels[level].1;
            match by_theme.iter_mut().find(|(t, _)| *t == theme) {
                Some((_, listed)) => listed.push(competency),
                None => by_theme.push((theme, vec![competency])),
            }
        }
        for (_, by_theme) in &mut levels {
            by_theme.sort_by_key(|(theme, _)| *theme);
        }
        Family { summary: family.summary.as_deref(), themes, levels }
    }

    /// The document's blocks: the summary, the themes, the matrix, then a section for each
    /// level that has competencies.
    fn body(&self) -> Body {
        let mut out = Blocks::default();
        if let Some(summary) = self.summary {
            let blocks = out.markdown(summary, 0);
            out.blocks.extend(blocks);
        }
        if self.themes.iter().any(|(_, summary)| summary.is_some()) {
            out.heading(2, "Themes");
            let items: Vec<Vec<Block>> = self.themes.iter().map(|(name, summary)| out.named(name, *summary)).collect();
            out.push(list(items));
        }
        self.matrix(&mut out);
        for (level, by_theme) in self.levels.iter().filter(|(_, by_theme)| !by_theme.is_empty()) {
            out.heading(2, level);
            if by_theme.iter().all(|(_, c)| c.len() == 1 && c[0].examples.is_empty() && c[0].supporting_urls.is_empty())
            {
                self.level_table(by_theme, &mut out);
            } else {
                self.level_sections(by_theme, &mut out);
            }
        }
        let footnotes = std::mem::take(&mut out.markdown.footnotes);
        Body { heading: Vec::new(), blocks: out.blocks, footnotes }
    }

    /// `Skill | <level> …`, each cell the proficiency the level asks in the theme, when any
    /// competency states one.
    fn matrix(&self, out: &mut Blocks) {
        let proficiency = |theme: usize, by_theme: &[(usize, Vec<&'f Competency>)]| -> String {
            let listed = by_theme.iter().find(|(t, _)| *t == theme).map(|(_, c)| c.as_slice()).unwrap_or_default();
            let mut stated: Vec<&str> = Vec::new();
            for p in listed.iter().filter_map(|c| c.proficiency.as_deref().map(str::trim)) {
                if !stated.contains(&p) {
                    stated.push(p);
                }
            }
            stated.join(", ")
        };
        let rows: Vec<Vec<Cell>> = (0..self.themes.len())
            .map(|theme| {
                let cells = self.levels.iter().map(|(_, by_theme)| vec![text(&proficiency(theme, by_theme))]);
                std::iter::once(vec![text(self.themes[theme].0)]).chain(cells).collect::<Vec<Cell>>()
            })
            .filter(|row| row.iter().skip(1).any(|cell| !plain_text(cell).is_empty()))
            .collect();
        if rows.is_empty() {
            return;
        }
        out.heading(2, MATRIX_HEADING);
        let names = std::iter::once("Skill").chain(self.levels.iter().map(|(l, _)| *l));
        out.push(table(names.map(|h| vec![text(h)]).collect(), rows));
    }

    /// A level whose themes each hold one competency of a summary (and a proficiency) alone: a
    /// table of theme, competency and proficiency.
    fn level_table(&self, by_theme: &[(usize, Vec<&'f Competency>)], out: &mut Blocks) {
        let proficiency = by_theme.iter().any(|(_, c)| c[0].proficiency.is_some());
        let mut head = vec![vec![text("Theme")], vec![text("Competency")]];
        head.extend(proficiency.then(|| vec![text("Proficiency")]));
        let mut rows = Vec::new();
        for (theme, competencies) in by_theme {
            let competency = competencies[0];
            let summary = out.markdown(&competency.summary.value, competency.summary.referenced.line());
            let mut row = vec![vec![text(self.themes[*theme].0)], cell(summary)];
            row.extend(proficiency.then(|| vec![text(competency.proficiency.as_deref().unwrap_or_default())]));
            rows.push(row);
        }
        out.push(table(head, rows));
    }

    /// A level with examples or links: a sub-heading per theme, and under it each competency's
    /// summary, proficiency, examples and links.
    fn level_sections(&self, by_theme: &[(usize, Vec<&'f Competency>)], out: &mut Blocks) {
        for (theme, competencies) in by_theme {
            out.heading(3, self.themes[*theme].0);
            for competency in competencies {
                let summary = out.markdown(&competency.summary.value, competency.summary.referenced.line());
                out.blocks.extend(summary);
                if let Some(level) = &competency.proficiency {
                    out.push(paragraph(vec![
                        Inline::Strong { content: vec![text("Proficiency:")] },
                        text(&format!(" {level}")),
                    ]));
                }
                if !competency.examples.is_empty() {
                    let examples: Vec<Vec<Block>> = competency.examples.iter().map(|e| out.markdown(e, 0)).collect();
                    out.push(list(examples));
                }
                if !competency.supporting_urls.is_empty() {
                    let mut content = vec![text("See also: ")];
                    for (i, url) in competency.supporting_urls.iter().enumerate() {
                        if i > 0 {
                            content.push(text(", "));
                        }
                        content.push(link(url));
                    }
                    out.push(paragraph(content));
                }
            }
        }
    }
}

/// Blocks being made, and the reader of the Markdown in them, which keeps the anchors of
/// headings unique in the document.
#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    markdown: DocumentBuilder,
}

impl Blocks {
    fn push(&mut self, kind: BlockKind) {
        self.blocks.push(Block { span: Span::default(), kind });
    }

    fn heading(&mut self, level: u8, title: &str) {
        let id = self.markdown.unique_id(slugify(title));
        self.push(BlockKind::Heading { level, id, content: vec![text(title)] });
    }

    /// The blocks of a Markdown value found at `line` of the file (0 when unknown).
    fn markdown(&mut self, value: &str, line: u64) -> Vec<Block> {
        self.markdown.blocks(value, u32::try_from(line).unwrap_or(0))
    }

    /// A theme's list item: its name in bold, then its summary.
    fn named(&mut self, name: &str, summary: Option<&str>) -> Vec<Block> {
        let mut blocks = summary.map(|s| self.markdown(s, 0)).unwrap_or_default();
        let mut lead = vec![Inline::Strong { content: vec![text(name)] }];
        match blocks.first_mut() {
            Some(Block { kind: BlockKind::Paragraph { content }, .. }) => {
                lead.push(text(": "));
                content.splice(0..0, lead);
            }
            _ => blocks.insert(0, Block { span: Span::default(), kind: paragraph(lead) }),
        }
        blocks
    }
}

/// Blocks as one table cell: a paragraph's inlines; paragraphs and list items one to a line,
/// items with their number or bullet.
fn cell(blocks: Vec<Block>) -> Cell {
    let mut out: Cell = Vec::new();
    let line = |out: &mut Cell, content: Vec<Inline>| {
        if !out.is_empty() {
            out.push(Inline::HardBreak);
        }
        out.extend(content);
    };
    for block in blocks {
        match block.kind {
            BlockKind::List { start, items, .. } => {
                for (n, item) in items.into_iter().enumerate() {
                    let mark = start.map_or_else(|| "• ".to_string(), |s| format!("{}. ", s + n as u64));
                    let inner = cell(item.blocks);
                    line(&mut out, std::iter::once(text(&mark)).chain(inner).collect());
                }
            }
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => line(&mut out, content),
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => line(&mut out, cell(blocks)),
            BlockKind::CodeBlock { text, .. } => line(&mut out, vec![Inline::Code { text }]),
            BlockKind::Table { head, rows, .. } => {
                for row in std::iter::once(head).chain(rows) {
                    let joined = row
                        .into_iter()
                        .enumerate()
                        .flat_map(|(i, c)| (i > 0).then(|| text(" | ")).into_iter().chain(c));
                    line(&mut out, joined.collect());
                }
            }
            BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }
    out
}

/// A warning for a competency whose `what` (level or theme) the file does not list.
fn unlisted(display: &str, what: &str, named: &Spanned<String>) -> Diagnostic {
    let at = &named.referenced;
    let message =
        format!("a competency's {what} `{}` is not among the {what}s listed; shown under its id", named.value);
    Diagnostic::warning(display, at.line() as u32, at.column() as u32, message)
}

/// Text as the loader gives every page's: each run of white space one space.
fn text(s: &str) -> Inline {
    Inline::Text { text: collapse_spaces(s) }
}

fn paragraph(content: Vec<Inline>) -> BlockKind {
    BlockKind::Paragraph { content }
}

fn list(items: Vec<Vec<Block>>) -> BlockKind {
    let items = items.into_iter().map(|blocks| ListItem { checked: None, blocks });
    BlockKind::List { start: None, tight: true, items: items.collect() }
}

fn table(head: Vec<Cell>, rows: Vec<Vec<Cell>>) -> BlockKind {
    BlockKind::Table { align: vec![Align::None; head.len()], head, rows }
}

fn link(url: &SupportingUrl) -> Inline {
    let shown = url.label.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or(&url.url);
    let target = LinkTarget::Unresolved { href: url.url.trim().to_string() };
    Inline::Link(Box::new(Link { target, title: String::new(), content: vec![text(shown)], span: Span::default() }))
}
