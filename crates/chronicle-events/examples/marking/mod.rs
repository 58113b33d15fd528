//! Shared by the examples: a segmented document with phrases marked as actor mentions.
#![allow(dead_code)]

use chronicle_core::{ActorCode, Article, Document, Mention, MentionKind, Span, Stage};

/// Segments `text` and marks every occurrence of each `(phrase, code)`, longest first.
pub fn marked_doc(text: &str, actors: &[(String, String)]) -> Document {
    let mut doc = Document::new(Article {
        text: text.to_owned(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    let mut sorted: Vec<&(String, String)> = actors.iter().collect();
    sorted.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let mut mentions: Vec<Mention> = Vec::new();
    for (phrase, code) in sorted {
        for (start, _) in text.match_indices(phrase.as_str()) {
            let span = Span::new(start, start + phrase.len());
            if mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let Some(sentence) = doc.sentence_at(start) else {
                continue;
            };
            let tokens = &doc.sentences[sentence].tokens;
            let first = tokens.iter().position(|t| t.span.start == span.start);
            let last = tokens.iter().position(|t| t.span.end == span.end);
            if let (Some(first), Some(last)) = (first, last) {
                mentions.push(Mention {
                    sentence,
                    tokens: (first, last + 1),
                    span,
                    text: phrase.clone(),
                    kind: MentionKind::Country,
                    actor: ActorCode {
                        code: code.clone(),
                        country: code.get(..3).map(str::to_owned),
                        agent: code.get(3..).filter(|a| !a.is_empty()).map(str::to_owned),
                    },
                    head: last,
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    doc.mentions = mentions;
    doc
}
