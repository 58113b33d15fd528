//! chronicle-events (placeholder until its stage lands).
