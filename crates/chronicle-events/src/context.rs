//! Article context for events the sentence leaves without a target.
//!
//! "Iraq's government *condemned the strikes*", "Tehran *rejected the demand*": the object is
//! an event reported earlier in the article, and its actor is the target. The coder resolves
//! actors per sentence, so a reaction with no named target takes the source of the latest
//! earlier event it can react to, from another state.

use chronicle_core::{Document, Event, EventActor, Modality, Token};

use crate::institution::implied_actor;
use crate::sentence::most_named_state;

/// How many sentences back a reaction may reach for the event it reacts to.
const MAX_SENTENCES_BACK: usize = 8;

/// How far back bloodshed (or a deal) stays the thing reacted to: the lede's attack is
/// condemned, and its deal welcomed, all through the article.
const MAX_SENTENCES_BACK_VIOLENT: usize = 16;

/// What a reaction with code `code` (root `root`) reacts to: demands, disapproval and
/// threats answer force and refusals and coercion (roots 12–20); rejections answer requests
/// and proposals (roots 01–10); praise and mediation answer cooperation.
fn reacts_to(code: &str, root: u8, earlier_root: u8) -> bool {
    match root {
        // "said they were concerned by the incident": concern answers threats and force.
        1 => code == "012" && earlier_root >= 13,
        // "an agreement mediated by the United States and France": the parties of the deal.
        4 => code == "045" && (3..=8).contains(&earlier_root),
        // "welcomed the agreement", "welcomed the European decision".
        5 => code == "051" && matches!(earlier_root, 3..=10 | 13..=17),
        // "… as it demanded the vessel's immediate release": a demand answers the seizure.
        10 | 11 | 13 => earlier_root >= 12,
        // "… and recalled its ambassador": a downgrade answers coercion or force.
        16 => earlier_root >= 14,
        12 => (2..=10).contains(&earlier_root),
        _ => false,
    }
}

/// Codes a pattern leaves targetless only for the article to fill: dropped if it cannot.
pub(crate) fn needs_context_target(code: &str) -> bool {
    // "warned that it would respond firmly to any violation": a threat is made to someone.
    // "China had offered to mediate": between the sides the article is about.
    code == "051" || code == "039" || code.starts_with("13")
}

/// Codes that say too little without a target even after the article is read: criticism
/// ("the United States criticised the move"), rejection, appeals, investigations, concern,
/// broken-off talks, mediation, releases and deals left ("pulled the United States out of the
/// deal") whose other party no sentence names. In the
/// development sets' gold such reports always have a target; coded bare they are noise.
pub(crate) fn dropped_without_target(code: &str) -> bool {
    matches!(
        code,
        "111"
            | "120"
            | "090"
            | "020"
            | "0253"
            | "0256"
            | "012"
            | "164"
            | "045"
            | "0841"
            | "039"
            | "018"
            | "160"
            | "0241"
    )
}

/// Nouns that name a decided act: "condemned *the move*", "welcomed *the decision*".
const ACT_NOUNS: &[&str] = &[
    "decision",
    "decisions",
    "move",
    "moves",
    "step",
    "steps",
    "announcement",
    "measure",
    "measures",
];

/// Nouns that name a charge: "deeply concerned about *the allegations*".
const ALLEGATION_NOUNS: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
];

/// What a reaction's object says about the event reacted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReactionObject {
    /// "described *the move* as …", "welcomed *Tuesday's decision*": an act the article
    /// reported, not a remark or a threat.
    DecidedAct,
    /// "welcomed *any* efforts to end the war": no event in particular.
    AnyAct,
    /// "deeply concerned about *the allegations*": a charge reported earlier.
    Allegation,
    Other,
}

/// Reads the object right after `e`'s trigger.
pub(crate) fn reaction_object(doc: &Document, e: &Event) -> ReactionObject {
    let Some(sentence) = doc.sentences.get(e.sentence) else {
        return ReactionObject::Other;
    };
    let mut after = sentence
        .tokens
        .iter()
        .skip_while(|t| t.span.start < e.trigger.end)
        .peekable();
    if after
        .peek()
        .is_some_and(|t| t.text.eq_ignore_ascii_case("any"))
    {
        return ReactionObject::AnyAct;
    }
    for t in after.take(4) {
        let word = t.text.to_lowercase();
        if ACT_NOUNS.contains(&word.as_str()) {
            return ReactionObject::DecidedAct;
        }
        if ALLEGATION_NOUNS.contains(&word.as_str()) {
            return ReactionObject::Allegation;
        }
        // Determiners, possessives and adjectives lead to the head noun, and so does the
        // preposition of a state of mind ("concerned *about* the allegations").
        let about = matches!(word.as_str(), "about" | "over" | "by" | "\"" | "”");
        if !about && !matches!(t.upos.as_str(), "DET" | "ADJ" | "PART" | "PROPN" | "NUM") {
            break;
        }
    }
    ReactionObject::Other
}

