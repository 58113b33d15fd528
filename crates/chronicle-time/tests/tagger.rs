//! The time stage on wire-style text.

mod common;

use chronicle_core::{DatePrecision, TimexType};
use common::{date, find, pairs, timexes};

const WED: Option<&str> = Some("2019-12-11");

#[test]
fn weekdays_point_back_or_forward_by_the_verb() {
    let text = "North Korea said on Sunday it had carried out a very important test at its Sohae launch site. \
                At the request of the U.S., the UN Security Council will hold a meeting Wednesday to discuss the situation. \
                During a joint news conference after the bilateral talks in Washington Tuesday, Pompeo urged Pyongyang to refrain from tests. \
                Japan's defence minister will travel to Manila on Friday. \
                Officials from the two Koreas met on Monday in the truce village of Panmunjom. \
                The U.S. envoy is due to arrive in Seoul on Sunday for three days of talks.";
    let ts = timexes(text, WED);
    let on = |surface: &str, nth: usize| {
        ts.iter()
            .filter(|t| t.text == surface)
            .nth(nth)
            .unwrap()
            .date
    };
    assert_eq!(on("Sunday", 0), Some(date("2019-12-08")));
    assert_eq!(on("Wednesday", 0), Some(date("2019-12-11")));
    assert_eq!(on("Tuesday", 0), Some(date("2019-12-10")));
    assert_eq!(on("Friday", 0), Some(date("2019-12-13")));
    assert_eq!(on("Monday", 0), Some(date("2019-12-09")));
    assert_eq!(on("Sunday", 1), Some(date("2019-12-15")));
    let sunday = find(&ts, "Sunday");
    assert_eq!(
        (sunday.kind, sunday.precision, sunday.relative),
        (TimexType::Date, DatePrecision::Day, true)
    );
    assert_eq!(sunday.value, "2019-12-08");
    // The span leaves out the preposition, as TimeML does.
    assert_eq!(&text[sunday.span.start..sunday.span.end], "Sunday");
}

#[test]
fn weeks_months_and_years_relative_to_the_article() {
    let text = "Kim Jong Un inspected a tractor factory last week, state media reported. \
                Chinese, South Korean and Japanese leaders will meet in Chengdu next week. \
                Earlier this month, Trump warned Pyongyang against hostile acts. \
                The foundation published its report last month. \
                The envoy said talks could resume later this week. \
                Exports have fallen sharply this year.";
    let ts = timexes(text, WED);
    let last_week = find(&ts, "last week");
    assert_eq!(
        (last_week.value.as_str(), last_week.date),
        ("2019-W49", Some(date("2019-12-02")))
    );
    assert_eq!(last_week.precision, DatePrecision::Week);
    assert_eq!(find(&ts, "next week").value, "2019-W51");
    let earlier = find(&ts, "Earlier this month");
    assert_eq!(
        (earlier.value.as_str(), earlier.modifier.as_deref()),
        ("2019-12", Some("START"))
    );
    assert_eq!(find(&ts, "last month").value, "2019-11");
    let later = find(&ts, "later this week");
    assert_eq!(
        (later.value.as_str(), later.modifier.as_deref()),
        ("2019-W50", Some("END"))
    );
    assert_eq!(find(&ts, "this year").date, Some(date("2019-01-01")));
}

#[test]
fn bare_months_follow_the_tense_of_their_clause() {
    let past = timexes(
        "Pyongyang tested a new solid-fuel engine in November, analysts said.",
        WED,
    );
    assert_eq!(find(&past, "November").value, "2019-11");
    let future = timexes(
        "The two leaders will meet again in November, a Blue House official told reporters.",
        Some("2019-02-20"),
    );
    assert_eq!(find(&future, "November").value, "2019-11");
    let last_year = timexes(
        "Production fell sharply in November after the sanctions took effect.",
        Some("2019-03-15"),
    );
    assert_eq!(find(&last_year, "November").value, "2018-11");
    let since = timexes("North Korea conducted missile tests at a steady pace since April, then paused in September.", Some("2017-12-15"));
    assert_eq!(
        pairs(&since),
        [
            ("April".into(), "2017-04".into()),
            ("September".into(), "2017-09".into())
        ]
    );
    let death = timexes(
        "Before his death in December, North Korea's longtime leader Kim Jong Il said Pyongyang was ready to return to six-party talks.",
        Some("2012-01-31"),
    );
    let december = find(&death, "December");
    assert_eq!(
        (december.value.as_str(), december.date),
        ("2011-12", Some(date("2011-12-01")))
    );
}

