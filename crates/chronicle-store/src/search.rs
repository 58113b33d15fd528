//! Full-text search over sentences and quotes (SQLite FTS5, ranked by BM25), with event,
//! actor and date filters and highlighted snippets.
//!
//! User text is turned into an FTS5 query of quoted strings ([`plain_query`]), so characters
//! that are FTS5 syntax (`"`, `-`, `:`, `*`, `NOT`, parentheses) never cause an error or change
//! the meaning; [`SearchQuery::raw`] passes FTS5 syntax through for users who want it.

use chronicle_core::html_escape;
use chronicle_core::record::EventRecord;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};
use serde::Serialize;

use crate::{Result, Store};

/// What to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchScope {
    #[default]
    Sentences,
    Quotes,
    All,
}

/// A search and its filters; `None` means "any".
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// Words and "quoted phrases"; a trailing `*` makes a word a prefix (`sanction*`).
    pub text: String,
    /// Pass `text` to FTS5 as is (its full syntax: `NEAR`, `OR`, `NOT`, column filters).
    pub raw: bool,
    pub scope: SearchScope,
    /// A mention in the sentence, or an event of it (source or target), whose code starts
    /// with this; for quotes also the speaker's code.
    pub actor: Option<String>,
    /// An event of the sentence with source and target codes starting with these.
    pub dyad: Option<(String, String)>,
    /// On the date of an event of the sentence, or the article's date when it has none.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An event of the sentence with a CAMEO code starting with this.
    pub cameo: Option<String>,
    /// An event of the sentence with this PLOVER type.
    pub plover: Option<String>,
    /// Also search near-duplicate copies of articles (by default only originals).
    pub include_duplicates: bool,
    pub limit: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            raw: false,
            scope: SearchScope::default(),
            actor: None,
            dyad: None,
            from: None,
            to: None,
            cameo: None,
            plover: None,
            include_duplicates: false,
            limit: 20,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Sentence,
    Quote,
}

/// A piece of a snippet: matched query terms have `hit` set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// An event of the hit's sentence, in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitEvent {
    pub cameo: String,
    pub cameo_name: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub date: Option<NaiveDate>,
    pub plover: Option<String>,
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub kind: HitKind,
    pub doc: String,
    pub article_date: Option<NaiveDate>,
    /// Index of the sentence (for a quote, the sentence where it starts).
    pub sentence: usize,
    /// Character offsets `[start, end)` into the article's cleaned text of the matched
    /// sentence or quote content.
    pub evidence: [usize; 2],
    /// BM25 relevance: higher is better (comparable within one scope).
    pub score: f64,
    /// The full sentence or quote content.
    pub text: String,
    /// The best passage with matched terms in «guillemets».
    pub snippet: String,
    /// The same passage, HTML-escaped, with matched terms in `<mark>`.
    pub snippet_html: String,
    #[serde(skip)]
    pub snippet_parts: Vec<SnippetPart>,
    /// The quote's speaker code, for quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub events: Vec<HitEvent>,
}

/// Private-use characters that mark matches in FTS5 snippets before rendering.
const OPEN: &str = "\u{E000}";
const CLOSE: &str = "\u{E001}";
/// Longest snippet, in tokens: most news sentences fit whole.
const SNIPPET_TOKENS: i64 = 40;

/// An FTS5 query matching every word of `text` (and its "quoted phrases"), or `None` when
/// it has no searchable word. Each word becomes an FTS5 string, so no user character is
/// syntax. Without explicit phrases, a multi-word query also scores its words as a phrase,
/// so sentences with the exact wording rank first.
pub fn plain_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut has_phrase_or_prefix = false;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(quote) = rest.find('"') else {
            collect_words(rest, &mut terms, &mut words, &mut has_phrase_or_prefix);
            break;
        };
        collect_words(
            &rest[..quote],
            &mut terms,
            &mut words,
            &mut has_phrase_or_prefix,
        );
        let after = &rest[quote + 1..];
        match after.find('"') {
            Some(close) => {
                let phrase = &after[..close];
                if has_word(phrase) {
                    terms.push(fts_string(phrase));
                    has_phrase_or_prefix = true;
                }
                rest = &after[close + 1..];
            }
            // An unbalanced quote is just punctuation.
            None => rest = after,
        }
    }
    if terms.is_empty() {
        return None;
    }
    let all = terms.join(" AND ");
    if words.len() > 1 && !has_phrase_or_prefix {
        Some(format!("({all}) OR {}", fts_string(&words.join(" "))))
    } else {
        Some(all)
    }
}

