//! Footnotes as real Word footnotes: each reference in the text gets a `w:footnote` in
//! `footnotes.xml` holding the note's blocks, in the FootnoteText style.

use super::blocks::{run, styled, Frame, Part};
use super::package::NAMESPACES;
use crate::backends::ooxml::DECLARATION;

impl Part<'_> {
    /// A reference to footnote `label`, whose note is written on the way; a label with no
    /// note, or a reference inside a note, keeps its mark as text.
    pub fn note_reference(&mut self, label: &str) -> String {
        let Some(&index) = self.note_index.get(label).filter(|_| !self.in_note) else {
            return run(&format!("[{label}]"), "<w:vertAlign w:val=\"superscript\"/>");
        };
        self.noted[index] = true;
        let blocks = self.body.footnotes[index].blocks.clone();
        let id = self.refs.next();
        let outer = self.take_xml();
        self.in_note = true;
        self.blocks(&blocks, Frame { style: Some("FootnoteText"), depth: 0 });
        self.in_note = false;
        let mut note = std::mem::replace(&mut self.xml, outer);
        let mark = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
                    <w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
        match note.find("</w:pPr>") {
            Some(at) if note.starts_with("<w:p>") => note.insert_str(at + "</w:pPr>".len(), mark),
            _ => note.insert_str(0, &format!("<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>{mark}</w:p>")),
        }
        self.refs.notes.push_str(&format!("<w:footnote w:id=\"{id}\">{note}</w:footnote>"));
        format!("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>")
    }
}

impl Part<'_> {
    /// The footnotes no reference points at, at the end of the body in the FootnoteText style,
    /// each after its label, so that none is lost.
    pub fn unreferenced_notes(&mut self) {
        let frame = Frame { style: Some("FootnoteText"), depth: 0 };
        let left: Vec<usize> = (0..self.noted.len()).filter(|&i| !self.noted[i]).collect();
        for index in left {
            let note = &self.body.footnotes[index];
            let (label, blocks) = (note.label.clone(), note.blocks.clone());
            self.xml.push_str(&styled("FootnoteText", &format!("[{label}]")));
            self.in_note = true;
            self.blocks(&blocks, frame);
            self.in_note = false;
        }
    }
}

/// `word/footnotes.xml`: the separators Word expects, then `notes`.
pub fn footnotes_xml(notes: &str) -> String {
    let separator = |kind: &str, id: i32, element: &str| {
        format!(
            "<w:footnote w:type=\"{kind}\" w:id=\"{id}\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" \
             w:lineRule=\"auto\"/></w:pPr><w:r><w:{element}/></w:r></w:p></w:footnote>"
        )
    };
    format!(
        "{DECLARATION}<w:footnotes {NAMESPACES}>{}{}{notes}</w:footnotes>",
        separator("separator", -1, "separator"),
        separator("continuationSeparator", 0, "continuationSeparator")
    )
}
