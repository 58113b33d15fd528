//! chronicle-pipeline (placeholder until its stage lands).
