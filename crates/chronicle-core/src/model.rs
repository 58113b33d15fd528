//! The layers that stages add to a [`crate::Document`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// One sentence. `tokens` are in text order and their heads index into the same vector.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    pub span: Span,
    /// Paragraph number, from 0.
    pub paragraph: usize,
    pub tokens: Vec<Token>,
}

/// One token with its morpho-syntactic analysis (UD conventions).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    pub span: Span,
    /// Lower-cased dictionary form ("urged" → "urge"); the lower-cased text until a
    /// lemmatizer runs.
    pub lemma: String,
    /// Universal POS tag (`NOUN`, `PROPN`, `VERB`, …); empty until a tagger runs.
    pub upos: String,
    /// Penn Treebank tag (`VBD`, `NNP`, …); empty until a tagger runs.
    pub xpos: String,
    /// Index of the syntactic head in the sentence's tokens; `None` for the root or when no
    /// parser ran.
    pub head: Option<usize>,
    /// UD relation to the head (`nsubj`, `obj`, …); empty when no parser ran.
    pub deprel: String,
}

/// A CAMEO actor code split into its parts: `USAGOV` = country `USA` + agent `GOV`;
/// `IGOUNO` = country `None`, agent `IGO` (international organisation `UNO`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct ActorCode {
    pub code: String,
    /// ISO 3166 alpha-3 code of the state the actor belongs to, if any.
    pub country: Option<String>,
    /// Primary CAMEO role/sector code (`GOV`, `MIL`, `IGO`, `NGO`, `MED`, …), if any.
    pub agent: Option<String>,
}

impl ActorCode {
    /// Builds the code from its parts: `("USA", "GOV")` → `USAGOV`.
    pub fn new(country: Option<&str>, agent: Option<&str>, rest: &str) -> Self {
        let code = format!("{}{}{}", country.unwrap_or(""), agent.unwrap_or(""), rest);
        ActorCode {
            code,
            country: country.map(str::to_owned),
            agent: agent.map(str::to_owned),
        }
    }

    /// An armed group: a state's rebels (`PSEREB`) or an international militant group
    /// (`IMGMUSISI`).
    pub fn is_armed_group(&self) -> bool {
        self.agent.as_deref() == Some("REB") || self.code.starts_with("IMG")
    }
}

/// What kind of expression named an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionKind {
    /// "North Korea", "the U.S."
    Country,
    /// "North Korean", "Russian" (as a modifier)
    Demonym,
    /// A capital or seat of power used for the government: "Pyongyang", "the White House".
    Capital,
    /// "the UN Security Council", "NATO"
    Organisation,
    /// A role phrase: "foreign minister", "Japan's foreign minister", "army chief".
    Role,
    /// A named person: "Mike Pompeo", "Lavrov".
    Person,
    /// Resolved by coreference from an earlier mention: "he", "the North", "the top diplomat".
    Coreference,
}

/// An actor recognised in the text and resolved to a CAMEO code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    pub sentence: usize,
    /// Token range `[start, end)` within the sentence.
    pub tokens: (usize, usize),
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
    pub actor: ActorCode,
    /// Index of the syntactic head token within the sentence (the token the parse attaches).
    pub head: usize,
}

impl Mention {
    /// Whether the mention names one person, whom a later "he"/"she" may refer to: a named
    /// person, a resolved "he"/"she", or a singular role ("Iran's foreign minister", not
    /// "Chinese officials").
    pub fn names_one_person(&self) -> bool {
        match self.kind {
            MentionKind::Person => true,
            MentionKind::Coreference => {
                matches!(self.text.to_lowercase().as_str(), "he" | "she")
            }
            // "the foreign minister", not "the foreign ministers" nor "Maduro's government".
            MentionKind::Role => {
                let last = self.text.rsplit(' ').next().unwrap_or_default();
                !self.text.ends_with('s')
                    && !INSTITUTION_WORDS.contains(&last.to_lowercase().as_str())
            }
            _ => false,
        }
    }

    /// Whether the parse of its sentence (`tokens`) makes the mention the subject of a verb
    /// outside it.
    pub fn is_parsed_subject(&self, tokens: &[Token]) -> bool {
        let (a, b) = self.tokens;
        tokens.get(a..b).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.deprel.starts_with("nsubj") && t.head.is_none_or(|h| h < a || h >= b))
        })
    }
}

/// Last words of role mentions that name a body, not one person.
const INSTITUTION_WORDS: &[&str] = &[
    "government",
    "ministry",
    "administration",
    "office",
    "council",
    "parliament",
    "cabinet",
    "delegation",
    "embassy",
    "army",
    "military",
    "navy",
    "police",
    "court",
    "committee",
    "agency",
    "service",
    "authority",
    "regime",
    "junta",
    "guard",
    "command",
    "mission",
    "party",
    "legislature",
    "assembly",
    "senate",
    "congress",
    "leadership",
    "team",
    // "whose country holds the rotating EU presidency"
    "presidency",
    "secretariat",
    "commission",
];

