//! Speaker phrases and reported complements found from tokens alone (or from the parse
//! when a parser ran): "X said", "said X", "X, a think tank …, urged", "told reporters that …".

use std::ops::Range;

use chronicle_core::{Span, Token};

use crate::lexicon::{
    cue_class, ends_inverted_speaker, is_authoring_verb, is_channel_word, is_determiner,
    is_document_noun, is_hearer_word, is_negation, is_pronoun_speaker, is_quote_token,
    is_subject_boundary, is_subject_tail_word, is_time_modifier, is_time_word, CueClass,
};

/// Longest speaker phrase we accept; longer ones are usually a misparse.
const MAX_SPEAKER_TOKENS: usize = 16;

pub(crate) fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

fn is_punct(t: &Token) -> bool {
    !t.text.chars().any(char::is_alphanumeric)
}

/// Byte span of a token range.
pub(crate) fn span_of(tokens: &[Token], r: &Range<usize>) -> Span {
    Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end)
}

/// The subject of the cue at `cue`, searching no further left than `floor`.
///
/// The word-based phrase is the baseline; a parse (when one ran) may extend it ("Officials
/// in Seoul who briefed KBS said") or fill in when the words find nothing, but it never
/// replaces a phrase it does not contain: a wrong parse costs less that way.
pub(crate) fn subject_before(tokens: &[Token], cue: usize, floor: usize) -> Option<Range<usize>> {
    let words = subject_by_words(tokens, cue, floor);
    let parsed = parse_subject(tokens, cue).filter(|r| {
        r.start >= floor
            && r.end <= cue
            && !tokens[r.clone()].iter().any(|t| is_quote_token(&t.text))
    });
    let parsed = parsed.and_then(|r| accept(tokens, r.start, r.end));
    match (words, parsed) {
        (Some(w), Some(p)) if p.start <= w.start && w.end <= p.end => Some(p),
        (Some(w), _) => Some(w),
        (None, p) => p,
    }
}

fn subject_by_words(tokens: &[Token], cue: usize, floor: usize) -> Option<Range<usize>> {
    let mut end = strip_tail(tokens, floor, cue);
    // "Trump, who says he wants a deal, …": the relative pronoun stands for the phrase before.
    if end > floor && matches!(lower(&tokens[end - 1]).as_str(), "who" | "which") {
        end -= 1;
        if end > floor && tokens[end - 1].text == "," {
            end -= 1;
        }
    }
    let mut start = walk_back(tokens, floor, end);
    // "A senior official who asked not to be named said": a restrictive relative clause
    // (no comma before "who") belongs to the speaker phrase.
    // The clause may hold a cue word itself ("who asked not to be named").
    let who = (start.saturating_sub(6).max(floor + 1)..start)
        .rev()
        .take_while(|&i| !is_punct(&tokens[i]))
        .find(|&i| lower(&tokens[i]) == "who");
    if let Some(w) = who.filter(|&w| start < end && !is_subject_boundary(&tokens[w - 1].text)) {
        let head = walk_back(tokens, floor, w);
        if head < w {
            start = head;
        }
    }
    let start = skip_opening_time(tokens, start, end);
    if start == end {
        // "X, a think tank that …, urged": skip the appositive back to the previous comma.
        if end > floor && tokens[end - 1].text == "," {
            let lo = end.saturating_sub(40).max(floor);
            let comma = (lo..end - 1).rev().find(|&i| tokens[i].text == ",")?;
            let e2 = strip_tail(tokens, floor, comma);
            let s2 = walk_back(tokens, floor, e2);
            // "A ministry spokesman, Matthew Miller, said": the name in apposition speaks;
            // after a name ("Rep. Michael McCaul, R-Texas, said") the first name does.
            if is_name(&tokens[comma + 1..end - 1]) && !is_name(&tokens[s2..e2]) {
                return accept(tokens, comma + 1, end - 1);
            }
            return accept(tokens, s2, e2);
        }
        return None;
    }
    accept(tokens, start, end)
}

/// "On Friday the ministry said": a time adverbial opening the phrase is not the speaker.
fn skip_opening_time(tokens: &[Token], start: usize, end: usize) -> usize {
    let mut i = start;
    while i < end && is_time_modifier(&lower(&tokens[i])) && lower(&tokens[i]) != "the" {
        i += 1;
    }
    let mut j = i;
    while j < end && is_time_word(&lower(&tokens[j])) {
        j += 1;
    }
    if j > i && j < end {
        j
    } else {
        start
    }
}

/// Capitalised words only ("Abdel Fattah al-Burhan", "Sameh Shoukry").
fn is_name(tokens: &[Token]) -> bool {
    !tokens.is_empty()
        && tokens.len() <= 6
        && tokens[0].text.starts_with(char::is_uppercase)
        && tokens.iter().all(|t| {
            t.text.starts_with(char::is_uppercase)
                || t.text.contains('-') && t.text.chars().any(char::is_uppercase)
                || matches!(
                    t.text.as_str(),
                    "bin"
                        | "al"
                        | "de"
                        | "van"
                        | "von"
                        | "da"
                        | "del"
                        | "ibn"
                        | "der"
                        | "den"
                        | "la"
                        | "le"
                        | "du"
                        | "di"
                        | "dos"
                        | "das"
                        | "el"
                        | "ben"
                        | "ter"
                        | "."
                )
        })
}

