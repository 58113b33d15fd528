//! States referred to by description: "the West African country", "the country's
//! opposition", "the Gulf nation". The actor stage names states; wire copy then often
//! refers back to the one just named with a description, which is that state.

use chronicle_core::{Document, MentionKind, Token};

use crate::sentence::{most_named_state, verb_above};

/// Head nouns of a description that stands for a state.
const STATE_NOUNS: &[&str] = &["country", "nation", "kingdom", "republic"];

/// Longest description before its head noun ("the *oil-rich West African* country").
const MAX_MODIFIERS: usize = 3;

/// How many sentences back the state referred to may have been named.
const LOOKBACK_SENTENCES: usize = 3;

/// What a described state's possession stands for: "the country's *opposition*".
const POSSESSED_AGENTS: &[(&str, &str)] = &[
    ("opposition", "OPP"),
    ("government", "GOV"),
    ("leader", "GOV"),
    ("leadership", "GOV"),
    ("president", "GOV"),
    ("authorities", "GOV"),
    ("military", "MIL"),
    ("army", "MIL"),
    ("armed forces", "MIL"),
    ("police", "COP"),
    ("parliament", "LEG"),
    ("rebels", "REB"),
    ("protesters", "OPP"),
    ("leaders", "GOV"),
    ("governments", "GOV"),
    ("foreign ministers", "GOV"),
    ("militaries", "MIL"),
    ("armies", "MIL"),
    ("navy", "MIL"),
    ("military rulers", "GOV"),
    ("rulers", "GOV"),
    ("junta", "GOV"),
    ("top diplomat", "GOV"),
    ("supreme court", "JUD"),
    ("judiciary", "JUD"),
];

/// A state description found in a sentence: tokens `[start, end)`, the state's code, and
/// the agent when the description is a possessor ("the country's *opposition*" → `OPP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StateReference {
    pub start: usize,
    pub end: usize,
    pub country: String,
    pub agent: Option<&'static str>,
    /// The second state of a plural description ("both *countries*"): joined to the
    /// reference right before it like a conjunct.
    pub continues_plural: bool,
}

/// The state descriptions of sentence `index`, each resolved to the state named last before
/// it (in the sentence, else up to three sentences back). `covered` marks tokens that are
/// already part of an actor mention.
pub(crate) fn state_references(
    doc: &Document,
    index: usize,
    tokens: &[Token],
    lower: &[String],
    covered: &[bool],
) -> Vec<StateReference> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if lower[i] != "the" || covered[i] {
            continue;
        }
        let Some(head) = description_head(tokens, lower, covered, i) else {
            continue;
        };
        // "the Republic *of South Sudan*", "the Kingdom of Saudi Arabia": the name that
        // follows says which state, whatever was named before.
        if lower.get(head + 1).is_some_and(|w| w == "of") && covered.get(head + 2) == Some(&true) {
            continue;
        }
        // "the Canadian government urged *the kingdom* to free …": a verb's object is not its
        // own subject ("declared martial law across *the country*" may be).
        let object = matches!(tokens[head].deprel.as_str(), "obj" | "iobj");
        let owners = verb_above(tokens, head)
            .filter(|_| object)
            .map_or_else(Vec::new, |verb| subject_countries(doc, index, tokens, verb));
        let country = if owners.is_empty() {
            state_named_before(doc, index, i)
        } else {
            countries_named_before_all(doc, index, i)
                .into_iter()
                .find(|c| !owners.contains(c))
        };
        if let Some(country) = country {
            let possessed = possessed_agent(lower, head + 1);
            out.push(StateReference {
                start: i,
                end: possessed.map_or(head + 1, |(end, _)| end),
                country,
                agent: possessed.map(|(_, agent)| agent),
                continues_plural: false,
            });
        }
    }
    out.extend(plural_references(doc, index, tokens, lower, covered));
    out.extend(neighbour_references(doc, index, tokens, lower, covered));
    out.extend(seat_references(doc, index, lower, covered));
    out
}

