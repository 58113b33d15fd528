//! Organisations referred to again by their head noun: "the commission" after "the European
//! Commission", "the council" after "the UN Security Council", "the bloc" after the EU.
//! Wire copy names a body once in full and then shortens it; the shortened form is the same
//! actor, and it is often the one that acts ("the commission said it would continue talks").

use chronicle_core::{Document, Mention, MentionKind, Sentence, Token};

/// Head nouns that stand for the organisation named before whose name ends with them.
const NAME_HEADS: &[&str] = &[
    "commission",
    "council",
    "agency",
    "watchdog",
    "mission",
    "organisation",
    "organization",
    "union",
    "court",
    "tribunal",
    "fund",
    "parliament",
];

/// Head nouns that stand for the last intergovernmental body named, whatever its name.
const BODY_HEADS: &[&str] = &["bloc", "alliance", "body"];

/// Words that may stand between "the" and a body's head noun: "the *continental* body".
const BODY_MODIFIERS: &[&str] = &[
    "regional",
    "continental",
    "hemispheric",
    "world",
    "global",
    "international",
    "military",
    "economic",
    "political",
    "western",
];

/// Plural people nouns that stand for the group named before with the same noun: "49
/// Ivorian soldiers landed in Bamako … *The soldiers* were arrested".
const GROUP_HEADS: &[&str] = &[
    "soldiers",
    "troops",
    "diplomats",
    "sailors",
    "crew",
    "fishermen",
    "hostages",
    "journalists",
    "detainees",
    "prisoners",
    "migrants",
    "peacekeepers",
];

/// How many sentences back a group noun finds its antecedent.
const GROUP_SENTENCES_BACK: usize = 4;

/// Head nouns that stand for the armed group named last: "Hezbollah … *the Iran-backed
/// group*", "the ELN … *the rebels* said", "Hamas … *the Islamist movement*".
const ARMED_HEADS: &[&str] = &[
    "group",
    "movement",
    "militia",
    "rebels",
    "militants",
    "insurgents",
    "guerrillas",
    "jihadists",
];

/// Words that may describe an armed group between "the" and its head noun, besides
/// capitalised ones ("the *Palestinian* group") and "-backed"/"-led"/"-aligned" compounds.
const ARMED_MODIFIERS: &[&str] = &[
    "militant",
    "armed",
    "rebel",
    "jihadist",
    "separatist",
    "extremist",
    "paramilitary",
    "radical",
    "hardline",
    "insurgent",
    "terrorist",
    "terror",
    "guerrilla",
    "shiite",
    "shia",
    "sunni",
    "islamist",
    "militia",
    "-",
];

/// Most words between "the" and an armed group's head noun.
const MAX_ARMED_MODIFIERS: usize = 3;

/// Coreference mentions for "the <head>" phrases of `doc` that `found` (the resolver's
/// mentions, in order) leaves uncovered and an earlier organisation mention explains.
pub(crate) fn short_form_mentions(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let mut out = armed_group_mentions(doc, found);
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        for i in 1..tokens.len() {
            let head = tokens[i].text.to_lowercase();
            let by_body = BODY_HEADS.contains(&head.as_str());
            // "the bloc", "the continental body"
            let the = if tokens[i - 1].text.eq_ignore_ascii_case("the") {
                i - 1
            } else if by_body
                && i > 1
                && tokens[i - 2].text.eq_ignore_ascii_case("the")
                && BODY_MODIFIERS.contains(&tokens[i - 1].text.as_str())
            {
                i - 2
            } else {
                continue;
            };
            let by_name = NAME_HEADS.contains(&head.as_str()) && the + 1 == i;
            let by_group = GROUP_HEADS.contains(&head.as_str()) && the + 1 == i;
            if !(by_name || by_group || by_body) || continues_phrase(tokens, i) {
                continue;
            }
            // "the body of a journalist": a corpse, not an organisation.
            if head == "body" && tokens.get(i + 1).is_some_and(|t| t.text == "of") {
                continue;
            }
            let covered = found
                .iter()
                .any(|m| m.sentence == sentence.index && m.tokens.0 <= i && i < m.tokens.1);
            if covered {
                continue;
            }
            let before = (sentence.index, the);
            let antecedent = found
                .iter()
                .rev()
                .filter(|m| (m.sentence, m.tokens.1) <= before)
                .find(|m| {
                    if by_group {
                        m.sentence + GROUP_SENTENCES_BACK >= sentence.index
                            && m.text
                                .rsplit(' ')
                                .next()
                                .is_some_and(|w| w.eq_ignore_ascii_case(&head))
                    } else if by_name {
                        m.kind == MentionKind::Organisation && headed_by(&m.text, &head)
                    } else {
                        // "EU ministers met … the bloc": any mention of a regional body;
                        // "the body" may also be the UN, when it was named lately.
                        m.actor.code.starts_with("IGO")
                            && if head == "body" {
                                m.sentence + GROUP_SENTENCES_BACK >= sentence.index
                            } else {
                                !m.actor.code.starts_with("IGOUNO")
                            }
                    }
                });
            if let Some(a) = antecedent {
                out.push(coreference(doc, sentence, (the, i + 1), a));
            }
        }
    }
    out
}