#[test]
fn durations_sets_and_ago() {
    let text = "No breakthrough has come in the past two years. \
                The delegations negotiated for three hours behind closed doors. \
                The ceasefire was signed two years ago in Addis Ababa. \
                Inspectors will visit the site every week, the IAEA said. \
                Parliament approved a two-year extension of the mission. \
                A week ago, rebels seized the airport. \
                The committee meets twice a year in Vienna.";
    let ts = timexes(text, WED);
    let past = find(&ts, "the past two years");
    assert_eq!(
        (past.kind, past.value.as_str(), past.date),
        (TimexType::Duration, "P2Y", None)
    );
    assert_eq!(find(&ts, "three hours").value, "PT3H");
    let ago = find(&ts, "two years ago");
    assert_eq!(
        (ago.kind, ago.value.as_str(), ago.relative),
        (TimexType::Date, "2017", true)
    );
    let every = find(&ts, "every week");
    assert_eq!((every.kind, every.value.as_str()), (TimexType::Set, "P1W"));
    assert_eq!(find(&ts, "two-year").value, "P2Y");
    assert_eq!(find(&ts, "A week ago").value, "2019-W49");
    let decade = timexes("The border was sealed a decade ago.", WED);
    assert_eq!(find(&decade, "a decade ago").value, "2009");
    assert_eq!(find(&ts, "twice a year").kind, TimexType::Set);
}

#[test]
fn absolute_dates_in_many_formats() {
    let text = "Posted January 31st, 2012 at 4:20 pm (UTC-5). \
                Friday, 15 December, 2017 - 19:45. \
                The agreement signed on 2019-12-11 replaces the one of 12/11/2018. \
                Tensions peaked in the 1990s and again in mid-2017. \
                Elections are planned in 2020, the commission said.";
    let ts = timexes(text, None);
    assert_eq!(find(&ts, "January 31st, 2012").value, "2012-01-31");
    let clock = find(&ts, "4:20 pm");
    assert_eq!(
        (clock.kind, clock.value.as_str()),
        (TimexType::Time, "2012-01-31T16:20")
    );
    assert_eq!(find(&ts, "Friday, 15 December, 2017").value, "2017-12-15");
    assert_eq!(find(&ts, "19:45").value, "2017-12-15T19:45");
    assert_eq!(find(&ts, "2019-12-11").date, Some(date("2019-12-11")));
    // Slashed dates are read month-first (US wire style).
    assert_eq!(find(&ts, "12/11/2018").value, "2018-12-11");
    let decade = find(&ts, "the 1990s");
    assert_eq!(
        (decade.value.as_str(), decade.precision),
        ("199", DatePrecision::Decade)
    );
    let mid = find(&ts, "mid-2017");
    assert_eq!(
        (mid.value.as_str(), mid.modifier.as_deref()),
        ("2017", Some("MID"))
    );
    assert_eq!(find(&ts, "2020").value, "2020");
    assert!(ts.iter().filter(|t| !t.relative).all(|t| t.date.is_some()));
}

#[test]
fn month_day_without_year_takes_the_year_from_the_article() {
    let past = timexes(
        "Troops withdrew from the border town on Dec. 5, the ministry said.",
        WED,
    );
    assert_eq!(find(&past, "Dec. 5").value, "2019-12-05");
    let future = timexes(
        "The summit will open on Dec 5th in Kuala Lumpur.",
        Some("2019-11-20"),
    );
    assert_eq!(find(&future, "Dec 5th").value, "2019-12-05");
    let next_year = timexes(
        "Voters will go to the polls on January 12.",
        Some("2019-11-20"),
    );
    assert_eq!(find(&next_year, "January 12").value, "2020-01-12");
}

#[test]
fn without_an_article_date_nothing_relative_is_guessed() {
    let text =
        "The ministry said on Sunday that troops had left last week. Talks resumed in November. \
                The treaty was signed on January 31st, 2012.";
    let ts = timexes(text, None);
    let sunday = find(&ts, "Sunday");
    assert_eq!(
        (sunday.value.as_str(), sunday.date, sunday.precision),
        ("XXXX-WXX-7", None, DatePrecision::Unknown)
    );
    assert_eq!(find(&ts, "last week").value, "XXXX-WXX");
    assert_eq!(find(&ts, "November").value, "XXXX-11");
    assert!(ts.iter().filter(|t| t.relative).all(|t| t.date.is_none()));
    assert_eq!(
        find(&ts, "January 31st, 2012").date,
        Some(date("2012-01-31"))
    );
}

