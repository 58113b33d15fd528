//! The event-coding stage: patterns → events with roles, modality and ontology facts.

use chronicle_core::{
    ActorCode, DatePrecision, Document, Event, EventActor, EventDateSource, Mention, MentionKind,
    Modality, Span, Stage,
};

use crate::context::{
    coup_makers, dropped_without_target, fill_reaction_targets_naming, names_act,
    needs_context_target, object_noun, reaction_object,
};
use crate::institution::{implied_actor, implied_police, implied_summoner, unnamed_institution};
use crate::lemma::Lemmatizer;
use crate::lexicon::{
    is_violent, AIR_FORCE, BE_FORMS, CAUSATIVES, COMMENTATORS, COMMENT_VERBS, DECISIONS,
    EMBASSY_WORDS, INTENT_WORDS, NAMING_VERBS, NOMINAL_MARKERS, NOT_NOUNS, SPEECH_ACT_ROOTS, VOTES,
};
use crate::matcher::{is_passive, match_at, Match};
use crate::modality::{demanded_code, modality_at, obliged, remap};
use crate::ontology::Ontology;
use crate::patterns::Element;
use crate::patterns::PatternSet;
use crate::roles::{
    answers_a_charge, charge_maker, claim_apposition, has_case, mention_actor, reporters_envoy,
    roles, speaker_of,
};
use crate::sentence::{ClauseKind, Origin, SentenceView};

/// Sentences longer than this many tokens are not coded.
pub const MAX_CODED_TOKENS: usize = 1000;