/// Nominalisations whose verb starts differently: "the *expulsion*" of diplomats someone
/// *expelled*.
const NOMINALISATIONS: &[(&str, &str)] = &[
    ("expuls", "expel"),
    ("seizu", "seize"),
    ("deten", "detai"),
    ("invas", "invad"),
    ("withd", "withd"),
    ("closu", "close"),
    ("suspe", "suspe"),
    ("demol", "demol"),
    ("diver", "diver"),
    ("decis", "decid"),
    ("abduc", "abduc"),
    ("recog", "recog"),
    ("annex", "annex"),
    ("execu", "execu"),
    ("downi", "shot"),
];

/// The first five letters of a word, lower-cased: enough to tie "kidnapping" to "kidnapped"
/// and "sanctions" to "sanctioned".
fn stem(word: &str) -> String {
    word.chars().take(5).collect::<String>().to_lowercase()
}

/// Whether `noun`, the object of a reaction, names `act` by the word that reported it:
/// "condemned *the kidnapping*" and "… *kidnapped* a rancher", "called the expulsions
/// 'regrettable'" and "… *expelled* 12 diplomats", "the sanctions" and "imposed *sanctions*".
pub(crate) fn names_act(doc: &Document, act: &Event, noun: &str) -> bool {
    let noun = stem(noun);
    let verb = NOMINALISATIONS
        .iter()
        .find(|(n, _)| *n == noun)
        .map(|(_, v)| *v);
    let Some(sentence) = doc.sentences.get(act.sentence) else {
        return false;
    };
    sentence
        .tokens
        .iter()
        .filter(|t| t.span.start >= act.trigger.start && t.span.end <= act.trigger.end)
        .filter(|t| t.text.chars().count() >= 4)
        .any(|t| {
            let word = stem(&t.text);
            word == noun || verb.is_some_and(|v| word.starts_with(v))
        })
}

/// The head noun right after a reaction's verb: "condemned *the* heinous *attack*".
pub(crate) fn object_noun(doc: &Document, e: &Event) -> Option<String> {
    let sentence = doc.sentences.get(e.sentence)?;
    let mut after = sentence
        .tokens
        .iter()
        .skip_while(|t| t.span.start < e.trigger.start)
        .skip(1);
    for t in after.by_ref().take(5) {
        match t.upos.as_str() {
            "NOUN" => return Some(t.text.clone()),
            "DET" | "ADJ" | "PROPN" | "NUM" | "PUNCT" | "PART" => {}
            _ => return None,
        }
    }
    None
}

/// Whether `e` is an act a state decides and others react to as "the decision" or "the
/// move": commitments, agreements, aid, concessions, cuts in relations, coercion and force,
/// not remarks, appeals, threats or protests; nor an act only wondered about ("did not say
/// whether he would cut contacts").
fn is_decided_act(e: &Event) -> bool {
    root_of(e).is_some_and(|r| matches!(r, 3 | 5..=8 | 15..=17 | 19 | 20))
        && !e.negated
        && e.modality != Modality::Hypothetical
        && !matches!(e.cameo.as_str(), "051" | "052" | "053")
}

fn root_of(e: &Event) -> Option<u8> {
    e.cameo.get(..2)?.parse().ok()
}

/// The sides of an event's source and target.
fn dyad_sides(e: &Event) -> Option<(&str, &str)> {
    Some((side(e.source.as_ref()?), side(e.target.as_ref()?)))
}

/// The side an actor is on: its state, else its own code (IGOs).
pub(crate) fn side(a: &EventActor) -> &str {
    a.actor.country.as_deref().unwrap_or(&a.actor.code)
}

/// Gives each targetless reaction in `events[first..]` the source of the event it reacts
/// to among the events before it; a joint act ("Britain, France and Germany launched …")
/// gives one reaction per actor. A reaction to "the decision" or "the move" answers the
/// latest decided act; one to "any efforts" answers none (`object` reads which).
/// Linear in the events times a small window.
#[cfg(test)]
pub(crate) fn fill_reaction_targets(
    events: &mut Vec<Event>,
    first: usize,
    object: &dyn Fn(&Event) -> ReactionObject,
) {
    fill_reaction_targets_naming(events, first, object, &|_| None, &|_, _| false, &|_| None);
}

