//! Dates in outputs come only from `SOURCE_DATE_EPOCH` (reproducible builds), never the clock;
//! this is the one place that reads it. The driver reads it once a build, warns once if it is
//! bad, and hands the date to every backend in the [`super::RenderContext`].

use crate::diag::Diagnostic;

/// The origin named by diagnostics about `SOURCE_DATE_EPOCH`, which is in no file.
pub const SOURCE_DATE_ORIGIN: &str = "environment: SOURCE_DATE_EPOCH";

/// 9999-12-31 23:59:59 UTC: the last second a four-digit year (a PDF or ISO 8601 date) can say.
const LAST_SECOND: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH` in seconds since 1970: `None` when it is unset or empty, and when it is
/// not a whole number of seconds from 1970 to 9999-12-31 (then with a warning, and no date).
pub fn source_date_epoch() -> (Option<i64>, Option<Diagnostic>) {
    match std::env::var_os("SOURCE_DATE_EPOCH") {
        None => (None, None),
        Some(value) => parse_epoch(&value.to_string_lossy()),
    }
}

fn parse_epoch(value: &str) -> (Option<i64>, Option<Diagnostic>) {
    let text = value.trim();
    match text.parse::<i64>() {
        _ if text.is_empty() => (None, None),
        Ok(seconds) if (0..=LAST_SECOND).contains(&seconds) => (Some(seconds), None),
        _ => {
            let shown: String = text.chars().take(40).collect();
            let message = format!(
                "`{shown}` is not a whole number of seconds from 1970 to 9999-12-31; outputs carry no date from it"
            );
            (None, Some(Diagnostic::warning(SOURCE_DATE_ORIGIN, 0, 0, message)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_is_not_a_time_from_1970_to_9999_is_one_warning_and_no_date() {
        assert_eq!(parse_epoch(" 86400 ").0, Some(86_400));
        assert_eq!(parse_epoch(""), (None, None));
        for bad in ["yesterday", "-1", "253402300800", "99999999999999999999", "1.5"] {
            let (seconds, warning) = parse_epoch(bad);
            let warning = warning.expect("a warning");
            assert_eq!((seconds, warning.file.as_str()), (None, SOURCE_DATE_ORIGIN), "{bad}");
            assert!(warning.message.starts_with(&format!("`{bad}` is not")), "{}", warning.message);
        }
    }
}
