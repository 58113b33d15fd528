//! Bulk loading of already coded events (imports, benchmarks): many articles in one
//! transaction with prepared statements, without the per-article analysis layers.

use chronicle_core::record::EventRecord;
use chrono::NaiveDate;
use rusqlite::params;

use crate::stories::{StoryKey, StoryLinker};
use crate::{Result, Store};

/// An article known only by its metadata and its coded events.
#[derive(Debug, Clone, Default)]
pub struct BulkArticle {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    /// Identifies the content (articles are unique by it); e.g. a hash of the source text.
    pub content_hash: String,
    pub events: Vec<EventRecord>,
}

impl Store {
    /// Inserts all `articles` in one transaction; returns how many events were stored.
    /// Articles whose `content_hash` is already stored are skipped with their events.
    pub fn bulk_insert(
        &mut self,
        articles: impl IntoIterator<Item = BulkArticle>,
    ) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut stored = 0;
        {
            let mut article_stmt = tx.prepare(
                "INSERT OR IGNORE INTO articles (doc, origin, title, outlet, url, date, content_hash, text, document, ingested_at)
                 VALUES (?1, 'bulk', ?2, ?3, ?4, ?5, ?6, '', '{}', datetime('now'))",
            )?;
            let mut event_stmt = tx.prepare(
                "INSERT INTO events (article_id, sentence, date, source_code, source_country, target_code, target_country,
                                     cameo, root, goldstein, quad_class, plover, negated, modality, record, story_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?;
            let mut stories = StoryLinker::default();
            for article in articles {
                let inserted = article_stmt.execute(params![
                    article.doc,
                    article.title,
                    article.outlet,
                    article.url,
                    article.date.map(|d| d.to_string()),
                    article.content_hash,
                ])?;
                if inserted == 0 {
                    continue;
                }
                let article_id = tx.last_insert_rowid();
                for e in &article.events {
                    let modality = serde_json::to_value(e.modality)?;
                    let story = stories.link(
                        &tx,
                        &StoryKey {
                            date: e.date.map(|d| d.to_string()),
                            source: e.source.as_ref().map(|a| a.code.as_str()),
                            target: e.target.as_ref().map(|a| a.code.as_str()),
                            cameo: &e.cameo,
                            negated: e.negated,
                        },
                    )?;
                    event_stmt.execute(params![
                        article_id,
                        e.sentence.index as i64,
                        e.date.map(|d| d.to_string()),
                        e.source.as_ref().map(|a| &a.code),
                        e.source.as_ref().and_then(|a| a.country.as_ref()),
                        e.target.as_ref().map(|a| &a.code),
                        e.target.as_ref().and_then(|a| a.country.as_ref()),
                        e.cameo,
                        e.cameo.get(..2).unwrap_or(&e.cameo),
                        e.goldstein as f64,
                        e.quad_class as i64,
                        e.plover.event,
                        e.negated,
                        modality.as_str().unwrap_or_default(),
                        serde_json::to_string(e)?,
                        story,
                    ])?;
                    stored += 1;
                }
            }
            stories.refresh(&tx)?;
        }
        tx.commit()?;
        Ok(stored)
    }
}
