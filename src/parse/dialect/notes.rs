//! Speaker notes as pandoc and Marp write them, `::: notes` … `:::`: the fences become the ends
//! of a comment `<!-- notes: … -->`, which Markdown reading keeps for slides.

use super::Cutter;

impl Cutter<'_> {
    /// Takes a line that opens, closes or lies in a notes block (its lines are kept as they
    /// are); says whether the line was taken.
    pub(super) fn notes_line(&mut self, trimmed: &str, raw_line: &str, line_no: u32) -> bool {
        let end = &raw_line[raw_line.trim_end_matches(['\n', '\r']).len()..];
        match self.notes {
            None if matches!(trimmed, "::: notes" | ":::notes" | "::: {.notes}") => {
                self.notes = Some(line_no);
                self.push_text(&format!("<!-- notes:{end}"), line_no);
            }
            None => return false,
            Some(_) if trimmed == ":::" => {
                self.notes = None;
                self.push_text(&format!("-->{end}"), line_no);
            }
            Some(_) => self.push_text(&raw_line.replace("-->", "- ->"), line_no),
        }
        true
    }
}
