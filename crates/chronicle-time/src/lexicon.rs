//! What one token can contribute to a time expression.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::calendar::Season;
use crate::tense::lower_ascii;

/// A calendar unit as named in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// A TIMEX3 duration value for `n` units (`None` = unspecified, "X").
    pub fn duration(self, n: Option<u32>) -> String {
        let (time, mult, code) = match self {
            Unit::Minute => (true, 1, "M"),
            Unit::Hour => (true, 1, "H"),
            Unit::Day => (false, 1, "D"),
            Unit::Week => (false, 1, "W"),
            Unit::Weekend => (false, 1, "WE"),
            Unit::Fortnight => (false, 2, "W"),
            Unit::Month => (false, 1, "M"),
            Unit::Quarter => (false, 3, "M"),
            Unit::Year => (false, 1, "Y"),
            Unit::Decade => (false, 1, "DE"),
            Unit::Century => (false, 1, "CE"),
        };
        let t = if time { "T" } else { "" };
        match n {
            Some(n) => format!("P{t}{}{code}", n.saturating_mul(mult)),
            None => format!("P{t}X{code}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    This,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Recent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Early,
    Late,
    Mid,
    Earlier,
    Later,
    Beginning,
    End,
    Middle,
}

impl Edge {
    /// TimeML 1.2.1 `mod` for this edge word.
    pub fn modifier(self) -> &'static str {
        match self {
            Edge::Early | Edge::Earlier | Edge::Beginning => "START",
            Edge::Late | Edge::Later | Edge::End => "END",
            Edge::Mid | Edge::Middle => "MID",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Christmas,
    Easter,
    Thanksgiving,
    Halloween,
    Valentine,
    Boxing,
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    Month {
        month: u32,
        ambiguous: bool,
        short: bool,
    },
    Weekday(u32),
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// today (0), yesterday (-1), tomorrow (+1).
    DayShift(i64),
    Tonight,
    /// now, currently → PRESENT_REF; recently → PAST_REF.
    Ref(&'static str),
    Future,
    Present,
    Rel(Rel),
    Edge(Edge),
    Ago,
    Every,
    Of,
    The,
    A,
    Number(u32),
    /// few, several: an unspecified count.
    Few,
    Year(i32),
    Decade(i32),
    Ordinal(u32),
    Season(Season),
    /// Part of day: MO, AF, EV, NI.
    PartOfDay(&'static str),
    Frequency(Unit),
    Once(u32),
    Date(NaiveDate),
    Clock(u32, u32),
    Meridiem {
        pm: bool,
    },
    Noon,
    Midnight,
    Holiday(Holiday),
    Eve,
    /// "two-year", "72-hour".
    NumberUnit(u32, Unit),
    /// "mid-December", "mid-2019", "mid-week": MID applied to the rest.
    MidOf,
}

static WORDS: LazyLock<HashMap<&'static str, Lex>> = LazyLock::new(build_words);

fn build_words() -> HashMap<&'static str, Lex> {
    use Lex::*;
    let mut m = HashMap::new();
    let months = [
        ("january", "jan", "jan."),
        ("february", "feb", "feb."),
        ("march", "mar", "mar."),
        ("april", "apr", "apr."),
        ("may", "may", "may"),
        ("june", "jun", "jun."),
        ("july", "jul", "jul."),
        ("august", "aug", "aug."),
        ("september", "sep", "sep."),
        ("october", "oct", "oct."),
        ("november", "nov", "nov."),
        ("december", "dec", "dec."),
    ];
    for (i, (full, short, dotted)) in months.into_iter().enumerate() {
        let month = i as u32 + 1;
        // "May" the modal and "March" the verb need a date context.
        let ambiguous = matches!(month, 3 | 5);
        m.insert(
            full,
            Month {
                month,
                ambiguous,
                short: false,
            },
        );
        if short != full {
            m.insert(
                short,
                Month {
                    month,
                    ambiguous,
                    short: true,
                },
            );
            m.insert(
                dotted,
                Month {
                    month,
                    ambiguous: false,
                    short: false,
                },
            );
        }
    }
    m.insert(
        "sept",
        Month {
            month: 9,
            ambiguous: false,
            short: true,
        },
    );
    m.insert(
        "sept.",
        Month {
            month: 9,
            ambiguous: false,
            short: false,
        },
    );
    let days = [
        ("monday", &["mon."][..]),
        ("tuesday", &["tue.", "tues."][..]),
        ("wednesday", &[][..]),
        ("thursday", &["thu.", "thur.", "thurs."][..]),
        ("friday", &["fri."][..]),
        ("saturday", &[][..]),
        ("sunday", &[][..]),
    ];
    for (i, (full, abbrevs)) in days.into_iter().enumerate() {
        m.insert(full, Weekday(i as u32));
        for a in abbrevs {
            m.insert(a, Weekday(i as u32));
        }
    }
    let units = [
        ("minute", self::Unit::Minute),
        ("hour", self::Unit::Hour),
        ("day", self::Unit::Day),
        ("week", self::Unit::Week),
        ("weekend", self::Unit::Weekend),
        ("fortnight", self::Unit::Fortnight),
        ("month", self::Unit::Month),
        ("quarter", self::Unit::Quarter),
        ("year", self::Unit::Year),
        ("decade", self::Unit::Decade),
        ("century", self::Unit::Century),
    ];
    for (w, unit) in units {
        m.insert(
            w,
            Unit {
                unit,
                plural: false,
            },
        );
    }
    for (w, unit) in [
        ("minutes", self::Unit::Minute),
        ("hours", self::Unit::Hour),
        ("days", self::Unit::Day),
        ("weeks", self::Unit::Week),
        ("weekends", self::Unit::Weekend),
        ("fortnights", self::Unit::Fortnight),
        ("months", self::Unit::Month),
        ("quarters", self::Unit::Quarter),
        ("years", self::Unit::Year),
        ("decades", self::Unit::Decade),
        ("centuries", self::Unit::Century),
    ] {
        m.insert(w, Unit { unit, plural: true });
    }
    for (w, l) in [
        ("today", DayShift(0)),
        ("yesterday", DayShift(-1)),
        ("tomorrow", DayShift(1)),
        ("tonight", Tonight),
        ("now", Ref("PRESENT_REF")),
        ("currently", Ref("PRESENT_REF")),
        ("nowadays", Ref("PRESENT_REF")),
        ("recently", Ref("PAST_REF")),
        ("lately", Ref("PAST_REF")),
        ("future", Future),
        ("present", Present),
        ("this", Rel(self::Rel::This)),
        ("current", Rel(self::Rel::This)),
        ("last", Rel(self::Rel::Last)),
        ("next", Rel(self::Rel::Next)),
        ("past", Rel(self::Rel::Past)),
        ("previous", Rel(self::Rel::Previous)),
        ("coming", Rel(self::Rel::Coming)),
        ("upcoming", Rel(self::Rel::Coming)),
        ("following", Rel(self::Rel::Following)),
        ("recent", Rel(self::Rel::Recent)),
        ("early", Edge(self::Edge::Early)),
        ("late", Edge(self::Edge::Late)),
        ("mid", Edge(self::Edge::Mid)),
        ("earlier", Edge(self::Edge::Earlier)),
        ("later", Edge(self::Edge::Later)),
        ("beginning", Edge(self::Edge::Beginning)),
        ("start", Edge(self::Edge::Beginning)),
        ("end", Edge(self::Edge::End)),
        ("middle", Edge(self::Edge::Middle)),
        ("ago", Ago),
        ("every", Every),
        ("each", Every),
        ("of", Of),
        ("the", The),
        ("a", A),
        ("an", A),
        ("few", Few),
        ("several", Few),
        ("morning", PartOfDay("MO")),
        ("afternoon", PartOfDay("AF")),
        ("evening", PartOfDay("EV")),
        ("night", PartOfDay("NI")),
        ("overnight", PartOfDay("NI")),
        ("daily", Frequency(self::Unit::Day)),
        ("weekly", Frequency(self::Unit::Week)),
        ("monthly", Frequency(self::Unit::Month)),
        ("quarterly", Frequency(self::Unit::Quarter)),
        ("annually", Frequency(self::Unit::Year)),
        ("annual", Frequency(self::Unit::Year)),
        ("yearly", Frequency(self::Unit::Year)),
        ("once", Once(1)),
        ("twice", Once(2)),
        ("p.m.", Meridiem { pm: true }),
        ("pm", Meridiem { pm: true }),
        ("p.m", Meridiem { pm: true }),
        ("a.m.", Meridiem { pm: false }),
        ("am", Meridiem { pm: false }),
        ("a.m", Meridiem { pm: false }),
        ("noon", Noon),
        ("midday", Noon),
        ("midnight", Midnight),
        ("christmas", Holiday(self::Holiday::Christmas)),
        ("xmas", Holiday(self::Holiday::Christmas)),
        ("easter", Holiday(self::Holiday::Easter)),
        ("thanksgiving", Holiday(self::Holiday::Thanksgiving)),
        ("halloween", Holiday(self::Holiday::Halloween)),
        ("valentine", Holiday(self::Holiday::Valentine)),
        ("boxing", Holiday(self::Holiday::Boxing)),
        ("new", Holiday(self::Holiday::New)),
        ("eve", Eve),
        ("spring", Season(self::Season::Spring)),
        ("summer", Season(self::Season::Summer)),
        ("autumn", Season(self::Season::Fall)),
        ("fall", Season(self::Season::Fall)),
        ("winter", Season(self::Season::Winter)),
    ] {
        m.insert(w, l);
    }
    let numbers = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    for (i, w) in numbers.into_iter().enumerate() {
        m.insert(w, Number(i as u32 + 1));
    }
    for (w, n) in [
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("hundred", 100),
    ] {
        m.insert(w, Number(n));
    }
    let ordinals = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    for (i, w) in ordinals.into_iter().enumerate() {
        m.insert(w, Ordinal(i as u32 + 1));
    }
    m
}

/// Classifies one token; `None` for the vast majority of words.
pub(crate) fn classify(text: &str) -> Option<Lex> {
    if let Some(rest) = text.strip_prefix('’') {
        // "’90s" with a typographic apostrophe.
        return classify_numeric(&format!("'{rest}"));
    }
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_alphanumeric() || first == b'\'') {
        return None;
    }
    let mut buf = [0u8; 24];
    let n = lower_ascii(text, &mut buf)?;
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    if first.is_ascii_digit() || first == b'\'' {
        return classify_numeric(lower);
    }
    if let Some(l) = WORDS.get(lower) {
        return Some(*l);
    }
    classify_compound(lower)
}

/// "mid-December", "two-year", "72-hour".
fn classify_compound(lower: &str) -> Option<Lex> {
    let (head, rest) = lower.split_once('-')?;
    if head == "mid" {
        return Some(Lex::MidOf);
    }
    let n = match WORDS.get(head) {
        Some(Lex::Number(n)) => *n,
        _ => return None,
    };
    match WORDS.get(rest) {
        // "one-quarter" is a fraction, not three months.
        Some(Lex::Unit {
            unit,
            plural: false,
        }) if *unit != Unit::Quarter => Some(Lex::NumberUnit(n, *unit)),
        _ => None,
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn classify_numeric(s: &str) -> Option<Lex> {
    if all_digits(s) {
        let n: u32 = s.parse().ok()?;
        return Some(if s.len() == 4 && (1000..2200).contains(&n) {
            Lex::Year(n as i32)
        } else {
            Lex::Number(n)
        });
    }
    if let Some(d) = s.strip_suffix('s') {
        // "1990s", "'90s"
        if d.len() == 4 && all_digits(d) && d.ends_with('0') {
            return d.parse().ok().map(Lex::Decade);
        }
        let two = d.strip_prefix('\'').or_else(|| d.strip_prefix('’'))?;
        if two.len() == 2 && all_digits(two) && two.ends_with('0') {
            let y: i32 = two.parse().ok()?;
            return Some(Lex::Decade(if y >= 30 { 1900 + y } else { 2000 + y }));
        }
        return None;
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(d) = s
            .strip_suffix(suffix)
            .filter(|d| all_digits(d) && d.len() <= 2)
        {
            return d.parse().ok().map(Lex::Ordinal);
        }
    }
    if let Some((h, m)) = s.split_once(':') {
        return clock(h, m);
    }
    for (suffix, pm) in [("pm", true), ("am", false), ("p.m.", true), ("a.m.", false)] {
        if let Some(h) = s.strip_suffix(suffix) {
            let (h, m) = h.split_once(':').unwrap_or((h, "00"));
            return match clock(h, m)? {
                Lex::Clock(h, m) if (1..=12).contains(&h) => Some(Lex::Clock(to_24h(h, pm), m)),
                _ => None,
            };
        }
    }
    if let Some(rest) = s
        .split_once('-')
        .and_then(|(n, rest)| all_digits(n).then_some((n, rest)))
    {
        let (n, unit) = rest;
        if let Some(Lex::Unit {
            unit,
            plural: false,
        }) = WORDS.get(unit)
        {
            return n.parse().ok().map(|n| Lex::NumberUnit(n, *unit));
        }
    }
    numeric_date(s).map(Lex::Date)
}

pub(crate) fn to_24h(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

fn clock(h: &str, m: &str) -> Option<Lex> {
    if !(all_digits(h) && h.len() <= 2 && all_digits(m) && m.len() == 2) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(Lex::Clock(h, m))
}

/// `2019-12-11`, `2019/12/11`, and slashed dates. `12/11/2019` is read month-first (the
/// US order most English wire copy uses) unless the first number cannot be a month
/// (`25/12/2019`), then day-first.
fn numeric_date(s: &str) -> Option<NaiveDate> {
    let sep = if s.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    let nums: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != 3 {
        return None;
    }
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(nums[0], nums[1] as u32, nums[2] as u32);
    }
    if sep == '-' {
        return None;
    }
    let year = match parts[2].len() {
        4 => nums[2],
        2 => 2000 + nums[2],
        _ => return None,
    };
    let (month, day) = if nums[0] > 12 {
        (nums[1], nums[0])
    } else {
        (nums[0], nums[1])
    };
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_time_words_and_numbers() {
        assert_eq!(
            classify("Dec."),
            Some(Lex::Month {
                month: 12,
                ambiguous: false,
                short: false
            })
        );
        assert_eq!(
            classify("May"),
            Some(Lex::Month {
                month: 5,
                ambiguous: true,
                short: false
            })
        );
        assert_eq!(classify("Sunday"), Some(Lex::Weekday(6)));
        assert_eq!(classify("2019"), Some(Lex::Year(2019)));
        assert_eq!(classify("1,500"), None);
        assert_eq!(classify("38"), Some(Lex::Number(38)));
        assert_eq!(classify("1990s"), Some(Lex::Decade(1990)));
        assert_eq!(classify("'90s"), Some(Lex::Decade(1990)));
        assert_eq!(classify("’80s"), Some(Lex::Decade(1980)));
        assert_eq!(classify("31st"), Some(Lex::Ordinal(31)));
        assert_eq!(classify("4:20"), Some(Lex::Clock(4, 20)));
        assert_eq!(classify("4pm"), Some(Lex::Clock(16, 0)));
        assert_eq!(classify("two-year"), Some(Lex::NumberUnit(2, Unit::Year)));
        assert_eq!(classify("72-hour"), Some(Lex::NumberUnit(72, Unit::Hour)));
        assert_eq!(classify("20-month"), Some(Lex::NumberUnit(20, Unit::Month)));
        assert_eq!(classify("mid-2019"), Some(Lex::MidOf));
        assert_eq!(
            classify("2019-12-11"),
            NaiveDate::from_ymd_opt(2019, 12, 11).map(Lex::Date)
        );
        assert_eq!(
            classify("12/11/2019"),
            NaiveDate::from_ymd_opt(2019, 12, 11).map(Lex::Date)
        );
        assert_eq!(
            classify("25/12/2019"),
            NaiveDate::from_ymd_opt(2019, 12, 25).map(Lex::Date)
        );
        assert_eq!(classify("Mars"), None);
        assert_eq!(classify("Пхеньян"), None);
    }

    #[test]
    fn durations_format_as_timeml() {
        assert_eq!(Unit::Year.duration(Some(2)), "P2Y");
        assert_eq!(Unit::Hour.duration(Some(3)), "PT3H");
        assert_eq!(Unit::Day.duration(None), "PXD");
        assert_eq!(Unit::Fortnight.duration(Some(1)), "P2W");
    }
}