/// Default cap on events per sentence: expert coders rarely record more, but a lede with an
/// act and a reaction from three states ("vetoed …, drawing criticism from Seoul, Washington
/// and Tokyo") needs four.
pub const MAX_EVENTS_PER_SENTENCE: usize = 5;

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
        self.code_sentence_after(doc, index, &[])
    }

    /// The events of sentence `index`, given the events of the article's earlier sentences
    /// (for a subject that points back: "*The alliance* said it would deploy troops").
    fn code_sentence_after(&self, doc: &Document, index: usize, earlier: &[Event]) -> Vec<Event> {
        let Some(sentence) = doc.sentences.get(index) else {
            return Vec::new();
        };
        // Empty, or a scraped table rather than prose (the segmenter caps real sentences far
        // lower); skipping keeps the coder linear on hostile input.
        if sentence.tokens.is_empty() || sentence.tokens.len() > MAX_CODED_TOKENS {
            return Vec::new();
        }
        let view = SentenceView::new(doc, index, &self.patterns, &self.lemmatizer);
        let mut consumed = vec![false; view.len()];
        let mut events = Vec::new();
        let mut fallback = Vec::new();
        let mut violence_coded = false;
        for anchor in 0..view.len() {
            // "accused Kyiv of …, a charge Ukraine *denies*": the answer is no part of the
            // accusation's frame.
            let answer = consumed[anchor] && claim_apposition(&view, anchor).is_some();
            // "calling *the UAE's agreement* with Israel 'a betrayal'": a nominal event with
            // its own possessor source is an event of its own inside the frame.
            let owned_nominal = consumed[anchor] && view.possessor_before(anchor).is_some();
            if (consumed[anchor] && !answer && !owned_nominal)
                || view.actor_at[anchor].is_some()
                || view.is_name_part(anchor)
                || prenominal_participle(&view, anchor)
                || self.in_requested_action(&view, anchor)
                || in_reduced_relative(&view, anchor)
                || prevented_action(&view, anchor)
                || is_name_given(&view, anchor)
                || targeted_by_measure(&view, anchor)
                || is_month(&view, anchor)
                || weighed_option(&view, anchor)
                || names_a_riot_unit(&view, anchor)
                || standing_support(&view, anchor)
                || no_meeting(&view, anchor)
            {
                continue;
            }
            // The best match that codes an event ("refused to allow girls to *return*": the
            // release reading finds no target, the plain refusal does).
            let mut ranked = self.ranked_matches(&view, anchor);
            if owned_nominal {
                ranked.retain(|m| !m.pattern.prefix.is_empty());
            }
            let mut chosen = None;
            for m in ranked {
                let coded = self.events_for(doc, index, &view, &m, earlier, &events);
                let done = !coded.is_empty();
                if chosen.is_none() || done {
                    chosen = Some((m, coded));
                }
                if done {
                    break;
                }
            }
            let Some((m, coded)) = chosen else {
                continue;
            };
            let violent = is_violent(&m.pattern.code);
            // "shelled Kharkiv, *killing* two civilians": the toll of the attack just coded.
            if violent && violence_coded && view.clause_at(anchor).kind == ClauseKind::Participial {
                continue;
            }
            // "*an attack* on a village", "Houthi *targets*": a violent word without its
            // target slot must be a verb.
            if violent
                && !m.pattern.elements.contains(&Element::Target)
                && !verb_like(&view, anchor)
            {
                continue;
            }
            violence_coded |= violent && !coded.is_empty();
            // What was asked, offered or refused did not happen, even when uncoded.
            let root_of = |code: &str| code.get(..2).map(str::to_owned).unwrap_or_default();
            let speech_act = std::iter::once(root_of(&m.pattern.code))
                .chain(coded.iter().map(|e| root_of(&e.cameo)))
                .any(|root| SPEECH_ACT_ROOTS.contains(&root.as_str()))
                && !m.pattern.options.low_priority;
            let consume_end = match (speech_act, coded.is_empty()) {
                _ if m.pattern.options.open && !coded.is_empty() => anchor + 1,
                // "is *expected* to visit Moscow": a plan that codes nothing leaves its act
                // to be coded, as a future one.
                (true, true) if view.is_word(anchor, INTENT_WORDS) => continue,
                // "responded by accusing Washington": an intent-only threat word that coded
                // nothing (it was no intent) frames nothing either.
                (true, true) if m.pattern.options.intent_only => continue,
                // "spoke with both leaders *and urged* them …": a coordinate verb of the
                // same subject is an act of its own, not part of what was said.
                // "The United States, which requested a meeting of the council, also
                // announced sanctions": a relative clause frames nothing past its end.
                (true, _) => {
                    let relative_end = if view.clause_at(anchor).kind == ClauseKind::Relative {
                        relative_clause_end(&view, m.end)
                    } else {
                        view.len()
                    };
                    view.frame_end(m.end, m.limit, false)
                        .min(next_coordinate_clause(&view, m.end))
                        .min(relative_end)
                        .max(m.end)
                }
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
        // "in retaliation for Tehran's decision *to expel* …": a decision is taken, not asked.
        if view.owned_decision(to) {
            return false;
        }
        let clause = view.clause_at(anchor);
        let decidable = self.anchors_a_decidable_act(view, anchor);
        // "voted to suspend", "agreed to impose sanctions": a decision, not a request.
        let decision =
            |i: usize| view.is_word(i, VOTES) || (decidable && view.is_word(i, DECISIONS));
        (clause.start.max(to.saturating_sub(10))..to).any(|i| {
            // "withdrew an invitation to Lavrov *to visit* London": what is invited is asked.
            if view.is_word(i, &["invitation", "invitations"]) {
                return true;
            }
            // "plans *to impose* sanctions": a plan is the act itself, to come.
            !view.is_name_part(i)
                && !view.is_word(i, INTENT_WORDS)
                // "prompting Tokyo *to lodge* a protest": a cause, not a request.
                && !view.is_word(i, CAUSATIVES)
                && !decision(i)
                && self
                    .patterns
                    .anchored_at(&view.lemmas[i])
                    .any(|p| SPEECH_ACT_ROOTS.contains(&&p.code[..2]) && !p.options.low_priority)
        })
    }

    /// Whether a pattern of a measure (see `is_measure`) or of yielding is anchored at
    /// `anchor`: what a state decides ("agreed to impose sanctions", "agreed *to let* EU
    /// monitors check the flow").
    fn anchors_a_decidable_act(&self, view: &SentenceView, anchor: usize) -> bool {
        self.patterns
            .anchored_at(&view.lemmas[anchor])
            .any(|p| is_measure(&p.code) || p.code.starts_with("08"))
    }

    /// The matches at `anchor`, best first.
    fn ranked_matches<'p>(&'p self, view: &SentenceView, anchor: usize) -> Vec<Match<'p>> {
        let lemma = &view.lemmas[anchor];
        let lower = &view.lower[anchor];
        let candidates = self.patterns.anchored_at(lemma).chain(
            (lower != lemma)
                .then(|| self.patterns.anchored_at(lower))
                .into_iter()
                .flatten(),
        );
        let passive = is_passive(view, anchor);
        let mut found: Vec<Match> = candidates
            .filter_map(|pattern| match_at(view, pattern, anchor, passive))
            .collect();
        // Longest phrase; then the nearest complement word; then file order.
        found.sort_by_key(|x| {
            std::cmp::Reverse((
                x.pattern.specificity(),
                std::cmp::Reverse(x.end),
                std::cmp::Reverse(x.pattern.rank),
            ))
        });
        found
    }

    /// Events for one match: roles, modality, one event per source–target pair.
    fn events_for(
        &self,
        doc: &Document,
        index: usize,
        view: &SentenceView,
        m: &Match,
        earlier: &[Event],
        this_sentence: &[Event],
    ) -> Vec<Event> {
        let opts = &m.pattern.options;
        let (mut sources, mut targets, quote) = roles(doc, view, m);
        for actor in sources.iter_mut().chain(targets.iter_mut()) {
            place_pronoun_government(doc, view, actor);
        }
        if targets.is_empty() && matches!(m.pattern.code.get(..3), Some("174" | "161")) {
            targets.extend(reporters_envoy(doc, view, m, &sources));
        }
        // "urged *them* to resolve the conflict": a pronoun object is who it points to, or
        // no one known.
        // ("extradited *him* to the United States": a bound target is whom it was done to.)
        if let Some(pronoun) = pronoun_object(view, m).filter(|_| m.targets.is_empty()) {
            // "calling *it* 'completely unjustified'": what is named so is an act, which the
            // article context finds.
            let named_act = view.is_word(pronoun, &["it"])
                && NAMING_VERBS.contains(&view.lemmas[m.anchor].as_str());
            if named_act {
                targets.clear();
            } else {
                targets = pronoun_referents(doc, view, pronoun, this_sentence);
                // "after Malaysia declared *him* persona non grata", "Police arrested *him*": no
                // earlier event here, so the person named last.
                if targets.is_empty() {
                    targets.extend(person_referent(doc, view, index, pronoun, &sources));
                }
                // "support the two countries … and called on *them*": not the speaker's own.
                targets.retain(|t| !own_bare_state(&sources, t));
            }
        }
        // "condemned *its* April 5 rocket launch": the act's owner, named earlier in the
        // sentence.
        let reaction = m.pattern.code.starts_with("11") || needs_context_target(&m.pattern.code);
        if targets.is_empty() && reaction {
            targets.extend(possessive_owner(doc, view, m, &sources));
        }
        if opts.untargeted {
            targets.clear();
        }
        let armed = |s: &EventActor| matches!(s.actor.agent.as_deref(), Some("MIL" | "REB"));
        if (opts.sides || opts.armed) && !sources.iter().all(armed)
            || opts.armed && sources.is_empty()
        {
            return Vec::new();
        }
        if opts.sides {
            targets.clear();
        }
        // "French and Malian forces conducted a joint operation against militants": a joint
        // act pairs its sources, not the unnamed group it was against.
        // "The two leaders met on the sidelines of the G20 summit": only a bound $T stands
        // beside a pair of sources.
        if opts.mutual && sources.len() > 1 {
            if m.targets.is_empty() && sources.iter().any(|s| s.mention.is_none()) {
                targets.clear();
            }
            targets.retain(|t| t.mention.is_some());
            // "Erdogan and Kristersson met … in talks hosted by Stoltenberg": two states'
            // actors that meet meet each other; only "with"/"between" names a third party.
            if m.targets.is_empty() && distinct_countries(&sources) > 1 {
                targets.retain(|t| {
                    actor_index(view, t)
                        .is_some_and(|a| view.preceded_by(a, &["with", "between"]).is_some())
                });
            }
        }
        let mut reading = modality_at(view, m.anchor);
        // "China could invade Taiwan, *analysts* said": someone else's speculation, no threat.
        let obligation = reading.modality == Modality::Hypothetical
            && !reading.conditional
            && !m.passive
            && !sources.is_empty()
            && obliged(view, m.anchor);
        if reading.modality == Modality::Hypothetical
            && !obligation
            && speculation_by_others(doc, view, &sources)
        {
            reading.conditional = true;
        }
        // "agreed to impose further sanctions": the decision is the measure.
        if reading.modality == Modality::Future
            && is_measure(&m.pattern.code)
            && decided_before(view, m.anchor)
        {
            reading.modality = Modality::Asserted;
            reading.intent = false;
        }
        if opts.intent_only
            && !matches!(reading.modality, Modality::Future | Modality::Hypothetical)
        {
            return Vec::new();
        }
        let (mut code, mut modality) = remap(m.pattern, reading);
        // "Carter told Brezhnev that Moscow must withdraw its troops": the reporter demands of
        // the subject what it says the subject must do.
        if obligation && modality == Modality::Hypothetical {
            let demand = demanded_code(&m.pattern.code);
            let speaker = speaker_of(doc, view, m.anchor, quote).filter(|s| {
                s.actor.country.is_some()
                    && sources.iter().all(|o| o.actor.country != s.actor.country)
            });
            if let (Some(demand), Some(speaker)) = (demand, speaker) {
                targets = std::mem::replace(&mut sources, vec![speaker]);
                code = demand.to_owned();
                modality = Modality::Asserted;
            }
        }
        // "…, a charge Moscow *rejects*": turning down a charge denies it.
        if code.starts_with("12") && answers_a_charge(view, m.anchor) {
            code = "016".to_owned();
        }
        // "Kigali denies backing the M23": a denial answers whoever made the charge, which the
        // sentence rarely names; what the denied act was aimed at is no target (the gold codes
        // five in six denials without one).
        // Only a charge whose maker modifies it names the target ("rejected *American*
        // criticism").
        if code == "016" {
            targets.clear();
            targets.extend(
                charge_maker(doc, view, m.anchor)
                    .filter(|t| sources.iter().all(|s| s.actor.country != t.actor.country)),
            );
        }
        // "Mr Morsi was detained", "police said 40 people had been arrested": an arrest
        // reported without its agent is the police's.
        if sources.is_empty()
            && code == "173"
            && ARREST_VERBS.contains(&view.lemmas[m.anchor].as_str())
            && (m.passive || is_passive(view, m.anchor))
        {
            sources.extend(implied_police(doc, view, m.anchor, &targets));
        }
        // "The Russian ambassador was summoned to the foreign ministry": by the host state.
        if sources.is_empty()
            && code == "114"
            && !targets.is_empty()
            && view.lemmas[m.anchor] == "summon"
            && (m.passive || is_passive(view, m.anchor))
        {
            sources.extend(implied_summoner(doc, view, m.anchor, &targets));
        }
        place_unplaced_groups(&mut sources, &mut targets, &code);
        place_opposed_government(&sources, &mut targets);
        // "would not withdraw *its soldiers* from Amisom": the forces withdrawn are one's own,
        // never the target; so is the state a leader pulls out of a deal ("Trump pulled *the
        // United States* out of the nuclear deal").
        if m.pattern.code == "087" || m.pattern.code == "160" {
            targets.retain(|t| {
                t.actor.country.is_none()
                    || !sources.iter().any(|s| s.actor.country == t.actor.country)
            });
        }
        if sources.is_empty() {
            match unnamed_institution(doc, view, index, m.anchor)
                .or_else(|| anaphoric_source(doc, view, index, earlier))
            {
                Some(source) => sources.push(source),
                None => return Vec::new(),
            }
        }
        if code.starts_with("14") && targets.is_empty() {
            targets.extend(protest_target(doc, view, m.anchor, &code, &sources));
        }
        // "protesters set fire to *its* embassy in Tehran", "stormed the embassy in Tehran":
        // an assault on an embassy is on the state that owns it, never on the host.
        if code == "171" || code.starts_with("19") {
            let hosts = targets.len();
            targets.retain(|t| !embassy_host(view, t));
            if targets.len() < hosts {
                if let Some(owner) = embassy_protested(doc, view, m.anchor).flatten() {
                    targets.push(owner);
                }
            }
        }
        // "Israeli *jets* struck …", "Russian *drones* attacked …": force from the air.
        if code == "190" && sources.iter().all(|s| is_air_force(&s.text)) {
            code = "195".to_owned();
        }
        // "A *suicide bomber* killed 15 people": a suicide bombing.
        if matches!(code.get(..2), Some("18" | "19"))
            && sources
                .iter()
                .all(|s| s.text.to_lowercase().contains("suicide"))
        {
            code = "1831".to_owned();
        }
        // "Protesters clashed with police", "protesters stormed the embassy": a violent
        // protest, not a battle or a seizure.
        if (code.starts_with("19") || code == "171") && all_of_agent(&sources, "OPP") {
            code = "145".to_owned();
        }
        // "Troops opened fire on crowds of protesters": force against a crowd is a crackdown.
        if code == "190"
            && matches!(view.lemmas[m.anchor].as_str(), "open" | "fire")
            && all_of_agent(&targets, "OPP")
        {
            code = "175".to_owned();
        }
        // "jihadists killed 12 civilians": armed groups killing civilians, a mass violence act.
        if code == "190" && all_of_agent(&sources, "REB") && all_of_agent(&targets, "CVL") {
            code = "180".to_owned();
        }
        // "A US drone strike killed Qassem Soleimani": killing a named person is an
        // assassination.
        if matches!(code.as_str(), "180" | "190" | "195")
            && matches!(view.lemmas[m.anchor].as_str(), "kill" | "shoot" | "gun")
            && !targets.is_empty()
            && targets.iter().all(|t| {
                t.mention
                    .is_some_and(|k| doc.mentions[k].kind == MentionKind::Person)
            })
        {
            code = "186".to_owned();
        }
        // "Iraq recalled its ambassador … after missiles slammed into Erbil, *killing* four
        // civilians": a state or its government as the killer of its own civilians is a
        // subject borrowed from another clause (soldiers and police who open fire stay).
        if is_violent(&code) && !targets.is_empty() {
            targets.retain(|t| !kills_own_side(&sources, t, &code));
            if targets.is_empty() {
                return Vec::new();
            }
        }
        // "after seizing *El Fasher*": taking a place is occupying territory, not an arrest.
        if code == "173"
            && matches!(view.lemmas[m.anchor].as_str(), "seize" | "capture")
            && !targets.is_empty()
            && targets
                .iter()
                .all(|t| t.mention.is_none() && t.actor.agent.is_none())
        {
            code = "192".to_owned();
        }
        // "ordered seven UN officials to leave": expelling an international organisation's
        // staff is expelling aid workers, not diplomats.
        // "ordered the European Union's ambassador to leave" is still an expulsion of a diplomat.
        let envoy = || {
            (m.anchor..view.len().min(m.trigger_end + MAX_ENVOY_DISTANCE))
                .any(|i| view.is_word(i, ENVOY_WORDS))
        };
        if matches!(code.as_str(), "174" | "166")
            && !targets.is_empty()
            && targets.iter().all(|t| t.actor.code.starts_with("IGO"))
            && !envoy()
        {
            code = "1663".to_owned();
        }
        // "Hezbollah militants captured two Israeli soldiers": armed groups do not arrest, they
        // abduct or take hostages.
        if code == "173" && sources.iter().all(|s| s.actor.is_armed_group()) {
            code = "181".to_owned();
        }
        // "ordered aid agencies to leave *the country*": whom one expels is never one's own
        // state.
        if matches!(code.as_str(), "174" | "166" | "1663") {
            targets.retain(|t| !own_bare_state(&sources, t));
            if targets.is_empty() {
                return Vec::new();
            }
        }
        // "suspended French broadcaster RFI": cutting off the press is a restriction of its
        // freedom, not a break with a state.
        if code.starts_with("16") && all_of_agent(&targets, "MED") {
            code = "1721".to_owned();
        }
        // "The first Russian paratroopers have landed in Kazakhstan", "Kenyan police officers
        // arrived in Haiti": troops and police sent abroad are a deployment, not a visit.
        if code == "042" && sources.iter().all(|s| is_deployed_force(&s.text)) {
            code = "074".to_owned();
        }
        // "Doha, which hosts US forces": basing troops is no visit.
        if code == "043" {
            targets.retain(|t| !is_troops(&t.text));
            if targets.is_empty() {
                return Vec::new();
            }
        }
        // "Sonthi declared martial law", "declared a state of emergency across the country":
        // emergency rule is imposed on the state's own people.
        if code == "1724" {
            targets.retain(|t| !own_bare_state(&sources, t));
            if targets.is_empty() {
                targets.extend(sources.first().and_then(|s| own_civilians(doc, view, m, s)));
            }
        }
        let Some(cameo) = self.ontology.get(&code) else {
            return Vec::new();
        };
        let mut pairs: Vec<(EventActor, Option<EventActor>)> = Vec::new();
        // A statement "about" one's own country is no dyad.
        // "the North Korean army chief warned that North Korea …": a state and one of its
        // own organs are one side; two organs of a state ("police arrested activists") are not.
        let same_side = |s: &EventActor, t: &EventActor| {
            let same_country = s.actor.country.is_some() && s.actor.country == t.actor.country;
            let bare_state = s.actor.agent.is_none() || t.actor.agent.is_none();
            // An unnamed group is never an organ of the state it is in ("Kenyan police killed
            // three protesters").
            let organ = t.mention.is_some();
            // "Rebels attacked an army base in eastern Congo": insurgents fight their state.
            let insurgent = s.actor.agent.as_deref() == Some("REB") && is_violent(&code);
            // A visit to a place of one's own state is no visit abroad ("Modi's visit to the
            // Lakshadweep islands").
            let home_visit =
                code.starts_with("04") && t.mention.is_none() && t.actor.agent.is_none();
            t.actor.code == s.actor.code
                || (same_country && home_visit)
                || (organ && same_country && !insurgent && (opts.low_priority || bare_state))
        };
        // "he told reporters", "speaking to The New York Times": the press is the audience of
        // a statement, not its target.
        let audience = |t: &EventActor| {
            matches!(code.as_str(), "010" | "040") && t.actor.agent.as_deref() == Some("MED")
        };
        for s in &sources {
            for t in &targets {
                if !same_side(s, t) && !audience(t) {
                    pairs.push((s.clone(), Some(t.clone())));
                }
            }
        }
        // "Thailand and Cambodia accused *each other*": every source acts on every other.
        let reciprocal = reciprocal_object(view, m.trigger_end);
        // "A joint mission of the UN, the AU and ECOWAS held talks *with* Zida": the partner
        // is named, though not known; the joint sources did not meet each other.
        // ("fought *with rifles*" names the arms, not a partner.)
        let partner_named = opts.mutual
            && view.is_word(m.trigger_end, &["with"])
            && !names_arms(view, m.trigger_end + 1);
        if targets.is_empty() && (opts.mutual || reciprocal) && sources.len() > 1 && !partner_named
        {
            for s in &sources {
                for t in &sources {
                    if t.actor.code != s.actor.code {
                        pairs.push((s.clone(), Some(t.clone())));
                    }
                }
            }
        }
        // An intent is to do something with someone: "said it was ready to return to talks"
        // with no one named says too little to code.
        // "welcomed the agreement": the article names whom (see `context`).
        let from_context = needs_context_target(&code) && m.targets.is_empty();
        let needs_target = !from_context && (opts.target_required || code.starts_with("03"));
        // "The Kremlin denied that *Russia* was behind the attack": a statement about one's own
        // side is still a statement, with no target.
        // "said any aggression against *Niger* would meet a response": a threat about one's
        // own side is aimed at whoever the article says.
        let only_own_side = code.starts_with("01") || needs_context_target(&code);
        if pairs.is_empty() && !needs_target && (targets.is_empty() || only_own_side) {
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
                reports: 1,
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
            let first = events.len();
            let coded = self.code_sentence_after(doc, index, &events);
            events.extend(coded);
            fill_reaction_targets_naming(
                &mut events,
                first,
                &|e| reaction_object(doc, e),
                &|reaction| object_noun(doc, reaction),
                &|act, noun| names_act(doc, act, noun),
                &|reaction| coup_makers(doc, reaction),
            );
            let sentence = events.split_off(first);
            events.extend(sentence.into_iter().filter(|e| {
                e.target.is_some()
                    || !(needs_context_target(&e.cameo) || dropped_without_target(&e.cameo))
            }));
        }
        doc.events.extend(events);
    }
}