#[test]
fn words_that_only_look_like_dates_are_left_alone() {
    let text = "Prime Minister Theresa May said the deal may collapse. \
                Thousands march through Hong Kong every weekend as protesters march on. \
                The Sunday Times reported that the 1,500 troops would stay. \
                North Korea's \"Christmas present\" could be a missile test, 38 North said. \
                NASA plans a mission to Mars. About 2000 soldiers took part, USA Today reported. \
                April Ryan asked the question. The Korea Peace Now! campaign called for talks.";
    let ts = timexes(text, WED);
    assert_eq!(
        pairs(&ts),
        [("every weekend".to_string(), "XXXX-WXX-WE".to_string())]
    );
}

#[test]
fn holidays_and_ambiguous_month_names_in_context() {
    let text = "The president will spend Christmas Day with troops in Iraq. \
                Protesters gathered on Christmas Eve outside the embassy. \
                Parliament will vote in May on the proposal tabled on March 1. \
                Voting ended on Easter Sunday.";
    let ts = timexes(text, WED);
    assert_eq!(find(&ts, "Christmas Day").value, "2019-12-25");
    // Christmas Eve is still to come in a report of Dec. 11, but the past tense points back.
    assert_eq!(find(&ts, "Christmas Eve").value, "2018-12-24");
    assert_eq!(find(&ts, "May").value, "2020-05");
    assert_eq!(find(&ts, "March 1").value, "2019-03-01");
    assert_eq!(find(&ts, "Easter Sunday").value, "2019-04-21");
}

#[test]
fn parts_of_day_and_edges() {
    let text = "Speaking in Seoul late Tuesday, Campbell said the alliance was strong. \
                Rockets hit the base on Tuesday night. Explosions were heard last night. \
                The vote is expected tonight. Leaders will gather at the end of the year. \
                At the beginning of the week, Biegun stopped in Tokyo.";
    let ts = timexes(text, Some("2019-12-20"));
    let late = find(&ts, "late Tuesday");
    assert_eq!(
        (late.value.as_str(), late.modifier.as_deref()),
        ("2019-12-17", Some("END"))
    );
    let night = find(&ts, "Tuesday night");
    assert_eq!(
        (night.kind, night.value.as_str()),
        (TimexType::Time, "2019-12-17TNI")
    );
    assert_eq!(find(&ts, "last night").value, "2019-12-19TNI");
    assert_eq!(find(&ts, "tonight").value, "2019-12-20TNI");
    let end = find(&ts, "the end of the year");
    assert_eq!(
        (end.value.as_str(), end.modifier.as_deref()),
        ("2019", Some("END"))
    );
    let start = find(&ts, "the beginning of the week");
    assert_eq!(
        (start.value.as_str(), start.modifier.as_deref()),
        ("2019-W51", Some("START"))
    );
}

