//! chronicle-ingest: reads news articles from files, directories, globs and stdin (plain
//! text, HTML, JSON Lines, WARC) into cleaned [`chronicle_core::Article`]s.
//!
//! ```no_run
//! use chronicle_ingest::{read_inputs, ReadOptions};
//! for result in read_inputs(&["examples/".to_string()], &ReadOptions::default()) {
//!     match result {
//!         Ok(article) => println!("{} {:?} {}", article.id, article.date, article.title.unwrap_or_default()),
//!         Err(e) => eprintln!("{e}"), // "examples/bad.jsonl:3: malformed JSON: …"
//!     }
//! }
//! ```
//!
//! Every input yields a stream of `Result<Article, IngestError>`: a bad JSONL line or WARC
//! record is one error and the rest of the input is still read.

mod clean;
mod dates;
mod decode;
mod error;
mod html;
mod input;
mod jsonl;
mod meta;
mod noise;
mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chronicle_core::{Article, DateSource, Document, Stage};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use clean::{clean_text, Cleaned};
pub use dates::{find_date, header_date, parse_field_date, HeaderDate};
pub use error::{IngestError, Location, Reason};
pub use html::{extract_html, HtmlPage};
pub use input::{expand_inputs, InputSource};

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The publication date for articles that state none (`--date`).
    pub default_date: Option<NaiveDate>,
    /// Longest JSONL line accepted, in bytes.
    pub max_line_bytes: usize,
    /// Largest text or HTML file, or WARC record, accepted, in bytes.
    pub max_input_bytes: usize,
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            default_date: None,
            max_line_bytes: 1 << 20,
            max_input_bytes: 64 << 20,
            format: None,
        }
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
}

impl Format {
    /// The format a file name announces (`.txt`, `.html`, `.jsonl`, `.warc`, `.warc.gz` …).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// The format the first bytes of an input suggest.
    pub fn sniff(head: &[u8]) -> Format {
        let start: Vec<u8> = head
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(head)
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take(64)
            .map(u8::to_ascii_lowercase)
            .collect();
        if start.starts_with(b"warc/") {
            Format::Warc
        } else if start.starts_with(b"<!doctype html")
            || start.starts_with(b"<html")
            || start.starts_with(b"<head")
            || (start.starts_with(b"<?xml") && head.len() >= 5 && contains_html_tag(head))
        {
            Format::Html
        } else if start.starts_with(b"{") {
            Format::Jsonl
        } else {
            Format::Text
        }
    }
}

fn contains_html_tag(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    lower.windows(5).any(|w| w == b"<html")
}

/// A stream of articles (or per-article errors) from one input.
pub type ArticleStream = Box<dyn Iterator<Item = Result<Article, IngestError>> + Send>;

