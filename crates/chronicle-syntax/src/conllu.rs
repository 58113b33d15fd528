//! A small, tolerant CoNLL-U reader: keeps the syntactic words of each sentence and skips
//! comments, multiword token ranges (`3-4`) and empty nodes (`8.1`).

use std::path::Path;

use crate::SyntaxError;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head index, 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// One sentence: its words in order (word `i` has CoNLL-U ID `i + 1`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    pub words: Vec<ConlluWord>,
}

/// Reads a CoNLL-U file; errors name the file and line.
pub fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|e| SyntaxError::io(path, e))?;
    parse_conllu(&text).map_err(|(line, message)| SyntaxError::Conllu {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses CoNLL-U text. The error is `(1-based line, message)`.
pub fn parse_conllu(text: &str) -> Result<Vec<ConlluSentence>, (usize, String)> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                check_heads(&current, line_no)?;
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(word) = parse_word_line(line, current.words.len()).map_err(|m| (line_no, m))? {
            current.words.push(word);
        }
    }
    if !current.words.is_empty() {
        check_heads(&current, text.lines().count())?;
        sentences.push(current);
    }
    Ok(sentences)
}

/// Parses one token line; `Ok(None)` for multiword ranges and empty nodes.
fn parse_word_line(line: &str, words_so_far: usize) -> Result<Option<ConlluWord>, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 8 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let id = cols[0];
    if id.contains('-') || id.contains('.') {
        return Ok(None);
    }
    let id: usize = id
        .parse()
        .map_err(|_| format!("bad word ID {:?}", cols[0]))?;
    if id != words_so_far + 1 {
        return Err(format!(
            "word ID {id} out of order (expected {})",
            words_so_far + 1
        ));
    }
    let head = match cols[6] {
        "_" => 0,
        h => h.parse().map_err(|_| format!("bad HEAD {h:?}"))?,
    };
    let field = |s: &str| {
        if s == "_" {
            String::new()
        } else {
            s.to_owned()
        }
    };
    Ok(Some(ConlluWord {
        form: cols[1].to_owned(),
        // A lemma of "_" is a real underscore only when the form is one.
        lemma: if cols[2] == "_" && cols[1] != "_" {
            String::new()
        } else {
            cols[2].to_owned()
        },
        upos: field(cols[3]),
        xpos: field(cols[4]),
        head,
        deprel: field(cols[7]),
    }))
}

fn check_heads(sentence: &ConlluSentence, line_no: usize) -> Result<(), (usize, String)> {
    let n = sentence.words.len();
    match sentence.words.iter().find(|w| w.head > n) {
        Some(w) => Err((
            line_no,
            format!("HEAD {} beyond sentence length {n}", w.head),
        )),
        None => Ok(()),
    }
}
