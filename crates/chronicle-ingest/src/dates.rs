//! Publication dates: explicit fields (JSONL, HTML metadata) and date lines in a page header.
//!
//! Only whole "date lines" count (`Posted January 31st, 2012 at 4:20 pm (UTC-5)`), never a date
//! inside a story sentence: the caller only offers header lines, and [`header_date`] rejects a
//! line that has more than a few words besides the date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// Builds a date from a pattern's captures.
type DateBuilder = fn(&Captures) -> Option<NaiveDate>;

/// The date patterns we understand, each with a function that builds the date from captures.
static DATE_FORMS: LazyLock<Vec<(Regex, DateBuilder)>> = LazyLock::new(|| {
    vec![
            // 2019-12-11, 2019-12-11T08:30:00+09:00 (the date as written, not shifted to UTC).
            (
                Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")
                    .unwrap(),
                |c| ymd(&c[1], &c[2], &c[3]),
            ),
            // 2019/12/11, 2019.12.11
            (
                Regex::new(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").unwrap(),
                |c| ymd(&c[1], &c[2], &c[3]),
            ),
            // 15 December, 2017; 3rd of March 2020; 5 Dec. 2019
            (
                Regex::new(&format!(
                    r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})\b"
                ))
                .unwrap(),
                |c| ymd(&c[3], &month_number(&c[2])?.to_string(), &c[1]),
            ),
            // January 31st, 2012; Dec. 5, 2019
            (
                Regex::new(&format!(
                    r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
                ))
                .unwrap(),
                |c| ymd(&c[3], &month_number(&c[1])?.to_string(), &c[2]),
            ),
            // 11/12/2019 or 11.12.2019: only when day and month cannot be confused.
            (
                Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").unwrap(),
                |c| {
                    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
                    match (a > 12, b > 12) {
                        (true, false) => ymd(&c[3], &b.to_string(), &a.to_string()),
                        (false, true) => ymd(&c[3], &a.to_string(), &b.to_string()),
                        _ if a == b => ymd(&c[3], &a.to_string(), &b.to_string()),
                        _ => None,
                    }
                },
            ),
        ]
});

fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    let year: i32 = year.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)
}

fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.to_ascii_lowercase().chars().take(3).collect();
    let n = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == prefix)?;
    Some(n as u32 + 1)
}

/// The first date in `text` with its byte range.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    DATE_FORMS
        .iter()
        .filter_map(|(re, build)| {
            re.captures_iter(text)
                .find_map(|c| Some((build(&c)?, c.get(0)?.range())))
        })
        .min_by_key(|(_, range)| range.start)
}

/// A date field (JSONL `date`, HTML `datePublished`): ISO date or RFC 3339 timestamp, or a
/// plain written date ("3 March 2020"). The whole value must be a date, nothing else.
pub fn parse_field_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() || value.len() > 80 {
        return None;
    }
    let (date, range) = find_date(value)?;
    let rest = format!("{}{}", &value[..range.start], &value[range.end..]);
    (count_extra_words(&rest) == 0).then_some(date)
}

/// A publication date found in a header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDate {
    pub date: NaiveDate,
    /// The line labels it as an update ("Updated Dec. 5, 2019"), a weaker sign of publication.
    pub updated: bool,
}

/// Words that may surround a date on a date line without making it a sentence.
static DATE_LINE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:posted|published|updated|last|first|modified|date|dated|on|at|and|
           monday|tuesday|wednesday|thursday|friday|saturday|sunday|
           mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|
           am|pm|a\.m|p\.m|utc|gmt|et|est|edt|ct|cst|pt|pst|kst|jst|cet|cest|bst|ist|hkt|msk)\b
        |\d{1,2}:\d{2}(?::\d{2})?
        |[+-]\d{1,4}",
    )
    .unwrap()
});

static UPDATED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:updated|modified)\b").unwrap());
static PUBLISHED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:posted|published|first published)\b").unwrap());

/// Counts the words of `text` that are not date-line noise (labels, weekdays, times, zones).
fn count_extra_words(text: &str) -> usize {
    let stripped = DATE_LINE_NOISE.replace_all(text, " ");
    stripped
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// A date line such as `Friday, 15 December, 2017 - 19:45` or `Published: 3 March 2020`.
/// A short byline beside the date is tolerated ("By Jane Doe | Published 3 March 2020").
pub fn header_date(line: &str) -> Option<HeaderDate> {
    let line = line.trim();
    if line.len() > 160 {
        return None;
    }
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    if count_extra_words(&rest) > 4 {
        return None;
    }
    let before = &line[..range.start];
    let updated = UPDATED_LABEL.is_match(before) && !PUBLISHED_LABEL.is_match(before);
    Some(HeaderDate { date, updated })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn header_date_forms() {
        let cases = [
            ("Friday, 15 December, 2017 - 19:45", d(2017, 12, 15)),
            (
                "Posted January 31st, 2012 at 4:20 pm (UTC-5)",
                d(2012, 1, 31),
            ),
            ("Published: 3 March 2020", d(2020, 3, 3)),
            ("Updated Dec. 5, 2019 10:31 AM ET", d(2019, 12, 5)),
            ("2019/12/11", d(2019, 12, 11)),
            ("2021-06-21T09:15:00+09:00", d(2021, 6, 21)),
            ("Wednesday 8 May 2024 14.05 BST", d(2024, 5, 8)),
            ("By Ana Torres | Published Sept. 14, 2023", d(2023, 9, 14)),
            ("Last modified on Tue 2 Jul 2019 11.31 CEST", d(2019, 7, 2)),
            ("24/02/2022", d(2022, 2, 24)),
        ];
        for (line, want) in cases {
            assert_eq!(header_date(line).map(|h| h.date), Some(want), "{line}");
        }
    }

    #[test]
    fn updated_label_is_recognised() {
        assert!(
            header_date("Updated Dec. 5, 2019 10:31 AM ET")
                .unwrap()
                .updated
        );
        assert!(!header_date("Published: 3 March 2020").unwrap().updated);
        assert!(
            !header_date("Published 3 March 2020, updated 4 March 2020")
                .unwrap()
                .updated
        );
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        for line in [
            "The two leaders met in Geneva on 3 March 2020 to discuss the border dispute.",
            "Iran said on January 5, 2020 that it would no longer observe the limits.",
            "No date here at all",
            "05/06/2020", // day and month ambiguous
            "2019-13-45", // not a calendar date
            "31 February 2019",
        ] {
            assert_eq!(header_date(line), None, "{line}");
        }
    }

    #[test]
    fn field_dates() {
        assert_eq!(parse_field_date("2019-12-11"), Some(d(2019, 12, 11)));
        assert_eq!(
            parse_field_date("2019-12-11T23:30:00-05:00"),
            Some(d(2019, 12, 11))
        );
        assert_eq!(
            parse_field_date("2020-03-03T10:00:00Z"),
            Some(d(2020, 3, 3))
        );
        assert_eq!(parse_field_date("3 March 2020"), Some(d(2020, 3, 3)));
        assert_eq!(parse_field_date("last Tuesday"), None);
        assert_eq!(parse_field_date("2020-02-30"), None);
        assert_eq!(parse_field_date(""), None);
        assert_eq!(parse_field_date("sometime in 2020-01-01 or so"), None);
    }
}
