//! `chronicle eval events`: precision, recall and F1 of coded events against gold snippets.
//!
//! Two gold layouts are read, told apart by the first non-space character:
//!
//! * JSONL, one snippet per line:
//!   `{"id", "date": "YYYY-MM-DD", "text", "events": [{"source", "target", "cameo", "date"}]}`;
//! * the PLOVER gold-standard JSON layout (first character `[`): an array of records, one per
//!   event, `{"id", "text", "date", "source": [{"actorText", "code", "sector"}], "target": [..],
//!   "event", "mode", "context"}` plus our optional `"cameo"` extension. Consecutive records
//!   with the same text are one snippet; a record whose `event` and `cameo` are both null
//!   stands for a snippet without events.
//!
//! An event is a (source code, target code, CAMEO code, PLOVER type) tuple; a missing actor
//! is `""`. Events the coder marks negated or hypothetical say that something did *not* or
//! only *might* happen, and are left out (counted separately); future events are scored. Scores are given for the full triple, the CAMEO root with
//! full actor codes or with countries only (the usual dyad-level view of event data), the
//! event type alone (PLOVER type, CAMEO root), each side's actor given the root, and a
//! confusion table of event types. Date accuracy is over root-level matches.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use chronicle_core::{Article, Document, Modality};
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

/// One record of the PLOVER gold-standard layout.
#[derive(Debug, Deserialize)]
struct PloverRecord {
    #[serde(default)]
    id: Option<String>,
    text: String,
    #[serde(default)]
    date: Option<NaiveDate>,
    #[serde(default)]
    source: Vec<PloverActor>,
    #[serde(default)]
    target: Vec<PloverActor>,
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    cameo: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PloverActor {
    #[serde(default)]
    code: String,
}

/// A gold snippet, whatever its layout.
#[derive(Debug, Clone)]
pub struct GoldSnippet {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    events: Vec<Key>,
}

impl GoldSnippet {
    /// `(source, target, CAMEO code, PLOVER type)` of each gold event ("" when absent).
    pub fn event_tuples(&self) -> Vec<(String, String, String, String)> {
        self.events
            .iter()
            .map(|k| {
                (
                    k.source.clone(),
                    k.target.clone(),
                    k.cameo.clone(),
                    k.plover.clone(),
                )
            })
            .collect()
    }
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

