//! `chronicle bench`: end-to-end throughput on a generated corpus of wire-style articles.
//!
//! The corpus is written as plain-text files (with crawl noise) so that the measurement
//! covers everything `chronicle ingest` does: reading, cleaning, every analysis stage and
//! the database writes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use chronicle_pipeline::{Pipeline, Profile};
use chronicle_store::Store;
use clap::Args;

use crate::inputs::analyse_inputs;
use crate::ReadArgs;

#[derive(Args)]
pub struct BenchArgs {
    /// Number of articles to generate.
    #[arg(long, default_value_t = 5000)]
    articles: usize,
    /// Worker threads; 1 measures per-core throughput.
    #[arg(long, short = 'j', default_value_t = 1)]
    jobs: usize,
    /// Seed of the corpus generator (same seed, same corpus).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Keep the generated corpus in DIR instead of a temporary directory.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Skip the database writes (analysis only).
    #[arg(long)]
    no_store: bool,
}

pub fn run(args: &BenchArgs) -> Result<i32> {
    let tmp = tempfile::tempdir()?;
    let dir = args
        .corpus
        .clone()
        .unwrap_or_else(|| tmp.path().join("corpus"));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let bytes = write_corpus(&dir, args.articles, args.seed)?;

    let pipeline = crate::commands::pipeline();
    let mut store = if args.no_store {
        None
    } else {
        Some(Store::open(&tmp.path().join("bench.db"))?)
    };
    let read = ReadArgs {
        paths: vec![dir.display().to_string()],
        date: None,
        jobs: Some(args.jobs),
    };
    let (mut docs, mut sentences, mut tokens, mut events) = (0usize, 0usize, 0usize, 0usize);
    let started = Instant::now();
    let counts = analyse_inputs(
        &read,
        &pipeline,
        |_| Ok(true),
        |doc| {
            docs += 1;
            sentences += doc.sentences.len();
            tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
            events += doc.events.len();
            if let Some(store) = store.as_mut() {
                store.insert_document(&doc)?;
            }
            Ok(())
        },
        || {},
    )?;
    let secs = started.elapsed().as_secs_f64();

    // Per-stage times, measured in a second single-threaded pass over a sample.
    let profile = profile_stages(&pipeline, &dir, 500.min(args.articles))?;

    let mut report = String::new();
    writeln!(
        report,
        "chronicle bench: {} articles ({:.1} MB), {} jobs, store {}",
        docs,
        bytes as f64 / 1e6,
        args.jobs,
        if args.no_store { "off" } else { "on" }
    )?;
    writeln!(
        report,
        "sentences {sentences}  tokens {tokens}  events {events}  failed inputs {}",
        counts.failed
    )?;
    writeln!(report, "wall time          {secs:.2} s")?;
    writeln!(
        report,
        "articles/s         {:.0}   ({:.0} per core)",
        docs as f64 / secs,
        docs as f64 / secs / args.jobs as f64
    )?;
    writeln!(
        report,
        "sentences/s        {:.0}   ({:.0} per core)",
        sentences as f64 / secs,
        sentences as f64 / secs / args.jobs as f64
    )?;
    writeln!(report, "tokens/s           {:.0}", tokens as f64 / secs)?;
    writeln!(
        report,
        "peak memory (RSS)  {}",
        peak_rss().unwrap_or_else(|| "unknown".into())
    )?;
    let total: f64 = profile.stages.iter().map(|(_, d)| d.as_secs_f64()).sum();
    writeln!(
        report,
        "stage share (single thread, first {} articles):",
        500.min(args.articles)
    )?;
    for (name, d) in &profile.stages {
        writeln!(
            report,
            "  {name:<14} {:>6.1}%  {:>8.3} s",
            100.0 * d.as_secs_f64() / total.max(1e-9),
            d.as_secs_f64()
        )?;
    }
    print!("{report}");
    Ok(0)
}

fn profile_stages(pipeline: &Pipeline, dir: &Path, n: usize) -> Result<Profile> {
    let mut profile = Profile::default();
    let mut seen = 0;
    let read = ReadArgs {
        paths: vec![dir.display().to_string()],
        date: None,
        jobs: Some(1),
    };
    // Re-read the first `n` articles and run each stage timed.
    let mut articles = Vec::new();
    analyse_inputs(
        &read,
        &Pipeline::new(Vec::new()),
        |_| {
            seen += 1;
            Ok(seen <= n)
        },
        |doc| {
            articles.push(doc.article);
            Ok(())
        },
        || {},
    )?;
    for article in articles {
        pipeline.run_profiled(article, &mut profile);
    }
    Ok(profile)
}

