//! chronicle-time (placeholder until its stage lands).
