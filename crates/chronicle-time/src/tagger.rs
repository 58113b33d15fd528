//! The `time` stage: finds TIMEX3 expressions in tokenized sentences and normalises them
//! against the article's date.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use chronicle_core::{DatePrecision, Document, Sentence, Span, Stage, Timex, TimexType, Token};

use crate::calendar::{days_in_month, Direction, Period, Season};
use crate::lexicon::{classify, to_24h, Edge, Holiday, Lex, Rel, Unit};
use crate::spec::{resolve, HolidayDay, Spec};
use crate::tense::{clause_direction, WORDS};

/// The time-expression stage (`"time"`): pushes one [`Timex`] per expression found, in text
/// order, normalised against [`chronicle_core::Article::date`] when it is known.
#[derive(Debug, Default, Clone)]
pub struct TimexTagger;

impl TimexTagger {
    pub fn new() -> Self {
        TimexTagger
    }

    /// The time expressions of one sentence. `text` is the article text its spans point into;
    /// `dct` is the document creation time (the article's date), if known.
    pub fn tag_sentence(
        &self,
        text: &str,
        sentence: &Sentence,
        dct: Option<NaiveDate>,
    ) -> Vec<Timex> {
        let toks = &sentence.tokens;
        // Calendar arithmetic stays far from chrono's limits.
        let dct = dct.filter(|d| (1..=9999).contains(&d.year()));
        let lex: Vec<Option<Lex>> = toks.iter().map(|t| classify(&t.text)).collect();
        if lex.iter().all(Option::is_none) {
            return Vec::new();
        }
        let mut m = Matcher {
            toks,
            lex,
            dct,
            last_day: None,
        };
        let mut out = Vec::new();
        let mut i = 0;
        let mut last_end = 0;
        while i < toks.len() {
            if m.lex[i].is_none() {
                i += 1;
                continue;
            }
            match m.match_at(i) {
                Some(mut found) if found.end > i => {
                    let start = m.quantifier_start(i, last_end, &mut found);
                    last_end = found.end;
                    if let Some(t) = m.build(text, sentence.index, start, &found) {
                        out.push(t);
                    }
                    i = found.end;
                }
                _ => i += 1,
            }
        }
        out
    }
}

