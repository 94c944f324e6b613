//! One page: bytes to a [`Document`], through encoding checks, frontmatter, dialects and Markdown.

use super::dialect::{self, Segment, TemplateValues};
use super::frontmatter;
use super::generator::{self, Generator};
use super::markdown::{Definitions, DocumentBuilder};
use super::redirect;
use super::site_data::SiteData;
use crate::diag::{Diagnostic, SourceText};
use crate::ir::{plain_text, Block, BlockKind, Body, Document, Span};
use std::collections::HashSet;

/// A page read from disk, before parsing.
pub struct PageSource<'a> {
    /// Path relative to the content root, `/`-separated.
    pub rel: &'a str,
    /// The path as shown in diagnostics.
    pub display: &'a str,
    pub bytes: &'a [u8],
    pub site_title: &'a str,
    /// The site's data files, which template tags may name.
    pub site_data: &'a SiteData,
    /// Warn about frontmatter keys folio does not know.
    pub warn_unknown_keys: bool,
    /// The generator whose configuration the content root holds, if any.
    pub site_generator: Option<Generator>,
}

/// What reading a page gives: the document unless the page could not be read, and diagnostics.
pub struct PageResult {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a page. Invalid UTF-8 and broken frontmatter are errors that skip the page.
pub fn parse_page(source: &PageSource) -> PageResult {
    let mut diagnostics = Vec::new();
    let text = match std::str::from_utf8(source.bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = position_of_byte(source.bytes, e.valid_up_to());
            let message =
                format!("not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8", source.bytes[e.valid_up_to()]);
            diagnostics.push(Diagnostic::error(source.display, line, column, message));
            return PageResult { document: None, diagnostics };
        }
    };
    let text = normalize_line_ends(text.strip_prefix('\u{feff}').unwrap_or(text));
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::warning(source.display, 0, 0, "the page is empty; skipped"));
        return PageResult { document: None, diagnostics };
    }
    let lines = SourceText::new(&text);
    let split = frontmatter::split(&text);
    let mut meta = Default::default();
    if let Some(yaml) = split.yaml {
        match frontmatter::parse(yaml) {
            Ok(parsed) => {
                meta = parsed.meta;
                let unknown = source.warn_unknown_keys.then(|| frontmatter::unknown_keys(yaml, &meta));
                for w in parsed.warnings.into_iter().chain(unknown.into_iter().flatten()) {
                    let line = if w.line == 0 { 0 } else { split.yaml_line + w.line - 1 };
                    diagnostics
                        .push(Diagnostic::warning(source.display, line, w.column, w.message).with_source(&lines));
                }
            }
            Err(e) => {
                let line = if e.line == 0 { split.yaml_line } else { split.yaml_line + e.line - 1 };
                let message = format!("invalid frontmatter: {}", e.message);
                diagnostics.push(Diagnostic::error(source.display, line, e.column.max(1), message).with_source(&lines));
                return PageResult { document: None, diagnostics };
            }
        }
    }
    let body_line = text[..split.body_offset].matches('\n').count() as u32 + 1;
    let mdx = source.rel.to_ascii_lowercase().ends_with(".mdx").then(|| super::mdx::to_markdown(split.body, &meta));
    let body = mdx.as_deref().unwrap_or(split.body);
    let stem = file_stem(source.rel);
    let page_title = meta.title.clone().or_else(|| first_h1_line(body)).unwrap_or_else(|| stem.clone());
    let templated = source.site_generator.or_else(|| generator::of_page(&meta)).is_some();
    let values = templated.then_some(TemplateValues {
        page_title: &page_title,
        site_title: source.site_title,
        data: source.site_data,
    });
    let (segments, mut warnings) = dialect::segment(body, body_line, values);
    let mut builder = DocumentBuilder::default();
    builder.definitions = Definitions::scan(&markdown_of(&segments));
    let mut blocks = build(&mut builder, &segments);
    warnings.append(&mut builder.warnings);
    for w in warnings {
        diagnostics.push(Diagnostic::warning(source.display, w.line, w.column, w.message).with_source(&lines));
    }
    let h1 = match blocks.first() {
        Some(Block { kind: BlockKind::Heading { level: 1, content, .. }, .. }) if !first_of_parallel(&blocks) => {
            Some(plain_text(content))
        }
        _ => None,
    };
    let heading = if h1.is_some() { vec![blocks.remove(0)] } else { Vec::new() };
    let key_at = || match split.yaml.map_or(0, |yaml| frontmatter::line_of_key(yaml, redirect::KEY)) {
        0 => Span { line: 1, column: 1 },
        line => Span { line: split.yaml_line + line - 1, column: 1 },
    };
    blocks.extend(redirect::moved_to(&meta, &blocks, key_at));
    let title = h1.or_else(|| meta.title.clone()).unwrap_or_else(|| acronyms_kept(&title_from_stem(&stem), &blocks));
    let (id, folder) = id_and_folder(source.rel);
    let body = Body { heading, blocks, footnotes: builder.footnotes };
    let document = Document::new(id, source.rel.to_string(), folder, title, meta, &body);
    PageResult { document: Some(document), diagnostics }
}

