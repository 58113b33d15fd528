//! The `actors` stage: turns actor phrases into coded [`Mention`]s, sentence by sentence,
//! remembering names, roles and the Korea context across the article.

use std::sync::Arc;

use chronicle_core::{ActorCode, Document, Mention, MentionKind, Sentence, Span, Stage};

use crate::chunk::{bare_compass, chunks, items, Chunk, Item, ItemKind, Words};
use crate::code::compose;
use crate::explain::{self, Explanation};
use crate::kb::{Entry, KnowledgeBase, PersonStatus};
use crate::memory::Article;
use crate::text::normalise;

/// Resolves actor phrases to CAMEO codes; the pipeline stage named `"actors"`.
#[derive(Debug, Clone)]
pub struct ActorResolver {
    kb: Arc<KnowledgeBase>,
}

impl ActorResolver {
    pub fn new(kb: Arc<KnowledgeBase>) -> Self {
        ActorResolver { kb }
    }

    /// A resolver over [`KnowledgeBase::default_kb`]: the built-in tables, unless the program
    /// installed other ones with [`KnowledgeBase::install_default`].
    pub fn builtin() -> Self {
        ActorResolver::new(KnowledgeBase::default_kb())
    }

    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The mentions of `doc`, in text order, without changing it.
    pub fn resolve(&self, doc: &Document) -> Vec<Mention> {
        let mut state = Article::new(doc.article.date);
        let mut out = Vec::new();
        for sentence in &doc.sentences {
            let found = self.resolve_sentence(doc, sentence, &mut state, None);
            state.after_sentence(sentence, &found);
            out.extend(found);
        }
        seats_of_host_states(&mut out);
        let short = crate::short_form::short_form_mentions(doc, &out);
        if !short.is_empty() {
            out.extend(short);
            out.sort_by_key(|m| m.span.start);
        }
        out
    }

    /// The mentions of `doc` as [`ActorResolver::resolve`] finds them, each with the
    /// knowledge-base entries and rules that gave its code.
    pub fn explain(&self, doc: &Document) -> Vec<Explanation> {
        let mut state = Article::new(doc.article.date);
        let mut out = Vec::new();
        for sentence in &doc.sentences {
            let mut reasons = Vec::new();
            let found = self.resolve_sentence(doc, sentence, &mut state, Some(&mut reasons));
            state.after_sentence(sentence, &found);
            out.extend(
                found
                    .into_iter()
                    .zip(reasons)
                    .map(|(mention, reasons)| Explanation { mention, reasons }),
            );
        }
        out
    }
}

impl Stage for ActorResolver {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn process(&self, doc: &mut Document) {
        let mentions = self.resolve(doc);
        doc.mentions.extend(mentions);
    }
}

/// Seats of international bodies that are also a state's capital: the phrase, the body and
/// the host state.
const SHARED_SEATS: &[(&str, &str, &str)] = &[("brussels", "IGOEUREEC", "BEL")];

/// How many sentences back a story about the host state reaches.
const HOST_STATE_LOOKBACK: usize = 4;

/// "Rwanda broke off relations with Belgium …, accusing *Brussels* of siding with Kinshasa":
/// in a story about the host state, the shared seat is its government. The state or the body,
/// whichever was named last before the seat (or else later in its sentence), decides.
fn seats_of_host_states(mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let Some(&(_, _, host)) = SHARED_SEATS
            .iter()
            .find(|(seat, body, _)| m.actor.code == *body && m.text.eq_ignore_ascii_case(seat))
        else {
            continue;
        };
        let sentence = m.sentence;
        let is_seat = |o: &Mention| {
            SHARED_SEATS
                .iter()
                .any(|(s, _, _)| o.text.eq_ignore_ascii_case(s))
        };
        let names_host = |o: &Mention| o.actor.country.as_deref() == Some(host);
        let names_body = |o: &Mention| o.actor.code == m.actor.code && !is_seat(o);
        let before = mentions[..i]
            .iter()
            .rev()
            .take_while(|o| o.sentence + HOST_STATE_LOOKBACK >= sentence)
            .find(|o| names_host(o) || names_body(o));
        let later = || {
            mentions[i + 1..]
                .iter()
                .take_while(|o| o.sentence == sentence)
                .find(|o| names_host(o) || names_body(o))
        };
        if before.or_else(later).is_some_and(names_host) {
            mentions[i].actor = ActorCode::new(Some(host), Some("GOV"), "");
        }
    }
}

