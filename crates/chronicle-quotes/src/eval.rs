//! Scores the quotes stage against BRAT standoff annotations (PARC / PolNeAR style).
//!
//! Each `X.txt` has an `X.ann` with text-bound annotations labelled `Source`, `Cue` and
//! `Content` (character offsets as BRAT writes them; discontinuous `a b;c d` spans allowed)
//! and relations that tie them into attributions. Any relation or event line linking a
//! `Content` with a `Source` and/or a `Cue` counts, whatever its type or role names:
//!
//! ```text
//! T1<TAB>Source 0 5<TAB>Kono
//! T2<TAB>Cue 6 10<TAB>said
//! T3<TAB>Content 16 40<TAB>Japan would freeze assets
//! R1<TAB>Attribution Arg1:T3 Arg2:T1
//! R2<TAB>Cue Arg1:T3 Arg2:T2
//! E1<TAB>Cue:T2 Source:T1 Content:T3
//! ```
//!
//! Contents linked to the same cue form one attribution (a split quote `"…," he said, "…"`
//! is one attribution with two fragments), on both sides. Spans are compared after trimming
//! whitespace and punctuation (quote marks included) at both ends. Predicted partial quotes
//! lying inside another predicted quote (a quoted fragment of an indirect clause) are folded
//! into it, matching the PARC convention of one content per attribution.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chronicle_core::{Article, Document, QuoteKind, Span, Stage};
use thiserror::Error;

use crate::{ExtractedQuote, QuoteExtractor};

#[derive(Debug, Error)]
pub enum QuoteError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Annotation {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("no annotated .txt/.ann pairs in {0}")]
    Empty(PathBuf),
}

/// One attribution: what was said, by whom, with which cue (byte spans, trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    /// Content fragments in text order.
    pub content: Vec<Span>,
    pub source: Option<Span>,
    pub cue: Option<Span>,
}

impl Attribution {
    fn overlap(&self, other: &Attribution) -> usize {
        self.content
            .iter()
            .flat_map(|a| other.content.iter().map(move |b| overlap_len(*a, *b)))
            .sum()
    }
}

fn overlap_len(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Matched counts for precision (over predictions) and recall (over gold items).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub matched_predicted: usize,
    pub predicted: usize,
    pub matched_gold: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_predicted, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Prf) {
        self.matched_predicted += other.matched_predicted;
        self.predicted += other.predicted;
        self.matched_gold += other.matched_gold;
        self.gold += other.gold;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// Scores over a set of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteScores {
    pub documents: usize,
    /// Contents with exactly the same fragments.
    pub content_exact: Prf,
    /// Contents that overlap.
    pub content_overlap: Prf,
    /// Distinct source spans per document, exact.
    pub source_exact: Prf,
    /// Gold attributions with a source whose content was found (overlap).
    pub attribution_total: usize,
    /// … of which the best-overlapping prediction's source overlaps the gold source.
    pub attribution_correct: usize,
}

impl QuoteScores {
    pub fn attribution_accuracy(&self) -> f64 {
        ratio(self.attribution_correct, self.attribution_total)
    }

    /// Adds one document's gold and predicted attributions.
    pub fn add_document(&mut self, gold: &[Attribution], predicted: &[Attribution]) {
        self.documents += 1;
        self.content_exact
            .add(match_counts(gold, predicted, |g, p| g.content == p.content));
        self.content_overlap
            .add(match_counts(gold, predicted, |g, p| g.overlap(p) > 0));
        let gold_sources: BTreeSet<Span> = gold.iter().filter_map(|a| a.source).collect();
        let pred_sources: BTreeSet<Span> = predicted.iter().filter_map(|a| a.source).collect();
        let common = gold_sources.intersection(&pred_sources).count();
        self.source_exact.add(Prf {
            matched_predicted: common,
            predicted: pred_sources.len(),
            matched_gold: common,
            gold: gold_sources.len(),
        });
        for g in gold {
            let Some(gs) = g.source else { continue };
            let best = predicted
                .iter()
                .map(|p| (g.overlap(p), p))
                .filter(|(o, _)| *o > 0)
                .max_by_key(|(o, _)| *o);
            if let Some((_, p)) = best {
                self.attribution_total += 1;
                if p.source.is_some_and(|ps| ps.overlaps(gs)) {
                    self.attribution_correct += 1;
                }
            }
        }
    }
}

