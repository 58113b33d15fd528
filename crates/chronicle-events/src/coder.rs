//! The event-coding stage: patterns → events with roles, modality and ontology facts.

use chronicle_core::{
    DatePrecision, Document, Event, EventActor, EventDateSource, Modality, Span, Stage,
};

use crate::lemma::Lemmatizer;
use crate::ontology::Ontology;
use crate::patterns::{Element, Pattern, PatternSet, ELLIPSIS_TOKENS, GAP_TOKENS};
use crate::sentence::{ClauseKind, SentenceView, LOCATIVES};

/// Default cap on events per sentence: expert coders rarely record more.
pub const MAX_EVENTS_PER_SENTENCE: usize = 3;

/// Roots whose complement describes what was asked, offered, refused or threatened — not an
/// event that happened — so no other trigger may fire inside it.
const SPEECH_ACT_ROOTS: &[&str] = &["01", "02", "03", "10", "11", "12", "13"];

const NEGATORS: &[&str] = &[
    "not", "n't", "never", "neither", "nor", "without", "no", "failed", "fails", "fail",
];
const HYPOTHETICAL: &[&str] = &[
    "could", "might", "may", "should", "must", "if", "unless", "ability", "capable", "able",
    "option", "options", "possible", "possibly", "threat", "risk",
];
const FUTURE: &[&str] = &[
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
/// Words before a noun: a trigger after one is nominal ("the call for talks").
const NOMINAL_MARKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "any",
];
/// Words ending in -s that are not plural nouns.
const NOT_NOUNS: &[&str] = &[
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
const STATIVE_PARTICIPLES: &[&str] = &[
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
const BE_FORMS: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "gets",
];

/// Codes the events of every sentence from actor mentions (`doc.mentions`), quotes and the
/// pattern dictionary. Stage name: `"events"`.
#[derive(Debug, Clone)]
pub struct EventCoder {
    patterns: PatternSet,
    ontology: &'static Ontology,
    lemmatizer: Lemmatizer,
    max_per_sentence: usize,
}

impl Default for EventCoder {
    fn default() -> Self {
        EventCoder::new()
    }
}

/// A pattern matched at one anchor.
struct Match<'p> {
    pattern: &'p Pattern,
    start: usize,
    end: usize,
    /// Tokens `[anchor, trigger_end)` are the evidence words.
    anchor: usize,
    trigger_end: usize,
    sources: Vec<usize>,
    targets: Vec<usize>,
    passive: bool,
    /// Last token the pattern may look at (its clause, extended over a "that" complement).
    limit: usize,
}

#[derive(Clone, Default)]
struct Bindings {
    sources: Vec<usize>,
    targets: Vec<usize>,
    trigger_end: usize,
    trigger_closed: bool,
    end: usize,
}

impl EventCoder {
    /// The coder with the embedded dictionary and ontology.
    pub fn new() -> Self {
        EventCoder::with_patterns(PatternSet::builtin().clone())
    }

    /// A coder with another dictionary (codes must exist in the builtin ontology).
    pub fn with_patterns(patterns: PatternSet) -> Self {
        let lemmatizer = Lemmatizer::new(patterns.vocabulary());
        EventCoder {
            patterns,
            ontology: Ontology::builtin(),
            lemmatizer,
            max_per_sentence: MAX_EVENTS_PER_SENTENCE,
        }
    }

    /// Caps the events kept per sentence (at least one).
    pub fn max_events_per_sentence(mut self, cap: usize) -> Self {
        self.max_per_sentence = cap.max(1);
        self
    }

