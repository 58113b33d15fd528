//! A sentence prepared for pattern matching: lemmas, actor spans and clauses.

use chronicle_core::{Document, Token};

use crate::anaphora::state_references;
use crate::gazetteer::{covered_by_mentions, Gazetteer, Implicit, ImplicitKind};
use crate::lemma::Lemmatizer;
use crate::patterns::PatternSet;

/// An actor located in the sentence's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ActorSpan {
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

/// Where an actor span comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Index into `Document::mentions`.
    Mention(usize),
    /// Index into `SentenceView::implicit`: a place or unnamed group.
    Implicit(usize),
}

/// Why a clause began; decides where a clause without a subject takes its source from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseKind {
    /// The sentence's first clause, or one after `;`.
    Main,
    /// "… and urged", "… but said": shares the previous clause's subject.
    Coordinate,
    /// ", saying …", ", urging …": shares the previous clause's subject.
    Participial,
    /// "said that …", "…:": reported speech; the speaker is the governing subject.
    Complement,
    /// "…, who urged": the subject is the antecedent before the marker.
    Relative,
    /// "while …", "if …", "because …": no subject to share.
    Subordinate,
    /// Inside quotation marks, parentheses or dashes.
    Aside,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clause {
    pub start: usize,
    pub end: usize,
    pub kind: ClauseKind,
}

/// Words that open a prepositional phrase: an actor right after one is a modifier
/// ("the ambassador *to the UN*"), not a subject.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "to",
    "of",
    "in",
    "at",
    "from",
    "with",
    "for",
    "on",
    "by",
    "about",
    "against",
    "toward",
    "towards",
    "into",
    "over",
    "under",
    "between",
    "among",
    "within",
    "across",
    "near",
    "after",
    "before",
    "during",
    "since",
    "through",
    "via",
    "behind",
    "beyond",
    "like",
    "including",
    "despite",
    "than",
    "upon",
    "onto",
    "throughout",
    "around",
    "inside",
    "outside",
    "amid",
    "among",
    "without",
];

/// Prepositions of place and time: an actor after one is where or when, not a target
/// ("met *in Beijing*").
pub(crate) const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "during",
    "since",
    "inside",
    "outside",
    "within",
    "throughout",
    "across",
    "after",
    "before",
    "around",
    "amid",
    "via",
    "through",
    "under",
];

/// Words before a number that make it approximate ("at least", "more than").
const APPROXIMATORS: &[&str] = &[
    "least", "more", "than", "nearly", "almost", "roughly", "some",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "fellow", "both",
];

/// Finite auxiliaries and modals: after "and" they start a new clause.
const AUXILIARIES: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "has", "have",
    "had", "is", "are", "was", "were", "did", "does", "said", "says",
];

/// The first verb (or auxiliary) above `token` in the parse ("said it would not allow
/// *Sweden*" → allow).
pub(crate) fn verb_above(tokens: &[Token], token: usize) -> Option<usize> {
    let mut current = tokens.get(token)?.head?;
    for _ in 0..tokens.len() {
        let t = tokens.get(current)?;
        if matches!(t.upos.as_str(), "VERB" | "AUX") {
            return Some(current);
        }
        current = t.head?;
    }
    None
}

/// Verbs of saying that mark a trailing attribution (", Seoul said").
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "reported",
    "announced",
    "stated",
    "noted",
    "stressed",
    "insisted",
    "declared",
    "wrote",
    "according",
];

const NUMBERS_AND_DIRECTIONS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "some",
    "dozens",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "neighbouring",
    "neighboring",
];

/// Quantities whose "of" phrase is the real head ("hundreds of protesters").
const QUANTITIES: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "scores",
    "tens",
    "some",
    "many",
    "most",
    "all",
    "several",
    "two",
    "three",
    "four",
    "five",
    "group",
    "groups",
    "crowd",
    "crowds",
    // "The first contingent of Kenyan police officers arrived": units and teams of people.
    "contingent",
    "contingents",
    "team",
    "teams",
    "batch",
    "unit",
    "units",
    "battalion",
    "delegation",
];

/// Words that open another event's frame.
const FRAME_STOPS: &[&str] = &[
    "during",
    "after",
    "before",
    "amid",
    "following",
    "ahead",
    "despite",
    "since",
    "until",
    "while",
    "as",
];

/// Words of "as much as", "as many as", "as well as": comparisons, not clauses.
const AS_COMPARED: &[&str] = &[
    "much", "many", "high", "low", "little", "few", "well", "far",
];

/// Longest phrase (in tokens) read as scare quotes rather than a quotation.
const MAX_SCARE_QUOTE_TOKENS: usize = 5;

/// Verbs that pin a label on their object ("called the move "an attempted coup"").
const LABEL_VERBS: &[&str] = &[
    "called",
    "calling",
    "calls",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "described",
    "describing",
    "describes",
];

/// How far before a quote its label verb may stand, and how long the label may run.
const LABEL_REACH: usize = 8;
const MAX_LABEL_TOKENS: usize = 24;

