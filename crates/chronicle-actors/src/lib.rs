//! chronicle-actors (placeholder until its stage lands).
