//! chronicle's embedded database: one SQLite file (WAL mode) holding articles, sentences
//! (with an FTS5 index), actor mentions, time expressions, events and quotes.
//!
//! Invariants: an article and everything found in it are written in one transaction, so a
//! crash or a failing input never leaves half an article; articles are keyed by the SHA-256
//! of their cleaned text, so re-ingesting the same content is a no-op.

mod bulk;
mod duplicates;
mod export;
mod overview;
mod schema;
mod search;
mod series;
mod stories;

pub use bulk::BulkArticle;
pub use duplicates::{DuplicateLink, NearDuplicates};
pub use export::StoredEvent;
pub use overview::{ActorCount, DyadCount};
pub use search::{
    plain_query, render as render_snippet, HitEvent, HitKind, SearchHit, SearchQuery, SearchScope,
    SnippetPart,
};
pub use series::{
    DateCandidate, DateWeight, DyadQuery, Period, PeriodCode, PeriodEvidence, PeriodTotals,
    TimelineQuery,
};

use std::path::Path;

use chronicle_core::record::{EventRecord, QuoteRecord};
use chronicle_core::{CharOffsets, Document};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::Serialize;
use stories::{StoryKey, StoryLinker, STORY_COLUMNS};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("database holds schema version {found}, newer than this chronicle ({known}); upgrade chronicle")]
    TooNew { found: i64, known: i64 },
    #[error("stored record is corrupt: {0}")]
    Corrupt(#[from] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to one article on insert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted(i64),
    /// Same content already stored under this id.
    Skipped(i64),
}

/// Filters for [`Store::events`]; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Source or target code starts with this ("USA", "USAGOV", "IGOUNO").
    pub actor: Option<String>,
    /// Directed dyad: source code starts with `.0`, target code with `.1`.
    pub dyad: Option<(String, String)>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// CAMEO code prefix ("02", "112").
    pub cameo: Option<String>,
    /// PLOVER event type ("REQUEST").
    pub plover: Option<String>,
    /// Article id (`doc`).
    pub doc: Option<String>,
    pub limit: Option<usize>,
    /// Rows to skip before the first returned (paging; only with `limit`).
    pub offset: Option<usize>,
    /// Also list events of near-duplicate copies (by default each story counts once).
    pub include_duplicates: bool,
    /// One row per story (its first stored mention) instead of one per mention; undated
    /// events, which have no story, are listed as they are.
    pub stories: bool,
}

/// Filters for [`Store::quotes`]; `None`/empty means "any".
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Speaker code starts with this ("RUSGOV", "USA").
    pub actor: Option<String>,
    /// Speaker phrase contains this (case-insensitive): "Lavrov".
    pub speaker: Option<String>,
    /// Every word must occur in the content (case-insensitive substring).
    pub words: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<usize>,
}

/// One row of `chronicle articles`.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub sentences: i64,
    pub events: i64,
    pub quotes: i64,
    /// The original's `doc` when this article is a near-duplicate copy.
    pub duplicate_of: Option<String>,
    pub duplicate_similarity: Option<f32>,
}