    /// The events of sentence `index`, in trigger order.
    pub fn code_sentence(&self, doc: &Document, index: usize) -> Vec<Event> {
        let Some(sentence) = doc.sentences.get(index) else {
            return Vec::new();
        };
        if sentence.tokens.is_empty() {
            return Vec::new();
        }
        let view = SentenceView::new(doc, index, &self.patterns, &self.lemmatizer);
        let mut consumed = vec![false; view.len()];
        let mut events = Vec::new();
        let mut fallback = Vec::new();
        for anchor in 0..view.len() {
            if consumed[anchor]
                || view.actor_at[anchor].is_some()
                || view.is_name_part(anchor)
                || self.in_requested_action(&view, anchor)
                || in_reduced_relative(&view, anchor)
            {
                continue;
            }
            let Some(m) = self.best_match(&view, anchor) else {
                continue;
            };
            let coded = self.events_for(doc, index, &view, &m);
            // What was asked, offered or refused did not happen, even when uncoded.
            let root_of = |code: &str| code.get(..2).map(str::to_owned).unwrap_or_default();
            let speech_act = std::iter::once(root_of(&m.pattern.code))
                .chain(coded.iter().map(|e| root_of(&e.cameo)))
                .any(|root| SPEECH_ACT_ROOTS.contains(&root.as_str()))
                && !m.pattern.options.low_priority;
            let consume_end = match (speech_act, coded.is_empty()) {
                (true, _) => view.frame_end(m.end, m.limit, false).max(m.end),
                (false, false) => m.end,
                (false, true) => continue,
            };
            for slot in &mut consumed[m.start.min(anchor)..consume_end.min(view.len())] {
                *slot = true;
            }
            if m.pattern.options.low_priority {
                fallback.extend(coded);
            } else {
                events.extend(coded);
            }
        }
        if events.is_empty() {
            events = fallback;
        }
        dedupe_within_sentence(&mut events);
        events.truncate(self.max_per_sentence);
        events
    }

    /// "called on other countries *to introduce* sanctions": an infinitive governed by an
    /// earlier appeal, demand, offer, refusal or threat in the clause is what was asked for,
    /// even when that verb found no target to code.
    fn in_requested_action(&self, view: &SentenceView, anchor: usize) -> bool {
        let to = match anchor.checked_sub(1) {
            Some(i) if view.is_word(i, &["to"]) => i,
            _ => return false,
        };
        let clause = view.clause_at(anchor);
        (clause.start.max(to.saturating_sub(10))..to).any(|i| {
            !view.is_name_part(i)
                && self
                    .patterns
                    .anchored_at(&view.lemmas[i])
                    .any(|p| SPEECH_ACT_ROOTS.contains(&&p.code[..2]) && !p.options.low_priority)
        })
    }

    fn best_match<'p>(&'p self, view: &SentenceView, anchor: usize) -> Option<Match<'p>> {
        let lemma = &view.lemmas[anchor];
        let lower = &view.lower[anchor];
        let candidates = self.patterns.anchored_at(lemma).chain(
            (lower != lemma)
                .then(|| self.patterns.anchored_at(lower))
                .into_iter()
                .flatten(),
        );
        let passive = is_passive(view, anchor);
        let mut best: Option<Match> = None;
        for pattern in candidates {
            let Some(m) = match_at(view, pattern, anchor, passive) else {
                continue;
            };
            let better = match &best {
                None => true,
                Some(b) => {
                    // Longest phrase; then the nearest complement word; then file order.
                    let key = |x: &Match| {
                        (
                            x.pattern.specificity(),
                            std::cmp::Reverse(x.end),
                            std::cmp::Reverse(x.pattern.rank),
                        )
                    };
                    key(&m) > key(b)
                }
            };
            if better {
                best = Some(m);
            }
        }
        best
    }

    /// Events for one match: roles, modality, one event per source–target pair.
    fn events_for(
        &self,
        doc: &Document,
        index: usize,
        view: &SentenceView,
        m: &Match,
    ) -> Vec<Event> {
        let opts = &m.pattern.options;
        let (sources, targets, quote) = roles(doc, view, m);
        if sources.is_empty() {
            return Vec::new();
        }
        let modality = modality_at(view, m.anchor);
        let (code, modality) = remap(m.pattern, modality);
        let Some(cameo) = self.ontology.get(&code) else {
            return Vec::new();
        };
        let mut pairs: Vec<(EventActor, Option<EventActor>)> = Vec::new();
        // A statement "about" one's own country is no dyad.
        let same_side = |s: &EventActor, t: &EventActor| {
            t.actor.code == s.actor.code
                || (opts.low_priority
                    && s.actor.country.is_some()
                    && s.actor.country == t.actor.country)
        };
        for s in &sources {
            for t in &targets {
                if !same_side(s, t) {
                    pairs.push((s.clone(), Some(t.clone())));
                }
            }
        }
        if targets.is_empty() && opts.mutual && sources.len() > 1 {
            for s in &sources {
                for t in &sources {
                    if t.actor.code != s.actor.code {
                        pairs.push((s.clone(), Some(t.clone())));
                    }
                }
            }
        }
        if pairs.is_empty() && !opts.target_required && targets.is_empty() {
            pairs.extend(sources.iter().map(|s| (s.clone(), None)));
        }
        // Hand-built tokens may be out of order: never build an inverted span.
        let first = view.tokens[m.anchor].span;
        let last = view.tokens[m.trigger_end.max(m.anchor + 1) - 1].span;
        let trigger = Span {
            start: first.start.min(last.start),
            end: first.end.max(last.end),
        };
        pairs
            .into_iter()
            .map(|(source, target)| Event {
                sentence: index,
                trigger,
                source: Some(source),
                target,
                cameo: cameo.code.clone(),
                cameo_name: cameo.name.clone(),
                goldstein: cameo.goldstein,
                quad_class: cameo.quad_class,
                plover: cameo.plover.clone(),
                negated: modality == Modality::Negated,
                modality,
                date: None,
                date_precision: DatePrecision::Unknown,
                date_source: EventDateSource::Unknown,
                timex: None,
                quote,
                pattern: m.pattern.id.clone(),
            })
            .collect()
    }
}

