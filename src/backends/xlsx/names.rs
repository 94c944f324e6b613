//! Worksheet names under Excel's rules: at most 31 characters, none of `[]:*?/\`, no leading or
//! trailing apostrophe, not `History`, and unique within the workbook ignoring case.

use std::collections::HashSet;

/// The longest worksheet name Excel accepts, in characters.
pub const MAX_LEN: usize = 31;

/// Hands out unique, legal worksheet names for one workbook.
#[derive(Debug, Default)]
pub struct SheetNames {
    /// Names given so far, in lower case.
    taken: HashSet<String>,
}

impl SheetNames {
    /// A legal name close to `wanted`, different (ignoring case) from every name given before.
    pub fn claim(&mut self, wanted: &str) -> String {
        let base = clean(wanted);
        let mut name = base.clone();
        let mut n = 2;
        while self.is_taken(&name) {
            let suffix = format!(" ({n})");
            let room = MAX_LEN - suffix.chars().count();
            name = format!("{}{suffix}", cut_at_word(&base, room));
            n += 1;
        }
        self.taken.insert(name.to_lowercase());
        name
    }

    fn is_taken(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        lower == "history" || self.taken.contains(&lower)
    }
}

/// A sheet title from a page label and a table heading that fits in [`MAX_LEN`]: `label -
/// heading`, the heading cut at a word if needed; when the label leaves too little room, a
/// role's name (up to [`INITIALS_WORDS`] words) gives its initials (`Senior Engineering
/// Manager` → `SEM`), and a longer label, a sentence whose initials nobody could read, is cut
/// at a word and ends in `…`.
pub fn title(label: &str, heading: &str) -> String {
    const MIN_HEADING: usize = 8;
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let full = format!("{label} - {heading}");
    if full.chars().count() <= MAX_LEN {
        return full;
    }
    let room = |label: &str| MAX_LEN.saturating_sub(label.chars().count() + 3);
    let label = if room(&label) >= MIN_HEADING {
        label
    } else if label.split_whitespace().count() <= INITIALS_WORDS {
        label.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
    } else {
        let heading_room = heading.chars().count().min(MIN_HEADING.max(MAX_LEN / 3));
        format!("{}…", cut_at_word(&label, MAX_LEN - heading_room - 4))
    };
    format!("{label} - {}", cut_at_word(heading, room(&label)))
}

/// The most words of a label that its initials stand in for.
const INITIALS_WORDS: usize = 4;

/// The longest start of `text` of at most `max` characters that ends at a word, or the hard cut
/// if the first word alone is longer.
pub fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let hard: String = text.chars().take(max).collect();
    let cut = match text.chars().nth(max) {
        Some(next) if next.is_whitespace() => hard.as_str(),
        _ => hard.rsplit_once(char::is_whitespace).map_or(hard.as_str(), |(start, _)| start),
    };
    cut.trim_end().trim_end_matches(['-', ',', ':', ';']).trim_end().to_string()
}

fn clean(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() { ' ' } else { c })
        .collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    // A dash left dangling by a label or heading made only of illegal characters goes too.
    let trimmed = collapsed.trim_matches(|c: char| c == '\'' || c == '-' || c.is_whitespace());
    let short: String = trimmed.chars().take(MAX_LEN).collect();
    let short = short.trim_end().trim_end_matches('\'').to_string();
    if short.is_empty() {
        "Sheet".to_string()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_fit_and_cut_at_words() {
        assert_eq!(title("VP", "Key Skill Sets"), "VP - Key Skill Sets");
        assert_eq!(title("Software Engineer", "Key Skill Sets"), "Software Engineer - Key Skill");
        assert_eq!(title("Senior Engineering Manager", "Key Skill Sets"), "SEM - Key Skill Sets");
        let sentence = "Engineers focus on development that drives results";
        assert_eq!(title(sentence, "Level Up"), "Engineers focus on… - Level Up");
        assert_eq!(title(sentence, "Expectations by level"), "Engineers focus… - Expectations");
        assert_eq!(title("Principal Engineer", "Comparisonwithneighbours"), "Principal Engineer - Comparison");
        assert!(title("A", &"x".repeat(80)).chars().count() <= MAX_LEN);
        assert_eq!(cut_at_word("Comparison with Neighbouring Roles", MAX_LEN), "Comparison with Neighbouring");
    }

    #[test]
    fn names_are_legal_and_unique_ignoring_case() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("Matrix"), "Matrix");
        assert_eq!(names.claim("MATRIX"), "MATRIX (2)");
        assert_eq!(names.claim("a[b]:c*d?e/f\\g"), "a b c d e f g");
        assert_eq!(names.claim("'quoted'"), "quoted");
        assert_eq!(names.claim(""), "Sheet");
        assert_eq!(names.claim("*?:[] - Links"), "Links");
        assert_eq!(names.claim("history"), "history (2)");
        let long = "Senior Engineering Manager - Key Skill Sets";
        let first = names.claim(long);
        let second = names.claim(long);
        assert_eq!(first.chars().count(), MAX_LEN);
        assert!(first.starts_with("Senior Engineering Manager - K"), "{first}");
        assert!(second.ends_with(" (2)") && second.chars().count() <= MAX_LEN, "{second}");
        names.claim("Principal Engineer - Path to");
        assert_eq!(names.claim("Principal Engineer - Path to"), "Principal Engineer - Path (2)");
    }
}