/// The parts of a phrase that decide its code.
#[derive(Default)]
struct Parts {
    country: Option<String>,
    /// A code without a country (IGO/NGO) in the phrase.
    transnational: Option<ActorCode>,
    /// … named before any country ("UN Secretary-General", not "China's UN ambassador").
    transnational_first: bool,
    /// Agent of a seat, capital or organisation with a country ("the Pentagon", "Xinhua").
    institution_agent: Option<String>,
    specific_role: Option<usize>,
    generic_role: Option<usize>,
    default_country: Option<String>,
    person: Option<PersonStatus>,
    person_country: Option<String>,
    person_index: Option<usize>,
    known: Option<ActorCode>,
    /// Unknown name words in the phrase ("Kurt", "Campbell").
    name_words: Vec<String>,
    /// The named person is followed by 's: they are not the actor themselves.
    possessor: bool,
    former: bool,
    has_demonym: bool,
    has_capital: bool,
    has_org: bool,
}

impl ActorResolver {
    fn resolve_sentence(
        &self,
        doc: &Document,
        sentence: &Sentence,
        state: &mut Article,
        reasons: Option<&mut Vec<Vec<String>>>,
    ) -> Vec<Mention> {
        let kb = &*self.kb;
        let words = Words::new(kb, &sentence.tokens);
        let known = |key: &str| state.names.get(key).cloned();
        let items = items(kb, &words, &known);
        let chunks = chunks(kb, &words, &items);

        let mut found: Vec<(Mention, usize)> = Vec::new();
        let mut chunk_iter = chunks.iter().peekable();
        let mut item_index = 0;
        while item_index < items.len() {
            if let Some(chunk) = chunk_iter.next_if(|c| c.start == item_index) {
                for m in self.resolve_chunk(doc, sentence, &words, &items, chunk, state) {
                    found.push((m, chunk.start));
                }
                item_index = chunk.end.max(item_index + 1);
                continue;
            }
            let item = &items[item_index];
            if let Some(m) = self.special_word(doc, sentence, &words, item, state, &found) {
                found.push((m, item_index));
            }
            item_index += 1;
        }
        distribute_roles(&items, &chunks, &mut found);
        let named = self.appositive_names(doc, sentence, &words, &items, &chunks, &found, state);
        found.extend(named);
        found.sort_by_key(|(m, _)| m.tokens.0);
        if let Some(reasons) = reasons {
            let pick = |ids: &[usize]| self.pick_short(ids, state);
            let portfolio: Vec<usize> = chunks.iter().flat_map(|c| c.portfolio.clone()).collect();
            for (m, _) in &found {
                let why = explain::reasons(kb, &words, &items, &portfolio, m, state, pick);
                reasons.push(why);
            }
        }
        found.into_iter().map(|(m, _)| m).collect()
    }