impl Stage for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, doc: &mut Document) {
        let mut events = Vec::new();
        for index in 0..doc.sentences.len() {
            events.extend(self.code_sentence(doc, index));
        }
        doc.events.extend(events);
    }
}

/// The code and modality after the pattern's negated/future/hypothetical variants: a
/// remapped code describes what was asserted ("refused to meet" is a rejection that happened).
fn remap(pattern: &Pattern, modality: Modality) -> (String, Modality) {
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

fn dedupe_within_sentence(events: &mut Vec<Event>) {
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone());
        seen.insert((code(&e.source), code(&e.target), e.cameo.clone()))
    });
}

fn word_matches(view: &SentenceView, i: usize, words: &[String]) -> bool {
    words.iter().any(|w| match w.strip_prefix('=') {
        Some(form) => form == view.lower[i],
        None => *w == view.lemmas[i] || *w == view.lower[i],
    })
}

/// "was criticised", "were frozen", "got arrested".
fn is_passive(view: &SentenceView, anchor: usize) -> bool {
    let participle = match view.tokens[anchor].xpos.as_str() {
        "" => view.lower[anchor].ends_with("ed") || view.lemmas[anchor] != view.lower[anchor],
        xpos => xpos == "VBN",
    };
    if !participle || anchor == 0 || STATIVE_PARTICIPLES.contains(&view.lower[anchor].as_str()) {
        return false;
    }
    let mut i = anchor;
    while i > 0 {
        i -= 1;
        let w = view.lower[i].as_str();
        if w.ends_with("ly") || w == "not" || w == "n't" {
            continue;
        }
        return BE_FORMS.contains(&w);
    }
    false
}

/// "arrested two U.S. citizens *accused* of plotting": a participle right after a plural
/// noun, once the clause already has its verb, describes the noun; it is no new event.
fn in_reduced_relative(view: &SentenceView, anchor: usize) -> bool {
    let Some(prev) = anchor.checked_sub(1) else {
        return false;
    };
    let word = view.lower[prev].as_str();
    let plural_noun = view.actor_at[prev].is_none()
        && word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().all(char::is_alphabetic)
        && !NOT_NOUNS.contains(&word);
    let participle = view.lower[anchor].ends_with("ed") || view.trigger_verb[anchor];
    let clause = view.clause_at(anchor);
    participle && plural_noun && (clause.start..prev).any(|i| view.trigger_verb[i])
}

/// Matches `pattern` with its anchor word at token `anchor`.
fn match_at<'p>(
    view: &SentenceView,
    pattern: &'p Pattern,
    anchor: usize,
    passive: bool,
) -> Option<Match<'p>> {
    let clause = view.clause_at(anchor);
    let mut limit = clause.end;
    // "demanded that Moscow withdraw": the complement clause belongs to the verb.
    if view.is_word(limit, &["that"]) && limit <= anchor + 2 {
        let next = view.clause_at(limit);
        limit = next.end;
    }
    let (start, prefix_sources) = match_prefix(view, pattern, anchor, clause.start)?;
    let first_slot_is_target = pattern
        .elements
        .iter()
        .find(|e| matches!(e, Element::Target | Element::Source))
        == Some(&Element::Target);
    let bindings = walk(
        view,
        &pattern.elements,
        0,
        anchor,
        limit,
        passive && first_slot_is_target,
        Bindings {
            sources: prefix_sources,
            ..Default::default()
        },
    )?;
    Some(Match {
        pattern,
        start,
        end: bindings.end,
        anchor,
        trigger_end: bindings.trigger_end.max(anchor + 1),
        sources: bindings.sources,
        targets: bindings.targets,
        passive,
        limit,
    })
}