/// "Soldiers attacked *the presidential palace*": the seat of the government of the state
/// the article has named most (the story's own), when it is what the verb acts on. Where a
/// meeting was held ("at the presidential palace"), ground taken ("seized the presidential
/// palace") or a place that follows ("the palace *in Niamey*") says more, it is no reference.
fn seat_references(
    doc: &Document,
    index: usize,
    lower: &[String],
    covered: &[bool],
) -> Vec<StateReference> {
    const PLACE_WORDS: &[&str] = &[
        "at", "in", "inside", "outside", "near", "from", "to", "of", "around", "toward", "towards",
        "behind", "by", "on", "within", "beside",
    ];
    let word = |k: usize| lower.get(k).map(String::as_str);
    let mut out = Vec::new();
    for i in 0..lower.len() {
        let seat = match (word(i), word(i + 1), word(i + 2)) {
            (Some("the"), Some("presidential"), Some("palace" | "residence" | "compound")) => 3,
            (Some("the"), Some("government"), Some("house" | "headquarters")) => 3,
            _ => continue,
        };
        let end = i + seat;
        // ("seized the presidential palace" takes ground; it holds no one.)
        let taken = i > 0
            && ["seiz", "captur", "took", "tak", "occup", "overr", "control"]
                .iter()
                .any(|stem| lower[i - 1].starts_with(stem));
        let placed = taken || i > 0 && PLACE_WORDS.contains(&lower[i - 1].as_str());
        let located = matches!(word(end), Some("in" | "of"));
        if placed || located || covered[i..end].iter().any(|&c| c) {
            continue;
        }
        let country = most_named_state(doc, index, 1).or_else(|| state_named_before(doc, index, i));
        if let Some(country) = country {
            out.push(StateReference {
                start: i,
                end,
                country,
                agent: Some("GOV"),
                continues_plural: false,
            });
        }
    }
    out
}

/// "cut power exports to *its northern neighbour*": the state named last before the phrase
/// other than the ones "its" points to (the subjects of the verb above it in the parse).
fn neighbour_references(
    doc: &Document,
    index: usize,
    tokens: &[Token],
    lower: &[String],
    covered: &[bool],
) -> Vec<StateReference> {
    let mut out = Vec::new();
    for i in 0..lower.len() {
        if !matches!(lower[i].as_str(), "its" | "their") || covered[i] {
            continue;
        }
        // "its neighbour", "its small neighbour", "its northern neighbour".
        let Some(noun) = (i + 1..lower.len().min(i + 3))
            .find(|&j| matches!(lower[j].as_str(), "neighbour" | "neighbor"))
        else {
            continue;
        };
        if covered[i..=noun].iter().any(|&c| c) {
            continue;
        }
        let owners = verb_above(tokens, noun)
            .map_or_else(Vec::new, |verb| subject_countries(doc, index, tokens, verb));
        let country = countries_named_before_all(doc, index, i)
            .into_iter()
            .find(|c| !owners.contains(c));
        if let Some(country) = country {
            out.push(StateReference {
                start: i,
                end: noun + 1,
                country,
                agent: None,
                continues_plural: false,
            });
        }
    }
    out
}