fn match_counts(
    gold: &[Attribution],
    predicted: &[Attribution],
    matches: impl Fn(&Attribution, &Attribution) -> bool,
) -> Prf {
    Prf {
        matched_predicted: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| matches(g, p)))
            .count(),
        predicted: predicted.len(),
        matched_gold: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| matches(g, p)))
            .count(),
        gold: gold.len(),
    }
}

impl fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "quotes: {} documents, {} gold attributions, {} predicted",
            self.documents, self.content_exact.gold, self.content_exact.predicted
        )?;
        writeln!(
            f,
            "{:<22} {:>6} {:>6} {:>6}   matched",
            "metric", "P", "R", "F1"
        )?;
        for (name, prf) in [
            ("content (exact)", &self.content_exact),
            ("content (overlap)", &self.content_overlap),
            ("source (exact)", &self.source_exact),
        ] {
            writeln!(
                f,
                "{:<22} {:>6.3} {:>6.3} {:>6.3}   {}/{} predicted, {}/{} gold",
                name,
                prf.precision(),
                prf.recall(),
                prf.f1(),
                prf.matched_predicted,
                prf.predicted,
                prf.matched_gold,
                prf.gold
            )?;
        }
        write!(
            f,
            "{:<22} {:>6.3}                 {}/{} matched contents with the right source",
            "attribution accuracy",
            self.attribution_accuracy(),
            self.attribution_correct,
            self.attribution_total
        )
    }
}

/// Trims whitespace and punctuation (quote marks included) from both ends of a span.
pub fn normalize(text: &str, span: Span) -> Span {
    let piece = &text[span.start..span.end];
    let is_edge = |c: char| c.is_whitespace() || !c.is_alphanumeric() && c != '%' && c != '$';
    let trimmed_start = piece.trim_start_matches(is_edge);
    let start = span.start + (piece.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(is_edge);
    Span::new(start, start + trimmed.len())
}

/// Reads the attributions of a BRAT `.ann` file for `text`. Errors carry the line number.
pub fn parse_ann(text: &str, ann: &str) -> Result<Vec<Attribution>, (usize, String)> {
    let offsets = char_to_byte(text);
    let mut labels: BTreeMap<&str, (String, Vec<Span>)> = BTreeMap::new();
    let mut links: Vec<Vec<&str>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("").trim();
        let body = cols.next().unwrap_or("");
        match id.chars().next() {
            Some('T') => {
                let (label, ranges) = body
                    .split_once(' ')
                    .ok_or((line_no, "text-bound annotation without offsets".to_owned()))?;
                let mut spans = Vec::new();
                for range in ranges.split(';') {
                    let mut nums = range.split_whitespace().map(str::parse::<usize>);
                    let (Some(Ok(a)), Some(Ok(b)), None) = (nums.next(), nums.next(), nums.next())
                    else {
                        return Err((line_no, format!("bad offsets {range:?}")));
                    };
                    let (Some(&s), Some(&e)) = (offsets.get(a), offsets.get(b)) else {
                        return Err((line_no, format!("offsets {a} {b} beyond the text")));
                    };
                    if s > e {
                        return Err((line_no, format!("offsets {a} > {b}")));
                    }
                    spans.push(Span::new(s, e));
                }
                if let (Some(expected), [span]) = (cols.next(), spans.as_slice()) {
                    if span.slice(text) != expected {
                        return Err((
                            line_no,
                            format!("text {:?} does not match {expected:?}", span.slice(text)),
                        ));
                    }
                }
                labels.insert(id, (label.to_lowercase(), spans));
            }
            Some('R') | Some('E') => {
                let ids = body
                    .split_whitespace()
                    .filter_map(|arg| arg.split_once(':').map(|(_, v)| v))
                    .collect();
                links.push(ids);
            }
            _ => {}
        }
    }
    let kind = |id: &str| labels.get(id).map(|(l, _)| l.as_str());
    // Content id → (source id, cue id)
    let mut linked: BTreeMap<&str, (Option<&str>, Option<&str>)> = BTreeMap::new();
    for ids in &links {
        let find = |k: &str| ids.iter().copied().find(|&i| kind(i) == Some(k));
        for &c in ids.iter().filter(|&&i| kind(i) == Some("content")) {
            let entry = linked.entry(c).or_default();
            entry.0 = entry.0.or(find("source"));
            entry.1 = entry.1.or(find("cue"));
        }
    }
    let mut by_cue: BTreeMap<String, Attribution> = BTreeMap::new();
    for (id, (label, spans)) in &labels {
        if label != "content" {
            continue;
        }
        let (source, cue) = linked.get(id).copied().unwrap_or_default();
        let span_of = |i: Option<&str>| {
            i.and_then(|i| labels.get(i))
                .and_then(|(_, s)| s.first().copied())
        };
        let key = cue.map_or_else(|| format!("content:{id}"), |c| format!("cue:{c}"));
        let entry = by_cue.entry(key).or_default();
        entry
            .content
            .extend(spans.iter().map(|&s| normalize(text, s)));
        entry.source = entry.source.or(span_of(source).map(|s| normalize(text, s)));
        entry.cue = entry.cue.or(span_of(cue));
    }
    Ok(finish(by_cue.into_values().collect()))
}