/// Peak resident set size of this process (Linux), e.g. "85.2 MB".
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

/// A small deterministic generator (SplitMix64): the corpus must be the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// (name, adjective, capital)
const STATES: &[(&str, &str, &str)] = &[
    ("the United States", "U.S.", "Washington"),
    ("China", "Chinese", "Beijing"),
    ("Russia", "Russian", "Moscow"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("South Korea", "South Korean", "Seoul"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Britain", "British", "London"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Venezuela", "Venezuelan", "Caracas"),
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Minister",
    "envoy",
    "ambassador to the United Nations",
];
const SURNAMES: &[&str] = &[
    "Novak", "Haddad", "Park", "Mendes", "Okafor", "Sato", "Khan", "Weber", "Dubois", "Ivanova",
    "Levi", "Demir",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const TIMES: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "late Wednesday",
    "on Thursday",
    "last week",
    "earlier this month",
    "on Friday",
    "yesterday",
];
const NOISE: &[&str] = &[
    "Loading...",
    "Advertisement",
    "Share this article",
    "Photo: AFP",
    "Related Stories",
    "Editor Picks",
];

fn sentence(rng: &mut Rng) -> String {
    let (a_name, a_adj, a_cap) = *rng.pick(STATES);
    let (mut b_name, mut b_adj, _) = *rng.pick(STATES);
    if b_name == a_name {
        (b_name, b_adj, _) =
            STATES[(STATES.iter().position(|s| s.0 == a_name).unwrap() + 1) % STATES.len()];
    }
    let role = rng.pick(ROLES);
    let person = rng.pick(SURNAMES);
    let when = rng.pick(TIMES);
    let cap_first = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    match rng.below(12) {
        0 => format!("{a_adj} {role} {person} urged {b_name} {when} to return to negotiations without preconditions."),
        1 => format!("{} and {b_name} held talks in {a_cap} {when} on trade and security.", cap_first(a_name)),
        2 => format!("{} accused {b_name} of violating the ceasefire along the border.", cap_first(a_name)),
        3 => format!("{a_cap} threatened to impose new sanctions on {b_name} if the talks collapse."),
        4 => format!("{} test-fired two short-range ballistic missiles {when}, the {b_adj} military said.", cap_first(a_name)),
        5 => format!("\"We are ready for dialogue at any time,\" the {a_adj} {role} told reporters in {a_cap}."),
        6 => format!("{a_adj} officials rejected a proposal by {b_name} to hold a summit {when}."),
        7 => format!("The {a_adj} {role} will visit {b_name} next week to discuss the crisis, the ministry said."),
        8 => format!("{} praised {b_name} for its efforts to ease tensions in the region.", cap_first(a_name)),
        9 => format!("{a_adj} {role} {person} spoke by phone with his {b_adj} counterpart {when}."),
        10 => format!("Analysts said the move could complicate efforts to revive the stalled negotiations in {a_cap}."),
        _ => format!("{} condemned the attack and demanded that {b_name} release the detained sailors.", cap_first(a_name)),
    }
}

fn article(rng: &mut Rng, i: usize) -> String {
    let mut text = String::new();
    let year = 2015 + rng.below(10);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let (name, _, cap) = *rng.pick(STATES);
    let _ = writeln!(
        text,
        " date {year}-{month:02}-{day:02} {}\n",
        rng.pick(NOISE)
    );
    let _ = writeln!(
        text,
        "{} weighs next steps in regional crisis ({i})\n",
        name.trim_start_matches("the ")
    );
    for p in 0..3 + rng.below(4) {
        let mut para = String::new();
        if p == 0 {
            para.push_str(&format!("{} (Wire) – ", cap.to_uppercase()));
        }
        for _ in 0..2 + rng.below(3) {
            para.push_str(&sentence(rng));
            para.push(' ');
        }
        let _ = writeln!(text, "{}\n", para.trim_end());
        if rng.below(4) == 0 {
            let _ = writeln!(text, "{}\n", rng.pick(NOISE));
        }
    }
    let _ = writeln!(text, "{}", rng.pick(WEEKDAYS));
    text
}

/// Writes `n` articles as `DIR/NNNNNN.txt`; returns the total size in bytes.
fn write_corpus(dir: &Path, n: usize, seed: u64) -> Result<usize> {
    let mut rng = Rng(seed);
    let mut bytes = 0;
    for i in 0..n {
        let text = article(&mut rng, i);
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:06}.txt")), text)?;
    }
    Ok(bytes)
}
