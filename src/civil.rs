//! A UTC date and time as a calendar says it, and the forms outputs write it in (ISO 8601,
//! PDF). Its own module, below the backends and the PDF writer that both use it; where a date
//! comes from is `backends::date`.

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
        assert_eq!(Civil::from_epoch(253_402_300_799).pdf(), "D:99991231235959Z");
    }
}
