//! Table-driven actor cases: date, context, mention → expected code (or `unresolved`).
//!
//! The format (TSV, `#` comments): `date|-` TAB `context|^` TAB `mention[#N]` TAB
//! `CODE|unresolved`, where `^` repeats the previous row's context and `#N` picks the Nth
//! occurrence of the mention. A case passes when a mention overlapping that text has the
//! expected code (`unresolved`: no mention overlaps it). Used by our own tests and by
//! `chronicle eval actors` on held-out tables.

use chronicle_core::Mention;
use chrono::NaiveDate;

use crate::KbError;

/// One row of a case table.
#[derive(Debug, Clone)]
pub struct Case {
    pub line: usize,
    pub date: Option<NaiveDate>,
    pub context: String,
    pub mention: String,
    /// Which occurrence of `mention` in the context (1-based).
    pub nth: usize,
    pub expected: String,
}

/// Parses a case table; `origin` names it in errors.
pub fn parse_cases(text: &str, origin: &str) -> Result<Vec<Case>, KbError> {
    let invalid = |line: usize, message: String| KbError::Invalid {
        file: origin.to_owned(),
        line,
        message,
    };
    let mut out = Vec::new();
    let mut previous = String::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(KbError::Columns {
                file: origin.to_owned(),
                line: line_no,
                expected: 4,
                found: cols.len(),
            });
        }
        let context = if cols[1] == "^" {
            previous.clone()
        } else {
            cols[1].to_owned()
        };
        previous.clone_from(&context);
        let (mention, nth) = match cols[2].rsplit_once('#') {
            Some((m, n)) if n.parse::<usize>().is_ok_and(|n| n > 0) => {
                (m.to_owned(), n.parse().unwrap_or(1))
            }
            _ => (cols[2].to_owned(), 1),
        };
        if context.matches(mention.as_str()).count() < nth {
            return Err(invalid(
                line_no,
                format!("{mention:?} (#{nth}) is not in the context"),
            ));
        }
        let date = match cols[0] {
            "-" => None,
            d => Some(d.parse().map_err(|_| KbError::Date {
                file: origin.to_owned(),
                line: line_no,
                value: d.to_owned(),
            })?),
        };
        out.push(Case {
            line: line_no,
            date,
            context,
            mention,
            nth,
            expected: cols[3].trim().to_owned(),
        });
    }
    Ok(out)
}

impl Case {
    /// `None` when `mentions` (found in `self.context`) satisfy the case, else a description
    /// of what was found instead.
    pub fn check(&self, mentions: &[Mention]) -> Option<String> {
        let start = self
            .context
            .match_indices(self.mention.as_str())
            .nth(self.nth - 1)
            .map(|(i, _)| i)?;
        let end = start + self.mention.len();
        let overlapping: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.span.start < end && start < m.span.end)
            .collect();
        let ok = match self.expected.as_str() {
            "unresolved" => overlapping.is_empty(),
            code => overlapping.iter().any(|m| m.actor.code == code),
        };
        if ok {
            return None;
        }
        let found: Vec<String> = overlapping
            .iter()
            .map(|m| format!("{:?} {}", m.text, m.actor.code))
            .collect();
        Some(if found.is_empty() {
            "nothing".to_owned()
        } else {
            found.join(", ")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_repeats_and_occurrences() {
        let table =
            "# comment\n2019-05-01\tRussia and Russia met.\tRussia#2\tRUS\n-\t^\tmet\tunresolved\n";
        let cases = parse_cases(table, "t.tsv").unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].nth, 2);
        assert_eq!(cases[1].context, "Russia and Russia met.");
        assert!(cases[1].date.is_none());
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let err = parse_cases("2019-05-01\tonly two\n", "t.tsv")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.tsv:1:"), "{err}");
        let err = parse_cases("2019-13-01\tRussia\tRussia\tRUS\n", "t.tsv")
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad date"), "{err}");
        let err = parse_cases("-\tRussia\tChina\tCHN\n", "t.tsv")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not in the context"), "{err}");
    }
}