/// An unnamed group the sentence does not place ("police killed three *protesters*") is
/// on the other side's state in a domestic act of force (roots 17–20); otherwise it is no
/// actor.
fn place_unplaced_groups(sources: &mut Vec<EventActor>, targets: &mut Vec<EventActor>, code: &str) {
    let unplaced = |a: &EventActor| a.mention.is_none() && a.actor.country.is_none();
    let domestic = matches!(code.get(..2), Some("17" | "18" | "19" | "20"));
    let home = sources.iter().find_map(|s| s.actor.country.clone());
    // "Maduro accused *the opposition* of …", "the opposition accused *the government*":
    // a state's political sides answer each other, whatever the act.
    let political = |t: &EventActor| matches!(t.actor.agent.as_deref(), Some("OPP" | "GOV"));
    // "Karimov blamed Islamic *militants* for the unrest": a state's charge against armed men
    // it names nowhere is against its own insurgents.
    let charged_insurgents = |t: &EventActor| {
        code.starts_with("112")
            && t.actor.agent.as_deref() == Some("REB")
            && sources
                .iter()
                .all(|s| matches!(s.actor.agent.as_deref(), Some("GOV" | "MIL" | "COP")))
    };
    // "Taylor resigned, bowing to demands from *rebels*": a leader gives in to his own.
    let yielded = code.starts_with("083");
    for t in targets.iter_mut().filter(|t| unplaced(t)) {
        if let Some(country) = home
            .as_ref()
            .filter(|_| domestic || yielded || political(t) || charged_insurgents(t))
        {
            t.actor = ActorCode::new(Some(country), t.actor.agent.as_deref(), "");
        }
    }
    // "unidentified gunmen shot Moïse dead", "militants killed five Nigerian soldiers": armed
    // men striking inside a state are that state's rebels.
    let struck = targets.iter().find_map(|t| t.actor.country.clone());
    for s in sources.iter_mut().filter(|s| unplaced(s)) {
        let armed = s.actor.agent.as_deref() == Some("REB");
        if let Some(country) = struck.as_ref().filter(|_| domestic && armed) {
            s.actor = ActorCode::new(Some(country), Some("REB"), "");
        }
    }
    targets.retain(|t| !unplaced(t));
    sources.retain(|s| !unplaced(s));
}