/// `fill_reaction_targets`, where `object_noun(reaction)` reads the noun a reaction's object
/// names (once per reaction) and `names(act, noun)` says whether an earlier act was reported
/// by that word ("condemned *the kidnapping*" after "… kidnapped a rancher"): such an act is
/// the antecedent before any other. When no coded act is named, `implied(reaction)` may name
/// the actor the article implies ("condemned *the coup*": the story's military).
pub(crate) fn fill_reaction_targets_naming(
    events: &mut Vec<Event>,
    first: usize,
    object: &dyn Fn(&Event) -> ReactionObject,
    object_noun: &dyn Fn(&Event) -> Option<String>,
    names: &dyn Fn(&Event, &str) -> bool,
    implied: &dyn Fn(&Event) -> Option<EventActor>,
) {
    let mut joint = Vec::new();
    for i in first..events.len() {
        let (earlier, rest) = events.split_at_mut(i);
        let event = &mut rest[0];
        if event.target.is_some() {
            continue;
        }
        let (Some(root), Some(source)) = (root_of(event), event.source.as_ref()) else {
            continue;
        };
        let own = side(source).to_owned();
        let code_owned = event.cameo.clone();
        let code = code_owned.as_str();
        let sentence = event.sentence;
        let to_act = match object(event) {
            ReactionObject::AnyAct => continue,
            ReactionObject::DecidedAct => true,
            // "The White House was 'deeply concerned' about the allegations": concern about
            // a charge is concern about the one charged.
            ReactionObject::Allegation if code == "012" => {
                event.target = accused(earlier, sentence, &own);
                continue;
            }
            ReactionObject::Allegation | ReactionObject::Other => false,
        };
        let candidates = |window: usize| {
            earlier
                .iter()
                .rev()
                .take_while(move |e| e.sentence + window >= sentence)
                // "does not recognise the court": what did not happen is not reacted to.
                .filter(|e| !e.negated)
                .filter(move |e| root_of(e).is_some_and(|r| reacts_to(code, root, r)))
                // "Riyadh, Doha and Abu Dhabi welcomed the talks": the other welcomers are
                // not what is welcomed.
                .filter(move |e| !(e.sentence == sentence && e.cameo == code))
                .filter(|e| e.source.as_ref().is_some_and(|s| side(s) != own))
        };
        // "offered their deepest condolences": to the side the latest bloodshed struck.
        if code == "018" {
            let bloodshed = |e: &Event| {
                !e.negated
                    && e.modality == Modality::Asserted
                    && root_of(e).is_some_and(|r| r >= 18)
            };
            event.target = latest_target(
                earlier,
                sentence,
                MAX_SENTENCES_BACK_VIOLENT,
                &own,
                bloodshed,
            );
            continue;
        }
        // "Egypt and South Sudan offered to mediate": between the two sides of the latest
        // dyad the mediator is not part of.
        if code == "039" {
            if let Some((a, b)) = dyad_without(earlier, sentence, &own) {
                let mut copy = event.clone();
                copy.target = Some(b);
                joint.push(copy);
                event.target = Some(a);
            }
            continue;
        }
        // "accused Sudan's army of pushing into its territory and warned that its patience
        // 'has a limit'": a threat beside the same speaker's charge is aimed where it is.
        if root == 13 || root == 10 {
            let beside = earlier
                .iter()
                .rev()
                .take_while(|e| e.sentence == sentence)
                .filter(|e| e.source.as_ref().is_some_and(|s| side(s) == own))
                .find_map(|e| e.target.clone().filter(|t| side(t) != own));
            if beside.is_some() {
                event.target = beside;
                continue;
            }
        }
        // "Bolivia broke relations with Israel, while Chile and Colombia recalled their
        // ambassadors": third parties doing the same in the same sentence side with the
        // first, against its target.
        let parallel = (root >= 16)
            .then(|| {
                earlier
                    .iter()
                    .rev()
                    .take_while(|e| e.sentence == sentence)
                    .find(|e| {
                        root_of(e) == Some(root)
                            && e.trigger != event.trigger
                            && e.source.as_ref().is_some_and(|s| side(s) != own)
                    })
            })
            .flatten()
            .and_then(|e| e.target.clone())
            .filter(|t| side(t) != own);
        if parallel.is_some() {
            event.target = parallel;
            continue;
        }
        // "Saudi Arabia described the move as 'unjustified'": the move is the latest act
        // decided on another side, however many remarks and warnings came after it.
        let decided = to_act
            .then(|| {
                earlier
                    .iter()
                    .rev()
                    .take_while(|e| e.sentence + MAX_SENTENCES_BACK_VIOLENT >= sentence)
                    .filter(|e| e.sentence < sentence && is_decided_act(e))
                    .find(|e| e.source.as_ref().is_some_and(|s| side(s) != own))
            })
            .flatten();
        // Praise and mediation answer a deal or a ceasefire first, not an earlier word of
        // praise or support.
        let deal = |e: &&Event| {
            (root_of(e) == Some(5) && !matches!(e.cameo.as_str(), "051" | "052" | "053"))
                || e.cameo.starts_with("087")
        };
        // The struck side's condemnation answers the blow it took, even when the report of
        // that blow also names the strike it avenged.
        let against_own = |e: &&Event| e.target.as_ref().is_some_and(|t| side(t) == own);
        let praise = matches!(root, 4 | 5);
        // A deal, like bloodshed, stays the story's news: "welcomed the agreement" answers
        // the lede's deal even many sentences later.
        // "condemned the kidnapping": the act the object names by its own word. (A denial
        // keeps no target; only reactions take one.)
        let reaction = matches!(root, 10 | 11 | 12 | 13 | 16) || code == "012" || code == "051";
        let noun = reaction.then(|| object_noun(event)).flatten();
        let named = noun.and_then(|noun| {
            earlier
                .iter()
                .rev()
                .take_while(|e| e.sentence + MAX_SENTENCES_BACK_VIOLENT >= sentence)
                .filter(|e| !e.negated && e.cameo != code)
                .filter(|e| e.source.as_ref().is_some_and(|s| side(s) != own))
                .find(|e| names(e, &noun))
        });
        // (An appeal for "a return to civilian rule" answers the coup makers too.)
        if named.is_none() && (reaction || root == 2) {
            if let Some(actor) = implied(event).filter(|a| a.actor.code != source.actor.code) {
                event.target = Some(actor);
                continue;
            }
        }
        let antecedent = named
            .or(decided)
            .or_else(|| {
                praise
                    .then(|| candidates(MAX_SENTENCES_BACK_VIOLENT).find(deal))
                    .flatten()
            })
            // Bloodshed is what a condemnation most often answers, even when a later alert
            // or sanction is nearer …
            .or_else(|| {
                // (Force that only might come, "could attack Guyana", is no bloodshed.)
                // "Troops opened fire on crowds of protesters" (175) is bloodshed too.
                let bloodshed = |e: &&Event| {
                    root_of(e).is_some_and(|r| root != 12 && (r >= 18 || e.cameo == "175"))
                        && matches!(e.modality, Modality::Asserted)
                };
                // A foreign state condemns a blow across a border before a domestic one.
                let across = |e: &&Event| match (&e.source, &e.target) {
                    (Some(s), Some(t)) => side(s) != side(t),
                    _ => false,
                };
                candidates(MAX_SENTENCES_BACK_VIOLENT)
                    .filter(bloodshed)
                    .find(against_own)
                    .or_else(|| {
                        // The blow across a border the article reports most is its news
                        // ("the invasion" of the lede, not a later retaliation it mentions
                        // once); on a tie, the earliest, as the lede reports the news.
                        let across_blows: Vec<&Event> = candidates(MAX_SENTENCES_BACK_VIOLENT)
                            .filter(bloodshed)
                            .filter(across)
                            .collect();
                        let reports = |e: &Event| {
                            across_blows
                                .iter()
                                .filter(|x| dyad_sides(x) == dyad_sides(e))
                                .count()
                        };
                        // (`across_blows` runs latest first: `max_by_key` keeps the last
                        // of equals, the earliest.)
                        across_blows.iter().copied().max_by_key(|e| reports(e))
                    })
                    .or_else(|| candidates(MAX_SENTENCES_BACK_VIOLENT).find(bloodshed))
            })
            // … then coercion (sanctions, expulsions) before a mere refusal or warning.
            .or_else(|| {
                candidates(MAX_SENTENCES_BACK)
                    .find(|e| root_of(e).is_some_and(|r| root != 12 && r >= 14))
            })
            .or_else(|| candidates(MAX_SENTENCES_BACK).next());
        let Some(antecedent) = antecedent else {
            continue;
        };
        let mut actors = co_actors(earlier, antecedent, &own);
        // "welcomed the agreement": both parties to a deal are welcomed, not only the one
        // the report named first; a recognition or an apology is the giver's decision alone.
        let bilateral = antecedent.cameo == "057" || antecedent.cameo.starts_with("087");
        if deal(&antecedent) && (decided.is_none() || bilateral) {
            let party = antecedent
                .target
                .clone()
                .filter(|t| side(t) != own && !actors.iter().any(|a| a.actor.code == t.actor.code));
            actors.extend(party);
        }
        for other in actors.iter().skip(1).take(MAX_CO_ACTORS) {
            let mut copy = event.clone();
            copy.target = Some(other.clone());
            joint.push(copy);
        }
        event.target = actors.into_iter().next();
    }
    events.extend(joint);
}

