//! CAMEO/PLOVER event coding for chronicle.
//!
//! * [`Ontology`] — all 311 CAMEO codes with names, Goldstein values, quad classes and the
//!   PLOVER mapping (`data/cameo.txt`).
//! * [`PatternSet`] — our verb-pattern dictionary (`data/patterns.txt`), matched on lemmas.
//! * [`EventCoder`] — the `"events"` stage: one event per trigger and source–target pair,
//!   with roles from the parse when present and clause heuristics otherwise, modality
//!   (negated / future / hypothetical) and reported-speech attribution.
//! * [`Deduplicator`] / [`dedupe`] — the `"dedupe"` stage: one event per
//!   (source, target, code, date) within an article.
//!
//! Modality: a negated intent ("would not meet", "has no plans to visit") takes the pattern's
//! `refuse=` code (else its `neg=` code) and is asserted; a plain past negation ("did not
//! meet") stays flagged `Negated`; an opening "if"/"unless" condition is `Hypothetical` and
//! never becomes a threat. Roles from the parse keep the actors conjoined to them by word
//! order ("*Japanese* and Chinese leaders"); a statement's target may not belong to another
//! verb ("said *North Korea* had fired …"); a state and its own organs are one side.
//!
//! Development gold set: `tests/gold/dev.txt` (hand-written, compact) → `tests/gold/dev.json`
//! (PLOVER gold-standard layout, `scripts/gold_to_json.py`); `tests/gold_regression.rs` runs
//! it through the full pipeline and `examples/gold_errors.rs` lists the misses.
//!
//! Known gaps: targets that are places or unnamed groups the actor stage does not resolve
//! ("attacked *Odesa*", "killed three *protesters*") lose the event when the pattern needs a
//! target; background in the perfect ("has conducted six tests since 2006", "talks have
//! stalled") is coded as if it happened now; targets inside a PP of the object ("denied
//! involvement in the attack on the *Saudi* facility") are taken as the target; restated
//! relations ("agreed to restore ties") fall to the general intent code (030).

mod coder;
mod dedupe;
mod error;
mod gazetteer;
mod lemma;
mod lexicon;
mod matcher;
mod modality;
mod ontology;
mod patterns;
mod roles;
mod sentence;

pub use coder::{EventCoder, MAX_CODED_TOKENS, MAX_EVENTS_PER_SENTENCE};
pub use dedupe::{dedupe, DedupeReport, Deduplicator};
pub use error::DataError;
pub use lemma::Lemmatizer;
pub use ontology::{quad_class_of_root, CameoCode, Ontology};
pub use patterns::{Element, Pattern, PatternOptions, PatternSet, ELLIPSIS_TOKENS, GAP_TOKENS};