/// Coreference mentions for descriptions of the armed group named last: "the group", "the
/// Iran-backed group", "the rebels". Only an armed group (sector `REB`, or an international
/// militant group `IMG…`) named or spoken for in the last few sentences is referred to so;
/// other groups ("the rights group") keep no actor.
fn armed_group_mentions(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        // `found` is in text order: this sentence's mentions, and all those before them.
        let first = found.partition_point(|m| m.sentence < sentence.index);
        let end = found.partition_point(|m| m.sentence <= sentence.index);
        let own = &found[first..end];
        let covered = |i: usize| own.iter().any(|m| m.tokens.0 <= i && i < m.tokens.1);
        for the in 0..tokens.len() {
            if !tokens[the].text.eq_ignore_ascii_case("the") || covered(the) {
                continue;
            }
            let Some(head) = armed_head(tokens, the) else {
                continue;
            };
            // "the Group of Seven", "the group's leader" is still the group.
            let of_phrase = tokens.get(head + 1).is_some_and(|t| t.text == "of");
            if continues_phrase(tokens, head) || of_phrase || (the + 1..=head).any(covered) {
                continue;
            }
            let antecedent = found[..end]
                .iter()
                .rev()
                .filter(|m| (m.sentence, m.tokens.1) <= (sentence.index, the))
                .take_while(|m| m.sentence + GROUP_SENTENCES_BACK >= sentence.index)
                .find(|m| m.actor.is_armed_group());
            if let Some(a) = antecedent {
                out.push(coreference(doc, sentence, (the, head + 1), a));
            }
        }
    }
    out
}

/// A mention of `antecedent`'s actor over `tokens` of `sentence`, headed by its last word.
fn coreference(
    doc: &Document,
    sentence: &Sentence,
    tokens: (usize, usize),
    antecedent: &Mention,
) -> Mention {
    let words = &sentence.tokens;
    let span = chronicle_core::Span::new(words[tokens.0].span.start, words[tokens.1 - 1].span.end);
    Mention {
        sentence: sentence.index,
        tokens,
        span,
        text: doc
            .text()
            .get(span.start..span.end)
            .unwrap_or_default()
            .to_owned(),
        kind: MentionKind::Coreference,
        actor: antecedent.actor.clone(),
        head: tokens.1 - 1,
    }
}

/// The head noun of "the [modifiers] <armed head>" starting at `the`, if it is one.
fn armed_head(tokens: &[Token], the: usize) -> Option<usize> {
    let words = tokens.iter().enumerate().skip(the + 1);
    for (head, token) in words.take(MAX_ARMED_MODIFIERS + 1) {
        let text = &token.text;
        // A capitalised head is a name ("the Wagner Group"), which the resolver knows or not.
        if ARMED_HEADS.contains(&text.as_str()) {
            return Some(head);
        }
        let word = text.to_lowercase();
        let describes = text.chars().next().is_some_and(char::is_uppercase)
            || ARMED_MODIFIERS.contains(&word.as_str())
            || matches!(word.as_str(), "backed" | "led" | "aligned" | "allied");
        if !describes {
            return None;
        }
    }
    None
}

/// Whether an organisation's name has `head` as its head noun: last ("the European
/// *Commission*") or before "of" ("the International *Court* of Justice").
fn headed_by(name: &str, head: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.last().is_some_and(|w| w.eq_ignore_ascii_case(head))
        || words
            .windows(2)
            .any(|w| w[0].eq_ignore_ascii_case(head) && w[1] == "of")
}

/// "the council *meeting*", "the union *leader*": the noun modifies another one (known from
/// the tagger; without one, the phrase is taken as it stands).
fn continues_phrase(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|next| matches!(next.upos.as_str(), "NOUN" | "PROPN"))
}