/// Reads every input named by `args` (see [`expand_inputs`]) in order.
pub fn read_inputs(
    args: &[String],
    opts: &ReadOptions,
) -> impl Iterator<Item = Result<Article, IngestError>> {
    let opts = opts.clone();
    expand_inputs(args)
        .into_iter()
        .flat_map(move |source| -> ArticleStream {
            match source {
                Ok(source) => read_source(&source, &opts),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        })
}

/// Reads one input: a file or stdin.
pub fn read_source(source: &InputSource, opts: &ReadOptions) -> ArticleStream {
    let origin = source.origin();
    match source {
        InputSource::Stdin => read_stream(
            Box::new(BufReader::new(std::io::stdin())),
            origin,
            "stdin".into(),
            None,
            opts,
        ),
        InputSource::File(path) => match File::open(path) {
            Ok(file) => {
                let name = path
                    .file_name()
                    .map_or_else(|| origin.clone(), |n| n.to_string_lossy().into_owned());
                read_stream(
                    Box::new(BufReader::with_capacity(64 * 1024, file)),
                    origin,
                    name,
                    Format::from_path(path),
                    opts,
                )
            }
            Err(e) => one_error(IngestError::new(origin, Reason::Io(e))),
        },
    }
}

/// Reads articles from bytes already in memory (tests, other crates). `name` is the base of
/// article ids, as a file name would be.
pub fn read_bytes(
    origin: &str,
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &ReadOptions,
) -> Vec<Result<Article, IngestError>> {
    read_stream(
        Box::new(std::io::Cursor::new(bytes.to_vec())),
        origin.to_string(),
        name.to_string(),
        format,
        opts,
    )
    .collect()
}

fn one_error(e: IngestError) -> ArticleStream {
    Box::new(std::iter::once(Err(e)))
}

/// Detects the format (options, then file name, then content) and reads the stream.
fn read_stream(
    mut reader: Box<dyn BufRead + Send>,
    origin: String,
    name: String,
    named_format: Option<Format>,
    opts: &ReadOptions,
) -> ArticleStream {
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return one_error(IngestError::new(origin, Reason::Io(e))),
    };
    if head.starts_with(&[0x1f, 0x8b]) {
        // Gzip (typically .warc.gz): read through the decompressor and detect again.
        let inner = Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(reader)));
        return read_stream(inner, origin, name, named_format, opts);
    }
    let sniffed = Format::sniff(&head);
    let format = opts.format.unwrap_or(match named_format {
        // A .txt file that is really a saved web page.
        Some(Format::Text) if sniffed == Format::Html => Format::Html,
        Some(f) => f,
        None => sniffed,
    });
    let opts = opts.clone();
    match format {
        Format::Jsonl => {
            if head.contains(&0) {
                return one_error(IngestError::new(
                    origin,
                    Reason::Binary("contains NUL bytes"),
                ));
            }
            let lines = jsonl::JsonlLines::new(reader, origin.clone(), opts.max_line_bytes);
            Box::new(lines.map(move |line| {
                let line = line?;
                jsonl_article(&origin, &name, line.number, &line.text, &opts)
                    .map_err(|reason| IngestError::at_line(origin.clone(), line.number, reason))
            }))
        }
        Format::Warc => {
            let pages = warc::WarcPages::new(reader, origin.clone(), opts.max_input_bytes);
            Box::new(pages.map(move |page| {
                let page = page?;
                let record = page.record;
                warc_article(&origin, &name, page, &opts)
                    .map_err(|reason| IngestError::at_record(origin.clone(), record, reason))
            }))
        }
        Format::Text | Format::Html => {
            let result = read_all(reader, opts.max_input_bytes).map_err(|r| (None, r));
            let result = result.and_then(|bytes| {
                let text = decode::decode_document(&bytes).map_err(|r| (None, r))?;
                if format == Format::Html {
                    // Minified pages are legitimately one long line: no line limit here.
                    html_article(&origin, &name, text, None, &opts).map_err(|r| (None, r))
                } else if let Some(line) = overlong_line(text, opts.max_line_bytes) {
                    Err((
                        Some(line),
                        Reason::LineTooLong {
                            max: opts.max_line_bytes,
                        },
                    ))
                } else {
                    text_article(&origin, &name, text, &opts).map_err(|r| (None, r))
                }
            });
            Box::new(std::iter::once(result.map_err(
                |(line, reason)| match line {
                    Some(line) => IngestError::at_line(origin, line, reason),
                    None => IngestError::new(origin, reason),
                },
            )))
        }
    }
}

/// The 1-based number of the first line longer than `max` bytes, if any: plain text with
/// such a line is a dump or a table, not an article.
fn overlong_line(text: &str, max: usize) -> Option<usize> {
    text.split('\n').position(|l| l.len() > max).map(|i| i + 1)
}

fn read_all<R: Read>(reader: R, max: usize) -> Result<Vec<u8>, Reason> {
    let mut bytes = Vec::new();
    reader.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Err(Reason::TooLarge { max });
    }
    Ok(bytes)
}

/// Metadata an input states explicitly (fields, HTML metadata), which wins over what the
/// text cleaner infers.
#[derive(Default)]
struct Given {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<(NaiveDate, DateSource)>,
}

/// Assembles the article: explicit metadata first, then what cleaning found, then defaults.
fn build_article(
    origin: &str,
    id: String,
    cleaned: Cleaned,
    given: Given,
    opts: &ReadOptions,
) -> Result<Article, Reason> {
    if cleaned.text.trim().is_empty() {
        return Err(Reason::NoText);
    }
    let date = given
        .date
        .or(cleaned.date.map(|d| (d.date, DateSource::Text)))
        .or(opts.default_date.map(|d| (d, DateSource::CommandLine)));
    let mut cleaned = cleaned;
    let title = given.title.or(cleaned.title.take());
    let content_hash = content_hash(&cleaned.text);
    let text = open_with_headline(title.as_deref(), cleaned.text);
    Ok(Article {
        id,
        origin: origin.to_string(),
        title,
        outlet: given.outlet.or(cleaned.outlet),
        dateline: cleaned.dateline,
        url: given.url,
        date: date.map(|d| d.0),
        date_source: date.map(|d| d.1),
        content_hash,
        text,
    })
}

/// The headline states the story's news: it opens the text so that later stages read it
/// like the lede (and evidence can point into it).
fn open_with_headline(title: Option<&str>, story: String) -> String {
    match title {
        Some(t) if !t.is_empty() && !story.starts_with(t) => format!("{t}\n\n{story}"),
        _ => story,
    }
}

/// Hex SHA-256 of the cleaned story (without the headline, so that one story filed under
/// two headlines is one article).
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn text_article(
    origin: &str,
    name: &str,
    text: &str,
    opts: &ReadOptions,
) -> Result<Article, Reason> {
    build_article(
        origin,
        name.to_string(),
        clean_text(text, None),
        Given::default(),
        opts,
    )
}

