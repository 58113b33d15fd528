//! The quotes stage: direct and partial quotes from paired marks, indirect speech from cue
//! verbs, each attributed to a speaker phrase and, through `doc.mentions`, to an actor.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chronicle_core::{
    Document, EventActor, EventDateSource, MentionKind, Quote, QuoteKind, Span, Stage, Token,
};

use crate::lexicon::{
    cue_class, is_authoring_verb, is_document_noun, is_hearer_word, is_person_pronoun,
    is_pronoun_speaker, is_quote_token, CueClass,
};
use crate::marks::{find_regions, QuoteRegion};
use crate::phrase::{
    after_dateline, appositive_name, complement_after, complement_end, content_end, has_verb,
    is_cue_noun, is_negated, lower, object_before_to, opens_with_clause, relative_speaker_before,
    sentence_subject, skip_adverbials, span_of, speaker_after, starts_predicate, subject_before,
    trailing_adverbials_only, trailing_aside,
};
use crate::soundbite::{find_markers, Marker};

/// The quotes pipeline stage (name `"quotes"`). Runs after the actors stage, whose mentions
/// give speakers their actor codes, and works without them too (speaker text only).
#[derive(Debug, Default, Clone)]
pub struct QuoteExtractor;

/// A quote with what the core [`Quote`] cannot hold.
#[derive(Debug, Clone)]
pub struct ExtractedQuote {
    /// The quote; its `speaker_span` is set also when the speaker did not resolve to an
    /// actor (for a quote attributed from context, "X said …" before a quote paragraph, it
    /// is the earlier phrase), and `fragments` holds one piece per paragraph.
    pub quote: Quote,
}

impl QuoteExtractor {
    pub fn new() -> Self {
        QuoteExtractor
    }

    /// Finds the quotes of a segmented document, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<ExtractedQuote> {
        if doc.sentences.is_empty() {
            return Vec::new();
        }
        let cx = Ctx::new(doc);
        let mut st = Discourse::default();
        let mut out = Vec::new();
        let mut next_region = 0;
        // Start offsets of cues that introduced a direct quote: not reported speech again.
        let mut used_cues = HashSet::new();
        for si in 0..doc.sentences.len() {
            let mut found = Vec::new();
            let mut pending = Vec::new();
            while next_region < cx.regions.len()
                && cx.sentence_of(cx.regions[next_region].open.start) <= si
            {
                match cx.direct(next_region, &mut st, &mut used_cues) {
                    Some(q) => found.push(q),
                    None => pending.push(next_region),
                }
                next_region += 1;
            }
            let reported = cx.indirect(si, &mut st, &used_cues);
            found.extend(cx.fragments_of_reported(&pending, &reported));
            found.extend(reported);
            found.sort_by_key(|q: &ExtractedQuote| q.quote.content.start);
            out.extend(found);
            cx.note_sentence(si, &mut st);
        }
        out
    }
}

impl Stage for QuoteExtractor {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn process(&self, doc: &mut Document) {
        let quotes = self.extract(doc);
        doc.quotes.extend(quotes.into_iter().map(|q| q.quote));
    }
}

/// How many document authors ("the letter" → its writers) are remembered.
const MAX_AUTHORS: usize = 8;

/// A speaker phrase and the mention it resolved to.
#[derive(Debug, Clone)]
struct SpeakerRef {
    span: Span,
    mention: Option<usize>,
    sentence: usize,
    paragraph: usize,
    /// A person or role (antecedent of "he"/"she").
    person: bool,
}

/// What earlier sentences tell about later ones.
#[derive(Debug, Default)]
struct Discourse {
    last: Option<SpeakerRef>,
    last_cue: Option<Span>,
    last_person: Option<SpeakerRef>,
    /// The last person or role mention that was a sentence subject.
    last_subject: Option<SpeakerRef>,
    /// Authors of documents ("Democrats wrote a letter") by document noun.
    authors: Vec<(String, SpeakerRef)>,
    next_marker: usize,
    /// The sound-bite marker in force and where its chain of quotes ends.
    chain: Option<(usize, usize)>,
}

impl Discourse {
    fn remember(&mut self, speaker: &SpeakerRef) {
        self.last = Some(speaker.clone());
        if speaker.person {
            self.last_person = Some(speaker.clone());
        }
    }
}

/// Where a quote's speaker and cue came from.
struct Attribution {
    speaker: Option<SpeakerRef>,
    cue: Option<Span>,
    kind: QuoteKind,
}

struct Ctx<'a> {
    doc: &'a Document,
    regions: Vec<QuoteRegion>,
    markers: Vec<Marker>,
    mentions_by_sentence: Vec<Vec<usize>>,
    /// Person and role mentions by their text, first occurrence.
    person_names: HashMap<String, usize>,
}

