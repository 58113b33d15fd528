//! The standard chronicle pipeline: an ordered list of [`Stage`]s run over one
//! [`Document`] each, in the spirit of spaCy's named components.
//!
//! Order matters and is fixed here: segmentation → syntax → actors → time expressions →
//! quotes → events → event dating → de-duplication. Each stage only reads the layers of the
//! stages before it.

pub mod eval;
pub mod eval_actors;
pub mod eval_articles;

use std::time::{Duration, Instant};

use chronicle_core::{Article, Document, Stage};

/// An ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    warnings: Vec<String>,
}

/// Time spent in each stage, summed over the documents run with [`Pipeline::run_profiled`].
#[derive(Debug, Default, Clone)]
pub struct Profile {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Profile {
    fn add(&mut self, name: &'static str, elapsed: Duration) {
        match self.stages.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += elapsed,
            None => self.stages.push((name, elapsed)),
        }
    }

    /// Merges another profile (from another thread) into this one.
    pub fn merge(&mut self, other: &Profile) {
        for (name, elapsed) in &other.stages {
            self.add(name, *elapsed);
        }
    }
}

impl Pipeline {
    /// A pipeline of the given stages, run in order.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Self {
        Pipeline {
            stages,
            warnings: Vec::new(),
        }
    }

    /// The full analysis with the built-in models and dictionaries. A stage whose model
    /// cannot be loaded is left out and reported in [`Pipeline::warnings`]; later stages
    /// then fall back to their rules that need no parse.
    pub fn standard() -> Self {
        Pipeline::with_knowledge_base(chronicle_actors::KnowledgeBase::default_kb())
    }

    /// The standard pipeline with the actors stage over `kb` (e.g. the built-in tables
    /// extended by users' files, [`chronicle_actors::KnowledgeBase::with_files`]).
    pub fn with_knowledge_base(kb: std::sync::Arc<chronicle_actors::KnowledgeBase>) -> Self {
        let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(chronicle_nlp::Segmenter::new())];
        let mut warnings = Vec::new();
        match chronicle_syntax::SyntaxAnalyzer::load_default() {
            Ok(syntax) => stages.push(Box::new(syntax)),
            Err(err) => warnings.push(format!(
                "syntax model not loaded, running without a parse: {err}"
            )),
        }
        stages.push(Box::new(chronicle_actors::ActorResolver::new(kb)));
        stages.push(Box::new(chronicle_time::TimexTagger::new()));
        stages.push(Box::new(chronicle_quotes::QuoteExtractor::new()));
        stages.push(Box::new(chronicle_events::EventCoder::new()));
        stages.push(Box::new(chronicle_time::EventDater::new()));
        stages.push(Box::new(chronicle_events::Deduplicator::new()));
        Pipeline { stages, warnings }
    }

    /// Problems met while assembling the pipeline (e.g. a model that failed to load).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Analyses one article.
    pub fn run(&self, article: Article) -> Document {
        let mut doc = Document::new(article);
        for stage in &self.stages {
            stage.process(&mut doc);
        }
        doc
    }

    /// Analyses one article, adding each stage's time to `profile`.
    pub fn run_profiled(&self, article: Article, profile: &mut Profile) -> Document {
        let mut doc = Document::new(article);
        for stage in &self.stages {
            let start = Instant::now();
            stage.process(&mut doc);
            profile.add(stage.name(), start.elapsed());
        }
        doc
    }
}
