//! JSON Lines: one article per line, read as a stream so one bad line costs only that line.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::decode::decode_utf8;
use crate::error::{IngestError, Reason};

/// The fields of one JSONL record that ingest understands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonRecord {
    pub text: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The raw `date` value; parsed by the caller so its error names the line.
    pub date: Option<String>,
}

/// A string field; numbers are accepted for `id` (common in exports), null means absent.
fn string_field(
    obj: &Map<String, Value>,
    names: &[&'static str],
) -> Result<Option<String>, Reason> {
    for &name in names {
        match obj.get(name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => {
                return Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty()))
            }
            Some(Value::Number(n)) if name == "id" => return Ok(Some(n.to_string())),
            Some(_) => return Err(Reason::NotAString { field: name }),
        }
    }
    Ok(None)
}

/// Parses one JSONL line into a record.
pub fn parse_record(line: &str) -> Result<JsonRecord, Reason> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| Reason::MalformedJson(e.to_string()))?;
    let Value::Object(obj) = value else {
        return Err(Reason::MalformedJson("expected a JSON object".into()));
    };
    let text = string_field(&obj, &["text"])?.ok_or(Reason::MissingText)?;
    Ok(JsonRecord {
        text,
        id: string_field(&obj, &["id"])?,
        title: string_field(&obj, &["title"])?,
        url: string_field(&obj, &["url"])?,
        source: string_field(&obj, &["source"])?,
        date: string_field(&obj, &["date"])?,
    })
}

/// Reads lines of at most `max_bytes` bytes; a longer line is skipped whole and reported.
pub struct JsonlLines<R> {
    reader: R,
    origin: String,
    max_bytes: usize,
    line_no: usize,
    offset: usize,
    done: bool,
}

impl<R: BufRead> JsonlLines<R> {
    pub fn new(reader: R, origin: String, max_bytes: usize) -> Self {
        JsonlLines {
            reader,
            origin,
            max_bytes,
            line_no: 0,
            offset: 0,
            done: false,
        }
    }

    /// Reads up to the next newline, keeping at most `max_bytes + 2` bytes so a huge line
    /// never fills memory. Returns the bytes kept (with the line end), whether the line's
    /// content exceeds the limit, and how many bytes were consumed.
    fn read_bounded_line(&mut self) -> std::io::Result<Option<(Vec<u8>, bool, usize)>> {
        let mut kept = Vec::new();
        let mut total = 0usize;
        let mut before_last = 0u8;
        let mut last = 0u8;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok((total > 0).then_some((kept, total > self.max_bytes, total)));
            }
            let (chunk, found_newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..=i], true),
                None => (buf, false),
            };
            let room = (self.max_bytes + 2).saturating_sub(kept.len());
            kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
            for &b in chunk.iter().rev().take(2).rev() {
                before_last = last;
                last = b;
            }
            let used = chunk.len();
            total += used;
            self.reader.consume(used);
            if found_newline {
                let line_end = if before_last == b'\r' { 2 } else { 1 };
                let too_long = total.saturating_sub(line_end) > self.max_bytes;
                return Ok(Some((kept, too_long, total)));
            }
        }
    }
}

/// One non-blank line: its 1-based number and its text.
pub struct JsonlLine {
    pub number: usize,
    pub text: String,
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<JsonlLine, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let (bytes, too_long, consumed) = match self.read_bounded_line() {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => {
                    self.done = true;
                    return Some(Err(IngestError::new(self.origin.clone(), Reason::Io(e))));
                }
            };
            self.line_no += 1;
            let start = self.offset;
            self.offset += consumed;
            let err = |reason| {
                Some(Err(IngestError::at_line(
                    self.origin.clone(),
                    self.line_no,
                    reason,
                )))
            };
            if too_long {
                return err(Reason::LineTooLong {
                    max: self.max_bytes,
                });
            }
            let content = trim_line_end(&bytes);
            if content.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if content.contains(&0) {
                return err(Reason::Binary("contains NUL bytes"));
            }
            return match decode_utf8(content, start) {
                Ok(text) => Some(Ok(JsonlLine {
                    number: self.line_no,
                    text: text.to_string(),
                })),
                Err(reason) => err(reason),
            };
        }
        None
    }
}

fn trim_line_end(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    while end > 0 && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Result<(usize, String), String>> {
        JsonlLines::new(input, "t.jsonl".into(), max)
            .map(|r| r.map(|l| (l.number, l.text)).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn bounded_lines_keep_numbering_and_skip_blank_lines() {
        let input = b"{\"text\":\"a\"}\r\n\n   \n0123456789012345\n{\"text\":\"b\"}";
        let got = lines(input, 12);
        assert_eq!(got[0], Ok((1, "{\"text\":\"a\"}".into())));
        assert_eq!(
            got[1],
            Err("t.jsonl:4: line longer than the maximum of 12 bytes".into())
        );
        assert_eq!(got[2], Ok((5, "{\"text\":\"b\"}".into())));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn invalid_utf8_offset_counts_from_start_of_input() {
        let got = lines(b"{\"text\":\"ok\"}\n{\"text\":\"\xc3\x28\"}\n", 100);
        assert_eq!(
            got[1],
            Err("t.jsonl:2: invalid UTF-8 at byte offset 23".into())
        );
    }

    #[test]
    fn record_fields() {
        let r = parse_record(r#"{"id":7,"title":"T","text":" Body ","source":"Wire","date":null}"#)
            .unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.text, "Body");
        assert_eq!(r.date, None);
        assert!(matches!(
            parse_record(r#"{"title":"no text"}"#),
            Err(Reason::MissingText)
        ));
        assert!(matches!(
            parse_record(r#"{"text":""}"#),
            Err(Reason::MissingText)
        ));
        assert!(matches!(
            parse_record(r#"{"text":5}"#),
            Err(Reason::NotAString { field: "text" })
        ));
        assert!(matches!(
            parse_record(r#"[1,2]"#),
            Err(Reason::MalformedJson(_))
        ));
        match parse_record(r#"{"text": "unterminated"#) {
            Err(Reason::MalformedJson(msg)) => assert!(msg.contains("EOF"), "{msg}"),
            other => panic!("{other:?}"),
        }
    }
}
