//! Throughput of the quotes stage:
//! `cargo run --release -p chronicle-quotes --example quotes_bench [-- ROUNDS]`
//!
//! Runs the stage over the crate's annotated fixtures (pre-segmented, so only the quotes
//! stage is timed) and over one pathological article with a 100 KB unclosed quote.

use std::path::Path;
use std::time::Instant;

use chronicle_core::{Article, Document, Stage};
use chronicle_quotes::QuoteExtractor;

fn segmented(text: String) -> Document {
    let mut doc = Document::new(Article {
        text,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    doc
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let docs: Vec<Document> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(segmented)
        .collect();
    let body = "The ceasefire must hold and the hostages must come home. ".repeat(1_800);
    let pathological = vec![segmented(format!(
        "\"{body}\n\nQatar said talks would resume."
    ))];
    report("wire articles (fixtures)", &docs, rounds);
    report("100 KB unclosed quote", &pathological, rounds);
}

fn report(name: &str, docs: &[Document], rounds: usize) {
    let stage = QuoteExtractor::new();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut quotes = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for doc in docs {
            quotes += stage.extract(doc).len();
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let n = rounds as f64;
    println!(
        "{name}: {} docs, {sentences} sentences, {:.1} KB, {} quotes; x{rounds}: \
         {:.0} sentences/s, {:.1} MB/s, {:.0} docs/s",
        docs.len(),
        bytes as f64 / 1024.0,
        quotes / rounds.max(1),
        sentences as f64 * n / secs,
        bytes as f64 * n / secs / 1e6,
        docs.len() as f64 * n / secs,
    );
}
