//! Prints the mentions found in a text: `cargo run -p chronicle-actors --example actors_dump -- [DATE] < file`.

use std::io::Read;

use chronicle_actors::ActorResolver;
use chronicle_core::{Article, Document, Stage};

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("could not read standard input");
        return;
    }
    let date = std::env::args().nth(1).and_then(|d| d.parse().ok());
    let mut doc = Document::new(Article {
        text,
        date,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    if std::env::args().any(|a| a == "--parse") {
        match chronicle_syntax::SyntaxAnalyzer::load_default() {
            Ok(parser) => parser.process(&mut doc),
            Err(e) => eprintln!("no parse: {e}"),
        }
    }
    ActorResolver::builtin().process(&mut doc);
    for m in &doc.mentions {
        let head = &doc.sentences[m.sentence].tokens[m.head].text;
        println!(
            "{:>3} {:<12} {:<13?} {:?} (head {head:?})",
            m.sentence, m.actor.code, m.kind, m.text
        );
    }
}
