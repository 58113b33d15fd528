//! Whether an event happened, will happen, might happen or did not happen.

use chronicle_core::Modality;

use crate::lexicon::{CAUSATIVES, FUTURE, HYPOTHETICAL, NEGATORS, VOTES};
use crate::patterns::Pattern;
use crate::sentence::{ClauseKind, SentenceView};

/// The modality of a trigger, with what decides how its code changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    pub modality: Modality,
    /// Future or intent words go with the negation ("would not meet", "has no plans to
    /// visit"): a refusal, unlike a plain past negation ("did not meet").
    pub intent: bool,
    /// Inside an "if"/"unless" clause: a condition nobody asserted, never a threat.
    pub conditional: bool,
}

/// The code and modality after the pattern's negated/future/hypothetical variants: a
/// remapped code describes what was asserted ("refused to meet" is a rejection that happened).
pub(crate) fn remap(pattern: &Pattern, reading: Reading) -> (String, Modality) {
    let opts = &pattern.options;
    let variant = match reading.modality {
        Modality::Negated if reading.intent => {
            opts.refusal_code.as_ref().or(opts.negated_code.as_ref())
        }
        Modality::Negated => opts.negated_code.as_ref(),
        Modality::Future => opts.future_code.as_ref(),
        Modality::Hypothetical if reading.conditional => None,
        Modality::Hypothetical => opts.hypothetical_code.as_ref(),
        Modality::Asserted => None,
    };
    match variant {
        Some(code) => (code.clone(), Modality::Asserted),
        None => (pattern.code.clone(), reading.modality),
    }
}

/// Modality from the words before the trigger in its clause: negation first, then
/// hypotheticals, then the future.
pub(crate) fn modality_at(view: &SentenceView, anchor: usize) -> Reading {
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
    let conditional = in_condition(view, anchor);
    let infinitive = view.is_word(anchor.wrapping_sub(1), &["to"]) && !caused_act(view, anchor);
    // "Rodriguez *later met* Kerry": "later" before a verb in the past tense is sequence.
    let past = view.tokens[anchor].xpos == "VBD";
    let future = words
        .iter()
        .any(|w| FUTURE.contains(w) && !(past && matches!(*w, "later" | "next")))
        || infinitive
        || nominal_future(view, anchor);
    // "stopped short of condemning the takeover": it did not.
    let short_of = words.windows(2).any(|w| w == ["short", "of"]);
    let modality = if short_of || words.iter().any(|w| NEGATORS.contains(w)) {
        Modality::Negated
    } else if conditional || words.iter().any(|w| HYPOTHETICAL.contains(w)) {
        Modality::Hypothetical
    } else if future {
        Modality::Future
    } else {
        Modality::Asserted
    };
    // "failed *to reach* a deal" tried and did not happen: no refusal.
    let failed = words
        .iter()
        .any(|w| matches!(*w, "failed" | "fails" | "fail"));
    // "pledged not to threaten or use force": a promise, like "would not".
    let intent = !failed
        && (future
            || words.iter().any(|w| {
                matches!(
                    *w,
                    "can" | "cannot" | "could" | "pledged" | "promised" | "vowed" | "agreed"
                )
            }));
    Reading {
        modality,
        intent,
        conditional,
    }
}

/// Inside an "if"/"unless" clause, or a clause coordinated with one ("if Iran restored
/// access … and *resumed* talks").
fn in_condition(view: &SentenceView, anchor: usize) -> bool {
    let mut c = view.clause_of[anchor];
    loop {
        let clause = view.clauses[c];
        match clause.kind {
            ClauseKind::Subordinate => {
                return view.is_word(clause.start, &["if", "unless", "until", "whether"]);
            }
            ClauseKind::Coordinate if c > 0 => c -= 1,
            _ => return false,
        }
    }
}

