//! Lists as Word numbering: bullet lists in the List Bullet style on one numbering instance,
//! each ordered list in the List Number style on its own (so it starts at its own number),
//! both from definitions with nine levels that nest by indent; `numbering.xml`.

use super::blocks::{bidi, boxed, run, Frame, Part, LEVEL_INDENT};
use super::ids::BULLETS;
use super::package::NAMESPACES;
use crate::backends::ooxml::DECLARATION;
use crate::ir::{BlockKind, ListItem};

/// The abstract numbering definitions: bullets, then decimals.
const BULLET_DEFINITION: u32 = 0;
const NUMBER_DEFINITION: u32 = 1;

impl Part<'_> {
    /// A list: each item's first paragraph numbered at the list's depth, the rest of the item
    /// indented under it.
    pub fn list(&mut self, start: Option<u64>, items: &[ListItem], frame: Frame) {
        let level = frame.depth.min(8);
        let (style, num) = match start {
            Some(first) => {
                let num = self.refs.next();
                self.refs.ordered.push((num, level, first));
                ("ListNumber", num)
            }
            None => ("ListBullet", BULLETS),
        };
        let inner = Frame { depth: frame.depth + 1, ..frame };
        for item in items {
            let mut blocks = &item.blocks[..];
            let mut text = match item.checked {
                Some(true) => run("☑ ", ""),
                Some(false) => run("☐ ", ""),
                None => String::new(),
            };
            let mut direction = "";
            if let Some(BlockKind::Paragraph { content }) = blocks.first().map(|b| &b.kind) {
                text.push_str(&self.runs(content));
                direction = bidi(content);
                blocks = &blocks[1..];
            }
            self.xml.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:numPr><w:ilvl w:val=\"{level}\"/>\
                 <w:numId w:val=\"{num}\"/></w:numPr>{}{direction}</w:pPr>{text}</w:p>",
                boxed(frame)
            ));
            self.blocks(blocks, inner);
        }
    }
}

/// `word/numbering.xml`: the bullet and decimal definitions, the bullet instance, and an
/// instance for each of `ordered` (number, level, first number) starting where its list does.
pub fn numbering_xml(ordered: &[(u32, usize, u64)]) -> String {
    let mut out = format!("{DECLARATION}<w:numbering {NAMESPACES}>");
    for (id, bullets) in [(BULLET_DEFINITION, true), (NUMBER_DEFINITION, false)] {
        out.push_str(&format!("<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"multilevel\"/>"));
        for level in 0..9u32 {
            let (format, text) = match bullets {
                true => ("bullet", ["•", "◦", "▪"][level as usize % 3].to_string()),
                false => ("decimal", format!("%{}.", level + 1)),
            };
            let left = LEVEL_INDENT * (level + 1);
            out.push_str(&format!(
                "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
                 <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
                 <w:pPr><w:ind w:left=\"{left}\" w:hanging=\"{LEVEL_INDENT}\"/></w:pPr></w:lvl>"
            ));
        }
        out.push_str("</w:abstractNum>");
    }
    out.push_str(&format!("<w:num w:numId=\"{BULLETS}\"><w:abstractNumId w:val=\"{BULLET_DEFINITION}\"/></w:num>"));
    for (num, level, first) in ordered {
        out.push_str(&format!(
            "<w:num w:numId=\"{num}\"><w:abstractNumId w:val=\"{NUMBER_DEFINITION}\"/>\
             <w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{first}\"/></w:lvlOverride></w:num>"
        ));
    }
    out.push_str("</w:numbering>");
    out
}
