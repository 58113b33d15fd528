use std::path::PathBuf;

/// Everything that can go wrong when reading treebanks or model files.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Conllu {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("model: {0}")]
    Model(String),
    #[error("training: {0}")]
    Training(String),
}

impl SyntaxError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SyntaxError::Io {
            path: path.into(),
            source,
        }
    }
}
