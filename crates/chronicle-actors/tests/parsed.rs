//! The same phrases get the same codes when chronicle-syntax has parsed the text, and a
//! pronoun goes to the subject of the sentence before (by the parse, or without one to the
//! person phrase that opens it).

use chronicle_actors::ActorResolver;
use chronicle_core::{Article, Document, Stage};
use chronicle_nlp::Segmenter;
use chronicle_syntax::SyntaxAnalyzer;

const TEXT: &str = "SEOUL (Yonhap) - U.S. Secretary of State Mike Pompeo urged North Korea on \
Tuesday to return to talks, while Russian Foreign Minister Sergei Lavrov said Washington and \
Moscow's top diplomats still disagreed. China's deputy UN ambassador told the UN Security \
Council that Beijing backed dialogue. North Korea's state-run television showed the North \
Korean army chief inspecting troops. Lavrov later met Japan's foreign minister. He said the \
North wanted guarantees.";

fn resolve(parse: Option<&SyntaxAnalyzer>) -> Vec<(String, String)> {
    let article = Article {
        text: TEXT.to_owned(),
        date: "2019-12-10".parse().ok(),
        ..Default::default()
    };
    let mut doc = Document::new(article);
    Segmenter::new().process(&mut doc);
    if let Some(parser) = parse {
        parser.process(&mut doc);
    }
    ActorResolver::builtin().process(&mut doc);
    doc.mentions
        .iter()
        .map(|m| (m.text.clone(), m.actor.code.clone()))
        .collect()
}

#[test]
fn the_parse_keeps_the_codes_and_finds_the_subject() {
    let parser = match SyntaxAnalyzer::load_default() {
        Ok(p) => p,
        Err(e) => {
            // The parse is optional input for this stage; without a model there is nothing
            // to compare.
            eprintln!("skipping: syntax model not available: {e}");
            return;
        }
    };
    let plain = resolve(None);
    let parsed = resolve(Some(&parser));
    for mention in &plain {
        assert!(
            parsed.contains(mention),
            "{mention:?} lost with the parse: {parsed:?}"
        );
    }
    // "Lavrov later met Japan's foreign minister. He said …": two candidates, but only
    // Lavrov is the subject.
    assert!(
        plain.contains(&("He".to_owned(), "RUSGOV".to_owned())),
        "{plain:?}"
    );
    assert!(
        parsed.contains(&("He".to_owned(), "RUSGOV".to_owned())),
        "{parsed:?}"
    );
    for (text, code) in [
        ("U.S. Secretary of State Mike Pompeo", "USAGOV"),
        ("Russian Foreign Minister Sergei Lavrov", "RUSGOV"),
        ("Washington", "USAGOV"),
        ("Moscow's top diplomats", "RUSGOV"),
        ("China's deputy UN ambassador", "CHNGOV"),
        ("UN Security Council", "IGOUNO"),
        ("North Korea's state-run television", "PRKMED"),
        ("North Korean army chief", "PRKMIL"),
        ("Japan's foreign minister", "JPNGOV"),
        ("the North", "PRK"),
        ("Yonhap", "KORMED"),
    ] {
        assert!(
            parsed.iter().any(|(t, c)| t == text && c == code),
            "{text} {code} not in {parsed:?}"
        );
    }
}
