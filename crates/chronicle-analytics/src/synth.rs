//! A deterministic generator of realistic coded events for benchmarks: ~40 states with a
//! skewed share of coverage (a few powers dominate, as in real news), the CAMEO codes of
//! the built-in ontology weighted towards the common verbal ones, a span of years with
//! news bursts, and articles of 1–8 events from a few dozen outlets.

use chronicle_core::record::{ActorRecord, EventRecord, Evidence, SentenceRecord};
use chronicle_core::{DatePrecision, EventDateSource, Modality};
use chronicle_events::{CameoCode, Ontology};
use chronicle_store::BulkArticle;
use chrono::{Duration, NaiveDate};

/// (code, name) of the generated states, most covered first.
pub const STATES: &[(&str, &str)] = &[
    ("USA", "the United States"),
    ("CHN", "China"),
    ("RUS", "Russia"),
    ("GBR", "Britain"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("IRN", "Iran"),
    ("ISR", "Israel"),
    ("UKR", "Ukraine"),
    ("PRK", "North Korea"),
    ("KOR", "South Korea"),
    ("JPN", "Japan"),
    ("IND", "India"),
    ("PAK", "Pakistan"),
    ("TUR", "Turkey"),
    ("SAU", "Saudi Arabia"),
    ("SYR", "Syria"),
    ("IRQ", "Iraq"),
    ("AFG", "Afghanistan"),
    ("EGY", "Egypt"),
    ("BRA", "Brazil"),
    ("MEX", "Mexico"),
    ("VEN", "Venezuela"),
    ("CUB", "Cuba"),
    ("CAN", "Canada"),
    ("AUS", "Australia"),
    ("ITA", "Italy"),
    ("ESP", "Spain"),
    ("POL", "Poland"),
    ("GRC", "Greece"),
    ("ETH", "Ethiopia"),
    ("NGA", "Nigeria"),
    ("ZAF", "South Africa"),
    ("KEN", "Kenya"),
    ("LBY", "Libya"),
    ("YEM", "Yemen"),
    ("QAT", "Qatar"),
    ("ARE", "the United Arab Emirates"),
    ("TWN", "Taiwan"),
    ("VNM", "Vietnam"),
];

const AGENTS: &[&str] = &[
    "", "GOV", "GOV", "MIL", "GOV", "", "LEG", "BUS", "OPP", "MED",
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "Xinhua",
    "TASS",
    "Yonhap",
    "Kyodo",
    "DPA",
    "EFE",
    "ANSA",
    "PTI",
    "Anadolu",
    "NHK",
    "CNN",
    "The Guardian",
    "Le Monde",
    "Der Spiegel",
    "The Hindu",
    "Dawn",
    "Haaretz",
    "Arab News",
    "Daily Nation",
    "Folha",
    "El País",
    "South China Morning Post",
    "Kyiv Independent",
    "Meduza",
    "Voice of America",
];

const VERBS: &[&str] = &[
    "said on {day} it would",
    "told reporters on {day} that it was ready to",
    "announced on {day} plans to",
    "was reported on {day} to",
];

/// SplitMix64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// An index in `0..n`, skewed towards 0 (roughly Zipf-like).
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0).floor().min(n as f64 - 1.0) as usize
    }
}

/// Generates articles with coded events, deterministically from `seed`.
pub struct EventGenerator {
    rng: Rng,
    codes: Vec<CameoCode>,
    start: NaiveDate,
    days: i64,
    /// Days with a news burst get more articles.
    burst_days: Vec<i64>,
    next_article: u64,
}

impl EventGenerator {
    /// Events spread over `years` years from 2015-01-01.
    pub fn new(seed: u64, years: u32) -> Self {
        let mut codes: Vec<CameoCode> = Ontology::builtin()
            .codes()
            .into_iter()
            .filter(|c| c.code.len() >= 3)
            .cloned()
            .collect();
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes.truncate(300);
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
        let days = i64::from(years.max(1)) * 365;
        let mut rng = Rng::new(seed);
        let burst_days = (0..days / 20)
            .map(|_| rng.below(days as usize) as i64)
            .collect();
        EventGenerator {
            rng,
            codes,
            start,
            days,
            burst_days,
            next_article: 0,
        }
    }

    fn actor(&mut self, state: usize) -> ActorRecord {
        let (code, name) = STATES[state];
        let agent = AGENTS[self.rng.below(AGENTS.len())];
        ActorRecord {
            text: name.trim_start_matches("the ").to_owned(),
            code: format!("{code}{agent}"),
            country: Some(code.to_owned()),
            agent: (!agent.is_empty()).then(|| agent.to_owned()),
        }
    }

