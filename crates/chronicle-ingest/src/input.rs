//! Turning command-line arguments into input sources: files, directories, globs and `-`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{IngestError, Reason};
use crate::Format;

/// One thing to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    Stdin,
    File(PathBuf),
}

impl InputSource {
    /// The origin recorded in articles and errors: the path as given, or `-`.
    pub fn origin(&self) -> String {
        match self {
            InputSource::Stdin => "-".to_string(),
            InputSource::File(p) => p.display().to_string(),
        }
    }
}

/// Expands arguments in order: `-` is stdin, a directory yields its article files
/// recursively in sorted order (hidden files and directories skipped, and files whose
/// extension is not an input format, such as a README.md or images, left out), an existing
/// file is itself whatever its name, and
/// anything else is tried as a glob pattern. Each problem is an error for that argument
/// only, so the caller can report it and go on.
pub fn expand_inputs(args: &[String]) -> Vec<Result<InputSource, IngestError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Ok(InputSource::Stdin));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            out.extend(walk_dir(path));
        } else if path.is_file() {
            out.push(Ok(InputSource::File(path.to_path_buf())));
        } else if has_glob_chars(arg) {
            out.extend(expand_glob(arg));
        } else {
            out.push(Err(IngestError::new(arg.as_str(), Reason::NotFound)));
        }
    }
    out
}

fn has_glob_chars(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// A file a directory walk reads: a known input format, or no extension (sniffed).
fn is_article_file(path: &Path) -> bool {
    Format::from_path(path).is_some() || path.extension().is_none()
}

fn walk_dir(dir: &Path) -> Vec<Result<InputSource, IngestError>> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        // The root itself may be "." or a hidden directory the user named explicitly.
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                Some(Ok(InputSource::File(e.into_path())))
            }
            Ok(_) => None,
            Err(err) => {
                let origin = err
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                let io = err
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                Some(Err(IngestError::new(origin, Reason::Io(io))))
            }
        })
        .collect()
}

fn expand_glob(pattern: &str) -> Vec<Result<InputSource, IngestError>> {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(e) => {
            return vec![Err(IngestError::new(
                pattern,
                Reason::BadPattern(e.to_string()),
            ))]
        }
    };
    let mut out = Vec::new();
    for entry in paths {
        match entry {
            Ok(p) if p.is_dir() => out.extend(walk_dir(&p)),
            Ok(p) => {
                let hidden = p.file_name().is_some_and(is_hidden);
                if !hidden {
                    out.push(Ok(InputSource::File(p)));
                }
            }
            Err(e) => {
                let origin = e.path().display().to_string();
                out.push(Err(IngestError::new(origin, Reason::Io(e.into()))));
            }
        }
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(pattern, Reason::NotFound)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(results: Vec<Result<InputSource, IngestError>>, root: &Path) -> Vec<String> {
        results
            .into_iter()
            .map(|r| match r.unwrap() {
                InputSource::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                InputSource::Stdin => "-".into(),
            })
            .collect()
    }

    #[test]
    fn directories_globs_stdin_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/nested")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "a.txt",
            "b/z.html",
            "b/nested/c.jsonl",
            ".hidden.txt",
            ".git/x.txt",
            "b/.swp",
            "b/nested/feed",
            "README.md",
            "b/photo.jpg",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        let r = expand_inputs(&[root.display().to_string()]);
        assert_eq!(
            files(r, root),
            ["a.txt", "b/nested/c.jsonl", "b/nested/feed", "b/z.html"]
        );

        let pattern = format!("{}/**/*.html", root.display());
        assert_eq!(files(expand_inputs(&[pattern]), root), ["b/z.html"]);

        assert_eq!(
            expand_inputs(&["-".into()])[0].as_ref().unwrap(),
            &InputSource::Stdin
        );

        let missing = root.join("nope.txt").display().to_string();
        let r = expand_inputs(std::slice::from_ref(&missing));
        let err = r[0].as_ref().unwrap_err();
        assert!(matches!(err.reason, Reason::NotFound));
        assert!(err.to_string().starts_with(&missing));

        let r = expand_inputs(&[format!("{}/*.nothing", root.display())]);
        assert!(matches!(
            r[0].as_ref().unwrap_err().reason,
            Reason::NotFound
        ));
        let r = expand_inputs(&["[".into()]);
        assert!(matches!(
            r[0].as_ref().unwrap_err().reason,
            Reason::BadPattern(_)
        ));
    }
}
