//! Who did it to whom: sources and targets from bound slots, the parse, possessors, the
//! passive, clause word order, quotes and clause inheritance.

use chronicle_core::{ActorCode, Document, EventActor, Span};

use crate::coder::is_reporting_speaker;
use crate::gazetteer::ImplicitKind;

use crate::lexicon::{is_violent, NAMING_VERBS, NOMINAL_MARKERS, SPEECH_ACT_ROOTS};
use crate::matcher::Match;
use crate::patterns::Element;
use crate::sentence::{verb_above, ClauseKind, Origin, SentenceView, LOCATIVES, SPEECH_VERBS};

/// Source and target actors of a match, and the quote it lies in.
pub(crate) fn roles(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
) -> (Vec<EventActor>, Vec<EventActor>, Option<usize>) {
    let trigger_span = view.tokens[m.anchor].span;
    let quote = doc
        .quotes
        .iter()
        .position(|q| q.content.contains(trigger_span));
    let (parse_sources, parse_targets, parse_passive, patient_is_thing) = if view.parsed {
        parse_roles(doc, view, m.anchor)
    } else {
        (Vec::new(), Vec::new(), false, false)
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
    // "the bill *threatens* the country's path", "an act that *threatens* the peace": a
    // subject that is a thing, not an agent, leaves the verb without an actor.
    // (A `speaker` pattern's subject is its target: "any aggression *would meet* a response".)
    if m.pattern.options.speaker_against_subject {
        return speaker_against_subject(doc, view, m, parse_sources, quote);
    }
    if m.sources.is_empty() && parse_sources.is_empty() && inanimate_subject(doc, view, m.anchor) {
        return (Vec::new(), Vec::new(), quote);
    }
    if m.sources.is_empty() && parse_sources.is_empty() && suffered_in(view, m) {
        return (Vec::new(), Vec::new(), quote);
    }
    if let Some((source, target)) = claim_apposition(view, m.anchor) {
        let actor = |a: usize| event_actor(doc, view, a);
        return (
            vec![actor(source)],
            target.map(actor).into_iter().collect(),
            quote,
        );
    }
    let possessor = possessor_of(view, m.anchor);
    let nominal_speech_act = SPEECH_ACT_ROOTS.contains(&&m.pattern.code[..2])
        && view.is_word(m.anchor.wrapping_sub(1), NOMINAL_MARKERS);
    let mut sources = if !m.sources.is_empty() {
        m.sources.clone()
    } else if !parse_sources.is_empty() {
        with_conjuncts(view, parse_sources, clause.start, clause.end)
    } else if let Some(person) = personal_pronoun_antecedent(doc, view, m.anchor) {
        vec![person]
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
    // "issued a statement recognising *Guaidó* and calling Maduro's government
    // 'illegitimate'": the object of the first verb is not the subject of the second.
    if let Some(shared) = conjunct_subject(view, m.anchor, &sources) {
        sources = shared;
    }
    // The one who joined comes first: it is the sentence's subject.
    let joined = joiners(view, m.start.min(m.anchor), &sources);
    sources.splice(0..0, joined);
    // "arrested a bishop *in Managua*": where an arrest happened is no one arrested.
    // "foreign ministers, meeting *on the Italian island of Capri*": nor is where a meeting
    // took place anyone met.
    let site_of_act = |t: usize| {
        matches!(m.pattern.code.as_str(), "173" | "040")
            && view
                .preceded_by(t, &["in", "at", "near", "outside", "on"])
                .is_some()
    };
    // An object the parse finds past a clause break ("rejected the results *and the
    // country's president* accused …") is a misread coordination.
    let parse_targets: Vec<usize> = parse_targets
        .into_iter()
        .filter(|&t| !own_group(doc, view, m, &sources, t))
        .filter(|&t| !view.opens_clause_before(m.anchor, view.actors[t].start))
        .filter(|&t| !site_of_act(t))
        .collect();
    let mut targets = if !m.targets.is_empty() {
        let mut bound = m.targets.clone();
        let repeated: Vec<usize> = bound
            .iter()
            .filter_map(|&t| view.repeated_preposition_object(t, m.limit))
            .collect();
        for r in repeated {
            if !bound.contains(&r) {
                bound.push(r);
            }
        }
        bound
    } else if !parse_targets.is_empty() {
        // "hosted the negotiators of Kosovo *and Serbia*": the parse hangs the second state
        // on the first, not on the verb.
        let first = parse_targets.iter().map(|&t| view.actors[t].start).min();
        with_conjuncts(view, parse_targets, first.unwrap_or(clause.start), m.limit)
    } else if passive && !patient_is_thing {
        subject()
    } else if passive {
        // "Obama said flight MH17 *was shot down*": the parse's patient is no actor, and
        // the main clause's subject is not what was struck.
        Vec::new()
    } else {
        let end = if m.pattern.options.low_priority {
            view.len()
        } else {
            let speech_act = SPEECH_ACT_ROOTS.contains(&&m.pattern.code[..2]);
            view.frame_end(m.end.max(m.anchor + 1), m.limit, !speech_act)
                .max(m.end)
        };
        // "refused to sign the statement *on Ukraine*": what a rejection is about is no target;
        // nor is what a threat is over ("threatens Olympic boycott *over Afghanistan*").
        let topic_words: &[&str] = match &m.pattern.code[..2] {
            "12" => &["on", "about", "over", "regarding"],
            "13" => &["about", "over", "regarding"],
            _ => &[],
        };
        let about =
            |t: usize| !topic_words.is_empty() && view.preceded_by(t, topic_words).is_some();
        // "withdrew from the city of *Kherson*": where a force left is no target.
        let retreat = m.pattern.code.starts_with("08");
        // "reimpose *UN* sanctions on Iran": the body whose sanctions they are is no target.
        let sanctioning_body = |t: usize| {
            matches!(view.actors[t].origin,
                Origin::Mention(m) if doc.mentions[m].actor.code.starts_with("IGO"))
                && view
                    .lemmas
                    .get(view.actors[t].end)
                    .is_some_and(|w| matches!(w.as_str(), "sanction" | "embargo"))
        };
        // "paused *U.S. military* aid to Ukraine": the aid's owner is its giver.
        let donor = |t: usize| {
            m.pattern.code.starts_with("162")
                && view.actors[t].start > m.anchor
                && view.actors[t].end <= m.end
        };
        // "will close the crossings on the *Russian* border": a closed border shuts out the
        // state beyond it (forces massed along a border aim at no one by its name alone).
        let closure = m.pattern.code == "191";
        // "called the test 'a provocative act' in a telephone call *with Roh*": whom one
        // spoke with is not what one named so.
        let naming = m.pattern.code.starts_with("11")
            && NAMING_VERBS.contains(&view.lemmas[m.anchor].as_str())
            && !m.pattern.elements.contains(&Element::Target);
        let spoken_with = |t: usize| naming && view.preceded_by(t, &["with"]).is_some();
        // "regretted an action launched without *the backing of the United Nations*": whose
        // backing an act lacked is not who acted.
        let endorser = |t: usize| {
            view.preceded_by(t, &["of"])
                .is_some_and(|p| p > 0 && view.is_word(p - 1, ENDORSEMENT_NOUNS))
        };
        first_target_after(view, m.anchor + 1, end, &m.pattern.code, &|t| {
            spoken_with(t)
                || endorser(t)
                || about(t)
                || sanctioning_body(t)
                || site_of_act(t)
                || donor(t)
                || own_group(doc, view, m, &sources, t)
                || (retreat && view.is_place(t))
                || (view.names_a_border(t) && !closure)
        })
    };
    // "warned that Israel would strike forcefully *if Hezbollah* violated the truce": a
    // threat is aimed at whoever the condition is about.
    if threatens(m) && sources.iter().all(|&s| !view.in_plural(s)) {
        let country = |a: usize| country_of(doc, view, a);
        let own: Vec<Option<String>> = sources.iter().map(|&s| country(s)).collect();
        let foreign = |t: usize| country(t).is_none() || !own.contains(&country(t));
        if !targets.iter().any(|&t| foreign(t)) {
            if let Some(t) = condition_subject(view, m.anchor).filter(|&t| foreign(t)) {
                targets = vec![t];
            }
        }
    }
    // "Seoul said *North Korea* had fired …": the subject of the reported clause is what
    // was talked about, not whom the statement was made to.
    if m.pattern.options.low_priority {
        targets.retain(|&t| !subject_of_other_verb(doc, view, t, m.anchor));
    }
    let mut speaker = None;
    if sources.is_empty() && !passive {
        let by_clause = subject_by_clause(view, view.clause_of[m.anchor], 0);
        // "Ethiopia and Eritrea declared that …, *signing* a joint declaration": when the
        // speaker is one of the clause's conjoined subjects, all of them act.
        let conjoined_speaker = |q: &EventActor| {
            by_clause.len() > 1
                && by_clause
                    .iter()
                    .any(|&a| event_actor(doc, view, a).actor.code == q.actor.code)
        };
        match quote.and_then(|q| doc.quotes[q].speaker.clone()) {
            Some(q) if !conjoined_speaker(&q) => speaker = Some(q),
            _ => sources = by_clause,
        }
        if let Some(shared) = conjunct_subject(view, m.anchor, &sources) {
            sources = shared;
        }
    }
    targets.retain(|t| !sources.contains(t));
    // "Iraq and Oman, which hosted talks between *the two countries*": a plural description
    // that takes in a source's own state names other states than the two it found. (Not
    // so for acts on a relation: "Moscow downgraded relations between *the two neighbours*"
    // is on the other one.)
    if targets.iter().any(|&t| view.in_plural(t)) {
        let country = |a: usize| country_of(doc, view, a);
        let source_countries: Vec<Option<String>> = sources.iter().map(|&s| country(s)).collect();
        let own = |t: usize| view.in_plural(t) && source_countries.contains(&country(t));
        if m.pattern.code.starts_with("04") {
            if targets.iter().any(|&t| own(t)) {
                targets.retain(|&t| !view.in_plural(t));
            }
        } else {
            targets.retain(|&t| !own(t));
        }
    }
    sources.truncate(4);
    targets.truncate(4);
    let actor = |a: &usize| event_actor(doc, view, *a);
    let mut source_actors: Vec<EventActor> = sources.iter().map(actor).collect();
    source_actors.extend(speaker);
    let mut target_actors: Vec<EventActor> = targets.iter().map(actor).collect();
    // "fired a missile into the sea, *South Korea's military* said": the speaker of the
    // report is no target of the act (and leaves room for the place it happened in).
    target_actors.retain(|t| !is_reporting_speaker(view, t));
    // Attacks and investigations are on the place they concern ("war crimes *in Ukraine*").
    // (Not arrests: "arrested Ms. Meng *at Vancouver's airport*" is on no state.)
    let placed =
        matches!(&m.pattern.code[..2], "09" | "17" | "18" | "19" | "20") && m.pattern.code != "173";
    if placed && target_actors.is_empty() && !passive {
        target_actors.extend(located_target(doc, view, m));
    }
    (source_actors, target_actors, quote)
}

/// "One French technician *was killed in the raid*, officials said": an attack named as
/// the circumstance of a passive verb (or of "died") has neither the sufferer nor the
/// reporter as an actor.
fn suffered_in(view: &SentenceView, m: &Match) -> bool {
    let anchor = &view.tokens[m.anchor];
    let violent = matches!(&m.pattern.code[..2], "18" | "19" | "20");
    let circumstance = || {
        anchor.upos == "NOUN"
            && matches!(anchor.deprel.as_str(), "obl" | "nmod")
            && has_case(view, m.anchor, &["in", "during", "amid"])
    };
    // (A head past the sentence is a broken parse: no verb.)
    let suffering_verb = || {
        anchor.head.filter(|&h| h < view.len()).is_some_and(|h| {
            view.lemmas[h] == "die"
                || view
                    .tokens
                    .iter()
                    .any(|t| t.head == Some(h) && t.deprel == "nsubj:pass")
        })
    };
    violent && circumstance() && suffering_verb()
}

/// Whether the pattern codes a threat, outright or as its future or hypothetical reading.
fn threatens(m: &Match) -> bool {
    let opts = &m.pattern.options;
    std::iter::once(Some(&m.pattern.code))
        .chain([opts.future_code.as_ref(), opts.hypothetical_code.as_ref()])
        .flatten()
        .any(|c| c.starts_with("13"))
}

/// The first actor of an "if"/"unless" clause after `anchor` in the sentence, when it comes
/// before that clause's first verb (its subject).
fn condition_subject(view: &SentenceView, anchor: usize) -> Option<usize> {
    let clause = view.clauses[view.clause_of[anchor]..]
        .iter()
        .skip(1)
        .find(|c| view.is_word(c.start, &["if", "unless"]))?;
    let verb = (clause.start + 1..clause.end).find(|&i| {
        view.actor_at[i].is_none() && matches!(view.tokens[i].upos.as_str(), "VERB" | "AUX")
    })?;
    (0..view.actors.len()).find(|&a| {
        view.actors[a].start > clause.start
            && view.actors[a].end <= verb
            && !view.in_prepositional_phrase(a)
    })
}

/// What a sentence-final apposition answers: "Paris accused the junta of …, *a charge Bamako
/// denies*", "…, *a proposal* Moscow rejected".
const CLAIM_NOUNS: &[&str] = &[
    "charge",
    "claim",
    "accusation",
    "allegation",
    "assertion",
    "position",
    "view",
    "stance",
    "demand",
    "proposal",
    "suggestion",
    "assessment",
];

/// The claims among `CLAIM_NOUNS` that charge someone: turning one down denies it.
const CHARGE_NOUNS: &[&str] = &[
    "charge",
    "claim",
    "accusation",
    "allegation",
    "assertion",
    "criticism",
    "complaint",
];

/// Source and target of a trigger in an apposition that judges the main clause: "…, a
/// proposal X rejected", "…, a move X condemned" answer the main clause's subject; "…, a
/// charge X denies" is a denial, which has no target.
pub(crate) fn claim_apposition(
    view: &SentenceView,
    anchor: usize,
) -> Option<(usize, Option<usize>)> {
    let (noun, source) = apposed_claim(view, anchor)?;
    if view.is_word(noun, CHARGE_NOUNS) {
        return Some((source, None));
    }
    // "Ten days later the Security Council condemned …": in a parsed sentence the main verb
    // is the first verb the tagger saw, not the first word that looks inflected.
    let verb = if view.parsed {
        (0..view.clauses[0].end)
            .find(|&i| {
                view.actor_at[i].is_none() && matches!(view.tokens[i].upos.as_str(), "VERB" | "AUX")
            })
            .unwrap_or(view.clauses[0].end)
    } else {
        first_verb(view, 0)
    };
    let main = subject_before(view, verb, 0);
    Some((source, main.first().copied().filter(|&t| t != source)))
}

/// Whether the trigger at `anchor` answers an apposed charge ("…, a charge Moscow
/// *rejects*"), not a position or a proposal.
pub(crate) fn answers_a_charge(view: &SentenceView, anchor: usize) -> bool {
    apposed_claim(view, anchor).is_some_and(|(noun, _)| view.is_word(noun, CHARGE_NOUNS))
}

/// Acts a sentence-final apposition names and someone then judges: "Finland joined NATO,
/// *a move* Moscow condemned", "Bush gave Saddam 48 hours, *an ultimatum* Baghdad rejected".
const APPOSED_ACT_NOUNS: &[&str] = &[
    "move",
    "step",
    "decision",
    "plan",
    "ultimatum",
    "offer",
    "request",
    "resolution",
    "measure",
    "initiative",
];

/// Words that may stand between the judging actor and its verb: "a charge Iran *has always*
/// rejected".
const AUXILIARIES: &[&str] = &["has", "have", "had", "is", "was", "also", "always", "long"];

/// The claim noun and the actor right before `anchor` in "…, a <claim> (that) <actor>
/// <anchor>" (or "… in a resolution that <actor> <anchor>").
fn apposed_claim(view: &SentenceView, anchor: usize) -> Option<(usize, usize)> {
    let mut before = anchor.checked_sub(1)?;
    for _ in 0..2 {
        if view.actor_at[before].is_none() && view.is_word(before, AUXILIARIES) {
            before = before.checked_sub(1)?;
        }
    }
    let source = view.actor_at[before]?;
    let mut i = view.actors[source].start.checked_sub(1)?;
    if view.is_word(i, &["the"]) {
        i = i.checked_sub(1)?;
    }
    if view.is_word(i, &["that", "which"]) {
        i = i.checked_sub(1)?;
    }
    let act = view.is_word(i, APPOSED_ACT_NOUNS);
    if !act && !view.is_word(i, CLAIM_NOUNS) {
        return None;
    }
    let mut k = i.checked_sub(1)?;
    if view.is_word(k, &["a", "an", "the"]) {
        k = k.checked_sub(1)?;
    }
    let apposed = view.is_word(k, &[","]) || (act && view.is_word(k, &["in"]));
    apposed.then_some((i, source))
}

/// "*Japan* joined the United States and Britain in attributing …": when the sources are the
/// objects of "join" before "in" + the trigger, the subject of "join" acts too.
fn joiners(view: &SentenceView, trigger: usize, sources: &[usize]) -> Vec<usize> {
    let Some(&first) = sources.first() else {
        return Vec::new();
    };
    let last = sources[sources.len() - 1];
    let joined_in =
        view.is_word(trigger.wrapping_sub(1), &["in"]) && view.actors[last].end + 1 == trigger;
    if !joined_in {
        return Vec::new();
    }
    let Some(join) = view.preceded_by(first, &["joined", "joins", "join", "joining"]) else {
        return Vec::new();
    };
    subject_before(view, join, view.clause_of[join])
        .into_iter()
        .filter(|a| !sources.contains(a))
        .collect()
}

/// "'*America and Britain* will pay a heavy price,' a Houthi official said": the bound `$S`
/// ("drawing criticism *from Seoul*") or else the speaker (of the quote, of a trailing
/// "…, X said", or of the clause reporting this one) acts on the subject.
fn speaker_against_subject(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
    parse_subjects: Vec<usize>,
    quote: Option<usize>,
) -> (Vec<EventActor>, Vec<EventActor>, Option<usize>) {
    let clause = view.clause_at(m.anchor);
    let clause_index = view.clause_of[m.anchor];
    let mut subjects = if parse_subjects.is_empty() {
        subject_before(view, m.start.min(m.anchor), clause_index)
    } else {
        with_conjuncts(view, parse_subjects, clause.start, clause.end)
    };
    // A by-agent the parse gave the participle is the speaker, not the subject.
    subjects.retain(|s| !m.sources.contains(s));
    // "Russia vetoed the resolution, *drawing* criticism from …": the participle's subject.
    if subjects.is_empty() && !m.sources.is_empty() {
        subjects = subject_by_clause(view, clause_index, 0);
    }
    // "The deal, *brokered by* Turkey, was signed by Russia and Ukraine": the parties.
    if subjects.is_empty() && view.parsed {
        subjects = agents_of_modified_noun(doc, view, m.anchor);
    }
    // "blamed Israel and vowed that *it* would face 'a just punishment'": the pronoun is
    // the last actor named before it (the speaker itself is dropped below).
    if subjects.is_empty() {
        subjects.extend(pronoun_subject_antecedent(view, m.start.min(m.anchor)));
    }
    let actor = |a: &usize| event_actor(doc, view, *a);
    let sources: Vec<EventActor> = if m.sources.is_empty() {
        speaker_of(doc, view, m.anchor, quote).into_iter().collect()
    } else {
        m.sources.iter().map(actor).collect()
    };
    let targets = subjects
        .iter()
        .map(actor)
        .filter(|t| sources.iter().all(|s| s.actor.code != t.actor.code))
        .take(4)
        .collect();
    (sources, targets, quote)
}

/// The actor before an "it"/"they" subject just before `verb` ("vowed that it would face").
fn pronoun_subject_antecedent(view: &SentenceView, verb: usize) -> Option<usize> {
    let pronoun = (verb.saturating_sub(3)..verb)
        .rev()
        .find(|&i| view.is_word(i, &["it", "they"]))?;
    let between_aux = (pronoun + 1..verb).all(|i| {
        view.tokens[i].upos == "AUX"
            || view.is_word(i, &["would", "will", "could", "must", "should"])
    });
    if !between_aux {
        return None;
    }
    (0..view.actors.len())
        .rev()
        .find(|&a| view.actors[a].end <= pronoun)
}

/// For a participle modifying the passive subject of a verb ("the deal *brokered* by Oman
/// was signed by A and B"), that verb's by-agents.
fn agents_of_modified_noun(doc: &Document, view: &SentenceView, anchor: usize) -> Vec<usize> {
    let tokens = &view.tokens;
    let Some(noun) = tokens[anchor]
        .head
        .filter(|_| tokens[anchor].deprel == "acl")
    else {
        return Vec::new();
    };
    // "a ceasefire *between Israel and Hamas* brokered by Egypt": the noun's own parties.
    let parties: Vec<usize> = (0..tokens.len())
        .filter(|&c| tokens[c].head == Some(noun) && has_case(view, c, &["between"]))
        .flat_map(|c| actors_of(doc, view, c))
        .collect();
    if !parties.is_empty() {
        return parties;
    }
    let Some(verb) = tokens[noun]
        .head
        .filter(|_| tokens[noun].deprel == "nsubj:pass")
    else {
        return Vec::new();
    };
    (0..tokens.len())
        .filter(|&c| tokens[c].head == Some(verb) && by_agent(view, c))
        .flat_map(|c| actors_of(doc, view, c))
        .collect()
}

/// Whether token `c` is an oblique by-phrase, the agent of its head. An agent label without
/// "by" is a misparse ("militants attacked southern Israel" read as a reduced relative).
fn by_agent(view: &SentenceView, c: usize) -> bool {
    matches!(view.tokens[c].deprel.as_str(), "obl:agent" | "obl") && has_case(view, c, &["by"])
}

/// Who says what is at `anchor`: the quote's speaker, a trailing "…, X said", or the subject
/// of the clause that reports this one.
pub(crate) fn speaker_of(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
    quote: Option<usize>,
) -> Option<EventActor> {
    let actor = |a: usize| event_actor(doc, view, a);
    let after = view.tokens[anchor].span.end;
    quote
        .and_then(|q| doc.quotes[q].speaker.clone())
        .or_else(|| {
            (0..view.actors.len())
                .map(actor)
                .find(|a| a.span.start > after && is_reporting_speaker(view, a))
        })
        .or_else(|| {
            subject_by_clause(view, view.clause_of[anchor], 0)
                .first()
                .map(|&a| actor(a))
        })
        .or_else(|| reporter_before(view, anchor).map(actor))
}

/// "*Niger's junta said* any aggression would meet a response": the actor right before the
/// nearest speech verb before the trigger (bounded look back).
fn reporter_before(view: &SentenceView, anchor: usize) -> Option<usize> {
    (anchor.saturating_sub(MAX_REPORT_DISTANCE).max(1)..anchor)
        .rev()
        .find(|&i| view.is_word(i, SPEECH_VERBS))
        .and_then(|verb| view.actor_at[verb - 1])
}

/// "The Vatican said Nicaragua's government had expelled *its* ambassador": an envoy whose
/// owner is "its" or "their" in a reported expulsion or recall is the reporter's, when the
/// reporter is another state's actor than the subject.
pub(crate) fn reporters_envoy(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
    sources: &[EventActor],
) -> Option<EventActor> {
    let owned_envoy = (m.anchor..m.trigger_end.min(view.len())).any(|i| {
        view.is_word(i, &["its", "their"])
            && view.is_word(
                i + 1,
                &["ambassador", "envoy", "diplomats", "diplomat", "nuncio"],
            )
    });
    if !owned_envoy {
        return None;
    }
    let reporter = reporter_before(view, m.anchor)?;
    let country = country_of(doc, view, reporter);
    let other_side = country.is_some()
        && sources
            .iter()
            .all(|s| s.actor.country.is_some() && s.actor.country != country);
    other_side.then(|| event_actor(doc, view, reporter))
}

/// How far before a trigger its reporting verb may stand.
const MAX_REPORT_DISTANCE: usize = 16;

/// "bombed villages *in Khost province*", "struck targets *near Damascus*": an attack on
/// something unnamed is on the country of the place it happened in.
fn located_target(doc: &Document, view: &SentenceView, m: &Match) -> Option<EventActor> {
    let end = view
        .frame_end(m.end.max(m.anchor + 1), m.limit, true)
        .max(m.end);
    let a = (0..view.actors.len()).find(|&a| {
        let span = view.actors[a];
        span.start > m.anchor && span.end <= end && view.preceded_by(a, LOCATIVES).is_some()
    })?;
    let country = country_of(doc, view, a)?;
    let mut place = event_actor(doc, view, a);
    place.actor = ActorCode::new(Some(&country), None, "");
    place.mention = None;
    Some(place)
}

/// The state an actor span belongs to.
pub(crate) fn country_of(doc: &Document, view: &SentenceView, actor: usize) -> Option<String> {
    match view.actors[actor].origin {
        Origin::Mention(m) => doc.mentions[m].actor.country.clone(),
        Origin::Implicit(i) => view.implicit[i].country.clone(),
    }
}

/// Whether the actor belongs to a verb other than `anchor` (its subject or object): by the
/// parse, else by a verb or auxiliary right after it.
fn subject_of_other_verb(doc: &Document, view: &SentenceView, actor: usize, anchor: usize) -> bool {
    if view.parsed {
        return verb_above(view.tokens, head_of(doc, view, actor))
            .is_some_and(|verb| verb != anchor);
    }
    let next = view.actors[actor].end;
    // "its position *on Ukraine* had not changed": a modifier, not the subject.
    !view.in_prepositional_phrase(actor)
        && next < view.len()
        && (view.trigger_verb[next] || view.is_word(next, AUX_AFTER_SUBJECT))
}

/// Words that, right after an actor, make it a clause's subject.
const AUX_AFTER_SUBJECT: &[&str] = &[
    "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "might", "may",
    "should", "must", "did", "does", "do", "can",
];

/// The parse's actors with those conjoined to them by word order: the parser often attaches
/// "*Japanese* and Chinese leaders" or "South Korean and *U.S.* forces" to one head only.
fn with_conjuncts(view: &SentenceView, actors: Vec<usize>, floor: usize, end: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for a in actors {
        let group = view
            .conjoined_before(a, floor)
            .into_iter()
            .chain(view.conjoined_after(a, end));
        for g in group {
            if !out.contains(&g) {
                out.push(g);
            }
        }
    }
    out
}

/// The event actor for mention `k` of the document.
pub(crate) fn mention_actor(doc: &Document, k: usize) -> EventActor {
    let m = &doc.mentions[k];
    EventActor {
        text: m.text.clone(),
        span: m.span,
        actor: m.actor.clone(),
        mention: Some(k),
    }
}

fn event_actor(doc: &Document, view: &SentenceView, actor: usize) -> EventActor {
    let span = view.actors[actor];
    match span.origin {
        Origin::Mention(mention) => mention_actor(doc, mention),
        Origin::Implicit(i) => {
            let implicit = &view.implicit[i];
            let agent = match &implicit.kind {
                ImplicitKind::Place | ImplicitKind::State => None,
                ImplicitKind::Group(agent) => Some(agent.as_str()),
            };
            let first = view.tokens[span.start].span;
            let last = view.tokens[span.end - 1].span;
            let text_span = Span {
                start: first.start.min(last.start),
                end: first.end.max(last.end),
            };
            EventActor {
                text: doc
                    .article
                    .text
                    .get(text_span.start..text_span.end)
                    .unwrap_or_default()
                    .to_owned(),
                span: text_span,
                actor: ActorCode::new(implicit.country.as_deref(), agent, ""),
                mention: None,
            }
        }
    }
}

/// The syntactic head of an actor: the mention's, else an implicit actor's last word.
fn head_of(doc: &Document, view: &SentenceView, actor: usize) -> usize {
    match view.actors[actor].origin {
        Origin::Mention(m) => doc.mentions[m].head,
        Origin::Implicit(_) => view.actors[actor].end - 1,
    }
}

/// "Tillerson's call for …", "Japan's renewed offer": the possessor of a nominal trigger.
fn possessor_of(view: &SentenceView, anchor: usize) -> Option<usize> {
    // "Tehran's decision *to expel* two British officials": the decision's owner acts.
    if view.is_word(anchor.wrapping_sub(1), &["to"]) && view.owned_decision(anchor - 1) {
        let owner = view.actor_at[anchor.checked_sub(4)?]?;
        return (view.actors[owner].end == anchor - 3).then_some(owner);
    }
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
    if let Some(head) = head_before_appositive(view, pos, clause.start) {
        return view.conjoined_before(head, clause.start);
    }
    // An unplaced group would hide the named one; with none named, it is the subject
    // ("Militants stormed the village and killed three soldiers"): the coder places it or
    // drops it.
    let before = |placed_only: bool| {
        (0..view.actors.len())
            .rev()
            .filter(move |&a| !placed_only || !view.is_unplaced(a))
            .filter(|&a| view.actors[a].end <= pos && view.actors[a].start >= clause.start)
            .map(|a| view.conjoined_before(a, clause.start))
            // "after stops in Tokyo and Seoul": the whole conjunction is inside the phrase.
            .find(|group| !view.in_prepositional_phrase(group[0]))
    };
    before(true).or_else(|| before(false)).unwrap_or_default()
}

/// "Wu Haitao, China's deputy UN ambassador, told …": the actor before an appositive that
/// ends right before the trigger.
fn head_before_appositive(view: &SentenceView, pos: usize, floor: usize) -> Option<usize> {
    let close = (floor..pos)
        .rev()
        .find(|&i| !view.lower[i].ends_with("ly"))
        .filter(|&i| view.is_word(i, &[","]))?;
    let open = (floor.max(close.saturating_sub(12))..close)
        .rev()
        .find(|&i| view.is_word(i, &[","]))?;
    let mut head = view.actor_at[open.checked_sub(1)?]?;
    // "The UN mission *in Afghanistan*, UNAMA, said": the place qualifies the head before it.
    if let Some(owner) = head.checked_sub(1).filter(|&o| {
        let gap = view.actors[o].end..view.actors[head].start;
        view.actors[o].start >= floor
            && (1..=2).contains(&gap.len())
            && view.is_word(gap.start, &["in", "for", "to", "at"])
            && gap.skip(1).all(|i| view.is_word(i, &["the"]))
    }) {
        head = owner;
    }
    let inside_has_actor = (open + 1..close).any(|i| view.actor_at[i].is_some());
    (inside_has_actor
        && view.actors[head].end == open
        && view.actors[head].start >= floor
        && !is_complement_of_verb(view, head))
    .then_some(head)
}

/// "sent a message *to the Soviet Prime Minister*, Marshal Bulganin, urging him …": an actor
/// inside a verb's object or a preposition's (through the nouns it modifies) is no subject,
/// so neither is its appositive ("*supporters of* Kataib Hezbollah, an Iran-backed militia,
/// stormed …" is inside a subject).
fn is_complement_of_verb(view: &SentenceView, actor: usize) -> bool {
    let span = view.actors[actor];
    let Some(mut i) = (span.start..span.end).find(|&i| {
        view.tokens[i]
            .head
            .is_some_and(|h| h < span.start || h >= span.end)
    }) else {
        return false;
    };
    for _ in 0..view.len() {
        // ("came *after* Eritrea's minister, Yemane Gebremeskel, accused …": a parser's
        // object of a subordinator is that clause's subject.)
        if has_case(
            view,
            i,
            &["after", "before", "since", "until", "as", "when", "while"],
        ) {
            return false;
        }
        let t = &view.tokens[i];
        match (t.deprel.as_str(), t.head) {
            // (A head past the sentence is a broken parse: stop there.)
            ("nmod" | "appos" | "conj" | "compound" | "flat", Some(h)) if h < view.len() => i = h,
            ("obj" | "iobj" | "obl", _) => return true,
            _ => return false,
        }
    }
    false
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
            // "Ri, North Korea's minister, criticised …": the comma opening this clause closes
            // an appositive.
            let floor = view.clauses[prev].start;
            if let Some(head) = head_before_appositive(view, clause.start + 1, floor) {
                return vec![head];
            }
            // "revoked an agreement *that allowed* US troops to operate, *calling* their
            // presence illegal": a participle after a restrictive relative clause describes
            // the clause the relative hangs on.
            let prev_kind = view.clauses[prev].kind;
            if clause.kind == ClauseKind::Participial
                && prev_kind == ClauseKind::Relative
                && prev > 0
                && !view.is_word(view.clauses[prev].start.wrapping_sub(1), &[","])
            {
                return previous_clause_subject(view, prev, depth + 1);
            }
            // "The Vatican said that Nicaragua had expelled its ambassador, *calling* the
            // decision 'incomprehensible'": words after a reported clause are the reporter's.
            if clause.kind == ClauseKind::Participial
                && prev_kind == ClauseKind::Complement
                && prev > 0
                && view.is_word(clause.start + 1, SPEECH_PARTICIPLES)
            {
                return previous_clause_subject(view, prev, depth + 1);
            }
            previous_clause_subject(view, clause_index, depth)
        }
        // "… killed hundreds of civilians *after seizing* El Fasher": a gerund after a
        // subordinator shares the subject of the clause it hangs on.
        ClauseKind::Subordinate if gerund_adjunct(view, clause.start) => {
            previous_clause_subject(view, clause_index, depth)
        }
        ClauseKind::Main | ClauseKind::Subordinate | ClauseKind::Aside => Vec::new(),
    }
}

