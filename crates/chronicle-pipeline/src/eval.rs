//! `chronicle eval events`: precision, recall and F1 of coded events against a gold JSONL
//! file, one snippet per line:
//! `{"id", "date": "YYYY-MM-DD", "text", "events": [{"source", "target", "cameo", "date"}]}`.
//!
//! An event is a (source code, target code, CAMEO code) triple; a missing target is `""`.
//! Scores are given at three strictness levels: the full triple, the CAMEO root with the full
//! actor codes, and the CAMEO root with the actors' countries only (the usual dyad-level view
//! of event data). Date accuracy is over root-level matches.

use std::fmt;
use std::path::Path;

use chronicle_core::{Article, Document};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::Pipeline;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
struct GoldItem {
    id: String,
    date: Option<NaiveDate>,
    text: String,
    #[serde(default)]
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize, Clone)]
struct GoldEvent {
    source: String,
    #[serde(default)]
    target: Option<String>,
    cameo: String,
    #[serde(default)]
    date: Option<NaiveDate>,
}

/// Counts for one strictness level.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

#[derive(Debug, Default)]
pub struct EventScores {
    pub snippets: usize,
    pub exact: Prf,
    pub root: Prf,
    pub country_root: Prf,
    pub dated: usize,
    pub date_correct: usize,
    /// Predicted events in snippets whose gold has none (over-coding).
    pub spurious_in_empty: usize,
    pub empty_snippets: usize,
}

impl fmt::Display for EventScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "events: {} snippets ({} with no gold event)",
            self.snippets, self.empty_snippets
        )?;
        writeln!(
            f,
            "{:<34} {:>7} {:>7} {:>7}   matched/pred/gold",
            "level", "P", "R", "F1"
        )?;
        for (name, p) in [
            ("source+target+code", self.exact),
            ("source+target+root", self.root),
            ("countries+root", self.country_root),
        ] {
            writeln!(
                f,
                "{name:<34} {:>7.2} {:>7.2} {:>7.2}   {}/{}/{}",
                p.precision(),
                p.recall(),
                p.f1(),
                p.matched,
                p.predicted,
                p.gold
            )?;
        }
        writeln!(
            f,
            "date accuracy (root matches)       {:>7.2}   {}/{}",
            ratio(self.date_correct, self.dated),
            self.date_correct,
            self.dated
        )?;
        write!(
            f,
            "events predicted where gold has none: {}",
            self.spurious_in_empty
        )
    }
}

/// One event reduced to what is compared.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    source: String,
    target: String,
    cameo: String,
    date: Option<NaiveDate>,
}

impl Key {
    fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
}

fn country(code: &str) -> &str {
    // IGO/NGO codes keep their organisation part (IGOUNO); states are their first 3 letters.
    if code.starts_with("IGO") || code.starts_with("NGO") {
        code.get(..6).unwrap_or(code)
    } else {
        code.get(..3).unwrap_or(code)
    }
}

/// Greedy one-to-one matching of `pred` to `gold` under `same`; returns the matched pairs.
fn matches(gold: &[Key], pred: &[Key], same: impl Fn(&Key, &Key) -> bool) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&pi| !used[pi] && same(g, &pred[pi])) {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn predicted_keys(doc: &Document) -> Vec<Key> {
    doc.events
        .iter()
        .map(|e| Key {
            source: e
                .source
                .as_ref()
                .map(|a| a.actor.code.clone())
                .unwrap_or_default(),
            target: e
                .target
                .as_ref()
                .map(|a| a.actor.code.clone())
                .unwrap_or_default(),
            cameo: e.cameo.clone(),
            date: e.date,
        })
        .collect()
}

/// Runs `pipeline` over every snippet of the gold file and scores the events.
pub fn evaluate_events(pipeline: &Pipeline, path: &Path) -> Result<EventScores, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut scores = EventScores::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: GoldItem = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: path.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let doc = pipeline.run(Article {
            id: item.id.clone(),
            date: item.date,
            text: item.text.clone(),
            ..Default::default()
        });
        let pred = predicted_keys(&doc);
        let gold: Vec<Key> = item
            .events
            .iter()
            .map(|g| Key {
                source: g.source.clone(),
                target: g.target.clone().unwrap_or_default(),
                cameo: g.cameo.clone(),
                date: g.date,
            })
            .collect();
        scores.snippets += 1;
        if gold.is_empty() {
            scores.empty_snippets += 1;
            scores.spurious_in_empty += pred.len();
        }
        for prf in [
            &mut scores.exact,
            &mut scores.root,
            &mut scores.country_root,
        ] {
            prf.gold += gold.len();
            prf.predicted += pred.len();
        }
        scores.exact.matched += matches(&gold, &pred, |g, p| {
            g.source == p.source && g.target == p.target && g.cameo == p.cameo
        })
        .len();
        let root_pairs = matches(&gold, &pred, |g, p| {
            g.source == p.source && g.target == p.target && g.root() == p.root()
        });
        scores.root.matched += root_pairs.len();
        scores.country_root.matched += matches(&gold, &pred, |g, p| {
            country(&g.source) == country(&p.source)
                && country(&g.target) == country(&p.target)
                && g.root() == p.root()
        })
        .len();
        for (gi, pi) in root_pairs {
            if let Some(d) = gold[gi].date {
                scores.dated += 1;
                scores.date_correct += usize::from(pred[pi].date == Some(d));
            }
        }
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str, t: &str, c: &str) -> Key {
        Key {
            source: s.into(),
            target: t.into(),
            cameo: c.into(),
            date: None,
        }
    }

    #[test]
    fn matching_is_one_to_one() {
        let gold = [key("USAGOV", "PRK", "0256"), key("USAGOV", "PRK", "0256")];
        let pred = [key("USAGOV", "PRK", "0256")];
        assert_eq!(matches(&gold, &pred, |g, p| g == p).len(), 1);
    }

    #[test]
    fn prf_arithmetic() {
        let p = Prf {
            gold: 4,
            predicted: 2,
            matched: 1,
        };
        assert_eq!(p.precision(), 50.0);
        assert_eq!(p.recall(), 25.0);
        assert!((p.f1() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn countries_keep_igo_identity() {
        assert_eq!(country("USAGOV"), "USA");
        assert_eq!(country("IGOUNO"), "IGOUNO");
        assert_eq!(country(""), "");
    }
}
