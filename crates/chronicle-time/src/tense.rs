//! Reading the tense of the verb that governs a time expression, with or without a tagger.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chronicle_core::Token;

use crate::calendar::Direction;

/// The word lists of `data/words.txt`, by section.
pub(crate) struct Words {
    pub irregular_past: HashSet<&'static str>,
    pub past_participle: HashSet<&'static str>,
    pub not_past: HashSet<&'static str>,
    pub future_before_to: HashSet<&'static str>,
    pub present_verbs: HashSet<&'static str>,
    pub weekday_followers: HashSet<&'static str>,
    pub count_nouns: HashSet<&'static str>,
    pub holiday_followers: HashSet<&'static str>,
    pub date_prepositions: HashSet<&'static str>,
    pub quantity_words: HashSet<&'static str>,
    pub strong_year_prepositions: HashSet<&'static str>,
    pub holiday_prepositions: HashSet<&'static str>,
    pub clock_prepositions: HashSet<&'static str>,
    pub timezones: HashSet<&'static str>,
}

pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut sections = parse_sections(include_str!("../data/words.txt"));
    let mut take = |name: &str| sections.remove(name).unwrap_or_default();
    Words {
        irregular_past: take("irregular_past"),
        past_participle: take("past_participle"),
        not_past: take("not_past"),
        future_before_to: take("future_before_to"),
        present_verbs: take("present_verbs"),
        weekday_followers: take("weekday_followers"),
        count_nouns: take("count_nouns"),
        holiday_followers: take("holiday_followers"),
        date_prepositions: take("date_prepositions"),
        quantity_words: take("quantity_words"),
        strong_year_prepositions: take("strong_year_prepositions"),
        holiday_prepositions: take("holiday_prepositions"),
        clock_prepositions: take("clock_prepositions"),
        timezones: take("timezones"),
    }
});

fn parse_sections(text: &'static str) -> HashMap<&'static str, HashSet<&'static str>> {
    let mut out: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            continue;
        }
        out.entry(current).or_default().insert(line);
    }
    out
}

/// The grammatical role a token can play in a verb group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// will, would, may, could, …; `past` for "would have", "could have".
    Modal {
        past: bool,
    },
    To,
    BePresent,
    BePast,
    Have,
    Had,
    /// A simple past ("said") or an -ed form.
    Past,
    /// An irregular participle ("been", "given").
    Participle,
    Present,
    /// A bare infinitive or other base form (tagged text only).
    Base,
}

/// ASCII-lower-cases into a small buffer; None when the word is long or not ASCII.
pub(crate) fn lower_ascii(word: &str, buf: &mut [u8; 24]) -> Option<usize> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (o, c) in buf.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    Some(b.len())
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// True when any token carries a Penn tag, i.e. a tagger ran.
pub(crate) fn is_tagged(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| !t.xpos.is_empty())
}

fn is_have(w: &str) -> bool {
    matches!(w, "have" | "has" | "'ve" | "’ve")
}

fn next_word_is_have(tokens: &[Token], j: usize) -> bool {
    tokens[j + 1..]
        .iter()
        .take(3)
        .find(|t| !is_adverb(&lower(&t.text)))
        .is_some_and(|t| is_have(&lower(&t.text)))
}