    /// "Kim Song, North Korea's UN ambassador, said" and "North Korea's UN ambassador, Kim
    /// Song, said": an unknown full name in apposition to a coded role phrase is that actor,
    /// and is remembered for the rest of the article.
    #[allow(clippy::too_many_arguments)]
    fn appositive_names(
        &self,
        doc: &Document,
        sentence: &Sentence,
        words: &Words<'_>,
        items: &[Item],
        chunks: &[Chunk],
        found: &[(Mention, usize)],
        state: &mut Article,
    ) -> Vec<(Mention, usize)> {
        let is_comma = |k: usize| {
            items
                .get(k)
                .is_some_and(|i| i.kind == ItemKind::Conj && words.tokens[i.start].text == ",")
        };
        let mut out = Vec::new();
        for chunk in chunks {
            let Some((role, _)) = found
                .iter()
                .find(|(m, s)| *s == chunk.start && m.kind == MentionKind::Role)
            else {
                continue;
            };
            // "El Fasher, Sudan army's last stronghold": a possessor is not the apposition.
            if items
                .get(chunk.end)
                .is_some_and(|i| i.kind == ItemKind::Poss)
            {
                continue;
            }
            let mut runs = Vec::new();
            // Name before the role: "<Name Name>, (the) <role>".
            let mut k = chunk.start;
            if k > 0 && items[k - 1].kind == ItemKind::Det {
                k -= 1;
            }
            if k > 0 && is_comma(k - 1) {
                let end = k - 1;
                let start = (0..end)
                    .rev()
                    .take_while(|&x| items[x].kind == ItemKind::Name)
                    .last();
                if let Some(start) = start {
                    runs.push((start, end));
                }
            }
            // Name after the role: "<role> (in <place>), <Name Name>," or at the end of the clause.
            let mut after = chunk.end;
            let place_word = |k: usize| {
                items.get(k).is_some_and(|i| {
                    matches!(
                        normalise(&words.tokens[i.start].text).as_str(),
                        "in" | "to" | "at"
                    )
                })
            };
            if place_word(after) {
                let mut k = after + 1;
                if items.get(k).is_some_and(|i| i.kind == ItemKind::Det) {
                    k += 1;
                }
                let place = items.get(k).and_then(Item::entry).is_some_and(|e| {
                    matches!(e, Entry::Country(_) | Entry::Capital(_) | Entry::Org(_))
                });
                if place {
                    after = k + 1;
                }
            }
            // "the execution of German citizen *Jamshid Sharmahd*": a name right after the
            // role (no comma) names that person.
            let glued =
                after == chunk.end && items.get(after).is_some_and(|i| i.kind == ItemKind::Name);
            if glued || is_comma(after) {
                let start = if glued { after } else { after + 1 };
                let end = (start..items.len())
                    .take_while(|&x| items[x].kind == ItemKind::Name)
                    .last()
                    .map(|x| x + 1);
                if let Some(end) = end {
                    let closes =
                        end == items.len() || is_comma(end) || items[end].kind == ItemKind::Other;
                    if closes {
                        runs.push((start, end));
                    }
                }
            }
            for (start, end) in runs {
                if !(2..=4).contains(&(end - start)) || words.headline {
                    continue;
                }
                let tokens = (items[start].start, items[end - 1].end);
                let m = mention(
                    doc,
                    sentence,
                    tokens,
                    tokens.0,
                    MentionKind::Person,
                    role.actor.clone(),
                );
                let name: Vec<String> = (tokens.0..tokens.1)
                    .map(|t| normalise(&words.tokens[t].text))
                    .collect();
                state.remember_name(&name, &role.actor, None);
                out.push((m, start));
            }
        }
        out
    }

    /// "the North", "the South" (Korea context) and sentence-initial "he"/"she".
    fn special_word(
        &self,
        doc: &Document,
        sentence: &Sentence,
        words: &Words<'_>,
        item: &Item,
        state: &Article,
        found: &[(Mention, usize)],
    ) -> Option<Mention> {
        let i = item.start;
        match item.kind {
            ItemKind::Name if state.korea => {
                let code = match bare_compass(words, i)? {
                    "north" => "PRK",
                    _ => "KOR",
                };
                let actor = compose(Some(code), None);
                Some(mention(
                    doc,
                    sentence,
                    (i - 1, i + 1),
                    i,
                    MentionKind::Coreference,
                    actor,
                ))
            }
            // A person named earlier in the same sentence makes the pronoun ambiguous.
            ItemKind::Pronoun
                if pronoun_opens_clause(words, i)
                    && !found.iter().any(|(m, _)| m.names_one_person()) =>
            {
                let actor = self.pronoun_antecedent(sentence.index, state)?;
                Some(mention(
                    doc,
                    sentence,
                    (i, i + 1),
                    i,
                    MentionKind::Coreference,
                    actor,
                ))
            }
            _ => None,
        }
    }

    /// The one code of the person mentions in the nearest earlier sentence that has any.
    fn pronoun_antecedent(&self, index: usize, state: &Article) -> Option<ActorCode> {
        let (at, codes) = state.persons_by_sentence.last()?;
        if index.saturating_sub(*at) > 2 {
            return None;
        }
        let first = codes.first()?;
        codes.iter().all(|c| c == first).then(|| first.clone())
    }

