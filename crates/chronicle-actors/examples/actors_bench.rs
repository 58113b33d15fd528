//! Throughput of the `actors` stage on generated wire text, and knowledge-base load time:
//! `cargo run --release -p chronicle-actors --example actors_bench [-- KB_FILE…]`; extra knowledge-base
//! files (e.g. written by `chronicle dict import`) are loaded over the built-in tables.

use std::time::Instant;

use chronicle_actors::{ActorResolver, KbFile, KnowledgeBase};
use chronicle_core::{Article, Document, Stage};
use chronicle_nlp::Segmenter;

/// Sentences mixing actors, roles, names, pronouns and plain words.
const SENTENCES: &[&str] = &[
    "U.S. Secretary of State Mike Pompeo urged North Korea to return to talks on Tuesday.",
    "Russian Foreign Minister Sergei Lavrov said Moscow would not accept new sanctions.",
    "He added that the UN Security Council should ease the pressure on Pyongyang.",
    "China's deputy UN ambassador told reporters that Beijing backed dialogue.",
    "North Korea's state-run television showed the North Korean army chief inspecting troops.",
    "Four leading Senate Democrats wrote a letter to the Trump administration.",
    "Indian Prime Minister Narendra Modi met Pakistani officials in New Delhi.",
    "The weather was mild and markets in several cities closed higher after a quiet session.",
    "Israeli Defence Minister Yoav Gallant warned Iran's Revolutionary Guards on Sunday.",
    "EU foreign policy chief Josep Borrell and the African Union called for calm, Xinhua said.",
    "Analysts said the North could test another missile before the end of the year.",
    "Japan's foreign minister and his South Korean counterpart met in Seoul.",
];

fn main() {
    let mut files = Vec::new();
    for path in std::env::args().skip(1) {
        match KbFile::read(std::path::Path::new(&path)) {
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("{path}: {e}");
                return;
            }
        }
    }
    let start = Instant::now();
    let kb = match KnowledgeBase::with_files(&files) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let load = start.elapsed();
    let stats = kb.stats();
    println!(
        "KB load: {:.1} ms ({} states, {} organisations, {} role phrases, {} officials with {} tenures, {} phrases)",
        load.as_secs_f64() * 1e3,
        stats.countries,
        stats.organisations,
        stats.roles,
        stats.persons,
        stats.tenures,
        stats.phrases
    );

    let resolver = ActorResolver::new(std::sync::Arc::new(kb));
    // 200 articles of 60 sentences each.
    let docs: Vec<Document> = (0..200)
        .map(|n| {
            let text: Vec<&str> = (0..60)
                .map(|i| SENTENCES[(n + i * 7) % SENTENCES.len()])
                .collect();
            let article = Article {
                text: text.join(" "),
                date: "2019-12-11".parse().ok(),
                ..Default::default()
            };
            let mut doc = Document::new(article);
            Segmenter::new().process(&mut doc);
            doc
        })
        .collect();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();

    // Five passes: the machine is shared, so the median and best say more than one run.
    let mut rates = Vec::new();
    let mut mentions = 0;
    for _ in 0..5 {
        let start = Instant::now();
        mentions = docs
            .iter()
            .map(|doc| resolver.resolve(doc).len())
            .sum::<usize>();
        rates.push(tokens as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "resolved {} docs, {tokens} tokens, {mentions} mentions per pass; 5 passes: median {:.0} tokens/s, best {:.0} tokens/s (one core)",
        docs.len(),
        rates[2],
        rates[4]
    );
}