/// "The Congress party accused *the government* of keeping the nation in the dark": the
/// bare government a party or the opposition answers is its own state's, whichever state
/// the article named before.
fn place_opposed_government(sources: &[EventActor], targets: &mut [EventActor]) {
    let opposition = sources.iter().find_map(|s| {
        matches!(s.actor.agent.as_deref(), Some("OPP" | "PTY"))
            .then(|| s.actor.country.clone())
            .flatten()
    });
    if let Some(home) = opposition {
        for t in targets.iter_mut().filter(|t| {
            t.actor.agent.as_deref() == Some("GOV")
                && t.actor.country.as_deref() != Some(home.as_str())
                && matches!(
                    t.text.to_lowercase().as_str(),
                    "government" | "the government"
                )
        }) {
            t.actor = ActorCode::new(Some(&home), Some("GOV"), "");
        }
    }
}

/// "Ghani said *his government* would hold talks": a government owned by a pronoun, which
/// the actor stage leaves without a state, is that of the actor named last before it.
fn place_pronoun_government(doc: &Document, view: &SentenceView, actor: &mut EventActor) {
    if actor.actor.country.is_some() || actor.actor.agent.as_deref() != Some("GOV") {
        return;
    }
    let Some(a) = actor_index(view, actor) else {
        return;
    };
    let start = view.actors[a].start;
    let possessive = |i: usize| view.is_word(i, &["his", "her", "its", "their"]);
    let owned = possessive(start) || possessive(start.wrapping_sub(1));
    if !owned {
        return;
    }
    if let Some(country) = (0..a)
        .rev()
        .find_map(|b| crate::roles::country_of(doc, view, b))
    {
        actor.actor = ActorCode::new(Some(&country), Some("GOV"), "");
    }
}

/// Verbs of arrest by the police (a charge or an indictment is a court's).
const ARREST_VERBS: &[&str] = &["arrest", "detain", "jail", "imprison", "apprehend", "nab"];

/// The civilians of `source`'s state, standing at the trigger of `m` (the sentence names
/// them only through the act).
fn own_civilians(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
    source: &EventActor,
) -> Option<EventActor> {
    let country = source.actor.country.as_deref()?;
    Some(implied_actor(
        doc,
        view.tokens[m.anchor].span,
        country,
        "CVL",
    ))
}