/// Totals over the whole store, counting each story once: near-duplicate copies (and their
/// layers) are left out and counted in `duplicates`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub articles: i64,
    pub sentences: i64,
    pub mentions: i64,
    pub events: i64,
    pub quotes: i64,
    /// Near-duplicate copies stored besides the distinct `articles`.
    pub duplicates: i64,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::init(conn)
    }

    /// An in-memory store, for tests and `chronicle code`.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer; NORMAL sync is durable at each commit
        // boundary for WAL databases except on power loss.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = schema::MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                found: version,
                known,
            });
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The stored article with this content hash, if any.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE content_hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores an analysed document and all its layers in one transaction.
    pub fn insert_document(&mut self, doc: &Document) -> Result<InsertOutcome> {
        if let Some(id) = self.find_by_hash(&doc.article.content_hash)? {
            return Ok(InsertOutcome::Skipped(id));
        }
        let tx = self.conn.transaction()?;
        let id = insert_layers(&tx, doc)?;
        duplicates::index_article(&tx, id, &doc.article.text)?;
        tx.commit()?;
        Ok(InsertOutcome::Inserted(id))
    }

    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<i64> {
            let sql = format!(
                "SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id
                 WHERE a.duplicate_of IS NULL"
            );
            Ok(self.conn.query_row(&sql, [], |r| r.get(0))?)
        };
        let articles = |copies: bool| -> Result<i64> {
            Ok(self.conn.query_row(
                "SELECT count(*) FROM articles WHERE (duplicate_of IS NOT NULL) = ?1",
                [copies],
                |r| r.get(0),
            )?)
        };
        Ok(Stats {
            articles: articles(false)?,
            duplicates: articles(true)?,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            events: count("events")?,
            quotes: count("quotes")?,
        })
    }

    /// Events matching `filter`, ordered by date then article and sentence.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>> {
        let w = series::Where::event_filter(&self.conn, filter)?;
        let mut sql = format!(
            "SELECT e.id, e.record, {STORY_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id \
             LEFT JOIN stories st ON st.id = e.story_id WHERE 1=1{} \
             ORDER BY e.date, a.doc, e.sentence, e.id",
            w.sql
        );
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(
                " LIMIT {limit} OFFSET {}",
                filter.offset.unwrap_or(0)
            ));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), stories::stored_event_row)?;
        rows.map(|row| stories::decode_event(row?)).collect()
    }

    /// One stored event by its row id.
    pub fn event(&self, id: i64) -> Result<Option<EventRecord>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT e.id, e.record, {STORY_COLUMNS} FROM events e \
                     LEFT JOIN stories st ON st.id = e.story_id WHERE e.id = ?1"
                ),
                [id],
                stories::stored_event_row,
            )
            .optional()?
            .map(stories::decode_event)
            .transpose()
    }

    /// Quotes matching `filter`, ordered by date, article and position.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        let mut sql = String::from("SELECT q.record FROM quotes q WHERE 1=1");
        let mut args: Vec<String> = Vec::new();
        let mut push = |clause: &str, value: String, sql: &mut String| {
            args.push(value);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(actor) = &filter.actor {
            push(
                " AND q.speaker_code LIKE ? ESCAPE '\\'",
                like_prefix(actor),
                &mut sql,
            );
        }
        if let Some(speaker) = &filter.speaker {
            push(
                " AND lower(coalesce(json_extract(q.record, '$.speaker.text'), q.speaker_text, '')) LIKE ? ESCAPE '\\'",
                like_infix(&speaker.to_lowercase()),
                &mut sql,
            );
        }
        for word in filter.words.iter().flat_map(|w| w.split_whitespace()) {
            push(
                " AND lower(q.content) LIKE ? ESCAPE '\\'",
                like_infix(&word.to_lowercase()),
                &mut sql,
            );
        }
        if let Some(from) = filter.from {
            push(
                " AND json_extract(q.record, '$.date') >= ?",
                from.to_string(),
                &mut sql,
            );
        }
        if let Some(to) = filter.to {
            push(
                " AND json_extract(q.record, '$.date') <= ?",
                to.to_string(),
                &mut sql,
            );
        }
        sql.push_str(" ORDER BY json_extract(q.record, '$.date'), q.article_id, q.id");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(0))?;
        rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect()
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        let sql = format!(
            "{} ORDER BY a.date, a.doc",
            overview::ARTICLE_SUMMARY_SELECT
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], overview::article_summary_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored analysis of an article, by `doc` name or numeric id (both indexed).
    pub fn document(&self, key: &str) -> Result<Option<Document>> {
        match self.article_id(key)? {
            Some(id) => self.document_by_id(id),
            None => Ok(None),
        }
    }
}

/// `text` with LIKE wildcards escaped, so user text is never interpreted.
fn like_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A LIKE pattern matching values that start with `prefix`.
fn like_prefix(prefix: &str) -> String {
    format!("{}%", like_escape(prefix))
}

/// A LIKE pattern matching values that contain `infix`.
fn like_infix(infix: &str) -> String {
    format!("%{}%", like_escape(infix))
}