/// TimeML TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How precise a calendar date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    /// Nothing known.
    Unknown,
}

/// A time expression, normalised TimeML-style against the article's date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timex {
    pub sentence: usize,
    pub span: Span,
    pub text: String,
    pub kind: TimexType,
    /// TIMEX3 value: `2019-12-10`, `2019-W50`, `2019-12`, `P2Y`, `PAST_REF`; `XXXX-XX-XX`-style
    /// placeholders when it cannot be anchored.
    pub value: String,
    /// TIMEX3 mod: `START`, `END`, `EARLY`, `LATE`, …
    pub modifier: Option<String>,
    /// First day of the period the value denotes, when it is a calendar date.
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    /// True for relative expressions ("on Sunday", "last week") anchored to the article's date.
    pub relative: bool,
}

/// How an event's date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventDateSource {
    /// An absolute date in the sentence ("on Dec. 10, 2019").
    Explicit,
    /// A relative expression resolved against the article's date ("on Sunday").
    Relative,
    /// No time expression: the article's own date.
    Article,
    /// No time expression and no article date.
    Unknown,
}

/// Whether the event happened, will happen, might happen, or did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Future,
    Hypothetical,
    Negated,
}

/// The PLOVER view of a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Plover {
    pub event: Option<String>,
    pub mode: Option<String>,
    pub context: Option<String>,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub text: String,
    pub span: Span,
    pub actor: ActorCode,
    /// Index into [`crate::Document::mentions`] when it came from a mention.
    pub mention: Option<usize>,
}

/// A coded event: who did what to whom, when, with its evidence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub sentence: usize,
    /// The words that triggered the pattern ("urged", "held talks").
    pub trigger: Span,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub cameo: String,
    pub cameo_name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Plover,
    pub negated: bool,
    pub modality: Modality,
    pub date: Option<NaiveDate>,
    pub date_precision: DatePrecision,
    pub date_source: EventDateSource,
    /// Index into [`crate::Document::timexes`] of the expression that dated it.
    pub timex: Option<usize>,
    /// Index into [`crate::Document::quotes`] when coded from a quote's content.
    pub quote: Option<usize>,
    /// Identifier of the pattern that fired, for debugging and evaluation.
    pub pattern: String,
    /// How many mentions in the article report this same event (set by de-duplication;
    /// 1 for an event reported once).
    #[serde(default = "one")]
    pub reports: u32,
}

fn one() -> u32 {
    1
}

/// Direct (in quotation marks), partial (a quoted fragment inside reported speech) or
/// indirect ("X said that …").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

/// Something someone said, with its speaker when known.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    /// The sentence where the quote starts.
    pub sentence: usize,
    pub content: Span,
    pub content_text: String,
    pub kind: QuoteKind,
    /// The speaker phrase, e.g. "U.S. Secretary of State Mike Pompeo", "he".
    pub speaker: Option<EventActor>,
    /// The speaker phrase as written when it did not resolve to an actor code.
    pub speaker_text: Option<String>,
    /// The speech verb or marker ("said", "told", "Sound bite").
    pub cue: Option<Span>,
    /// The speaker phrase's span, also when it did not resolve to an actor code.
    #[serde(default)]
    pub speaker_span: Option<Span>,
    /// The pieces of content, one per paragraph or per part of a split quote
    /// ("…," he said, "…"); `content` covers them all.
    #[serde(default)]
    pub fragments: Vec<Span>,
    /// When it was said: the time expression attached to the cue ("said on Sunday"), else
    /// the article's date (set by the event-dating stage).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default = "unknown_source")]
    pub date_source: EventDateSource,
}

fn unknown_source() -> EventDateSource {
    EventDateSource::Unknown
}

#[cfg(test)]
mod mention_tests {
    use super::*;

    fn mention(text: &str, kind: MentionKind) -> Mention {
        Mention {
            sentence: 0,
            tokens: (0, 1),
            span: Span::new(0, text.len()),
            text: text.to_owned(),
            kind,
            actor: ActorCode::new(Some("IRN"), Some("GOV"), ""),
            head: 0,
        }
    }

    #[test]
    fn one_person_is_a_name_a_singular_role_or_a_resolved_he_or_she() {
        assert!(mention("Abbas Araghchi", MentionKind::Person).names_one_person());
        assert!(mention("Iran's foreign minister", MentionKind::Role).names_one_person());
        assert!(mention("She", MentionKind::Coreference).names_one_person());
        assert!(!mention("Iranian officials", MentionKind::Role).names_one_person());
        assert!(!mention("the North", MentionKind::Coreference).names_one_person());
        assert!(!mention("Tehran", MentionKind::Capital).names_one_person());
    }
}
