//! Errors that always say where (file, line or record) and why an input was rejected.

use std::fmt;

use thiserror::Error;

/// Where in an input an error happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole input.
    Input,
    /// A 1-based line of a JSONL input.
    Line(usize),
    /// A 1-based record of a WARC input.
    Record(usize),
}

/// Why an input (or one record of it) produced no article.
#[derive(Debug, Error)]
pub enum Reason {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("no such file, directory or glob match")]
    NotFound,
    #[error("bad glob pattern: {0}")]
    BadPattern(String),
    #[error("binary file ({0})")]
    Binary(&'static str),
    #[error("invalid UTF-8 at byte offset {0}")]
    InvalidUtf8(usize),
    #[error("empty input")]
    Empty,
    #[error("no text left after cleaning")]
    NoText,
    #[error("line longer than the maximum of {max} bytes")]
    LineTooLong { max: usize },
    #[error("input larger than the maximum of {max} bytes")]
    TooLarge { max: usize },
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("JSON record has no `text` field")]
    MissingText,
    #[error("`{field}` field is not a string")]
    NotAString { field: &'static str },
    #[error("HTML page has no extractable text")]
    NoHtmlText,
    #[error("HTML nested more than {0} levels deep")]
    HtmlTooDeep(usize),
    #[error("unparseable date {0:?} (expected YYYY-MM-DD or RFC 3339)")]
    BadDate(String),
    #[error("malformed WARC: {0}")]
    MalformedWarc(String),
}

/// An input that could not be read, with its origin (path or `-`) and location.
#[derive(Debug, Error)]
#[error("{}: {reason}", Where(origin, location))]
pub struct IngestError {
    pub origin: String,
    pub location: Location,
    #[source]
    pub reason: Reason,
}

impl IngestError {
    pub fn new(origin: impl Into<String>, reason: Reason) -> Self {
        IngestError {
            origin: origin.into(),
            location: Location::Input,
            reason,
        }
    }

    pub fn at_line(origin: impl Into<String>, line: usize, reason: Reason) -> Self {
        IngestError {
            origin: origin.into(),
            location: Location::Line(line),
            reason,
        }
    }

    pub fn at_record(origin: impl Into<String>, record: usize, reason: Reason) -> Self {
        IngestError {
            origin: origin.into(),
            location: Location::Record(record),
            reason,
        }
    }

    /// The JSONL line number, when the error concerns one line.
    pub fn line(&self) -> Option<usize> {
        match self.location {
            Location::Line(n) => Some(n),
            _ => None,
        }
    }
}

/// Formats `path`, `path:LINE` or `path: record N` (the shape editors and grep understand).
struct Where<'a>(&'a String, &'a Location);

impl fmt::Display for Where<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Location::Input => write!(f, "{}", self.0),
            Location::Line(n) => write!(f, "{}:{n}", self.0),
            Location::Record(n) => write!(f, "{}: record {n}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_reason() {
        let e = IngestError::at_line(
            "examples/bad.jsonl",
            3,
            Reason::MalformedJson("EOF while parsing".into()),
        );
        assert_eq!(
            e.to_string(),
            "examples/bad.jsonl:3: malformed JSON: EOF while parsing"
        );
        assert_eq!(e.line(), Some(3));
        let e = IngestError::new("a.txt", Reason::InvalidUtf8(17));
        assert_eq!(e.to_string(), "a.txt: invalid UTF-8 at byte offset 17");
    }
}