    fn resolve_chunk(
        &self,
        doc: &Document,
        sentence: &Sentence,
        words: &Words<'_>,
        items: &[Item],
        chunk: &Chunk,
        state: &mut Article,
    ) -> Vec<Mention> {
        let own: Vec<usize> = (chunk.start..chunk.end)
            .filter(|k| !chunk.portfolio.contains(k))
            .collect();
        // Several bare place names side by side ("U.S. China") are separate actors.
        let bare = own.iter().all(|&k| {
            matches!(
                items[k].entry(),
                Some(Entry::Country(_) | Entry::Demonym { .. } | Entry::Capital(_))
            ) || items[k].kind == ItemKind::Poss
        });
        let places = own.iter().filter(|&&k| items[k].is_actor()).count();
        if bare && places > 1 {
            return own
                .iter()
                .filter(|&&k| items[k].is_actor())
                .filter_map(|&k| {
                    let single = Chunk {
                        start: k,
                        end: k + 1,
                        portfolio: Vec::new(),
                        definite: false,
                    };
                    self.resolve_one(doc, sentence, words, items, &single, state)
                })
                .collect();
        }
        self.resolve_one(doc, sentence, words, items, chunk, state)
            .into_iter()
            .collect()
    }

    fn gather(&self, items: &[Item], chunk: &Chunk, state: &Article) -> Parts {
        let kb = &*self.kb;
        let mut p = Parts::default();
        for (k, item) in items.iter().enumerate().take(chunk.end).skip(chunk.start) {
            p.former |= item.former;
            if chunk.portfolio.contains(&k) {
                continue;
            }
            match &item.kind {
                ItemKind::Entry(e) => match e {
                    Entry::Country(c) => {
                        p.country
                            .get_or_insert_with(|| kb.country_at(*c).code.clone());
                    }
                    Entry::Demonym { country, .. } => {
                        p.has_demonym = true;
                        p.country
                            .get_or_insert_with(|| kb.country_at(*country).code.clone());
                    }
                    Entry::Capital(code) | Entry::Org(code) => {
                        if matches!(e, Entry::Capital(_)) {
                            p.has_capital = true;
                        } else {
                            p.has_org = true;
                        }
                        match &code.country {
                            Some(c) => {
                                p.country.get_or_insert_with(|| c.clone());
                                // A capital's GOV is weaker than any role ("a Washington think
                                // tank" is EDU); seats with other sectors and organisations are not.
                                let weak = matches!(e, Entry::Capital(_))
                                    && code.agent.as_deref() == Some("GOV");
                                if let (Some(agent), None, false) =
                                    (&code.agent, &p.institution_agent, weak)
                                {
                                    p.institution_agent = Some(agent.clone());
                                }
                            }
                            None => {
                                if p.transnational.is_none() {
                                    p.transnational = Some(code.clone());
                                }
                                p.transnational_first |= p.country.is_none();
                            }
                        }
                    }
                    Entry::Role(r) => {
                        let role = kb.role_at(*r);
                        if role.generic {
                            p.generic_role = Some(*r);
                        } else if p.specific_role.is_none() {
                            p.specific_role = Some(*r);
                        }
                        if p.default_country.is_none() {
                            p.default_country = role.default_country.clone();
                        }
                    }
                    Entry::Person(idx) => self.add_person(&mut p, *idx),
                    Entry::Modifier { former } => p.former |= former,
                    Entry::Short(_) | Entry::NonActor => {}
                },
                ItemKind::Shorts(ids) => {
                    if let Some(idx) = self.pick_short(ids, state) {
                        self.add_person(&mut p, idx);
                    }
                }
                ItemKind::Poss if p.person_index.is_some() || p.known.is_some() => {
                    // "Bush's National Guard": the person owns the phrase's head.
                    p.possessor = true;
                }
                ItemKind::Known { code, person } => {
                    p.known = Some(code.clone());
                    p.person_index = p.person_index.or(*person);
                    p.person_country = code.country.clone();
                }
                _ => {}
            }
        }
        p
    }