/// Plural descriptions of two states and the agent they name: "both *countries*", "the two
/// *neighbours*", "both *governments*".
const PLURAL_NOUNS: &[(&str, Option<&'static str>)] = &[
    ("countries", None),
    ("nations", None),
    ("neighbours", None),
    ("neighbors", None),
    ("rivals", None),
    ("allies", None),
    ("powers", None),
    ("states", None),
    // "urged both sides to resolve their differences"
    ("sides", None),
    ("governments", Some("GOV")),
    ("leaders", Some("GOV")),
    ("capitals", Some("GOV")),
    ("militaries", Some("MIL")),
    ("armies", Some("MIL")),
];

/// "both countries' leaders", "the two neighbours": two references, one on the determiner
/// and one on the noun, to the last two distinct states named before.
fn plural_references(
    doc: &Document,
    index: usize,
    tokens: &[Token],
    lower: &[String],
    covered: &[bool],
) -> Vec<StateReference> {
    let mut out = Vec::new();
    for i in 0..lower.len() {
        let mut noun = match lower[i].as_str() {
            "both" => i + 1,
            "the" if lower.get(i + 1).is_some_and(|w| w == "two") => i + 2,
            _ => continue,
        };
        // "the two *regional* rivals", "both *nuclear-armed* neighbours".
        while noun < i + 4 && tokens.get(noun).is_some_and(|t| t.upos == "ADJ") {
            noun += 1;
        }
        let Some(&(_, noun_agent)) = lower
            .get(noun)
            .and_then(|w| PLURAL_NOUNS.iter().find(|(n, _)| n == w))
        else {
            continue;
        };
        if covered[i..=noun].iter().any(|&c| c) {
            continue;
        }
        // "the two leaders": the last two people named, when there are two.
        let people = lower[noun] == "leaders";
        let mut addressers = addressers(doc, index, tokens, noun);
        // "The United States urged both sides …, and Russia offered to mediate between *the
        // two regional rivals*": who acts in the sentence before the pair is not in it.
        addressers.extend(subjects_before(doc, index, tokens, i));
        // "urged both sides to agree a truce" in a civil war: two sides of one state.
        let civil = (lower[noun] == "sides")
            .then(|| sides_of_one_state(doc, index, i, &addressers))
            .flatten();
        if let Some((country, [a, b])) = civil {
            out.push(StateReference {
                start: i,
                end: noun,
                country: country.clone(),
                agent: Some(a),
                continues_plural: false,
            });
            out.push(StateReference {
                start: noun,
                end: noun + 1,
                country,
                agent: Some(b),
                continues_plural: true,
            });
            continue;
        }
        let named = Some(people_named_before(doc, index, i))
            .filter(|p| people && p.len() == 2)
            .unwrap_or_else(|| dyad_named_before(doc, index, i, &addressers));
        let [first, second] = match named[..] {
            [ref a, ref b] => [b.clone(), a.clone()],
            _ => continue,
        };
        // "both countries' *leaders*": the possession names the agent.
        let possessed = possessed_agent(lower, noun + 1);
        let agent = possessed.map(|(_, a)| a).or(noun_agent);
        out.push(StateReference {
            start: i,
            end: noun,
            country: first,
            agent,
            continues_plural: false,
        });
        out.push(StateReference {
            start: noun,
            end: possessed.map_or(noun + 1, |(end, _)| end),
            country: second,
            agent,
            continues_plural: true,
        });
    }
    out
}

/// The head noun of "the [modifiers] country" opening at `the`, if the phrase is one.
fn description_head(
    tokens: &[Token],
    lower: &[String],
    covered: &[bool],
    the: usize,
) -> Option<usize> {
    let last = (the + 1 + MAX_MODIFIERS).min(tokens.len() - 1);
    for j in the + 1..=last {
        if covered[j] {
            return None;
        }
        if STATE_NOUNS.contains(&lower[j].as_str()) {
            // "the country's" or "the country" but not "the country music" or "the nation
            // state": the description must end the noun phrase.
            let next = lower.get(j + 1).map(String::as_str);
            let ends_phrase = next.is_none_or(|w| {
                !w.chars().next().is_some_and(char::is_alphanumeric)
                    || !is_noun_like(&tokens[j + 1])
            });
            return ends_phrase.then_some(j);
        }
        if !is_modifier(&tokens[j], &lower[j]) {
            return None;
        }
    }
    None
}

/// The end and agent of "'s opposition" right after a description ending before `at`.
fn possessed_agent(lower: &[String], at: usize) -> Option<(usize, &'static str)> {
    if !matches!(
        lower.get(at).map(String::as_str),
        Some("'s" | "'" | "’s" | "’")
    ) {
        return None;
    }
    // "the country's *interior minister*", "the nation's *foreign ministry*".
    let ministerial = |i: usize| {
        lower
            .get(i)
            .is_some_and(|w| matches!(w.as_str(), "minister" | "ministry"))
    };
    for (head, end) in [(at + 1, at + 2), (at + 2, at + 3)] {
        if ministerial(head) {
            let defence = head == at + 2 && matches!(lower[at + 1].as_str(), "defence" | "defense");
            return Some((end, if defence { "MIL" } else { "GOV" }));
        }
    }
    // The longest entry wins: "the country's *military rulers*", not its "military".
    POSSESSED_AGENTS
        .iter()
        .filter_map(|(words, agent)| {
            let n = words.split(' ').count();
            let found = lower
                .get(at + 1..at + 1 + n)
                .is_some_and(|w| w.iter().map(String::as_str).eq(words.split(' ')));
            found.then_some((at + 1 + n, *agent))
        })
        .max_by_key(|&(end, _)| end)
}

/// "West", "African", "oil-rich", "Gulf", "neighbouring": words that describe a state.
fn is_modifier(token: &Token, lower: &str) -> bool {
    match token.upos.as_str() {
        "ADJ" | "PROPN" => true,
        "" => token.text.chars().next().is_some_and(char::is_uppercase) || lower.contains('-'),
        _ => false,
    }
}

fn is_noun_like(token: &Token) -> bool {
    matches!(token.upos.as_str(), "NOUN" | "PROPN")
}

/// Whether a mention names a state or one of its organs or officials (IGOs and NGOs do not).
fn names_a_state(m: &chronicle_core::Mention) -> bool {
    m.kind != MentionKind::Organisation || m.actor.agent.is_some()
}

/// The country of the last mention of a state (or of one of its organs or officials) before
/// token `before` of sentence `index`.
fn state_named_before(doc: &Document, index: usize, before: usize) -> Option<String> {
    states_named_before(doc, index, before).into_iter().next()
}

/// The last two distinct countries of state mentions before token `before` of sentence
/// `index`, the latest first.
fn states_named_before(doc: &Document, index: usize, before: usize) -> Vec<String> {
    countries_named_before(doc, index, before, &names_a_state)
}

/// "urged the two countries to resolve their differences": of the states named in the last
/// few sentences, the two the article has named most (the story's dyad, not a third state
/// named in passing), the latest first on a tie; the latest first in the result.
fn dyad_named_before(
    doc: &Document,
    index: usize,
    before: usize,
    addressers: &[String],
) -> Vec<String> {
    let mut recent = countries_named_before_all(doc, index, before);
    // "Malaysia urged both countries …": the two are others than the one urging them.
    let others: Vec<String> = recent
        .iter()
        .filter(|c| !addressers.contains(c))
        .cloned()
        .collect();
    if others.len() >= 2 {
        recent = others;
    }
    // "A ceasefire between Israel and Iran held …, after Trump announced that the two
    // countries had agreed …": a pair the sentence itself names with "between" is the pair.
    if let Some(pair) = pair_between(doc, index, before) {
        return pair;
    }
    let count = |country: &str| {
        doc.mentions
            .iter()
            .filter(|m| m.sentence < index || (m.sentence == index && m.tokens.1 <= before))
            .filter(|m| names_a_state(m) && m.actor.country.as_deref() == Some(country))
            .count()
    };
    let mut ranked: Vec<(usize, usize, String)> = recent
        .into_iter()
        .enumerate()
        .map(|(recency, c)| (count(&c), recency, c))
        .collect();
    // Most named first; among equals, the latest first.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut two: Vec<(usize, String)> = ranked
        .into_iter()
        .take(2)
        .map(|(_, recency, c)| (recency, c))
        .collect();
    two.sort_by_key(|(recency, _)| *recency);
    two.into_iter().map(|(_, c)| c).collect()
}

/// The two states of a "between X and Y" earlier in sentence `index`, the latest first.
fn pair_between(doc: &Document, index: usize, before: usize) -> Option<Vec<String>> {
    let tokens = &doc.sentences.get(index)?.tokens;
    let states: Vec<&chronicle_core::Mention> = doc
        .mentions_in(index)
        .map(|(_, m)| m)
        .filter(|m| names_a_state(m) && m.tokens.1 <= before)
        .collect();
    states.windows(2).rev().find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let between = a.tokens.0 > 0
            && tokens
                .get(a.tokens.0 - 1)?
                .text
                .eq_ignore_ascii_case("between");
        let joined = b.tokens.0 == a.tokens.1 + 1 && tokens.get(a.tokens.1)?.text == "and";
        let (ca, cb) = (a.actor.country.clone()?, b.actor.country.clone()?);
        (between && joined && ca != cb).then(|| vec![cb, ca])
    })
}

