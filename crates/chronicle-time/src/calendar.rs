//! Calendar arithmetic and TIMEX3 value formatting.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use chronicle_core::DatePrecision;

/// Which way a relative expression points from the article's date, as the governing verb
/// suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Present,
    Future,
    /// No verb found: the caller picks its own default.
    Unknown,
}

/// A resolved calendar period: its TIMEX3 value, first day and granularity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub value: String,
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
}

impl Period {
    /// A placeholder value that could not be anchored.
    pub fn unresolved(value: impl Into<String>) -> Self {
        Period {
            value: value.into(),
            date: None,
            precision: DatePrecision::Unknown,
        }
    }

    pub fn day(d: NaiveDate) -> Self {
        Period {
            value: format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            date: Some(d),
            precision: DatePrecision::Day,
        }
    }

    /// The ISO week containing `d`: `2019-W50`, first day its Monday.
    pub fn week(d: NaiveDate) -> Self {
        let w = d.iso_week();
        Period {
            value: format!("{:04}-W{:02}", w.year(), w.week()),
            date: Some(week_monday(d)),
            precision: DatePrecision::Week,
        }
    }

    /// The weekend of the ISO week containing `d`: `2019-W50-WE`, first day its Saturday.
    pub fn weekend(d: NaiveDate) -> Self {
        let w = d.iso_week();
        Period {
            value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
            date: Some(week_monday(d) + Duration::days(5)),
            precision: DatePrecision::Week,
        }
    }

    pub fn month(year: i32, month: u32) -> Self {
        Period {
            value: format!("{year:04}-{month:02}"),
            date: NaiveDate::from_ymd_opt(year, month, 1),
            precision: DatePrecision::Month,
        }
    }

    pub fn quarter(year: i32, quarter: u32) -> Self {
        Period {
            value: format!("{year:04}-Q{quarter}"),
            date: NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1),
            precision: DatePrecision::Quarter,
        }
    }

    /// A half-year (`2020-H1`); its granularity is closest to a quarter's.
    pub fn half(year: i32, half: u32) -> Self {
        Period {
            value: format!("{year:04}-H{half}"),
            date: NaiveDate::from_ymd_opt(year, if half == 1 { 1 } else { 7 }, 1),
            precision: DatePrecision::Quarter,
        }
    }

    /// Seasons use meteorological starts (spring = March 1); a season is about a quarter.
    pub fn season(year: i32, season: Season) -> Self {
        Period {
            value: format!("{year:04}-{}", season.code()),
            date: NaiveDate::from_ymd_opt(year, season.first_month(), 1),
            precision: DatePrecision::Quarter,
        }
    }

    pub fn year(year: i32) -> Self {
        Period {
            value: format!("{year:04}"),
            date: NaiveDate::from_ymd_opt(year, 1, 1),
            precision: DatePrecision::Year,
        }
    }

    /// The decade starting at `start` (1990 → value `199`).
    pub fn decade(start: i32) -> Self {
        Period {
            value: format!("{:03}", start.div_euclid(10)),
            date: NaiveDate::from_ymd_opt(start, 1, 1),
            precision: DatePrecision::Decade,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

pub(crate) fn week_monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The date of weekday `wd` (0 = Monday) as seen from `dct`.
///
/// The article's own weekday is the article's day whatever the tense ("said on Wednesday" in
/// a Wednesday report is that day). Otherwise past → the most recent such day before `dct`,
/// future and present → the next one after it (the same week when the day is still to
/// come), unknown → past (news mostly reports what already happened).
pub(crate) fn resolve_weekday(dct: NaiveDate, wd: u32, dir: Direction) -> NaiveDate {
    let today = dct.weekday().num_days_from_monday() as i64;
    let wd = i64::from(wd.min(6));
    if wd == today {
        return dct;
    }
    let back = (today - wd).rem_euclid(7);
    let ahead = (wd - today).rem_euclid(7);
    match dir {
        Direction::Past | Direction::Unknown => dct - Duration::days(back),
        Direction::Future => dct + Duration::days(ahead),
        // News present tense with a weekday is a schedule: "the council meets Friday".
        Direction::Present => dct + Duration::days(ahead),
    }
}

/// The year of month `month` as seen from `dct`: past → the latest such month not after
/// the article's month, future → the earliest not before it, otherwise the nearest one.
pub(crate) fn resolve_month_year(dct: NaiveDate, month: u32, dir: Direction) -> i32 {
    let (y, m) = (dct.year(), dct.month());
    match dir {
        Direction::Past if month > m => y - 1,
        Direction::Future if month < m => y + 1,
        Direction::Past | Direction::Future => y,
        Direction::Present | Direction::Unknown => {
            let diff = month as i32 - m as i32;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// The year of a day-of-year (`Dec. 5`, Christmas) as seen from `dct`, by the same rule as
/// [`resolve_month_year`] but at day granularity.
pub(crate) fn resolve_day_year(dct: NaiveDate, month: u32, day: u32, dir: Direction) -> i32 {
    let y = dct.year();
    let this = (month, day);
    let now = (dct.month(), dct.day());
    match dir {
        Direction::Past if this > now => y - 1,
        Direction::Future if this < now => y + 1,
        Direction::Past | Direction::Future => y,
        _ => resolve_month_year(dct, month, dir),
    }
}

/// Adds `n` months to the first day of `d`'s month.
pub(crate) fn add_months(d: NaiveDate, n: i32) -> (i32, u32) {
    let total = d.year() * 12 + d.month0() as i32 + n;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// US Thanksgiving: the fourth Thursday of November.
pub(crate) fn thanksgiving(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match (
        NaiveDate::from_ymd_opt(ny, nm, 1),
        NaiveDate::from_ymd_opt(year, month, 1),
    ) {
        (Some(a), Some(b)) => (a - b).num_days() as u32,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekdays_from_a_wednesday() {
        let dct = d(2019, 12, 11);
        assert_eq!(resolve_weekday(dct, 6, Direction::Past), d(2019, 12, 8));
        assert_eq!(resolve_weekday(dct, 4, Direction::Future), d(2019, 12, 13));
        assert_eq!(resolve_weekday(dct, 0, Direction::Future), d(2019, 12, 16));
        assert_eq!(resolve_weekday(dct, 4, Direction::Present), d(2019, 12, 13));
        assert_eq!(resolve_weekday(dct, 2, Direction::Past), dct);
    }

    #[test]
    fn months_by_direction() {
        assert_eq!(
            resolve_month_year(d(2019, 12, 11), 11, Direction::Past),
            2019
        );
        assert_eq!(
            resolve_month_year(d(2019, 2, 11), 11, Direction::Future),
            2019
        );
        assert_eq!(
            resolve_month_year(d(2012, 1, 31), 12, Direction::Past),
            2011
        );
        assert_eq!(
            resolve_month_year(d(2012, 1, 31), 12, Direction::Unknown),
            2011
        );
        assert_eq!(
            resolve_month_year(d(2019, 11, 3), 1, Direction::Future),
            2020
        );
    }

    #[test]
    fn holidays_and_weeks() {
        assert_eq!(easter(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(thanksgiving(2019), Some(d(2019, 11, 28)));
        assert_eq!(Period::week(d(2019, 12, 4)).value, "2019-W49");
        assert_eq!(Period::week(d(2019, 12, 30)).value, "2020-W01");
        assert_eq!(Period::decade(1990).value, "199");
        assert_eq!(add_months(d(2019, 12, 11), 1), (2020, 1));
        assert_eq!(days_in_month(2020, 2), 29);
    }
}
