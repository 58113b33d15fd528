//! chronicle-ingest (placeholder until its stage lands).