    fn add_person(&self, p: &mut Parts, idx: usize) {
        let person = self.kb.person_at(idx);
        p.person = Some(person.status(None));
        p.person_index = Some(idx);
        p.person_country = person.country().map(str::to_owned);
    }

    /// The official a short name ("Lavrov") stands for: the one named in full earlier in the
    /// article, else the only one in office at the article's date.
    fn pick_short(&self, ids: &[usize], state: &Article) -> Option<usize> {
        if let Some(&p) = state.seen_persons.iter().rev().find(|p| ids.contains(p)) {
            return Some(p);
        }
        let candidates: Vec<usize> = match state.date {
            Some(date) => ids
                .iter()
                .copied()
                .filter(|&i| self.kb.person_at(i).tenures.iter().any(|t| t.covers(date)))
                .collect(),
            None => ids.to_vec(),
        };
        (candidates.len() == 1).then(|| candidates[0])
    }

    fn resolve_one(
        &self,
        doc: &Document,
        sentence: &Sentence,
        words: &Words<'_>,
        items: &[Item],
        chunk: &Chunk,
        state: &mut Article,
    ) -> Option<Mention> {
        let kb = &*self.kb;
        let mut parts = self.gather(items, chunk, state);
        parts.name_words = (chunk.start..chunk.end)
            .filter(|&k| items[k].kind == ItemKind::Name && !chunk.portfolio.contains(&k))
            .map(|k| normalise(&words.tokens[items[k].start].text))
            .collect();
        if let Some(idx) = parts.person_index {
            if parts.person.is_some() {
                parts.person = Some(kb.person_at(idx).status(state.date));
            }
        }
        if inside_personal_name(words, items, chunk) {
            return None;
        }
        let (actor, kind) = self.decide(&parts, chunk, state)?;

        let tokens = (items[chunk.start].start, items[chunk.end - 1].end);
        let head = head_token(sentence, items, chunk, &parts);
        if kind == MentionKind::Capital && modifies_outside_noun(sentence, head, tokens.1) {
            return None;
        }
        if kind == MentionKind::Demonym && names_a_language(words, tokens) {
            return None;
        }
        let mut m = mention(doc, sentence, tokens, head, kind, actor.clone());
        trim_start(doc, &mut m, items[chunk.start].offset);
        self.remember(items, chunk, &parts, &actor, words, state);
        Some(m)
    }

