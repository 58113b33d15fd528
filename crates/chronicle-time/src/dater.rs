//! The `event-dating` stage: gives every coded event the date of the time expression
//! attached to its predicate, else the article's date.

use chronicle_core::{
    DatePrecision, Document, Event, EventDateSource, Sentence, Span, Stage, Timex, TimexType, Token,
};

use crate::tense::{is_adverb, is_clause_boundary, is_tagged, verb_form, VerbForm};

/// Dates events (`"event-dating"`); runs after the event coder and the time stage.
///
/// For each event without a date it picks, in order: a time expression the parse attaches to
/// the trigger's clause (when heads are filled); the nearest time expression in the
/// trigger's clause (after the trigger up to the next clause boundary or verb, else before
/// it); the article's date. Durations, sets and `*_REF` values never date an event.
#[derive(Debug, Default, Clone)]
pub struct EventDater;

impl EventDater {
    pub fn new() -> Self {
        EventDater
    }

    /// The index into `doc.timexes` of the expression that dates `event`, if any.
    pub fn timex_for(&self, doc: &Document, event: &Event) -> Option<usize> {
        self.timex_for_trigger(doc, event.sentence, event.trigger)
    }

    /// The index into `doc.timexes` of the expression that dates the predicate at `trigger`
    /// in sentence `index` (an event's trigger, a quote's cue).
    pub fn timex_for_trigger(&self, doc: &Document, index: usize, trigger: Span) -> Option<usize> {
        let sentence = doc.sentences.get(index)?;
        let trigger = trigger_token(sentence, trigger)?;
        let toks = &sentence.tokens;
        let parsed = toks.iter().any(|t| t.head.is_some());
        let candidates: Vec<(usize, (usize, usize))> = doc
            .timexes_in(index)
            .filter(|(_, t)| can_date(t))
            .filter_map(|(i, t)| token_range(sentence, t.span).map(|r| (i, r)))
            .filter(|&(_, r)| !(parsed && names_a_thing(toks, r)))
            .filter(|&(_, r)| !is_deadline(toks, r))
            .collect();
        if candidates.is_empty() {
            return None;
        }
        if parsed {
            let attached = attached_by_parse(toks, trigger, &candidates)
                .or_else(|| right_before(trigger_clause(toks, trigger), &candidates));
            if attached.is_some() {
                return attached;
            }
        }
        nearest_in_clause(toks, trigger, &candidates).or_else(|| {
            // Reported past events take the report's date: in "X on Sunday said it carried
            // out a test", "carried out" is dated Sunday (it happened by then), whereas
            // "said on Monday it would visit" leaves "visit" to the article date.
            let reporting = parsed.then(|| reporting_verb(toks, trigger)).flatten()?;
            attached_by_parse(toks, reporting, &candidates)
                .or_else(|| right_before(reporting, &candidates))
        })
    }

    /// A quote is dated like the event of its cue verb: "Lavrov said on Sunday" → Sunday.
    fn date_quotes(&self, doc: &mut Document) {
        for q in 0..doc.quotes.len() {
            let quote = &doc.quotes[q];
            if quote.date.is_some() {
                continue;
            }
            let timex = quote.cue.and_then(|cue| {
                let sentence = doc.sentence_at(cue.start)?;
                self.timex_for_trigger(doc, sentence, cue)
            });
            let (date, source) = match timex.map(|i| &doc.timexes[i]) {
                Some(t) if t.date.is_some() => (
                    t.date,
                    if t.relative {
                        EventDateSource::Relative
                    } else {
                        EventDateSource::Explicit
                    },
                ),
                _ => match doc.article.date {
                    Some(d) => (Some(d), EventDateSource::Article),
                    None => (None, EventDateSource::Unknown),
                },
            };
            doc.quotes[q].date = date;
            doc.quotes[q].date_source = source;
        }
    }

    fn date(&self, doc: &Document, event: &mut Event) {
        match self.timex_for(doc, event) {
            Some(i) => {
                let t = &doc.timexes[i];
                event.timex = Some(i);
                event.date = t.date;
                event.date_precision = if t.date.is_some() {
                    t.precision
                } else {
                    DatePrecision::Unknown
                };
                event.date_source = match (t.date, t.relative) {
                    (None, _) => EventDateSource::Unknown,
                    (Some(_), true) => EventDateSource::Relative,
                    (Some(_), false) => EventDateSource::Explicit,
                };
            }
            None => {
                event.date = doc.article.date;
                (event.date_precision, event.date_source) = match doc.article.date {
                    Some(_) => (DatePrecision::Day, EventDateSource::Article),
                    None => (DatePrecision::Unknown, EventDateSource::Unknown),
                };
            }
        }
    }
}