fn finish(mut attributions: Vec<Attribution>) -> Vec<Attribution> {
    for a in &mut attributions {
        a.content.retain(|s| !s.is_empty());
        a.content.sort();
        a.content.dedup();
    }
    attributions.retain(|a| !a.content.is_empty());
    attributions.sort_by_key(|a| a.content[0]);
    attributions
}

/// `offsets[i]` = byte offset of character `i`; `offsets[n]` = text length.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The stage's quotes as attributions: partial quotes inside another quote are folded
/// into it and quotes sharing a cue are merged.
pub fn predicted_attributions(text: &str, quotes: &[ExtractedQuote]) -> Vec<Attribution> {
    let hosts: Vec<Span> = quotes
        .iter()
        .filter(|q| q.quote.kind != QuoteKind::Partial)
        .map(|q| q.quote.content)
        .collect();
    let mut by_cue: BTreeMap<(usize, usize, usize), Attribution> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let inside = q.quote.kind == QuoteKind::Partial
            && hosts
                .iter()
                .any(|h| *h != q.quote.content && h.contains(q.quote.content));
        if inside {
            continue;
        }
        let key = q.quote.cue.map_or((1, i, 0), |c| (0, c.start, c.end));
        let entry = by_cue.entry(key).or_default();
        entry
            .content
            .extend(q.quote.fragments.iter().map(|&s| normalize(text, s)));
        entry.source = entry
            .source
            .or(q.quote.speaker_span.map(|s| normalize(text, s)));
        entry.cue = entry.cue.or(q.quote.cue);
    }
    finish(by_cue.into_values().collect())
}

/// Segments `text` and runs the stage without actor mentions (article date unknown).
pub fn extract_text(id: &str, text: &str) -> (Document, Vec<ExtractedQuote>) {
    let mut doc = Document::new(Article {
        id: id.to_owned(),
        text: text.to_owned(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    let quotes = QuoteExtractor::new().extract(&doc);
    (doc, quotes)
}

/// Scores every `X.txt` with an `X.ann` in `dir`.
pub fn evaluate_dir(dir: &Path) -> Result<QuoteScores, QuoteError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| QuoteError::Io { path, source }
    };
    let mut txts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.with_extension("ann").exists())
        .collect();
    txts.sort();
    if txts.is_empty() {
        return Err(QuoteError::Empty(dir.to_owned()));
    }
    let mut scores = QuoteScores::default();
    for txt in txts {
        let ann_path = txt.with_extension("ann");
        let text = std::fs::read_to_string(&txt).map_err(io(&txt))?;
        let ann = std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?;
        let gold = parse_ann(&text, &ann).map_err(|(line, message)| QuoteError::Annotation {
            path: ann_path.clone(),
            line,
            message,
        })?;
        let id = txt
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (doc, quotes) = extract_text(&id, &text);
        scores.add_document(&gold, &predicted_attributions(doc.text(), &quotes));
    }
    Ok(scores)
}
