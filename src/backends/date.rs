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

/// A UTC date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
}

impl Civil {
    /// Seconds since 1970-01-01 as a civil date (Howard Hinnant's days-to-civil algorithm).
    pub fn from_epoch(seconds: i64) -> Civil {
        let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Civil { year, month, day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60 }
    }

    /// `2023-11-14`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// W3CDTF / ISO 8601 in UTC: `2023-11-14T22:13:20Z`.
    pub fn iso(&self) -> String {
        format!("{}T{:02}:{:02}:{:02}Z", self.date(), self.hour, self.minute, self.second)
    }

    /// A PDF date string: `D:20231114221320Z`.
    pub fn pdf(&self) -> String {
        let Civil { year, month, day, hour, minute, second } = *self;
        format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_become_civil_dates() {
        assert_eq!(Civil::from_epoch(0).iso(), "1970-01-01T00:00:00Z");
        assert_eq!(Civil::from_epoch(1_700_000_000).iso(), "2023-11-14T22:13:20Z");
        assert_eq!(Civil::from_epoch(951_782_400).date(), "2000-02-29");
        assert_eq!(Civil::from_epoch(-1).pdf(), "D:19691231235959Z");
        assert_eq!(Civil::from_epoch(LAST_SECOND).pdf(), "D:99991231235959Z");
    }

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
