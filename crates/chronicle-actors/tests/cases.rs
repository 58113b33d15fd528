//! The table-driven actor cases of `tests/cases.tsv` (format: `chronicle_actors::cases`),
//! run with and without the parser.

use chronicle_actors::cases::{parse_cases, Case};
use chronicle_actors::ActorResolver;
use chronicle_core::{Article, Document, Mention, Stage};

fn analyse(case: &Case, parse: Option<&chronicle_syntax::SyntaxAnalyzer>) -> Vec<Mention> {
    let mut doc = Document::new(Article {
        text: case.context.clone(),
        date: case.date,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    if let Some(parser) = parse {
        parser.process(&mut doc);
    }
    ActorResolver::builtin().resolve(&doc)
}

fn run(parse: Option<&chronicle_syntax::SyntaxAnalyzer>, label: &str) -> f64 {
    let cases = parse_cases(include_str!("cases.tsv"), "cases.tsv").expect("well-formed table");
    let mut failures = Vec::new();
    for case in &cases {
        if let Some(found) = case.check(&analyse(case, parse)) {
            failures.push(format!(
                "  cases.tsv:{}: {:?} want {} got {found}",
                case.line, case.mention, case.expected
            ));
        }
    }
    let rate = 1.0 - failures.len() as f64 / cases.len() as f64;
    eprintln!(
        "{label}: {} of {} cases pass ({:.1}%)\n{}",
        cases.len() - failures.len(),
        cases.len(),
        rate * 100.0,
        failures.join("\n")
    );
    assert!(cases.len() >= 300, "{} cases", cases.len());
    rate
}

#[test]
fn table_of_cases_without_a_parse() {
    let rate = run(None, "rules only");
    assert!(rate >= 0.97, "pass rate {rate:.3}");
}

#[test]
fn table_of_cases_with_the_parser() {
    let parser = chronicle_syntax::SyntaxAnalyzer::load_default().expect("syntax model");
    let rate = run(Some(&parser), "with parse");
    assert!(rate >= 0.97, "pass rate {rate:.3}");
}
