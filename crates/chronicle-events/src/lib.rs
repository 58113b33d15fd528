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
//! Places and unnamed groups: the actor stage gives no mention to "Kharkiv" or to "three
//! protesters". The coder adds them as implicit actors (`data/places.txt`: places below the
//! state → their country; `data/groups.txt`: group words → agent codes). A struck place is
//! its state ("shelled *Kharkiv*" → UKR); a group takes the state the sentence puts it in
//! ("protesters *in Lima*", "*its* forces", "*Israeli* jets"), else, as the target of a
//! domestic act of force (roots 17–20), the other side's ("Kenyan police killed three
//! protesters" → KENOPP); a group whose state stays unknown is no actor and never hides a
//! named one. An attack on something unnamed is on the state of the place it happened in
//! ("hit an oil depot *in Russia's Bryansk region*" → RUS). Aircraft, drones and missiles as
//! attackers make an aerial attack (195); protesters in a clash a violent protest (145); a
//! suicide bomber a suicide bombing (1831). A hypothetical voiced by commentators ("China
//! could invade Taiwan, analysts said") stays hypothetical, never a threat.
//!
//! Article context: the coder codes sentence by sentence but keeps the article's earlier
//! events. A reaction left without a target ("Iraq *condemned the strikes*", "Ankara
//! *rejected the call*") takes the source of the event it answers: the latest bloodshed
//! (roots 18–20) in the last 16 sentences, else the latest coercion (14–17), else the latest
//! rejection or threat, from another side; a rejection (12x) answers the latest request or
//! proposal (02–10). A sentence opening with "It" or "The alliance/bloc/ministry/…" whose
//! verb has no subject takes the source of the previous sentence's last event. An actor
//! right before "said" is the report's speaker, never a target.
//!
//! Whole-article development sets: `tests/articles/` (16 articles), `tests/articles2/`,
//! `tests/articles3/` and `tests/articles4/` (10 each, by three further writers), each with a
//! `gold.jsonl`, scored by
//! `chronicle eval events crates/chronicle-events/tests/articles` (and so on) and guarded by
//! `tests/article_regression.rs`; `chronicle eval events --verbose DIR` lists misses and
//! false positives per article.
//!
//! Development gold sets: `tests/gold/dev.txt` and `tests/gold/dev2.txt` (hand-written,
//! compact) → `dev.json` / `dev2.json` (PLOVER gold-standard layout,
//! `scripts/gold_to_json.py [dev2]`); `tests/gold_regression.rs` runs both through the full
//! pipeline and `examples/gold_errors.rs` lists the misses and prints the scores.
//!
//! Known gaps: targets inside a PP of the object ("denied involvement in the attack on the
//! *Saudi* facility") are taken as the target; restated relations ("agreed to restore ties")
//! fall to the general intent code (030); passives without an agent ("was assassinated in
//! Tehran") have no source and are not coded; ethnic groups named by adjective ("Kurdish
//! militants") take the country of the place, not CAMEO's ethnic code.

mod anaphora;
mod coder;
mod context;
mod dedupe;
mod error;
mod gazetteer;
mod institution;
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
