//! Worksheet names under Excel's rules: at most 31 characters, none of `[]:*?/\`, no leading or
//! trailing apostrophe, not `History`, and unique within the workbook ignoring case.

/// The longest worksheet name Excel accepts, in characters.
pub const MAX_LEN: usize = 31;

/// Hands out unique, legal worksheet names for one workbook.
#[derive(Debug, Default)]
pub struct SheetNames {
    taken: Vec<String>,
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
            name = format!("{}{suffix}", base.chars().take(room).collect::<String>().trim_end());
            n += 1;
        }
        self.taken.push(name.to_lowercase());
        name
    }

    fn is_taken(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        lower == "history" || self.taken.contains(&lower)
    }
}

fn clean(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() { ' ' } else { c })
        .collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches('\'').trim();
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
    fn names_are_legal_and_unique_ignoring_case() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("Matrix"), "Matrix");
        assert_eq!(names.claim("MATRIX"), "MATRIX (2)");
        assert_eq!(names.claim("a[b]:c*d?e/f\\g"), "a b c d e f g");
        assert_eq!(names.claim("'quoted'"), "quoted");
        assert_eq!(names.claim(""), "Sheet");
        assert_eq!(names.claim("history"), "history (2)");
        let long = "Senior Engineering Manager - Key Skill Sets";
        let first = names.claim(long);
        let second = names.claim(long);
        assert_eq!(first.chars().count(), MAX_LEN);
        assert!(second.ends_with(" (2)") && second.chars().count() <= MAX_LEN, "{second}");
    }
}