fn accept(tokens: &[Token], mut start: usize, mut end: usize) -> Option<Range<usize>> {
    while start < end && is_punct(&tokens[start]) {
        start += 1;
    }
    // A closing bracket stays when its opening one is in the phrase: "(IRGC)".
    while start < end
        && is_punct(&tokens[end - 1])
        && !(tokens[end - 1].text == ")" && tokens[start..end].iter().any(|t| t.text == "("))
    {
        end -= 1;
    }
    while start < end
        && matches!(
            lower(&tokens[start]).as_str(),
            "and"
                | "but"
                | "also"
                | "so"
                | "with"
                | "meanwhile"
                | "however"
                | "separately"
                | "instead"
                | "still"
                | "yet"
                | "now"
                | "then"
                | "likewise"
                | "similarly"
        )
    {
        start += 1;
    }
    // "That said, …", "Needless to say, …", "As said, …" name nobody.
    let lone = end == start + 1
        && matches!(
            lower(&tokens[start]).as_str(),
            "that" | "this" | "needless" | "suffice" | "which" | "what" | "as" | "so" | "having"
        );
    (start < end
        && !lone
        && end - start <= MAX_SPEAKER_TOKENS
        && tokens[start..end].iter().any(|t| !is_punct(t)))
    .then_some(start..end)
}

/// Moves `end` left over auxiliaries, adverbs and time adverbials ("also", "on Sunday").
fn strip_tail(tokens: &[Token], floor: usize, mut end: usize) -> usize {
    while end > floor {
        let w = lower(&tokens[end - 1]);
        if is_subject_tail_word(&w) || is_negation(&w) {
            end -= 1;
            continue;
        }
        let after_modifier = end >= 2 + floor && is_time_modifier(&lower(&tokens[end - 2]));
        if is_time_word(&w) && (after_modifier || !has_upper(&tokens[end - 1].text)) {
            end -= 1;
            while end > floor {
                let m = lower(&tokens[end - 1]);
                if is_time_modifier(&m) || is_time_word(&m) {
                    end -= 1;
                } else {
                    break;
                }
            }
            continue;
        }
        break;
    }
    end
}

/// Walks left from `end` to the start of the phrase.
fn walk_back(tokens: &[Token], floor: usize, end: usize) -> usize {
    let mut start = end;
    while start > floor {
        let t = &tokens[start - 1].text;
        if t == "and" && (joins_names(tokens, start - 1) || joins_phrases(tokens, floor, start - 1))
        {
            start -= 1;
            continue;
        }
        // "the Joint Chiefs of Staff (JCS) said": a bracketed acronym stays in the phrase.
        if t == ")" && start >= floor + 4 && is_bracketed_acronym(tokens, start - 3) {
            start -= 3;
            continue;
        }
        // "A statement issued after the meeting said": the participle's adverbial.
        let participle_adverbial = matches!(t.as_str(), "after" | "before" | "following")
            && start >= floor + 3
            && is_authoring_verb(&lower(&tokens[start - 2]))
            && is_document_noun(&lower(&tokens[start - 3]));
        if participle_adverbial {
            start -= 3;
            continue;
        }
        if is_subject_boundary(t) || ends_phrase_as_cue(t) {
            break;
        }
        start -= 1;
    }
    start
}

/// "The United States and its European allies said": a name, "and", then a phrase opened
/// by a determiner or possessive, with no verb on the left ("Fighting resumed in Gaza and
/// the ministry said" is two clauses).
fn joins_phrases(tokens: &[Token], floor: usize, and: usize) -> bool {
    if and == floor {
        return false;
    }
    // A few words only: the scan must stay constant-time inside long sentences.
    let lowest = floor.max(and.saturating_sub(8));
    let mut left = and;
    while left > lowest && !is_subject_boundary(&tokens[left - 1].text) {
        left -= 1;
    }
    if left == lowest && left > floor && !is_subject_boundary(&tokens[left - 1].text) {
        return false;
    }
    let left_words = &tokens[left..and];
    let Some(first) = left_words.first() else {
        return false;
    };
    let next = tokens.get(and + 1).map(lower).unwrap_or_default();
    let opens_phrase = matches!(
        next.as_str(),
        "its" | "their" | "his" | "her" | "the" | "other" | "several" | "some"
    );
    // "The United States and its allies": capitalised words, determiners, "of", "'s".
    let named = has_upper(&tokens[and - 1].text)
        && left_words.iter().all(|t| {
            has_upper(&t.text)
                || is_determiner(&lower(t))
                || matches!(lower(t).as_str(), "'s" | "’s" | "of")
        });
    // "The army and police", "Both the government and businesses": a determiner and a
    // noun or two, nothing verb-like.
    let opener = lower(first);
    let left_words = match left_words {
        [both, rest @ ..] if lower(both) == "both" && !rest.is_empty() => rest,
        _ => left_words,
    };
    let first = &left_words[0];
    // "local sources and a security official": a bare plural before a determiner phrase.
    let bare = matches!(next.as_str(), "a" | "an" | "the" | "other");
    let nominal = (is_determiner(&lower(first)) || opener == "both" || bare)
        && left_words.len() <= 3
        && left_words.iter().enumerate().skip(1).all(|(k, t)| {
            let w = lower(t);
            // "Iran agrees", "it says": an -s word after a name or pronoun is a verb;
            // after an adjective ("local sources") a noun.
            let prev = &left_words[k - 1];
            let counted = matches!(
                lower(prev).as_str(),
                "two" | "three" | "four" | "five" | "six" | "several" | "many" | "some" | "dozens"
            );
            let after_subject =
                (has_upper(&prev.text) || is_pronoun_speaker(&lower(prev))) && !counted;
            let verb_like = is_auxiliary(&w)
                || IRREGULAR_PAST.contains(&w.as_str())
                || cue_class(&t.text).is_some()
                || !has_upper(&t.text) && (w.ends_with("ed") || w.ends_with('s') && after_subject);
            !verb_like
        });
    named && opens_phrase || nominal && !next.is_empty() && !is_pronoun_speaker(&next)
}

