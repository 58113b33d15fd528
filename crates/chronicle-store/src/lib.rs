//! chronicle-store (placeholder until its stage lands).