/// Agents a side of a civil war may be.
const SIDE_AGENTS: &[&str] = &["GOV", "MIL", "REB", "OPP", "COP"];

/// "both sides" when the story's two most-named actors lately are two sides of one state
/// ("the army and the RSF"): that state and the two agents, the first named first.
fn sides_of_one_state(
    doc: &Document,
    index: usize,
    before: usize,
    addressers: &[String],
) -> Option<(String, [&'static str; 2])> {
    let first = index.saturating_sub(LOOKBACK_SENTENCES);
    let mut counts: Vec<((String, &'static str), usize)> = Vec::new();
    for m in doc.mentions.iter().filter(|m| {
        (first..index).contains(&m.sentence) || (m.sentence == index && m.tokens.1 <= before)
    }) {
        let (Some(country), Some(agent)) = (m.actor.country.as_ref(), m.actor.agent.as_deref())
        else {
            continue;
        };
        let Some(agent) = SIDE_AGENTS.iter().copied().find(|a| *a == agent) else {
            continue;
        };
        if addressers.contains(country) {
            continue;
        }
        match counts
            .iter_mut()
            .find(|(k, _)| k.0 == *country && k.1 == agent)
        {
            Some((_, n)) => *n += 1,
            None => counts.push(((country.clone(), agent), 1)),
        }
    }
    // The two most named, first named first on a tie (the sort is stable).
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let [(a, _), (b, _)] = counts.get(..2)? else {
        return None;
    };
    // Only a pair within one state, and no other state named as often.
    let others = doc
        .mentions
        .iter()
        .filter(|m| (first..=index).contains(&m.sentence))
        .filter_map(|m| m.actor.country.as_ref())
        .any(|c| *c != a.0 && !addressers.contains(c));
    (a.0 == b.0 && a.1 != b.1 && !others).then(|| (a.0.clone(), [a.1, b.1]))
}

/// The countries of the actors the parse makes subjects in sentence `index` before `before`.
fn subjects_before(doc: &Document, index: usize, tokens: &[Token], before: usize) -> Vec<String> {
    doc.mentions_in(index)
        .filter(|(_, m)| m.tokens.1 <= before && m.is_parsed_subject(tokens))
        .filter_map(|(_, m)| m.actor.country.clone())
        .collect()
}

/// The states of the subject of the verb whose object is token `noun` ("*Malaysia* urged
/// both countries"), from the parse; empty without one.
fn addressers(doc: &Document, index: usize, tokens: &[Token], noun: usize) -> Vec<String> {
    let Some(token) = tokens.get(noun) else {
        return Vec::new();
    };
    let verb = match token.deprel.as_str() {
        "obj" | "iobj" | "obl" => token.head,
        // "spoke by phone *with both leaders*": the phrase hangs on the verb's object.
        "nmod" => token.head.and_then(|h| {
            let noun = &tokens[h];
            matches!(noun.deprel.as_str(), "obj" | "obl")
                .then_some(noun.head)
                .flatten()
        }),
        // "Trump announced that *the two countries* had agreed": the reporter is no party.
        d if d.starts_with("nsubj") => token
            .head
            .filter(|&v| tokens[v].deprel == "ccomp")
            .and_then(|v| tokens[v].head),
        _ => None,
    };
    verb.map_or_else(Vec::new, |verb| subject_countries(doc, index, tokens, verb))
}

/// The states of the subjects of `verb`, with the actors conjoined to them, from the parse.
fn subject_countries(doc: &Document, index: usize, tokens: &[Token], verb: usize) -> Vec<String> {
    let mut subjects: Vec<usize> = (0..tokens.len())
        .filter(|&t| tokens[t].head == Some(verb) && tokens[t].deprel.starts_with("nsubj"))
        .collect();
    // "days after Russian *forces* invaded the country": a verb read as modifying a noun
    // has that noun for its subject.
    if subjects.is_empty() && tokens[verb].deprel.starts_with("acl") {
        subjects.extend(tokens[verb].head);
    }
    let subjects: Vec<usize> = subjects
        .into_iter()
        .flat_map(|t| {
            // The subject, the actors conjoined to it ("Qatar and Saudi Arabia urged") and the
            // rest of its name or its apposition ("Datuk Seri Anwar Ibrahim, the ASEAN chair").
            std::iter::once(t).chain((0..tokens.len()).filter(move |&c| {
                tokens[c].head == Some(t)
                    && matches!(tokens[c].deprel.as_str(), "conj" | "flat" | "appos")
            }))
        })
        .collect();
    doc.mentions_in(index)
        .filter(|(_, m)| {
            subjects
                .iter()
                .any(|&t| (m.tokens.0..m.tokens.1).contains(&t))
        })
        .filter_map(|(_, m)| m.actor.country.clone())
        .collect()
}

/// Every distinct country of state mentions in the window before token `before`, the latest
/// first.
fn countries_named_before_all(doc: &Document, index: usize, before: usize) -> Vec<String> {
    countries_named_before_n(doc, index, before, usize::MAX, &names_a_state)
}

/// The countries of the last two distinct people named before token `before`.
fn people_named_before(doc: &Document, index: usize, before: usize) -> Vec<String> {
    countries_named_before(doc, index, before, &|m| m.kind == MentionKind::Person)
}

/// The last two distinct countries of the mentions `keep` accepts before token `before` of
/// sentence `index`, the latest first.
fn countries_named_before(
    doc: &Document,
    index: usize,
    before: usize,
    keep: &dyn Fn(&chronicle_core::Mention) -> bool,
) -> Vec<String> {
    countries_named_before_n(doc, index, before, 2, keep)
}

/// The last `n` distinct countries of the mentions `keep` accepts before token `before` of
/// sentence `index` (within the lookback window), the latest first.
fn countries_named_before_n(
    doc: &Document,
    index: usize,
    before: usize,
    n: usize,
    keep: &dyn Fn(&chronicle_core::Mention) -> bool,
) -> Vec<String> {
    let first = index.saturating_sub(LOOKBACK_SENTENCES);
    let mut named: Vec<((usize, usize), String)> = doc
        .mentions
        .iter()
        .filter(|m| {
            (first..index).contains(&m.sentence) || (m.sentence == index && m.tokens.1 <= before)
        })
        .filter(|m| keep(m))
        // IGOs and NGOs have no country: they are never the state referred to.
        .filter_map(|m| Some(((m.sentence, m.tokens.0), m.actor.country.clone()?)))
        .collect();
    named.sort_by_key(|(position, _)| std::cmp::Reverse(*position));
    let mut out: Vec<String> = Vec::new();
    for (_, country) in named {
        if !out.contains(&country) {
            out.push(country);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{ActorCode, Article, Mention, Span, Stage};

    /// A segmented document whose first occurrence of each phrase is a country mention.
    fn doc(text: &str, states: &[(&str, &str)]) -> Document {
        let mut doc = Document::new(Article {
            text: text.to_owned(),
            ..Default::default()
        });
        chronicle_nlp::Segmenter::new().process(&mut doc);
        for (phrase, code) in states {
            let start = text.find(phrase).expect("phrase in text");
            let span = Span::new(start, start + phrase.len());
            let sentence = doc.sentence_at(start).expect("sentence");
            let tokens = &doc.sentences[sentence].tokens;
            let first = tokens
                .iter()
                .position(|t| t.span.start == span.start)
                .unwrap();
            let last = tokens.iter().position(|t| t.span.end == span.end).unwrap();
            doc.mentions.push(Mention {
                sentence,
                tokens: (first, last + 1),
                span,
                text: phrase.to_string(),
                kind: MentionKind::Country,
                actor: ActorCode::new(Some(code), None, ""),
                head: last,
            });
        }
        doc
    }

    fn references(doc: &Document, index: usize) -> Vec<(String, String, Option<&'static str>)> {
        let tokens = &doc.sentences[index].tokens;
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let covered: Vec<bool> = (0..tokens.len())
            .map(|t| {
                doc.mentions
                    .iter()
                    .any(|m| m.sentence == index && (m.tokens.0..m.tokens.1).contains(&t))
            })
            .collect();
        state_references(doc, index, tokens, &lower, &covered)
            .into_iter()
            .map(|r| {
                let text = tokens[r.start..r.end]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                (text, r.country, r.agent)
            })
            .collect()
    }

    #[test]
    fn a_description_is_the_state_named_last() {
        let d = doc(
            "France will withdraw its ambassador from Niger and end its military cooperation \
             with the West African country.",
            &[("France", "FRA"), ("Niger", "NER")],
        );
        assert_eq!(
            references(&d, 0),
            [(
                "the West African country".to_owned(),
                "NER".to_owned(),
                None
            )]
        );
    }

    #[test]
    fn a_described_state_lends_its_country_to_what_it_possesses() {
        let d = doc(
            "Washington eased sanctions on Venezuela on Wednesday. A day earlier, Maduro's \
             government and the country's opposition signed an agreement in Barbados.",
            &[("Washington", "USA"), ("Venezuela", "VEN")],
        );
        assert_eq!(
            references(&d, 1),
            [(
                "the country 's opposition".to_owned(),
                "VEN".to_owned(),
                Some("OPP")
            )]
        );
    }

    #[test]
    fn no_state_named_before_or_a_longer_noun_phrase_is_no_reference() {
        let d = doc("The nation awaited the verdict.", &[]);
        assert!(references(&d, 0).is_empty());
        let mut d = doc(
            "Kenya hosted the talks in Nairobi. The country music festival opened on Friday.",
            &[("Kenya", "KEN")],
        );
        for t in &mut d.sentences[1].tokens {
            t.upos = if t.text == "music" || t.text == "festival" {
                "NOUN"
            } else {
                "X"
            }
            .into();
        }
        assert!(references(&d, 1).is_empty());
    }

    #[test]
    fn a_plural_description_is_the_last_two_states_named() {
        let d = doc(
            "Armenia and Azerbaijan traded fire overnight. Michel spoke with both countries' \
             leaders, and Moscow urged the two neighbours to hold talks.",
            &[("Armenia", "ARM"), ("Azerbaijan", "AZE")],
        );
        let refs = references(&d, 1);
        assert_eq!(
            refs,
            [
                ("both".to_owned(), "ARM".to_owned(), Some("GOV")),
                (
                    "countries ' leaders".to_owned(),
                    "AZE".to_owned(),
                    Some("GOV")
                ),
                ("the two".to_owned(), "ARM".to_owned(), None),
                ("neighbours".to_owned(), "AZE".to_owned(), None),
            ]
        );
        // One state named before is no pair.
        let d = doc(
            "Kenya sent troops. Both countries welcomed the move.",
            &[("Kenya", "KEN")],
        );
        assert!(references(&d, 1).is_empty());
    }

    #[test]
    fn the_two_countries_are_the_storys_dyad_not_a_state_named_in_passing() {
        let d = doc(
            "Ecuador's police raided Mexico's embassy. Mexico cut ties with Ecuador. Honduras \
             condemned the raid, and Peru urged the two countries to talk.",
            &[
                ("Ecuador's", "ECU"),
                ("Mexico's", "MEX"),
                ("Mexico cut", "MEX"),
                ("with Ecuador", "ECU"),
                ("Honduras", "HND"),
                ("Peru", "PER"),
            ],
        );
        let refs: Vec<String> = references(&d, 2).into_iter().map(|r| r.1).collect();
        // Ecuador and Mexico, each named twice (in the order last named), not Honduras.
        assert_eq!(refs, ["MEX", "ECU"]);
    }
}