/// `$S 's` before the anchor: the source is the possessor ending right there.
fn match_prefix(
    view: &SentenceView,
    pattern: &Pattern,
    anchor: usize,
    floor: usize,
) -> Option<(usize, Vec<usize>)> {
    if pattern.prefix.is_empty() {
        return Some((anchor, Vec::new()));
    }
    let mut pos = anchor;
    if pattern.prefix.len() == 2 {
        if pos == 0 || !matches!(view.lower[pos - 1].as_str(), "'s" | "’s" | "'" | "’") {
            return None;
        }
        pos -= 1;
    }
    let actor = view.actor_at.get(pos.checked_sub(1)?).copied().flatten()?;
    let span = view.actors[actor];
    (span.end == pos && span.start >= floor).then(|| (span.start, vec![actor]))
}

fn walk(
    view: &SentenceView,
    elems: &[Element],
    i: usize,
    pos: usize,
    limit: usize,
    passive: bool,
    b: Bindings,
) -> Option<Bindings> {
    let Some(elem) = elems.get(i) else {
        return Some(Bindings { end: pos, ..b });
    };
    match elem {
        Element::Word(words) => {
            if pos >= limit || !word_matches(view, pos, words) {
                return None;
            }
            let mut b = b;
            if !b.trigger_closed {
                b.trigger_end = pos + 1;
            }
            walk(view, elems, i + 1, pos + 1, limit, passive, b)
        }
        Element::Gap | Element::Ellipsis => {
            let max = if *elem == Element::Gap {
                GAP_TOKENS
            } else {
                ELLIPSIS_TOKENS
            };
            let b = Bindings {
                trigger_closed: b.trigger_closed || *elem == Element::Ellipsis,
                ..b
            };
            for k in 0..=max {
                let p = pos + k;
                let stop = |j: usize| {
                    if *elem == Element::Gap {
                        view.stops_gap(j)
                    } else {
                        view.is_break(j)
                    }
                };
                if p > limit || (k > 0 && stop(p - 1)) {
                    break;
                }
                if let Some(found) = walk(view, elems, i + 1, p, limit, passive, b.clone()) {
                    return Some(found);
                }
            }
            None
        }
        Element::Target | Element::Source => {
            let mut b = Bindings {
                trigger_closed: true,
                ..b
            };
            if let Some(first) = view.actor_starting_near(pos, limit) {
                // "between $S and $T": the conjunction separates the two slots.
                let and_follows = matches!(elems.get(i + 1), Some(Element::Word(w)) if w.iter().any(|w| w == "and"));
                let group = if and_follows {
                    vec![first]
                } else {
                    view.conjoined_after(first, limit)
                };
                let end = view.actors[*group.last().unwrap_or(&first)].end;
                if *elem == Element::Target {
                    b.targets = group;
                } else {
                    b.sources = group;
                }
                return walk(view, elems, i + 1, end, limit, passive, b);
            }
            // Passive: the target is the subject; an agent may follow ("was urged by Rome to").
            if passive && *elem == Element::Target {
                let mut next = pos;
                if view.is_word(pos, &["by"]) {
                    if let Some(agent) = view.actor_starting_near(pos + 1, limit) {
                        b.sources = view.conjoined_after(agent, limit);
                        next = view.actors[*b.sources.last().unwrap_or(&agent)].end;
                    }
                }
                return walk(view, elems, i + 1, next, limit, false, b);
            }
            None
        }
    }
}