    /// The code and kind of a phrase, or `None` when it names no country or organisation.
    fn decide(
        &self,
        p: &Parts,
        chunk: &Chunk,
        state: &Article,
    ) -> Option<(ActorCode, MentionKind)> {
        let kb = &*self.kb;
        let has_name = p.person_index.is_some() || p.known.is_some() || !p.name_words.is_empty();
        let has_role = p.specific_role.is_some() || p.generic_role.is_some();
        let kind = if has_name && !(p.possessor && has_role) {
            MentionKind::Person
        } else if has_role {
            MentionKind::Role
        } else if p.has_org || p.transnational.is_some() && !p.has_capital {
            MentionKind::Organisation
        } else if p.has_capital {
            MentionKind::Capital
        } else if p.has_demonym {
            MentionKind::Demonym
        } else {
            MentionKind::Country
        };

        let owns_phrase = p.possessor && has_role;
        // Without an article date the most recent office is a guess; a title in the phrase
        // ("Foreign Minister Taro Kono") says which office is meant.
        let undated_title = state.date.is_none() && p.specific_role.is_some();
        // "African Union chairman Olusegun Obasanjo", "UN Secretary-General Ban Ki-moon": a
        // title an organisation opens says whom the person speaks for here, whatever state
        // office the knowledge base has them in at the date.
        // (An office the knowledge base itself gives in a body stands: Annan as the UN-Arab
        // League envoy.)
        let in_a_body = matches!(&p.person, Some(PersonStatus::InOffice(c)) if c.country.is_none());
        let titled_by_body = p.transnational_first
            && !p.former
            && has_role
            && p.person_index.is_some()
            && !in_a_body;
        if let Some(t) = p.transnational.as_ref().filter(|_| titled_by_body) {
            return Some((t.clone(), kind));
        }
        if !p.former && !owns_phrase {
            // The same official keeps the code the article first gave them.
            let earlier = p.person_index.and_then(|i| state.person_codes.get(&i));
            if let (Some(code), false) = (earlier, undated_title) {
                return Some((code.clone(), kind));
            }
            if let Some(PersonStatus::InOffice(code)) = &p.person {
                if !undated_title || p.person_country.is_none() {
                    return Some((code.clone(), kind));
                }
            }
            if let Some(code) = &p.known {
                return Some((code.clone(), kind));
            }
        }
        // An organisation is the actor unless a country's role is named around it: "China's
        // UN ambassador" is CHNGOV, "the UN Secretary-General" IGOUNO.
        if let (Some(t), false) = (&p.transnational, p.former) {
            if p.transnational_first || !has_role && !has_name {
                return Some((t.clone(), kind));
            }
        }
        let country = p
            .country
            .clone()
            .or_else(|| p.person_country.clone())
            .or_else(|| p.default_country.clone());
        let Some(country) = country else {
            if let Some(t) = &p.transnational {
                return (!p.former).then(|| (t.clone(), kind));
            }
            // "the foreign minister": the one foreign minister of this article, if any.
            if chunk.definite && has_role && !has_name {
                let key = role_key(kb, p)?;
                let code = state.roles.get(&key)?.clone()?;
                return Some((code, MentionKind::Coreference));
            }
            return None;
        };
        let role_agent = |r: Option<usize>| r.map(|r| kb.role_at(r).agent.clone());
        // "the FARC guerrilla army": a rebel organisation's fighters stay rebels, whatever
        // military noun names them ("the Taliban government" governs).
        let rebel_fighters = p.institution_agent.as_deref() == Some("REB")
            && role_agent(p.specific_role).as_deref() == Some("MIL");
        let agent = if p.former {
            Some("ELI".to_owned())
        } else if rebel_fighters {
            Some("REB".to_owned())
        } else {
            role_agent(p.specific_role)
                .or_else(|| p.institution_agent.clone())
                .or_else(|| role_agent(p.generic_role))
                .or_else(|| p.has_capital.then(|| "GOV".to_owned()))
                .or_else(|| match &p.person {
                    Some(PersonStatus::Former(code)) => code.agent.clone(),
                    _ => None,
                })
        };
        Some((compose(Some(&country), agent.as_deref()), kind))
    }

    fn remember(
        &self,
        items: &[Item],
        chunk: &Chunk,
        p: &Parts,
        actor: &ActorCode,
        words: &Words<'_>,
        state: &mut Article,
    ) {
        let kb = &*self.kb;
        if matches!(actor.country.as_deref(), Some("PRK" | "KOR")) {
            state.korea = true;
        }
        if let Some(key) = role_key(kb, p) {
            if actor.country.is_some() || actor.agent.as_deref() == Some("IGO") {
                state.remember_role(key, actor);
            }
        }
        if !p.name_words.is_empty() && !p.former {
            state.remember_name(&p.name_words, actor, None);
        }
        if let Some(idx) = p.person_index {
            if !p.former && !p.possessor {
                state
                    .person_codes
                    .entry(idx)
                    .or_insert_with(|| actor.clone());
            }
            if !state.seen_persons.contains(&idx) || state.seen_persons.last() != Some(&idx) {
                state.seen_persons.retain(|&x| x != idx);
                state.seen_persons.push(idx);
            }
            // Full name as written, so that its surname finds this person later.
            for item in &items[chunk.start..chunk.end] {
                if let ItemKind::Entry(Entry::Person(_)) = item.kind {
                    let written: Vec<String> = (item.start..item.end)
                        .map(|t| normalise(&words.tokens[t].text))
                        .collect();
                    state.remember_name(&written, actor, Some(idx));
                }
            }
        }
    }
}