    fn add(&mut self, gold: usize, predicted: usize, matched: usize) {
        self.gold += gold;
        self.predicted += predicted;
        self.matched += matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The label for a missing event in the confusion table.
pub const NO_EVENT: &str = "none";

#[derive(Debug, Default)]
pub struct EventScores {
    pub snippets: usize,
    pub exact: Prf,
    pub root: Prf,
    pub country_root: Prf,
    /// PLOVER event type with source and target countries.
    pub country_plover: Prf,
    /// Event type alone, per snippet: PLOVER type and CAMEO root.
    pub plover_type: Prf,
    pub root_type: Prf,
    /// One side of the event given the CAMEO root: its country, its full code.
    pub source_country: Prf,
    pub source_code: Prf,
    pub target_country: Prf,
    pub target_code: Prf,
    pub dated: usize,
    pub date_correct: usize,
    /// Predicted events in snippets whose gold has none (over-coding).
    pub spurious_in_empty: usize,
    pub empty_snippets: usize,
    /// Snippets with at least one predicted (resp. gold) event.
    pub snippets_with_predicted: usize,
    pub snippets_with_gold: usize,
    /// Predicted events marked negated or hypothetical, left out of every score.
    pub unasserted_skipped: usize,
    /// (gold type, predicted type) → count; [`NO_EVENT`] for a missed or spurious event.
    pub confusion: BTreeMap<(String, String), usize>,
}

impl EventScores {
    /// Predicted events per snippet that has at least one.
    pub fn events_per_coded_snippet(&self) -> f64 {
        ratio(self.exact.predicted, self.snippets_with_predicted) / 100.0
    }

    /// Scores one snippet's predicted events against its gold events.
    fn add_snippet(&mut self, gold: &[Key], pred: &[Key]) {
        self.snippets += 1;
        if gold.is_empty() {
            self.empty_snippets += 1;
            self.spurious_in_empty += pred.len();
        } else {
            self.snippets_with_gold += 1;
        }
        if !pred.is_empty() {
            self.snippets_with_predicted += 1;
        }
        let (ng, np) = (gold.len(), pred.len());
        let count = |same: &dyn Fn(&Key, &Key) -> bool| matches(gold, pred, same).len();
        self.exact.add(
            ng,
            np,
            count(&|g, p| g.source == p.source && g.target == p.target && g.cameo == p.cameo),
        );
        let root_pairs = matches(gold, pred, |g, p| {
            g.source == p.source && g.target == p.target && g.root() == p.root()
        });
        self.root.add(ng, np, root_pairs.len());
        self.country_root.add(
            ng,
            np,
            count(&|g, p| g.same_countries(p) && g.root() == p.root()),
        );
        self.country_plover.add(
            ng,
            np,
            count(&|g, p| g.same_countries(p) && g.plover == p.plover),
        );
        self.plover_type
            .add(ng, np, count(&|g, p| g.plover == p.plover));
        self.root_type
            .add(ng, np, count(&|g, p| g.root() == p.root()));
        self.source_country.add(
            ng,
            np,
            count(&|g, p| g.root() == p.root() && country(&g.source) == country(&p.source)),
        );
        self.source_code.add(
            ng,
            np,
            count(&|g, p| g.root() == p.root() && g.source == p.source),
        );
        self.target_country.add(
            ng,
            np,
            count(&|g, p| g.root() == p.root() && country(&g.target) == country(&p.target)),
        );
        self.target_code.add(
            ng,
            np,
            count(&|g, p| g.root() == p.root() && g.target == p.target),
        );
        for (gi, pi) in root_pairs {
            if let Some(d) = gold[gi].date {
                self.dated += 1;
                self.date_correct += usize::from(pred[pi].date == Some(d));
            }
        }
        for pair in confusion_pairs(gold, pred) {
            *self.confusion.entry(pair).or_default() += 1;
        }
    }

    /// The most frequent event types of the confusion table (gold or predicted), at most `n`,
    /// then [`NO_EVENT`].
    fn confusion_labels(&self, n: usize) -> Vec<String> {
        let mut totals: HashMap<&str, usize> = HashMap::new();
        for ((g, p), c) in &self.confusion {
            *totals.entry(g).or_default() += c;
            *totals.entry(p).or_default() += c;
        }
        totals.remove(NO_EVENT);
        let mut labels: Vec<(&str, usize)> = totals.into_iter().collect();
        labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut out: Vec<String> = labels.iter().take(n).map(|(l, _)| l.to_string()).collect();
        out.sort();
        out.push(NO_EVENT.to_owned());
        out
    }
}

/// Whether a gold and a predicted event count as the same at some level.
type SameEvent = dyn Fn(&Key, &Key) -> bool;

/// Pairs each gold event with the predicted event it was coded as: an exact dyad-and-root
/// match first, then the same dyad, then the same source country; what is left pairs with
/// [`NO_EVENT`].
fn confusion_pairs(gold: &[Key], pred: &[Key]) -> Vec<(String, String)> {
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut out = Vec::new();
    let passes: [&SameEvent; 3] = [
        &|g, p| g.same_countries(p) && g.kind() == p.kind(),
        &|g, p| g.same_countries(p),
        &|g, p| country(&g.source) == country(&p.source),
    ];
    for same in passes {
        for (gi, g) in gold.iter().enumerate() {
            if used_g[gi] {
                continue;
            }
            if let Some(pi) = (0..pred.len()).find(|&pi| !used_p[pi] && same(g, &pred[pi])) {
                used_g[gi] = true;
                used_p[pi] = true;
                out.push((g.kind().to_owned(), pred[pi].kind().to_owned()));
            }
        }
    }
    let missed = gold.iter().zip(&used_g).filter(|(_, u)| !**u);
    out.extend(missed.map(|(g, _)| (g.kind().to_owned(), NO_EVENT.to_owned())));
    let spurious = pred.iter().zip(&used_p).filter(|(_, u)| !**u);
    out.extend(spurious.map(|(p, _)| (NO_EVENT.to_owned(), p.kind().to_owned())));
    out
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
        let rows = [
            ("source+target+code", self.exact),
            ("source+target+root", self.root),
            ("countries+root", self.country_root),
            ("countries+PLOVER event", self.country_plover),
            ("event type: PLOVER event", self.plover_type),
            ("event type: CAMEO root", self.root_type),
            ("source country (given root)", self.source_country),
            ("source code (given root)", self.source_code),
            ("target country (given root)", self.target_country),
            ("target code (given root)", self.target_code),
        ];
        for (name, p) in rows {
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
        writeln!(
            f,
            "events per snippet with events: predicted {:.2} ({} snippets), gold {:.2} ({} snippets)",
            self.events_per_coded_snippet(),
            self.snippets_with_predicted,
            ratio(self.exact.gold, self.snippets_with_gold) / 100.0,
            self.snippets_with_gold
        )?;
        writeln!(
            f,
            "negated or hypothetical events left out: {}",
            self.unasserted_skipped
        )?;
        self.fmt_confusion(f)?;
        write!(
            f,
            "events predicted where gold has none: {}",
            self.spurious_in_empty
        )
    }
}

impl EventScores {
    fn fmt_confusion(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.confusion.is_empty() {
            return Ok(());
        }
        let labels = self.confusion_labels(16);
        writeln!(f, "confusion (gold rows × predicted columns, event types):")?;
        write!(f, "{:>6}", "")?;
        for l in &labels {
            write!(f, " {:>5}", truncate(l, 5))?;
        }
        writeln!(f)?;
        for g in &labels {
            write!(f, "{:>6}", truncate(g, 6))?;
            for p in &labels {
                let n = self.cell(g, p, &labels);
                if n == 0 {
                    write!(f, " {:>5}", ".")?;
                } else {
                    write!(f, " {n:>5}")?;
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }

    /// A cell of the table; types outside `labels` are not shown.
    fn cell(&self, gold: &str, pred: &str, labels: &[String]) -> usize {
        let shown = |l: &str| labels.iter().any(|x| x == l);
        if !shown(gold) || !shown(pred) {
            return 0;
        }
        self.confusion
            .get(&(gold.to_owned(), pred.to_owned()))
            .copied()
            .unwrap_or(0)
    }
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// One event reduced to what is compared.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub(crate) source: String,
    pub(crate) target: String,
    cameo: String,
    /// PLOVER event type ("" when the CAMEO code has none).
    plover: String,
    date: Option<NaiveDate>,
}

impl Key {
    /// A gold event's key; its PLOVER type comes from the CAMEO code.
    pub(crate) fn new(source: &str, target: &str, cameo: &str, date: Option<NaiveDate>) -> Key {
        Key {
            source: source.to_owned(),
            target: target.to_owned(),
            plover: plover_of(cameo),
            cameo: cameo.to_owned(),
            date,
        }
    }

    pub(crate) fn cameo(&self) -> &str {
        &self.cameo
    }

    pub(crate) fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }

    /// The event type shown in the confusion table: the CAMEO root, else the PLOVER type.
    fn kind(&self) -> &str {
        if self.cameo.is_empty() {
            &self.plover
        } else {
            self.root()
        }
    }

    pub(crate) fn same_countries(&self, other: &Key) -> bool {
        country(&self.source) == country(&other.source)
            && country(&self.target) == country(&other.target)
    }
}

pub(crate) fn country(code: &str) -> &str {
    // IGO/NGO codes keep their organisation part (IGOUNO); states are their first 3 letters.
    if code.starts_with("IGO") || code.starts_with("NGO") {
        code.get(..6).unwrap_or(code)
    } else {
        code.get(..3).unwrap_or(code)
    }
}

/// The PLOVER event type of a CAMEO code, from the built-in ontology.
fn plover_of(cameo: &str) -> String {
    chronicle_events::Ontology::builtin()
        .get(cameo)
        .and_then(|c| c.plover.event.clone())
        .unwrap_or_default()
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

/// Whether the coder says the event did not or may not happen (negated, hypothetical).
fn unasserted(e: &chronicle_core::Event) -> bool {
    e.negated || matches!(e.modality, Modality::Negated | Modality::Hypothetical)
}

/// The document's events the coder asserts happened, in order.
pub(crate) fn asserted_events(doc: &Document) -> impl Iterator<Item = &chronicle_core::Event> {
    doc.events.iter().filter(|e| !unasserted(e))
}

/// The document's events as keys, without the unasserted ones; returns how many those were.
pub(crate) fn predicted_keys(doc: &Document) -> (Vec<Key>, usize) {
    let code = |a: &Option<chronicle_core::EventActor>| {
        a.as_ref().map(|a| a.actor.code.clone()).unwrap_or_default()
    };
    let skipped = doc.events.len() - asserted_events(doc).count();
    let keys = asserted_events(doc)
        .map(|e| Key {
            source: code(&e.source),
            target: code(&e.target),
            cameo: e.cameo.clone(),
            plover: e.plover.event.clone().unwrap_or_default(),
            date: e.date,
        })
        .collect();
    (keys, skipped)
}

/// Reads a gold file in either layout (see the module docs).
pub fn read_gold(path: &Path) -> Result<Vec<GoldSnippet>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let name = path.display().to_string();
    if text.trim_start().starts_with('[') {
        parse_plover(&text, &name)
    } else {
        parse_jsonl(&text, &name)
    }
}

fn parse_jsonl(text: &str, path: &str) -> Result<Vec<GoldSnippet>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: GoldItem = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: path.to_owned(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let events = item
            .events
            .iter()
            .map(|g| {
                Key::new(
                    &g.source,
                    g.target.as_deref().unwrap_or(""),
                    &g.cameo,
                    g.date,
                )
            })
            .collect();
        out.push(GoldSnippet {
            id: item.id,
            date: item.date,
            text: item.text,
            events,
        });
    }
    Ok(out)
}

fn parse_plover(text: &str, path: &str) -> Result<Vec<GoldSnippet>, EvalError> {
    let records: Vec<PloverRecord> = serde_json::from_str(text).map_err(|e| EvalError::Format {
        path: path.to_owned(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let mut out: Vec<GoldSnippet> = Vec::new();
    for (n, r) in records.into_iter().enumerate() {
        let same_snippet = out
            .last()
            .is_some_and(|s| s.text == r.text && s.date == r.date);
        if !same_snippet {
            out.push(GoldSnippet {
                id: r.id.clone().unwrap_or_else(|| format!("record{}", n + 1)),
                date: r.date,
                text: r.text.clone(),
                events: Vec::new(),
            });
        }
        let cameo = r.cameo.clone().unwrap_or_default();
        if r.event.is_none() && cameo.is_empty() {
            continue;
        }
        let first =
            |actors: &[PloverActor]| actors.first().map(|a| a.code.clone()).unwrap_or_default();
        let plover = r.event.clone().unwrap_or_else(|| plover_of(&cameo));
        if let Some(snippet) = out.last_mut() {
            snippet.events.push(Key {
                source: first(&r.source),
                target: first(&r.target),
                cameo,
                plover,
                date: None,
            });
        }
    }
    Ok(out)
}

/// Runs `pipeline` over every snippet of the gold file and scores the events.
pub fn evaluate_events(pipeline: &Pipeline, path: &Path) -> Result<EventScores, EvalError> {
    let gold = read_gold(path)?;
    let mut scores = EventScores::default();
    for snippet in gold {
        let doc = pipeline.run(Article {
            id: snippet.id.clone(),
            date: snippet.date,
            text: snippet.text.clone(),
            ..Default::default()
        });
        let (pred, skipped) = predicted_keys(&doc);
        scores.unasserted_skipped += skipped;
        scores.add_snippet(&snippet.events, &pred);
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

    #[test]
    fn snippet_scores_each_level() {
        let mut s = EventScores::default();
        // Right root and countries, wrong sub-code and agent; a wrong type; a miss.
        let gold = [
            key("USAGOV", "PRK", "0256"),
            key("CHN", "TWN", "138"),
            key("JPN", "KOR", "040"),
        ];
        let pred = [key("USA", "PRKGOV", "020"), key("CHN", "TWN", "111")];
        s.add_snippet(&gold, &pred);
        assert_eq!(
            (s.exact.matched, s.exact.predicted, s.exact.gold),
            (0, 2, 3)
        );
        assert_eq!(s.root.matched, 0);
        assert_eq!(s.country_root.matched, 1);
        assert_eq!(s.root_type.matched, 1);
        assert_eq!(s.source_country.matched, 1);
        assert_eq!(s.source_code.matched, 0);
        assert_eq!(s.target_code.matched, 0);
        assert_eq!(s.plover_type.matched, s.country_plover.matched);
        assert_eq!(s.snippets_with_predicted, 1);
        assert!((s.events_per_coded_snippet() - 2.0).abs() < 1e-9);
        assert_eq!(s.confusion[&("02".into(), "02".into())], 1);
        assert_eq!(s.confusion[&("13".into(), "11".into())], 1);
        assert_eq!(s.confusion[&("04".into(), NO_EVENT.into())], 1);
    }

    #[test]
    fn spurious_events_in_empty_snippets_count() {
        let mut s = EventScores::default();
        s.add_snippet(&[], &[key("RUS", "UKR", "190")]);
        s.add_snippet(&[], &[]);
        assert_eq!((s.empty_snippets, s.spurious_in_empty), (2, 1));
        assert_eq!(s.confusion[&(NO_EVENT.into(), "19".into())], 1);
        assert_eq!(s.exact.precision(), 0.0);
        assert!(s.to_string().contains("confusion"));
    }

    #[test]
    fn plover_layout_groups_records_by_text() {
        let json = r#"[
          {"id": "a-1", "text": "Seoul urged Tokyo to talk.", "date": "2023-01-02",
           "source": [{"actorText": "Seoul", "code": "KORGOV", "sector": "GOV"}],
           "target": [{"actorText": "Tokyo", "code": "JPNGOV", "sector": "GOV"}],
           "event": "REQUEST", "mode": null, "context": null, "cameo": "026"},
          {"id": "a-2", "text": "Seoul urged Tokyo to talk.", "date": "2023-01-02",
           "source": [{"actorText": "Seoul", "code": "KORGOV"}], "target": [],
           "event": "CONSULT", "mode": null, "context": null},
          {"id": "b", "text": "Markets fell.", "source": [], "target": [], "event": null}
        ]"#;
        let snippets = parse_plover(json, "gold.json").unwrap();
        assert_eq!(snippets.len(), 2);
        assert_eq!(snippets[0].events.len(), 2);
        assert_eq!(snippets[0].events[0].root(), "02");
        assert_eq!(snippets[0].events[1].kind(), "CONSULT");
        assert_eq!(snippets[0].events[1].target, "");
        assert!(snippets[1].events.is_empty());
        assert!(parse_plover("[{\"text\": 3}]", "x").is_err());
    }

    #[test]
    fn jsonl_layout_still_reads() {
        let line = r#"{"id": "x", "date": "2020-01-01", "text": "t", "events": [{"source": "USA", "target": "IRN", "cameo": "163"}]}"#;
        let snippets = parse_jsonl(line, "g.jsonl").unwrap();
        assert_eq!(snippets[0].events[0].plover, plover_of("163"));
        assert!(parse_jsonl("{not json", "g.jsonl").is_err());
    }
}
