//! The footnote and link reference definitions of a whole page. A dialect's callouts cut a page
//! into segments that pulldown-cmark parses one at a time, and it only honours a reference
//! whose definition is in the same text: `[^n]` before a Retype `!!!` callout, defined after
//! it, stayed literal text. Each segment is therefore parsed with the definitions the others
//! hold appended: link definitions as they are (they show nothing), footnotes as stubs whose
//! notes are dropped again, since the segment that holds the definition gives the note.

use std::collections::BTreeSet;

/// What the segments of a page define, by segment text.
#[derive(Debug, Default)]
pub struct Definitions {
    /// Each footnote label, with the index of the segment defining it.
    footnotes: Vec<(String, usize)>,
    /// Each one-line link reference definition, with the index of its segment.
    links: Vec<(String, usize)>,
}

impl Definitions {
    /// The definitions in `texts`, the page's Markdown segments in order. Lines in fenced code
    /// and indented by four spaces or more are not looked at. A page of one segment (most
    /// pages: no callout) has nothing to share and is not read again.
    pub fn scan(texts: &[&str]) -> Definitions {
        let mut found = Definitions::default();
        if texts.len() < 2 {
            return found;
        }
        for (index, text) in texts.iter().enumerate() {
            let mut fence: Option<&str> = None;
            for line in text.lines() {
                let trimmed = line.trim_start_matches(' ');
                if line.len() - trimmed.len() > 3 {
                    continue;
                }
                let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
                match (fence, marker) {
                    (None, Some(m)) => fence = Some(m),
                    (Some(open), Some(m)) if open == m => fence = None,
                    (None, None) => found.line(trimmed, index),
                    _ => {}
                }
            }
        }
        found
    }

    fn line(&mut self, line: &str, index: usize) {
        let Some((label, _)) = line.strip_prefix('[').and_then(|rest| rest.split_once("]:")) else {
            return;
        };
        match label.strip_prefix('^') {
            Some(note) if !note.is_empty() && !note.contains([' ', '\t', ']']) => {
                self.footnotes.push((note.to_string(), index));
            }
            None if !label.is_empty() && !label.contains(']') => self.links.push((line.to_string(), index)),
            _ => {}
        }
    }

    /// What segment `index` is parsed with after its own text, and the footnote labels whose
    /// notes that adds (to drop again).
    pub fn suffix(&self, index: usize) -> (String, BTreeSet<String>) {
        let mut text = String::new();
        let own: BTreeSet<&str> = self.footnotes.iter().filter(|(_, i)| *i == index).map(|(l, _)| l.as_str()).collect();
        let mut stubs = BTreeSet::new();
        for (label, _) in self.footnotes.iter().filter(|(l, i)| *i != index && !own.contains(l.as_str())) {
            if stubs.insert(label.clone()) {
                text.push_str(&format!("\n\n[^{label}]: -\n"));
            }
        }
        for (line, _) in self.links.iter().filter(|(_, i)| *i != index) {
            text.push_str(&format!("\n\n{line}\n"));
        }
        (text, stubs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_segment_gets_what_the_others_define_and_nothing_from_code() {
        let found = Definitions::scan(&[
            "See [^a] and [x][r].\n\n```\n[^code]: not one\n```\n",
            "[^a]: The note.\n[r]: https://example.org\n    [^deep]: code\n",
        ]);
        let (text, stubs) = found.suffix(0);
        assert_eq!(stubs, BTreeSet::from(["a".to_string()]));
        assert!(text.contains("[^a]: -") && text.contains("[r]: https://example.org"), "{text}");
        assert!(!text.contains("code") && !text.contains("deep"), "{text}");
        let (text, stubs) = found.suffix(1);
        assert!(stubs.is_empty() && text.is_empty(), "{text}");
    }
}