/// "…, *prompting* Tokyo to lodge a protest": an infinitive after a causative verb and its
/// object reports what the object did, not what it intends; so does one after a vote.
fn caused_act(view: &SentenceView, anchor: usize) -> bool {
    let Some(to) = anchor.checked_sub(1) else {
        return false;
    };
    // "The parliament *voted* on Sunday to suspend cooperation": what a vote decided is done.
    if (to.saturating_sub(4)..to).any(|i| view.is_word(i, VOTES)) {
        return true;
    }
    // "became *the first* sitting American leader to set foot in North Korea": a record set.
    if (to.saturating_sub(6)..to).any(|i| {
        view.is_word(i, &["first", "last", "only"]) && view.is_word(i.wrapping_sub(1), &["the"])
    }) {
        return true;
    }
    let Some(actor) = to.checked_sub(1).and_then(|i| view.actor_at[i]) else {
        return false;
    };
    let span = view.actors[actor];
    span.end == to && view.is_word(span.start.wrapping_sub(1), CAUSATIVES)
}

/// "Macron's *visit* to Algeria is expected to …", "the *summit* next month": a nominal
/// trigger's own words after it say when it happens.
fn nominal_future(view: &SentenceView, anchor: usize) -> bool {
    if view.trigger_verb[anchor] || view.tokens[anchor].upos.starts_with("VERB") {
        return false;
    }
    let clause = view.clause_at(anchor);
    let end = clause.end.min(anchor + 8);
    // "would" after the noun is mostly reported speech's backshift ("said the visit would
    // focus on energy"), not a plan.
    (anchor + 1..end).any(|i| view.is_word(i, FUTURE) && !view.is_word(i, &["would"]))
}

/// "Carter told Brezhnev that *Moscow must withdraw* its troops": an act a subject "must"
/// do (the "must" right after it, bar adverbs) is an obligation someone else states.
pub(crate) fn obliged(view: &SentenceView, anchor: usize) -> bool {
    let clause = view.clause_at(anchor);
    let Some(must) = (clause.start.max(anchor.saturating_sub(4))..anchor)
        .rev()
        .find(|&i| view.is_word(i, &["must"]))
    else {
        return false;
    };
    let adverbs_only = (must + 1..anchor).all(|i| view.tokens[i].upos == "ADV");
    let subject_before = must
        .checked_sub(1)
        .is_some_and(|s| view.actor_at[s].is_some() || view.is_word(s, &["it", "they"]));
    adverbs_only && subject_before
}

/// The demand of the act an obligation names ("must withdraw its troops" → demand
/// de-escalation). Only what one side yields, gives or agrees to: a hostile act someone
/// "must" do ("we must strike back") is a threat or a plan, not a demand.
pub(crate) fn demanded_code(act: &str) -> Option<&'static str> {
    /// (code prefix of the act, the demand), most specific prefix first.
    const DEMANDS: &[(&str, &str)] = &[
        ("0831", "1041"),
        ("0832", "1042"),
        ("0833", "1043"),
        ("0834", "1044"),
        ("081", "1051"),
        ("082", "1052"),
        ("083", "104"),
        ("084", "1053"),
        ("085", "1054"),
        ("086", "1055"),
        ("087", "1056"),
        ("08", "105"),
        ("04", "106"),
        ("071", "1031"),
        ("072", "1032"),
        ("073", "1033"),
        ("074", "1034"),
        ("07", "103"),
        ("061", "1011"),
        ("062", "1012"),
        ("063", "1013"),
        ("064", "1014"),
        ("09", "101"),
    ];
    DEMANDS
        .iter()
        .find(|(prefix, _)| act.starts_with(prefix))
        .map(|&(_, demand)| demand)
}

#[cfg(test)]
mod tests {
    use super::demanded_code;

    #[test]
    fn an_obligation_to_yield_or_give_maps_to_its_demand_and_force_to_none() {
        assert_eq!(demanded_code("0874"), Some("1056"));
        assert_eq!(demanded_code("0841"), Some("1053"));
        assert_eq!(demanded_code("0832"), Some("1042"));
        assert_eq!(demanded_code("080"), Some("105"));
        assert_eq!(demanded_code("046"), Some("106"));
        assert_eq!(demanded_code("073"), Some("1033"));
        assert_eq!(demanded_code("190"), None);
        assert_eq!(demanded_code("051"), None);
    }
}
