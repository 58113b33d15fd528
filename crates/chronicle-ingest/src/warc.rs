//! WARC/1.0 and 1.1 files (optionally gzip-compressed): the HTML and plain-text payloads of
//! `response` and `resource` records.
//!
//! A small parser of the record framing (version line, headers, `Content-Length` bytes,
//! blank line) is enough here; we never write WARC.

use std::io::{BufRead, Read};

use crate::error::{IngestError, Reason};

/// The payload of one WARC record that holds a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcPage {
    /// 1-based number of the record in the file.
    pub record: usize,
    pub url: Option<String>,
    /// True for HTML, false for plain text.
    pub is_html: bool,
    pub body: Vec<u8>,
}

/// Iterates over the page records of a WARC stream, skipping requests, metadata and
/// non-text payloads (images, scripts). A framing error ends the stream: after it the
/// record boundaries cannot be trusted.
pub struct WarcPages<R> {
    reader: R,
    origin: String,
    max_record_bytes: usize,
    record: usize,
    done: bool,
}

impl<R: BufRead> WarcPages<R> {
    pub fn new(reader: R, origin: String, max_record_bytes: usize) -> Self {
        WarcPages {
            reader,
            origin,
            max_record_bytes,
            record: 0,
            done: false,
        }
    }

    fn error(&mut self, reason: Reason) -> Option<Result<WarcPage, IngestError>> {
        self.done = true;
        Some(Err(IngestError::at_record(
            self.origin.clone(),
            self.record,
            reason,
        )))
    }

    fn read_line(&mut self) -> std::io::Result<Option<String>> {
        let mut line = Vec::new();
        // Header lines are short; a bound keeps a corrupt file from filling memory.
        let n = (&mut self.reader)
            .take(64 * 1024)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&line).trim_end().to_string()))
    }

    /// The record's headers (names lower-cased), or None at the end of the input.
    fn read_headers(&mut self) -> Result<Option<Vec<(String, String)>>, Reason> {
        let version = loop {
            match self.read_line()? {
                None => return Ok(None),
                Some(l) if l.is_empty() => continue,
                Some(l) => break l,
            }
        };
        if !version.starts_with("WARC/") {
            return Err(Reason::MalformedWarc(format!(
                "expected a WARC/1.x version line, found {:?}",
                truncate(&version, 40)
            )));
        }
        let mut headers = Vec::new();
        loop {
            match self.read_line()? {
                None => {
                    return Err(Reason::MalformedWarc(
                        "input ends inside a record header".into(),
                    ))
                }
                Some(l) if l.is_empty() => return Ok(Some(headers)),
                Some(l) => {
                    if let Some((name, value)) = l.split_once(':') {
                        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
                    }
                }
            }
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

impl<R: BufRead> Iterator for WarcPages<R> {
    type Item = Result<WarcPage, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.record += 1;
            let headers = match self.read_headers() {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(reason) => return self.error(reason),
            };
            let Some(length) =
                header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok())
            else {
                return self.error(Reason::MalformedWarc(
                    "missing or bad Content-Length".into(),
                ));
            };
            if length > self.max_record_bytes as u64 {
                // Skip the block so the next record can still be read.
                if let Err(e) =
                    std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                {
                    return self.error(Reason::Io(e));
                }
                let origin = self.origin.clone();
                return Some(Err(IngestError::at_record(
                    origin,
                    self.record,
                    Reason::TooLarge {
                        max: self.max_record_bytes,
                    },
                )));
            }
            let mut block = Vec::with_capacity(length as usize);
            match (&mut self.reader).take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(_) => {
                    return self.error(Reason::MalformedWarc("input ends inside a record".into()))
                }
                Err(e) => return self.error(Reason::Io(e)),
            }
            if let Some(page) = page_from_record(&headers, block, self.record) {
                return Some(Ok(page));
            }
        }
        None
    }
}

/// The page a record holds, if it is a response or resource with a text or HTML payload.
fn page_from_record(
    headers: &[(String, String)],
    block: Vec<u8>,
    record: usize,
) -> Option<WarcPage> {
    let kind = header(headers, "warc-type")?;
    let url = header(headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
    let content_type = header(headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let (media_type, body) = match kind {
        "response" if content_type.starts_with("application/http") => http_body(&block)?,
        "response" | "resource" => (content_type, block),
        _ => return None,
    };
    let is_html = media_type.contains("html") || looks_like_html(&body);
    let is_text = media_type.starts_with("text/plain");
    (is_html || is_text).then_some(WarcPage {
        record,
        url,
        is_html,
        body,
    })
}

fn looks_like_html(body: &[u8]) -> bool {
    let head: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Splits an HTTP response into its media type and decoded body (de-chunked, un-gzipped).
fn http_body(block: &[u8]) -> Option<(String, Vec<u8>)> {
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut body = block[split.1..].to_vec();
    let mut media_type = String::new();
    let mut chunked = false;
    let mut gzipped = false;
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => media_type = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => gzipped = value.contains("gzip"),
            _ => {}
        }
    }
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    if gzipped {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body.as_slice())
            .read_to_end(&mut out)
            .ok()?;
        body = out;
    }
    Some((media_type, body))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes HTTP chunked transfer encoding; None if the framing is broken.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn record(kind: &str, content_type: &str, url: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_response_records_and_skips_others() {
        let mut warc = record(
            "warcinfo",
            "application/warc-fields",
            "",
            b"software: test\r\n",
        );
        warc.extend(record(
            "request",
            "application/http; msgtype=request",
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/a",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n1\r\n>\r\n0\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://example.org/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let pages: Vec<_> = WarcPages::new(warc.as_slice(), "c.warc".into(), 1 << 20)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].record, 3);
        assert_eq!(pages[0].url.as_deref(), Some("https://example.org/a"));
        assert!(pages[0].is_html);
        assert_eq!(pages[0].body, b"<html>");
    }

    #[test]
    fn framing_errors_name_the_record() {
        let mut warc = record("resource", "text/plain", "file:///a.txt", b"Hello");
        warc.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 500\r\n\r\nshort",
        );
        let got: Vec<_> = WarcPages::new(warc.as_slice(), "c.warc".into(), 1 << 20).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert_eq!(
            got[1].as_ref().unwrap_err().to_string(),
            "c.warc: record 2: malformed WARC: input ends inside a record"
        );
        let got: Vec<_> =
            WarcPages::new(&b"GIF89a garbage"[..], "x.warc".into(), 1 << 20).collect();
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("x.warc: record 1: malformed WARC"));
    }
}
