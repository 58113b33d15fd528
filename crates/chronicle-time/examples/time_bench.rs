//! Throughput of the time stage on generated wire text:
//! `cargo run --release -p chronicle-time --example time_bench [-- TOKENS]`.
//! Segmentation runs once beforehand and is not timed.

use std::time::Instant;

use chronicle_core::{Article, Document, Stage};
use chronicle_time::TimexTagger;

const SUBJECTS: &[&str] = &[
    "North Korea",
    "The UN Security Council",
    "U.S. Secretary of State Mike Pompeo",
    "Seoul's foreign ministry",
    "Russian Foreign Minister Sergei Lavrov",
    "The European Union",
    "Iran's parliament",
    "Japan's defence minister",
    "Chinese President Xi Jinping",
    "The Taliban",
    "Turkish officials",
    "The African Union",
];
const VERBS: &[&str] = &[
    "said",
    "will hold talks",
    "urged restraint",
    "met envoys",
    "plans to visit Beijing",
    "announced new sanctions",
    "criticised the decision",
    "is due to arrive in Geneva",
    "rejected the proposal",
    "called for dialogue",
];
const TIMES: &[&str] = &[
    "on Sunday",
    "late Tuesday",
    "last week",
    "earlier this month",
    "next week",
    "in November",
    "since April",
    "two years ago",
    "on Dec. 5",
    "on January 31st, 2012",
    "at the end of the year",
    "for three hours",
    "every week",
    "in the 1990s",
    "Wednesday night",
    "at 4 p.m.",
    "",
    "",
    "",
    "",
];
const TAILS: &[&str] = &[
    "according to state media.",
    "in a statement carried by the official news agency.",
    "amid rising tensions on the peninsula.",
    "after a meeting with regional leaders in the capital.",
    "despite warnings from Washington and its allies.",
    "as talks on a ceasefire stalled again.",
    "to discuss the humanitarian situation in the region.",
    "citing security concerns.",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        items[(r >> 33) as usize % items.len()]
    }
}

fn wire_text(sentences: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::new();
    for i in 0..sentences {
        let (s, v, t, tail) = (
            rng.pick(SUBJECTS),
            rng.pick(VERBS),
            rng.pick(TIMES),
            rng.pick(TAILS),
        );
        if t.is_empty() {
            text.push_str(&format!("{s} {v} {tail} "));
        } else {
            text.push_str(&format!("{s} {v} {t} {tail} "));
        }
        if i % 5 == 4 {
            text.push_str("\n\n");
        }
    }
    text
}

fn main() {
    let target: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000);
    let mut doc = Document::new(Article {
        text: wire_text(target / 15),
        date: "2019-12-11".parse().ok(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    let tokens: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
    let tagger = TimexTagger::new();

    // Warm up the lazily built tables, then time the best of a few runs.
    tagger.process(&mut doc.clone());
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let mut d = doc.clone();
        let start = Instant::now();
        tagger.process(&mut d);
        best = best.min(start.elapsed().as_secs_f64());
        found = d.timexes.len();
    }
    println!(
        "time stage: {} sentences, {} tokens, {} timexes in {:.1} ms -> {:.2} M tokens/s (one core)",
        doc.sentences.len(),
        tokens,
        found,
        best * 1e3,
        tokens as f64 / best / 1e6
    );
}