impl Stage for EventDater {
    fn name(&self) -> &'static str {
        "event-dating"
    }

    fn process(&self, doc: &mut Document) {
        let mut events = std::mem::take(&mut doc.events);
        for event in events.iter_mut().filter(|e| e.date.is_none()) {
            self.date(doc, event);
        }
        doc.events = events;
        self.date_quotes(doc);
    }
}

/// The token of `[a, b)` whose head lies outside the expression: its own head.
fn expression_head(toks: &[Token], (a, b): (usize, usize)) -> Option<usize> {
    (a..b).find(|&k| toks[k].head.is_none_or(|h| h < a || h >= b))
}

/// "the *1987* Intermediate-Range Nuclear Forces Treaty", "the *2015* nuclear deal", "the
/// dictatorship of *1917*": a year before a noun or after its "of" names the thing, not when
/// an act in the clause happened.
fn names_a_thing(toks: &[Token], (a, b): (usize, usize)) -> bool {
    let bare_year =
        b == a + 1 && toks[a].text.len() == 4 && toks[a].text.chars().all(|c| c.is_ascii_digit());
    if !bare_year {
        return false;
    }
    let before_noun = expression_head(toks, (a, b)).is_some_and(|k| {
        toks[k].head.is_some_and(|h| h > k)
            && matches!(toks[k].deprel.as_str(), "amod" | "nummod" | "compound")
    });
    let of_a_noun = a > 0
        && toks[a - 1].text.eq_ignore_ascii_case("of")
        && toks[a]
            .head
            .is_some_and(|h| h < a && toks[h].upos == "NOUN");
    before_noun || of_a_noun
}

/// "gave Ankara *until July 31* to cancel the deal": a deadline is when something must be
/// done by, not when the clause's act happened.
fn is_deadline(toks: &[Token], (a, _): (usize, usize)) -> bool {
    a > 0 && matches!(toks[a - 1].text.to_lowercase().as_str(), "until" | "till")
}

/// Only calendar points date an event: not durations, sets or PRESENT_REF-style values.
fn can_date(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.ends_with("_REF")
}

/// The first token of the trigger.
fn trigger_token(sentence: &Sentence, trigger: Span) -> Option<usize> {
    sentence.tokens.iter().position(|t| {
        t.span.overlaps(trigger) || (trigger.is_empty() && t.span.start >= trigger.start)
    })
}

/// The tokens `[start, end)` a span covers.
fn token_range(sentence: &Sentence, span: Span) -> Option<(usize, usize)> {
    let toks = &sentence.tokens;
    let start = toks.iter().position(|t| t.span.overlaps(span))?;
    let end = start
        + toks[start..]
            .iter()
            .take_while(|t| t.span.overlaps(span))
            .count();
    Some((start, end))
}

fn is_verb(t: &Token) -> bool {
    matches!(t.upos.as_str(), "VERB" | "AUX") || t.xpos.starts_with("VB") || t.xpos == "MD"
}

/// The verb heading the clause of token `i`: itself if it is a verb, else the nearest verb
/// ancestor (bounded, so malformed heads cannot loop).
fn clause_head(toks: &[Token], mut i: usize) -> usize {
    for _ in 0..toks.len().min(64) {
        if is_verb(&toks[i]) {
            return i;
        }
        match toks[i].head {
            Some(h) if h < toks.len() && h != i => i = h,
            _ => return i,
        }
    }
    i
}

/// The verb of the clause a trigger belongs to: a non-verb trigger ("talks" in "held talks")
/// climbs to its verb; a verb inside a clausal relation stays its own clause.
fn trigger_clause(toks: &[Token], t: usize) -> usize {
    let mut i = t;
    for _ in 0..toks.len().min(64) {
        if is_verb(&toks[i]) && !matches!(toks[i].deprel.as_str(), "aux" | "aux:pass" | "cop") {
            return i;
        }
        match toks[i].head {
            Some(h) if h < toks.len() && h != i => i = h,
            _ => return i,
        }
    }
    i
}

