//! Errors raised while loading the embedded data tables.

use thiserror::Error;

/// A malformed line in an ontology or pattern table.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DataError {
    #[error("{table} line {line}: {message}")]
    Malformed {
        table: &'static str,
        line: usize,
        message: String,
    },
}

impl DataError {
    pub(crate) fn at(table: &'static str, line: usize, message: impl Into<String>) -> Self {
        DataError::Malformed {
            table,
            line,
            message: message.into(),
        }
    }
}
