//! Runs the standard pipeline over a text and prints, per sentence, the parse, the actor
//! mentions and the coded events: the view needed to see why an event was or was not coded.
//!
//! `cargo run --release -p chronicle-pipeline --example trace -- "Seoul urged Tokyo to talk." [YYYY-MM-DD]`
//! With `-` as the text, reads standard input.

use std::io::Read;

use chronicle_core::Article;
use chronicle_pipeline::Pipeline;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut text = args.next().unwrap_or_else(|| "-".into());
    if text == "-" {
        text.clear();
        let _ = std::io::stdin().read_to_string(&mut text);
    }
    let article = Article {
        id: "trace".into(),
        text,
        date: args.next().and_then(|d| d.parse().ok()),
        ..Article::default()
    };
    let doc = Pipeline::standard().run(article);
    for s in &doc.sentences {
        println!("## s{}: {}", s.index, doc.slice(s.span));
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map_or("-".into(), |h| h.to_string());
            print!("{i}:{}/{}>{head}:{}  ", t.text, t.upos, t.deprel);
        }
        println!();
        for (_, m) in doc.mentions_in(s.index) {
            println!(
                "  mention {:?} {:?} {} {:?}",
                m.text, m.kind, m.actor.code, m.tokens
            );
        }
        for e in doc.events.iter().filter(|e| e.sentence == s.index) {
            let code = |a: &Option<chronicle_core::EventActor>| {
                a.as_ref()
                    .map_or("-".into(), |a| format!("{}({})", a.actor.code, a.text))
            };
            println!(
                "  event {} -> {} {} {:?} neg={} [{}] {:?}",
                code(&e.source),
                code(&e.target),
                e.cameo,
                e.modality,
                e.negated,
                doc.slice(e.trigger),
                e.date
            );
        }
    }
}
