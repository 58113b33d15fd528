//! A state's own institutions named without the state: "*The foreign ministry* summoned
//! Russia's chargé d'affaires", "*Its spokesperson* said …", "*The Ministry of National
//! Defense* thanked Washington". Wire copy names the state once and then its ministry
//! alone; the ministry is the state the story has had acting, not the other side this
//! sentence names.

use chronicle_core::{ActorCode, Document, EventActor, Span};

use crate::roles::country_of;
use crate::sentence::{SentenceView, LOCATIVES};

/// Head nouns of an institution phrase.
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "presidency",
    "cabinet",
    "office",
];

/// Words that may stand between the determiner and the head ("the *foreign* ministry") or
/// after "of" ("the Ministry *of National Defense*").
const INSTITUTION_MODIFIERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "interior",
    "external",
    "affairs",
    "unification",
    "national",
    "home",
    "finance",
    "justice",
    "trade",
    "economy",
    "presidential",
    "president",
    "prime",
    "minister",
    "'s",
    "’s",
];

/// How many sentences back the acting state may have been coded.
const LOOKBACK_SENTENCES: usize = 4;

/// The actor an institution phrase opening the clause of `anchor` stands for, when the
/// phrase names no state: its kind (`GOV`, or `MIL` for a defence ministry) of the state
/// that was last the subject of a sentence before (within a few sentences) and that this
/// sentence does not name, else of the state the article opens with.
pub(crate) fn unnamed_institution(
    doc: &Document,
    view: &SentenceView,
    index: usize,
    anchor: usize,
) -> Option<EventActor> {
    let (start, end, seat) = institution_phrase(view, anchor)?;
    let country = match seat {
        // "The foreign ministry *in Addis Ababa* dismissed …"
        Some(a) => country_of(doc, view, a)?,
        None => {
            // The other side this sentence names ("summoned *Iran's* envoy"; not "in London").
            let named: Vec<String> = (0..view.actors.len())
                .filter(|&a| view.preceded_by(a, LOCATIVES).is_none())
                .filter_map(|a| country_of(doc, view, a))
                .collect();
            let fresh = |c: &String| !named.contains(c);
            (index.saturating_sub(LOOKBACK_SENTENCES)..index)
                .rev()
                .find_map(|s| subject_state(doc, s).filter(fresh))
                .or_else(|| lede_state(doc).filter(fresh))?
        }
    };
    let defence = view.lower[start..end]
        .iter()
        .any(|w| matches!(w.as_str(), "defence" | "defense"));
    let agent = if defence { "MIL" } else { "GOV" };
    let span = Span::new(view.tokens[start].span.start, view.tokens[end - 1].span.end);
    Some(implied_actor(doc, span, &country, agent))
}

/// An actor the sentence implies but names by no mention: `country`'s `agent` sector, with
/// the words at `span` as its evidence.
pub(crate) fn implied_actor(doc: &Document, span: Span, country: &str, agent: &str) -> EventActor {
    EventActor {
        text: doc.slice(span).to_owned(),
        span,
        actor: ActorCode::new(Some(country), Some(agent), ""),
        mention: None,
    }
}

/// The state of the first actor that is a subject in sentence `s` ("*Taiwan* will continue
/// …", "*Petro* did not say …").
fn subject_state(doc: &Document, s: usize) -> Option<String> {
    let tokens = &doc.sentences.get(s)?.tokens;
    doc.mentions_in(s)
        .filter(|(_, m)| m.is_parsed_subject(tokens))
        .find_map(|(_, m)| m.actor.country.clone())
}

/// Tokens `[start, end)` of "the/its (modifiers) HEAD (of Modifiers)" opening the clause of
/// `anchor`, with nothing but the verb's own words (no actor) between it and `anchor`, and
/// the actor of the capital it sits in when "in" names one right after it.
fn institution_phrase(view: &SentenceView, anchor: usize) -> Option<(usize, usize, Option<usize>)> {
    let clause = view.clause_at(anchor);
    let mut start = clause.start;
    // "…, and its foreign ministry accused …"
    while view.is_word(start, &[",", "and", "but"]) {
        start += 1;
    }
    if !view.is_word(start, &["the", "its", "their"]) {
        return None;
    }
    let mut head = start + 1;
    while head < anchor && view.is_word(head, INSTITUTION_MODIFIERS) {
        head += 1;
    }
    if head >= anchor || !view.is_word(head, INSTITUTIONS) {
        return None;
    }
    let mut end = head + 1;
    if view.is_word(end, &["of"]) {
        let words = end + 1;
        let mut k = words;
        while k < anchor && view.is_word(k, INSTITUTION_MODIFIERS) {
            k += 1;
        }
        if k > words {
            end = k;
        }
    }
    let seat = view
        .is_word(end, &["in"])
        .then(|| view.actor_at.get(end + 1).copied().flatten())
        .flatten();
    let after = seat.map_or(end, |a| view.actors[a].end);
    let clear = (start..end)
        .chain(after..anchor)
        .all(|i| view.actor_at[i].is_none());
    (clear && anchor >= after && anchor - after <= 4).then_some((start, end, seat))
}

