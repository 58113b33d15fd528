//! The shared document model of chronicle.
//!
//! Every pipeline stage reads and enriches one [`Document`]: the ingest stage fills the
//! [`Article`] (cleaned text and metadata), the NLP stage adds [`Sentence`]s and [`Token`]s,
//! then actors ([`Mention`]), time ([`Timex`]), quotes ([`Quote`]) and events ([`Event`]).
//!
//! Invariant: every [`Span`] is a pair of *byte* offsets into [`Article::text`] and always
//! lies on `char` boundaries. Output records convert them to character offsets
//! (see [`record`]).

mod document;
mod model;
pub mod record;
mod span;

pub use document::{Article, DateSource, Document};
pub use model::*;
pub use span::{CharOffsets, Span};

/// Escapes text for HTML element content and attribute values (snippets, timelines).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One named step of the pipeline. Stages are pure functions of the document so far:
/// they only add their own layer and never remove what an earlier stage wrote.
pub trait Stage: Send + Sync {
    /// A short, stable name (`"actors"`, `"time"`, …) used in logs and benchmarks.
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn process(&self, doc: &mut Document);
}
