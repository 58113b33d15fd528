//! Sentence segmentation and tokenization of cleaned article text.
//!
//! [`Segmenter`] is the pipeline stage: it splits [`chronicle_core::Article::text`] into
//! [`chronicle_core::Sentence`]s of UD-style [`chronicle_core::Token`]s with byte spans.
//! Tokenization follows UD English conventions where the parser needs them ("Korea's" →
//! `Korea` `'s`, "don't" → `do` `n't`, "U.S." one token, punctuation split off) and keeps
//! hyphenated words whole, which makes names like "Kim Jong-un" single tokens.

mod abbrev;
mod segment;
mod tokenize;

pub use segment::{Segmenter, MAX_SENTENCE_TOKENS};
pub use tokenize::tokenize;
