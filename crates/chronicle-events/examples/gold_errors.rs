//! Runs the standard pipeline over a gold file and prints the snippets whose events differ
//! from the gold at the countries+root level, with the predicted events' patterns, then the
//! scores of `chronicle eval events`.
//!
//! `cargo run --release -p chronicle-events --example gold_errors -- crates/chronicle-events/tests/gold/dev.json`

use chronicle_core::{Article, EventActor};
use chronicle_pipeline::{
    eval::{evaluate_events, read_gold},
    Pipeline,
};

fn country(code: &str) -> &str {
    let n = if code.starts_with("IGO") || code.starts_with("NGO") {
        6
    } else {
        3
    };
    code.get(..n).unwrap_or(code)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: gold_errors GOLD");
        std::process::exit(2);
    };
    let gold = match read_gold(std::path::Path::new(&path)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let pipeline = Pipeline::standard();
    for snippet in gold {
        let doc = pipeline.run(Article {
            id: snippet.id.clone(),
            date: snippet.date,
            text: snippet.text.clone(),
            ..Default::default()
        });
        let code =
            |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone()).unwrap_or_default();
        let mut pred: Vec<String> = doc
            .events
            .iter()
            .filter(|e| !e.negated)
            .map(|e| {
                format!(
                    "{}>{}:{}",
                    country(&code(&e.source)),
                    country(&code(&e.target)),
                    &e.cameo[..2]
                )
            })
            .collect();
        let mut want: Vec<String> = snippet
            .event_tuples()
            .iter()
            .map(|(s, t, c, _)| {
                format!("{}>{}:{}", country(s), country(t), c.get(..2).unwrap_or(""))
            })
            .collect();
        pred.sort();
        want.sort();
        if pred != want {
            println!("{} {}", snippet.id, snippet.text);
            println!(
                "   gold: {}",
                snippet
                    .event_tuples()
                    .iter()
                    .map(|(s, t, c, _)| format!("{s}>{t}:{c}"))
                    .collect::<Vec<_>>()
                    .join("  ")
            );
            for e in &doc.events {
                println!(
                    "   pred: {}>{}:{} {:?} {:?} [{}] {}",
                    code(&e.source),
                    code(&e.target),
                    e.cameo,
                    e.modality,
                    doc.slice(e.trigger),
                    e.cameo_name,
                    e.pattern
                );
            }
            let actors: Vec<String> = doc
                .mentions
                .iter()
                .map(|m| format!("{}={}", m.text, m.actor.code))
                .collect();
            println!("   actors: {}", actors.join(", "));
        }
    }
    match evaluate_events(&pipeline, std::path::Path::new(&path)) {
        Ok(scores) => println!("{scores}"),
        Err(e) => eprintln!("{e}"),
    }
}
