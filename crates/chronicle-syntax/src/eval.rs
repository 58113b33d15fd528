//! CoNLL 2018-style evaluation on gold tokenization.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use crate::conllu::{read_conllu, ConlluSentence};
use crate::{SyntaxError, SyntaxModel, WordAnalysis};

/// Scores in percent, over all words including punctuation. LAS compares the universal
/// part of the relation (`nmod:poss` counts as `nmod`), as CoNLL 2018 does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    pub sentences: usize,
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// LAS with full relation names (subtypes must match too).
    pub las_full: f64,
    pub seconds: f64,
    pub tokens_per_sec: f64,
}

pub fn evaluate(model: &SyntaxModel, conllu: &Path) -> Result<EvalReport, SyntaxError> {
    let sentences = read_conllu(conllu)?;
    Ok(evaluate_sentences(model, &sentences))
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// [`evaluate`] on sentences already read.
pub fn evaluate_sentences(model: &SyntaxModel, sentences: &[ConlluSentence]) -> EvalReport {
    score_sentences(sentences, |s| {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        model.analyze(&forms)
    })
}

/// [`evaluate_sentences`] with the treebank's own tags given to the parser: the gap to
/// [`evaluate_sentences`] is what tagging errors cost the parse.
pub fn evaluate_sentences_gold_tags(
    model: &SyntaxModel,
    sentences: &[ConlluSentence],
) -> EvalReport {
    score_sentences(sentences, |s| {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<(&str, &str)> = s
            .words
            .iter()
            .map(|w| (w.upos.as_str(), w.xpos.as_str()))
            .collect();
        model.analyze_with_tags(&forms, &tags)
    })
}

fn score_sentences(
    sentences: &[ConlluSentence],
    mut analyze: impl FnMut(&ConlluSentence) -> Vec<WordAnalysis>,
) -> EvalReport {
    let mut counts = [0usize; 6];
    let mut tokens = 0usize;
    let started = Instant::now();
    for s in sentences {
        let analysis = analyze(s);
        for (gold, got) in s.words.iter().zip(&analysis) {
            let head_ok = got.head.map_or(0, |h| h + 1) == gold.head;
            let checks = [
                got.upos == gold.upos,
                got.xpos == gold.xpos,
                got.lemma == gold.lemma,
                head_ok,
                head_ok && universal(&got.deprel) == universal(&gold.deprel),
                head_ok && got.deprel == gold.deprel,
            ];
            for (c, ok) in counts.iter_mut().zip(checks) {
                *c += usize::from(ok);
            }
            tokens += 1;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let pct = |n: usize| 100.0 * n as f64 / tokens.max(1) as f64;
    EvalReport {
        sentences: sentences.len(),
        tokens,
        upos: pct(counts[0]),
        xpos: pct(counts[1]),
        lemma: pct(counts[2]),
        uas: pct(counts[3]),
        las: pct(counts[4]),
        las_full: pct(counts[5]),
        seconds,
        tokens_per_sec: tokens as f64 / seconds.max(1e-9),
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<22} {:>10}", "metric", "value")?;
        writeln!(f, "{:<22} {:>10}", "sentences", self.sentences)?;
        writeln!(f, "{:<22} {:>10}", "tokens", self.tokens)?;
        for (name, v) in [
            ("UPOS %", self.upos),
            ("XPOS %", self.xpos),
            ("lemma %", self.lemma),
            ("UAS %", self.uas),
            ("LAS %", self.las),
            ("LAS (full labels) %", self.las_full),
        ] {
            writeln!(f, "{name:<22} {v:>10.2}")?;
        }
        write!(f, "{:<22} {:>10.0}", "tokens/s", self.tokens_per_sec)
    }
}