fn attached_by_parse(
    toks: &[Token],
    trigger: usize,
    candidates: &[(usize, (usize, usize))],
) -> Option<usize> {
    let target = trigger_clause(toks, trigger);
    candidates
        .iter()
        .filter(|(_, (a, b))| {
            // The timex's own head: the token whose head lies outside the expression.
            let head = expression_head(toks, (*a, *b));
            let Some(governor) = head.and_then(|k| toks[k].head) else {
                return false;
            };
            governor < toks.len() && clause_head(toks, governor) == target
        })
        .min_by_key(|(_, (a, _))| a.abs_diff(trigger))
        .map(|(i, _)| *i)
}

/// The time expression that ends right before `verb`: "Pompeo on Tuesday urged", "North
/// Korea on Sunday said". Such an adverbial modifies the verb whatever the parse says;
/// parsers often hang it on the subject before it.
fn right_before(verb: usize, candidates: &[(usize, (usize, usize))]) -> Option<usize> {
    candidates
        .iter()
        .find(|(_, (_, end))| *end == verb)
        .map(|(i, _)| *i)
}

/// The verb whose clausal complement holds the trigger, when the trigger's clause is a
/// plain past or present report (no modal or infinitival marker, which would put it in the
/// future of the report).
fn reporting_verb(toks: &[Token], trigger: usize) -> Option<usize> {
    let clause = trigger_clause(toks, trigger);
    if toks[clause].deprel != "ccomp" {
        return None;
    }
    let irrealis = toks.iter().any(|t| {
        t.head == Some(clause)
            && (matches!(t.deprel.as_str(), "aux" | "mark") && is_irrealis_marker(&t.lemma))
    });
    if irrealis {
        return None;
    }
    toks[clause].head.filter(|&h| h < toks.len())
}

fn is_irrealis_marker(lemma: &str) -> bool {
    matches!(
        lemma,
        "will"
            | "would"
            | "shall"
            | "may"
            | "might"
            | "could"
            | "can"
            | "should"
            | "to"
            | "must"
            | "if"
    )
}

/// Whether token `j` begins or carries a verb group other than the trigger's.
fn is_other_verb(toks: &[Token], j: usize, tagged: bool) -> bool {
    match verb_form(toks, j, tagged) {
        Some(VerbForm::Base) => tagged && j > 0 && !is_aux_word(&toks[j - 1].text),
        Some(_) => true,
        None => false,
    }
}

fn is_aux_word(w: &str) -> bool {
    let w = w.to_lowercase();
    matches!(
        w.as_str(),
        "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "to"
            | "did"
            | "do"
            | "does"
    ) || is_adverb(&w)
}

/// The nearest date expression in the trigger's clause: first after the trigger (up to a
/// clause boundary or another verb), then before it.
fn nearest_in_clause(
    toks: &[Token],
    trigger: usize,
    candidates: &[(usize, (usize, usize))],
) -> Option<usize> {
    const WINDOW: usize = 25;
    let tagged = is_tagged(toks);
    let starts_at = |k: usize| {
        candidates
            .iter()
            .find(|(_, (a, _))| *a == k)
            .map(|(i, _)| *i)
    };
    let ends_at = |k: usize| {
        candidates
            .iter()
            .find(|(_, (_, b))| *b == k + 1)
            .map(|(i, _)| *i)
    };

    // The trigger's own group: auxiliaries and particles right after it are not other verbs.
    let mut k = trigger + 1;
    while k < toks.len() && k - trigger <= WINDOW {
        if let Some(i) = starts_at(k) {
            return Some(i);
        }
        let w = toks[k].text.to_lowercase();
        // Prepositions that start a new clause on the left stop nothing on the right:
        // "met after talks on Tuesday" keeps Tuesday.
        let boundary = is_clause_boundary(&toks[k].text)
            && !matches!(w.as_str(), "after" | "before" | "until");
        if boundary || is_other_verb(toks, k, tagged) {
            break;
        }
        k += 1;
    }

    let mut k = trigger;
    // Skip the trigger's auxiliaries ("will hold", "has been").
    while k > 0
        && (is_aux_word(&toks[k - 1].text)
            || matches!(
                verb_form(toks, k - 1, tagged),
                Some(
                    VerbForm::BePresent
                        | VerbForm::BePast
                        | VerbForm::Have
                        | VerbForm::Had
                        | VerbForm::Modal { .. }
                )
            ))
    {
        k -= 1;
    }
    while k > 0 && trigger - k < WINDOW {
        k -= 1;
        if let Some(i) = ends_at(k) {
            return Some(i);
        }
        if is_clause_boundary(&toks[k].text) || is_other_verb(toks, k, tagged) {
            break;
        }
    }
    None
}
