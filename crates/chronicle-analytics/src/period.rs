//! Calendar periods: parsing `--by`, reading the store's bucket keys, labelling them and
//! listing every period between two of them (so series have no gaps).

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::{AnalyticsError, Period, Result};

/// Parses `day`, `week`, `month` or `year` (as given to `--by`).
pub fn parse_period(name: &str) -> Result<Period> {
    match name.trim().to_ascii_lowercase().as_str() {
        "day" | "daily" => Ok(Period::Day),
        "week" | "weekly" => Ok(Period::Week),
        "month" | "monthly" => Ok(Period::Month),
        "year" | "yearly" => Ok(Period::Year),
        other => Err(AnalyticsError::Invalid(format!(
            "unknown period {other:?}: expected day, week, month or year"
        ))),
    }
}

/// The lower-case name of a period (`month`).
pub fn period_name(period: Period) -> &'static str {
    match period {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
        Period::Year => "year",
    }
}

/// One calendar period: its label (`2019-12-15`, `2019-W50`, `2019-12`, `2019`) and the
/// first and last day it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodSpan {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The period that contains `date`.
pub fn span_of(period: Period, date: NaiveDate) -> PeriodSpan {
    let start = match period {
        Period::Day => date,
        Period::Week => date - Duration::days(date.weekday().num_days_from_monday() as i64),
        Period::Month => date.with_day(1).unwrap_or(date),
        Period::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
    };
    let end = next_start(period, start).pred_opt().unwrap_or(start);
    PeriodSpan {
        label: label(period, start),
        start,
        end,
    }
}

/// The period a store bucket key (see `chronicle_store::Period`) names; `None` if the key is
/// malformed.
pub fn span_of_key(period: Period, key: &str) -> Option<PeriodSpan> {
    let date = match period {
        Period::Day | Period::Week => key.parse().ok()?,
        Period::Month => NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d").ok()?,
        Period::Year => NaiveDate::from_ymd_opt(key.parse().ok()?, 1, 1)?,
    };
    Some(span_of(period, date))
}

fn label(period: Period, start: NaiveDate) -> String {
    match period {
        Period::Day => start.format("%Y-%m-%d").to_string(),
        Period::Week => {
            let week = start.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Period::Month => start.format("%Y-%m").to_string(),
        Period::Year => start.format("%Y").to_string(),
    }
}

fn next_start(period: Period, start: NaiveDate) -> NaiveDate {
    let next = match period {
        Period::Day => start.succ_opt(),
        Period::Week => start.checked_add_signed(Duration::days(7)),
        Period::Month => {
            let (y, m) = if start.month() == 12 {
                (start.year() + 1, 1)
            } else {
                (start.year(), start.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        }
        Period::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
    };
    next.unwrap_or(NaiveDate::MAX)
}

/// Every period from the one containing `first` to the one containing `last`, in order.
pub fn periods_between(period: Period, first: NaiveDate, last: NaiveDate) -> Vec<PeriodSpan> {
    let mut out = Vec::new();
    let mut span = span_of(period, first);
    while span.start <= last {
        let next = next_start(period, span.start);
        out.push(span);
        if next == NaiveDate::MAX {
            break;
        }
        span = span_of(period, next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn iso_weeks_start_on_monday_and_cross_years() {
        // 2019-12-30 is the Monday of ISO week 2020-W01.
        let span = span_of(Period::Week, d("2020-01-01"));
        assert_eq!(span.label, "2020-W01");
        assert_eq!(span.start, d("2019-12-30"));
        assert_eq!(span.end, d("2020-01-05"));
        // A Sunday belongs to the week that started six days earlier.
        assert_eq!(span_of(Period::Week, d("2019-12-15")).label, "2019-W50");
        // 2021-01-03 (Sunday) is still in 2020-W53.
        assert_eq!(span_of(Period::Week, d("2021-01-03")).label, "2020-W53");
    }

    #[test]
    fn months_and_years_cover_their_days() {
        let feb = span_of(Period::Month, d("2020-02-17"));
        assert_eq!((feb.start, feb.end), (d("2020-02-01"), d("2020-02-29")));
        let year = span_of_key(Period::Year, "2019").unwrap();
        assert_eq!((year.start, year.end), (d("2019-01-01"), d("2019-12-31")));
        assert_eq!(span_of_key(Period::Month, "2019-13"), None);
    }

    #[test]
    fn periods_between_fills_every_month() {
        let labels: Vec<_> = periods_between(Period::Month, d("2019-11-20"), d("2020-02-03"))
            .into_iter()
            .map(|p| p.label)
            .collect();
        assert_eq!(labels, ["2019-11", "2019-12", "2020-01", "2020-02"]);
    }

    #[test]
    fn unknown_period_is_an_error() {
        assert!(parse_period("fortnight").is_err());
        assert_eq!(parse_period("Week").unwrap(), Period::Week);
    }
}