/// "The deal, which officials said could be signed next month, would …" and "Trump, who
/// says he wants a deal, met Xi": inside a relative clause the report ends at the clause's
/// closing comma.
fn relative_clause_end(
    tokens: &[Token],
    cue: usize,
    speaker: &SpeakerRef,
    content: Range<usize>,
) -> Range<usize> {
    let first = tokens.partition_point(|t| t.span.start < speaker.span.start);
    let who_cue = cue > 0 && matches!(lower(&tokens[cue - 1]).as_str(), "who" | "which");
    let relative = who_cue
        || first > 0
            && tokens
                .get(first)
                .is_some_and(|t| t.span.start == speaker.span.start)
            && matches!(
                lower(&tokens[first - 1]).as_str(),
                "which" | "who" | "that" | "whom"
            );
    if !relative {
        return content;
    }
    let end = (content.start..content.end)
        .find(|&i| tokens[i].text == ",")
        .unwrap_or(content.end);
    content.start..end
}

/// "The message from Egypt's foreign ministry" → "Egypt's foreign ministry": who stands
/// behind the words.
fn message_author(tokens: &[Token], r: Range<usize>) -> Range<usize> {
    let of = (r.start..r.end.min(r.start + 3)).find(|&i| {
        matches!(lower(&tokens[i]).as_str(), "from" | "of")
            && i > r.start
            && matches!(
                lower(&tokens[i - 1]).as_str(),
                "message" | "words" | "response" | "reply" | "verdict" | "warning" | "answer"
            )
    });
    match of {
        Some(i) if i + 1 < r.end => i + 1..r.end,
        _ => r,
    }
}

fn is_punct(t: &Token) -> bool {
    !t.text.chars().any(char::is_alphanumeric)
}