/// The article-level key of a phrase's role ("foreign minister", "diplomat").
fn role_key(kb: &KnowledgeBase, p: &Parts) -> Option<String> {
    // Generic person nouns ("the head", "the official") are too vague to corefer.
    let r = p.specific_role?;
    let phrase = kb.role_at(r).phrase.to_lowercase();
    let key = match phrase.as_str() {
        // Names of the same office: "the top diplomat" is the article's foreign minister.
        "top diplomat"
        | "foreign secretary"
        | "secretary of state"
        | "minister of foreign affairs"
        | "foreign affairs minister"
        | "external affairs minister"
        | "minister of external affairs" => "foreign minister",
        "defense minister"
        | "defence secretary"
        | "defense secretary"
        | "secretary of defense"
        | "minister of defence"
        | "minister of defense"
        | "defense chief"
        | "defence chief" => "defence minister",
        "premier" => "prime minister",
        other => other.strip_prefix("chief ").unwrap_or(other),
    };
    Some(key.to_owned())
}

/// The head token: from the parse when there is one (the token whose head lies outside the
/// phrase), else the first word of the name, else the last word of the role, else the last token.
fn head_token(sentence: &Sentence, items: &[Item], chunk: &Chunk, p: &Parts) -> usize {
    let (start, end) = (items[chunk.start].start, items[chunk.end - 1].end);
    let parsed = sentence.tokens.iter().any(|t| t.head.is_some());
    if parsed {
        let outside: Vec<usize> = (start..end)
            .filter(|&t| {
                sentence.tokens[t]
                    .head
                    .is_none_or(|h| h < start || h >= end)
            })
            .collect();
        // A parse that splits the phrase has several exits: prefer the clause argument.
        let core = |t: &&usize| {
            let rel = sentence.tokens[**t].deprel.as_str();
            sentence.tokens[**t].head.is_none()
                || ["nsubj", "obj", "iobj", "obl", "appos"]
                    .iter()
                    .any(|r| rel.starts_with(r))
        };
        if let Some(&t) = outside.iter().find(core).or(outside.first()) {
            return t;
        }
    }
    let own = (chunk.start..chunk.end).filter(|k| !chunk.portfolio.contains(k));
    let own: Vec<usize> = own.collect();
    if let Some(&k) = own
        .iter()
        .find(|&&k| items[k].is_name())
        .filter(|_| !p.possessor)
    {
        return items[k].start;
    }
    if let Some(&k) = own.iter().rev().find(|&&k| items[k].role().is_some()) {
        return items[k].end - 1;
    }
    own.iter()
        .rev()
        .find(|&&k| items[k].is_actor())
        .map_or(end - 1, |&k| items[k].end - 1)
}

/// Starts the mention `offset` bytes into its first token ("U.S.-North Korea" → "North Korea").
fn trim_start(doc: &Document, m: &mut Mention, offset: usize) {
    let start = m.span.start + offset;
    if offset == 0 || start >= m.span.end || !doc.text().is_char_boundary(start) {
        return;
    }
    m.span = Span::new(start, m.span.end);
    m.text = doc
        .text()
        .get(start..m.span.end)
        .unwrap_or_default()
        .to_owned();
}

/// "Chad Smith", "Paris Hilton", "the Ohio senator Jordan Reed": a lone country or city name
/// next to an unknown capitalised name word is part of a personal (or other proper) name.
/// Not in title-case headlines, where every word is capitalised.
fn inside_personal_name(words: &Words<'_>, items: &[Item], chunk: &Chunk) -> bool {
    if words.headline || chunk.end - chunk.start != 1 {
        return false;
    }
    let item = &items[chunk.start];
    let place = matches!(item.entry(), Some(Entry::Country(_) | Entry::Capital(_)));
    if !place || item.offset != 0 {
        return false;
    }
    let next_is_name = items
        .get(chunk.end)
        .is_some_and(|n| n.kind == ItemKind::Name);
    // A name word before counts only inside the sentence: a sentence-initial capital says
    // nothing ("Meanwhile Jordan …" has no name, but function words are not names anyway).
    let prev_is_name = chunk
        .start
        .checked_sub(1)
        .is_some_and(|k| items[k].kind == ItemKind::Name && items[k].start > 0);
    next_is_name || prev_is_name
}