impl Stage for TimexTagger {
    fn name(&self) -> &'static str {
        "time"
    }

    fn process(&self, doc: &mut Document) {
        let dct = doc.article.date;
        let mut found = Vec::new();
        for s in &doc.sentences {
            found.extend(self.tag_sentence(&doc.article.text, s, dct));
        }
        doc.timexes.extend(found);
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Date(Spec),
    TimeOfDay(Spec, &'static str),
    Clock(u32, u32),
    Duration(String),
    Set(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Found {
    end: usize,
    kind: Kind,
    modifier: Option<&'static str>,
}

impl Found {
    fn date(end: usize, spec: Spec) -> Self {
        Found {
            end,
            kind: Kind::Date(spec),
            modifier: None,
        }
    }
}

struct Matcher<'a> {
    toks: &'a [Token],
    lex: Vec<Option<Lex>>,
    dct: Option<NaiveDate>,
    /// The last day-precision date found in this sentence, which anchors clock times.
    last_day: Option<NaiveDate>,
}

impl<'a> Matcher<'a> {
    fn lex(&self, i: usize) -> Option<Lex> {
        self.lex.get(i).copied().flatten()
    }

    fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text.as_str())
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(word)
    }

    fn prev_in(&self, i: usize, words: &[&str]) -> bool {
        i.checked_sub(1)
            .is_some_and(|p| words.iter().any(|w| self.is(p, w)))
    }

    /// "last" used as a verb: "the waiver will last five years".
    fn is_verb_last(&self, i: usize) -> bool {
        self.is(i, "last")
            && self.prev_in(
                i,
                &[
                    "will", "would", "could", "can", "may", "might", "must", "should", "to", "'ll",
                    "did", "does", "do", "not", "n't", "won't", "cannot",
                ],
            )
    }

    /// Whether the token before `i`, lower-cased, is in `words`.
    fn prev_in_set(&self, i: usize, words: &HashSet<&'static str>) -> bool {
        i.checked_sub(1)
            .is_some_and(|p| words.contains(self.text(p).to_lowercase().as_str()))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    fn is_lower(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_lowercase())
    }

    /// A token that is neither a word nor a number (or the end of the sentence).
    fn is_punct_or_end(&self, i: usize) -> bool {
        i >= self.toks.len() || !self.text(i).starts_with(|c: char| c.is_alphanumeric())
    }

    fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Some(Lex::Unit { unit, plural }) => Some((unit, plural)),
            _ => None,
        }
    }

    /// TimeML puts quantifiers inside a duration's extent ("more than two years", mod
    /// MORE_THAN); returns the start including one, never reaching before `floor`.
    fn quantifier_start(&self, i: usize, floor: usize, found: &mut Found) -> usize {
        // "over the past year" is a preposition, not a quantifier.
        let quantifiable = matches!(found.kind, Kind::Duration(_) | Kind::Date(Spec::Ago { .. }))
            && self.lex(i) != Some(Lex::The);
        if !quantifiable || found.modifier.is_some() {
            return i;
        }
        const TWO_WORDS: &[(&str, &str, &str)] = &[
            ("more", "than", "MORE_THAN"),
            ("less", "than", "LESS_THAN"),
            ("fewer", "than", "LESS_THAN"),
            ("at", "least", "EQUAL_OR_MORE"),
            ("at", "most", "EQUAL_OR_LESS"),
            ("up", "to", "EQUAL_OR_LESS"),
        ];
        const ONE_WORD: &[(&str, &str)] = &[
            ("over", "MORE_THAN"),
            ("nearly", "LESS_THAN"),
            ("almost", "LESS_THAN"),
            ("about", "APPROX"),
            ("around", "APPROX"),
            ("approximately", "APPROX"),
            ("roughly", "APPROX"),
            ("some", "APPROX"),
        ];
        if i >= floor + 2 {
            for (a, b, m) in TWO_WORDS {
                if self.is(i - 2, a) && self.is(i - 1, b) {
                    found.modifier = Some(m);
                    return i - 2;
                }
            }
        }
        if i > floor {
            for (w, m) in ONE_WORD {
                if self.is(i - 1, w) {
                    found.modifier = Some(m);
                    return i - 1;
                }
            }
        }
        i
    }

    fn match_at(&mut self, i: usize) -> Option<Found> {
        let found = self
            .modified(i)
            .or_else(|| self.duration_or_set(i))
            .or_else(|| self.core(i, false))?;
        Some(self.with_part_of_day(found))
    }

    /// "Tuesday morning", "late Tuesday night", "yesterday afternoon".
    fn with_part_of_day(&self, found: Found) -> Found {
        if let (Kind::Date(spec), Some(Lex::PartOfDay(pod))) = (&found.kind, self.lex(found.end)) {
            if spec.is_day() {
                return Found {
                    end: found.end + 1,
                    kind: Kind::TimeOfDay(*spec, pod),
                    modifier: found.modifier,
                };
            }
        }
        found
    }

    // ----- modifiers -----------------------------------------------------------------

    fn modified(&self, i: usize) -> Option<Found> {
        match self.lex(i)? {
            Lex::The if self.is(i + 2, "half") && self.lex(i + 3) == Some(Lex::Of) => {
                self.half_of(i)
            }
            Lex::The => match (self.lex(i + 1), self.lex(i + 2)) {
                (
                    Some(Lex::Edge(e @ (Edge::Beginning | Edge::End | Edge::Middle))),
                    Some(Lex::Of),
                ) => self.edge_of(i + 3, e),
                // "the early 1990s", "the late 2010s"
                (
                    Some(Lex::Edge(e @ (Edge::Early | Edge::Late | Edge::Mid))),
                    Some(Lex::Decade(y)),
                ) => Some(Found {
                    end: i + 3,
                    kind: Kind::Date(Spec::Decade(y)),
                    modifier: Some(e.modifier()),
                }),
                _ => None,
            },
            Lex::Edge(e @ (Edge::Earlier | Edge::Later)) => {
                let mut f = self.core(i + 1, true)?;
                matches!(
                    f.kind,
                    Kind::Date(Spec::UnitRel { shift: 0, .. } | Spec::DayShift(_))
                )
                .then(|| {
                    f.modifier = Some(e.modifier());
                    f
                })
            }
            Lex::Edge(e @ (Edge::Early | Edge::Late | Edge::Mid)) => {
                // Wire style: "early on Thursday", "late on Monday".
                let on = e != Edge::Mid && self.is(i + 1, "on");
                let mut f = self.core(if on { i + 2 } else { i + 1 }, true)?;
                let is_day = matches!(f.kind, Kind::Date(spec) if spec.is_day());
                let ok = is_day && !matches!(f.kind, Kind::Date(Spec::Holiday { .. }))
                    || !on
                        && matches!(
                            f.kind,
                            Kind::Date(
                                Spec::Weekday(_)
                                    | Spec::WeekdayRel { .. }
                                    | Spec::Month(_)
                                    | Spec::MonthYear { .. }
                                    | Spec::MonthRel { .. }
                                    | Spec::Year(_)
                                    | Spec::Decade(_)
                                    | Spec::UnitRel { .. }
                                    | Spec::Season { .. }
                                    | Spec::SeasonRel { .. }
                                    | Spec::DayShift(_)
                            )
                        );
                ok.then(|| {
                    f.modifier = Some(e.modifier());
                    f
                })
            }
            Lex::MidOf => self.mid_compound(i),
            _ => None,
        }
    }

    /// "the first half of 2020", "the second half of next year", "the first half of the year".
    fn half_of(&self, i: usize) -> Option<Found> {
        let half = match self.lex(i + 1)? {
            Lex::Ordinal(h @ 1..=2) => h,
            _ => return None,
        };
        let j = i + 4;
        let (end, year, shift) = match (self.lex(j)?, self.lex(j + 1)) {
            (Lex::Year(y), _) => (j + 1, Some(y), 0),
            (
                Lex::The | Lex::Rel(Rel::This),
                Some(Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                }),
            ) => (j + 2, None, 0),
            (
                Lex::Rel(Rel::Last),
                Some(Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                }),
            ) => (j + 2, None, -1),
            (
                Lex::Rel(Rel::Next),
                Some(Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                }),
            ) => (j + 2, None, 1),
            _ => return None,
        };
        Some(Found::date(end, Spec::Half { half, year, shift }))
    }

    /// "the end of the year", "the beginning of the week", "the middle of next month".
    fn edge_of(&self, j: usize, edge: Edge) -> Option<Found> {
        let modifier = Some(edge.modifier());
        if self.lex(j) == Some(Lex::The) {
            if let Some((unit, false)) = self.unit_at(j + 1) {
                // "the end of the day" is an idiom, not a date.
                if matches!(
                    unit,
                    Unit::Week
                        | Unit::Weekend
                        | Unit::Month
                        | Unit::Quarter
                        | Unit::Year
                        | Unit::Decade
                ) {
                    return Some(Found {
                        end: j + 2,
                        kind: Kind::Date(Spec::UnitRel { unit, shift: 0 }),
                        modifier,
                    });
                }
            }
        }
        let mut f = self.core(j, true)?;
        matches!(
            f.kind,
            Kind::Date(
                Spec::Month(_)
                    | Spec::MonthYear { .. }
                    | Spec::MonthRel { .. }
                    | Spec::Year(_)
                    | Spec::Decade(_)
                    | Spec::UnitRel { .. }
                    | Spec::Season { .. }
                    | Spec::SeasonRel { .. }
                    | Spec::Quarter { .. }
            )
        )
        .then(|| {
            f.modifier = modifier;
            f
        })
    }

    /// "mid-December", "mid-2019", "mid-1990s", "mid-week".
    fn mid_compound(&self, i: usize) -> Option<Found> {
        let rest = self.text(i).get(4..)?;
        let spec = match classify(rest)? {
            Lex::Month { month, .. } => match self.lex(i + 1) {
                Some(Lex::Year(year)) => {
                    return Some(Found {
                        end: i + 2,
                        kind: Kind::Date(Spec::MonthYear { year, month }),
                        modifier: Some("MID"),
                    })
                }
                _ => Spec::Month(month),
            },
            Lex::Year(y) => Spec::Year(y),
            Lex::Decade(y) => Spec::Decade(y),
            Lex::Unit {
                unit: Unit::Week,
                plural: false,
            } => Spec::UnitRel {
                unit: Unit::Week,
                shift: 0,
            },
            _ => return None,
        };
        Some(Found {
            end: i + 1,
            kind: Kind::Date(spec),
            modifier: Some("MID"),
        })
    }

    // ----- durations and sets ------------------------------------------------------------

    fn duration_or_set(&self, i: usize) -> Option<Found> {
        let dur = |end: usize, unit: Unit, n: Option<u32>| {
            Some(Found {
                end,
                kind: Kind::Duration(unit.duration(n)),
                modifier: None,
            })
        };
        let set = |end: usize, value: String| {
            Some(Found {
                end,
                kind: Kind::Set(value),
                modifier: None,
            })
        };
        match self.lex(i)? {
            Lex::The => match self.lex(i + 1)? {
                Lex::Rel(
                    r @ (Rel::Past
                    | Rel::Last
                    | Rel::Previous
                    | Rel::Next
                    | Rel::Coming
                    | Rel::Following),
                ) => {
                    let (end, unit, n) = self.counted_unit(i + 2)?;
                    // "the next day", "the following week" point at an anaphoric date;
                    // "the last minute" is an idiom.
                    let idiom = r == Rel::Last && unit == Unit::Minute;
                    let anaphoric =
                        n == Some(1) && end == i + 3 && (r == Rel::Following || unit == Unit::Day);
                    if idiom || anaphoric {
                        return None;
                    }
                    dur(end, unit, n)
                }
                _ => None,
            },
            Lex::Rel(Rel::Past | Rel::Last | Rel::Next | Rel::Coming) => {
                if self.is_verb_last(i) {
                    return None;
                }
                let (end, unit, n) = self.counted_unit(i + 1)?;
                // "last week" is a date; "last two weeks" and "coming days" are durations.
                (end > i + 2 || self.unit_at(i + 1).is_some_and(|(_, plural)| plural))
                    .then_some(())?;
                dur(end, unit, n)
            }
            Lex::Rel(Rel::Recent) => match self.unit_at(i + 1)? {
                (unit, true) => dur(i + 2, unit, None),
                _ => None,
            },
            Lex::Number(_) | Lex::Few => {
                let (end, unit, n) = self.counted_unit(i)?;
                (end > i + 1 && self.lex(end) != Some(Lex::Ago)).then_some(())?;
                if !self
                    .text(i)
                    .starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
                {
                    return None;
                }
                dur(end, unit, n)
            }
            Lex::A => {
                if self.lex(i + 1) == Some(Lex::Few) {
                    let (end, unit, n) = self.counted_unit(i + 1)?;
                    return if self.lex(end) == Some(Lex::Ago) {
                        None
                    } else {
                        dur(end, unit, n)
                    };
                }
                let (unit, plural) = self.unit_at(i + 1)?;
                // "after a weekend of violence" names an occasion, not a length.
                if unit == Unit::Weekend {
                    return None;
                }
                let after_prep = self.prev_in(
                    i,
                    &[
                        "for", "within", "in", "over", "after", "than", "about", "nearly",
                        "almost", "least", "only", "just", "half",
                    ],
                );
                (!plural && after_prep && self.lex(i + 2) != Some(Lex::Ago)).then_some(())?;
                dur(i + 2, unit, Some(1))
            }
            Lex::NumberUnit(n, unit) => dur(i + 1, unit, Some(n)),
            // "for years", "after months of talks", "the worst fighting in years."
            Lex::Unit { unit, plural: true }
                if self.is_lower(i)
                    && (self.prev_in(i, &["for", "after", "over", "within"])
                        || self.prev_in(i, &["in"]) && self.is_punct_or_end(i + 1))
                    && self.lex(i + 1) != Some(Lex::Ago) =>
            {
                dur(i + 1, unit, None)
            }
            Lex::Every => {
                let (end, value) = self.every(i + 1)?;
                set(end, value)
            }
            Lex::Once(_) => {
                let per = self.lex(i + 1) == Some(Lex::A)
                    || self.is(i + 1, "per")
                    || self.lex(i + 1) == Some(Lex::Every);
                match self.unit_at(i + 2) {
                    Some((unit, false)) if per => set(i + 3, unit.duration(Some(1))),
                    _ => None,
                }
            }
            Lex::Frequency(unit) if self.is_lower(i) => set(i + 1, unit.duration(Some(1))),
            _ => None,
        }
    }

    /// `[number | few | a few] unit` at `j`: (end, unit, count).
    fn counted_unit(&self, j: usize) -> Option<(usize, Unit, Option<u32>)> {
        match self.lex(j)? {
            Lex::Unit { unit, plural } => Some((j + 1, unit, if plural { None } else { Some(1) })),
            Lex::Number(n) if n > 0 && n < 1000 => match self.unit_at(j + 1)? {
                (unit, plural) if plural == (n != 1) => Some((j + 2, unit, Some(n))),
                _ => None,
            },
            Lex::Few => match self.unit_at(j + 1)? {
                (unit, true) => Some((j + 2, unit, None)),
                _ => None,
            },
            _ => None,
        }
    }

    /// After "every"/"each": "week", "two years", "Monday", "morning".
    fn every(&self, j: usize) -> Option<(usize, String)> {
        match self.lex(j)? {
            Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            } => Some((j + 1, "XXXX-WXX-WE".into())),
            Lex::Unit {
                unit,
                plural: false,
            } => Some((j + 1, unit.duration(Some(1)))),
            Lex::Number(n) if n > 1 && n < 100 => match self.unit_at(j + 1)? {
                (unit, true) => Some((j + 2, unit.duration(Some(n)))),
                _ => None,
            },
            Lex::Weekday(wd) if self.is_cap(j) => Some((j + 1, format!("XXXX-WXX-{}", wd + 1))),
            Lex::PartOfDay(pod) => Some((j + 1, format!("XXXX-XX-XXT{pod}"))),
            _ => None,
        }
    }

    // ----- dates and times ---------------------------------------------------------------

    /// A date or time expression at `i`. `in_context` is true when a modifier before it
    /// ("late", "the end of") already shows that a month name is a date.
    fn core(&self, i: usize, in_context: bool) -> Option<Found> {
        match self.lex(i)? {
            Lex::Date(d) => Some(Found::date(i + 1, Spec::Day(d))),
            Lex::Year(y) => {
                (in_context || self.is_year_context(i)).then(|| Found::date(i + 1, Spec::Year(y)))
            }
            Lex::Decade(y) => Some(Found::date(i + 1, Spec::Decade(y))),
            Lex::Month {
                month,
                ambiguous,
                short,
            } => self.month_phrase(i, month, ambiguous, short, in_context),
            Lex::Weekday(wd) => self.weekday_phrase(i, wd),
            Lex::Number(_) | Lex::Ordinal(_) => self
                .day_month(i)
                .or_else(|| self.ago(i))
                .or_else(|| self.clock_after_number(i)),
            Lex::A | Lex::Few => self.ago(i),
            Lex::Unit { plural: true, .. } if self.lex(i + 1) == Some(Lex::Ago) => {
                Some(Found::date(i + 2, Spec::Ref("PAST_REF")))
            }
            // "USA Today", "Korea Peace Now!" are names.
            Lex::DayShift(_) | Lex::Ref(_)
                if self.is_cap(i) && i > 0 && !self.is_punct_or_end(i - 1) =>
            {
                None
            }
            Lex::DayShift(k) => Some(Found::date(i + 1, Spec::DayShift(k))),
            Lex::Tonight => Some(Found {
                end: i + 1,
                kind: Kind::TimeOfDay(Spec::DayShift(0), "NI"),
                modifier: None,
            }),
            Lex::Ref(r) => Some(Found::date(i + 1, Spec::Ref(r))),
            Lex::Present if self.prev_in(i, &["at"]) => {
                Some(Found::date(i + 1, Spec::Ref("PRESENT_REF")))
            }
            Lex::Rel(r) => self.rel_phrase(i, r),
            Lex::The => self.the_phrase(i),
            Lex::Season(s) => self.season_phrase(i, s, in_context),
            Lex::Holiday(h) => self.holiday_phrase(i, h),
            Lex::Clock(h, m) => self.clock(i, h, m),
            Lex::Noon | Lex::Midnight if self.prev_in_set(i, &WORDS.clock_prepositions) => {
                let h = if self.lex(i) == Some(Lex::Noon) {
                    12
                } else {
                    0
                };
                Some(Found {
                    end: i + 1,
                    kind: Kind::Clock(h, 0),
                    modifier: None,
                })
            }
            _ => None,
        }
    }

    /// Whether a bare 4-digit number at `i` is a year rather than a quantity.
    fn is_year_context(&self, i: usize) -> bool {
        let is_number = |k: usize| {
            let t = self.text(k);
            t.starts_with(|c: char| c.is_ascii_digit())
                && t.bytes().all(|b| b.is_ascii_digit() || b == b',')
        };
        // Phone numbers and tables: "713 965 2158".
        if (i > 0 && is_number(i - 1)) || (i + 1 < self.toks.len() && is_number(i + 1)) {
            return false;
        }
        // Years far from today need a clear preposition ("in 1066", not "a high of 1051").
        let recent = matches!(self.lex(i), Some(Lex::Year(y)) if (1800..=2100).contains(&y));
        if !recent && !self.prev_in_set(i, &WORDS.strong_year_prepositions) {
            return false;
        }
        let next = self.text(i + 1).to_lowercase();
        if WORDS.count_nouns.contains(next.as_str()) || self.prev_in_set(i, &WORDS.quantity_words) {
            return false;
        }
        // "1100 pictures": a count before a plural noun.
        let plural_noun =
            next.len() > 3 && next.ends_with('s') && next.bytes().all(|b| b.is_ascii_lowercase());
        if plural_noun && !self.prev_in_set(i, &WORDS.strong_year_prepositions) {
            return false;
        }
        self.prev_in_set(i, &WORDS.date_prepositions)
            || i == 0
            || self.is_punct_or_end(i + 1)
            || matches!(next.as_str(), "'s" | "’s" | "and" | "to" | "or")
    }

    fn month_phrase(
        &self,
        i: usize,
        month: u32,
        ambiguous: bool,
        short: bool,
        in_context: bool,
    ) -> Option<Found> {
        if !self.is_cap(i) {
            return None;
        }
        let j = i + 1;
        if let Some(day) = self.day_number(j) {
            let k = if self.text(j + 1) == "," {
                j + 2
            } else {
                j + 1
            };
            if let Some(Lex::Year(year)) = self.lex(k) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some(Found::date(k + 1, Spec::Day(d)));
            }
            (day <= 31).then_some(())?;
            return Some(Found::date(j + 1, Spec::DayOfYear { month, day }));
        }
        let k = if self.text(j) == "," || self.lex(j) == Some(Lex::Of) {
            j + 1
        } else {
            j
        };
        if let Some(Lex::Year(year)) = self.lex(k) {
            return Some(Found::date(k + 1, Spec::MonthYear { year, month }));
        }
        if short {
            return None;
        }
        // Month names that are also given names or verbs need a date context, and a
        // capitalised word after them ("April Ryan", "June Lee") makes them names.
        let name_like = ambiguous || matches!(month, 4 | 6 | 8);
        if name_like {
            let context = in_context || self.prev_in_set(i, &WORDS.date_prepositions);
            let followed_by_name = self.is_cap(j) && self.lex(j).is_none();
            if !context || followed_by_name {
                return None;
            }
        }
        Some(Found::date(j, Spec::Month(month)))
    }

    /// A day of month written with digits: "5", "31st".
    fn day_number(&self, j: usize) -> Option<u32> {
        if !self.text(j).starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        match self.lex(j)? {
            Lex::Number(d) | Lex::Ordinal(d) if (1..=31).contains(&d) => Some(d),
            _ => None,
        }
    }

    /// "15 December, 2017", "5th of December".
    fn day_month(&self, i: usize) -> Option<Found> {
        let day = self.day_number(i)?;
        let j = if self.lex(i + 1) == Some(Lex::Of) {
            i + 2
        } else {
            i + 1
        };
        let Some(Lex::Month { month, short, .. }) = self.lex(j) else {
            return None;
        };
        if !self.is_cap(j) || (short && !self.text(j).ends_with('.') && self.text(j).len() < 3) {
            return None;
        }
        let k = if self.text(j + 1) == "," {
            j + 2
        } else {
            j + 1
        };
        if let Some(Lex::Year(year)) = self.lex(k) {
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            return Some(Found::date(k + 1, Spec::Day(d)));
        }
        (day <= days_in_month(2020, month))
            .then(|| Found::date(j + 1, Spec::DayOfYear { month, day }))
    }

    /// "two years ago", "a week ago", "a few days ago".
    fn ago(&self, i: usize) -> Option<Found> {
        let (n, j) = match self.lex(i)? {
            Lex::Number(n) if n < 1000 => (Some(n), i + 1),
            Lex::A if self.lex(i + 1) == Some(Lex::Few) => (None, i + 2),
            Lex::A => (Some(1), i + 1),
            Lex::Few => (None, i + 1),
            _ => return None,
        };
        let (unit, _) = self.unit_at(j)?;
        (self.lex(j + 1) == Some(Lex::Ago)).then_some(())?;
        let spec = match n {
            Some(n) => Spec::Ago { n, unit },
            None => Spec::Ref("PAST_REF"),
        };
        Some(Found::date(j + 2, spec))
    }

    fn weekday_phrase(&self, i: usize, weekday: u32) -> Option<Found> {
        if !self.is_cap(i) {
            return None;
        }
        let next = self.text(i + 1).to_lowercase();
        if self.is_cap(i + 1) && WORDS.weekday_followers.contains(next.as_str()) {
            return None;
        }
        // "Friday, 15 December, 2017", "Tuesday, Dec. 10"
        let j = if self.text(i + 1) == "," {
            i + 2
        } else {
            i + 1
        };
        if let Some(f) = self.day_month(j) {
            return Some(f);
        }
        if let Some(Lex::Month {
            month,
            ambiguous,
            short,
        }) = self.lex(j)
        {
            if let Some(f) = self.month_phrase(j, month, ambiguous, short, true) {
                if matches!(f.kind, Kind::Date(Spec::Day(_) | Spec::DayOfYear { .. })) {
                    return Some(f);
                }
            }
        }
        Some(Found::date(i + 1, Spec::Weekday(weekday)))
    }

    /// "last week", "this month", "next Monday", "last December", "this morning".
    fn rel_phrase(&self, i: usize, rel: Rel) -> Option<Found> {
        if self.is_verb_last(i) {
            return None;
        }
        let shift = match rel {
            Rel::This => 0,
            Rel::Last => -1,
            Rel::Next | Rel::Coming => 1,
            _ => return None,
        };
        // "this past weekend" is the last one.
        let (shift, j) = match (rel, self.lex(i + 1)) {
            (Rel::This, Some(Lex::Rel(Rel::Past))) => (-1, i + 2),
            _ => (shift, i + 1),
        };
        let spec = match self.lex(j)? {
            Lex::Unit {
                unit,
                plural: false,
            } if !matches!(
                unit,
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Fortnight
            ) =>
            {
                Spec::UnitRel { unit, shift }
            }
            Lex::Weekday(weekday) if self.is_cap(j) => Spec::WeekdayRel { weekday, shift },
            // "the upcoming Jan. 9, 2005 election": the full date wins.
            Lex::Month { .. }
                if self.day_number(j + 1).is_some()
                    || matches!(self.lex(j + 1), Some(Lex::Year(_))) =>
            {
                return None
            }
            Lex::Month {
                month,
                short: false,
                ..
            } if self.is_cap(j) => Spec::MonthRel { month, shift },
            Lex::Season(season) => Spec::SeasonRel { season, shift },
            Lex::PartOfDay(pod) => {
                let day = match (shift, pod) {
                    (0, _) => 0,
                    (-1, "NI" | "EV") => -1,
                    _ => return None,
                };
                return Some(Found {
                    end: j + 1,
                    kind: Kind::TimeOfDay(Spec::DayShift(day), pod),
                    modifier: None,
                });
            }
            _ => return None,
        };
        Some(Found::date(j + 1, spec))
    }

    /// "the 1990s", "the weekend", "the first quarter of 2019", "the past", "the future".
    fn the_phrase(&self, i: usize) -> Option<Found> {
        match self.lex(i + 1)? {
            Lex::Decade(y) => Some(Found::date(i + 2, Spec::Decade(y))),
            Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            } => Some(Found::date(i + 2, Spec::WeekendByTense)),
            Lex::Ordinal(q @ 1..=4) if self.unit_at(i + 2) == Some((Unit::Quarter, false)) => {
                if self.lex(i + 3) == Some(Lex::Of) {
                    if let Some(Lex::Year(y)) = self.lex(i + 4) {
                        return Some(Found::date(
                            i + 5,
                            Spec::Quarter {
                                quarter: q,
                                year: Some(y),
                            },
                        ));
                    }
                }
                Some(Found::date(
                    i + 3,
                    Spec::Quarter {
                        quarter: q,
                        year: None,
                    },
                ))
            }
            Lex::Rel(Rel::Past) if self.lex(i + 2).is_none() || self.is_punct_or_end(i + 2) => {
                Some(Found::date(i + 2, Spec::Ref("PAST_REF")))
            }
            Lex::Future => Some(Found::date(i + 2, Spec::Ref("FUTURE_REF"))),
            _ if self.is(i + 1, "near") && self.lex(i + 2) == Some(Lex::Future) => {
                Some(Found::date(i + 3, Spec::Ref("FUTURE_REF")))
            }
            _ => None,
        }
    }

    fn season_phrase(&self, i: usize, season: Season, in_context: bool) -> Option<Found> {
        let j = if self.lex(i + 1) == Some(Lex::Of) {
            i + 2
        } else {
            i + 1
        };
        if let Some(Lex::Year(y)) = self.lex(j) {
            return Some(Found::date(
                j + 1,
                Spec::Season {
                    season,
                    year: Some(y),
                },
            ));
        }
        // Bare "fall" is usually the verb; other seasons need "in", "during" ….
        let preps = [
            "in", "during", "since", "until", "by", "this", "over", "through",
        ];
        let context = in_context
            || self.prev_in(i, &preps)
            || (self.prev_in(i, &["the"]) && i >= 2 && self.prev_in(i - 1, &preps));
        (context && !self.is(i, "fall") && !self.is_cap(i))
            .then(|| Found::date(i + 1, Spec::Season { season, year: None }))
    }

    fn holiday_phrase(&self, i: usize, holiday: Holiday) -> Option<Found> {
        if !self.is_cap(i) || self.prev_in(i, &["lunar", "chinese", "orthodox", "persian"]) {
            return None;
        }
        let next_is = |k: usize, w: &str| self.is(k, w);
        let (day, end) = match holiday {
            Holiday::Christmas if next_is(i + 1, "day") => (HolidayDay::Fixed(12, 25), i + 2),
            Holiday::Christmas if self.lex(i + 1) == Some(Lex::Eve) => {
                (HolidayDay::Fixed(12, 24), i + 2)
            }
            Holiday::Christmas => (HolidayDay::Fixed(12, 25), i + 1),
            Holiday::Easter if next_is(i + 1, "sunday") => (HolidayDay::Easter(0), i + 2),
            Holiday::Easter if next_is(i + 1, "monday") => (HolidayDay::Easter(1), i + 2),
            Holiday::Easter => (HolidayDay::Easter(0), i + 1),
            Holiday::Thanksgiving if next_is(i + 1, "day") => (HolidayDay::Thanksgiving, i + 2),
            Holiday::Thanksgiving => (HolidayDay::Thanksgiving, i + 1),
            Holiday::Halloween => (HolidayDay::Fixed(10, 31), i + 1),
            Holiday::Valentine
                if matches!(self.text(i + 1), "'s" | "’s") && next_is(i + 2, "day") =>
            {
                (HolidayDay::Fixed(2, 14), i + 3)
            }
            Holiday::Boxing if next_is(i + 1, "day") => (HolidayDay::Fixed(12, 26), i + 2),
            Holiday::New if next_is(i + 1, "year") => {
                let k = if matches!(self.text(i + 2), "'s" | "’s") {
                    i + 3
                } else {
                    i + 2
                };
                if next_is(k, "day") {
                    (HolidayDay::Fixed(1, 1), k + 1)
                } else if self.lex(k) == Some(Lex::Eve) {
                    (HolidayDay::Fixed(12, 31), k + 1)
                } else {
                    (HolidayDay::Fixed(1, 1), k)
                }
            }
            _ => return None,
        };
        // A bare name ("Christmas present") is a date only after a preposition.
        let named_day = end > i + 1 && !matches!(holiday, Holiday::New) || end > i + 3;
        let follower = self.text(end).to_lowercase();
        if !named_day
            && (!self.prev_in_set(i, &WORDS.holiday_prepositions)
                || WORDS.holiday_followers.contains(follower.as_str()))
        {
            return None;
        }
        if let Some(Lex::Year(y)) = self.lex(end) {
            return Some(Found::date(end + 1, Spec::Holiday { day, year: Some(y) }));
        }
        Some(Found::date(end, Spec::Holiday { day, year: None }))
    }

    /// "4:20 pm", "19:45", "at 16:00 GMT".
    fn clock(&self, i: usize, h: u32, m: u32) -> Option<Found> {
        if let Some(Lex::Meridiem { pm }) = self.lex(i + 1) {
            if (1..=12).contains(&h) {
                return Some(Found {
                    end: i + 2,
                    kind: Kind::Clock(to_24h(h, pm), m),
                    modifier: None,
                });
            }
        }
        let single_token_meridiem = self
            .text(i)
            .chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() || c == '.');
        let next = self.text(i + 1).to_lowercase();
        (single_token_meridiem
            || self.prev_in_set(i, &WORDS.clock_prepositions)
            || WORDS.timezones.contains(next.as_str()))
        .then_some(Found {
            end: i + 1,
            kind: Kind::Clock(h, m),
            modifier: None,
        })
    }

    /// "4 p.m.", "10 am".
    fn clock_after_number(&self, i: usize) -> Option<Found> {
        let Some(Lex::Number(h @ 1..=12)) = self.lex(i) else {
            return None;
        };
        match self.lex(i + 1)? {
            Lex::Meridiem { pm } => Some(Found {
                end: i + 2,
                kind: Kind::Clock(to_24h(h, pm), 0),
                modifier: None,
            }),
            _ => None,
        }
    }

    // ----- anchoring ---------------------------------------------------------------------

    /// The direction the clause around `[start, end)` points to.
    fn direction(&self, start: usize, end: usize) -> Direction {
        if self.prev_in(start, &["since"]) {
            return Direction::Past;
        }
        // "booked capacity for January": a target period, whatever the verb's tense.
        if self.prev_in(start, &["for"]) {
            return Direction::Unknown;
        }
        clause_direction(self.toks, start, end)
    }

    fn build(&mut self, text: &str, sentence: usize, start: usize, found: &Found) -> Option<Timex> {
        let span = Span::new(
            self.toks[start].span.start,
            self.toks[found.end - 1].span.end,
        );
        let surface = text.get(span.start..span.end)?.to_owned();
        let (kind, period, relative) = match &found.kind {
            Kind::Duration(v) => (TimexType::Duration, Period::unresolved(v.clone()), false),
            Kind::Set(v) => (TimexType::Set, Period::unresolved(v.clone()), false),
            Kind::Date(spec) => {
                let (p, rel) = resolve(*spec, self.dct, || self.direction(start, found.end));
                (TimexType::Date, p, rel)
            }
            Kind::TimeOfDay(spec, pod) => {
                let (p, rel) = resolve(*spec, self.dct, || self.direction(start, found.end));
                let value = format!("{}T{pod}", p.value);
                (TimexType::Time, Period { value, ..p }, rel)
            }
            Kind::Clock(h, m) => {
                let (base, rel) = match (self.last_day, self.dct) {
                    (Some(d), _) => (Period::day(d), false),
                    (None, Some(d)) => (Period::day(d), true),
                    (None, None) => (Period::unresolved("XXXX-XX-XX"), true),
                };
                let value = format!("{}T{h:02}:{m:02}", base.value);
                (TimexType::Time, Period { value, ..base }, rel)
            }
        };
        if period.precision == DatePrecision::Day && kind == TimexType::Date {
            self.last_day = period.date;
        }
        Some(Timex {
            sentence,
            span,
            text: surface,
            kind,
            value: period.value,
            modifier: found.modifier.map(str::to_owned),
            date: period.date,
            precision: period.precision,
            relative,
        })
    }
}
