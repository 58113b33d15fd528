//! Calendar references before and after anchoring to the article's date.

use chrono::{Datelike, Duration, NaiveDate};

use chronicle_core::DatePrecision;

use crate::calendar::{
    add_months, easter, resolve_day_year, resolve_month_year, resolve_weekday, thanksgiving,
    week_monday, Direction, Period, Season,
};
use crate::lexicon::Unit;

/// A calendar reference before anchoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Spec {
    Day(NaiveDate),
    DayOfYear {
        month: u32,
        day: u32,
    },
    MonthYear {
        year: i32,
        month: u32,
    },
    Month(u32),
    Year(i32),
    Decade(i32),
    Season {
        season: Season,
        year: Option<i32>,
    },
    SeasonRel {
        season: Season,
        shift: i32,
    },
    Quarter {
        quarter: u32,
        year: Option<i32>,
    },
    Weekday(u32),
    WeekdayRel {
        weekday: u32,
        shift: i32,
    },
    MonthRel {
        month: u32,
        shift: i32,
    },
    DayShift(i64),
    UnitRel {
        unit: Unit,
        shift: i32,
    },
    WeekendByTense,
    Ago {
        n: u32,
        unit: Unit,
    },
    Holiday {
        day: HolidayDay,
        year: Option<i32>,
    },
    Ref(&'static str),
    /// A half-year: explicit, or `shift` years from the article's.
    Half {
        half: u32,
        year: Option<i32>,
        shift: i32,
    },
}

