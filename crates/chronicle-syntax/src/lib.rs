//! chronicle-syntax: our own part-of-speech tagger (UPOS + XPOS), lemmatizer and labelled
//! dependency parser, trained on UD English-EWT (CC BY-SA 4.0), pure Rust, CPU only.
//!
//! - Tagger: greedy averaged perceptron over joint `UPOS XPOS` labels.
//! - Lemmatizer: suffix rules keyed by XPOS and word ending plus an exception lexicon.
//! - Parser: labelled arc-hybrid transitions, averaged perceptron, dynamic oracle.
//!
//! [`SyntaxAnalyzer`] is the pipeline [`chronicle_core::Stage`] (`"syntax"`).

mod binio;
pub mod conllu;
mod error;
mod eval;
mod hash;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod stage;
mod tagger;

pub use conllu::{parse_conllu, read_conllu, ConlluSentence, ConlluWord};
pub use error::SyntaxError;
pub use eval::{evaluate, evaluate_sentences, evaluate_sentences_gold_tags, EvalReport};
pub use lemma::Lemmatizer;
pub use model::{train, train_sentences, SyntaxModel, TrainOptions, WordAnalysis};
pub use parser::mlp::{MlpOptions, MlpShape};
pub use stage::SyntaxAnalyzer;
pub use tagger::net::TagNetOptions;
