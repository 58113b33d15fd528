//! Organisations referred to again by their head noun: "the commission" after "the European
//! Commission", "the council" after "the UN Security Council", "the bloc" after the EU.
//! Wire copy names a body once in full and then shortens it; the shortened form is the same
//! actor, and it is often the one that acts ("the commission said it would continue talks").

use chronicle_core::{Document, Mention, MentionKind, Token};

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
const BODY_HEADS: &[&str] = &["bloc", "alliance"];

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

/// Coreference mentions for "the <head>" phrases of `doc` that `found` (the resolver's
/// mentions, in order) leaves uncovered and an earlier organisation mention explains.
pub(crate) fn short_form_mentions(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        for i in 1..tokens.len() {
            if !tokens[i - 1].text.eq_ignore_ascii_case("the") {
                continue;
            }
            let head = tokens[i].text.to_lowercase();
            let by_name = NAME_HEADS.contains(&head.as_str());
            let by_group = GROUP_HEADS.contains(&head.as_str());
            if !(by_name || by_group || BODY_HEADS.contains(&head.as_str()))
                || continues_phrase(tokens, i)
            {
                continue;
            }
            let covered = found
                .iter()
                .any(|m| m.sentence == sentence.index && m.tokens.0 <= i && i < m.tokens.1);
            if covered {
                continue;
            }
            let before = (sentence.index, i - 1);
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
                        // "EU ministers met … the bloc": any mention of a regional body.
                        m.actor.code.starts_with("IGO") && !m.actor.code.starts_with("IGOUNO")
                    }
                });
            if let Some(a) = antecedent {
                let span = chronicle_core::Span::new(tokens[i - 1].span.start, tokens[i].span.end);
                out.push(Mention {
                    sentence: sentence.index,
                    tokens: (i - 1, i + 1),
                    span,
                    text: doc
                        .text()
                        .get(span.start..span.end)
                        .unwrap_or_default()
                        .to_owned(),
                    kind: MentionKind::Coreference,
                    actor: a.actor.clone(),
                    head: i,
                });
            }
        }
    }
    out
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