/// `( KCNA )` starting at `open`: a short capitalised name in brackets after a phrase.
fn is_bracketed_acronym(tokens: &[Token], open: usize) -> bool {
    matches!(tokens.get(open..open + 3), Some([o, name, c])
        if o.text == "(" && c.text == ")"
            && name.text.len() <= 12
            && name.text.starts_with(char::is_uppercase)
            && name.text.chars().all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '.'))
}

/// A cue word left of a speaker phrase ends it ("Lavrov said Iran reported"), except the
/// present forms of "that" cues, which are mostly nouns and adjectives there
/// ("state media reported", "EU member states said", "Iran's claims").
fn ends_phrase_as_cue(word: &str) -> bool {
    match cue_class(word) {
        Some(CueClass::That) => word.ends_with("ed") || word.ends_with("ing"),
        Some(_) => true,
        None => false,
    }
}

/// "Russia and China": a conjunction between capitalised words stays in the phrase.
fn joins_names(tokens: &[Token], i: usize) -> bool {
    i > 0
        && i + 1 < tokens.len()
        && has_upper(&tokens[i - 1].text)
        && has_upper(&tokens[i + 1].text)
        && !is_pronoun_speaker(&lower(&tokens[i + 1]))
}

/// The speaker named after an inverted cue: "said Trump", "said the foundation in a report".
pub(crate) fn speaker_after(tokens: &[Token], from: usize, limit: usize) -> Option<Range<usize>> {
    let limit = limit.min(tokens.len());
    let mut end = from;
    while end < limit && end - from < MAX_SPEAKER_TOKENS {
        let t = &tokens[end];
        if end > from && end + 3 <= limit && is_bracketed_acronym(tokens, end) {
            end += 3;
            continue;
        }
        // "said a senior official who asked not to be named": a restrictive relative
        // clause (no comma before "who") runs to the next comma.
        if end > from && lower(t) == "who" {
            let clause_end = (end..limit)
                .find(|&i| is_subject_boundary(&tokens[i].text) && tokens[i].text != "who")
                .unwrap_or(limit);
            if clause_end - from <= MAX_SPEAKER_TOKENS {
                end = clause_end;
            }
            break;
        }
        if end > from && place_postmodifier(tokens, from, end, limit) {
            end += 2;
            continue;
        }
        if ends_inverted_speaker(&t.text) || is_quote_token(&t.text) || cue_class(&t.text).is_some()
        {
            break;
        }
        // "said Peskov Monday": a weekday (AP style, no "on") is not part of the name.
        let weekday = matches!(
            lower(t).as_str(),
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        );
        if end > from && is_time_word(&lower(t)) && (!has_upper(&t.text) || weekday) {
            break;
        }
        // "said the department had received …", "said Washington stood with …" are
        // complements, not speakers.
        if is_subject_tail_word(&lower(t)) || IRREGULAR_PAST.contains(&lower(t).as_str()) {
            return None;
        }
        end += 1;
    }
    let first = &tokens.get(from)?.text;
    let nominal = has_upper(first)
        || matches!(
            first.to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "one"
                | "two"
                | "three"
                | "several"
        );
    (end > from && nominal).then_some(from..end)
}

/// "said the commission's chairperson, Justice Annabel Mtalimanja": when a description is
/// followed by a name in apposition, the name is the speaker phrase (as with "A ministry
/// spokesman, Matthew Miller, said").
pub(crate) fn appositive_name(tokens: &[Token], r: Range<usize>, limit: usize) -> Range<usize> {
    if is_name(&tokens[r.clone()]) || tokens.get(r.end).is_none_or(|t| t.text != ",") {
        return r;
    }
    let from = r.end + 1;
    let limit = limit.min(tokens.len());
    let to = (from..limit)
        .find(|&i| tokens[i].text == ",")
        .unwrap_or(limit);
    match accept(tokens, from, to) {
        Some(name) if name.len() > 1 && is_name(&tokens[name.clone()]) => name,
        _ => r,
    }
}

/// "…, Denmark, which holds the EU's rotating presidency, said.": the phrase before a
/// comma-set relative clause that ends right before the cue. Returns the phrase and the
/// comma that ends the reported clause.
pub(crate) fn relative_speaker_before(
    tokens: &[Token],
    comma: usize,
) -> Option<(Range<usize>, usize)> {
    let lo = comma.saturating_sub(30);
    // The relative pronoun is the nearest boundary; the comma before it opens the clause.
    let pronoun = (lo..comma)
        .rev()
        .find(|&i| is_subject_boundary(&tokens[i].text) || is_quote_token(&tokens[i].text))?;
    let relative = matches!(lower(&tokens[pronoun]).as_str(), "who" | "which")
        && pronoun > 1
        && tokens[pronoun - 1].text == ",";
    if !relative {
        return None;
    }
    let open = pronoun - 1;
    let start = walk_back(tokens, open.saturating_sub(10), open);
    if start == 0 || tokens[start - 1].text != "," || open - start > 8 {
        return None;
    }
    let first = &tokens[start];
    let nominal = has_upper(&first.text) || is_determiner(&lower(first));
    let r = accept(tokens, start, open).filter(|_| nominal)?;
    Some((r, start - 1))
}