fn collect_words(
    text: &str,
    terms: &mut Vec<String>,
    words: &mut Vec<String>,
    has_prefix: &mut bool,
) {
    for word in text.split_whitespace() {
        if !has_word(word) {
            continue;
        }
        match word.strip_suffix('*').filter(|w| has_word(w)) {
            Some(stem) if !stem.ends_with('*') => {
                terms.push(format!("{}*", fts_string(stem)));
                *has_prefix = true;
            }
            _ => {
                terms.push(fts_string(word));
                words.push(word.to_owned());
            }
        }
    }
}

fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// An FTS5 string literal: double quotes doubled inside.
fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The SQL of one searchable table: sentences or quotes.
struct Target {
    kind: HitKind,
    fts: &'static str,
    /// The hit's columns (see [`Row`]), from the table aliased `x` and its article `a`.
    columns: &'static str,
    table: &'static str,
    article: &'static str,
    sentence: &'static str,
    speaker: Option<&'static str>,
}

const SENTENCES: Target = Target {
    kind: HitKind::Sentence,
    fts: "sentences_fts",
    columns: "x.id, a.doc, a.date, x.idx, x.start, x.end, x.text, NULL, x.article_id",
    table: "sentences x",
    article: "x.article_id",
    sentence: "x.idx",
    speaker: None,
};

const QUOTES: Target = Target {
    kind: HitKind::Quote,
    fts: "quotes_fts",
    columns: "x.id, a.doc, a.date, x.sentence,
              json_extract(x.record, '$.evidence[0]'), json_extract(x.record, '$.evidence[1]'),
              x.content, x.speaker_code, x.article_id",
    table: "quotes x",
    article: "x.article_id",
    sentence: "x.sentence",
    speaker: Some("x.speaker_code"),
};

/// Query arguments, numbered as they are pushed.
struct Args(Vec<Value>);

impl Args {
    fn push(&mut self, value: impl Into<Value>) -> String {
        self.0.push(value.into());
        format!("?{}", self.0.len())
    }
}

/// The WHERE clauses of the filters (after `MATCH ?1`), and whether any filter besides the
/// duplicate rule is set.
///
/// Each filter is an uncorrelated `(article, sentence) IN (SELECT …)` set that SQLite builds
/// once from an index, so a term matching half the corpus costs one lookup per match rather
/// than a subquery per match. Code prefixes are index-friendly ranges, not LIKE patterns
/// (and so have no wildcards to escape).
fn filter_sql(q: &SearchQuery, t: &Target, args: &mut Args) -> (String, bool) {
    let key = format!("({}, {})", t.article, t.sentence);
    let mut sql = String::new();
    if !q.include_duplicates {
        sql.push_str(" AND a.duplicate_of IS NULL");
    }
    let mut filtered = false;
    if let Some(actor) = &q.actor {
        let range = prefix_range(args, &actor.to_uppercase());
        let mut any = vec![
            format!(
                "{key} IN (SELECT m.article_id, m.sentence FROM mentions m WHERE {})",
                range("m.code")
            ),
            format!(
                "{key} IN (SELECT e.article_id, e.sentence FROM events e WHERE {}
                           UNION ALL SELECT e.article_id, e.sentence FROM events e WHERE {})",
                range("e.source_code"),
                range("e.target_code")
            ),
        ];
        if let Some(speaker) = t.speaker {
            any.push(range(speaker));
        }
        sql.push_str(&format!(" AND ({})", any.join(" OR ")));
        filtered = true;
    }
    let mut on_event: Vec<String> = Vec::new();
    if let Some((source, target)) = &q.dyad {
        let source = prefix_range(args, &source.to_uppercase());
        let target = prefix_range(args, &target.to_uppercase());
        on_event.push(source("e.source_code"));
        on_event.push(target("e.target_code"));
    }
    if let Some(cameo) = &q.cameo {
        on_event.push(prefix_range(args, cameo.trim())("e.cameo"));
    }
    if let Some(plover) = &q.plover {
        let p = args.push(plover.trim().to_uppercase());
        on_event.push(format!("e.plover = {p}"));
    }
    let date_range = |column: &str, args: &mut Args| -> Vec<String> {
        let mut conds = Vec::new();
        if let Some(from) = q.from {
            conds.push(format!("{column} >= {}", args.push(from.to_string())));
        }
        if let Some(to) = q.to {
            conds.push(format!("{column} <= {}", args.push(to.to_string())));
        }
        conds
    };
    let with_event = |conds: &[String]| {
        format!(
            "{key} IN (SELECT e.article_id, e.sentence FROM events e
                       JOIN articles ea ON ea.id = e.article_id WHERE {})",
            conds.join(" AND ")
        )
    };
    // One event must satisfy the event filters and the dates together.
    // An undated event takes its article's date; split so that dated events use events_date.
    let event_dates: Vec<String> = {
        let dated = date_range("e.date", args);
        let undated = date_range("ea.date", args);
        if dated.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "(({}) OR (e.date IS NULL AND {}))",
                dated.join(" AND "),
                undated.join(" AND ")
            )]
        }
    };
    if !on_event.is_empty() {
        on_event.extend(event_dates);
        sql.push_str(&format!(" AND {}", with_event(&on_event)));
        filtered = true;
    } else if !event_dates.is_empty() {
        // Dated by an event when the sentence has one, else by the article. The cheap article
        // date goes first; NOT EXISTS because a row-value NOT IN scans the events per match.
        let article_dates = date_range("a.date", args);
        sql.push_str(&format!(
            " AND ({} OR ({} AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = {} AND e.sentence = {})))",
            with_event(&event_dates),
            article_dates.join(" AND "),
            t.article,
            t.sentence,
        ));
        filtered = true;
    }
    (sql, filtered)
}

