//! The pipeline stage.

use std::sync::Arc;

use chronicle_core::{Document, Stage};

use crate::{SyntaxError, SyntaxModel};

/// Fills `upos`, `xpos`, `lemma`, `head` and `deprel` of every token (stage `"syntax"`).
#[derive(Clone)]
pub struct SyntaxAnalyzer {
    model: Arc<SyntaxModel>,
}

impl SyntaxAnalyzer {
    pub fn new(model: Arc<SyntaxModel>) -> Self {
        SyntaxAnalyzer { model }
    }

    /// With the embedded UD English-EWT model.
    pub fn load_default() -> Result<Self, SyntaxError> {
        Ok(SyntaxAnalyzer::new(Arc::new(SyntaxModel::load_default()?)))
    }

    pub fn model(&self) -> &SyntaxModel {
        &self.model
    }
}

impl Stage for SyntaxAnalyzer {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn process(&self, doc: &mut Document) {
        for sentence in &mut doc.sentences {
            let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
            let analysis = self.model.analyze(&forms);
            for (token, a) in sentence.tokens.iter_mut().zip(analysis) {
                token.upos = a.upos;
                token.xpos = a.xpos;
                // The document model's lemma is lower-cased ("States" → "state" is not
                // wanted, but "States" → "states" keeps matching simple).
                token.lemma = a.lemma.to_lowercase();
                token.head = a.head;
                token.deprel = a.deprel;
            }
        }
    }
}