/// "said the Organization for Security and Co-operation in Europe", "said a senior
/// official in Kyiv": "in"/"at" and a capitalised place continue a phrase that opened
/// with a determiner, inside an institution's name or after a common-noun head. After a
/// bare name ("said Peskov in Moscow") it says where, not who.
fn place_postmodifier(tokens: &[Token], from: usize, at: usize, limit: usize) -> bool {
    let preposition = matches!(lower(&tokens[at]).as_str(), "in" | "at");
    let Some(place) = tokens.get(at + 1).filter(|_| preposition && at + 1 < limit) else {
        return false;
    };
    let place_word = lower(place);
    let is_place = has_upper(&place.text)
        && !is_time_word(&place_word)
        && !is_channel_word(&place_word)
        && place.text.chars().any(char::is_alphabetic);
    let opened_with_determiner = matches!(
        lower(&tokens[from]).as_str(),
        "the" | "a" | "an" | "one" | "two" | "three" | "several"
    );
    is_place && opened_with_determiner
}

/// Words that open a sentence-initial adverbial ("On Friday, …", "Meanwhile, …").
fn opens_adverbial(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "during"
            | "meanwhile"
            | "however"
            | "earlier"
            | "later"
            | "speaking"
            | "after"
            | "before"
            | "last"
            | "this"
            | "separately"
            | "also"
            | "yet"
            | "still"
            | "but"
            | "and"
            | "asked"
            | "addressing"
            | "despite"
            | "with"
            | "for"
            | "under"
            | "amid"
            | "following"
            | "since"
            | "instead"
            | "by"
            | "as"
            | "when"
            | "while"
            | "if"
            | "writing"
            | "responding"
            | "ahead"
            | "prior"
            | "given"
            | "unlike"
            | "like"
            | "against"
            | "besides"
            | "beyond"
            | "within"
            | "without"
            | "through"
            | "throughout"
            | "once"
            | "until"
            | "although"
            | "though"
            | "because"
            | "nevertheless"
            | "nonetheless"
            | "moreover"
            | "furthermore"
            | "elsewhere"
            | "overall"
            | "today"
            | "yesterday"
    )
}

/// The subject of the sentence's main clause: the words before its first verb-like token.
/// Used for participial cues (", saying …") whose subject is the sentence's.
pub(crate) fn sentence_subject(tokens: &[Token], limit: usize) -> Option<Range<usize>> {
    let mut start = after_dateline(tokens).min(limit);
    if tokens
        .get(start)
        .is_some_and(|t| opens_adverbial(&lower(t)))
    {
        start += tokens[start..limit.min(tokens.len())]
            .iter()
            .position(|t| t.text == ",")?
            + 1;
    }
    let mut end = start;
    while end < limit && end - start < MAX_SPEAKER_TOKENS {
        let t = &tokens[end];
        let w = lower(t);
        let verb_like = cue_class(&t.text).is_some()
            || is_authoring_verb(&w)
            || is_subject_tail_word(&w)
            || (w.len() > 3 && w.ends_with("ed") && !has_upper(&t.text))
            || IRREGULAR_PAST.contains(&w.as_str()) && !has_upper(&t.text)
            || is_quote_token(&t.text)
            || t.text == ",";
        if verb_like {
            break;
        }
        end += 1;
    }
    let end = strip_tail(tokens, start, end);
    accept(tokens, start, end)
}

/// The nominal subject of `cue` from the dependency parse, when one ran.
fn parse_subject(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    if tokens.iter().all(|t| t.head.is_none()) || tokens[cue].deprel.is_empty() {
        return None;
    }
    let subj = |verb: usize| {
        tokens
            .iter()
            .position(|t| t.head == Some(verb) && t.deprel.starts_with("nsubj"))
    };
    let head = subj(cue).or_else(|| {
        // A participle or conjoined cue shares its governor's subject.
        let gov = tokens[cue].head?;
        matches!(tokens[cue].deprel.as_str(), "conj" | "advcl" | "xcomp")
            .then(|| subj(gov))
            .flatten()
    })?;
    Some(subtree(tokens, head))
}

/// Token range covered by the subtree of `root` (assumed projective).
fn subtree(tokens: &[Token], root: usize) -> Range<usize> {
    let (mut lo, mut hi) = (root, root);
    for i in 0..tokens.len() {
        let mut cur = i;
        // Bounded walk: a cyclic or very deep (broken) parse must not cost O(n²).
        for _ in 0..tokens.len().min(64) {
            if cur == root {
                lo = lo.min(i);
                hi = hi.max(i);
                break;
            }
            match tokens[cur].head {
                Some(h) if h < tokens.len() => cur = h,
                _ => break,
            }
        }
    }
    lo..hi + 1
}

/// Where a sentence's content ends: before its final punctuation and closing marks.
pub(crate) fn content_end(tokens: &[Token]) -> usize {
    let mut end = tokens.len();
    // "turnout was 76%": a percent sign belongs to the number.
    while end > 0 && is_punct(&tokens[end - 1]) && tokens[end - 1].text != "%" {
        end -= 1;
    }
    end
}