/// The verb-group role of token `j`, if any.
pub(crate) fn verb_form(tokens: &[Token], j: usize, tagged: bool) -> Option<VerbForm> {
    let tok = &tokens[j];
    let w = lower(&tok.text);
    if tagged {
        return tagged_form(tokens, j, &w);
    }
    let words = &*WORDS;
    Some(match w.as_str() {
        "will" | "'ll" | "’ll" | "shall" | "wo" | "can" | "ca" | "might" | "must" | "should" => {
            VerbForm::Modal { past: false }
        }
        // "May" capitalised mid-sentence is the month or a name.
        "may" if tok.text == "may" || j == 0 => VerbForm::Modal { past: false },
        "would" | "'d" | "’d" | "could" => VerbForm::Modal {
            past: next_word_is_have(tokens, j),
        },
        "to" if is_infinitive_marker(tokens, j) => VerbForm::To,
        "is" | "are" | "am" | "'re" | "’re" | "'m" | "’m" => VerbForm::BePresent,
        "was" | "were" => VerbForm::BePast,
        _ if is_have(&w) => VerbForm::Have,
        "had" => VerbForm::Had,
        _ if words.past_participle.contains(w.as_str()) => VerbForm::Participle,
        _ if words.irregular_past.contains(w.as_str()) => VerbForm::Past,
        _ if words.present_verbs.contains(w.as_str()) => VerbForm::Present,
        _ if looks_like_ed_verb(tokens, j, &w) => VerbForm::Past,
        _ => return None,
    })
}

fn tagged_form(tokens: &[Token], j: usize, w: &str) -> Option<VerbForm> {
    Some(match tokens[j].xpos.as_str() {
        "MD" => VerbForm::Modal {
            past: matches!(w, "would" | "could" | "might" | "should" | "'d" | "’d")
                && next_word_is_have(tokens, j),
        },
        "TO" => VerbForm::To,
        "VBD" if matches!(w, "was" | "were") => VerbForm::BePast,
        "VBD" if w == "had" => VerbForm::Had,
        "VBD" => VerbForm::Past,
        "VBN" => VerbForm::Participle,
        "VBZ" | "VBP" if matches!(w, "is" | "are" | "am" | "'s" | "'re" | "'m" | "’s") => {
            VerbForm::BePresent
        }
        "VBZ" | "VBP" if is_have(w) => VerbForm::Have,
        "VBZ" | "VBP" => VerbForm::Present,
        "VB" => VerbForm::Base,
        _ => return None,
    })
}

/// "to" before a lower-case word that is not a determiner: "to meet", not "to the talks",
/// "to Cairo".
fn is_infinitive_marker(tokens: &[Token], j: usize) -> bool {
    tokens.get(j + 1).is_some_and(|t| {
        let w = t.text.as_str();
        // Base verbs do not end in a plural "-s" ("to reporters", "to talks").
        let plural_noun = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !plural_noun
            && !matches!(
                t.text.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "some"
                    | "all"
                    | "any"
                    | "each"
                    | "every"
            )
    })
}

/// A lower-case "-ed" word not used as an adjective after a determiner ("the planned talks").
fn looks_like_ed_verb(tokens: &[Token], j: usize, w: &str) -> bool {
    if w.len() < 5
        || !w.ends_with("ed")
        || !tokens[j].text.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return false;
    }
    if WORDS.not_past.contains(w) {
        return false;
    }
    let prev = j.checked_sub(1).map(|p| lower(&tokens[p].text));
    !matches!(
        prev.as_deref(),
        Some(
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
        )
    )
}

/// Adverbs and negation that may sit inside a verb group ("will also meet", "has not said").
pub(crate) fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "n't"
            | "n’t"
            | "also"
            | "already"
            | "still"
            | "just"
            | "again"
            | "never"
            | "yet"
            | "then"
            | "now"
            | "reportedly"
            | "formally"
            | "officially"
            | "likely"
            | "soon"
            | "even"
            | "only"
            | "first"
            | "finally"
            | "be"
            | "been"
            | "being"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Tokens that end a clause for the purpose of finding its verb.
pub(crate) fn is_clause_boundary(text: &str) -> bool {
    matches!(
        text,
        ";" | ":" | "“" | "”" | "\"" | "''" | "``" | "(" | ")" | "[" | "]" | "—" | "–" | "--"
    ) || {
        let mut buf = [0u8; 24];
        match lower_ascii(text, &mut buf) {
            Some(n) => matches!(
                &buf[..n],
                b"that"
                    | b"which"
                    | b"who"
                    | b"whom"
                    | b"whose"
                    | b"while"
                    | b"whereas"
                    | b"because"
                    | b"but"
                    | b"although"
                    | b"though"
                    | b"after"
                    | b"before"
                    | b"until"
                    | b"unless"
            ),
            None => false,
        }
    }
}