/// Whether there are `actors` and all are of the sector `agent` ("OPP", "MED" …).
fn all_of_agent(actors: &[EventActor], agent: &str) -> bool {
    !actors.is_empty()
        && actors
            .iter()
            .all(|a| a.actor.agent.as_deref() == Some(agent))
}

/// Whether `target` is the bare state of one of the `sources` (no organ of it named).
fn own_bare_state(sources: &[EventActor], target: &EventActor) -> bool {
    target.actor.agent.is_none()
        && sources
            .iter()
            .any(|s| s.actor.country == target.actor.country)
}

/// "to consider *suspending* Guinea", "is weighing *expelling* diplomats": a measure weighed is
/// not taken (the weighing itself is 014, coded from its own verb).
fn weighed_option(view: &SentenceView, anchor: usize) -> bool {
    view.lower[anchor].ends_with("ing")
        && anchor > 0
        && matches!(
            view.lemmas[anchor - 1].as_str(),
            "consider" | "weigh" | "mull" | "contemplate"
        )
}

/// "*riot* police", "*riot* gear": the word names the unit or its kit, not a riot.
fn names_a_riot_unit(view: &SentenceView, anchor: usize) -> bool {
    view.is_word(anchor, &["riot"])
        && view.is_word(
            anchor + 1,
            &[
                "police",
                "policemen",
                "officers",
                "gear",
                "squad",
                "squads",
                "units",
                "troops",
                "shields",
                "control",
            ],
        )
}

/// Whether token `i` reads as a verb: the tagger's word when there is a parse, else its form.
fn verb_like(view: &SentenceView, i: usize) -> bool {
    if view.parsed {
        return view.tokens[i].upos == "VERB";
    }
    let prev = i.wrapping_sub(1);
    !view.is_word(prev, NOMINAL_MARKERS)
        && (view.trigger_verb[i]
            || view.lower[i].ends_with("ed")
            || view.lower[i].ends_with("ing")
            // "could *use* force", "Rebels *attack* …"
            || view.is_word(prev, VERB_BEFORE)
            || view.actor_at.get(prev).is_some_and(Option::is_some))
}

/// Words after which a bare form is a verb.
const VERB_BEFORE: &[&str] = &[
    "could", "would", "will", "may", "might", "must", "should", "can", "to", "not", "n't", "did",
    "do", "does", "also", "then", "later",
];

/// Words that, opening a sentence, point back to an actor named before: "*It* summoned
/// the envoy", "*The alliance* said it would deploy troops".
const ANAPHORIC_SUBJECTS: &[&str] = &[
    "alliance",
    "bloc",
    "ministry",
    "council",
    "organisation",
    "organization",
    "agency",
    "movement",
    "administration",
    "cabinet",
];

/// The object pronoun right after the trigger ("accusing *them* of meddling", "called on
/// *them*"), if there is one.
fn pronoun_object(view: &SentenceView, m: &Match) -> Option<usize> {
    // "accusing *it* of meddling" (not "warned *it* would respond": a clause's subject).
    let it_object = |i: usize| {
        view.is_word(i, &["it"]) && matches!(view.tokens[i].deprel.as_str(), "obj" | "iobj")
    };
    [m.anchor + 1, m.trigger_end].into_iter().find_map(|i| {
        view.object_pronoun_at(i)
            .or_else(|| it_object(i).then_some(i))
    })
}

/// Whom an object pronoun stands for: the target of the sentence's latest event ("ordered
/// seven UN officials to leave, accusing *them*"); "them" takes every target that event
/// had ("spoke with both leaders and urged *them*").
fn pronoun_referents(
    doc: &Document,
    view: &SentenceView,
    pronoun: usize,
    this_sentence: &[Event],
) -> Vec<EventActor> {
    let Some(last) = this_sentence.last() else {
        return Vec::new();
    };
    // "it" is a state or a body, never a person.
    if view.is_word(pronoun, &["it"]) {
        let person = |t: &EventActor| {
            t.mention
                .is_some_and(|k| doc.mentions[k].names_one_person())
        };
        return last.target.iter().filter(|t| !person(t)).cloned().collect();
    }
    if !view.is_word(pronoun, &["them"]) {
        return last.target.iter().cloned().collect();
    }
    this_sentence
        .iter()
        .filter(|e| e.trigger == last.trigger)
        .filter_map(|e| e.target.clone())
        .collect()
}

/// Whom "him"/"her" stands for when no event came before it in the sentence: the last
/// person named before it in the sentence who is not the actor, else the one person named
/// in the sentence before.
fn person_referent(
    doc: &Document,
    view: &SentenceView,
    index: usize,
    pronoun: usize,
    sources: &[EventActor],
) -> Option<EventActor> {
    if !view.is_word(pronoun, &["him", "her"]) {
        return None;
    }
    let acting = |m: &Mention| sources.iter().any(|s| s.actor == m.actor);
    let here = doc
        .mentions_in(index)
        .filter(|(_, m)| m.tokens.1 <= pronoun && m.names_one_person() && !acting(m))
        .last();
    if let Some((k, _)) = here {
        return Some(mention_actor(doc, k));
    }
    let before: Vec<(usize, &Mention)> = doc
        .mentions_in(index.checked_sub(1)?)
        .filter(|(_, m)| m.names_one_person())
        .collect();
    let (&(k, first), rest) = before.split_first()?;
    let one_person = rest.iter().all(|(_, m)| m.actor == first.actor);
    (one_person && !acting(first)).then(|| mention_actor(doc, k))
}

/// The actor an anaphoric sentence subject refers to: the source of the latest event of the
/// sentence just before (only one sentence back, where the reference is safe); for "it",
/// when that sentence coded nothing, its subject ("China's foreign ministry said …. *It*
/// urged Vilnius …").
fn anaphoric_source(
    doc: &Document,
    view: &SentenceView,
    index: usize,
    earlier: &[Event],
) -> Option<EventActor> {
    let it = view.is_word(0, &["it"]);
    let opens_with_anaphor =
        it || (view.is_word(0, &["the"]) && view.is_word(1, ANAPHORIC_SUBJECTS));
    if !opens_with_anaphor || index == 0 {
        return None;
    }
    match earlier.last() {
        Some(last) if last.sentence + 1 == index => last.source.clone(),
        _ if it => subject_non_person(doc, index - 1),
        _ => None,
    }
}

/// The first actor that is a subject in sentence `s` when it is not a person (an "it" may
/// refer to a state, a ministry or an organisation, never to a person).
fn subject_non_person(doc: &Document, s: usize) -> Option<EventActor> {
    let tokens = &doc.sentences.get(s)?.tokens;
    let (k, m) = doc
        .mentions_in(s)
        .find(|(_, m)| m.is_parsed_subject(tokens))?;
    (!m.names_one_person()).then(|| mention_actor(doc, k))
}

/// How many countries the actors belong to (an actor without one counts as its own).
fn distinct_countries(actors: &[EventActor]) -> usize {
    let mut sides: Vec<&str> = actors
        .iter()
        .map(|a| a.actor.country.as_deref().unwrap_or(a.actor.code.as_str()))
        .collect();
    sides.sort_unstable();
    sides.dedup();
    sides.len()
}

/// The sentence actor an event actor was built from.
fn actor_index(view: &SentenceView, actor: &EventActor) -> Option<usize> {
    view.actors
        .iter()
        .position(|a| view.tokens[a.start].span.start == actor.span.start)
}

