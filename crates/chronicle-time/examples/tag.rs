//! Prints the time expressions of a text: `cargo run -p chronicle-time --example tag -- 2019-12-11 < article.txt`
//! (the date argument is optional).

use std::io::Read;

use chronicle_core::{Article, Document, Stage};
use chronicle_time::TimexTagger;

fn main() {
    let date = std::env::args().nth(1).and_then(|d| d.parse().ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("cannot read standard input");
        std::process::exit(1);
    }
    let mut doc = Document::new(Article {
        text,
        date,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    TimexTagger::new().process(&mut doc);
    for t in &doc.timexes {
        let date = t.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        println!(
            "{:>3} {:<28} {:<9} {:<14} {:<6} {:<10} {:?}{}",
            t.sentence,
            format!("{:?}", t.text),
            format!("{:?}", t.kind),
            t.value,
            t.modifier.as_deref().unwrap_or(""),
            date,
            t.precision,
            if t.relative { " rel" } else { "" }
        );
    }
}