fn insert_layers(tx: &rusqlite::Transaction, doc: &Document) -> Result<i64> {
    let a = &doc.article;
    // The stored document leaves tokens out (they are re-derivable and dominate its size);
    // build it without cloning them first.
    let light = Document {
        article: doc.article.clone(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| chronicle_core::Sentence {
                index: s.index,
                span: s.span,
                paragraph: s.paragraph,
                tokens: Vec::new(),
            })
            .collect(),
        mentions: doc.mentions.clone(),
        timexes: doc.timexes.clone(),
        quotes: doc.quotes.clone(),
        events: doc.events.clone(),
    };
    let date_source = a
        .date_source
        .map(|d| serde_json::to_value(d).map(|v| v.as_str().unwrap_or_default().to_owned()))
        .transpose()?;
    tx.execute(
        "INSERT INTO articles (doc, origin, title, outlet, dateline, url, date, date_source, content_hash, text, document, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, datetime('now'))",
        params![
            a.id,
            a.origin,
            a.title,
            a.outlet,
            a.dateline,
            a.url,
            a.date.map(|d| d.to_string()),
            date_source,
            a.content_hash,
            a.text,
            serde_json::to_string(&light)?,
        ],
    )?;
    let article_id = tx.last_insert_rowid();
    let offsets = CharOffsets::new(&a.text);

    let mut stmt = tx.prepare(
        "INSERT INTO sentences (article_id, idx, paragraph, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut fts = tx.prepare("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")?;
    for s in &doc.sentences {
        let [start, end] = offsets.span(s.span);
        let text = doc.slice(s.span);
        stmt.execute(params![
            article_id,
            s.index as i64,
            s.paragraph as i64,
            start as i64,
            end as i64,
            text
        ])?;
        fts.execute(params![tx.last_insert_rowid(), text])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO mentions (article_id, sentence, start, end, text, kind, code, country, agent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for m in &doc.mentions {
        let [start, end] = offsets.span(m.span);
        let kind = serde_json::to_value(m.kind)?;
        stmt.execute(params![
            article_id,
            m.sentence as i64,
            start as i64,
            end as i64,
            m.text,
            kind.as_str().unwrap_or_default(),
            m.actor.code,
            m.actor.country,
            m.actor.agent,
        ])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO timexes (article_id, sentence, start, end, text, type, value, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for t in &doc.timexes {
        let [start, end] = offsets.span(t.span);
        let kind = serde_json::to_value(t.kind)?;
        stmt.execute(params![
            article_id,
            t.sentence as i64,
            start as i64,
            end as i64,
            t.text,
            kind.as_str().unwrap_or_default(),
            t.value,
            t.date.map(|d| d.to_string()),
        ])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO events (article_id, sentence, date, source_code, source_country, target_code, target_country,
                             cameo, root, goldstein, quad_class, plover, negated, modality, record, story_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut stories = StoryLinker::default();
    for e in &doc.events {
        let record = EventRecord::new(doc, e, &offsets);
        let modality = serde_json::to_value(e.modality)?;
        let story = stories.link(
            tx,
            &StoryKey {
                date: e.date.map(|d| d.to_string()),
                source: e.source.as_ref().map(|s| s.actor.code.as_str()),
                target: e.target.as_ref().map(|t| t.actor.code.as_str()),
                cameo: &e.cameo,
                negated: e.negated,
            },
        )?;
        stmt.execute(params![
            article_id,
            e.sentence as i64,
            e.date.map(|d| d.to_string()),
            e.source.as_ref().map(|s| &s.actor.code),
            e.source.as_ref().and_then(|s| s.actor.country.as_ref()),
            e.target.as_ref().map(|s| &s.actor.code),
            e.target.as_ref().and_then(|s| s.actor.country.as_ref()),
            e.cameo,
            e.cameo.get(..2).unwrap_or(&e.cameo),
            e.goldstein as f64,
            e.quad_class as i64,
            e.plover.event,
            e.negated,
            modality.as_str().unwrap_or_default(),
            serde_json::to_string(&record)?,
            story,
        ])?;
    }
    stories.refresh(tx)?;

    let mut stmt = tx.prepare(
        "INSERT INTO quotes (article_id, sentence, kind, speaker_code, speaker_text, content, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for q in &doc.quotes {
        let record = QuoteRecord::new(doc, q, &offsets);
        let kind = serde_json::to_value(q.kind)?;
        stmt.execute(params![
            article_id,
            q.sentence as i64,
            kind.as_str().unwrap_or_default(),
            q.speaker.as_ref().map(|s| &s.actor.code),
            q.speaker_text,
            q.content_text,
            serde_json::to_string(&record)?,
        ])?;
    }
    Ok(article_id)
}
