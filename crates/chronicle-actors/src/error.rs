//! Errors raised while reading knowledge-base tables.

use thiserror::Error;

/// A malformed line in one of the knowledge-base tables (built-in or a user's file).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum KbError {
    #[error("{file}:{line}: expected {expected} columns separated by '|', found {found}")]
    Columns {
        file: String,
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("{file}:{line}: bad actor code {code:?}")]
    Code {
        file: String,
        line: usize,
        code: String,
    },
    #[error("{file}:{line}: bad date {value:?} (want YYYY-MM-DD)")]
    Date {
        file: String,
        line: usize,
        value: String,
    },
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
}
