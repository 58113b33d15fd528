//! Word lists: speech cues (from `data/cues.tsv`) and the closed classes the speaker and
//! complement heuristics need.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a cue word introduces what was said; see `data/cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    Speech,
    That,
    Tell,
    Partial,
}

const CUES_TSV: &str = include_str!("../data/cues.tsv");

fn cue_table() -> &'static HashMap<&'static str, CueClass> {
    static TABLE: OnceLock<HashMap<&'static str, CueClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CUES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let form = cols.next()?.trim();
                let class = match cols.nth(1)?.trim() {
                    "speech" => CueClass::Speech,
                    "that" => CueClass::That,
                    "tell" => CueClass::Tell,
                    "partial" => CueClass::Partial,
                    _ => return None,
                };
                Some((form, class))
            })
            .collect()
    })
}

/// The cue class of a token, if it is a cue. Only lower-case tokens count, so proper
/// names ("the United States", "Says Who") never do.
pub(crate) fn cue_class(token: &str) -> Option<CueClass> {
    if token.chars().any(char::is_uppercase) {
        return None;
    }
    cue_table().get(token).copied()
}

pub(crate) fn is_pronoun_speaker(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "it" | "i" | "we")
}

/// Person pronouns prefer a person or role as antecedent.
pub(crate) fn is_person_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she")
}

/// Nouns for texts that "say" things on behalf of their authors ("the letter said").
pub(crate) fn is_document_noun(lower: &str) -> bool {
    matches!(
        lower,
        "letter"
            | "statement"
            | "report"
            | "communique"
            | "communiqué"
            | "declaration"
            | "memo"
            | "editorial"
            | "commentary"
            | "document"
            | "message"
            | "post"
            | "tweet"
            | "petition"
            | "note"
            | "resolution"
            | "study"
            | "article"
            | "op-ed"
            | "notice"
    )
}

/// Verbs by which someone produces a document ("wrote a letter", "issued a statement").
pub(crate) fn is_authoring_verb(lower: &str) -> bool {
    matches!(
        lower,
        "wrote"
            | "write"
            | "writes"
            | "sent"
            | "issued"
            | "released"
            | "published"
            | "signed"
            | "posted"
            | "delivered"
            | "drafted"
            | "penned"
            | "adopted"
            | "circulated"
            | "commissioned"
    )
}

/// Words that may sit between a subject and its cue and are not part of the subject:
/// auxiliaries, negation, adverbs ("Campbell also said", "has repeatedly warned").
pub(crate) fn is_subject_tail_word(lower: &str) -> bool {
    matches!(
        lower,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "can"
            | "should"
            | "did"
            | "does"
            | "do"
            | "also"
            | "later"
            | "again"
            | "then"
            | "further"
            | "reportedly"
            | "previously"
            | "repeatedly"
            | "recently"
            | "earlier"
            | "separately"
            | "once"
            | "publicly"
            | "privately"
            | "openly"
            | "firmly"
            | "flatly"
            | "explicitly"
            | "bluntly"
            | "sharply"
            | "simply"
            | "subsequently"
            | "finally"
            | "first"
            | "already"
            | "had,"
            | "too"
            | "now"
            | "still"
            | "however"
            | "meanwhile"
            | "been"
            | "being"
            | "quickly"
            | "angrily"
            | "frequently"
            | "often"
            | "immediately"
            | "told"
    )
}

/// Time words that close adverbials like "on Friday", "last week", "late Tuesday".
pub(crate) fn is_time_word(lower: &str) -> bool {
    let lower = lower.trim_end_matches('.');
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "day"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "earlier"
            | "weeks"
            | "months"
            | "years"
            | "days"
            | "ago"
            | "time"
    ) || lower.chars().all(|c| c.is_ascii_digit() || c == ',')
        && lower.chars().any(|c| c.is_ascii_digit())
}

/// Words that introduce a time adverbial ("on", "last", "late").
pub(crate) fn is_time_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "last"
            | "this"
            | "late"
            | "early"
            | "next"
            | "in"
            | "at"
            | "the"
            | "earlier"
            | "of"
            | "previous"
            | "same"
            | "that"
            | "a"
            | "few"
            | "two"
            | "several"
    )
}

/// Tokens at which a subject phrase, read backwards from its verb, stops.
pub(crate) fn is_subject_boundary(token: &str) -> bool {
    let lower = token.to_lowercase();
    matches!(
        lower.as_str(),
        "," | ";"
            | ":"
            | "("
            | ")"
            | "["
            | "]"
            | "—"
            | "–"
            | "--"
            | "-"
            | "\""
            | "“"
            | "”"
            | "''"
            | "``"
            | "«"
            | "»"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "but"
            | "as"
            | "when"
            | "while"
            | "because"
            | "after"
            | "before"
            | "if"
            | "so"
            | "where"
            | "since"
            | "although"
            | "though"
            | "whereas"
            | "whether"
            | "why"
            | "how"
            | "what"
            | "."
            | "!"
            | "?"
            | "…"
            | "and"
            | "or"
            | "said"
            | "says"
    )
}

/// Tokens at which a speaker phrase after an inverted cue ("said Jenny Town, …") stops.
pub(crate) fn ends_inverted_speaker(token: &str) -> bool {
    let lower = token.to_lowercase();
    is_subject_boundary(token) && lower != "and"
        || matches!(
            lower.as_str(),
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "from"
                | "adding"
                | "according"
                | "to"
                | "with"
                | "late"
                | "last"
                | "this"
                | "earlier"
                | "told"
        )
}

/// Hearers commonly named right after "told" ("told reporters", "told Reuters").
pub(crate) fn is_hearer_word(lower: &str) -> bool {
    matches!(
        lower,
        "reporters"
            | "journalists"
            | "lawmakers"
            | "parliament"
            | "legislators"
            | "delegates"
            | "supporters"
            | "officials"
            | "diplomats"
            | "ministers"
            | "members"
            | "council"
            | "assembly"
            | "congress"
            | "senators"
            | "students"
            | "audience"
            | "crowd"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "media"
            | "press"
            | "conference"
            | "briefing"
            | "news"
            | "state"
            | "agency"
            | "television"
            | "radio"
            | "broadcaster"
            | "newspaper"
            | "interview"
            | "the"
            | "a"
            | "an"
            | "his"
            | "their"
            | "its"
            | "visiting"
            | "foreign"
            | "local"
            | "daily"
            | "correspondents"
            | "counterparts"
            | "counterpart"
    )
}

/// Words after a cue that give the channel rather than the content ("said in a statement",
/// "said on Twitter").
pub(crate) fn is_channel_word(lower: &str) -> bool {
    matches!(
        lower,
        "statement"
            | "speech"
            | "interview"
            | "letter"
            | "tweet"
            | "post"
            | "briefing"
            | "conference"
            | "twitter"
            | "facebook"
            | "telegram"
            | "x"
            | "weibo"
            | "report"
            | "address"
            | "broadcast"
            | "televised"
            | "video"
            | "message"
            | "communique"
            | "remarks"
            | "email"
            | "e-mail"
            | "release"
            | "parliament"
            | "session"
            | "meeting"
            | "summit"
            | "forum"
            | "call"
    )
}

pub(crate) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "this" | "that" | "these" | "those"
    )
}

pub(crate) fn is_quote_token(token: &str) -> bool {
    matches!(
        token,
        "\"" | "“" | "”" | "''" | "``" | "„" | "«" | "»" | "‘"
    )
}

pub(crate) fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "n't" | "n’t" | "never" | "declined" | "refused" | "no"
    )
}
