use std::path::PathBuf;

/// Errors of the evaluation reader (the stages themselves never fail).
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: malformed TimeML: {message}")]
    Format { path: PathBuf, message: String },
    #[error("no .tml files in {0}")]
    Empty(PathBuf),
}
