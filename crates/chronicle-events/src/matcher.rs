//! Matching one pattern at one anchor token: words, gaps, slots and the passive.

use crate::lexicon::{BE_FORMS, STATIVE_PARTICIPLES};
use crate::patterns::{Element, Pattern, ELLIPSIS_TOKENS, GAP_TOKENS};
use crate::sentence::SentenceView;

/// A pattern matched at one anchor.
pub(crate) struct Match<'p> {
    pub pattern: &'p Pattern,
    pub start: usize,
    pub end: usize,
    /// Tokens `[anchor, trigger_end)` are the evidence words.
    pub anchor: usize,
    pub trigger_end: usize,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub passive: bool,
    /// Last token the pattern may look at (its clause, extended over a "that" complement).
    pub limit: usize,
}

#[derive(Clone, Default)]
struct Bindings {
    sources: Vec<usize>,
    targets: Vec<usize>,
    trigger_end: usize,
    trigger_closed: bool,
    end: usize,
}

pub(crate) fn word_matches(view: &SentenceView, i: usize, words: &[String]) -> bool {
    words.iter().any(|w| match w.strip_prefix('=') {
        Some(form) => form == view.lower[i],
        None => *w == view.lemmas[i] || *w == view.lower[i],
    })
}

/// "was criticised", "were frozen", "got arrested".
pub(crate) fn is_passive(view: &SentenceView, anchor: usize) -> bool {
    let participle = match view.tokens[anchor].xpos.as_str() {
        // "is weighing" is progressive, not passive.
        "" => {
            !view.lower[anchor].ends_with("ing")
                && (view.lower[anchor].ends_with("ed") || view.lemmas[anchor] != view.lower[anchor])
        }
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

/// Matches `pattern` with its anchor word at token `anchor`.
pub(crate) fn match_at<'p>(
    view: &SentenceView,
    pattern: &'p Pattern,
    anchor: usize,
    passive: bool,
) -> Option<Match<'p>> {
    let clause = view.clause_at(anchor);
    let mut limit = clause.end;
    // "demanded that Moscow withdraw": the complement clause belongs to the verb, also past a
    // short time phrase ("warned *in October* that …").
    if view.is_word(limit, &["that"])
        && (limit <= anchor + 2 || time_phrase(view, anchor + 1, limit))
    {
        let next = view.clause_at(limit);
        limit = next.end;
    }
    // "bombed and destroyed *the reactor*": verbs that share one object share its frame.
    if view.tokens[anchor].upos == "VERB"
        && view.is_word(anchor + 1, &["and", "or"])
        && limit <= anchor + 2
        && limit < view.len()
    {
        limit = view.clause_at(anchor + 2).end;
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

/// Whether tokens `[from, to)` are a short time phrase ("in October", "on Monday", "last
/// week"), not an object that a relative "that" could follow ("the electoral process that").
fn time_phrase(view: &SentenceView, from: usize, to: usize) -> bool {
    to <= from + 3
        && (from..to).all(|i| {
            let upos = view.tokens[i].upos.as_str();
            matches!(upos, "ADP" | "PROPN" | "NUM" | "ADJ" | "DET")
                || view.is_word(
                    i,
                    &[
                        "week",
                        "month",
                        "year",
                        "weekend",
                        "morning",
                        "evening",
                        "night",
                        "early",
                        "late",
                        "earlier",
                        "today",
                        "yesterday",
                    ],
                )
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
    let actor = if pattern.prefix.len() == 2 {
        view.possessor_before(anchor)?
    } else {
        let actor = view
            .actor_at
            .get(anchor.checked_sub(1)?)
            .copied()
            .flatten()?;
        (view.actors[actor].end == anchor).then_some(actor)?
    };
    let span = view.actors[actor];
    (span.start >= floor).then(|| (span.start, vec![actor]))
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
            // "suspended *about $87 million in* economic aid": a sum of money is one word of
            // a gap, however many tokens spell it.
            let mut counted = 0;
            for k in 0.. {
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
                if k > 0 && !(*elem == Element::Gap && is_money(view, p - 1)) {
                    counted += 1;
                }
                if counted > max {
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
            // "urged *them* to resolve the conflict", "urged *both of them*": an object pronoun
            // holds the slot; the coder resolves it to the sentence's latest targets.
            if *elem == Element::Target && !passive {
                if let Some(pronoun) = view.object_pronoun_at(pos) {
                    return walk(view, elems, i + 1, pronoun + 1, limit, false, b);
                }
            }
            None
        }
    }
}

/// A token of a sum of money: a currency sign or word, a magnitude, or a number next to one
/// ("$87 million", "200 million dollars"; not "12 officials").
fn is_money(view: &SentenceView, i: usize) -> bool {
    const MONEY: &[&str] = &[
        "$", "€", "£", "us$", "million", "billion", "trillion", "dollars", "dollar", "euros",
        "euro", "yen", "pounds", "yuan",
    ];
    view.is_word(i, MONEY)
        || (view.tokens[i].upos == "NUM"
            && (view.is_word(i.wrapping_sub(1), MONEY) || view.is_word(i + 1, MONEY)))
}
