//! Codes a text with hand-marked actors and prints each event with its evidence.
//!
//! `cargo run -p chronicle-events --example explain -- "Seoul urged Tokyo to resume talks." Seoul=KOR Tokyo=JPN`
//! With no text argument, reads the text from stdin.

mod marking;

use std::io::Read;

use chronicle_core::Stage;
use chronicle_events::EventCoder;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text = if args.first().is_some_and(|a| !a.contains('=')) {
        args.remove(0)
    } else {
        let mut buf = String::new();
        let _ = std::io::stdin().read_to_string(&mut buf);
        buf
    };
    let actors: Vec<(String, String)> = args
        .iter()
        .filter_map(|a| {
            a.rsplit_once('=')
                .map(|(p, c)| (p.to_owned(), c.to_owned()))
        })
        .collect();
    let mut doc = marking::marked_doc(&text, &actors);
    EventCoder::new().process(&mut doc);
    for e in &doc.events {
        let code = |a: &Option<chronicle_core::EventActor>| {
            a.as_ref()
                .map(|a| format!("{}({})", a.actor.code, a.text))
                .unwrap_or_else(|| "-".into())
        };
        println!(
            "s{} {} -> {} {} [{}] {:?}{} trigger={:?} {}",
            e.sentence,
            code(&e.source),
            code(&e.target),
            e.cameo,
            e.cameo_name,
            e.modality,
            if e.quote.is_some() { " quote" } else { "" },
            doc.slice(e.trigger),
            e.pattern
        );
    }
}
