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

mod coder;
mod dedupe;
mod error;
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