/// Source and target actors of a match, and the quote it lies in.
fn roles(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
) -> (Vec<EventActor>, Vec<EventActor>, Option<usize>) {
    let trigger_span = view.tokens[m.anchor].span;
    let quote = doc
        .quotes
        .iter()
        .position(|q| q.content.contains(trigger_span));
    let (parse_sources, parse_targets, parse_passive) = if view.parsed {
        parse_roles(doc, view, m.anchor)
    } else {
        (Vec::new(), Vec::new(), false)
    };
    let passive = m.passive || parse_passive;
    let clause = view.clause_at(m.anchor);
    let subject = || {
        let s = subject_before(view, m.start.min(m.anchor), view.clause_of[m.anchor]);
        if s.is_empty() {
            subject_by_clause(view, view.clause_of[m.anchor], 0)
        } else {
            s
        }
    };
    let possessor = possessor_of(view, m.anchor);
    let nominal_speech_act = SPEECH_ACT_ROOTS.contains(&&m.pattern.code[..2])
        && view.is_word(m.anchor.wrapping_sub(1), NOMINAL_MARKERS);
    let mut sources = if !m.sources.is_empty() {
        m.sources.clone()
    } else if !parse_sources.is_empty() {
        parse_sources
    } else if let Some(owner) = possessor {
        vec![owner]
    } else if nominal_speech_act {
        // "made no mention of *the call* for talks": someone else's act, referred to.
        return (Vec::new(), Vec::new(), quote);
    } else if passive {
        agent_after(view, m.trigger_end, clause.end)
    } else {
        subject_before(view, m.start.min(m.anchor), view.clause_of[m.anchor])
    };
    let mut targets = if !m.targets.is_empty() {
        m.targets.clone()
    } else if !parse_targets.is_empty() {
        parse_targets
    } else if passive {
        subject()
    } else {
        let end = if m.pattern.options.low_priority {
            view.len()
        } else {
            let speech_act = SPEECH_ACT_ROOTS.contains(&&m.pattern.code[..2]);
            view.frame_end(m.end.max(m.anchor + 1), m.limit, !speech_act)
                .max(m.end)
        };
        first_target_after(view, m.anchor + 1, end)
    };
    let mut speaker = None;
    if sources.is_empty() && !passive {
        if let Some(q) = quote.and_then(|q| doc.quotes[q].speaker.clone()) {
            speaker = Some(q);
        } else {
            sources = subject_by_clause(view, view.clause_of[m.anchor], 0);
        }
    }
    targets.retain(|t| !sources.contains(t));
    sources.truncate(4);
    targets.truncate(4);
    let actor = |a: &usize| event_actor(doc, view.actors[*a].mention);
    let mut source_actors: Vec<EventActor> = sources.iter().map(actor).collect();
    source_actors.extend(speaker);
    (source_actors, targets.iter().map(actor).collect(), quote)
}

fn event_actor(doc: &Document, mention: usize) -> EventActor {
    let m = &doc.mentions[mention];
    EventActor {
        text: m.text.clone(),
        span: m.span,
        actor: m.actor.clone(),
        mention: Some(mention),
    }
}

/// "Tillerson's call for …", "Japan's renewed offer": the possessor of a nominal trigger.
fn possessor_of(view: &SentenceView, anchor: usize) -> Option<usize> {
    if view.trigger_verb[anchor] {
        return None;
    }
    let clause_start = view.clause_at(anchor).start;
    let floor = anchor.saturating_sub(3).max(clause_start);
    let apostrophe = (floor..anchor)
        .rev()
        .find(|&i| view.is_word(i, &["'s", "’s", "'", "’"]))?;
    let between_ok =
        (apostrophe + 1..anchor).all(|i| view.actor_at[i].is_none() && !view.trigger_verb[i]);
    let owner = view.actor_at[apostrophe.checked_sub(1)?]?;
    (between_ok && view.actors[owner].end == apostrophe).then_some(owner)
}

/// The closest actor before `pos` in the clause that is not inside a prepositional phrase,
/// with the actors conjoined to it.
fn subject_before(view: &SentenceView, pos: usize, clause_index: usize) -> Vec<usize> {
    let clause = view.clauses[clause_index];
    (0..view.actors.len())
        .rev()
        .filter(|&a| view.actors[a].end <= pos && view.actors[a].start >= clause.start)
        .map(|a| view.conjoined_before(a, clause.start))
        // "after stops in Tokyo and Seoul": the whole conjunction is inside the phrase.
        .find(|group| !view.in_prepositional_phrase(group[0]))
        .unwrap_or_default()
}