    fn code(&mut self) -> CameoCode {
        // Verbal cooperation (roots 01–05) is most of real news: pick from the low codes
        // more often.
        let i = if self.rng.below(10) < 6 {
            self.rng.skewed(self.codes.len())
        } else {
            self.rng.below(self.codes.len())
        };
        self.codes[i].clone()
    }

    fn date(&mut self) -> NaiveDate {
        let day = if self.rng.below(4) == 0 && !self.burst_days.is_empty() {
            self.burst_days[self.rng.below(self.burst_days.len())]
        } else {
            self.rng.below(self.days as usize) as i64
        };
        self.start + Duration::days(day)
    }

    /// Articles holding exactly `events` events in all (the last one cut short).
    pub fn articles(mut self, events: usize) -> impl Iterator<Item = BulkArticle> {
        let mut remaining = events;
        std::iter::from_fn(move || {
            (remaining > 0).then(|| {
                let mut article = self.article();
                article.events.truncate(remaining);
                remaining -= article.events.len();
                article
            })
        })
    }

    /// The next article, with 1 to 8 events.
    pub fn article(&mut self) -> BulkArticle {
        let n = self.next_article;
        self.next_article += 1;
        let date = self.date();
        let outlet = OUTLETS[self.rng.skewed(OUTLETS.len())];
        let doc = format!("synth-{n:08}");
        let events = (0..1 + self.rng.below(8))
            .map(|i| self.event(&doc, date, i))
            .collect();
        BulkArticle {
            title: Some(format!("World news digest {n}")),
            outlet: Some(outlet.to_owned()),
            url: Some(format!(
                "https://news.example/{}/{doc}",
                outlet.to_lowercase().replace(' ', "-")
            )),
            date: Some(date),
            content_hash: format!("{n:016x}"),
            doc,
            events,
        }
    }

    fn event(&mut self, doc: &str, article_date: NaiveDate, index: usize) -> EventRecord {
        let a = self.rng.skewed(STATES.len());
        let mut b = self.rng.skewed(STATES.len());
        if a == b {
            b = (b + 1 + self.rng.below(STATES.len() - 1)) % STATES.len();
        }
        let source = self.actor(a);
        let target = self.actor(b);
        let code = self.code();
        let day_back = self.rng.below(3) as i64;
        let date = article_date - Duration::days(day_back);
        let verb =
            VERBS[self.rng.below(VERBS.len())].replace("{day}", &date.format("%A").to_string());
        let action = code.name.to_lowercase();
        let text = format!("{} {verb} {action} with {}.", source.text, target.text);
        let start = index * 120;
        let end = start + text.chars().count();
        let reports = if self.rng.below(5) == 0 {
            2 + self.rng.below(3) as u32
        } else {
            1
        };
        EventRecord {
            doc: doc.to_owned(),
            article_date: Some(article_date),
            date: Some(date),
            date_precision: DatePrecision::Day,
            date_source: if day_back == 0 {
                EventDateSource::Article
            } else {
                EventDateSource::Relative
            },
            source: Some(source.clone()),
            target: Some(target.clone()),
            cameo: code.code.clone(),
            cameo_name: code.name.clone(),
            goldstein: code.goldstein,
            quad_class: code.quad_class,
            plover: code.plover.clone(),
            negated: false,
            modality: Modality::Asserted,
            trigger: action,
            timex: Some(date.format("%A").to_string()),
            evidence: Evidence {
                sentence: [start, end],
                trigger: [start, start + 1],
                source: Some([start, start + source.text.chars().count()]),
                target: None,
                timex: None,
            },
            sentence: SentenceRecord { index, text },
            pattern: "synthetic".into(),
            reports,
            id: None,
            story: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_articles() {
        let mut a = EventGenerator::new(7, 10);
        let mut b = EventGenerator::new(7, 10);
        for _ in 0..50 {
            let (x, y) = (a.article(), b.article());
            assert_eq!(x.doc, y.doc);
            assert_eq!(x.events, y.events);
        }
    }

    #[test]
    fn coverage_is_skewed_towards_major_powers() {
        let mut g = EventGenerator::new(1, 10);
        let mut usa = 0;
        let mut vnm = 0;
        for _ in 0..2000 {
            for e in g.article().events {
                let s = e
                    .source
                    .map(|a| a.country.unwrap_or_default())
                    .unwrap_or_default();
                usa += usize::from(s == "USA");
                vnm += usize::from(s == "VNM");
            }
        }
        assert!(usa > 5 * vnm.max(1), "USA {usa} VNM {vnm}");
    }
}
