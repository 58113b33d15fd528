//! Whether an event happened, will happen, might happen or did not happen.

use chronicle_core::Modality;

use crate::lexicon::{FUTURE, HYPOTHETICAL, NEGATORS};
use crate::patterns::Pattern;
use crate::sentence::{ClauseKind, SentenceView};

/// The code and modality after the pattern's negated/future/hypothetical variants: a
/// remapped code describes what was asserted ("refused to meet" is a rejection that happened).
pub(crate) fn remap(pattern: &Pattern, modality: Modality) -> (String, Modality) {
    let opts = &pattern.options;
    let variant = match modality {
        Modality::Negated => opts.negated_code.as_ref(),
        Modality::Future => opts.future_code.as_ref(),
        Modality::Hypothetical => opts.hypothetical_code.as_ref(),
        Modality::Asserted => None,
    };
    match variant {
        Some(code) => (code.clone(), Modality::Asserted),
        None => (pattern.code.clone(), modality),
    }
}

/// Modality from the words before the trigger in its clause: negation first, then
/// hypotheticals, then the future.
pub(crate) fn modality_at(view: &SentenceView, anchor: usize) -> Modality {
    let clause = view.clause_at(anchor);
    // Words before the nearest actor belong to another verb ("made no mention of
    // Tillerson's call …").
    let after_actor = (clause.start..anchor)
        .rev()
        .find(|&i| view.actor_at[i].is_some())
        .map_or(clause.start, |i| i + 1);
    let window = after_actor.max(anchor.saturating_sub(6))..anchor;
    let words: Vec<&str> = window
        .filter(|&i| view.actor_at[i].is_none())
        .map(|i| view.lower[i].as_str())
        .collect();
    let subordinate_if = clause.kind == ClauseKind::Subordinate
        && view.is_word(clause.start, &["if", "unless", "until", "whether"]);
    if words.iter().any(|w| NEGATORS.contains(w)) {
        Modality::Negated
    } else if subordinate_if || words.iter().any(|w| HYPOTHETICAL.contains(w)) {
        Modality::Hypothetical
    } else if words.iter().any(|w| FUTURE.contains(w))
        || view.is_word(anchor.wrapping_sub(1), &["to"])
    {
        Modality::Future
    } else {
        Modality::Asserted
    }
}