/// A condition "`column` starts with `prefix`" as a range over the column's index:
/// `column >= prefix AND column < prefix || U+10FFFF` (codes are ASCII).
fn prefix_range(args: &mut Args, prefix: &str) -> impl Fn(&str) -> String {
    let low = args.push(prefix.to_owned());
    let high = args.push(format!("{prefix}\u{10FFFF}"));
    move |column: &str| format!("{column} >= {low} AND {column} < {high}")
}

/// A hit's row before its snippet and events are fetched.
struct Row {
    rowid: i64,
    doc: String,
    article_date: Option<String>,
    sentence: i64,
    start: Option<i64>,
    end: Option<i64>,
    text: String,
    speaker: Option<String>,
    article_id: i64,
    bm25: f64,
}

impl Store {
    /// Sentences and/or quotes matching `query`, best first. A query without any searchable
    /// word returns nothing.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let fts = if query.raw {
            Some(query.text.clone())
        } else {
            plain_query(&query.text)
        };
        let Some(fts) = fts else {
            return Ok(Vec::new());
        };
        let mut hits = Vec::new();
        if query.scope != SearchScope::Quotes {
            hits.extend(self.search_target(query, &fts, &SENTENCES)?);
        }
        if query.scope != SearchScope::Sentences {
            hits.extend(self.search_target(query, &fts, &QUOTES)?);
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(query.limit);
        Ok(hits)
    }

    fn search_target(&self, q: &SearchQuery, fts: &str, t: &Target) -> Result<Vec<SearchHit>> {
        let mut args = Args(vec![Value::Text(fts.to_owned())]);
        let (filters, filtered) = filter_sql(q, t, &mut args);
        let limit = args.push(q.limit.min(i64::MAX as usize) as i64);
        let Target {
            fts: table_fts,
            columns,
            table,
            ..
        } = t;
        let joins = format!("JOIN {table} ON x.id = rid JOIN articles a ON a.id = x.article_id");
        // Snippets are built afterwards for the few rows kept: snippet() over every matching
        // row would cost more than the ranking itself.
        let full = format!(
            "SELECT {columns}, score FROM
               (SELECT rowid AS rid, bm25({table_fts}) AS score FROM {table_fts} WHERE {table_fts} MATCH ?1)
             {joins} WHERE 1=1{filters} ORDER BY score, x.id LIMIT {limit}"
        );
        if filtered {
            return self.hits(t, fts, &full, &args);
        }
        // Without filters, rank inside FTS5 and join only the best few: a common word matches
        // half the corpus. Near-duplicates dropped by the join are made up from the full query.
        let top = args.push((q.limit.saturating_mul(4).max(64)).min(i64::MAX as usize) as i64);
        let ranked = format!(
            "SELECT {columns}, score FROM
               (SELECT rowid AS rid, bm25({table_fts}) AS score FROM {table_fts} WHERE {table_fts} MATCH ?1
                ORDER BY score LIMIT {top})
             {joins} WHERE 1=1{filters} ORDER BY score, x.id LIMIT {limit}"
        );
        let hits = self.hits(t, fts, &ranked, &args)?;
        if hits.len() >= q.limit {
            return Ok(hits);
        }
        args.0.pop();
        self.hits(t, fts, &full, &args)
    }

    fn hits(&self, t: &Target, fts: &str, sql: &str, args: &Args) -> Result<Vec<SearchHit>> {
        let rows: Vec<Row> = {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(params_from_iter(args.0.iter()), |r| {
                Ok(Row {
                    rowid: r.get(0)?,
                    doc: r.get(1)?,
                    article_date: r.get(2)?,
                    sentence: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    text: r.get(6)?,
                    speaker: r.get(7)?,
                    article_id: r.get(8)?,
                    bm25: r.get(9)?,
                })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        rows.into_iter().map(|row| self.hit(t, fts, row)).collect()
    }

    fn hit(&self, t: &Target, fts: &str, row: Row) -> Result<SearchHit> {
        let snippet_sql = format!(
            "SELECT snippet({0}, 0, ?3, ?4, '…', ?5) FROM {0} WHERE {0} MATCH ?1 AND rowid = ?2",
            t.fts
        );
        let marked: String = self.conn.query_row(
            &snippet_sql,
            params![fts, row.rowid, OPEN, CLOSE, SNIPPET_TOKENS],
            |r| r.get(0),
        )?;
        let parts = snippet_parts(&marked);
        Ok(SearchHit {
            kind: t.kind,
            doc: row.doc,
            article_date: row.article_date.and_then(|d| d.parse().ok()),
            sentence: row.sentence.max(0) as usize,
            evidence: [
                row.start.unwrap_or_default().max(0) as usize,
                row.end.unwrap_or_default().max(0) as usize,
            ],
            score: -row.bm25,
            text: row.text,
            snippet: render(&parts, "«", "»", false),
            snippet_html: render(&parts, "<mark>", "</mark>", true),
            snippet_parts: parts,
            speaker: row.speaker,
            events: self.sentence_events(row.article_id, row.sentence)?,
        })
    }

    fn sentence_events(&self, article_id: i64, sentence: i64) -> Result<Vec<HitEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT record FROM events WHERE article_id = ?1 AND sentence = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![article_id, sentence], |r| r.get::<_, String>(0))?;
        rows.map(|json| {
            let e: EventRecord = serde_json::from_str(&json?)?;
            Ok(HitEvent {
                cameo: e.cameo,
                cameo_name: e.cameo_name,
                source: e.source.map(|a| a.code),
                target: e.target.map(|a| a.code),
                date: e.date,
                plover: e.plover.event,
            })
        })
        .collect()
    }
}