/// The state of the first state actor of the article's first two sentences.
fn lede_state(doc: &Document) -> Option<String> {
    doc.mentions
        .iter()
        .filter(|m| m.sentence < 2)
        .find_map(|m| m.actor.country.clone())
}

/// Sectors whose members a state arrests at home: a detained minister or opposition leader is
/// held by their own state's police (soldiers and crews are often seized abroad).
const HOME_SECTORS: &[&str] = &["GOV", "OPP", "REB", "PTY", "LEG", "JUD"];

/// The police an arrest with no agent implies ("Iraqi authorities said 20 people *had been
/// arrested*", "Mr Morsi *was detained*"): those of the state the clause places it in
/// ("in Kandahar"), else of the state whose official reports it, else the home of a
/// detainee who holds a political office or leads a party or rebellion. (The state the
/// article names most is no guide: as many of those arrests were abroad as at home.) The
/// actor stands at the verb: the sentence names no one.
pub(crate) fn implied_police(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
    detainees: &[EventActor],
) -> Option<EventActor> {
    let country = arrest_place(doc, view, anchor)
        .or_else(|| reporter_state(doc, view, anchor))
        .or_else(|| {
            detainees.iter().find_map(|d| {
                d.actor
                    .agent
                    .as_deref()
                    .is_some_and(|a| HOME_SECTORS.contains(&a))
                    .then(|| d.actor.country.clone())
                    .flatten()
            })
        })?;
    Some(implied_actor(
        doc,
        view.tokens[anchor].span,
        &country,
        "COP",
    ))
}

/// The government an agentless summons implies ("Russia's ambassador *was summoned* to the
/// foreign ministry"): that of the state the clause places it in, else of the state whose
/// official reports it, else the lede's state, never the envoy's own.
pub(crate) fn implied_summoner(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
    envoys: &[EventActor],
) -> Option<EventActor> {
    let own = |c: &String| envoys.iter().any(|e| e.actor.country.as_ref() == Some(c));
    let country = arrest_place(doc, view, anchor)
        .filter(|c| !own(c))
        .or_else(|| reporter_state(doc, view, anchor).filter(|c| !own(c)))
        .or_else(|| lede_state(doc).filter(|c| !own(c)))?;
    Some(implied_actor(
        doc,
        view.tokens[anchor].span,
        &country,
        "GOV",
    ))
}

/// The state of a place "in"/"at" which the clause of `anchor` says the act happened.
fn arrest_place(doc: &Document, view: &SentenceView, anchor: usize) -> Option<String> {
    let clause = view.clause_at(anchor);
    (0..view.actors.len())
        .filter(|&a| view.actors[a].start > anchor && view.actors[a].end <= clause.end)
        .filter(|&a| view.preceded_by(a, &["in", "at"]).is_some())
        .find_map(|a| country_of(doc, view, a))
}

/// The state of whoever reports the act: the speaker of the quote around it, else the
/// subject of the verb of saying whose complement it is.
fn reporter_state(doc: &Document, view: &SentenceView, anchor: usize) -> Option<String> {
    let at = view.tokens[anchor].span;
    let quoted = doc
        .quotes
        .iter()
        .filter(|q| q.content.contains(at))
        .find_map(|q| q.speaker.as_ref()?.actor.country.clone());
    if quoted.is_some() {
        return quoted;
    }
    let token = &view.tokens[anchor];
    let speech = token.head.filter(|_| token.deprel == "ccomp")?;
    let subject = view
        .tokens
        .iter()
        .position(|t| t.head == Some(speech) && t.deprel == "nsubj")?;
    country_of(doc, view, view.actor_at[subject]?)
}
