//! The table-driven actor cases of `tests/cases.tsv`: mention, context, date → expected code
//! (or `unresolved`). Each context is a short article; the mention is found in it by text.

use chronicle_actors::ActorResolver;
use chronicle_core::{Article, Document, Mention, Stage};

/// One row of the table.
struct Case {
    line: usize,
    date: Option<String>,
    context: String,
    mention: String,
    /// Which occurrence of `mention` in the context (1-based).
    nth: usize,
    expected: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("cases.tsv");
    let mut out = Vec::new();
    let mut previous = String::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "cases.tsv:{}: want 4 tab-separated columns",
            i + 1
        );
        let context = if cols[1] == "^" {
            previous.clone()
        } else {
            cols[1].to_owned()
        };
        previous = context.clone();
        let (mention, nth) = match cols[2].rsplit_once('#') {
            Some((m, n)) if n.parse::<usize>().is_ok() => (m.to_owned(), n.parse().unwrap()),
            _ => (cols[2].to_owned(), 1),
        };
        assert!(
            context.matches(mention.as_str()).count() >= nth,
            "cases.tsv:{}: {mention:?} (#{nth}) not in the context",
            i + 1
        );
        out.push(Case {
            line: i + 1,
            date: (cols[0] != "-").then(|| cols[0].to_owned()),
            context,
            mention,
            nth,
            expected: cols[3].to_owned(),
        });
    }
    out
}

fn analyse(case: &Case, parse: Option<&chronicle_syntax::SyntaxAnalyzer>) -> Vec<Mention> {
    let mut doc = Document::new(Article {
        text: case.context.clone(),
        date: case.date.as_deref().map(|d| d.parse().expect("date")),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    if let Some(parser) = parse {
        parser.process(&mut doc);
    }
    ActorResolver::builtin().resolve(&doc)
}

/// The outcome for a case: `None` when it passes, else what was found.
fn check(case: &Case, mentions: &[Mention]) -> Option<String> {
    let start = case
        .context
        .match_indices(case.mention.as_str())
        .nth(case.nth - 1)
        .map(|(i, _)| i)?;
    let end = start + case.mention.len();
    let overlapping: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span.start < end && start < m.span.end)
        .collect();
    let ok = match case.expected.as_str() {
        "unresolved" => overlapping.is_empty(),
        code => overlapping.iter().any(|m| m.actor.code == code),
    };
    if ok {
        return None;
    }
    let found: Vec<String> = overlapping
        .iter()
        .map(|m| format!("{:?} {}", m.text, m.actor.code))
        .collect();
    Some(if found.is_empty() {
        "nothing".to_owned()
    } else {
        found.join(", ")
    })
}

fn run(parse: Option<&chronicle_syntax::SyntaxAnalyzer>, label: &str) -> f64 {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        if let Some(found) = check(case, &analyse(case, parse)) {
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