fn is_temporal_preposition(w: &str) -> bool {
    ["after", "before", "until", "since"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// The tense of the verb group whose last member found so far is token `j`.
fn group_direction(tokens: &[Token], j: usize, tagged: bool) -> Option<Direction> {
    let own = verb_form(tokens, j, tagged)?;
    // Walk left over auxiliaries and adverbs to the first member of the group.
    let mut first = (j, own);
    let mut k = j;
    while k > 0 && j - k < 5 {
        k -= 1;
        let w = lower(&tokens[k].text);
        match verb_form(tokens, k, tagged) {
            Some(
                f @ (VerbForm::Modal { .. }
                | VerbForm::BePresent
                | VerbForm::BePast
                | VerbForm::Have
                | VerbForm::Had),
            ) => first = (k, f),
            Some(VerbForm::To) if k + 1 == j || first.1 != VerbForm::To => {
                first = (k, VerbForm::To)
            }
            _ if is_adverb(&w) => {}
            _ => break,
        }
    }
    let (start, form) = first;
    let next = tokens.get(start + 1).map(|t| lower(&t.text));
    let next_is_future_cue = next
        .as_deref()
        .is_some_and(|n| n == "to" || WORDS.future_before_to.contains(n));
    Some(match form {
        VerbForm::Modal { past: true } => Direction::Past,
        VerbForm::Modal { past: false } => Direction::Future,
        VerbForm::To => infinitive_direction(tokens, start, tagged),
        VerbForm::BePresent | VerbForm::BePast if next_is_future_cue => Direction::Future,
        VerbForm::BePresent => Direction::Present,
        VerbForm::BePast | VerbForm::Had | VerbForm::Past | VerbForm::Participle => Direction::Past,
        VerbForm::Have => {
            if start < j {
                Direction::Past
            } else {
                Direction::Present
            }
        }
        VerbForm::Present => Direction::Present,
        VerbForm::Base => return None,
    })
}

/// "to meet" is still to come after "plans", "agreed", "urged X"; after a finished attempt
/// ("failed to agree", "refused to attend") it takes that verb's tense.
fn infinitive_direction(tokens: &[Token], to: usize, tagged: bool) -> Direction {
    let Some(prev) = to.checked_sub(1) else {
        return Direction::Future;
    };
    let w = lower(&tokens[prev].text);
    if WORDS.future_before_to.contains(w.as_str()) {
        // "had been due to end on Wednesday" was a plan in the past.
        let past_perfect = tokens[prev.saturating_sub(3)..prev]
            .iter()
            .any(|t| t.text.eq_ignore_ascii_case("had"));
        return if past_perfect {
            Direction::Past
        } else {
            Direction::Future
        };
    }
    match verb_form(tokens, prev, tagged) {
        Some(VerbForm::Past | VerbForm::Participle | VerbForm::BePast | VerbForm::Had) => {
            Direction::Past
        }
        Some(VerbForm::Present) => Direction::Present,
        _ if record_set_in_the_past(tokens, to, tagged) => Direction::Past,
        _ => Direction::Future,
    }
}

/// "Khartoum *became the first government* to recognise South Sudan on Friday": an
/// infinitive after "the first/last/only …" reports a record set, in the tense of the verb
/// before it.
fn record_set_in_the_past(tokens: &[Token], to: usize, tagged: bool) -> bool {
    (to.saturating_sub(6)..to).any(|k| {
        let ordinal = matches!(lower(&tokens[k].text).as_str(), "first" | "last" | "only");
        ordinal
            && k >= 2
            && tokens[k - 1].text.eq_ignore_ascii_case("the")
            && matches!(
                verb_form(tokens, k - 2, tagged),
                Some(VerbForm::Past | VerbForm::BePast)
            )
    })
}

/// Tense of the clause around tokens `[start, end)`: the nearest verb group to the left
/// within the clause, else the nearest to the right.
pub(crate) fn clause_direction(tokens: &[Token], start: usize, end: usize) -> Direction {
    const LEFT_WINDOW: usize = 10;
    const RIGHT_WINDOW: usize = 14;
    let tagged = is_tagged(tokens);
    let mut j = start;
    while j > 0 && start - j < LEFT_WINDOW {
        j -= 1;
        // The expression's own preposition ("until Wednesday") does not end its clause.
        let own_preposition = j + 1 == start && is_temporal_preposition(&tokens[j].text);
        if is_clause_boundary(&tokens[j].text) && !own_preposition {
            break;
        }
        if let Some(d) = group_direction(tokens, j, tagged) {
            return d;
        }
    }
    for j in end..tokens.len().min(end + RIGHT_WINDOW) {
        if is_clause_boundary(&tokens[j].text) {
            break;
        }
        if let Some(d) = group_direction(tokens, j, tagged) {
            return d;
        }
    }
    Direction::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        chronicle_nlp::tokenize(s, 0)
    }

    fn dir_at(s: &str, word: &str) -> Direction {
        let t = toks(s);
        let i = t.iter().position(|t| t.text == word).unwrap();
        clause_direction(&t, i, i + 1)
    }

    #[test]
    fn reads_tense_from_word_forms() {
        assert_eq!(
            dir_at("Pyongyang said on Sunday it tested an engine.", "Sunday"),
            Direction::Past
        );
        assert_eq!(
            dir_at("The council will hold a meeting Wednesday.", "Wednesday"),
            Direction::Future
        );
        assert_eq!(
            dir_at("The talks will be held on Friday in Hanoi.", "Friday"),
            Direction::Future
        );
        assert_eq!(
            dir_at("Lim plans to meet Morgulov on Thursday.", "Thursday"),
            Direction::Future
        );
        assert_eq!(
            dir_at("On Monday, the minister visited Tokyo.", "Monday"),
            Direction::Past
        );
        assert_eq!(
            dir_at("North Korea on Sunday said it was ready.", "Sunday"),
            Direction::Past
        );
        assert_eq!(
            dir_at("Envoys are due to arrive in Oslo on Tuesday.", "Tuesday"),
            Direction::Future
        );
        assert_eq!(
            dir_at("The minister travels to Cairo on Friday.", "Friday"),
            Direction::Present
        );
        assert_eq!(
            dir_at("Troops had withdrawn by Tuesday.", "Tuesday"),
            Direction::Past
        );
        assert_eq!(dir_at("Talks on Monday", "Monday"), Direction::Unknown);
        assert_eq!(
            dir_at("Leaders had failed to agree at a summit in June.", "June"),
            Direction::Past
        );
        assert_eq!(
            dir_at("Both sides agreed to meet again in June.", "June"),
            Direction::Future
        );
        assert_eq!(
            dir_at("It had been due to end on Wednesday.", "Wednesday"),
            Direction::Past
        );
        assert_eq!(
            dir_at("Kim will stay in Seoul until Wednesday.", "Wednesday"),
            Direction::Future
        );
        // A record set: "became the first government to recognise it on Friday".
        assert_eq!(
            dir_at(
                "Khartoum became the first government to recognise it on Friday.",
                "Friday"
            ),
            Direction::Past
        );
        assert_eq!(
            dir_at("He will be the first leader to visit on Friday.", "Friday"),
            Direction::Future
        );
    }

    #[test]
    fn uses_penn_tags_when_present() {
        let mut t = toks("Officials meet envoys Friday");
        t[1].xpos = "VBD".into();
        for tok in &mut t {
            if tok.xpos.is_empty() {
                tok.xpos = "NN".into();
            }
        }
        assert_eq!(clause_direction(&t, 3, 4), Direction::Past);
        t[1].xpos = "VBP".into();
        assert_eq!(clause_direction(&t, 3, 4), Direction::Present);
    }
}
