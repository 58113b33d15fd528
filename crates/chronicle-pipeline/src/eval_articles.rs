//! `chronicle eval events DIR`: whole-article scoring of event coding.
//!
//! `DIR/gold.jsonl` has one line per article: `{"doc": "a01.txt", "date": "YYYY-MM-DD",
//! "events": [{"source", "target", "cameo", "date", "key": bool, "sentence", "trigger"}]}`,
//! listing every event an expert would code from the article once, with `key` marking the
//! article's news. The article itself is `DIR/<doc>`, read like any input (crawled header
//! lines and boilerplate included).
//!
//! The article is the unit an analyst reads, so matching is at article level: a coded event
//! matches a gold event of the same article with the same CAMEO root and the same source and
//! target countries (either direction for the symmetric roots: consult, diplomatic and
//! material cooperation). Reported: recall of key events and of all events, and precision of
//! the coded events (each asserted coded event that matches some gold event is correct).

use std::fmt;
use std::path::Path;

use chronicle_core::Article;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::eval::{asserted_events, country, predicted_keys, EvalError, Key};
use crate::Pipeline;

#[derive(Debug, Deserialize)]
struct GoldArticle {
    doc: String,
    date: Option<NaiveDate>,
    #[serde(default)]
    events: Vec<GoldArticleEvent>,
}

#[derive(Debug, Deserialize)]
struct GoldArticleEvent {
    source: String,
    #[serde(default)]
    target: Option<String>,
    cameo: String,
    #[serde(default)]
    key: bool,
    #[serde(default)]
    trigger: String,
    #[serde(default)]
    sentence: String,
}

/// One article's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleResult {
    pub doc: String,
    pub key_events: usize,
    pub key_found: usize,
    pub gold_events: usize,
    pub gold_found: usize,
    pub coded: usize,
    pub coded_correct: usize,
    /// Gold events no coded event matched, described for `--verbose` (key ones marked).
    pub missed: Vec<String>,
    /// Coded events that match no gold event, described with their sentence.
    pub unmatched: Vec<String>,
}

/// Totals over a directory of gold articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleScores {
    pub articles: Vec<ArticleResult>,
}

impl ArticleScores {
    fn sum(&self, f: impl Fn(&ArticleResult) -> usize) -> usize {
        self.articles.iter().map(f).sum()
    }

    /// Share of key events found, in percent.
    pub fn key_recall(&self) -> f64 {
        percent(self.sum(|a| a.key_found), self.sum(|a| a.key_events))
    }

    /// Share of all gold events found, in percent.
    pub fn recall(&self) -> f64 {
        percent(self.sum(|a| a.gold_found), self.sum(|a| a.gold_events))
    }

    /// Share of coded events that match a gold event of their article, in percent.
    pub fn precision(&self) -> f64 {
        percent(self.sum(|a| a.coded_correct), self.sum(|a| a.coded))
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl fmt::Display for ArticleScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<28} {:>9} {:>9} {:>11}",
            "article", "key", "all", "precision"
        )?;
        for a in &self.articles {
            writeln!(
                f,
                "{:<28} {:>4}/{:<4} {:>4}/{:<4} {:>5}/{:<5}",
                a.doc,
                a.key_found,
                a.key_events,
                a.gold_found,
                a.gold_events,
                a.coded_correct,
                a.coded
            )?;
        }
        writeln!(
            f,
            "{} articles: key events found {:.1}% ({}/{}), all events found {:.1}% ({}/{}), precision {:.1}% ({}/{})",
            self.articles.len(),
            self.key_recall(),
            self.sum(|a| a.key_found),
            self.sum(|a| a.key_events),
            self.recall(),
            self.sum(|a| a.gold_found),
            self.sum(|a| a.gold_events),
            self.precision(),
            self.sum(|a| a.coded_correct),
            self.sum(|a| a.coded),
        )
    }
}

/// Roots whose events have no direction: "A met B" is also "B met A".
const SYMMETRIC_ROOTS: [&str; 3] = ["04", "05", "06"];

/// Whether coded `pred` is gold `gold` at article level (root and countries).
fn same_event(gold: &Key, pred: &Key) -> bool {
    if gold.root() != pred.root() {
        return false;
    }
    let forward = gold.same_countries(pred);
    let backward = SYMMETRIC_ROOTS.contains(&gold.root())
        && country(&gold.source) == country(&pred.target)
        && country(&gold.target) == country(&pred.source);
    forward || backward
}

/// The evidence of each gold and each coded event (`[trigger]  sentence`), shown by
/// `--verbose`; either may be empty.
#[derive(Default)]
struct Evidence {
    gold: Vec<String>,
    coded: Vec<String>,
}

/// Scores one article's coded events against its gold events; `key[i]` flags gold `i`.
fn score_article(
    doc: &str,
    gold: &[Key],
    key: &[bool],
    pred: &[Key],
    evidence: &Evidence,
) -> ArticleResult {
    let found: Vec<bool> = gold
        .iter()
        .map(|g| pred.iter().any(|p| same_event(g, p)))
        .collect();
    let correct: Vec<bool> = pred
        .iter()
        .map(|p| gold.iter().any(|g| same_event(g, p)))
        .collect();
    let count = |keep: &dyn Fn(usize) -> bool| (0..gold.len()).filter(|&i| keep(i)).count();
    ArticleResult {
        doc: doc.to_owned(),
        key_events: count(&|i| key[i]),
        key_found: count(&|i| key[i] && found[i]),
        gold_events: gold.len(),
        gold_found: count(&|i| found[i]),
        coded: pred.len(),
        coded_correct: correct.iter().filter(|&&c| c).count(),
        missed: (0..gold.len())
            .filter(|&i| !found[i])
            .map(|i| {
                describe(
                    &gold[i],
                    if key[i] { "KEY " } else { "" },
                    evidence.gold.get(i),
                )
            })
            .collect(),
        unmatched: (0..pred.len())
            .filter(|&i| !correct[i])
            .map(|i| describe(&pred[i], "", evidence.coded.get(i)))
            .collect(),
    }
}