/// Marks the quote marks of short quoted phrases without punctuation inside, and of labels
/// after a verb of naming. Each quote
/// mark is looked at once, with a bounded look-ahead: linear in the sentence.
fn scare_quotes(lower: &[String]) -> Vec<bool> {
    let opening = |w: &str| matches!(w, "\"" | "“" | "``");
    let closing = |w: &str| matches!(w, "\"" | "”" | "''");
    let mut marks = vec![false; lower.len()];
    let mut i = 0;
    while i < lower.len() {
        if !opening(&lower[i]) {
            i += 1;
            continue;
        }
        // "called Petro *"antisemitic and full of hate."*": a label a verb of naming pins
        // on its object stays in the clause however long it is.
        let label =
            (i.saturating_sub(LABEL_REACH)..i).any(|j| LABEL_VERBS.contains(&lower[j].as_str()));
        let reach = if label {
            MAX_LABEL_TOKENS
        } else {
            MAX_SCARE_QUOTE_TOKENS
        };
        let close = (i + 1..lower.len().min(i + reach + 2))
            .find(|&j| closing(&lower[j]) || opening(&lower[j]));
        match close {
            Some(j) if j > i + 1 && closing(&lower[j]) => {
                let plain = label
                    || lower[i + 1..j]
                        .iter()
                        .all(|w| w.chars().any(char::is_alphanumeric));
                if plain {
                    marks[i] = true;
                    marks[j] = true;
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    marks
}

/// How far back "and" looks for the verb of the clause it may close.
const MAX_CLAUSE_LOOKBACK: usize = 40;

/// ("until" before a time expression is no clause: "gave Ankara *until July 31* to cancel the
/// deal" is a deadline inside the clause.)
const SUBORDINATORS: &[&str] = &[
    "while", "whereas", "although", "though", "because", "unless", "if", "whether", "when",
    "whenever", "once",
];

pub(crate) struct SentenceView<'a> {
    pub tokens: &'a [Token],
    pub lower: Vec<String>,
    pub lemmas: Vec<String>,
    pub actors: Vec<ActorSpan>,
    /// Places and unnamed groups the actor stage left without a mention.
    pub implicit: Vec<Implicit>,
    /// For each token, the actor span covering it.
    pub actor_at: Vec<Option<usize>>,
    pub clauses: Vec<Clause>,
    pub clause_of: Vec<usize>,
    /// Whether a dependency parse is present.
    pub parsed: bool,
    /// Tokens that look like an inflected trigger verb ("agreed", "met").
    pub trigger_verb: Vec<bool>,
    /// Most words capitalised: a title-case headline.
    pub headline: bool,
    /// Quote marks around a short phrase inside the clause (scare quotes: called the veto
    /// *"a disgrace"*, vowed to *"completely isolate"* Islamabad): no clause break.
    pub scare_quote: Vec<bool>,
    /// Tokens where a time expression the time stage tagged starts ("*July* 31").
    pub time_start: Vec<bool>,
}

impl<'a> SentenceView<'a> {
    pub fn new(
        doc: &'a Document,
        index: usize,
        patterns: &PatternSet,
        lemmatizer: &Lemmatizer,
    ) -> Self {
        let tokens = &doc.sentences[index].tokens[..];
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let lemmas = tokens
            .iter()
            .zip(&lower)
            .map(|(t, low)| {
                let lemmatized = !t.lemma.is_empty() && t.lemma != *low;
                let lemma = lemmatizer.lemma(if lemmatized { &t.lemma } else { low });
                // "a charge Bamako *denies*": a verb tagged as a noun gets a noun's lemma
                // ("denies"); the form's own stem may be a pattern word.
                if lemmatized && !lemmatizer.knows(&lemma) {
                    let own = lemmatizer.lemma(low);
                    if lemmatizer.knows(&own) {
                        return own;
                    }
                }
                lemma
            })
            .collect();
        let mentions = actor_spans(doc, index, tokens.len());
        let (actors, implicit) = with_implicit(doc, index, tokens, &lower, mentions);
        let mut actor_at = vec![None; tokens.len()];
        for (i, a) in actors.iter().enumerate() {
            for slot in &mut actor_at[a.start..a.end] {
                *slot = Some(i);
            }
        }
        let parsed = tokens.iter().any(|t| !t.deprel.is_empty());
        let mut view = SentenceView {
            tokens,
            lower,
            lemmas,
            actors,
            implicit,
            actor_at,
            clauses: Vec::new(),
            clause_of: Vec::new(),
            parsed,
            trigger_verb: Vec::new(),
            headline: is_headline(tokens),
            scare_quote: Vec::new(),
            time_start: time_starts(doc, index, tokens),
        };
        view.scare_quote = scare_quotes(&view.lower);
        view.trigger_verb = (0..tokens.len())
            .map(|i| {
                view.is_finite_verb(i, patterns) && !AUXILIARIES.contains(&view.lower[i].as_str())
            })
            .collect();
        view.clauses = view.split_clauses(patterns);
        view.clause_of = vec![0; tokens.len()];
        for (ci, c) in view.clauses.iter().enumerate() {
            for slot in &mut view.clause_of[c.start..c.end] {
                *slot = ci;
            }
        }
        view
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// An unnamed group whose state the sentence does not say ("*police* arrested …").
    pub fn is_unplaced(&self, actor: usize) -> bool {
        match self.actors[actor].origin {
            Origin::Implicit(i) => self.implicit[i].country.is_none(),
            Origin::Mention(_) => false,
        }
    }

    /// A place below the state ("Kharkiv", "Idlib province").
    pub fn is_place(&self, actor: usize) -> bool {
        match self.actors[actor].origin {
            Origin::Implicit(i) => self.implicit[i].kind == ImplicitKind::Place,
            Origin::Mention(_) => false,
        }
    }

    /// "along the *Ukrainian* border": the actor only says whose border.
    pub fn names_a_border(&self, actor: usize) -> bool {
        self.is_word(self.actors[actor].end, &["border", "borders", "frontier"])
    }

    /// An unnamed group (not a mention, not a place).
    pub fn is_group(&self, actor: usize) -> bool {
        match self.actors[actor].origin {
            Origin::Implicit(i) => matches!(self.implicit[i].kind, ImplicitKind::Group(_)),
            Origin::Mention(_) => false,
        }
    }

    pub fn clause_at(&self, token: usize) -> Clause {
        self.clauses[self.clause_of[token]]
    }

    /// The object pronoun of the phrase that starts at token `i`: "urged *them*", "pressed
    /// *him*", the "them" of "urged *both of them*"; not a possessive "her" ("met *her* Finnish
    /// counterparts").
    pub fn object_pronoun_at(&self, i: usize) -> Option<usize> {
        if self.is_word(i, &["both", "all", "each"])
            && self.is_word(i + 1, &["of"])
            && self.is_word(i + 2, &["them"])
        {
            return Some(i + 2);
        }
        // Only "her" is also a possessive ("declared *him* persona non grata" is an object).
        let possessive = self.is_word(i, &["her"])
            && (self.tokens[i].deprel == "nmod:poss"
                || self.tokens.get(i + 1).is_some_and(|t| {
                    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "ADJ")
                        || self.actor_at[i + 1].is_some()
                }));
        (self.is_word(i, &["them", "him", "her"]) && !possessive).then_some(i)
    }

    /// "Tehran's decision *to* expel …": an actor's decision right before the infinitive
    /// marker at `to`.
    pub fn owned_decision(&self, to: usize) -> bool {
        self.is_word(to.wrapping_sub(1), &["decision"])
            && self.is_word(to.wrapping_sub(2), &["'s", "’s"])
    }

    pub fn is_word(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.lower[i].as_str())
    }

    /// Whether token `i` is a hard break no gap may cross.
    pub fn is_break(&self, i: usize) -> bool {
        !self.scare_quote[i]
            && matches!(
                self.lower[i].as_str(),
                ";" | ":" | "“" | "”" | "\"" | "''" | "``" | "(" | ")" | "—" | "–"
            )
    }

    /// Whether a `*` gap may not skip token `i`: breaks, clause words, and trigger verbs
    /// ("had *agreed to resume* talks" is not "had talks").
    pub fn stops_gap(&self, i: usize) -> bool {
        self.is_break(i)
            || self.is_word(i, &["to", "that", ",", "who", "which", "while"])
            || (self.is_word(i, &["but"]) && !self.is_word(i.wrapping_sub(1), &["all"]))
            || self.trigger_verb[i]
    }

    /// Where the frame of a trigger at `from` ends: a temporal or circumstantial phrase
    /// ("during a meeting with …", "ahead of …") or a purpose infinitive ("to discuss …")
    /// starts another event's frame.
    /// Speech acts keep their infinitive ("refused *to extradite* the suspects to India"):
    /// pass `infinitive_stops = false` for them.
    pub fn frame_end(&self, from: usize, limit: usize, infinitive_stops: bool) -> usize {
        // "tariffs of *as much as* 35%": a comparison, not "as" opening another frame.
        let comparison = |i: usize| {
            self.is_word(i, &["as"])
                && (self.is_word(i + 1, AS_COMPARED)
                    || self.is_word(i.wrapping_sub(1), AS_COMPARED))
        };
        (from..limit.min(self.len()))
            .find(|&i| {
                (self.is_word(i, FRAME_STOPS) && !comparison(i))
                    || (infinitive_stops
                        && self.is_word(i, &["to"])
                        && self.actor_starting_near(i + 1, limit).is_none()
                        && !self.is_word(i + 1, DETERMINERS)
                        && self.may_be_verb(i + 1))
            })
            .unwrap_or(limit)
    }

    /// Whether token `i` may be a verb: the tagger's word when there is one ("sent aid *to
    /// earthquake-hit* Morocco" is no infinitive), else any word.
    fn may_be_verb(&self, i: usize) -> bool {
        // "to *flood-hit* Bangladesh": a hyphenated compound is an adjective.
        if self.lower.get(i).is_some_and(|w| w.contains('-')) {
            return false;
        }
        match self.tokens.get(i).map(|t| t.upos.as_str()) {
            None => false,
            Some("") => true,
            Some(upos) => matches!(upos, "VERB" | "AUX"),
        }
    }

    /// Whether token `i` is a capitalised word inside a name ("Secretary of *State*",
    /// "United *States*") rather than a verb; title-case headlines are exempt.
    pub fn is_name_part(&self, i: usize) -> bool {
        let capitalised = |j: usize| {
            self.tokens
                .get(j)
                .and_then(|t| t.text.chars().next())
                .is_some_and(char::is_uppercase)
        };
        if i == 0 || !capitalised(i) || self.headline {
            return false;
        }
        capitalised(i - 1) || self.is_word(i - 1, &["of"]) || capitalised(i + 1)
    }

    /// The actor starting at `i`, after skipping determiners.
    pub fn actor_starting_near(&self, mut i: usize, limit: usize) -> Option<usize> {
        let mut skipped = 0;
        // "killed *at least ten* people", "*more than 40,000* people"
        if self.is_word(i, &["at"]) && self.is_word(i + 1, &["least"]) {
            i += 1;
        }
        // "dispersed *hundreds of* pro-European demonstrators": a quantity phrase is one step.
        if self.is_word(i, QUANTITIES) && self.is_word(i + 1, &["of"]) && i + 2 < limit {
            i += 2;
        }
        let max_skip = if self.is_word(i, APPROXIMATORS) { 4 } else { 2 };
        while i < limit
            && skipped < max_skip
            && (self.is_modifier_word(i) || self.is_word(i, APPROXIMATORS))
            && self.actor_at[i].is_none()
        {
            i += 1;
            skipped += 1;
        }
        let a = self.actor_at.get(i).copied().flatten()?;
        (self.actors[a].start == i).then_some(a)
    }

    /// Determiners, numbers and directions that may stand between a slot and its actor
    /// ("killed *20* Boko Haram fighters", "in *northern* Syria").
    fn is_modifier_word(&self, i: usize) -> bool {
        // "release *the detained* Swedish diplomat": the parse marks adjectival modifiers.
        let adjectival = self.tokens[i].deprel == "amod" || self.tokens[i].upos == "ADJ";
        // "killed *dozens of* Boko Haram fighters"
        let quantity_of = self.is_word(i, &["of"]) && i > 0 && self.is_word(i - 1, QUANTITIES);
        // "telephoned *Mr* Kenyatta": the actor stage leaves honorifics out of the name.
        let honorific = self.is_word(i, &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."]);
        adjectival
            || quantity_of
            || honorific
            || self.is_word(i, QUANTITIES)
            || self.is_word(i, DETERMINERS)
            || self.is_word(i, NUMBERS_AND_DIRECTIONS)
            || self.lower[i]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',')
    }

    /// The verb after actor `a` whose subject the parse makes it.
    fn subject_head(&self, a: usize) -> Option<usize> {
        let (start, end) = (self.actors[a].start, self.actors[a].end);
        (start..end).find_map(|t| {
            let token = &self.tokens[t];
            token
                .head
                .filter(|&h| token.deprel.starts_with("nsubj") && h >= end)
        })
    }

    /// `first` and the actors joined to it by "and", "or", commas or "as well as".
    pub fn conjoined_after(&self, first: usize, limit: usize) -> Vec<usize> {
        let mut group = vec![first];
        let mut coordinated = false;
        while group.len() < 4 {
            let end = self.actors[*group.last().unwrap_or(&first)].end;
            let mut i = end;
            let mut joined = false;
            while i < limit && (self.is_word(i, &[",", "and", "or", "as", "well"])) {
                joined = true;
                coordinated |= self.is_word(i, &["and", "or", "well"]);
                i += 1;
            }
            let next = self.actor_starting_near(i, limit);
            // "both *countries*": the two halves of a plural description are a conjunction.
            if let Some(n) = next.filter(|&n| i == end && self.continues_plural(n)) {
                group.push(n);
                coordinated = true;
                continue;
            }
            // "expelled the Iranian ambassador and *the United Arab Emirates* downgraded …":
            // the subject of a verb of its own starts another clause.
            // ("a ceasefire between Israel and Hezbollah took effect" is one phrase.)
            let own_verb = |n: usize| {
                self.subject_head(n).is_some_and(|h| {
                    (self.actors[n].end..h)
                        .all(|k| matches!(self.tokens[k].upos.as_str(), "AUX" | "ADV" | "PART"))
                        && Some(h) != self.subject_head(first)
                        && self.preceded_by(first, &["between"]).is_none()
                })
            };
            match (joined, next) {
                (true, Some(next)) if !own_verb(next) => group.push(next),
                _ => break,
            }
        }
        // Commas alone make an appositive ("Ri, North Korea's minister"), not a list.
        if !coordinated {
            group.truncate(1);
        }
        group
    }

    /// "demands from rebels besieging the capital *and from Washington*": an actor after
    /// "and" and the same preposition as `first` is a second object of that preposition,
    /// however the parse attached it.
    pub fn repeated_preposition_object(&self, first: usize, limit: usize) -> Option<usize> {
        let prep = self.preceded_by(first, &["from", "to", "with", "against", "by"])?;
        let word = self.lower[prep].as_str();
        let end = limit.min(self.len());
        (self.actors[first].end..end.saturating_sub(2)).find_map(|i| {
            (self.is_word(i, &["and"]) && self.is_word(i + 1, &[word]))
                .then(|| self.actor_starting_near(i + 2, end))
                .flatten()
        })
    }

    /// Whether actor `a` is either half of a plural description ("*both* *countries*").
    pub fn in_plural(&self, a: usize) -> bool {
        self.continues_plural(a)
            || self.actors.get(a + 1).is_some_and(|next| {
                next.start == self.actors[a].end && self.continues_plural(a + 1)
            })
    }

    /// Whether actor `a` is the second half of a plural description ("both *countries*").
    fn continues_plural(&self, a: usize) -> bool {
        match self.actors[a].origin {
            Origin::Implicit(i) => self.implicit[i].continues_plural,
            Origin::Mention(_) => false,
        }
    }

    /// `last` and the actors joined to it on its left ("China and Russia").
    pub fn conjoined_before(&self, last: usize, floor: usize) -> Vec<usize> {
        let mut group = vec![last];
        let mut coordinated = false;
        let mut current = last;
        while group.len() < 4 && current > 0 {
            let prev = current - 1;
            let between = self.actors[prev].end..self.actors[current].start;
            if self.actors[prev].start >= floor
                && between.is_empty()
                && self.continues_plural(current)
            {
                group.insert(0, prev);
                coordinated = true;
                current = prev;
                continue;
            }
            if self.actors[prev].start < floor || between.is_empty() {
                break;
            }
            let all_joiners = between.clone().all(|i| {
                self.is_word(i, &[",", "and", "or", "as", "well"]) || self.is_word(i, DETERMINERS)
            });
            let has_joiner = between
                .clone()
                .any(|i| self.is_word(i, &[",", "and", "or"]));
            if !(all_joiners && has_joiner) {
                break;
            }
            coordinated |= between
                .clone()
                .any(|i| self.is_word(i, &["and", "or", "well"]));
            group.insert(0, prev);
            current = prev;
        }
        if !coordinated {
            group.drain(..group.len() - 1);
        }
        group
    }

    /// Whether the actor modifies a noun through a preposition ("the envoy *to the UN*");
    /// "thousands *of protesters*" is a head, not a modifier.
    pub fn in_prepositional_phrase(&self, actor: usize) -> bool {
        match self.preceded_by(actor, PREPOSITIONS) {
            Some(p) if self.is_word(p, &["of"]) => !self.is_word(p.wrapping_sub(1), QUANTITIES),
            // "after *Kiev* refused": a subordinate clause's subject, not a preposition's object.
            // "after *Erdogan* and Kristersson met": the verb follows the whole conjunction.
            Some(p) if self.is_word(p, &["after", "before", "since", "until"]) => {
                !self.verb_follows(self.last_conjunct(actor))
            }
            Some(_) => true,
            None => false,
        }
    }

    /// The last actor of the conjunction `actor` opens ("Erdogan and Kristersson").
    fn last_conjunct(&self, mut actor: usize) -> usize {
        while let Some(next) = self.actors.get(actor + 1) {
            let gap = self.actors[actor].end..next.start;
            let joined = (1..=2).contains(&gap.len())
                && gap.clone().all(|i| self.is_word(i, &["and", ",", "or"]));
            if !joined {
                break;
            }
            actor += 1;
        }
        actor
    }

    /// The actor whose possessive mark ("'s", "’s" or a bare apostrophe) stands right before
    /// token `pos`: "*the UAE*'s agreement".
    pub fn possessor_before(&self, pos: usize) -> Option<usize> {
        let mark = pos.checked_sub(1)?;
        if !matches!(self.lower[mark].as_str(), "'s" | "’s" | "'" | "’") {
            return None;
        }
        let actor = self.actor_at.get(mark.checked_sub(1)?).copied().flatten()?;
        (self.actors[actor].end == mark).then_some(actor)
    }

    /// Whether an actor starts at token `i` and a verb follows it (or the conjunction it
    /// opens).
    fn subject_and_verb_at(&self, i: usize) -> bool {
        match self.actor_at.get(i).copied().flatten() {
            Some(a) if self.actors[a].start == i => self.verb_follows(self.last_conjunct(a)),
            _ => false,
        }
    }

    /// Whether a time expression starts at token `i` ("July 31", "noon on Tuesday").
    fn names_a_time(&self, i: usize) -> bool {
        self.time_start.get(i).copied().unwrap_or(false)
    }

    /// Whether a verb comes right after the actor (past adverbs): the actor is its subject.
    fn verb_follows(&self, actor: usize) -> bool {
        let mut i = self.actors[actor].end;
        while i < self.len() && (self.tokens[i].upos == "ADV" || self.lower[i].ends_with("ly")) {
            i += 1;
        }
        // "after Tehran *shot* down a drone": a trigger verb the tagger took for a noun.
        i < self.len()
            && (matches!(self.tokens[i].upos.as_str(), "VERB" | "AUX")
                || AUXILIARIES.contains(&self.lower[i].as_str())
                || self.trigger_verb.get(i) == Some(&true))
    }

    /// Whether the actor is the object of a preposition (skipping determiners).
    pub fn preceded_by(&self, actor: usize, words: &[&str]) -> Option<usize> {
        let mut i = self.actors[actor].start;
        while i > 0 {
            i -= 1;
            if self.is_modifier_word(i) {
                continue;
            }
            return self.is_word(i, words).then_some(i);
        }
        None
    }

    fn is_finite_verb(&self, i: usize, patterns: &PatternSet) -> bool {
        if i >= self.len() {
            return false;
        }
        let low = &self.lower[i];
        if AUXILIARIES.contains(&low.as_str()) {
            return true;
        }
        // A tagger's finite tags add to the suffix guess (taggers mislabel VBD/VBN).
        let xpos = self.tokens[i].xpos.as_str();
        if matches!(xpos, "VBD" | "VBZ" | "VBP" | "MD") && self.actor_at[i].is_none() {
            return true;
        }
        let past = low.ends_with("ed")
            || (self.lemmas[i] != *low && !low.ends_with('s') && !low.ends_with("ing"));
        past && patterns.is_anchor(&self.lemmas[i]) && self.actor_at[i].is_none()
    }

    /// ", Seoul said." / ", said Trump": a trailing attribution, not part of the clause.
    fn is_attribution(&self, i: usize) -> bool {
        // ", *the* South Korean military said": the determiner is outside the mention.
        let i = if self.is_word(i, &["the"]) { i + 1 } else { i };
        let after_actor = match self.actor_at.get(i).copied().flatten() {
            Some(a) if self.actors[a].start == i => self.actors[a].end,
            _ => i,
        };
        // Only a short tail ("…, Seoul said on Monday.") is an attribution; ", told the
        // council that …" continues the sentence after an appositive.
        let tail = self.len().saturating_sub(after_actor);
        self.is_word(after_actor, SPEECH_VERBS)
            && tail <= 8
            && !(after_actor..self.len()).any(|j| self.is_word(j, &["that"]))
    }

    /// "… rejected the results *and the country's president accused* Washington": after a
    /// verb and its non-actor object, "and" followed by a subject and its verb opens a new
    /// clause. "Israel and Hamas signed" (an actor before "and") stays one subject.
    fn opens_subject_clause(&self, i: usize, patterns: &PatternSet) -> bool {
        if i == 0 || self.actor_at[i - 1].is_some() {
            return false;
        }
        let starts_actor = |j: usize| {
            self.actor_at
                .get(j)
                .copied()
                .flatten()
                .is_some_and(|a| self.actors[a].start == j)
        };
        let start = if !starts_actor(i + 1) && self.is_word(i + 1, &["the"]) {
            i + 2
        } else {
            i + 1
        };
        let subject_end = match self.actor_at.get(start).copied().flatten() {
            Some(a) if self.actors[a].start == start && self.verb_follows(a) => self.actors[a].end,
            _ if self.is_word(start, &["he", "she", "they", "we"]) => start + 1,
            _ => return false,
        };
        // A clause's verb is near: the look back is bounded, so a scraped table of thousands
        // of "and"s stays linear.
        let floor = i.saturating_sub(MAX_CLAUSE_LOOKBACK);
        let clause_start = (floor..i)
            .rev()
            .find(|&j| self.is_break(j) || self.is_word(j, &["that", "who", "which"]))
            .map_or(floor, |j| j + 1);
        let verb_before = (clause_start..i).any(|j| self.trigger_verb.get(j) == Some(&true));
        verb_before && self.is_finite_verb_after_adverbs(subject_end, patterns)
    }

    /// Whether token `i` looks like a gerund ("seizing", "visiting").
    pub fn is_gerund(&self, i: usize) -> bool {
        self.lower
            .get(i)
            .is_some_and(|w| w.ends_with("ing") && w.len() > 4)
    }

    /// Whether a coordinate clause with its own subject starts in `(from, to]`.
    pub fn opens_clause_before(&self, from: usize, to: usize) -> bool {
        self.clauses.iter().any(|c| {
            c.start > from
                && c.start <= to
                && c.kind == ClauseKind::Coordinate
                && self.is_word(c.start, &["and", "or"])
        })
    }

    fn is_finite_verb_after_adverbs(&self, mut i: usize, patterns: &PatternSet) -> bool {
        while i < self.len() && (self.tokens[i].upos == "ADV" || self.lower[i].ends_with("ly")) {
            i += 1;
        }
        self.is_finite_verb(i, patterns)
    }

    /// "on Thursday afternoon *announced*", "later *said*": a finite verb after a short time
    /// phrase (no actor in it).
    fn is_finite_verb_after_time(&self, i: usize, patterns: &PatternSet) -> bool {
        if !self.is_word(
            i,
            &[
                "on", "in", "late", "early", "later", "earlier", "last", "then",
            ],
        ) {
            return false;
        }
        (i + 1..(i + 4).min(self.len()))
            .take_while(|&k| self.actor_at[k].is_none() && !self.is_break(k))
            .any(|k| self.is_finite_verb(k, patterns))
    }

    fn split_clauses(&self, patterns: &PatternSet) -> Vec<Clause> {
        let n = self.len();
        let mut clauses = Vec::new();
        let mut start = 0;
        // "If Washington imposes tariffs, …": a sentence may open with a condition.
        let mut kind = if self.is_word(0, &["if", "unless"]) {
            ClauseKind::Subordinate
        } else {
            ClauseKind::Main
        };
        let mut in_quote = false;
        let glosses = self.verbless_brackets();
        for (i, &gloss) in glosses.iter().enumerate() {
            if self.scare_quote[i] || gloss {
                continue;
            }
            let mut next = self.boundary_kind(i, patterns, &mut in_quote);
            // The opening condition ends at its comma: "If …, Beijing will retaliate".
            let opening_condition = start == 0 && kind == ClauseKind::Subordinate;
            if next.is_none() && opening_condition && self.is_word(i, &[","]) {
                next = Some(ClauseKind::Main);
            }
            if let Some(next) = next {
                if i > start {
                    clauses.push(Clause {
                        start,
                        end: i,
                        kind,
                    });
                }
                start = i;
                kind = next;
            }
        }
        if n > start || clauses.is_empty() {
            clauses.push(Clause {
                start,
                end: n,
                kind,
            });
        }
        clauses
    }

    /// The brackets of short parentheses without a verb ("a €50 billion ($54.6 billion) EU
    /// package", "the Rapid Support Forces (RSF)"): glosses inside the phrase, not asides, so
    /// the clause runs on through them.
    fn verbless_brackets(&self) -> Vec<bool> {
        const MAX_GLOSS: usize = 10;
        let mut inline = vec![false; self.len()];
        for open in (0..self.len()).filter(|&i| self.lower[i] == "(") {
            let close = (open + 1..self.len().min(open + MAX_GLOSS + 2))
                .find(|&j| matches!(self.lower[j].as_str(), ")" | "("));
            let Some(close) = close.filter(|&j| self.lower[j] == ")") else {
                continue;
            };
            let verbless =
                (open + 1..close).all(|j| !matches!(self.tokens[j].upos.as_str(), "VERB" | "AUX"));
            if verbless {
                inline[open] = true;
                inline[close] = true;
            }
        }
        inline
    }

    /// The kind of clause token `i` opens, if it opens one.
    fn boundary_kind(
        &self,
        i: usize,
        patterns: &PatternSet,
        in_quote: &mut bool,
    ) -> Option<ClauseKind> {
        let low = self.lower[i].as_str();
        let after_actor = i > 0 && self.actor_at[i - 1].is_some();
        match low {
            "“" | "``" => {
                *in_quote = true;
                Some(ClauseKind::Aside)
            }
            "”" => {
                *in_quote = false;
                Some(ClauseKind::Main)
            }
            "\"" | "''" => {
                *in_quote = !*in_quote;
                Some(if *in_quote {
                    ClauseKind::Aside
                } else {
                    ClauseKind::Main
                })
            }
            "(" | "—" | "–" => Some(ClauseKind::Aside),
            ")" => Some(ClauseKind::Main),
            ";" => Some(ClauseKind::Main),
            ":" => Some(ClauseKind::Complement),
            _ if i == 0 => None,
            "that" if after_actor => Some(ClauseKind::Relative),
            "that" => Some(ClauseKind::Complement),
            "who" | "which" | "whom" | "whose" => Some(ClauseKind::Relative),
            // "will close *all but* its northernmost crossing": "all but" is "every … except".
            "but" if self.is_word(i - 1, &["all", "everything", "everyone", "anything"]) => None,
            "but" => Some(ClauseKind::Coordinate),
            "until" | "till" if !self.names_a_time(i + 1) => Some(ClauseKind::Subordinate),
            _ if SUBORDINATORS.contains(&low) => Some(ClauseKind::Subordinate),
            // "… after *seizing* El Fasher": a preposition before a gerund opens an adjunct.
            "after" | "before" | "since" | "upon" | "without" if self.is_gerund(i + 1) => {
                Some(ClauseKind::Subordinate)
            }
            // "days after *Tehran shot down* a drone": a subject and its verb after "after".
            "after" | "before" | "since" if self.subject_and_verb_at(i + 1) => {
                Some(ClauseKind::Subordinate)
            }
            // "and (temporarily) recalled its ambassador": a second verb of the subject.
            "and" | "or" if self.is_finite_verb_after_adverbs(i + 1, patterns) => {
                Some(ClauseKind::Coordinate)
            }
            // "condemned the attack *and on Thursday afternoon announced* sanctions".
            "and" if self.is_finite_verb_after_time(i + 1, patterns) => {
                Some(ClauseKind::Coordinate)
            }
            "and" | "or" if self.opens_subject_clause(i, patterns) => Some(ClauseKind::Coordinate),
            "," if self.is_attribution(i + 1) => Some(ClauseKind::Aside),
            "," if self.is_word(i + 1, &["and", "but", "while", "with"]) => {
                Some(if self.is_word(i + 1, &["with", "while"]) {
                    ClauseKind::Subordinate
                } else {
                    ClauseKind::Coordinate
                })
            }
            // "…, as he visited the small South American nation": a clause of its own.
            "," if self.is_word(i + 1, &["as"])
                && (self.is_word(i + 2, &["he", "she", "it", "they", "we"])
                    || self.actor_at.get(i + 2).is_some_and(Option::is_some)) =>
            {
                Some(ClauseKind::Subordinate)
            }
            // "Blinken, who arrived on Monday, met Widodo": back to the main verb.
            "," if self.is_finite_verb(i + 1, patterns) => Some(ClauseKind::Coordinate),
            // ", including Argentina and Chile" lists members of the phrase before it.
            "," if self
                .lower
                .get(i + 1)
                .is_some_and(|w| w.ends_with("ing") && w.len() > 5 && w != "including") =>
            {
                Some(ClauseKind::Participial)
            }
            _ => None,
        }
    }
}

fn is_headline(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_alphabetic) && t.text.len() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 10 >= words.len() * 7
}

/// The sentence's mentions as token spans: out-of-range ones dropped, nested ones folded into
/// the outer mention, and directly adjacent ones ("Russian President" + "Vladimir Putin")
/// merged under the first.
fn actor_spans(doc: &Document, index: usize, n_tokens: usize) -> Vec<(usize, usize, usize)> {
    let mut spans: Vec<(usize, usize, usize)> = doc
        .mentions_in(index)
        .filter(|(_, m)| m.tokens.0 < m.tokens.1 && m.tokens.1 <= n_tokens)
        .map(|(i, m)| (m.tokens.0, m.tokens.1, i))
        .collect();
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end, mention) in spans {
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            // A compound's head is its last part: "United States Security Council".
            Some(last) if start == last.1 => {
                last.1 = end;
                last.2 = mention;
            }
            _ => out.push((start, end, mention)),
        }
    }
    out
}