/// The reported complement after a cue: "said (on Friday) (that) …", "told reporters (that) …".
/// Returns the range and whether it was introduced by "that".
pub(crate) fn complement_after(
    tokens: &[Token],
    cue: usize,
    class: CueClass,
) -> Option<(Range<usize>, bool)> {
    let end = complement_end(tokens, cue + 1);
    let mut j = cue + 1;
    // "said on Friday that …", "told reporters after the meeting that …"; after an
    // adverbial the "that" may come later ("said in a press release carried by KCNA that").
    let window = if tokens
        .get(j)
        .is_some_and(|t| opens_cue_adverbial(&lower(t)))
    {
        20
    } else {
        9
    };
    for (t, token) in tokens.iter().enumerate().take(end.min(j + window)).skip(j) {
        let w = lower(token);
        if w == "that" {
            return (t + 1 < end).then(|| (t + 1..end, true));
        }
        // "said the debate showed that …": the "that" belongs to the clause's own verb
        // ("carried by KCNA that" is a participle of the adverbial).
        // "in an interview aired Sunday that", "in a report released on Wednesday that".
        let after_channel =
            is_channel_word(&lower(&tokens[t - 1])) || is_document_noun(&lower(&tokens[t - 1]));
        let verb = t > cue + 1
            && !w.ends_with('s')
            && !after_channel
            && looks_finite(tokens, t)
            && tokens.get(t + 1).is_none_or(|n| lower(n) != "by");
        // A cue word after a determiner is a noun ("the state news agency").
        let cue_word = cue_class(&token.text).is_some() && !(t > cue + 1 && is_cue_noun(tokens, t));
        if w == "," || verb || is_quote_token(&token.text) || cue_word {
            break;
        }
    }
    // "said, after talks ran late, …": a comma right after the cue opens an aside; a
    // complement after it would have had its "that".
    if tokens.get(cue + 1).is_some_and(|t| t.text == ",") {
        return None;
    }
    if class == CueClass::Tell {
        j = skip_hearer(tokens, j, end);
    }
    j = skip_adverbials(tokens, j, end);
    while j < end && matches!(tokens[j].text.as_str(), "," | ":" | "—" | "–" | "that") {
        j += 1;
    }
    if j >= end {
        return None;
    }
    // "wrote to Blinken", "spoke about": an addressee or topic, not what was said.
    if matches!(
        lower(&tokens[j]).as_str(),
        "to" | "about"
            | "of"
            | "for"
            | "with"
            | "by"
            | "into"
            | "against"
            | "over"
            | "on"
            | "at"
            | "from"
            | "in"
            | "upon"
            | "up"
            | "off"
    ) {
        return None;
    }
    // "wrote a letter to Trump", "issued a statement": the object, not what was said.
    // "said the resolution ignored …" has the noun as the clause's subject.
    let object_noun = (j..end.min(j + 3)).find(|&i| is_document_noun(&lower(&tokens[i])));
    if object_noun.is_some_and(|i| !(i + 1 < end && looks_finite(tokens, i + 1))) {
        return None;
    }
    // Without "that" a report is a clause ("said the talks will resume"), not an object
    // ("added 5,000 troops", "told the story of his escape").
    if !has_verb(&tokens[j..end]) {
        return None;
    }
    Some((j..end, false))
}

/// Skips the hearer after "told": "reporters", "Reuters", "the state news agency IRNA".
/// A determiner after the hearer's head starts the reported clause ("told Reuters the
/// talks had failed").
fn skip_hearer(tokens: &[Token], mut j: usize, end: usize) -> usize {
    let mut seen_head = false;
    while j < end {
        let t = &tokens[j];
        let w = lower(t);
        if is_pronoun_speaker(&w) {
            break;
        }
        let starts_np = matches!(w.as_str(), "the" | "a" | "an" | "his" | "their" | "its");
        if seen_head && starts_np {
            break;
        }
        let possessive = matches!(w.as_str(), "'s" | "’s");
        if !(is_hearer_word(&w) || has_upper(&t.text) || possessive) {
            break;
        }
        if !starts_np && !possessive {
            seen_head = true;
        }
        j += 1;
    }
    j
}

/// Does `r` open with a short subject and an auxiliary ("two people were wounded", "the
/// talks had collapsed")? Objects ("a rise in attacks that killed …", "the progress made")
/// do not.
pub(crate) fn opens_with_clause(tokens: &[Token], r: &Range<usize>) -> bool {
    let first = r.start;
    (first + 1..r.end.min(first + 5))
        .take_while(|&i| {
            let w = lower(&tokens[i - 1]);
            !matches!(w.as_str(), "that" | "which" | "who" | ",") && cue_class(&w).is_none()
        })
        .any(|i| is_auxiliary(&lower(&tokens[i])) && lower(&tokens[i]) != "n't")
}

/// Irregular past forms common in reported clauses.
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "saw",
    "said",
    "told",
    "knew",
    "thought",
    "found",
    "left",
    "met",
    "sent",
    "held",
    "kept",
    "began",
    "became",
    "won",
    "lost",
    "fell",
    "rose",
    "ran",
    "stood",
    "brought",
    "bought",
    "built",
    "felt",
    "got",
    "meant",
    "paid",
    "spent",
    "struck",
    "fought",
    "sought",
    "taught",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "threw",
    "led",
    "fled",
    "sold",
    "understood",
    "withdrew",
    "hit",
    "put",
    "set",
    "cut",
    "let",
    "shot",
    "sent",
    "lay",
    "arose",
    "overtook",
    "underwent",
];

/// Is the cue word at `i` a noun here: after a determiner ("the report", "a statement")
/// or a possessive ("Pakistan's claim", "his warning")? Past forms stay verbs
/// ("Iran's envoy's said" does not occur; "the minister, who's said" is not a noun use).
pub(crate) fn is_cue_noun(tokens: &[Token], i: usize) -> bool {
    // "a Washington-based think tank that …"
    if tokens
        .get(i + 1)
        .is_some_and(|n| matches!(lower(n).as_str(), "tank" | "tanks"))
    {
        return true;
    }
    let Some(prev) = i.checked_sub(1).map(|p| lower(&tokens[p])) else {
        return false;
    };
    if is_determiner(&prev) {
        return true;
    }
    let w = lower(&tokens[i]);
    let past = w.ends_with("ed") || IRREGULAR_PAST.contains(&w.as_str());
    let possessive = matches!(
        prev.as_str(),
        "'s" | "’s" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    );
    possessive && !past
}