fn kind_rank(kind: MentionKind) -> u8 {
    match kind {
        MentionKind::Person => 0,
        MentionKind::Role => 1,
        MentionKind::Coreference => 2,
        MentionKind::Organisation => 3,
        MentionKind::Capital => 4,
        MentionKind::Country => 5,
        MentionKind::Demonym => 6,
    }
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut mentions_by_sentence = vec![Vec::new(); doc.sentences.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            let valid = m.span.start <= m.span.end && m.span.end <= doc.text().len();
            if let Some(list) = mentions_by_sentence.get_mut(m.sentence).filter(|_| valid) {
                list.push(i);
            }
        }
        let mut person_names = HashMap::new();
        for (i, m) in doc.mentions.iter().enumerate() {
            if matches!(m.kind, MentionKind::Person | MentionKind::Role) && m.text.len() >= 4 {
                person_names.entry(m.text.clone()).or_insert(i);
            }
        }
        Ctx {
            doc,
            regions: find_regions(doc.text()),
            markers: find_markers(doc.text()),
            mentions_by_sentence,
            person_names,
        }
    }

    fn tokens(&self, sentence: usize) -> &'a [Token] {
        &self.doc.sentences[sentence].tokens
    }

    fn sentence_of(&self, pos: usize) -> usize {
        let s = &self.doc.sentences;
        s.partition_point(|x| x.span.end <= pos).min(s.len() - 1)
    }

    fn paragraph(&self, sentence: usize) -> usize {
        self.doc.sentences[sentence].paragraph
    }

    fn in_region(&self, pos: usize) -> bool {
        let i = self.regions.partition_point(|r| r.open.start <= pos);
        i > 0 && self.regions[i - 1].covers(pos)
    }

    /// Is `span` just (part of) one quoted region?
    fn within_region(&self, span: Span) -> bool {
        let i = self.regions.partition_point(|r| r.open.start <= span.start);
        i > 0 && span.end <= self.regions[i - 1].end()
    }

    // ---- speakers -------------------------------------------------------------------

    /// The mention that best stands for the speaker phrase `span` of sentence `sentence`.
    fn resolve(&self, span: Span, sentence: usize) -> Option<usize> {
        let tokens = self.tokens(sentence);
        self.mentions_by_sentence[sentence]
            .iter()
            .copied()
            .filter(|&m| self.doc.mentions[m].span.overlaps(span))
            .min_by_key(|&m| {
                let mention = &self.doc.mentions[m];
                // "Special Representative for North Korea Sung Kim": North Korea is not the speaker.
                let in_pp = mention
                    .tokens
                    .0
                    .checked_sub(1)
                    .and_then(|i| tokens.get(i))
                    .is_some_and(|t| {
                        t.span.start >= span.start
                            && matches!(
                                lower(t).as_str(),
                                "of" | "for" | "to" | "in" | "from" | "at" | "with" | "on" | "by"
                            )
                    });
                (
                    in_pp,
                    kind_rank(mention.kind),
                    usize::MAX - mention.span.len(),
                    mention.span.start,
                )
            })
    }

    /// A mention of the same person elsewhere: "Sergei Lavrov" for a marker's
    /// "Russian Foreign Minister Sergei Lavrov". Looks up the phrase's word-final suffixes,
    /// so the cost does not grow with the number of mentions.
    fn resolve_by_name(&self, span: Span) -> Option<usize> {
        let phrase = self.doc.slice(span);
        let suffixes = std::iter::once(0).chain(phrase.match_indices(' ').map(|(i, _)| i + 1));
        suffixes
            .filter_map(|i| self.person_names.get(&phrase[i..]).copied())
            .next()
    }

    fn is_person_mention(&self, m: usize) -> bool {
        matches!(
            self.doc.mentions[m].kind,
            MentionKind::Person | MentionKind::Role
        )
    }

    /// Turns a speaker phrase into a speaker, resolving pronouns and "the letter".
    fn speaker(&self, sentence: usize, range: Range<usize>, st: &Discourse) -> SpeakerRef {
        let tokens = self.tokens(sentence);
        let span = span_of(tokens, &range);
        let word = lower(&tokens[range.end - 1]);
        let mut mention = self.resolve(span, sentence);
        let single_pronoun = range.len() == 1 && is_pronoun_speaker(&word);
        if mention.is_none() && single_pronoun {
            mention = self.antecedent(&word, st).and_then(|a| a.mention);
        }
        if mention.is_none() && is_document_noun(&word) {
            mention = st
                .authors
                .iter()
                .rev()
                .find(|(noun, _)| *noun == word)
                .or(st.authors.last())
                .and_then(|(_, a)| a.mention);
        }
        let person = match mention {
            Some(m) => self.is_person_mention(m),
            None => !is_document_noun(&word) && !matches!(word.as_str(), "it" | "they"),
        };
        SpeakerRef {
            span,
            mention,
            sentence,
            paragraph: self.paragraph(sentence),
            person,
        }
    }

    fn antecedent<'s>(&self, pronoun: &str, st: &'s Discourse) -> Option<&'s SpeakerRef> {
        if is_person_pronoun(pronoun) {
            let a = st.last_person.as_ref();
            let b = st.last_subject.as_ref();
            match (a, b) {
                (Some(x), Some(y)) => Some(if y.span.start > x.span.start { y } else { x }),
                (x, y) => x.or(y),
            }
        } else {
            st.last.as_ref()
        }
    }

    /// The speaker of the cue at `cue`: its subject, or for a participle (", saying …")
    /// the subject of the sentence.
    fn speaker_of_cue(&self, sentence: usize, cue: usize, st: &Discourse) -> Option<SpeakerRef> {
        let tokens = self.tokens(sentence);
        let prev = cue
            .checked_sub(1)
            .map(|i| lower(&tokens[i]))
            .unwrap_or_default();
        // "the minister was quoted (by TASS) as saying …": the one quoted speaks.
        if prev == "as" {
            let quoted = (cue.saturating_sub(12)..cue - 1)
                .rev()
                .take_while(|&i| !is_punct(&tokens[i]))
                .find(|&i| lower(&tokens[i]) == "quoted");
            // Active "state media quoted Xi as saying": the object between speaks.
            let passive = quoted.is_some_and(|q| {
                q > 0
                    && matches!(
                        lower(&tokens[q - 1]).as_str(),
                        "was" | "were" | "is" | "been"
                    )
            });
            if let Some(q) = quoted.filter(|&q| !passive && q + 2 < cue) {
                let object = q + 1..cue - 1;
                if !tokens[object.clone()].iter().any(|t| lower(t) == "by") {
                    return Some(self.speaker(sentence, object, st));
                }
            }
            if let Some(q) = quoted {
                let floor = after_dateline(tokens).min(q);
                return subject_before(tokens, q, floor).map(|r| self.speaker(sentence, r, st));
            }
        }
        if prev == "to" {
            // "prompted the army chief to warn …": the hearer of the governing verb speaks.
            return object_before_to(tokens, cue - 1).map(|r| self.speaker(sentence, r, st));
        }
        // ", saying …", "— saying …", `available," saying …`
        let participle = tokens[cue].text.ends_with("ing")
            && !prev.is_empty()
            && !prev.chars().any(char::is_alphanumeric);
        // A participle or a second verb ("… and added") shares the clause's speaker.
        let coordinated = participle || matches!(prev.as_str(), "and" | "but");
        if coordinated {
            if let Some(last) = st.last.as_ref().filter(|l| l.sentence == sentence) {
                return Some(last.clone());
            }
        }
        let floor = after_dateline(tokens).min(cue);
        let subject = if participle {
            None
        } else {
            subject_before(tokens, cue, floor)
        };
        if let Some(r) = subject {
            return Some(self.speaker(sentence, r, st));
        }
        if coordinated || prev == "," {
            return sentence_subject(tokens, cue).map(|r| self.speaker(sentence, r, st));
        }
        None
    }

    fn build(&self, sentence: usize, fragments: Vec<Span>, a: Attribution) -> ExtractedQuote {
        let text = self.doc.text();
        let content = fragments[0].cover(fragments[fragments.len() - 1]);
        let content_text = fragments
            .iter()
            .map(|f| f.slice(text))
            .collect::<Vec<_>>()
            .join("\n");
        let (speaker, speaker_text) = match &a.speaker {
            Some(sp) => match sp.mention {
                Some(m) => (
                    Some(EventActor {
                        text: sp.span.slice(text).to_owned(),
                        span: sp.span,
                        actor: self.doc.mentions[m].actor.clone(),
                        mention: Some(m),
                    }),
                    None,
                ),
                None => (None, Some(sp.span.slice(text).to_owned())),
            },
            None => (None, None),
        };
        ExtractedQuote {
            quote: Quote {
                sentence,
                content,
                content_text,
                kind: a.kind,
                speaker,
                speaker_text,
                cue: a.cue,
                speaker_span: a.speaker.map(|s| s.span),
                fragments,
                date: None,
                date_source: EventDateSource::Unknown,
            },
        }
    }

    // ---- direct and partial quotes ----------------------------------------------------

    fn direct(
        &self,
        ri: usize,
        st: &mut Discourse,
        used_cues: &mut HashSet<usize>,
    ) -> Option<ExtractedQuote> {
        let region = &self.regions[ri];
        let so = self.sentence_of(region.open.start);
        let tokens = self.tokens(so);
        let oi = tokens.partition_point(|t| t.span.start < region.open.start);
        let initial = tokens[after_dateline(tokens).min(oi)..oi]
            .iter()
            .all(is_punct);
        let after = self.after_close(region);

        let attribution = if let Some(a) = self.marker_speaker(region, st) {
            Some(a)
        } else if initial {
            self.trailing(after.as_ref(), QuoteKind::Direct, st, used_cues)
                .or_else(|| self.after_colon(so, st, used_cues))
                .or_else(|| self.continuation(so, region, after.as_ref(), st))
                .or_else(|| self.uncued(so, oi, region, after.as_ref(), st))
        } else {
            // "Sudan war: 'We ate animal feed', say survivors": after a colon the quote is
            // whole even when words precede it.
            let colon = oi > 0 && tokens[oi - 1].text == ":";
            let kind = if colon {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            self.leading(so, oi, after.as_ref(), st, used_cues)
                .or_else(|| self.trailing(after.as_ref(), kind, st, used_cues))
                .or_else(|| self.uncued(so, oi, region, after.as_ref(), st))
        }?;
        if let Some(sp) = &attribution.speaker {
            st.remember(sp);
            st.last_cue = attribution.cue;
        }
        Some(self.build(so, region.fragments.clone(), attribution))
    }

    /// The tokens after a region's closing mark, up to the next quote or the sentence end.
    fn after_close(&self, region: &QuoteRegion) -> Option<(usize, Range<usize>)> {
        let close = region.close?;
        let sc = self.sentence_of(close.start);
        let tokens = self.tokens(sc);
        let ci = tokens.partition_point(|t| t.span.start < close.end);
        let stop = (ci..tokens.len())
            .find(|&i| is_quote_token(&tokens[i].text))
            .unwrap_or(tokens.len());
        Some((sc, ci..stop))
    }

    /// Nothing but punctuation (or a new clause) follows the closing mark.
    fn ends_clause(&self, after: Option<&(usize, Range<usize>)>) -> bool {
        let Some((sc, range)) = after else {
            return true;
        };
        let tokens = &self.tokens(*sc)[range.clone()];
        tokens.iter().all(is_punct)
            || tokens
                .first()
                .is_some_and(|t| matches!(t.text.as_str(), "," | ";" | "and" | "but" | "—"))
    }

    fn marker_speaker(&self, region: &QuoteRegion, st: &mut Discourse) -> Option<Attribution> {
        let text = self.doc.text();
        while st.next_marker < self.markers.len()
            && self.markers[st.next_marker].span.end <= region.open.start
        {
            st.chain = Some((st.next_marker, self.markers[st.next_marker].span.end));
            st.next_marker += 1;
        }
        let (mi, chain_end) = st.chain?;
        // Only punctuation between the marker (or the previous quote of its chain) and this quote.
        if text[chain_end..region.open.start]
            .chars()
            .any(char::is_alphanumeric)
        {
            st.chain = None;
            return None;
        }
        st.chain = Some((mi, region.end()));
        let marker = &self.markers[mi];
        let sentence = self.sentence_of(marker.speaker.start);
        let mention = self
            .resolve(marker.speaker, sentence)
            .or_else(|| self.resolve_by_name(marker.speaker));
        let speaker = SpeakerRef {
            span: marker.speaker,
            mention,
            sentence,
            paragraph: self.paragraph(sentence),
            person: mention.is_none_or(|m| self.is_person_mention(m)),
        };
        Some(Attribution {
            speaker: Some(speaker),
            cue: Some(marker.cue),
            kind: QuoteKind::Direct,
        })
    }

    /// `"…," he said.` / `"…," said Trump.` / `"…," the letter said.`
    fn trailing(
        &self,
        after: Option<&(usize, Range<usize>)>,
        kind: QuoteKind,
        st: &Discourse,
        used_cues: &mut HashSet<usize>,
    ) -> Option<Attribution> {
        let (sc, range) = after?;
        let tokens = self.tokens(*sc);
        let mut k = range.start;
        while k < range.end && matches!(tokens[k].text.as_str(), "," | "—" | "–" | "-") {
            k += 1;
        }
        if k >= range.end {
            return None;
        }
        // `"…," according to a statement from the ministry.`
        if lower(&tokens[k]) == "according"
            && tokens.get(k + 1).is_some_and(|t| lower(t) == "to")
            && k + 2 < range.end
        {
            let stop = (k + 2..range.end)
                .find(|&i| is_punct(&tokens[i]))
                .unwrap_or(range.end);
            if stop > k + 2 {
                if kind == QuoteKind::Direct {
                    used_cues.insert(tokens[k].span.start);
                }
                return Some(Attribution {
                    speaker: Some(self.speaker(*sc, k + 2..stop, st)),
                    cue: Some(tokens[k].span.cover(tokens[k + 1].span)),
                    kind,
                });
            }
        }
        // Right after a quote any cue reports it: `"Why?" asked the minister`.
        let is_speech = |t: &Token| cue_class(&t.text).is_some();
        let (speaker, cue) = if is_speech(&tokens[k]) {
            let r = speaker_after(tokens, k + 1, range.end)?;
            (appositive_name(tokens, r, range.end), k)
        } else {
            let cue = (k..range.end.min(k + 16)).find(|&j| is_speech(&tokens[j]))?;
            let r = subject_before(tokens, cue, k)?;
            if r.start != k {
                return None;
            }
            (r, cue)
        };
        // After a quoted fragment the cue may still report the whole clause
        // (`The deal was "dead," a diplomat said.`).
        if kind == QuoteKind::Direct {
            used_cues.insert(tokens[cue].span.start);
        }
        Some(Attribution {
            speaker: Some(self.speaker(*sc, speaker, st)),
            cue: Some(tokens[cue].span),
            kind,
        })
    }

    /// `He said "…"`, `Wu added: "…"`, `urged the council to act "by all means available"`.
    fn leading(
        &self,
        so: usize,
        oi: usize,
        after: Option<&(usize, Range<usize>)>,
        st: &Discourse,
        used_cues: &mut HashSet<usize>,
    ) -> Option<Attribution> {
        let tokens = self.tokens(so);
        let (cue, class) = (0..oi).rev().find_map(|k| {
            let t = &tokens[k];
            if self.in_region(t.span.start) {
                return None;
            }
            let class = cue_class(&t.text)?;
            let after_det = is_cue_noun(tokens, k);
            (!after_det).then_some((k, class))
        })?;
        let speaker = self.speaker_of_cue(so, cue, st);
        if speaker.is_none() && class == CueClass::Partial {
            return None;
        }
        let between = &tokens[cue + 1..oi];
        let colon = between.last().is_some_and(|t| t.text == ":");
        let connectors_only = between.iter().all(|t| {
            matches!(t.text.as_str(), ":" | "," | "that" | "—")
                || class == CueClass::Tell
                    && (is_hearer_word(&lower(t)) || t.text.chars().any(char::is_uppercase))
        });
        let whole =
            class != CueClass::Partial && (colon || connectors_only) && self.ends_clause(after);
        if whole {
            used_cues.insert(tokens[cue].span.start);
        }
        Some(Attribution {
            speaker,
            cue: Some(tokens[cue].span),
            kind: if whole {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            },
        })
    }

    /// A quote opening its sentence right after "Wu said:" closing the previous one.
    fn after_colon(
        &self,
        so: usize,
        st: &Discourse,
        used_cues: &mut HashSet<usize>,
    ) -> Option<Attribution> {
        let prev = so.checked_sub(1)?;
        let tokens = self.tokens(prev);
        if tokens.last()?.text != ":" || self.paragraph(so) > self.paragraph(prev) + 1 {
            return None;
        }
        let cue = (0..tokens.len())
            .rev()
            .find(|&k| cue_class(&tokens[k].text).is_some_and(|c| c != CueClass::Partial))?;
        used_cues.insert(tokens[cue].span.start);
        Some(Attribution {
            speaker: self.speaker_of_cue(prev, cue, st),
            cue: Some(tokens[cue].span),
            kind: QuoteKind::Direct,
        })
    }

    /// A quote standing alone right after someone spoke: the same speaker goes on.
    fn continuation(
        &self,
        so: usize,
        quoted: &QuoteRegion,
        after: Option<&(usize, Range<usize>)>,
        st: &Discourse,
    ) -> Option<Attribution> {
        if !self.ends_clause(after) {
            return None;
        }
        let last = st.last.as_ref()?;
        let words = quoted.content().slice(self.doc.text());
        if !words.chars().any(char::is_lowercase) {
            // A quoted all-caps line is a heading, not speech.
            return None;
        }
        if self.paragraph(so) > last.paragraph + 1 {
            return None;
        }
        // Within its paragraph the same speech event goes on; a later paragraph only keeps
        // the speaker.
        let same_paragraph = self.paragraph(so) == last.paragraph;
        Some(Attribution {
            speaker: Some(last.clone()),
            cue: if same_paragraph { st.last_cue } else { None },
            kind: QuoteKind::Direct,
        })
    }

    /// A quoted sentence with no cue at all: after a colon ("The ministry's message was
    /// clear: "…"", a headline "Lavrov: "…"") its speaker is the clause's subject; standing
    /// alone it goes to the last speaker. Scare quotes and quoted titles are not sentences
    /// (capital, several words, nothing after the closing mark) and stay out.
    fn uncued(
        &self,
        so: usize,
        oi: usize,
        quoted: &QuoteRegion,
        after: Option<&(usize, Range<usize>)>,
        st: &Discourse,
    ) -> Option<Attribution> {
        let words = quoted.content().slice(self.doc.text());
        let sentence_like = words.starts_with(char::is_uppercase)
            && words.split_whitespace().count() >= 4
            && words.chars().any(char::is_lowercase);
        let after_tokens_punct =
            after.is_none_or(|(sc, r)| self.tokens(*sc)[r.clone()].iter().all(is_punct));
        if !sentence_like || !after_tokens_punct {
            return None;
        }
        let tokens = self.tokens(so);
        let first = after_dateline(tokens).min(oi);
        let speaker = if oi > first && tokens[oi - 1].text == ":" {
            sentence_subject(tokens, oi - 1)
                .map(|r| message_author(tokens, r))
                .map(|r| self.speaker(so, r, st))
        } else if tokens[first..oi].iter().all(is_punct) {
            st.last.clone()
        } else {
            return None;
        };
        Some(Attribution {
            speaker,
            cue: None,
            kind: QuoteKind::Direct,
        })
    }

    /// Quoted fragments without a cue of their own inside reported speech ("must carry out
    /// a “sustained cessation” of tests, announced Tillerson") take its speaker.
    fn fragments_of_reported(
        &self,
        pending: &[usize],
        reported: &[ExtractedQuote],
    ) -> Vec<ExtractedQuote> {
        pending
            .iter()
            .filter_map(|&ri| {
                let region = &self.regions[ri];
                let host = reported
                    .iter()
                    .find(|q| q.quote.content.contains(region.content()))?;
                let mut q = host.clone();
                q.quote.kind = QuoteKind::Partial;
                q.quote.content = region.content();
                q.quote.fragments = region.fragments.clone();
                q.quote.content_text = region.content().slice(self.doc.text()).to_owned();
                Some(q)
            })
            .collect()
    }

    // ---- indirect speech --------------------------------------------------------------

    fn indirect(
        &self,
        si: usize,
        st: &mut Discourse,
        used_cues: &HashSet<usize>,
    ) -> Vec<ExtractedQuote> {
        let tokens = self.tokens(si);
        let mut out = Vec::new();
        // Contents reported so far in this sentence (token ranges).
        let mut reported: Vec<Range<usize>> = Vec::new();
        for ci in 0..tokens.len() {
            let t = &tokens[ci];
            if self.in_region(t.span.start) || used_cues.contains(&t.span.start) {
                continue;
            }
            let (found, rest) = if lower(t) == "according" {
                match self.according_to(si, ci, st) {
                    Some((content, rest, a)) => (Some((content, a)), rest),
                    None => (None, None),
                }
            } else {
                (self.reported(si, ci, st), None)
            };
            if let Some((content, a)) = found {
                let words = content.len() + rest.as_ref().map_or(0, |r| r.len());
                if words < 3 || content.end > tokens.len() {
                    continue;
                }
                // A cue inside an earlier report ("said the package also adds 105 vessels")
                // is part of what was reported; only a nested "… told him that …" is a
                // report of its own.
                let nested = reported.iter().any(|r| r.contains(&ci));
                let after_that = content.start > 0 && lower(&tokens[content.start - 1]) == "that";
                if nested && !after_that {
                    continue;
                }
                reported.push(content.clone());
                let mut content_span = span_of(tokens, &content);
                if self.within_region(content_span) {
                    continue;
                }
                // Keep a quote the clause opens whole: `was “ready to talk.”`
                let i = self
                    .regions
                    .partition_point(|r| r.open.start < content_span.end);
                if let Some(r) = i.checked_sub(1).map(|i| &self.regions[i]) {
                    if r.open.start >= content_span.start && r.content().end > content_span.end {
                        content_span.end = r.content().end;
                    }
                }
                if let Some(sp) = &a.speaker {
                    st.remember(sp);
                    st.last_cue = a.cue;
                }
                let mut fragments = vec![content_span];
                fragments.extend(rest.filter(|r| !r.is_empty()).map(|r| span_of(tokens, &r)));
                out.push(self.build(si, fragments, a));
            }
        }
        out
    }

    /// "X said (that) …" and "…, X said." / "…, said X."
    fn reported(
        &self,
        si: usize,
        ci: usize,
        st: &Discourse,
    ) -> Option<(Range<usize>, Attribution)> {
        let tokens = self.tokens(si);
        let class = cue_class(&tokens[ci].text).filter(|&c| c != CueClass::Partial)?;
        if is_cue_noun(tokens, ci) || is_negated(tokens, ci) {
            return None;
        }
        let cue = Some(tokens[ci].span);
        let inverted = ci > 0 && tokens[ci - 1].text == "," && !tokens[ci].text.ends_with("ing");
        if let Some(found) = inverted.then(|| self.trailing_report(si, ci, st)).flatten() {
            return Some(found);
        }
        if let Some((content, that)) = complement_after(tokens, ci, class) {
            // "reported two people were wounded": a "that" cue without "that" reports a
            // clause whose auxiliary comes right after a short subject.
            let clause = that || class != CueClass::That || opens_with_clause(tokens, &content);
            if content.len() >= 3 && clause {
                let speaker = self.speaker_of_cue(si, ci, st)?;
                let content = relative_clause_end(tokens, ci, &speaker, content);
                let a = Attribution {
                    speaker: Some(speaker),
                    cue,
                    kind: QuoteKind::Indirect,
                };
                return Some((content, a));
            }
        }
        self.trailing_report(si, ci, st)
    }

    /// "…, X said (on Friday)." and "…, said X (in a statement)."
    fn trailing_report(
        &self,
        si: usize,
        ci: usize,
        st: &Discourse,
    ) -> Option<(Range<usize>, Attribution)> {
        let tokens = self.tokens(si);
        let cue = Some(tokens[ci].span);
        // Only adverbials may follow the cue or its inverted speaker.
        let end = complement_end(tokens, ci + 1);
        let only_adverbials = |from: usize| {
            trailing_adverbials_only(tokens, from, end)
                || trailing_aside(tokens, skip_adverbials(tokens, from, end), end)
        };
        let (speaker, clause_end) = if ci > 0 && tokens[ci - 1].text == "," {
            match speaker_after(tokens, ci + 1, end) {
                Some(r) => {
                    // "…, said Dmitry Peskov, the Kremlin spokesman, at a briefing."
                    let mut rest = r.end;
                    if tokens.get(rest).is_some_and(|t| t.text == ",") {
                        rest = (rest + 1..end)
                            .find(|&i| tokens[i].text == ",")
                            .map_or(end, |i| i + 1);
                    }
                    if !only_adverbials(rest) {
                        return None;
                    }
                    (appositive_name(tokens, r, end), ci - 1)
                }
                // "…, Denmark, which holds the EU presidency, said."
                None if only_adverbials(ci + 1) => relative_speaker_before(tokens, ci - 1)?,
                None => return None,
            }
        } else {
            // "…, two sources told Reuters."
            let mut after = ci + 1;
            if cue_class(&tokens[ci].text) == Some(CueClass::Tell) {
                while after < end && tokens[after].text.starts_with(char::is_uppercase) {
                    after += 1;
                }
            }
            if !only_adverbials(after) {
                return None;
            }
            let r = subject_before(tokens, ci, 0)?;
            // `…, two sources told Reuters.` and `The deal was "dead," a diplomat said.`
            let mut clause_end = r.start.checked_sub(1)?;
            if is_quote_token(&tokens[clause_end].text)
                && clause_end > 0
                && tokens[clause_end - 1].text == ","
            {
                clause_end -= 1;
            }
            if tokens[clause_end].text != "," {
                return None;
            }
            (r, clause_end)
        };
        let start = (after_dateline(tokens).min(clause_end)..clause_end)
            .find(|&i| !is_punct(&tokens[i]))?;
        // A report is a clause: "The US ambassador to Manila, MaryKay Carlson, said" is not.
        if !has_verb(&tokens[start..clause_end]) {
            return None;
        }
        let a = Attribution {
            speaker: Some(self.speaker(si, speaker, st)),
            cue,
            kind: QuoteKind::Indirect,
        };
        Some((start..clause_end, a))
    }

    /// "According to X, …", "…, according to X." and "The plan, according to X, would …"
    /// (whose content is the clause around the phrase, in two pieces).
    fn according_to(
        &self,
        si: usize,
        ci: usize,
        st: &Discourse,
    ) -> Option<(Range<usize>, Option<Range<usize>>, Attribution)> {
        let tokens = self.tokens(si);
        if tokens.get(ci + 1).map(lower).as_deref() != Some("to") {
            return None;
        }
        let end = content_end(tokens);
        // "according to data from the Rhodium Group, …": the phrase runs to the comma.
        let mut stop = (ci + 2..end)
            .find(|&i| tokens[i].text == ",")
            .unwrap_or(end);
        let mut speaker = ci + 2..stop.min(ci + 2 + 16);
        if speaker.is_empty() {
            return None;
        }
        // "According to the commission's chairperson, Justice Annabel Mtalimanja, turnout …"
        let named = appositive_name(tokens, speaker.clone(), end);
        if named != speaker {
            stop = named.end;
            speaker = named;
        }
        let first = after_dateline(tokens).min(ci);
        let skip_punct = |mut s: usize| {
            while s < end && is_punct(&tokens[s]) {
                s += 1;
            }
            s
        };
        let (content, rest) = if tokens[first..ci].iter().all(is_punct) {
            (skip_punct(speaker.end)..end, None)
        } else {
            let s = (first..ci).find(|&i| !is_punct(&tokens[i]))?;
            let mut e = ci;
            while e > s && is_punct(&tokens[e - 1]) {
                e -= 1;
            }
            // "The plan, according to two officials, would see …": the clause goes on.
            let rest = (stop < end && tokens[ci - 1].text == ",")
                .then(|| skip_punct(stop)..end)
                .filter(|r| r.len() >= 2 && starts_predicate(tokens, r.start));
            (s..e, rest)
        };
        let a = Attribution {
            speaker: Some(self.speaker(si, speaker, st)),
            cue: Some(tokens[ci].span.cover(tokens[ci + 1].span)),
            kind: QuoteKind::Indirect,
        };
        Some((content, rest, a))
    }

    // ---- discourse --------------------------------------------------------------------

    /// Records document authors and the sentence's subject for later pronouns.
    fn note_sentence(&self, si: usize, st: &mut Discourse) {
        let tokens = self.tokens(si);
        for (i, t) in tokens.iter().enumerate() {
            if !is_authoring_verb(&lower(t)) {
                continue;
            }
            let noun = tokens[i + 1..tokens.len().min(i + 5)]
                .iter()
                .map(lower)
                .find(|w| is_document_noun(w));
            if let (Some(noun), Some(r)) = (noun, subject_before(tokens, i, 0)) {
                let author = self.speaker(si, r, st);
                // Only recent documents are referred back to; keeps lookups constant-time.
                if st.authors.len() == MAX_AUTHORS {
                    st.authors.remove(0);
                }
                st.authors.push((noun, author));
            }
        }
        let subject = self.mentions_by_sentence[si].iter().copied().find(|&m| {
            let mention = &self.doc.mentions[m];
            self.is_person_mention(m)
                && (mention.tokens.0 == 0
                    || tokens
                        .get(mention.tokens.0.wrapping_sub(1))
                        .is_some_and(|t| t.text == ","))
        });
        if let Some(m) = subject {
            st.last_subject = Some(SpeakerRef {
                span: self.doc.mentions[m].span,
                mention: Some(m),
                sentence: si,
                paragraph: self.paragraph(si),
                person: true,
            });
        }
    }
}