/// The subject a clause without its own takes: the previous clause's for coordinate,
/// participial and complement clauses; the antecedent for relative clauses.
fn subject_by_clause(view: &SentenceView, clause_index: usize, depth: usize) -> Vec<usize> {
    if clause_index == 0 || depth > 4 {
        return Vec::new();
    }
    let clause = view.clauses[clause_index];
    match clause.kind {
        ClauseKind::Relative => {
            let before = clause.start.saturating_sub(1);
            let at = if view.is_word(before, &[","]) {
                before.saturating_sub(1)
            } else {
                before
            };
            view.actor_at[at].into_iter().collect()
        }
        ClauseKind::Coordinate | ClauseKind::Participial | ClauseKind::Complement => {
            let prev = clause_index - 1;
            let own = subject_before(view, first_verb(view, prev), prev);
            if own.is_empty() {
                subject_by_clause(view, prev, depth + 1)
            } else {
                own
            }
        }
        ClauseKind::Main | ClauseKind::Subordinate | ClauseKind::Aside => Vec::new(),
    }
}

/// Position of the clause's first verb-like token (its subject comes before), else its end.
fn first_verb(view: &SentenceView, clause_index: usize) -> usize {
    let clause = view.clauses[clause_index];
    (clause.start..clause.end)
        .find(|&i| {
            view.actor_at[i].is_none()
                && (view.lower[i].ends_with("ed")
                    || view.lemmas[i] != view.lower[i]
                    || matches!(
                        view.lower[i].as_str(),
                        "says"
                            | "said"
                            | "will"
                            | "would"
                            | "has"
                            | "have"
                            | "had"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                    ))
        })
        .unwrap_or(clause.end)
}

/// "by Russia" after a passive trigger.
fn agent_after(view: &SentenceView, from: usize, end: usize) -> Vec<usize> {
    (from..end.min(view.len()))
        .find(|&i| view.is_word(i, &["by"]) && view.actor_starting_near(i + 1, end).is_some())
        .and_then(|i| view.actor_starting_near(i + 1, end))
        .map(|a| view.conjoined_after(a, end))
        .unwrap_or_default()
}

/// The first actor after the trigger that is not a place or time ("met *in Beijing*").
fn first_target_after(view: &SentenceView, from: usize, end: usize) -> Vec<usize> {
    let found = (0..view.actors.len()).find(|&a| {
        let span = view.actors[a];
        span.start >= from && span.end <= end && view.preceded_by(a, LOCATIVES).is_none()
    });
    match found {
        Some(a) => view.conjoined_after(a, end),
        None => Vec::new(),
    }
}

/// Roles from a dependency parse: the trigger's own subjects, objects, passive subjects and
/// `by` agents. Subjects are not inherited through `xcomp`/`conj` heads here: the clause
/// heuristics do that more reliably than a noisy parse.
fn parse_roles(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
) -> (Vec<usize>, Vec<usize>, bool) {
    let (mut sources, mut targets, mut agents, mut passive) =
        (Vec::new(), Vec::new(), Vec::new(), false);
    for (c, tok) in view.tokens.iter().enumerate() {
        if tok.head != Some(anchor) {
            continue;
        }
        let actors = actors_of(doc, view, c);
        match tok.deprel.as_str() {
            "nsubj:pass" => {
                passive = true;
                targets.extend(actors);
            }
            r if r.starts_with("nsubj") => sources.extend(actors),
            "obl:agent" => agents.extend(actors),
            "obl" if has_case(view, c, "by") => agents.extend(actors),
            "obj" | "iobj" => targets.extend(actors),
            _ => {}
        }
    }
    if passive && !agents.is_empty() {
        sources = agents;
    }
    sources.dedup();
    targets.dedup();
    (sources, targets, passive)
}

fn has_case(view: &SentenceView, token: usize, word: &str) -> bool {
    view.tokens
        .iter()
        .enumerate()
        .any(|(i, t)| t.head == Some(token) && t.deprel == "case" && view.lower[i] == word)
}

/// The actor covering `token` or headed by it, plus the actors of its `conj` dependents.
fn actors_of(doc: &Document, view: &SentenceView, token: usize) -> Vec<usize> {
    let own = |t: usize| {
        view.actor_at[t].or_else(|| {
            (0..view.actors.len()).find(|&a| doc.mentions[view.actors[a].mention].head == t)
        })
    };
    let mut out: Vec<usize> = own(token).into_iter().collect();
    for (c, tok) in view.tokens.iter().enumerate() {
        if tok.head == Some(token) && tok.deprel == "conj" {
            out.extend(own(c));
        }
    }
    out
}

/// Modality from the words before the trigger in its clause: negation first, then
/// hypotheticals, then the future.
fn modality_at(view: &SentenceView, anchor: usize) -> Modality {
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