/// Does the token run contain a finite verb? Uses the tagger's UPOS when it ran.
pub(crate) fn has_verb(tokens: &[Token]) -> bool {
    if tokens.iter().any(|t| !t.upos.is_empty()) {
        return tokens
            .iter()
            .any(|t| matches!(t.upos.as_str(), "VERB" | "AUX"));
    }
    (0..tokens.len()).any(|i| looks_finite(tokens, i))
}

/// Auxiliaries, modals and clitic verbs: a clause follows.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "am"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "'re"
            | "’re"
            | "'ll"
            | "’ll"
            | "'d"
            | "’d"
            | "'ve"
            | "’ve"
            | "'m"
            | "’m"
            | "n't"
            | "n’t"
            | "wo"
            | "ca"
    )
}

/// Does a predicate start at `i` ("would see", "plans to")? Uses UPOS when tagged.
pub(crate) fn starts_predicate(tokens: &[Token], i: usize) -> bool {
    match tokens.get(i) {
        Some(t) if !t.upos.is_empty() => matches!(t.upos.as_str(), "VERB" | "AUX"),
        Some(_) => looks_finite(tokens, i),
        None => false,
    }
}

/// Without a tagger: an auxiliary, an irregular past, a lower-case "-ed" word not after a
/// determiner, or a lower-case "-s" word right after its likely subject ("Beijing wants",
/// "it plans", "its envoy, Lim Sung-Nam, plans to …").
fn looks_finite(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let w = lower(t);
    if is_auxiliary(&w) || IRREGULAR_PAST.contains(&w.as_str()) {
        return true;
    }
    if has_upper(&t.text) {
        return false;
    }
    // `China "reserves the right …"`: the opening mark does not separate subject and verb.
    let prev = (0..i)
        .rev()
        .find(|&p| !is_quote_token(&tokens[p].text))
        .map(|p| &tokens[p]);
    if w.len() > 3 && w.ends_with("ed") {
        return !prev.is_some_and(|p| is_determiner(&lower(p)));
    }
    if w.len() <= 2 || !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let next = tokens.get(i + 1).map(lower).unwrap_or_default();
    prev.is_some_and(|p| {
        let pw = lower(p);
        has_upper(&p.text)
            || is_pronoun_speaker(&pw)
            || pw.ends_with('s')
            // after an apposition, but not in a list ("troops, tanks and planes")
            || p.text == "," && (matches!(next.as_str(), "to" | "that") || is_determiner(&next))
    })
}

/// Words that open an adverbial right after a cue ("said in a statement …").
fn opens_cue_adverbial(w: &str) -> bool {
    matches!(
        w,
        "on" | "in" | "at" | "during" | "via" | "through" | "after" | "late" | "earlier"
    )
}

/// Skips "on Friday", "in a statement", "on Twitter", "late Tuesday" after a cue.
pub(crate) fn skip_adverbials(tokens: &[Token], mut j: usize, end: usize) -> usize {
    loop {
        if j >= end {
            return j;
        }
        let w = lower(&tokens[j]);
        let starts = matches!(
            w.as_str(),
            "on" | "in"
                | "at"
                | "during"
                | "via"
                | "late"
                | "last"
                | "this"
                | "earlier"
                | "through"
        ) || is_time_word(&w) && !has_upper(&tokens[j].text)
            || matches!(
                w.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            );
        if !starts {
            return j;
        }
        let stop = (j..end.min(j + 8)).find(|&k| {
            let w = lower(&tokens[k]);
            is_time_word(&w) || is_channel_word(&w)
        });
        match stop {
            // "last week's visit" is a subject, not an adverbial.
            Some(k)
                if tokens
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.text.as_str(), "'s" | "’s")) =>
            {
                return j
            }
            Some(k) => j = k + 1,
            None => return j,
        }
    }
}

/// End of a complement: the sentence end, or a following ", adding …" / ", and he …".
pub(crate) fn complement_end(tokens: &[Token], from: usize) -> usize {
    let end = content_end(tokens);
    for i in from..end {
        if tokens[i].text != "," && tokens[i].text != ";" {
            continue;
        }
        let next = tokens.get(i + 1).map(lower).unwrap_or_default();
        let participle = next.ends_with("ing") && cue_class(&next).is_some()
            // "…, dealing a blow to efforts to end the war": the writer's comment.
            || matches!(
                next.as_str(),
                "dealing"
                    | "raising"
                    | "signalling"
                    | "signaling"
                    | "underscoring"
                    | "underlining"
                    | "highlighting"
                    | "marking"
                    | "deepening"
                    | "prompting"
                    | "sparking"
                    | "fuelling"
                    | "fueling"
                    | "dashing"
                    | "complicating"
                    | "heightening"
                    // the speaker's own acts: "…, dismissing Seoul's proposal"
                    | "dismissing"
                    | "rejecting"
                    | "accusing"
                    | "blaming"
                    | "vowing"
                    | "pledging"
                    | "denying"
                    | "citing"
                    | "describing"
                    | "criticising"
                    | "criticizing"
                    | "defending"
                    | "welcoming"
                    | "praising"
                    | "hailing"
                    | "condemning"
            );
        // "…, a claim that could not be verified", "…, a move that …" comment on the report.
        let comment = matches!(next.as_str(), "a" | "an")
            && tokens[i + 2..end.min(i + 5)]
                .iter()
                .any(|t| matches!(lower(t).as_str(), "that" | "which"));
        let new_clause = matches!(next.as_str(), "and" | "but")
            && tokens
                .get(i + 2)
                .is_some_and(|t| is_pronoun_speaker(&lower(t)))
            // "…, while France said …": a contrasting report of its own.
            || matches!(next.as_str(), "while" | "whereas")
                && tokens[i + 2..end.min(i + 12)]
                    .iter()
                    .any(|t| cue_class(&t.text).is_some());
        // "…, according to the White House": the report's own source follows.
        let according = next == "according";
        if participle || new_clause || comment || according || tokens[i].text == ";" {
            return i;
        }
    }
    if let Some(i) = background_clause(tokens, from, end) {
        return i;
    }
    // "… posed no threat and added that …": the second cue starts its own report;
    // "said Washington "deeply values" the partnership but declined to comment": a past
    // verb after a present or modal report is the speaker's second act.
    (from..end)
        .find(|&i| {
            let next = tokens.get(i + 1);
            matches!(tokens[i].text.as_str(), "and" | "but")
                && (next.is_some_and(|t| cue_class(&t.text).is_some())
                    || next.is_some_and(|t| is_simple_past(&lower(t)))
                        && present_or_modal(tokens, from..i))
        })
        .unwrap_or(end)
}