/// "*the military*", "*the government*": a state organ named by its word alone ("the
/// *Russian* strikes" carries its own state).
fn is_bare_organ(doc: &Document, index: usize, tokens: &[Token], group: &Implicit) -> bool {
    let ImplicitKind::Group(agent) = &group.kind else {
        return false;
    };
    let named_inside = doc
        .mentions_in(index)
        .any(|(_, m)| m.tokens.0 < group.end && m.tokens.1 > group.start);
    matches!(agent.as_str(), "MIL" | "GOV" | "COP")
        && group.start > 0
        && tokens[group.start - 1].text.eq_ignore_ascii_case("the")
        && !named_inside
}

/// The state a bare organ belongs to when its role says more than the sentence's places:
/// as the subject of a state's report, the speaker's; as the object of a state's act (or the
/// owner of that object: "condemned *the military's* action"), another state's (`None`: keep
/// what the sentence gave it).
fn organ_country(
    doc: &Document,
    index: usize,
    tokens: &[Token],
    mentions: &[(usize, usize, usize)],
    group: &Implicit,
) -> Option<String> {
    if !is_bare_organ(doc, index, tokens, group) {
        return None;
    }
    match tokens[group.end - 1].deprel.as_str() {
        "nsubj" => speakers_country(doc, tokens, mentions, group.end - 1),
        "obj" | "iobj" | "obl" | "nmod:poss" => foreign_organ_country(doc, index, mentions, group),
        _ => None,
    }
}

