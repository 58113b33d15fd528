//! chronicle-quotes (placeholder until its stage lands).
