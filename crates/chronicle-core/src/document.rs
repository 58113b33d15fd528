use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Event, Mention, Quote, Sentence, Span, Timex};

/// Where the article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// A date line in the crawled text (` date 2019-12-11`, `Posted January 31st, 2012 …`).
    Text,
    /// A field of the input record (JSONL `date`).
    Field,
    /// HTML metadata (`article:published_time`, `<time datetime>` …).
    HtmlMeta,
    /// `--date` on the command line.
    CommandLine,
}

/// One news article as read from its input, after cleaning.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the JSONL `id`, else the input file's name (plus `:LINE` for JSONL
    /// records without an id).
    pub id: String,
    /// The path or `-` it was read from.
    pub origin: String,
    pub title: Option<String>,
    /// The outlet when the text states it ("Reuters", "KBS World Radio News").
    pub outlet: Option<String>,
    /// The dateline place ("SEOUL" in "SEOUL (Reuters) –").
    pub dateline: Option<String>,
    pub url: Option<String>,
    /// Publication date; `None` means unknown — never guessed.
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// The cleaned text: the headline (when known) as the first paragraph, then the story,
    /// boilerplate removed, paragraphs separated by a blank line. Every span in the
    /// document points into this string.
    pub text: String,
    /// Hex SHA-256 of `text`: equal bodies are the same article (idempotent ingest).
    pub content_hash: String,
}

impl Article {
    /// The story without the headline paragraph that opens `text`.
    pub fn story(&self) -> &str {
        self.title
            .as_deref()
            .and_then(|t| self.text.strip_prefix(t))
            .and_then(|rest| rest.strip_prefix("\n\n"))
            .unwrap_or(&self.text)
    }
}

/// An article and everything the pipeline found in it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}

impl Document {
    pub fn new(article: Article) -> Self {
        Document {
            article,
            ..Default::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.article.text)
    }

    /// Mentions found in sentence `index`, in text order.
    pub fn mentions_in(&self, sentence: usize) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.sentence == sentence)
    }

    /// Time expressions found in sentence `index`, in text order.
    pub fn timexes_in(&self, sentence: usize) -> impl Iterator<Item = (usize, &Timex)> {
        self.timexes
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.sentence == sentence)
    }

    /// The sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::Article;

    #[test]
    fn story_drops_only_the_opening_headline() {
        let mut a = Article {
            title: Some("Seoul protests Tokyo's textbook move".into()),
            text:
                "Seoul protests Tokyo's textbook move\n\nSouth Korea summoned Japan's ambassador."
                    .into(),
            ..Default::default()
        };
        assert_eq!(a.story(), "South Korea summoned Japan's ambassador.");
        // A title that does not open the text leaves the text whole.
        a.title = Some("Another headline".into());
        assert!(a.story().starts_with("Seoul protests"));
        a.title = None;
        assert_eq!(a.story(), a.text);
    }
}