/// "Moscow said *the army* had captured a village near Kupiansk": a bare organ that is the
/// subject (`head`) of a state's report is that state's own, wherever the act took place.
fn speakers_country(
    doc: &Document,
    tokens: &[Token],
    mentions: &[(usize, usize, usize)],
    head: usize,
) -> Option<String> {
    let verb = tokens[head].head?;
    if tokens[verb].deprel != "ccomp" {
        return None;
    }
    let speech = tokens[verb].head?;
    let subject = tokens
        .iter()
        .position(|t| t.head == Some(speech) && t.deprel == "nsubj")?;
    let &(_, _, m) = mentions
        .iter()
        .find(|&&(start, end, _)| (start..end).contains(&subject))?;
    doc.mentions[m].actor.country.clone()
}

/// "Washington … called on *the military* to release members of the government": a bare
/// organ that is the object of a state's act is another state's. When the only country the
/// sentence gave it is that of a state named before it, it is the organ of the state the
/// article has named most, if that is another one.
fn foreign_organ_country(
    doc: &Document,
    index: usize,
    mentions: &[(usize, usize, usize)],
    group: &Implicit,
) -> Option<String> {
    let own = group.country.as_deref()?;
    let named_before = mentions.iter().any(|&(_, end, m)| {
        end <= group.start && doc.mentions[m].actor.country.as_deref() == Some(own)
    });
    if !named_before {
        return None;
    }
    let main = most_named_state(doc, index, 2)?;
    (main != own).then_some(main)
}