/// `KEY USAGOV -> IRN 112  [trigger]  sentence`, the form `--verbose` lists events in.
fn describe(k: &Key, mark: &str, evidence: Option<&String>) -> String {
    let target = if k.target.is_empty() { "-" } else { &k.target };
    let mut line = format!("{mark}{} -> {target} {}", k.source, k.cameo());
    if let Some(e) = evidence.filter(|e| !e.is_empty()) {
        line.push_str("  ");
        line.push_str(e);
    }
    line
}

impl ArticleScores {
    /// Every article's missed gold events and unmatched coded events, with their sentences.
    pub fn details(&self) -> String {
        let mut out = String::new();
        for a in &self.articles {
            if a.missed.is_empty() && a.unmatched.is_empty() {
                continue;
            }
            out.push_str(&format!("== {}\n", a.doc));
            for m in &a.missed {
                out.push_str(&format!("  missed   {m}\n"));
            }
            for u in &a.unmatched {
                out.push_str(&format!("  extra    {u}\n"));
            }
        }
        out
    }
}

/// Runs `pipeline` over every article of `dir/gold.jsonl`; `read` turns a file into an
/// article the way the CLI's inputs are read (header lines, boilerplate, date).
pub fn evaluate_articles(
    pipeline: &Pipeline,
    dir: &Path,
    read: impl Fn(&Path) -> Result<Article, String>,
) -> Result<ArticleScores, EvalError> {
    let gold_path = dir.join("gold.jsonl");
    let name = gold_path.display().to_string();
    let text = std::fs::read_to_string(&gold_path).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    let mut scores = ArticleScores::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let format_error = |message: String| EvalError::Format {
            path: name.clone(),
            line: i + 1,
            message,
        };
        let gold: GoldArticle =
            serde_json::from_str(line).map_err(|e| format_error(e.to_string()))?;
        let mut article =
            read(&dir.join(&gold.doc)).map_err(|e| format_error(format!("{}: {e}", gold.doc)))?;
        article.date = article.date.or(gold.date);
        let doc = pipeline.run(article);
        let (pred, _) = predicted_keys(&doc);
        let keys: Vec<Key> = gold
            .events
            .iter()
            .map(|e| Key::new(&e.source, e.target.as_deref().unwrap_or(""), &e.cameo, None))
            .collect();
        let key: Vec<bool> = gold.events.iter().map(|e| e.key).collect();
        let evidence = Evidence {
            gold: gold
                .events
                .iter()
                .map(|e| format!("[{}]  {}", e.trigger, e.sentence))
                .collect(),
            coded: asserted_events(&doc)
                .map(|e| {
                    let sentence = doc
                        .sentences
                        .get(e.sentence)
                        .map_or("", |s| doc.slice(s.span));
                    format!("[{}]  {sentence}", doc.slice(e.trigger))
                })
                .collect(),
        };
        scores
            .articles
            .push(score_article(&gold.doc, &keys, &key, &pred, &evidence));
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str, t: &str, c: &str) -> Key {
        Key::new(s, t, c, None)
    }

    #[test]
    fn articles_score_key_recall_and_precision() {
        let gold = [
            key("USAGOV", "PRK", "0256"),
            key("KORGOV", "JPNGOV", "040"),
            key("PRKMIL", "", "138"),
        ];
        let flags = [true, true, false];
        let pred = [
            // Right root and countries, other sub-code and agent.
            key("USA", "PRKGOV", "020"),
            // A meeting coded the other way round still counts.
            key("JPN", "KOR", "043"),
            // A missile test coded as an attack is wrong.
            key("PRKMIL", "", "190"),
        ];
        let r = score_article("a.txt", &gold, &flags, &pred, &Evidence::default());
        assert_eq!((r.key_found, r.key_events), (2, 2));
        assert_eq!((r.gold_found, r.gold_events), (2, 3));
        assert_eq!((r.coded_correct, r.coded), (2, 3));
        assert_eq!(r.missed, ["PRKMIL -> - 138"]);
        assert_eq!(r.unmatched, ["PRKMIL -> - 190"]);
        let evidence = Evidence {
            gold: vec![
                String::new(),
                String::new(),
                "[fired]  Pyongyang fired a missile.".into(),
            ],
            coded: vec![
                String::new(),
                String::new(),
                "[attacked]  It attacked.".into(),
            ],
        };
        let with_evidence = score_article("a.txt", &gold, &flags, &pred, &evidence);
        assert_eq!(
            with_evidence.missed,
            ["PRKMIL -> - 138  [fired]  Pyongyang fired a missile."]
        );
        assert_eq!(
            with_evidence.unmatched,
            ["PRKMIL -> - 190  [attacked]  It attacked."]
        );
        let details = ArticleScores { articles: vec![r] }.details();
        assert!(details.starts_with("== a.txt\n  missed   PRKMIL -> - 138\n"));
    }

    #[test]
    fn direction_matters_for_directed_events() {
        let gold = [key("RUS", "UKR", "112")];
        let r = score_article(
            "b.txt",
            &gold,
            &[true],
            &[key("UKR", "RUS", "112")],
            &Evidence::default(),
        );
        assert_eq!((r.key_found, r.coded_correct), (0, 0));
        let scores = ArticleScores { articles: vec![r] };
        assert_eq!(scores.key_recall(), 0.0);
        assert!(scores.to_string().contains("1 articles"));
    }
}
