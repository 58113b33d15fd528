//! Errors raised while reading knowledge-base tables.

use thiserror::Error;

/// A malformed line in one of the knowledge-base tables.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum KbError {
    #[error("{file}:{line}: expected {expected} columns separated by '|', found {found}")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("{file}:{line}: bad actor code {code:?}")]
    Code {
        file: &'static str,
        line: usize,
        code: String,
    },
    #[error("{file}:{line}: bad date {value:?} (want YYYY-MM-DD)")]
    Date {
        file: &'static str,
        line: usize,
        value: String,
    },
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: &'static str,
        line: usize,
        message: String,
    },
}