/// The state the article has named most in sentences before `index`, if at least `at_least`
/// times.
pub(crate) fn most_named_state(doc: &Document, index: usize, at_least: usize) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.sentence < index) {
        let Some(country) = m.actor.country.as_ref() else {
            continue;
        };
        match counts.iter_mut().find(|(c, _)| c == country) {
            Some((_, n)) => *n += 1,
            None => counts.push((country.clone(), 1)),
        }
    }
    // The first named wins a tie: the story's own state usually leads.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best && best >= at_least)
        .map(|(c, _)| c)
}

/// The mentions' spans with the places and unnamed groups between them, in token order.
fn with_implicit(
    doc: &Document,
    index: usize,
    tokens: &[Token],
    lower: &[String],
    mentions: Vec<(usize, usize, usize)>,
) -> (Vec<ActorSpan>, Vec<Implicit>) {
    let mut covered = covered_by_mentions(doc, &mentions, tokens.len());
    let taken: Vec<bool> = covered.iter().map(Option::is_some).collect();
    let states = state_references(doc, index, tokens, lower, &taken);
    // A described state gives its groups their country, like a named one ("the country's
    // opposition").
    for s in &states {
        for slot in &mut covered[s.start..s.end] {
            *slot = Some(Some(s.country.as_str()));
        }
    }
    let mut implicit = Gazetteer::builtin().implicit_actors(tokens, lower, &covered);
    for s in &states {
        let possessor_of_group = lower.get(s.end).is_some_and(|w| w == "'s")
            && implicit.iter().any(|g| g.start == s.end + 1);
        if !possessor_of_group {
            implicit.push(Implicit {
                start: s.start,
                end: s.end,
                kind: s
                    .agent
                    .map_or(ImplicitKind::State, |a| ImplicitKind::Group(a.to_owned())),
                country: Some(s.country.clone()),
                nationality_only: false,
                continues_plural: s.continues_plural,
            });
        }
    }
    let mut mentions = mentions;
    // "*Russian* drones", "*Israeli* jets": a bare state right before a group is its
    // nationality; the group is the actor.
    for group in implicit
        .iter_mut()
        .filter(|a| matches!(a.kind, ImplicitKind::Group(_)))
    {
        let Some(pos) = mentions.iter().position(|&(_, end, m)| {
            end == group.start
                && doc.mentions[m].actor.agent.is_none()
                && doc.mentions[m].actor.country.is_some()
        }) else {
            continue;
        };
        let (start, _, m) = mentions.remove(pos);
        group.start = start;
        group.country = doc.mentions[m].actor.country.clone();
        group.nationality_only = false;
    }
    implicit.retain(|a| !a.nationality_only);
    // "*Hamas* fighters", "Islamic State militants": the armed group named right before its
    // fighters is the actor.
    implicit.retain(|a| {
        !(matches!(&a.kind, ImplicitKind::Group(agent) if agent == "REB")
            && mentions
                .iter()
                .any(|&(_, end, m)| end == a.start && doc.mentions[m].actor.is_armed_group()))
    });
    for group in &mut implicit {
        if let Some(country) = organ_country(doc, index, tokens, &mentions, group) {
            group.country = Some(country);
        }
    }
    let mut actors: Vec<ActorSpan> = mentions
        .into_iter()
        .map(|(start, end, m)| ActorSpan {
            start,
            end,
            origin: Origin::Mention(m),
        })
        .chain(implicit.iter().enumerate().map(|(i, a)| ActorSpan {
            start: a.start,
            end: a.end,
            origin: Origin::Implicit(i),
        }))
        .collect();
    actors.sort_by_key(|a| a.start);
    (actors, implicit)
}

/// For each token of sentence `index`, whether a time expression starts there.
fn time_starts(doc: &Document, index: usize, tokens: &[Token]) -> Vec<bool> {
    let mut starts = vec![false; tokens.len()];
    for (_, timex) in doc.timexes_in(index) {
        if let Some(k) = tokens.iter().position(|t| t.span.start == timex.span.start) {
            starts[k] = true;
        }
    }
    starts
}
