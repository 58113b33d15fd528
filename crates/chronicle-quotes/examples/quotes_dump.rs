//! Prints the quotes found in text files (without actor mentions):
//! `cargo run -p chronicle-quotes --example quotes_dump -- FILE…`

use chronicle_core::{Article, Document, Stage};
use chronicle_quotes::QuoteExtractor;

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut doc = Document::new(Article {
            text,
            ..Default::default()
        });
        chronicle_nlp::Segmenter::new().process(&mut doc);
        println!("== {path}");
        for q in QuoteExtractor::new().extract(&doc) {
            let speaker = q.quote.speaker_span.map(|s| doc.slice(s)).unwrap_or("?");
            let cue = q.quote.cue.map(|c| doc.slice(c)).unwrap_or("-");
            println!(
                "[{:?}] s{} {speaker} / {cue}: {}",
                q.quote.kind, q.quote.sentence, q.quote.content_text
            );
        }
    }
}