/// Whether an actor is directly followed by a reporting verb ("…, *Nato said*").
pub(crate) fn is_reporting_speaker(view: &SentenceView, actor: &EventActor) -> bool {
    view.tokens
        .iter()
        .position(|t| t.span.start >= actor.span.end)
        .is_some_and(|next| view.is_word(next, REPORTING_VERBS))
}

/// Verbs of attribution that end a report ("…, officials *said*").
const REPORTING_VERBS: &[&str] = &["said", "says", "reported", "added", "announced"];

/// Roots 16–17 and 191: reducing relations, coercion (sanctions, expulsions) and closing
/// borders or airspace.
fn is_measure(code: &str) -> bool {
    matches!(code.get(..2), Some("16" | "17")) || code == "191"
}

/// "agreed *to impose*", "decided on Monday *to expel*", "agreed to ban … and *to impose*":
/// an infinitive a few words after a verb of deciding, or coordinated with one that is.
fn decided_before(view: &SentenceView, anchor: usize) -> bool {
    let Some(to) = anchor.checked_sub(1).filter(|&i| view.is_word(i, &["to"])) else {
        return false;
    };
    if (to.saturating_sub(4)..to).any(|i| view.is_word(i, DECISIONS)) || view.owned_decision(to) {
        return true;
    }
    // The coordinated infinitive opens a clause of its own: look back past it.
    view.is_word(to.wrapping_sub(1), &["and"])
        && (to.saturating_sub(16)..to.saturating_sub(1))
            .rev()
            .find(|&i| view.is_word(i, &["to"]))
            .is_some_and(|first| first > 0 && decided_before(view, first + 1))
}

/// "since *March*", "in *May*": capitalised month names are no verbs.
fn is_month(view: &SentenceView, i: usize) -> bool {
    matches!(view.tokens[i].text.as_str(), "March" | "May")
}

/// "US forces", "American troops": a body of soldiers rather than a visitor.
fn is_troops(text: &str) -> bool {
    ends_with_word(text, TROOPS)
}

/// Head nouns of a body of soldiers.
const TROOPS: &[&str] = &["forces", "troops", "soldiers", "personnel", "base", "bases"];

/// Whether every source is a state whose civilians (or workers, students, medics, clergy)
/// `target` is, or its government in a plain killing (190; a gas attack on its own people,
/// 2041, is what it says); nor does a state or its government strike its own forces
/// ("Raisi spoke two weeks after an air strike … killed seven members of the Revolutionary
/// Guards" borrows the subject of another clause).
fn kills_own_side(sources: &[EventActor], target: &EventActor, code: &str) -> bool {
    let agent = target.actor.agent.as_deref();
    let own_forces = matches!(agent, Some("MIL" | "COP" | "SPY"));
    let own_people = matches!(agent, Some("CVL" | "LAB" | "EDU" | "HLH" | "REL"));
    (own_people || own_forces)
        && sources.iter().all(|s| {
            s.actor.country == target.actor.country
                && match s.actor.agent.as_deref() {
                    None => true,
                    Some("GOV") => own_forces || code == "190",
                    _ => false,
                }
        })
}

/// Troops, paratroopers, peacekeepers and police officers: a force that deploys.
fn is_deployed_force(text: &str) -> bool {
    is_troops(text)
        || ends_with_word(
            text,
            &[
                "paratroopers",
                "peacekeepers",
                "contingent",
                "officers",
                "police",
                "marines",
            ],
        )
}

/// Words for a diplomat sent by a state or an organisation.
const ENVOY_WORDS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
    "chargé",
    "charge",
];

/// How far after an expulsion's trigger the expelled envoy may be named.
const MAX_ENVOY_DISTANCE: usize = 6;

/// Aircraft, drones and missiles as the attacker: an aerial attack (195).
fn is_air_force(text: &str) -> bool {
    ends_with_word(text, AIR_FORCE)
}

/// Whether the last word of an actor's text (its head noun) is one of `words`.
fn ends_with_word(text: &str, words: &[&str]) -> bool {
    let last = text.rsplit(' ').next().unwrap_or_default().to_lowercase();
    words.contains(&last.as_str())
}

/// A hypothetical said by a commentator ("analysts said", "experts believe") or by a state
/// other than the would-be actor's.
fn speculation_by_others(doc: &Document, view: &SentenceView, sources: &[EventActor]) -> bool {
    (0..view.len())
        .filter(|&i| view.is_word(i, COMMENT_VERBS))
        .any(|i| {
            let mut s = i;
            while s > 0 && view.lower[s - 1].ends_with("ly") {
                s -= 1;
            }
            let Some(speaker) = s.checked_sub(1) else {
                return false;
            };
            match view.actor_at[speaker] {
                None => view.is_word(speaker, COMMENTATORS),
                Some(a) => {
                    let country = crate::roles::country_of(doc, view, a);
                    country.is_some() && !sources.iter().any(|src| src.actor.country == country)
                }
            }
        })
}

fn dedupe_within_sentence(events: &mut Vec<Event>) {
    // "fired missiles around Taiwan as it began drills": the act coded with its target
    // makes the same source's targetless event of that code a repeat.
    let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone());
    let aimed: std::collections::HashSet<(Option<String>, String)> = events
        .iter()
        .filter(|e| e.target.is_some())
        .map(|e| (code(&e.source), e.cameo.clone()))
        .collect();
    // A welcome or threat the article gives its target is no repeat: "welcomed the
    // agreement and praised Turkey" welcomes the parties, not Turkey.
    events.retain(|e| {
        e.target.is_some()
            || needs_context_target(&e.cameo)
            || !aimed.contains(&(code(&e.source), e.cameo.clone()))
    });
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone());
        seen.insert((code(&e.source), code(&e.target), e.cameo.clone()))
    });
}

