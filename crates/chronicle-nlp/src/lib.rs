//! chronicle-nlp (placeholder until its stage lands).
