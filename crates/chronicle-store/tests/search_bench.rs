//! Search latency on a generated store of ~100k sentences (ignored by default: it takes a
//! while to build the store). Run:
//!
//! ```sh
//! cargo test --release -p chronicle-store --test search_bench -- --ignored --nocapture
//! ```
//!
//! SEARCH_BENCH_SENTENCES sets the size (default 100000); SEARCH_BENCH_DB=PATH keeps the store
//! (PATH must not exist yet).

use std::time::{Duration, Instant};

use chronicle_core::{
    ActorCode, Article, DatePrecision, Document, Event, EventActor, EventDateSource, Mention,
    MentionKind, Modality, Plover, Sentence, Span,
};
use chronicle_store::{SearchQuery, SearchScope, Store};
use chrono::NaiveDate;

/// xorshift64*: a fixed-seed generator, so every run builds the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly Zipf-distributed index: frequent words are frequent.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const STATES: &[(&str, &str)] = &[
    ("Russia", "RUS"),
    ("Ukraine", "UKR"),
    ("China", "CHN"),
    ("the United States", "USA"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("India", "IND"),
    ("Pakistan", "PAK"),
    ("Turkey", "TUR"),
    ("Greece", "GRC"),
    ("Japan", "JPN"),
    ("South Korea", "KOR"),
    ("North Korea", "PRK"),
    ("Venezuela", "VEN"),
    ("Ethiopia", "ETH"),
    ("Egypt", "EGY"),
    ("Brazil", "BRA"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("Nigeria", "NGA"),
];
const VERBS: &[(&str, &str, &str)] = &[
    ("urged", "010", "REQUEST"),
    ("accused", "112", "ACCUSE"),
    ("threatened", "130", "THREATEN"),
    ("praised", "051", "AGREE"),
    ("met", "036", "CONSULT"),
    ("condemned", "122", "ACCUSE"),
    ("rejected", "120", "REJECT"),
    ("called on", "010", "REQUEST"),
];
const TOPICS: &[&str] = &[
    "sanctions relief",
    "a ceasefire along the border",
    "the nuclear programme",
    "grain exports through the Black Sea",
    "the detained sailors",
    "a new trade agreement",
    "military exercises near the coast",
    "the humanitarian corridor",
    "peace talks in Geneva",
    "the disputed election",
    "refugee returns",
    "energy supplies",
];
/// Filler words, most frequent first.
const WORDS: &[&str] = &[
    "the",
    "said",
    "on",
    "in",
    "officials",
    "government",
    "minister",
    "talks",
    "week",
    "president",
    "foreign",
    "security",
    "would",
    "country",
    "statement",
    "Monday",
    "Tuesday",
    "military",
    "border",
    "agreement",
    "reporters",
    "spokesman",
    "meeting",
    "region",
    "forces",
    "support",
    "council",
    "economic",
    "troops",
    "conflict",
    "crisis",
    "leaders",
    "capital",
    "parliament",
    "opposition",
    "election",
    "defence",
    "trade",
    "embassy",
    "summit",
    "envoy",
    "negotiations",
    "proposal",
    "deal",
    "aid",
    "attack",
    "violence",
    "protest",
    "police",
    "court",
    "ruling",
    "investment",
    "oil",
    "gas",
    "pipeline",
    "port",
    "airspace",
    "drone",
    "missile",
    "navy",
    "coast",
    "island",
    "refugees",
    "humanitarian",
    "relief",
    "sanctions",
    "tariffs",
    "exports",
    "imports",
    "inflation",
    "currency",
    "loan",
    "debt",
    "bank",
    "ministry",
    "diplomats",
    "delegation",
    "observers",
    "monitors",
    "inspectors",
    "vote",
    "resolution",
    "veto",
    "treaty",
    "accord",
    "framework",
    "roadmap",
    "mediation",
    "dialogue",
    "ceasefire",
    "truce",
    "hostages",
    "prisoners",
    "exchange",
    "amnesty",
    "reforms",
    "corruption",
    "journalists",
    "activists",
    "rebels",
    "militants",
    "insurgents",
    "clashes",
    "shelling",
    "airstrikes",
    "casualties",
    "villages",
    "farmers",
    "drought",
    "floods",
    "pandemic",
    "vaccines",
    "students",
    "workers",
    "strike",
    "unions",
    "business",
    "markets",
    "Geneva",
    "Brussels",
    "Vienna",
    "Doha",
    "Istanbul",
    "Nairobi",
    "Jakarta",
    "Lima",
];

struct Generated {
    doc: Document,
}

fn sentence(rng: &mut Rng) -> (String, (usize, usize, usize)) {
    let a = rng.below(STATES.len());
    let mut b = rng.below(STATES.len());
    if a == b {
        b = (b + 1) % STATES.len();
    }
    let v = rng.below(VERBS.len());
    let mut text = format!(
        "{} {} {} over {}",
        capitalise(STATES[a].0),
        VERBS[v].0,
        STATES[b].0,
        rng.pick(TOPICS)
    );
    for _ in 0..4 + rng.below(10) {
        text.push(' ');
        text.push_str(WORDS[rng.zipf(WORDS.len())]);
    }
    text.push('.');
    (text, (a, b, v))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn article(rng: &mut Rng, i: usize) -> Generated {
    let date = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
        + chrono::Duration::days(rng.below(3650) as i64);
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut events = Vec::new();
    let mut mentions = Vec::new();
    let n = 8 + rng.below(10);
    for index in 0..n {
        if index > 0 {
            text.push_str(if index % 3 == 0 { "\n\n" } else { " " });
        }
        let start = text.len();
        let (s, (a, b, v)) = sentence(rng);
        text.push_str(&s);
        let span = Span::new(start, text.len());
        sentences.push(Sentence {
            index,
            span,
            paragraph: index / 3,
            tokens: Vec::new(),
        });
        let actor = |k: usize| ActorCode::new(Some(STATES[k].1), None, "");
        let first = Span::new(start, start + s.find(' ').unwrap_or(s.len()));
        mentions.push(Mention {
            sentence: index,
            tokens: (0, 1),
            span: first,
            text: s[..first.len()].to_owned(),
            kind: MentionKind::Country,
            actor: actor(a),
            head: 0,
        });
        if rng.below(3) == 0 {
            let side = |k: usize| EventActor {
                text: STATES[k].0.into(),
                span: first,
                actor: actor(k),
                mention: None,
            };
            events.push(Event {
                sentence: index,
                trigger: first,
                source: Some(side(a)),
                target: Some(side(b)),
                cameo: VERBS[v].1.into(),
                cameo_name: VERBS[v].0.into(),
                goldstein: 0.0,
                quad_class: 1,
                plover: Plover {
                    event: Some(VERBS[v].2.into()),
                    ..Default::default()
                },
                negated: false,
                modality: Modality::Asserted,
                date: Some(date),
                date_precision: DatePrecision::Day,
                date_source: EventDateSource::Article,
                timex: None,
                quote: None,
                pattern: "bench".into(),
                reports: 1,
            });
        }
    }
    let mut doc = Document::new(Article {
        id: format!("{i:06}.txt"),
        origin: "bench".into(),
        date: Some(date),
        content_hash: format!("bench-{i}"),
        text,
        ..Default::default()
    });
    doc.sentences = sentences;
    doc.mentions = mentions;
    doc.events = events;
    Generated { doc }
}

fn time(store: &Store, label: &str, q: &SearchQuery) {
    let runs = 30;
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut hits = 0;
    for _ in 0..runs {
        let started = Instant::now();
        hits = store.search(q).unwrap().len();
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<48} {hits:>3} hits  median {:>7.2} ms  p90 {:>7.2} ms  max {:>7.2} ms",
        ms(times[runs / 2]),
        ms(times[runs * 9 / 10]),
        ms(times[runs - 1])
    );
}

#[test]
#[ignore = "benchmark: builds a 100k-sentence store"]
fn search_latency_on_100k_sentences() {
    let target: usize = std::env::var("SEARCH_BENCH_SENTENCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    // SEARCH_BENCH_DB keeps the generated store for inspection.
    let path = std::env::var_os("SEARCH_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let mut store = Store::open(&path).unwrap();
    let mut rng = Rng(0x5eed_cafe);
    let (mut sentences, mut articles) = (0, 0);
    let mut signing = Duration::ZERO;
    let started = Instant::now();
    while sentences < target {
        let g = article(&mut rng, articles);
        sentences += g.doc.sentences.len();
        // Measured apart: the MinHash share of the per-article near-duplicate cost.
        let signed = Instant::now();
        std::hint::black_box(chronicle_dedup::Signature::of_text(g.doc.text()));
        signing += signed.elapsed();
        store.insert_document(&g.doc).unwrap();
        articles += 1;
    }
    let secs = (started.elapsed() - signing).as_secs_f64();
    println!(
        "MinHash signature: {:.0} µs per article of {} sentences on average",
        signing.as_secs_f64() * 1e6 / articles as f64,
        sentences / articles
    );
    println!(
        "stored {articles} articles, {sentences} sentences in {secs:.1} s ({:.0} sentences/s incl. near-duplicate check)",
        sentences as f64 / secs
    );
    let stats = store.stats().unwrap();
    println!(
        "distinct articles {}, near-duplicates {}",
        stats.articles, stats.duplicates
    );

    let q = |text: &str| SearchQuery {
        text: text.into(),
        ..Default::default()
    };
    time(&store, "rare word: Jakarta", &q("Jakarta"));
    time(&store, "common word: said", &q("said"));
    time(
        &store,
        "two words: sanctions relief",
        &q("sanctions relief"),
    );
    time(&store, "phrase: \"grain exports\"", &q("\"grain exports\""));
    time(&store, "prefix: sanction*", &q("sanction*"));
    time(
        &store,
        "said + --actor IRN",
        &SearchQuery {
            actor: Some("IRN".into()),
            ..q("said")
        },
    );
    time(
        &store,
        "sanctions relief + --dyad USA:IRN",
        &SearchQuery {
            dyad: Some(("USA".into(), "IRN".into())),
            ..q("sanctions relief")
        },
    );
    time(
        &store,
        "ceasefire + --from 2020-01-01 --to 2020-12-31",
        &SearchQuery {
            from: NaiveDate::from_ymd_opt(2020, 1, 1),
            to: NaiveDate::from_ymd_opt(2020, 12, 31),
            ..q("ceasefire")
        },
    );
    time(
        &store,
        "talks + --cameo 11 --plover ACCUSE",
        &SearchQuery {
            cameo: Some("11".into()),
            plover: Some("ACCUSE".into()),
            ..q("talks")
        },
    );
    time(
        &store,
        "said --in all --limit 100",
        &SearchQuery {
            scope: SearchScope::All,
            limit: 100,
            ..q("said")
        },
    );
}