/// Turns segments into blocks, callouts holding the blocks of their own segments.
fn build(builder: &mut DocumentBuilder, segments: &[Segment]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for segment in segments {
        match segment {
            Segment::Markdown { text, first_line } => blocks.extend(builder.segment(text, *first_line)),
            Segment::Callout { kind, title, line, body } => {
                let title = title.as_ref().map(|t| builder.inlines(t, *line));
                let inner = build(builder, body);
                blocks.push(Block {
                    span: Span { line: *line, column: 1 },
                    kind: BlockKind::Callout { kind: *kind, title, blocks: inner },
                });
            }
        }
    }
    blocks
}

/// The Markdown texts of `segments` and of the callouts among them, in the order [`build`]
/// parses them.
fn markdown_of(segments: &[Segment]) -> Vec<&str> {
    let mut texts = Vec::new();
    for segment in segments {
        match segment {
            Segment::Markdown { text, .. } => texts.push(text.as_str()),
            Segment::Callout { body, .. } => texts.extend(markdown_of(body)),
        }
    }
    texts
}

/// CRLF and lone CR become LF; the number of lines stays the same.
fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// 1-based line and column of a byte offset, counting columns in characters of the valid prefix.
fn position_of_byte(bytes: &[u8], offset: usize) -> (u32, u32) {
    let prefix = String::from_utf8_lossy(&bytes[..offset]);
    let line = prefix.matches('\n').count() as u32 + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

fn first_h1_line(body: &str) -> Option<String> {
    body.lines().find_map(|l| l.strip_prefix("# ")).map(|t| t.trim().trim_end_matches('#').trim().to_string())
}

fn file_stem(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string()
}

/// Whether the leading H1 of `blocks` opens the first of the page's top-level sections rather
/// than titling the page: another H1 follows, with no sub-heading before it (a page with a
/// level under each H1, say). The page's title then comes from the frontmatter or the file
/// name. An H1 with sub-headings under it before the next H1 is the title.
fn first_of_parallel(blocks: &[Block]) -> bool {
    let level = |b: &Block| match b.kind {
        BlockKind::Heading { level, .. } => Some(level),
        _ => None,
    };
    blocks.iter().skip(1).find_map(level) == Some(1)
}

/// `title` with each word that the headings of `blocks` write in capitals (an acronym, such as
/// `OSPO`) written so: a title made from a file name has lost its case.
fn acronyms_kept(title: &str, blocks: &[Block]) -> String {
    let headings: Vec<String> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { content, .. } => Some(plain_text(content)),
            _ => None,
        })
        .collect();
    let words: HashSet<&str> = headings.iter().flat_map(|h| h.split(|c: char| !c.is_alphanumeric())).collect();
    let capitals = |word: &str| {
        let upper = word.to_uppercase();
        let written = words.contains(upper.as_str());
        (word.chars().count() > 1 && word.chars().any(char::is_alphabetic) && written).then_some(upper)
    };
    title.split(' ').map(|word| capitals(word).unwrap_or_else(|| word.to_string())).collect::<Vec<_>>().join(" ")
}

/// The id of the file listed as `rel` (its path without extension) and its folder.
pub fn id_and_folder(rel: &str) -> (String, String) {
    let id = rel.rsplit_once('.').map_or(rel, |(id, _)| id).to_string();
    let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder).to_string();
    (id, folder)
}

/// `senior-engineer` becomes `Senior engineer`.
pub fn title_from_stem(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => stem.to_string(),
    }
}