/// "… will pay a heavy price after missiles fired from Iran struck Beersheba", "… will not
/// be naive as he prepares to visit Beijing": a past event after a present or modal report,
/// or the speaker's own doing ("as he …"), is the writer's background, not what was said.
fn background_clause(tokens: &[Token], from: usize, end: usize) -> Option<usize> {
    (from + 3..end).find(|&i| {
        let w = lower(&tokens[i]);
        let clause = &tokens[i + 1..end.min(i + 10)];
        let speaker_subject = w == "as"
            && clause
                .first()
                .is_some_and(|t| matches!(lower(t).as_str(), "he" | "she" | "they"))
            && clause.get(1).is_some_and(|t| {
                let v = lower(t);
                v.ends_with('s') || is_simple_past(&v) || is_auxiliary(&v)
            });
        let past_event = matches!(w.as_str(), "after" | "when" | "following")
            && clause.iter().any(|t| is_simple_past(&lower(t)))
            && !clause
                .iter()
                .any(|t| matches!(lower(t).as_str(), "will" | "would" | "could" | "can"))
            && present_or_modal(tokens, from..i);
        speaker_subject || past_event
    })
}

/// A past form that is not an auxiliary ("declined", "withdrew").
fn is_simple_past(w: &str) -> bool {
    !is_auxiliary(w)
        && (w.len() > 3 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w))
        && w.chars().all(char::is_lowercase)
}

/// Does a reported clause carry a present or modal verb ("would suspend", "values")?
fn present_or_modal(tokens: &[Token], r: Range<usize>) -> bool {
    r.clone().any(|i| {
        let w = lower(&tokens[i]);
        matches!(
            w.as_str(),
            "is" | "are"
                | "am"
                | "has"
                | "have"
                | "do"
                | "does"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "may"
                | "might"
                | "shall"
                | "'ll"
                | "’ll"
        ) || w.ends_with('s')
            && !w.ends_with("ss")
            && !has_upper(&tokens[i].text)
            // "Congolese forces and allied militias had …": a plural noun, not a verb
            && tokens.get(i + 1).is_none_or(|n| {
                let nw = lower(n);
                !(matches!(nw.as_str(), "and" | "or" | ",") || is_auxiliary(&nw) || is_simple_past(&nw))
            })
            // "Beijing wants", "it says", `Washington "deeply values"` (not "its troops")
            && (r.start..i)
                .rev()
                .find(|&p| {
                    let pw = lower(&tokens[p]);
                    let adverb = pw.len() > 3 && pw.ends_with("ly");
                    !(is_quote_token(&tokens[p].text) || adverb)
                })
                .is_some_and(|p| {
                    has_upper(&tokens[p].text) || is_pronoun_speaker(&lower(&tokens[p]))
                })
    })
}

/// Only adverbials ("on Friday at a council meeting", "in a statement") follow `from`:
/// no "that", no other cue, no quote.
pub(crate) fn trailing_adverbials_only(tokens: &[Token], from: usize, end: usize) -> bool {
    if from >= end || skip_adverbials(tokens, from, end) >= end {
        return true;
    }
    let first = lower(&tokens[from]);
    let starts_adverbial = matches!(
        first.as_str(),
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "to"
            | "from"
            | "via"
            | "late"
            | "last"
            | "this"
            | "earlier"
            | "without"
            | "with"
            | "as"
    ) || is_time_word(&first);
    // "…, said the pressure on Washington was growing" is a complement.
    starts_adverbial
        && end - from <= 14
        && !tokens[from..end].iter().any(|t| is_auxiliary(&lower(t)))
        && tokens[from..end]
            .iter()
            .all(|t| lower(t) != "that" && cue_class(&t.text).is_none() && !is_quote_token(&t.text))
}

/// ", speaking on condition of anonymity", ", requesting anonymity", ", in the latest
/// swap …", ", after parliament passed a law …": a comma-set aside after a trailing cue
/// says how or when it was said, not what. A "that" or a quote would be a complement.
pub(crate) fn trailing_aside(tokens: &[Token], from: usize, end: usize) -> bool {
    if tokens.get(from).is_none_or(|t| t.text != ",") || from + 1 >= end {
        return false;
    }
    let first = lower(&tokens[from + 1]);
    let opens_aside = first.ends_with("ing") && cue_class(&first).is_none()
        || is_time_word(&first) && !has_upper(&tokens[from + 1].text)
        || matches!(
            first.as_str(),
            "hours" | "minutes" | "shortly" | "just" | "soon" | "moments" | "only" | "even"
        )
        || matches!(
            first.as_str(),
            "who"
                | "in"
                | "on"
                | "at"
                | "after"
                | "before"
                | "as"
                | "while"
                | "when"
                | "because"
                | "amid"
                | "following"
                | "without"
                | "with"
                | "during"
                | "although"
                | "though"
                | "since"
        );
    opens_aside
        && tokens[from + 1..end]
            .iter()
            .all(|t| lower(t) != "that" && !is_quote_token(&t.text))
}