/// The two sides of the latest event before `sentence` (within the violent window) between
/// two states other than `own`: whom a mediator stands between.
fn dyad_without(earlier: &[Event], sentence: usize, own: &str) -> Option<(EventActor, EventActor)> {
    earlier
        .iter()
        .rev()
        .take_while(|e| e.sentence + MAX_SENTENCES_BACK_VIOLENT >= sentence)
        .filter(|e| !e.negated && e.cameo != "039")
        .find_map(|e| match (&e.source, &e.target) {
            (Some(s), Some(t)) if side(s) != side(t) && side(s) != own && side(t) != own => {
                Some((s.clone(), t.clone()))
            }
            _ => None,
        })
}

/// The target of the latest accusation before `sentence` that is not against `own`.
fn accused(earlier: &[Event], sentence: usize, own: &str) -> Option<EventActor> {
    latest_target(earlier, sentence, MAX_SENTENCES_BACK, own, |e| {
        e.cameo.starts_with("112")
    })
}

/// The target, on another side than `own`, of the latest event before `sentence` (at most
/// `window` sentences back) that is `of_kind`.
fn latest_target(
    earlier: &[Event],
    sentence: usize,
    window: usize,
    own: &str,
    of_kind: impl Fn(&Event) -> bool,
) -> Option<EventActor> {
    earlier
        .iter()
        .rev()
        .take_while(|e| e.sentence + window >= sentence)
        .filter(|e| of_kind(e))
        .find_map(|e| e.target.clone().filter(|t| side(t) != own))
}

