//! chronicle-quotes: direct, partial and indirect quotations with their speakers.
mod lexicon;
pub mod marks;