#[test]
fn uses_penn_tags_when_a_tagger_ran() {
    use chronicle_core::{Article, Document, Stage};
    let mut doc = Document::new(Article {
        text: "Envoys meet in Geneva Thursday.".into(),
        date: Some(date("2019-12-11")),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    for t in &mut doc.sentences[0].tokens {
        t.xpos = if t.text == "meet" {
            "VBD".into()
        } else {
            "NN".into()
        };
    }
    chronicle_time::TimexTagger::new().process(&mut doc);
    assert_eq!(find(&doc.timexes, "Thursday").value, "2019-12-05");
}

#[test]
fn survives_empty_huge_and_garbage_input() {
    let huge = "The talks on Monday in 2019 lasted three hours; ".repeat(5_000);
    let long_token = "9".repeat(10_000);
    let inputs = [
        "",
        " ",
        "\u{0}\u{7}\u{1b}[31m",
        "Пхеньян заявил в понедельник. 平壤周一表示。 🚀🚀 2019年12月",
        "mid- mid-- -mid '90 '9s 31st 31st of 2019-13-45 99/99/9999 Feb 30, 2019 25:99 pm",
        "the end of the the end of of last last next every every",
        huge.as_str(),
        long_token.as_str(),
    ];
    for text in inputs {
        for dct in [
            None,
            WED,
            Some("0001-01-01"),
            Some("9999-12-31"),
            Some("+262000-12-31"),
            Some("-262000-01-01"),
        ] {
            let ts = timexes(text, dct);
            for t in &ts {
                assert_eq!(&text[t.span.start..t.span.end], t.text);
            }
        }
    }
    assert_eq!(timexes(&huge, WED).len(), 3 * 5_000);
}

#[test]
fn counts_fractions_and_idioms_are_not_time() {
    let text = "The site now holds more than 1100 pictures. About one-quarter of voters stayed home. \
                The index hit a record high of 1051 points. Call 713 965 2158 for details. \
                The deal was saved at the last minute. Abbas leads in the upcoming Jan. 9, 2005 election.";
    let ts = timexes(text, WED);
    assert_eq!(
        pairs(&ts),
        [
            ("now".to_string(), "PRESENT_REF".to_string()),
            ("Jan. 9, 2005".to_string(), "2005-01-09".to_string())
        ]
    );
}

#[test]
fn scheduled_present_and_this_past_weekend() {
    let text = "The Security Council meets on Monday to discuss the crisis. \
                Protests spread to a dozen cities this past weekend. \
                Music of the ’80s filled the square.";
    let ts = timexes(text, Some("2019-12-20"));
    assert_eq!(find(&ts, "Monday").value, "2019-12-23");
    assert_eq!(find(&ts, "this past weekend").value, "2019-W50-WE");
    assert_eq!(find(&ts, "the ’80s").value, "198");
}

#[test]
fn wire_idioms_halves_and_bare_plural_units() {
    let text = "Prices jumped early on Thursday after the regulator delayed approval until the first half of next year. \
                The pipeline was finished after years of delays. \
                Gazprom had not booked extra capacity for January. \
                Markets calmed after a weekend of panic selling.";
    let ts = timexes(text, Some("2021-12-03"));
    let early = find(&ts, "early on Thursday");
    assert_eq!(
        (early.value.as_str(), early.modifier.as_deref()),
        ("2021-12-02", Some("START"))
    );
    let half = find(&ts, "the first half of next year");
    assert_eq!(
        (half.value.as_str(), half.date),
        ("2022-H1", Some(date("2022-01-01")))
    );
    assert_eq!(find(&ts, "years").value, "PXY");
    // "for January" is a target: the nearest January, not the past one.
    assert_eq!(find(&ts, "January").value, "2022-01");
    assert!(ts.iter().all(|t| !t.text.contains("weekend")));
}

/// Random soups of time words, numbers and punctuation: the grammar must never panic and
/// every span must cover its text.
#[test]
fn random_time_word_soup_never_panics() {
    const VOCAB: &[&str] = &[
        "the",
        "a",
        "of",
        "on",
        "in",
        "since",
        "last",
        "next",
        "this",
        "past",
        "early",
        "late",
        "mid-",
        "end",
        "beginning",
        "Monday",
        "Sunday",
        "May",
        "March",
        "Dec.",
        "December",
        "2019",
        "1990s",
        "'90s",
        "31st",
        "5",
        "two",
        "few",
        "days",
        "week",
        "weekend",
        "year",
        "ago",
        "every",
        "twice",
        "Christmas",
        "Day",
        "Eve",
        "New",
        "Year",
        "'s",
        "4:20",
        "p.m.",
        "noon",
        "at",
        "now",
        "today",
        "night",
        "morning",
        "quarter",
        "first",
        "half",
        "more",
        "than",
        "said",
        "will",
        "to",
        ",",
        ".",
        "mid-December",
        "two-year",
        "12/11/2019",
        "2019-12-11",
        "the",
        "summer",
        "fall",
        "Easter",
        "recent",
        "coming",
        "following",
        "earlier",
        "later",
        "tonight",
        "yesterday",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..1_000 {
        let len = (next() % 40) as usize;
        let words: Vec<&str> = (0..len)
            .map(|_| VOCAB[(next() % VOCAB.len() as u64) as usize])
            .collect();
        let text = words.join(" ");
        let dct = if round % 3 == 0 { None } else { WED };
        for t in timexes(&text, dct) {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
            assert!(!t.value.is_empty());
        }
    }
}

#[test]
fn last_as_a_verb_and_past_plans() {
    let text = "The waiver will last five years. It was the worst fighting in years. \
                The conference had been due to end on Wednesday.";
    let ts = timexes(text, Some("2022-06-17"));
    assert_eq!(find(&ts, "five years").value, "P5Y");
    assert_eq!(find(&ts, "years").value, "PXY");
    assert_eq!(find(&ts, "Wednesday").value, "2022-06-15");
}