/// Participles that report speech: after a reported clause, the reporter speaks them.
const SPEECH_PARTICIPLES: &[&str] = &[
    "calling",
    "describing",
    "branding",
    "terming",
    "labelling",
    "labeling",
    "denouncing",
    "saying",
    "adding",
    "urging",
    "warning",
];

/// The subject of the clause before `clause_index`: its own, else the one it shares.
fn previous_clause_subject(view: &SentenceView, clause_index: usize, depth: usize) -> Vec<usize> {
    let prev = clause_index - 1;
    let own = subject_before(view, first_verb(view, prev), prev);
    if own.is_empty() {
        subject_by_clause(view, prev, depth + 1)
    } else {
        own
    }
}

/// "after seizing", "before leaving", "while visiting": a subordinator and a gerund.
fn gerund_adjunct(view: &SentenceView, start: usize) -> bool {
    view.is_word(
        start,
        &[
            "after", "before", "while", "since", "upon", "without", "when",
        ],
    ) && view.is_gerund(start + 1)
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

/// The first actor after the trigger that is not a place or time ("met *in Beijing*"),
/// preferring named actors to unplaced groups.
fn first_target_after(
    view: &SentenceView,
    from: usize,
    end: usize,
    code: &str,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    // "began large-scale drills *around Taiwan*": a show of force is aimed at the state it
    // is staged around, though a place is otherwise no target.
    let staged_around = |a: usize| {
        code.starts_with("15")
            && view
                .preceded_by(a, &["around", "near", "off", "encircling", "surrounding"])
                .is_some()
    };
    // "fired cruise missiles at *a factory in Khartoum*": force struck the state the thing
    // it hit stands in.
    let struck_in = |a: usize| {
        is_violent(code)
            && view.preceded_by(a, &["in"]).is_some_and(|p| {
                p > 0 && view.tokens[p - 1].upos == "NOUN" && view.actor_at[p - 1].is_none()
            })
    };
    let candidate = |a: usize| {
        let span = view.actors[a];
        span.start >= from
            && span.end <= end
            && (view.preceded_by(a, LOCATIVES).is_none()
                || made_in(view, a)
                || staged_around(a)
                || struck_in(a))
            && !agent_of_participle(view, a)
            && !skip(a)
    };
    let found = (0..view.actors.len())
        .find(|&a| candidate(a) && !view.is_unplaced(a))
        .or_else(|| (0..view.actors.len()).find(|&a| candidate(a)));
    match found {
        Some(a) => view.conjoined_after(a, end),
        None => Vec::new(),
    }
}

/// Nouns of a body's sanction for an act ("the backing of the UN").
const ENDORSEMENT_NOUNS: &[&str] = &[
    "backing",
    "support",
    "approval",
    "consent",
    "authorisation",
    "authorization",
    "mandate",
    "blessing",
];

/// "agreed to a ceasefire *brokered by Oman*": the mediator of a deal is no party to it.
fn agent_of_participle(view: &SentenceView, actor: usize) -> bool {
    view.preceded_by(actor, &["by"]).is_some_and(|p| {
        p > 0
            && view.is_word(
                p - 1,
                &[
                    "brokered",
                    "mediated",
                    "facilitated",
                    "negotiated",
                    "arranged",
                ],
            )
    })
}

/// "tariffs on electric vehicles *made in China*": where goods come from is whom a trade
/// measure is against, not where it happens.
fn made_in(view: &SentenceView, actor: usize) -> bool {
    view.preceded_by(actor, &["in"]).is_some_and(|p| {
        p > 0
            && view.is_word(
                p - 1,
                &["made", "produced", "manufactured", "built", "assembled"],
            )
    })
}

/// "Moscow denied that *its troops* …": a state's own forces and officials are its side, no
/// target; nor are the troops a state mobilises ("massed *troops*").
fn own_group(doc: &Document, view: &SentenceView, m: &Match, sources: &[usize], t: usize) -> bool {
    if !view.is_group(t) {
        return false;
    }
    if m.pattern.code.starts_with("15") {
        return true;
    }
    let organ = matches!(view.actors[t].origin, Origin::Implicit(i) if matches!(
        &view.implicit[i].kind,
        ImplicitKind::Group(agent) if matches!(agent.as_str(), "MIL" | "GOV" | "COP")
    ));
    let country = country_of(doc, view, t);
    // "Khrushchev warned that *Soviet rockets* would strike …": the force a leader threatens
    // with is his own.
    let threat = m.pattern.code.starts_with("13");
    organ
        && country.is_some()
        && sources.iter().any(|&s| {
            let bare_state = match view.actors[s].origin {
                Origin::Mention(i) => doc.mentions[i].actor.agent.is_none(),
                Origin::Implicit(_) => false,
            };
            (bare_state || threat) && country_of(doc, view, s) == country
        })
}

/// Roles from a dependency parse: the trigger's own subjects, objects, passive subjects and
/// `by` agents. Subjects are not inherited through `xcomp`/`conj` heads here: the clause
/// heuristics do that more reliably than a noisy parse.
fn parse_roles(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
) -> (Vec<usize>, Vec<usize>, bool, bool) {
    let (mut sources, mut targets, mut agents, mut passive) =
        (Vec::new(), Vec::new(), Vec::new(), false);
    // A passive subject that is a thing ("flight MH17 was shot down"), not a pronoun.
    let mut patient_is_thing = false;
    for (c, tok) in view.tokens.iter().enumerate() {
        if tok.head != Some(anchor) {
            continue;
        }
        let actors = actors_of(doc, view, c);
        match tok.deprel.as_str() {
            "nsubj:pass" => {
                passive = true;
                // ("the *Chinese* embassy was bombed" names a state in a modifier.)
                let modified_by_actor = view
                    .tokens
                    .iter()
                    .enumerate()
                    .any(|(k, t)| t.head == Some(c) && view.actor_at[k].is_some());
                patient_is_thing |= actors.is_empty()
                    && !modified_by_actor
                    && matches!(tok.upos.as_str(), "NOUN" | "PROPN");
                targets.extend(actors);
            }
            r if r.starts_with("nsubj") => sources.extend(actors),
            _ if by_agent(view, c) => agents.extend(actors),
            // "who was seized *by special forces soldiers*": a by-phrase the parser hung on the
            // verb as an object is still the agent.
            "obj" if has_case(view, c, &["by"]) => agents.extend(actors),
            "obj" | "iobj" => targets.extend(actors),
            _ => {}
        }
    }
    // "30 hostages *kidnapped* by bandits", "the tariffs *announced* by Trump": a participle
    // modifying a noun, with a by-agent, is a passive whose patient is that noun.
    let modifier = view.tokens[anchor].deprel == "acl";
    if modifier && !agents.is_empty() && sources.is_empty() {
        passive = true;
        if let Some(head) = view.tokens[anchor].head {
            targets.extend(actors_of(doc, view, head));
        }
    }
    if passive && !agents.is_empty() {
        sources = agents;
    }
    // Only infinitives: a finite verb's conjunction is often misattached across clauses.
    if sources.is_empty() && !passive && view.is_word(anchor.wrapping_sub(1), &["to"]) {
        sources = inherited_subject(doc, view, anchor, 0);
    }
    // "The Russian Foreign Ministry said the pact was dead … *and accused* Washington": a
    // verb conjoined to a reporting verb shares the reporter (the reporting verb's
    // conjunction is the one the parser rarely gets wrong).
    let reports = |h: usize| view.is_word(h, SPEECH_VERBS) || view.lemmas[h] == "say";
    if sources.is_empty()
        && !passive
        && view.tokens[anchor].deprel == "conj"
        && view.is_word(anchor.wrapping_sub(1), &["and"])
        && view.tokens[anchor].head.is_some_and(reports)
    {
        sources = inherited_subject(doc, view, anchor, 0);
    }
    sources.dedup();
    targets.dedup();
    (sources, targets, passive, patient_is_thing)
}

/// For a verb conjoined to an earlier one, without a subject of its own by the parse, whose
/// `sources` all stand between the two verbs (the first verb's object): the subject of the
/// first verb (the actor before it, or its clause's).
fn conjunct_subject(view: &SentenceView, anchor: usize, sources: &[usize]) -> Option<Vec<usize>> {
    let token = &view.tokens[anchor];
    let head = token
        .head
        .filter(|&h| token.deprel == "conj" && h < anchor)?;
    let own_subject = view
        .tokens
        .iter()
        .any(|t| t.head == Some(anchor) && t.deprel.starts_with("nsubj"));
    let between = |&s: &usize| view.actors[s].start > head && view.actors[s].end <= anchor;
    if own_subject || sources.is_empty() || view.tokens[head].upos != "VERB" {
        return None;
    }
    if !sources.iter().all(between) {
        return None;
    }
    let clause = view.clause_of[head];
    let before = subject_before(view, head, clause);
    let shared = if before.is_empty() {
        subject_by_clause(view, clause, 0)
    } else {
        before
    };
    (!shared.is_empty()).then_some(shared)
}

/// "EU leaders agreed to ban Belarusian airlines … and *to impose* sanctions": a verb
/// coordinated with another, or the infinitive of a verb with no object ("agreed to"), has
/// that verb's subject — not the nearest actor before it, which may be the first verb's
/// object.
fn inherited_subject(doc: &Document, view: &SentenceView, verb: usize, depth: usize) -> Vec<usize> {
    let token = &view.tokens[verb];
    let Some(head) = token.head.filter(|_| depth < 4) else {
        return Vec::new();
    };
    let head_is_verb = matches!(view.tokens[head].upos.as_str(), "VERB" | "AUX");
    let has_object = |v: usize| {
        view.tokens
            .iter()
            .any(|t| t.head == Some(v) && matches!(t.deprel.as_str(), "obj" | "iobj"))
    };
    // "urged Iran *to release*": the object of the verb above acts, not its subject.
    let shares_subject = token.deprel == "conj" || (token.deprel == "xcomp" && !has_object(head));
    if !head_is_verb || !shares_subject {
        return Vec::new();
    }
    let mut subjects = Vec::new();
    for (c, t) in view.tokens.iter().enumerate() {
        if t.head == Some(head) && t.deprel.starts_with("nsubj") {
            if t.deprel == "nsubj:pass" {
                return Vec::new();
            }
            subjects.extend(actors_of(doc, view, c));
        }
    }
    if subjects.is_empty() {
        inherited_subject(doc, view, head, depth + 1)
    } else {
        subjects
    }
}

/// "Blinken said the relief could be reversed …, and *he* called on Caracas": a "he" or
/// "she" subject is the person named last before it in the sentence.
fn personal_pronoun_antecedent(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
) -> Option<usize> {
    let personal = |t: usize| matches!(view.lower[t].as_str(), "he" | "she");
    let pronoun = if view.parsed {
        (0..view.len()).find(|&t| {
            view.tokens[t].head == Some(anchor) && view.tokens[t].deprel == "nsubj" && personal(t)
        })
    } else {
        (anchor.saturating_sub(3)..anchor)
            .rev()
            .find(|&t| personal(t))
    }?;
    if view.actor_at[pronoun].is_some() {
        return None;
    }
    (0..view.actors.len())
        .rev()
        .filter(|&a| view.actors[a].end <= pronoun)
        .find(|&a| match view.actors[a].origin {
            Origin::Mention(m) => doc.mentions[m].names_one_person(),
            Origin::Implicit(_) => false,
        })
}

/// Nouns that can stand for an actor the resolver did not name ("the ministry said",
/// "troops attacked"), or for the weapon of one: subjects that do not rule an actor out.
const AGENT_NOUNS: &[&str] = &[
    "government",
    "ministry",
    "minister",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "premier",
    "leader",
    "leadership",
    "army",
    "military",
    "troop",
    "force",
    "police",
    "junta",
    "regime",
    "administration",
    "authority",
    "side",
    "party",
    "delegation",
    "envoy",
    "ambassador",
    "embassy",
    "diplomat",
    "office",
    "council",
    "parliament",
    "lawmaker",
    "legislator",
    "congress",
    "senate",
    "cabinet",
    "country",
    "nation",
    "state",
    "group",
    "militant",
    "rebel",
    "fighter",
    "insurgent",
    "gunman",
    "attacker",
    "protester",
    "demonstrator",
    "activist",
    "opposition",
    "coalition",
    "alliance",
    "bloc",
    "organisation",
    "organization",
    "agency",
    "movement",
    "court",
    "prosecutor",
    "commander",
    "chief",
    "navy",
    "guard",
    "soldier",
    "militia",
    "negotiator",
    "team",
    "mission",
    "member",
    "union",
    "kingdom",
    "republic",
    "people",
    "resident",
    "villager",
    "student",
    "worker",
    "company",
    "firm",
    "journalist",
    "crowd",
    "mob",
    "jet",
    "warplane",
    "drone",
    "missile",
    "rocket",
    "aircraft",
    "plane",
    "helicopter",
    "artillery",
    "tank",
    "ship",
    "vessel",
    "warship",
    "boat",
    "unit",
    "battalion",
    "brigade",
    "division",
    "squad",
    "regiment",
    "who",
    "counterpart",
    "host",
    "partner",
    "ally",
    "neighbour",
    "neighbor",
    "power",
    "capital",
    "head",
    "secretary",
    "general",
    "staff",
    "personnel",
    "agent",
    "operative",
    "spy",
    "service",
];

/// Whether the verb's active subject, by the parse, is a thing rather than an agent: a
/// common noun (or a relative pronoun standing for one) that no actor covers and that
/// cannot name an actor ("the bill", "the closure", "an act that …").
fn inanimate_subject(doc: &Document, view: &SentenceView, anchor: usize) -> bool {
    // "… morning after *Kiev* refused": an actor right before the verb, and no preposition's
    // object, is its subject whatever a misparse says.
    if actor_right_before(view, anchor).is_some_and(|a| !view.in_prepositional_phrase(a)) {
        return false;
    }
    // "Safadi *last week* accused Israel": a time phrase misread as the subject is no thing.
    let time = |t: usize| {
        matches!(
            view.lemmas[t].as_str(),
            "week" | "month" | "year" | "weekend" | "night" | "morning" | "evening" | "day"
        )
    };
    // "*Hamas* fighters fired rockets": a noun an armed group modifies is its fighters.
    let armed = |a: usize| match view.actors[a].origin {
        Origin::Mention(m) => doc.mentions[m].actor.is_armed_group(),
        Origin::Implicit(_) => false,
    };
    let modified_by_actor = |t: usize| modifier_actors(view, t).any(|(_, a)| armed(a));
    let thing = |t: usize| {
        view.tokens[t].upos == "NOUN"
            && !time(t)
            && actors_of(doc, view, t).is_empty()
            && !modified_by_actor(t)
            && !AGENT_NOUNS.contains(&view.lemmas[t].as_str())
            && !AGENT_NOUNS.contains(&view.lower[t].trim_end_matches('s'))
    };
    view.tokens.iter().enumerate().any(|(c, tok)| {
        if tok.head != Some(anchor) || tok.deprel != "nsubj" {
            return false;
        }
        let relative = matches!(view.lower[c].as_str(), "that" | "which");
        if relative && view.tokens[anchor].deprel == "acl:relcl" {
            view.tokens[anchor].head.is_some_and(thing)
        } else {
            thing(c)
        }
    })
}

/// The actor ending right before `anchor`, with only auxiliaries and adverbs between.
fn actor_right_before(view: &SentenceView, anchor: usize) -> Option<usize> {
    let mut i = anchor;
    while i > 0 {
        i -= 1;
        if let Some(a) = view.actor_at[i] {
            return Some(a);
        }
        let between = matches!(view.tokens[i].upos.as_str(), "AUX" | "ADV" | "PART")
            || view.lower[i].ends_with("ly");
        if !between {
            return None;
        }
    }
    None
}

/// Whether `token`'s phrase opens with one of the prepositions `words` — on the token itself
/// or, as parsers often attach it, on a compound before it ("*by* special forces soldiers").
pub(crate) fn has_case(view: &SentenceView, token: usize, words: &[&str]) -> bool {
    let case_of = |head: usize| {
        view.tokens.iter().enumerate().any(|(i, t)| {
            t.head == Some(head) && t.deprel == "case" && words.contains(&view.lower[i].as_str())
        })
    };
    case_of(token)
        || view.tokens.iter().enumerate().any(|(k, t)| {
            k < token && t.head == Some(token) && t.deprel == "compound" && case_of(k)
        })
}

/// The actor covering `token` or headed by it, plus the actors of its `conj` dependents.
fn actors_of(doc: &Document, view: &SentenceView, token: usize) -> Vec<usize> {
    let own = |t: usize| {
        view.actor_at[t].or_else(|| (0..view.actors.len()).find(|&a| head_of(doc, view, a) == t))
    };
    // "A *US* drone strike killed …": an attack is the act of the state that modifies it.
    let attacker = |t: usize| {
        ATTACK_NOUNS
            .contains(&view.lemmas[t].as_str())
            .then(|| {
                modifier_actors(view, t)
                    .filter(|&(k, _)| k < t && k + MAX_ATTACK_MODIFIERS >= t)
                    .max_by_key(|&(k, _)| k)
                    .map(|(_, a)| a)
            })
            .flatten()
    };
    let mut out: Vec<usize> = own(token).or_else(|| attacker(token)).into_iter().collect();
    for (c, tok) in view.tokens.iter().enumerate() {
        if tok.head == Some(token) && tok.deprel == "conj" {
            out.extend(own(c));
        }
    }
    out
}

/// Who made the charge a denial at `anchor` turns down, when its object names the maker as
/// a modifier: "Gorbachev rejected *American* criticism of the Soviet record" → the US.
/// The charge is matched by its form, so only in the singular: matching plurals too ("rejected
/// the US accusations") lost two development-set events, whose gold codes a bare denial.
pub(crate) fn charge_maker(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
) -> Option<EventActor> {
    let charge = view.tokens.iter().enumerate().position(|(k, x)| {
        x.head == Some(anchor) && x.deprel == "obj" && view.is_word(k, CHARGE_NOUNS)
    })?;
    let (_, actor) = modifier_actors(view, charge).next()?;
    Some(event_actor(doc, view, actor))
}

/// The actors that modify noun `t` ("*Hamas* fighters", "a *US* strike", "*Israel's* raid"):
/// each modifying token and its actor.
fn modifier_actors<'v>(
    view: &'v SentenceView<'_>,
    t: usize,
) -> impl Iterator<Item = (usize, usize)> + 'v {
    view.tokens.iter().enumerate().filter_map(move |(k, x)| {
        let modifies =
            x.head == Some(t) && matches!(x.deprel.as_str(), "amod" | "compound" | "nmod:poss");
        modifies.then(|| view.actor_at[k].map(|a| (k, a))).flatten()
    })
}

/// Nouns of an attack whose modifying actor carried it out ("a US strike", "Israel's raid").
const ATTACK_NOUNS: &[&str] = &[
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombardment",
    "shelling",
    "offensive",
    "incursion",
];

/// How far before an attack noun its actor may stand ("a *US* drone strike").
const MAX_ATTACK_MODIFIERS: usize = 3;