/// Splits a snippet marked with [`OPEN`]/[`CLOSE`] into plain and matched parts.
fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find(OPEN) {
        if open > 0 {
            parts.push(SnippetPart {
                text: rest[..open].to_owned(),
                hit: false,
            });
        }
        let after = &rest[open + OPEN.len()..];
        let close = after.find(CLOSE).unwrap_or(after.len());
        parts.push(SnippetPart {
            text: after[..close].to_owned(),
            hit: true,
        });
        rest = after.get(close + CLOSE.len()..).unwrap_or("");
    }
    if !rest.is_empty() {
        parts.push(SnippetPart {
            text: rest.to_owned(),
            hit: false,
        });
    }
    parts
}

/// The snippet with matches between `open` and `close`, HTML-escaping the text if asked.
pub fn render(parts: &[SnippetPart], open: &str, close: &str, html: bool) -> String {
    let mut out = String::new();
    for part in parts {
        let text = if html {
            html_escape(&part.text)
        } else {
            part.text.clone()
        };
        if part.hit {
            out.push_str(open);
            out.push_str(&text);
            out.push_str(close);
        } else {
            out.push_str(&text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_queries_quote_every_word() {
        assert_eq!(plain_query("veto").as_deref(), Some("\"veto\""));
        assert_eq!(
            plain_query("sanctions relief").as_deref(),
            Some("(\"sanctions\" AND \"relief\") OR \"sanctions relief\"")
        );
        assert_eq!(
            plain_query("\"sanctions relief\" Iran").as_deref(),
            Some("\"sanctions relief\" AND \"Iran\"")
        );
        assert_eq!(plain_query("sanction*").as_deref(), Some("\"sanction\"*"));
        assert_eq!(plain_query("NOT").as_deref(), Some("\"NOT\""));
        assert_eq!(
            plain_query("a\"b").as_deref(),
            Some("(\"a\" AND \"b\") OR \"a b\"")
        );
    }

    #[test]
    fn queries_without_words_are_empty() {
        for q in ["", "   ", "\"", "-", "*", ":", "\"\"", "( ) - * :"] {
            assert_eq!(plain_query(q), None, "{q:?}");
        }
    }

    #[test]
    fn snippets_render_markers() {
        let parts = snippet_parts("the \u{E000}veto\u{E001} of <b> & \u{E000}x");
        assert_eq!(render(&parts, "[", "]", false), "the [veto] of <b> & [x]");
        assert_eq!(
            render(&parts, "<mark>", "</mark>", true),
            "the <mark>veto</mark> of &lt;b&gt; &amp; <mark>x</mark>"
        );
    }
}