/// The hearer before an infinitive cue: "prompted the army chief to warn" → "the army chief".
pub(crate) fn object_before_to(tokens: &[Token], to: usize) -> Option<Range<usize>> {
    let mut start = to;
    while start > 0 {
        let t = &tokens[start - 1];
        let w = lower(t);
        let verb_like = cue_class(&t.text).is_some()
            || (w.len() > 3 && w.ends_with("ed") && !has_upper(&t.text))
            || is_authoring_verb(&w);
        if verb_like || is_subject_boundary(&t.text) {
            break;
        }
        start -= 1;
    }
    accept(tokens, start, to)
}

/// Is the cue negated or refused ("did not say", "declined to say")?
pub(crate) fn is_negated(tokens: &[Token], cue: usize) -> bool {
    // Only "to" and adverbs may stand between: "who declined to be identified said" is not.
    (cue.saturating_sub(3)..cue).any(|i| {
        is_negation(&lower(&tokens[i]))
            && tokens[i + 1..cue].iter().all(|t| {
                matches!(
                    lower(t).as_str(),
                    "to" | "publicly" | "immediately" | "yet" | "directly" | "explicitly" | "say"
                )
            })
    })
}

/// Where a sentence's text starts after a dateline ("CANBERRA (Reuters) -",
/// "SEOUL, June 5 (Yonhap) --", "DOHA —"); 0 when there is none.
pub(crate) fn after_dateline(tokens: &[Token]) -> usize {
    let dash = tokens
        .iter()
        .take(12)
        .position(|t| matches!(t.text.as_str(), "-" | "--" | "—" | "–"));
    let Some(dash) = dash.filter(|&d| d > 0) else {
        return caps_label_end(tokens);
    };
    let head = &tokens[..dash];
    let place_caps = head[0]
        .text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && head[0].text.chars().any(char::is_alphabetic);
    let outlet = head.last().is_some_and(|t| t.text == ")");
    if place_caps || outlet {
        dash + 1
    } else {
        0
    }
}

/// "NEW DELHI: India said …", "ANCHOR: …": an all-capital place or speaker label ending
/// in a colon opens the sentence.
fn caps_label_end(tokens: &[Token]) -> usize {
    let Some(colon) = tokens.iter().take(5).position(|t| t.text == ":") else {
        return 0;
    };
    let head = &tokens[..colon];
    let all_caps = !head.is_empty()
        && head.iter().all(|t| {
            t.text.chars().any(char::is_alphabetic)
                && t.text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
        && head.iter().map(|t| t.text.len()).sum::<usize>() >= 3;
    if all_caps {
        colon + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_nlp::tokenize;

    fn phrase(tokens: &[Token], r: Option<Range<usize>>) -> Option<String> {
        r.map(|r| {
            tokens[r]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    fn cue_index(tokens: &[Token], word: &str) -> usize {
        tokens.iter().position(|t| t.text == word).unwrap()
    }

    #[test]
    fn subject_skips_adverbs_and_time() {
        let toks = tokenize(
            "Iran on Sunday also said it had tested a new satellite launcher.",
            0,
        );
        let cue = cue_index(&toks, "said");
        assert_eq!(
            phrase(&toks, subject_before(&toks, cue, 0)).as_deref(),
            Some("Iran")
        );
    }

    #[test]
    fn subject_skips_appositive() {
        let toks = tokenize(
            "Meanwhile, researchers at the Lowy Institute, a Sydney think tank that studies the Pacific, urged caution.",
            0,
        );
        let cue = cue_index(&toks, "urged");
        assert_eq!(
            phrase(&toks, subject_before(&toks, cue, 0)).as_deref(),
            Some("researchers at the Lowy Institute")
        );
    }

    #[test]
    fn inverted_speaker_keeps_a_place_but_not_an_adverbial() {
        let toks = tokenize("said the NATO commander in Europe on Tuesday.", 0);
        assert_eq!(
            phrase(&toks, speaker_after(&toks, 1, toks.len())).as_deref(),
            Some("the NATO commander in Europe")
        );
        let toks = tokenize("said Peskov in Moscow.", 0);
        assert_eq!(
            phrase(&toks, speaker_after(&toks, 1, toks.len())).as_deref(),
            Some("Peskov")
        );
        let toks = tokenize("said the minister in a statement.", 0);
        assert_eq!(
            phrase(&toks, speaker_after(&toks, 1, toks.len())).as_deref(),
            Some("the minister")
        );
    }

    #[test]
    fn complement_after_told_skips_hearer() {
        let toks = tokenize(
            "He told reporters after the meeting that Canada would not attend.",
            0,
        );
        let cue = cue_index(&toks, "told");
        let (r, that) = complement_after(&toks, cue, CueClass::Tell).unwrap();
        assert!(that);
        assert_eq!(
            phrase(&toks, Some(r)).as_deref(),
            Some("Canada would not attend")
        );
    }

    #[test]
    fn participial_subject_is_the_sentence_subject() {
        let toks = tokenize(
            "Three Labour MPs wrote to the minister, saying the deal was flawed.",
            0,
        );
        let cue = cue_index(&toks, "saying");
        assert_eq!(
            phrase(&toks, sentence_subject(&toks, cue)).as_deref(),
            Some("Three Labour MPs")
        );
    }
}