/// Where a relative clause that runs past `from` gives way to its antecedent's own verb: at
/// the comma before a finite verb ("…, which requested a meeting for Friday*, also
/// announced* sanctions").
fn relative_clause_end(view: &SentenceView, from: usize) -> usize {
    (from..view.len())
        .find(|&i| {
            view.is_word(i, &[","])
                && (i + 1..view.len().min(i + 3))
                    .find(|&k| view.tokens[k].upos != "ADV")
                    .is_some_and(|k| matches!(view.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP"))
        })
        .unwrap_or(view.len())
}

/// Where the next coordinate clause opened by "and"/"or" after `from` starts (the
/// sentence's end when none does).
fn next_coordinate_clause(view: &SentenceView, from: usize) -> usize {
    view.clauses
        .iter()
        .find(|c| {
            c.start >= from
                && c.kind == ClauseKind::Coordinate
                && view.is_word(c.start, &["and", "or"])
        })
        .map_or(view.len(), |c| c.start)
}

/// Whether "each other" or "one another" follows the trigger (a word may come between:
/// "accused *each other*", "blamed *one another*", "traded accusations with each other").
fn reciprocal_object(view: &SentenceView, trigger_end: usize) -> bool {
    (trigger_end..trigger_end + 3).any(|i| {
        (view.is_word(i, &["each"]) && view.is_word(i + 1, &["other"]))
            || (view.is_word(i, &["one"]) && view.is_word(i + 1, &["another"]))
    })
}

/// "a package of sanctions *targeting* members of the Duma": what a measure targets is no
/// attack (the measure is coded on its own).
fn targeted_by_measure(view: &SentenceView, anchor: usize) -> bool {
    view.lemmas[anchor] == "target"
        && anchor.checked_sub(1).is_some_and(|p| {
            matches!(
                view.lemmas[p].as_str(),
                "sanction" | "measure" | "tariff" | "restriction" | "ban" | "embargo" | "curb"
            )
        })
}

/// Verbs that keep someone from an act ("barred its citizens from *travelling*").
const PREVENTING_VERBS: &[&str] = &[
    "bar", "ban", "prevent", "stop", "prohibit", "forbid", "block", "keep", "deter", "refrain",
    "abstain", "desist", "restrict",
];

/// How far before "from" the preventing verb may stand.
const MAX_PREVENTED_GAP: usize = 8;

/// "barred its citizens from *travelling* to Lebanon", "prevented the two countries from
/// *signing* a peace treaty": the act kept from happening is no event.
fn prevented_action(view: &SentenceView, anchor: usize) -> bool {
    let Some(from) = anchor
        .checked_sub(1)
        .filter(|&f| view.is_word(f, &["from"]))
    else {
        return false;
    };
    view.lower[anchor].ends_with("ing")
        && (from.saturating_sub(MAX_PREVENTED_GAP)..from)
            .any(|i| PREVENTING_VERBS.contains(&view.lemmas[i].as_str()))
}

/// Whether the noun at `anchor` is the name a speaker gives an act ("called the launch a
/// disguised *test*", "described the raid as *an invasion*"): a judgement, not an act of the
/// speaker's. "called *for* talks" asks for the act instead (see `in_requested_action`).
fn is_name_given(view: &SentenceView, anchor: usize) -> bool {
    if !view.parsed || view.tokens[anchor].upos != "NOUN" {
        return false;
    }
    let clause = view.clause_at(anchor);
    let Some(verb) = (clause.start.max(anchor.saturating_sub(8))..anchor)
        .rev()
        .find(|&i| {
            NAMING_VERBS.contains(&view.lemmas[i].as_str())
                && view.tokens[i].upos == "VERB"
                && !view.is_word(i + 1, &["for", "on", "upon"])
        })
    else {
        return false;
    };
    // The name follows the named: "called *the launch* a …", "described *it* as …"; the
    // named act itself ("calling the UAE's *agreement* … 'a betrayal'") is coded.
    (verb + 1..anchor).any(|k| {
        view.is_word(k, &["a", "an", "as"])
            && (verb + 1..k)
                .any(|m| matches!(view.tokens[m].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
    })
}

/// What only looks like a meeting: meeting a standard ("neither met the criteria for
/// membership", "help the country meet the conditions of the IMF"), and the participle that
/// says where an actor sits ("EU foreign ministers *meeting in Berlin* warned Ankara").
fn no_meeting(view: &SentenceView, anchor: usize) -> bool {
    if view.lemmas[anchor] != "meet" {
        return false;
    }
    let standard = (anchor + 1..view.tokens.len().min(anchor + 4)).any(|k| {
        view.is_word(
            k,
            &[
                "condition",
                "conditions",
                "criteria",
                "criterion",
                "requirement",
                "requirements",
                "standard",
                "standards",
                "target",
                "targets",
                "goal",
                "goals",
                "deadline",
                "obligations",
                "needs",
                "expectations",
                "demand",
                "demands",
                "threshold",
            ],
        )
    });
    let where_seated = view.is_word(anchor, &["meeting"])
        && anchor > 0
        && matches!(view.tokens[anchor - 1].upos.as_str(), "NOUN" | "PROPN")
        && view.is_word(anchor + 1, &["in", "at"]);
    standard || where_seated
}

/// Whom a protest naming no target is aimed at: the state whose embassy the crowd gathers at
/// ("rallied outside the *Japanese* embassy in Seoul"), else the actor its words name later
/// in the sentence ("chanting slogans *against France*"), else, for a demonstration by the
/// public or an election boycott by the opposition, its own government ("protesters marched
/// in Abuja", as the gold codes three in four such protests).
fn protest_target(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
    code: &str,
    sources: &[EventActor],
) -> Option<EventActor> {
    if let Some(embassy) = embassy_protested(doc, view, anchor) {
        return embassy;
    }
    if let Some(named) = named_against(doc, view, anchor, sources) {
        return Some(named);
    }
    // (A party boycotting an election boycotts the government that holds it.)
    let boycott = code == "143";
    let public = |s: &EventActor| match s.actor.agent.as_deref() {
        Some("OPP" | "CVL" | "EDU" | "LAB") => true,
        Some("PTY") => boycott,
        _ => false,
    };
    let home = sources
        .first()
        .filter(|s| public(s))?
        .actor
        .country
        .clone()?;
    ((code.starts_with("141") || boycott) && sources.iter().all(public))
        .then(|| implied_actor(doc, view.tokens[anchor].span, &home, "GOV"))
}

/// The government of the state whose embassy the trigger's clause names, if it names one:
/// `Some(None)` for an embassy of no state the sentence names ("stormed *the* embassy").
fn embassy_protested(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
) -> Option<Option<EventActor>> {
    let clause = view.clause_of[anchor];
    let k = (anchor + 1..view.tokens.len().min(anchor + 12))
        .take_while(|&k| view.clause_of[k] == clause)
        .find(|&k| view.is_word(k, EMBASSY_WORDS))?;
    // "the Japanese Embassy", "Japan's embassy", "the embassy" spanned by its mention.
    let state = view.actors.iter().find_map(|a| match a.origin {
        Origin::Mention(i) if a.start <= k && (k..=k + 2).contains(&(a.end + 1)) => {
            doc.mentions[i].actor.country.clone()
        }
        _ => None,
    });
    Some(state.map(|c| implied_actor(doc, view.tokens[k].span, &c, "GOV")))
}

/// Whether `actor` is the place an embassy stands in ("the embassy *in Tehran*").
fn embassy_host(view: &SentenceView, actor: &EventActor) -> bool {
    actor_index(view, actor).is_some_and(|a| {
        let start = view.actors[a].start;
        start >= 2 && view.is_word(start - 1, &["in"]) && view.is_word(start - 2, EMBASSY_WORDS)
    })
}

/// The actor named right after "against", "denouncing" or "condemning" later in the sentence,
/// unless it is the protesters' own.
fn named_against(
    doc: &Document,
    view: &SentenceView,
    anchor: usize,
    sources: &[EventActor],
) -> Option<EventActor> {
    let i = (anchor + 1..view.tokens.len())
        .filter(|&k| view.is_word(k, &["against", "denouncing", "condemning"]))
        .find_map(|k| {
            view.actors.iter().find_map(|a| match a.origin {
                Origin::Mention(i) if (k + 1..k + 4).contains(&a.start) => Some(i),
                _ => None,
            })
        })?;
    let own = sources
        .iter()
        .any(|s| s.actor.code == doc.mentions[i].actor.code);
    (!own).then(|| mention_actor(doc, i))
}

/// "Iran, which *backs* the Houthis, …", "where Algeria *backs* the Polisario": backing
/// described in the present tense, in a relative clause, is a standing alliance the article
/// recalls, not an act of the day; so is fighting described by a participle on the fighters
/// ("Qatar, which backed rebels *fighting* Assad"; but "forces have been fighting rebels" is
/// the news).
fn standing_support(view: &SentenceView, anchor: usize) -> bool {
    let described_fighting = view.is_word(anchor, &["fighting", "battling"])
        && anchor > 0
        && !view.is_word(anchor - 1, BE_FORMS)
        && matches!(view.tokens[anchor - 1].upos.as_str(), "NOUN" | "PROPN");
    described_fighting
        || view.is_word(anchor, &["backs", "supports", "arms", "funds"])
            && (anchor.saturating_sub(2)..anchor)
                .any(|i| view.is_word(i, &["which", "who", "where"]))
}

/// "arrested two U.S. citizens *accused* of plotting": a participle right after a plural
/// noun, once the clause already has its verb, describes the noun; it is no new event.
fn in_reduced_relative(view: &SentenceView, anchor: usize) -> bool {
    let Some(prev) = anchor.checked_sub(1) else {
        return false;
    };
    // "protesters *opposed to* tax increases": the verb takes an object, so "opposed to"
    // without "be" is an adjective on the noun.
    if view.is_word(anchor, &["opposed"])
        && view.is_word(anchor + 1, &["to"])
        && !(anchor.saturating_sub(2)..anchor).any(|i| view.is_word(i, BE_FORMS))
    {
        return true;
    }
    // "backed *opposing* sides": an adjective, no rejection.
    if view.is_word(anchor, &["opposing"])
        && view
            .tokens
            .get(anchor + 1)
            .is_some_and(|t| t.upos == "NOUN")
    {
        return true;
    }
    let word = view.lower[prev].as_str();
    let plural_noun = view.actor_at[prev].is_none()
        && word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().all(char::is_alphabetic)
        && !NOT_NOUNS.contains(&word);
    let participle = view.lower[anchor].ends_with("ed") || view.trigger_verb[anchor];
    // "met in talks *hosted by* Stoltenberg": the host is a mediator the sentence names.
    let mediation = view.is_word(anchor, &["hosted", "mediated", "brokered"]);
    if !mediation && agentless_participle_modifier(view, anchor) {
        return true;
    }
    let clause = view.clause_at(anchor);
    participle && plural_noun && !mediation && (clause.start..prev).any(|i| view.trigger_verb[i])
}

/// Participles that describe what was done to the people or troops before them.
const PATIENT_PARTICIPLES: &[&str] = &[
    "detained",
    "held",
    "jailed",
    "imprisoned",
    "arrested",
    "killed",
    "wounded",
    "injured",
    "kidnapped",
    "abducted",
    "taken",
    "captured",
    "seized",
    "deported",
    "expelled",
    "sentenced",
    "convicted",
    "executed",
    "stationed",
    "deployed",
    "based",
    "trapped",
    "stranded",
];

/// "10 Americans *imprisoned* in the South American country": a past participle right after
/// the actor it modifies, with no by-agent, names no one who acted; the clause's subject is
/// not its agent.
fn agentless_participle_modifier(view: &SentenceView, anchor: usize) -> bool {
    let token = &view.tokens[anchor];
    let modifier = view.parsed
        && anchor > 0
        && token.deprel == "acl"
        && token.xpos == "VBN"
        && token.head.is_some_and(|h| h < anchor && view.tokens[h].deprel != "root")
        && view.actor_at[anchor - 1].is_some()
        // Only what is done to people or troops: "protesters *rallied*", "the two sides
        // *agreed*" are main verbs a parser may also hang on the noun.
        && view.is_word(anchor, PATIENT_PARTICIPLES);
    // A passive participle takes no object and keeps its agent in a by-phrase: "militants
    // attacked southern Israel" misread as a modifier has an object.
    modifier
        && !view.tokens.iter().enumerate().any(|(c, t)| {
            t.head == Some(anchor) && (t.deprel == "obj" || has_case(view, c, &["by"]))
        })
}

/// "fought with *rifles and rocket-propelled grenades*", "with heavy artillery", "with small
/// arms": the phrase at `i` names weapons.
fn names_arms(view: &SentenceView, i: usize) -> bool {
    const ARMS: &[&str] = &[
        "rifle",
        "gun",
        "grenade",
        "artillery",
        "mortar",
        "weapon",
        "arm",
        "tank",
        "machine-gun",
        "machinegun",
        "rocket",
        "missile",
        "knife",
        "stone",
        "rock",
        "bayonet",
        "howitzer",
    ];
    (i..(i + 3).min(view.len()))
        .take_while(|&k| view.actor_at[k].is_none())
        .any(|k| ARMS.contains(&view.lemmas[k].as_str()))
}

/// "the *detained* journalist", "the *proposed* talks" describe a noun (not "Police in
/// Islamabad *arrested* …", which a parser may also call amod); so does a past participle
/// between a number, determiner or preposition and the actor it describes, however the
/// parse hangs it ("its 15 *captured* sailors", "over *captured* sailors").
fn prenominal_participle(view: &SentenceView, anchor: usize) -> bool {
    let parsed_modifier = view.tokens[anchor].deprel == "amod"
        && view.tokens[anchor].upos == "VERB"
        && (anchor == 0 || view.is_word(anchor - 1, NOMINAL_MARKERS));
    if parsed_modifier || prenominal_gerund(view, anchor) {
        return true;
    }
    let before = anchor.checked_sub(1).map(|b| &view.tokens[b]);
    const PREPOSITIONS: &[&str] = &[
        "over", "of", "for", "about", "with", "on", "against", "after", "from", "among",
    ];
    let after_marker = before.is_some_and(|t| {
        let low = t.text.to_lowercase();
        t.upos == "NUM"
            || PREPOSITIONS.contains(&low.as_str())
            || NOMINAL_MARKERS.contains(&low.as_str())
    });
    // (Tagged VBN or, in a headline, VBD: nothing finite follows those words.)
    matches!(view.tokens[anchor].xpos.as_str(), "VBN" | "VBD")
        && view.lower[anchor].ends_with("ed")
        && after_marker
        && view.actor_at.get(anchor + 1).copied().flatten().is_some()
}

/// "at *the opening* meeting", "its *closing* session": an -ing word between a determiner and
/// the noun it modifies names the noun's kind, not an act (else "open … meeting" read it as an
/// offer of talks and took the clause from the verb after it).
fn prenominal_gerund(view: &SentenceView, anchor: usize) -> bool {
    let t = &view.tokens[anchor];
    anchor > 0
        && view.lower[anchor].ends_with("ing")
        && matches!(t.deprel.as_str(), "amod" | "compound")
        && t.head.is_some_and(|h| h > anchor && h <= anchor + 2)
        && view.is_word(anchor - 1, NOMINAL_MARKERS)
}

/// "the Council condemned *its* rocket launch": the actor "its" (or "their") right after the
/// trigger stands for — the latest actor before the trigger in the sentence that is none of
/// the sources and names a state.
fn possessive_owner(
    doc: &Document,
    view: &SentenceView,
    m: &Match,
    sources: &[EventActor],
) -> Option<EventActor> {
    let at = m.trigger_end.max(m.anchor + 1);
    if !view.is_word(at, &["its", "their"]) {
        return None;
    }
    view.actors
        .iter()
        .rev()
        .filter(|span| span.end <= m.anchor)
        .find_map(|span| match span.origin {
            Origin::Mention(k)
                if doc.mentions[k].actor.country.is_some()
                    && sources
                        .iter()
                        .all(|s| s.actor.code != doc.mentions[k].actor.code) =>
            {
                Some(mention_actor(doc, k))
            }
            _ => None,
        })
}