/// "(Russian via interpreter)", "spoke in Korean", "Arabic-language": a bare adjective that
/// names a language, not a people.
fn names_a_language(words: &Words<'_>, (start, end): (usize, usize)) -> bool {
    let lower = |i: usize| words.tokens.get(i).map(|t| normalise(&t.text));
    let before = start.checked_sub(1).and_then(lower);
    let after = lower(end);
    matches!(
        before.as_deref(),
        Some("in" | "(" | "speaks" | "spoke" | "speaking")
    ) || matches!(
        after.as_deref(),
        Some("via" | "language" | "translation" | "subtitles")
    )
}

/// With a parse: a bare city name that is a compound modifier of a noun outside the phrase
/// ("the Moscow metro", "Beijing traffic") names a place, not a government.
fn modifies_outside_noun(sentence: &Sentence, head: usize, end: usize) -> bool {
    let Some(token) = sentence.tokens.get(head) else {
        return false;
    };
    // Only the adjacent common noun counts: a parser's "compound" across a coordination
    // ("Washington and Moscow's diplomats") or onto a date ("Seoul late Tuesday") is an error.
    let Some(h) = token.head.filter(|&h| h == end) else {
        return false;
    };
    // "…, a charge Bamako *denies*.": a present-tense verb the tagger took for a noun.
    let verb_read_as_noun = |t: &chronicle_core::Token| {
        matches!(
            t.text.to_lowercase().as_str(),
            "denies"
                | "rejects"
                | "disputes"
                | "contests"
                | "says"
                | "insists"
                | "maintains"
                | "claims"
                | "acknowledges"
                | "admits"
                | "accepts"
                | "opposes"
                | "calls"
        )
    };
    token.deprel == "compound"
        && sentence
            .tokens
            .get(h)
            .is_some_and(|t| t.upos == "NOUN" && !verb_read_as_noun(t))
}

fn mention(
    doc: &Document,
    sentence: &Sentence,
    (start, end): (usize, usize),
    head: usize,
    kind: MentionKind,
    actor: ActorCode,
) -> Mention {
    let span = Span::new(
        sentence.tokens[start].span.start,
        sentence.tokens[end - 1].span.end,
    );
    let text = doc
        .text()
        .get(span.start..span.end)
        .unwrap_or_default()
        .to_owned();
    Mention {
        sentence: sentence.index,
        tokens: (start, end),
        span,
        text,
        kind,
        actor,
        head,
    }
}

/// A pronoun that opens a clause: first in the sentence or right after a closing quote
/// ("…,” he said).
fn pronoun_opens_clause(words: &Words<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let prev = |k: usize| words.tokens[k].text.as_str();
    let is_quote = |t: &str| matches!(t, "”" | "\"" | "''" | "’");
    is_quote(prev(i - 1)) || (prev(i - 1) == "," && i >= 2 && is_quote(prev(i - 2)))
}

/// "Chinese, South Korean and Japanese leaders": each bare demonym before a coordinated
/// demonym + role phrase takes that role's agent.
fn distribute_roles(items: &[Item], chunks: &[Chunk], found: &mut [(Mention, usize)]) {
    for n in (0..found.len().saturating_sub(1)).rev() {
        let (left, right) = found.split_at_mut(n + 1);
        let (a, a_start) = &mut left[n];
        let (b, b_start) = &right[0];
        if a.kind != MentionKind::Demonym
            || !matches!(b.kind, MentionKind::Role | MentionKind::Demonym)
        {
            continue;
        }
        let Some(b_agent) = b.actor.agent.clone() else {
            continue;
        };
        let Some(a_chunk) = chunks.iter().find(|c| c.start == *a_start) else {
            continue;
        };
        let Some(b_chunk) = chunks.iter().find(|c| c.start == *b_start) else {
            continue;
        };
        let starts_with_demonym =
            matches!(items[b_chunk.start].entry(), Some(Entry::Demonym { .. }));
        let joined = (a_chunk.end..b_chunk.start).all(|k| items[k].kind == ItemKind::Conj);
        if starts_with_demonym && joined && a_chunk.end < b_chunk.start {
            a.actor = compose(a.actor.country.as_deref(), Some(&b_agent));
            a.kind = if b.kind == MentionKind::Demonym {
                MentionKind::Demonym
            } else {
                MentionKind::Role
            };
        }
    }
}