fn html_article(
    origin: &str,
    id: &str,
    html: &str,
    url: Option<&str>,
    opts: &ReadOptions,
) -> Result<Article, Reason> {
    let page = extract_html(html, url)?;
    let cleaned = clean_text(&page.text, page.title.as_deref());
    let given = Given {
        title: page.title,
        outlet: page.site_name,
        url: page.url,
        date: page.date.map(|d| (d, DateSource::HtmlMeta)),
    };
    build_article(origin, id.to_string(), cleaned, given, opts).map_err(|r| match r {
        Reason::NoText => Reason::NoHtmlText,
        other => other,
    })
}

fn jsonl_article(
    origin: &str,
    name: &str,
    line: usize,
    text: &str,
    opts: &ReadOptions,
) -> Result<Article, Reason> {
    let record = jsonl::parse_record(text)?;
    let date = match record.date.as_deref() {
        Some(value) => Some((
            parse_field_date(value).ok_or_else(|| Reason::BadDate(value.to_string()))?,
            DateSource::Field,
        )),
        None => None,
    };
    let cleaned = clean_text(&record.text, record.title.as_deref());
    let id = record.id.unwrap_or_else(|| format!("{name}:{line}"));
    let given = Given {
        title: record.title,
        outlet: record.source,
        url: record.url,
        date,
    };
    build_article(origin, id, cleaned, given, opts)
}

fn warc_article(
    origin: &str,
    name: &str,
    page: warc::WarcPage,
    opts: &ReadOptions,
) -> Result<Article, Reason> {
    let text = decode::decode_document(&page.body)?;
    let id = format!("{name}#{}", page.record);
    let mut article = if page.is_html {
        html_article(origin, &id, text, page.url.as_deref(), opts)?
    } else {
        text_article(origin, &id, text, opts)?
    };
    article.url = article.url.or(page.url);
    Ok(article)
}

/// Reads one article from text already in memory: cleaning and header metadata as for a
/// `.txt` file.
pub fn article_from_text(id: &str, text: &str, opts: &ReadOptions) -> Result<Article, IngestError> {
    text_article(id, id, text, opts).map_err(|r| IngestError::new(id, r))
}

/// The ingest stage for documents built from raw text: cleans `article.text` and fills the
/// metadata it states that the article does not already have.
#[derive(Debug, Default, Clone)]
pub struct IngestStage;

impl Stage for IngestStage {
    fn name(&self) -> &'static str {
        "ingest"
    }

    fn process(&self, doc: &mut Document) {
        let article = &mut doc.article;
        let cleaned = clean_text(&article.text, article.title.as_deref());
        article.title = article.title.take().or(cleaned.title);
        article.outlet = article.outlet.take().or(cleaned.outlet);
        article.dateline = article.dateline.take().or(cleaned.dateline);
        if article.date.is_none() {
            if let Some(d) = cleaned.date {
                article.date = Some(d.date);
                article.date_source = Some(DateSource::Text);
            }
        }
        article.content_hash = content_hash(&cleaned.text);
        article.text = open_with_headline(article.title.as_deref(), cleaned.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_detection() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(
            Format::from_path(Path::new("x.warc.gz")),
            Some(Format::Warc)
        );
        assert_eq!(
            Format::from_path(Path::new("x.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::sniff(b"\n <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"<html lang=en>"), Format::Html);
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"{\"text\":\"x\"}\n"), Format::Jsonl);
        assert_eq!(Format::sniff(b"SEOUL (Reuters) - ..."), Format::Text);
    }

    #[test]
    fn stage_cleans_raw_text_once() {
        let raw = "Loading...\n\nBEIJING (Reuters) – China's commerce ministry said on Friday it would impose tariffs on U.S. goods in retaliation.\n\nShare this";
        let mut doc = Document::new(Article {
            id: "raw".into(),
            text: raw.into(),
            ..Default::default()
        });
        IngestStage.process(&mut doc);
        assert_eq!(
            doc.article.text,
            "China's commerce ministry said on Friday it would impose tariffs on U.S. goods in retaliation."
        );
        assert_eq!(doc.article.outlet.as_deref(), Some("Reuters"));
        let once = doc.article.text.clone();
        IngestStage.process(&mut doc);
        assert_eq!(doc.article.text, once, "cleaning is idempotent");
        assert_eq!(doc.article.content_hash, content_hash(&once));
    }

    #[test]
    fn headline_opens_the_text_once_and_stays_out_of_the_hash() {
        let story = "Kenya and Ethiopia signed a border security pact on Tuesday.";
        let mut doc = Document::new(Article {
            id: "pact".into(),
            title: Some("Kenya, Ethiopia sign border pact".into()),
            text: story.into(),
            ..Default::default()
        });
        IngestStage.process(&mut doc);
        assert_eq!(
            doc.article.text,
            format!("Kenya, Ethiopia sign border pact\n\n{story}")
        );
        assert_eq!(doc.article.story(), story);
        assert_eq!(doc.article.content_hash, content_hash(story));
        let once = doc.article.text.clone();
        IngestStage.process(&mut doc);
        assert_eq!(doc.article.text, once, "the headline is not added twice");
        assert_eq!(doc.article.content_hash, content_hash(story));
    }
}