/// How many more actors of a joint act one reaction may answer.
const MAX_CO_ACTORS: usize = 3;

/// The sources of `act` and of the events coded from the same trigger with it, on another
/// side than `own`, `act`'s own first.
fn co_actors(earlier: &[Event], act: &Event, own: &str) -> Vec<EventActor> {
    let mut out: Vec<EventActor> = act.source.iter().cloned().collect();
    let same_act =
        |e: &&Event| e.sentence == act.sentence && e.trigger == act.trigger && e.cameo == act.cameo;
    // Events are in sentence order: only the tail from `act`'s sentence on need be read.
    let from = earlier
        .iter()
        .rposition(|e| e.sentence < act.sentence)
        .map_or(0, |p| p + 1);
    for e in earlier[from..].iter().filter(same_act) {
        if let Some(s) = &e.source {
            if side(s) != own && !out.iter().any(|o| o.actor.code == s.actor.code) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Words that name a seizure of power: "condemned *the coup*", "called *the takeover*
/// 'regrettable'", "said the military *coup* was unacceptable".
const COUP_NOUNS: &[&str] = &["coup", "coups", "takeover", "putsch", "overthrow"];

/// The first word of the coup that the object of a reaction whose trigger spans tokens
/// `[at, end)` (up to eight words after it, up to the next "and") or the subject right before
/// it ("said *the coup* was 'unacceptable'") names: "condemned *the takeover*", "this unconstitutional *seizure of
/// power*", "called for a return to *constitutional order*", "urged a return to civilian
/// *rule*".
fn coup_word(tokens: &[Token], at: usize, end: usize) -> Option<usize> {
    let word = |i: usize| {
        tokens
            .get(i)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    };
    let is_coup = |i: &usize| {
        let (w, next) = (word(*i), word(i + 1));
        COUP_NOUNS.contains(&w.as_str())
            || (w == "seizure" && next == "of" && word(i + 2) == "power")
            || (w == "power" && next == "grab")
            || (w == "unconstitutional" && next == "change")
            || (CONSTITUTIONAL.contains(&w.as_str()) && matches!(next.as_str(), "rule" | "order"))
    };
    // The object ends at the sentence's end or the next coordinated verb phrase.
    let ends = |i: usize| matches!(word(i).as_str(), "." | ";") || (i > end && word(i) == "and");
    let object = (end..(end + 8).min(tokens.len()))
        .take_while(|&i| !ends(i))
        .find(is_coup);
    // "the coup was 'unacceptable'": the trigger starts at the copula.
    object.or_else(|| (at.saturating_sub(3)..at).find(is_coup))
}

/// The token where event `e`'s trigger starts and the token right after it.
fn trigger_tokens(tokens: &[Token], e: &Event) -> (usize, usize) {
    let first_from = |offset: usize| {
        tokens
            .iter()
            .position(|t| t.span.start >= offset)
            .unwrap_or(tokens.len())
    };
    (first_from(e.trigger.start), first_from(e.trigger.end))
}

/// Adjectives of the order a coup ends: "a return to *civilian* rule".
const CONSTITUTIONAL: &[&str] = &["constitutional", "civilian", "democratic"];

/// The state a coup phrase names: "the coup *in Niger*", "*Thailand's* coup", "the *Thai*
/// military coup".
fn coup_state_named(
    doc: &Document,
    e: &Event,
    tokens: &[Token],
    end: usize,
    coup: usize,
) -> Option<String> {
    let source = e.source.as_ref().and_then(|s| s.mention);
    // Only the phrase's own words: not "*Germany*" in "France and Germany condemned the coup".
    let after_trigger = if end <= coup { end } else { 0 };
    doc.mentions_in(e.sentence)
        .filter(|(i, _)| Some(*i) != source)
        .filter(|(_, m)| m.tokens.0 >= after_trigger.max(coup.saturating_sub(3)))
        // "a return to civilian, democratic rule *in Pakistan*" (not past an "and").
        .filter(|(_, m)| {
            m.tokens.0 <= coup + 6
                && !(coup..m.tokens.0).any(|i| tokens[i].text.eq_ignore_ascii_case("and"))
        })
        .find_map(|(_, m)| m.actor.country.clone())
}

/// The coup makers a reaction answers when it names a coup the article reported without an
/// agent the coder found ("the army overthrew …" in a clause, "after the coup"): the military
/// of the state the story is about. In the development gold such reactions answer the
/// coup state (its military in most sets) in every case but one that names another act.
pub(crate) fn coup_makers(doc: &Document, e: &Event) -> Option<EventActor> {
    let tokens = &doc.sentences.get(e.sentence)?.tokens;
    let (at, end) = trigger_tokens(tokens, e);
    let coup = coup_word(tokens, at, end)?;
    // Else the state the whole article names most: a coup story's country, whoever else
    // reacts in it.
    let state = coup_state_named(doc, e, tokens, end, coup)
        .or_else(|| most_named_state(doc, doc.sentences.len(), 1))?;
    Some(implied_actor(doc, e.trigger, &state, "MIL"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{ActorCode, Span};

    fn actor(country: &str, agent: Option<&str>) -> EventActor {
        EventActor {
            text: country.to_owned(),
            span: Span { start: 0, end: 1 },
            actor: ActorCode::new(Some(country), agent, ""),
            mention: None,
        }
    }

    fn event(
        sentence: usize,
        cameo: &str,
        source: EventActor,
        target: Option<EventActor>,
    ) -> Event {
        Event {
            sentence,
            trigger: Span { start: 0, end: 1 },
            source: Some(source),
            target,
            cameo: cameo.to_owned(),
            cameo_name: String::new(),
            goldstein: 0.0,
            quad_class: 0,
            plover: Default::default(),
            negated: false,
            modality: chronicle_core::Modality::Asserted,
            date: None,
            date_precision: chronicle_core::DatePrecision::Unknown,
            date_source: chronicle_core::EventDateSource::Unknown,
            timex: None,
            quote: None,
            pattern: String::new(),
            reports: 1,
        }
    }

    fn target_code(e: &Event) -> Option<&str> {
        e.target.as_ref().map(|t| t.actor.code.as_str())
    }

    #[test]
    fn a_condemnation_of_a_joint_act_answers_each_actor() {
        let mut events = vec![
            event(0, "1312", actor("GBR", None), Some(actor("IRN", None))),
            event(0, "1312", actor("FRA", None), Some(actor("IRN", None))),
            event(0, "1312", actor("DEU", None), Some(actor("IRN", None))),
            event(1, "111", actor("IRN", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 3, &|_| ReactionObject::Other);
        let mut targets: Vec<&str> = events[3..].iter().filter_map(target_code).collect();
        targets.sort_unstable();
        assert_eq!(targets, ["DEU", "FRA", "GBR"]);
    }

    #[test]
    fn concern_answers_force_but_a_denial_stays_targetless() {
        let mut events = vec![
            event(
                0,
                "171",
                actor("CHN", Some("COP")),
                Some(actor("PHL", None)),
            ),
            event(1, "012", actor("JPN", Some("GOV")), None),
            event(1, "016", actor("VNM", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 1, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[1]), Some("CHNCOP"));
        assert_eq!(target_code(&events[2]), None);
    }

    #[test]
    fn condemnation_targets_the_earlier_attacker() {
        let mut events = vec![
            event(
                0,
                "195",
                actor("USA", None),
                Some(actor("IRQ", Some("REB"))),
            ),
            event(
                1,
                "040",
                actor("IRQ", Some("GOV")),
                Some(actor("USA", Some("GOV"))),
            ),
            event(2, "111", actor("IRQ", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("USA"));
    }

    #[test]
    fn the_struck_side_condemns_the_blow_it_took_not_the_strike_it_avenged() {
        let mut events = vec![
            event(
                0,
                "195",
                actor("IRN", Some("MIL")),
                Some(actor("QAT", None)),
            ),
            event(0, "195", actor("USA", None), Some(actor("IRN", None))),
            event(1, "111", actor("QAT", None), None),
            event(2, "111", actor("DEU", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("IRNMIL"));
        // A bystander's condemnation answers the blow reported first (each is reported
        // once): the news, not the strike it avenged.
        assert_eq!(target_code(&events[3]), Some("IRNMIL"));
    }

    #[test]
    fn a_welcome_answers_both_parties_to_a_deal() {
        // One report of the agreement ("Israel and Lebanon's government signed …").
        let mut events = vec![
            event(
                0,
                "057",
                actor("ISR", Some("GOV")),
                Some(actor("LBN", Some("GOV"))),
            ),
            event(2, "051", actor("UNO", None), None),
        ];
        fill_reaction_targets(&mut events, 1, &|_| ReactionObject::Other);
        let mut targets: Vec<&str> = events[1..].iter().filter_map(target_code).collect();
        targets.sort_unstable();
        assert_eq!(targets, ["ISRGOV", "LBNGOV"]);
    }

    #[test]
    fn a_welcome_answers_the_ceasefire_not_a_word_of_praise() {
        let mut events = vec![
            event(0, "0871", actor("ISR", None), Some(actor("IRN", None))),
            event(0, "0871", actor("IRN", None), Some(actor("ISR", None))),
            event(
                1,
                "051",
                actor("USA", Some("GOV")),
                Some(actor("QAT", None)),
            ),
            event(2, "051", actor("UNO", None), None),
        ];
        fill_reaction_targets(&mut events, 3, &|_| ReactionObject::Other);
        let mut targets: Vec<&str> = events[3..].iter().filter_map(target_code).collect();
        targets.sort_unstable();
        assert_eq!(targets, ["IRN", "ISR"]);
    }

    #[test]
    fn a_demand_for_release_targets_the_captor() {
        let mut events = vec![
            event(
                0,
                "1711",
                actor("IRN", Some("MIL")),
                Some(actor("GBR", None)),
            ),
            event(0, "1053", actor("GBR", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 1, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[1]), Some("IRNMIL"));
    }

    #[test]
    fn a_recalled_ambassador_answers_an_expulsion_not_a_meeting() {
        let mut events = vec![
            event(
                0,
                "174",
                actor("MLI", Some("GOV")),
                Some(actor("FRA", Some("GOV"))),
            ),
            event(
                1,
                "040",
                actor("DEU", Some("GOV")),
                Some(actor("FRA", Some("GOV"))),
            ),
            event(2, "161", actor("FRA", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("MLIGOV"));
    }

    #[test]
    fn rejection_targets_the_earlier_demand_not_the_attack() {
        let mut events = vec![
            event(
                0,
                "100",
                actor("USA", Some("GOV")),
                Some(actor("TUR", None)),
            ),
            event(
                1,
                "190",
                actor("TUR", Some("MIL")),
                Some(actor("SYR", None)),
            ),
            event(2, "120", actor("TUR", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("USAGOV"));
    }

    #[test]
    fn condemnation_prefers_bloodshed_to_a_later_alert() {
        let mut events = vec![
            event(0, "194", actor("RUS", None), Some(actor("UKR", None))),
            event(1, "152", actor("POL", Some("MIL")), None),
            event(2, "111", actor("USA", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("RUS"));
    }

    #[test]
    fn condemnation_answers_the_blow_reported_most_not_the_latest() {
        // "US forces struck Baghdad … the invasion … Iraq fired missiles at Kuwait … Putin
        // called the attack 'a big political mistake'".
        let mut events = vec![
            event(
                0,
                "195",
                actor("USA", Some("MIL")),
                Some(actor("IRQ", Some("GOV"))),
            ),
            event(
                2,
                "190",
                actor("USA", Some("MIL")),
                Some(actor("IRQ", None)),
            ),
            event(3, "195", actor("IRQ", None), Some(actor("KWT", None))),
            event(6, "111", actor("RUS", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 3, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[3]), Some("USAMIL"));
    }

    #[test]
    fn the_move_is_the_latest_decided_act_and_any_efforts_none() {
        let earlier = || {
            vec![
                event(
                    0,
                    "054",
                    actor("USA", Some("GOV")),
                    Some(actor("ISR", None)),
                ),
                event(
                    1,
                    "130",
                    actor("JOR", Some("GOV")),
                    Some(actor("USA", Some("GOV"))),
                ),
            ]
        };
        let mut events = earlier();
        events.push(event(2, "111", actor("SAU", None), None));
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::DecidedAct);
        assert_eq!(target_code(&events[2]), Some("USAGOV"));
        // A recognition's target is no party to it.
        assert_eq!(events.len(), 3);
        let mut events = earlier();
        events.push(event(2, "051", actor("GBR", None), None));
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::AnyAct);
        assert_eq!(target_code(&events[2]), None);
        // "He did not say whether he would cut contacts with Washington": an act wondered
        // about is no decision.
        let mut events = earlier();
        let mut wondered = event(
            1,
            "161",
            actor("PSE", Some("GOV")),
            Some(actor("USA", Some("GOV"))),
        );
        wondered.modality = Modality::Hypothetical;
        events.insert(1, wondered);
        events.push(event(2, "111", actor("SAU", None), None));
        fill_reaction_targets(&mut events, 3, &|_| ReactionObject::DecidedAct);
        assert_eq!(target_code(&events[3]), Some("USAGOV"));
    }

    #[test]
    fn an_act_that_did_not_happen_is_no_antecedent() {
        // "… does not recognise the court. Amnesty welcomed the warrant."
        let mut events = vec![
            event(
                0,
                "173",
                actor("ICC", None),
                Some(actor("RUS", Some("GOV"))),
            ),
            event(
                1,
                "054",
                actor("RUS", Some("GOV")),
                Some(actor("ICC", None)),
            ),
            event(2, "051", actor("AMN", None), None),
        ];
        events[1].negated = true;
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("ICC"));
        assert_eq!(events.len(), 3);
    }

    #[test]
    fn force_that_only_might_come_is_no_bloodshed_to_condemn() {
        // "… could attack Guyana." … "Ali called the incursion 'a clear threat'."
        let mut events = vec![
            event(
                0,
                "190",
                actor("USA", Some("GOV")),
                Some(actor("GUY", None)),
            ),
            event(
                1,
                "150",
                actor("VEN", Some("MIL")),
                Some(actor("GUY", None)),
            ),
            event(2, "111", actor("GUY", Some("GOV")), None),
        ];
        events[0].modality = Modality::Hypothetical;
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), Some("VENMIL"));
    }

    #[test]
    fn own_side_and_distant_events_are_no_antecedent() {
        let mut events = vec![
            event(0, "163", actor("RUS", None), Some(actor("UKR", None))),
            event(
                12,
                "195",
                actor("UKR", Some("MIL")),
                Some(actor("RUS", None)),
            ),
            event(13, "111", actor("UKR", Some("GOV")), None),
            event(14, "011", actor("RUS", Some("GOV")), None),
        ];
        fill_reaction_targets(&mut events, 2, &|_| ReactionObject::Other);
        assert_eq!(target_code(&events[2]), None);
        assert_eq!(target_code(&events[3]), None);
    }
}
