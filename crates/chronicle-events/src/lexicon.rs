//! Closed word lists behind the coder's clause and modality heuristics.

/// Verbs that name or describe their object ("called it a betrayal").
pub(crate) const NAMING_VERBS: &[&str] = &["call", "describe", "brand", "term", "label", "dub"];

/// Roots whose complement describes what was asked, offered, refused or threatened — not an
/// event that happened — so no other trigger may fire inside it.
pub(crate) const SPEECH_ACT_ROOTS: &[&str] = &["01", "02", "03", "10", "11", "12", "13"];

/// Whether a CAMEO code is violence: mass violence, fighting or unconventional mass violence
/// (roots 18–20).
pub(crate) fn is_violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

pub(crate) const NEGATORS: &[&str] = &[
    "not", "n't", "never", "neither", "nor", "without", "no", "failed", "fails", "fail",
];

pub(crate) const HYPOTHETICAL: &[&str] = &[
    "could", "might", "may", "should", "must", "if", "unless", "ability", "capable", "able",
    "option", "options", "possible", "possibly", "threat", "risk",
];

pub(crate) const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "going",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "ready",
    "prepared",
    "willing",
    "expected",
    "due",
    "set",
    "scheduled",
    "aims",
    "aim",
    "seeks",
    "seek",
    "wants",
    "want",
    "hopes",
    "hope",
    "hoped",
    "upcoming",
    "next",
    "later",
];

/// Verbs whose object does what the following infinitive says ("prompting Tokyo to lodge a
/// protest"): the act happened, it was not asked for.
pub(crate) const CAUSATIVES: &[&str] = &[
    "prompting",
    "prompted",
    "forcing",
    "forced",
    "leading",
    "led",
    "spurring",
    "spurred",
    "causing",
    "caused",
];

/// Words for a state's mission abroad: "outside the *Japanese* embassy in Seoul".
pub(crate) const EMBASSY_WORDS: &[&str] = &["embassy", "embassies", "consulate", "consulates"];

/// "The parliament *voted* to suspend cooperation": a vote to act is the decision taken.
pub(crate) const VOTES: &[&str] = &["voted", "votes"];

/// Verbs of deciding: "EU leaders *agreed* to impose sanctions", "*decided* to expel" — a
/// decision to take a measure (sanctions, expulsions, closures) is the measure.
pub(crate) const DECISIONS: &[&str] = &["agreed", "agrees", "decided", "decides"];

/// Words before a noun: a trigger after one is nominal ("the call for talks").
pub(crate) const NOMINAL_MARKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "any",
];

/// Words ending in -s that are not plural nouns.
pub(crate) const NOT_NOUNS: &[&str] = &[
    "was",
    "has",
    "is",
    "does",
    "this",
    "its",
    "thus",
    "always",
    "perhaps",
    "also",
    "says",
    "afterwards",
];

/// Participles that describe a state after "be", not a passive ("is opposed to").
pub(crate) const STATIVE_PARTICIPLES: &[&str] = &[
    "opposed",
    "committed",
    "prepared",
    "determined",
    "concerned",
    "worried",
    "interested",
    "involved",
    "engaged",
    "supposed",
    "scheduled",
    "expected",
    "due",
    "set",
    "ready",
    "willing",
    "pleased",
    "disappointed",
    "alarmed",
];

pub(crate) const BE_FORMS: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "gets",
];

/// Verbs of planning: an act "planned" or "intended" is that act, to come ("plans *to
/// impose* sanctions"), not something asked for.
pub(crate) const INTENT_WORDS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "decide",
    "decided",
    "decides",
    "aim",
    "aims",
    "aimed",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "expect",
    "expects",
    "expected",
    "seek",
    "seeks",
    "sought",
    "move",
    "moved",
    "moves",
];

/// Attackers that strike from the air.
pub(crate) const AIR_FORCE: &[&str] = &[
    "jets",
    "jet",
    "warplanes",
    "warplane",
    "aircraft",
    "drones",
    "drone",
    "helicopters",
    "gunships",
    "bombers",
    "missiles",
    "missile",
    "rockets",
    "strikes",
    "airstrikes",
    "planes",
];

/// Verbs that introduce someone's view or report.
pub(crate) const COMMENT_VERBS: &[&str] = &[
    "said",
    "say",
    "says",
    "believe",
    "believes",
    "warned",
    "warn",
    "warns",
    "argue",
    "argued",
    "argues",
    "noted",
    "wrote",
    "think",
    "thinks",
    "fear",
    "fears",
    "feared",
    "predicted",
];

/// People whose speculation is no state's threat.
pub(crate) const COMMENTATORS: &[&str] = &[
    "analysts",
    "analyst",
    "experts",
    "expert",
    "observers",
    "commentators",
    "researchers",
    "scholars",
    "economists",
    "critics",
    "some",
    "many",
    "others",
];