impl Spec {
    /// Whether the spec denotes a single day (so a part of day can attach).
    pub fn is_day(self) -> bool {
        matches!(
            self,
            Spec::Day(_)
                | Spec::DayOfYear { .. }
                | Spec::Weekday(_)
                | Spec::WeekdayRel { .. }
                | Spec::DayShift(_)
                | Spec::Holiday { .. }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HolidayDay {
    Fixed(u32, u32),
    Easter(i64),
    Thanksgiving,
}

impl HolidayDay {
    fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayDay::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            HolidayDay::Easter(offset) => easter(year).map(|e| e + Duration::days(offset)),
            HolidayDay::Thanksgiving => thanksgiving(year),
        }
    }
}

/// The period a spec denotes, and whether it was anchored to the article's date.
pub(crate) fn resolve(
    spec: Spec,
    dct: Option<NaiveDate>,
    dir: impl Fn() -> Direction,
) -> (Period, bool) {
    match spec {
        Spec::Day(d) => (Period::day(d), false),
        Spec::MonthYear { year, month } => (Period::month(year, month), false),
        Spec::Year(y) => (Period::year(y), false),
        Spec::Decade(y) => (Period::decade(y), false),
        Spec::Season {
            season,
            year: Some(y),
        } => (Period::season(y, season), false),
        Spec::Quarter {
            quarter,
            year: Some(y),
        } => (Period::quarter(y, quarter), false),
        Spec::Holiday { day, year: Some(y) } => (
            day.date(y)
                .map_or_else(|| Period::unresolved(format!("{y:04}")), Period::day),
            false,
        ),
        Spec::Ref(r) => (Period::unresolved(r), true),
        Spec::Half {
            half,
            year: Some(y),
            ..
        } => (Period::half(y, half), false),
        _ => {
            let period = dct.and_then(|dct| anchor(spec, dct, &dir));
            (
                period.unwrap_or_else(|| Period::unresolved(unanchored_value(spec))),
                true,
            )
        }
    }
}

/// Resolves a relative spec against the article's date.
fn anchor(spec: Spec, dct: NaiveDate, dir: &dyn Fn() -> Direction) -> Option<Period> {
    Some(match spec {
        Spec::DayOfYear { month, day } => {
            let y = resolve_day_year(dct, month, day, dir());
            Period::day(NaiveDate::from_ymd_opt(y, month, day)?)
        }
        Spec::Month(month) => Period::month(resolve_month_year(dct, month, dir()), month),
        Spec::MonthRel { month, shift } => {
            let y = dct.year();
            let year = match shift {
                s if s < 0 => {
                    if month < dct.month() {
                        y
                    } else {
                        y - 1
                    }
                }
                s if s > 0 => {
                    if month > dct.month() {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            Period::month(year, month)
        }
        Spec::Season { season, year: None } => {
            Period::season(resolve_month_year(dct, season.first_month(), dir()), season)
        }
        Spec::SeasonRel { season, shift } => {
            let y = dct.year();
            let year = match shift {
                s if s < 0 => {
                    if season.first_month() < dct.month() && dct.month() - season.first_month() >= 3
                    {
                        y
                    } else {
                        y - 1
                    }
                }
                s if s > 0 => {
                    if season.first_month() > dct.month() {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            Period::season(year, season)
        }
        Spec::Quarter {
            quarter,
            year: None,
        } => Period::quarter(dct.year(), quarter),
        Spec::Weekday(wd) => Period::day(resolve_weekday(dct, wd, dir())),
        Spec::WeekdayRel { weekday, shift } => {
            let today = i64::from(dct.weekday().num_days_from_monday());
            let wd = i64::from(weekday);
            let d = match shift {
                s if s < 0 => {
                    dct - Duration::days(match (today - wd).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    })
                }
                s if s > 0 => {
                    dct + Duration::days(match (wd - today).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    })
                }
                _ => week_monday(dct) + Duration::days(wd),
            };
            Period::day(d)
        }
        Spec::DayShift(k) => Period::day(dct + Duration::days(k)),
        Spec::Half { half, shift, .. } => Period::half(dct.year() + shift, half),
        Spec::UnitRel { unit, shift } => shifted_period(dct, unit, shift)?,
        Spec::WeekendByTense => {
            let weekend_now = dct.weekday().num_days_from_monday() >= 5;
            match dir() {
                Direction::Future | Direction::Present => Period::weekend(dct),
                _ if weekend_now => Period::weekend(dct),
                _ => Period::weekend(dct - Duration::days(7)),
            }
        }
        // "a decade ago" is a year, not the previous decade.
        Spec::Ago {
            n,
            unit: unit @ (Unit::Decade | Unit::Century),
        } => {
            let years = if unit == Unit::Decade { 10 } else { 100 };
            Period::year(dct.year() - years * n.min(1_000) as i32)
        }
        Spec::Ago { n, unit } => shifted_period(dct, unit, -(n.min(10_000) as i32))?,
        Spec::Holiday { day, year: None } => {
            let this = day.date(dct.year())?;
            let year = match dir() {
                Direction::Past if this > dct => dct.year() - 1,
                Direction::Future if this < dct => dct.year() + 1,
                Direction::Past | Direction::Future => dct.year(),
                _ => [dct.year() - 1, dct.year(), dct.year() + 1]
                    .into_iter()
                    .min_by_key(|y| {
                        day.date(*y)
                            .map_or(i64::MAX, |d| (d - dct).num_days().abs())
                    })?,
            };
            Period::day(day.date(year)?)
        }
        _ => return None,
    })
}

/// The period `shift` units away from the one containing `dct`.
fn shifted_period(dct: NaiveDate, unit: Unit, shift: i32) -> Option<Period> {
    let s = i64::from(shift);
    Some(match unit {
        Unit::Minute | Unit::Hour => Period::day(dct),
        Unit::Day => Period::day(dct.checked_add_signed(Duration::days(s))?),
        Unit::Week => Period::week(dct.checked_add_signed(Duration::weeks(s))?),
        Unit::Fortnight => Period::week(dct.checked_add_signed(Duration::weeks(2 * s))?),
        Unit::Weekend => Period::weekend(dct.checked_add_signed(Duration::weeks(s))?),
        Unit::Month => {
            let (y, m) = add_months(dct, shift);
            Period::month(y, m)
        }
        Unit::Quarter => {
            let q = dct.year() * 4 + dct.month0() as i32 / 3 + shift;
            Period::quarter(q.div_euclid(4), q.rem_euclid(4) as u32 + 1)
        }
        Unit::Year => Period::year(dct.year() + shift),
        Unit::Decade => Period::decade((dct.year().div_euclid(10) + shift) * 10),
        Unit::Century => {
            let c = dct.year().div_euclid(100) + shift;
            Period {
                value: format!("{c:02}"),
                date: NaiveDate::from_ymd_opt(c * 100, 1, 1),
                precision: DatePrecision::Decade,
            }
        }
    })
}

/// TimeML placeholder values for expressions that need the article's date.
fn unanchored_value(spec: Spec) -> String {
    match spec {
        Spec::DayOfYear { month, day } => format!("XXXX-{month:02}-{day:02}"),
        Spec::Month(m) | Spec::MonthRel { month: m, .. } => format!("XXXX-{m:02}"),
        Spec::Season { season, .. } | Spec::SeasonRel { season, .. } => {
            format!("XXXX-{}", season.code())
        }
        Spec::Quarter { quarter, .. } => format!("XXXX-Q{quarter}"),
        Spec::Half { half, .. } => format!("XXXX-H{half}"),
        Spec::Weekday(wd) | Spec::WeekdayRel { weekday: wd, .. } => format!("XXXX-WXX-{}", wd + 1),
        Spec::WeekendByTense => "XXXX-WXX-WE".into(),
        Spec::UnitRel { unit, .. } | Spec::Ago { unit, .. } => match unit {
            Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
            Unit::Weekend => "XXXX-WXX-WE".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Year => "XXXX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
            _ => "XXXX-XX-XX".into(),
        },
        Spec::Holiday {
            day: HolidayDay::Fixed(m, d),
            ..
        } => format!("XXXX-{m:02}-{d:02}"),
        _ => "XXXX-XX-XX".into(),
    }
}
