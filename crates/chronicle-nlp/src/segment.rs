//! Sentence segmentation over tokens.

use chronicle_core::{Document, Sentence, Span, Stage, Token};

use crate::abbrev::{is_abbreviation, is_non_terminal, is_sentence_starter};
use crate::tokenize::tokenize;

/// Longest sentence we emit; longer runs (tables scraped as text) are cut so that later
/// stages stay bounded.
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// The segmentation stage: fills [`Document::sentences`] with tokenized sentences.
///
/// A sentence never crosses a line break: the ingest stage puts each paragraph on its own
/// line, and a paragraph without final punctuation (a headline, a list item) still ends.
#[derive(Debug, Default, Clone)]
pub struct Segmenter;

impl Segmenter {
    pub fn new() -> Self {
        Segmenter
    }

    /// Splits `text` into sentences; spans are byte offsets into `text`.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut paragraph = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let base = offset;
            offset += line.len();
            let tokens = tokenize(line, base);
            if tokens.is_empty() {
                continue;
            }
            for range in sentence_ranges(&tokens) {
                let toks: Vec<Token> = tokens[range].to_vec();
                let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
                sentences.push(Sentence {
                    index: sentences.len(),
                    span,
                    paragraph,
                    tokens: toks,
                });
            }
            paragraph += 1;
        }
        sentences
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Document) {
        doc.sentences = self.segment(&doc.article.text);
    }
}

fn is_straight_quote(t: &str) -> bool {
    t == "\"" || t == "''"
}

/// For each token, whether it is a closing quotation mark; straight quotes alternate
/// open/close within a line.
fn closing_quotes(tokens: &[Token]) -> Vec<bool> {
    let mut open = false;
    tokens
        .iter()
        .map(|t| match t.text.as_str() {
            "”" | "»" => true,
            s if is_straight_quote(s) => {
                open = !open;
                !open
            }
            _ => false,
        })
        .collect()
}

fn is_closer(t: &str) -> bool {
    matches!(t, ")" | "]" | "’" | "'")
}

/// Can this token open a new sentence?
fn can_start(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '[' | '(' | '‘' | '\'' | '«' | '—' | '-')
            || !c.is_alphabetic() && !c.is_ascii_punctuation()
    })
}

fn sentence_ranges(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let closing = closing_quotes(tokens);
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].text.as_str();
        let next = tokens.get(i + 1).map(|t| t.text.as_str());

        // A bracketed block after a colon or quote opens a sentence of its own:
        // "Report:[Sound bite: …]".
        if t == "[" && i > start && matches!(tokens[i - 1].text.as_str(), ":" | "\"" | "”") {
            ranges.push(start..i);
            start = i;
        }
        // … and a sentence that is just that block ends at its closing bracket.
        if t == "]" && tokens[start].text == "[" && next.is_some() {
            ranges.push(start..i + 1);
            start = i + 1;
            i += 1;
            continue;
        }

        if ends_sentence(tokens, i) {
            // Closing quotes and brackets belong to the sentence they close.
            let mut j = i + 1;
            while j < tokens.len() && (closing[j] || is_closer(&tokens[j].text)) {
                j += 1;
            }
            if j == tokens.len() || can_start(&tokens[j].text) {
                ranges.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        if i + 1 - start >= MAX_SENTENCE_TOKENS {
            ranges.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if start < tokens.len() {
        ranges.push(start..tokens.len());
    }
    ranges.retain(|r| !r.is_empty());
    ranges
}

/// Does token `i` end a sentence, if what follows can start one?
fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].text.as_str();
    let next = tokens.get(i + 1).map(|t| t.text.as_str());
    match t {
        // "No. 5": the number sign, not the answer "No."
        "." if i > 0
            && tokens[i - 1].text == "No"
            && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())) =>
        {
            false
        }
        "." | "!" | "?" => true,
        // An ellipsis ends a sentence only before a capitalised word or a quote.
        "…" => true,
        _ if t.len() >= 2 && t.bytes().all(|b| b == b'.') => true,
        _ if is_abbreviation(t) && !is_non_terminal(t) => {
            // "… talks with the U.S. The envoy …"
            next.is_none_or(is_sentence_starter)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        Segmenter::new()
            .segment(text)
            .iter()
            .map(|s| s.span.slice(text).to_owned())
            .collect()
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        let text = "U.S. envoy Sung Kim met Gen. Charles Brown in Jan. 2020 at 4 p.m. local time. \
                    They spoke with John F. Kennedy Jr. about the talks. Talks with the U.S. The envoy left.";
        assert_eq!(
            sentences(text),
            [
                "U.S. envoy Sung Kim met Gen. Charles Brown in Jan. 2020 at 4 p.m. local time.",
                "They spoke with John F. Kennedy Jr. about the talks.",
                "Talks with the U.S.",
                "The envoy left.",
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text =
            "\"We are ready,\" he said. \"The pressure must continue. It will.\" Kono added: \
                    “No.” Then he left.";
        assert_eq!(
            sentences(text),
            [
                "\"We are ready,\" he said.",
                "\"The pressure must continue.",
                "It will.\"",
                "Kono added: “No.”",
                "Then he left.",
            ]
        );
    }

    #[test]
    fn sound_bite_blocks_and_run_ons() {
        let text = "Ahead of that, the diplomats met in Rome.Anna Bell has more.Report:[Sound bite: \
                    Italian Foreign Minister Luca Conti]\"We agreed on the next steps.... \"Both sides left.";
        assert_eq!(
            sentences(text),
            [
                "Ahead of that, the diplomats met in Rome.",
                "Anna Bell has more.",
                "Report:",
                "[Sound bite: Italian Foreign Minister Luca Conti]",
                "\"We agreed on the next steps.... \"",
                "Both sides left.",
            ]
        );
    }

    #[test]
    fn paragraphs_without_punctuation_end_at_the_line() {
        let text = "MILITARY TENSIONS\n\nThe army said it was ready\nA second line.";
        let segs = Segmenter::new().segment(text);
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0].span.slice(text), "MILITARY TENSIONS");
        assert_eq!(segs[2].paragraph, 2);
        assert!(segs.iter().enumerate().all(|(i, s)| s.index == i));
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            sentences("The U.S. official said no. and left."),
            ["The U.S. official said no. and left."]
        );
    }

    #[test]
    fn huge_lines_are_cut_into_bounded_sentences() {
        let text = "cell ".repeat(10_000);
        let segs = Segmenter::new().segment(&text);
        assert!(segs.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(segs.iter().map(|s| s.tokens.len()).sum::<usize>(), 10_000);
    }
}
