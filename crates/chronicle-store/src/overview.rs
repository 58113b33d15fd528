//! Summaries for browsing a store (`chronicle serve`): date range, actors and dyads ranked
//! by events, and articles one page or one key at a time.
//!
//! Like [`crate::Store::stats`], event counts leave out near-duplicate copies, so each story
//! counts once.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use chronicle_core::Document;

use crate::{ArticleSummary, Result, Store, StoreError};

/// An actor code present in the store with how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    pub code: String,
    /// Events with this code as source or target (an event with it on both sides counts once).
    pub events: i64,
    /// Quotes with this code as speaker.
    pub quotes: i64,
}

/// A directed dyad with its number of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DyadCount {
    pub source: String,
    pub target: String,
    pub events: i64,
}

/// Events whose article is not a near-duplicate copy; `TRUE` when the store holds no copies
/// (the clause costs a lookup per event).
fn originals_clause(store: &Store) -> Result<&'static str> {
    let any_copies: bool = store.conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE duplicate_of IS NOT NULL)",
        [],
        |r| r.get(0),
    )?;
    Ok(if any_copies {
        "article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)"
    } else {
        "1"
    })
}

pub(crate) const ARTICLE_SUMMARY_SELECT: &str = "SELECT a.id, a.doc, a.title, a.outlet, a.date,
        (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),
        (SELECT count(*) FROM events e WHERE e.article_id = a.id),
        (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
        (SELECT o.doc FROM articles o WHERE o.id = a.duplicate_of),
        a.duplicate_similarity
     FROM articles a";

pub(crate) fn article_summary_row(r: &Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        doc: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        date: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
        sentences: r.get(5)?,
        events: r.get(6)?,
        quotes: r.get(7)?,
        duplicate_of: r.get(8)?,
        duplicate_similarity: r.get::<_, Option<f64>>(9)?.map(|s| s as f32),
    })
}

impl Store {
    /// The first and last event dates stored (undated events aside).
    pub fn event_date_range(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        let (first, last): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT min(date), max(date) FROM events WHERE date IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let parse = |d: Option<String>| d.and_then(|d| d.parse().ok());
        Ok((parse(first), parse(last)))
    }

    /// Every actor code that is an event source, target or quote speaker, with its counts,
    /// most events first (then by code).
    pub fn actor_counts(&self) -> Result<Vec<ActorCount>> {
        let originals = originals_clause(self)?;
        let mut counts: BTreeMap<String, ActorCount> = BTreeMap::new();
        let mut add = |code: String, events: i64, quotes: i64| {
            let entry = counts.entry(code.clone()).or_insert(ActorCount {
                code,
                events: 0,
                quotes: 0,
            });
            entry.events += events;
            entry.quotes += quotes;
        };
        // Sources; then targets, skipping events already counted for the same code; speakers.
        let queries = [
            format!(
                "SELECT source_code, count(*), 0 FROM events
                 WHERE source_code IS NOT NULL AND source_code <> '' AND {originals}
                 GROUP BY source_code"
            ),
            format!(
                "SELECT target_code, count(*), 0 FROM events
                 WHERE target_code IS NOT NULL AND target_code <> ''
                   AND target_code IS NOT source_code AND {originals}
                 GROUP BY target_code"
            ),
            format!(
                "SELECT speaker_code, 0, count(*) FROM quotes
                 WHERE speaker_code IS NOT NULL AND speaker_code <> '' AND {originals}
                 GROUP BY speaker_code"
            ),
        ];
        for sql in &queries {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
            })?;
            for row in rows {
                let (code, events, quotes) = row?;
                add(code, events, quotes);
            }
        }
        let mut list: Vec<ActorCount> = counts.into_values().collect();
        list.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
        Ok(list)
    }

    /// The `limit` directed dyads with the most events (both sides known).
    pub fn top_dyads(&self, limit: usize) -> Result<Vec<DyadCount>> {
        let originals = originals_clause(self)?;
        let sql = format!(
            "SELECT source_code, target_code, count(*) AS n FROM events
             WHERE source_code IS NOT NULL AND source_code <> ''
               AND target_code IS NOT NULL AND target_code <> '' AND {originals}
             GROUP BY source_code, target_code
             ORDER BY n DESC, source_code, target_code LIMIT ?1"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(DyadCount {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of stored articles, near-duplicate copies included (as [`Store::articles`]).
    pub fn article_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    /// One page of [`Store::articles`], in the same order.
    pub fn articles_page(&self, limit: usize, offset: usize) -> Result<Vec<ArticleSummary>> {
        let sql = format!("{ARTICLE_SUMMARY_SELECT} ORDER BY a.date, a.doc LIMIT ?1 OFFSET ?2");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], article_summary_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The row id of an article by `doc` name (the first stored with it) or else by numeric
    /// id. Two indexed lookups, where [`Store::document`]'s single `doc = ? OR id` condition
    /// scans every article.
    pub fn article_id(&self, key: &str) -> Result<Option<i64>> {
        let by_doc: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE doc = ?1 ORDER BY id LIMIT 1",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        if by_doc.is_some() {
            return Ok(by_doc);
        }
        let Ok(id) = key.trim().parse::<i64>() else {
            return Ok(None);
        };
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// The summary of one article, by `doc` name or numeric id (see [`Store::article_id`]).
    pub fn article_summary(&self, key: &str) -> Result<Option<ArticleSummary>> {
        let Some(id) = self.article_id(key)? else {
            return Ok(None);
        };
        let sql = format!("{ARTICLE_SUMMARY_SELECT} WHERE a.id = ?1");
        Ok(self
            .conn
            .query_row(&sql, [id], article_summary_row)
            .optional()?)
    }

    /// The stored analysis of the article with this row id (see [`Store::document`]).
    pub fn document_by_id(&self, id: i64) -> Result<Option<Document>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT document FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        json.map(|j| serde_json::from_str(&j).map_err(StoreError::from))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BulkArticle;

    #[test]
    fn empty_store_has_no_dates_actors_or_articles() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.event_date_range().unwrap(), (None, None));
        assert!(store.actor_counts().unwrap().is_empty());
        assert!(store.top_dyads(10).unwrap().is_empty());
        assert_eq!(store.article_count().unwrap(), 0);
        assert!(store.articles_page(10, 0).unwrap().is_empty());
        assert!(store.article_summary("1").unwrap().is_none());
    }

    fn event(source: &str, target: &str, date: &str) -> chronicle_core::record::EventRecord {
        serde_json::from_value(serde_json::json!({
            "doc": "d", "article_date": date, "date": date, "date_precision": "day",
            "date_source": "article",
            "source": {"text": source, "code": source, "country": null, "agent": null},
            "target": {"text": target, "code": target, "country": null, "agent": null},
            "cameo": "042", "cameo_name": "Make a visit", "goldstein": 1.9, "quad_class": 1,
            "plover": {"event": "CONSULT", "mode": null, "context": null}, "negated": false,
            "modality": "asserted", "trigger": "visited", "timex": null,
            "sentence": {"index": 0, "text": "x"},
            "evidence": {"sentence": [0, 1], "trigger": [0, 1], "source": null, "target": null, "timex": null},
            "pattern": "test", "reports": 1
        }))
        .unwrap()
    }

    fn article(
        n: usize,
        date: &str,
        events: Vec<chronicle_core::record::EventRecord>,
    ) -> BulkArticle {
        BulkArticle {
            doc: format!("wire-{n}"),
            date: date.parse().ok(),
            content_hash: format!("hash-{n}"),
            events,
            ..BulkArticle::default()
        }
    }

    #[test]
    fn ranks_actors_and_dyads_by_events() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .bulk_insert(vec![
                article(
                    1,
                    "2019-12-02",
                    vec![
                        event("USAGOV", "PRK", "2019-12-01"),
                        event("USAGOV", "PRK", "2019-12-02"),
                    ],
                ),
                article(
                    2,
                    "2020-01-05",
                    vec![
                        event("PRK", "KOR", "2020-01-05"),
                        event("CHN", "CHN", "2020-01-04"),
                    ],
                ),
                article(3, "2019-11-30", vec![]),
            ])
            .unwrap();
        let dyads = store.top_dyads(2).unwrap();
        assert_eq!(
            dyads[0],
            DyadCount {
                source: "USAGOV".into(),
                target: "PRK".into(),
                events: 2
            }
        );
        assert_eq!(dyads.len(), 2);
        let actors = store.actor_counts().unwrap();
        let codes: Vec<(&str, i64)> = actors.iter().map(|a| (a.code.as_str(), a.events)).collect();
        // PRK: two as target, one as source; CHN→CHN counts once.
        assert_eq!(
            codes,
            vec![("PRK", 3), ("USAGOV", 2), ("CHN", 1), ("KOR", 1)]
        );
        assert_eq!(
            store.event_date_range().unwrap(),
            ("2019-12-01".parse().ok(), "2020-01-05".parse().ok())
        );
        assert_eq!(store.article_count().unwrap(), 3);
        let page = store.articles_page(2, 1).unwrap();
        let docs: Vec<&str> = page.iter().map(|a| a.doc.as_str()).collect();
        assert_eq!(docs, vec!["wire-1", "wire-2"]);
        let one = store.article_summary("wire-2").unwrap().unwrap();
        assert_eq!((one.events, one.date), (2, "2020-01-05".parse().ok()));
        let by_id = store.article_summary(&one.id.to_string()).unwrap().unwrap();
        assert_eq!(by_id.doc, "wire-2");
        assert_eq!(store.article_id(" 2 ").unwrap(), Some(one.id));
        assert_eq!(store.article_id("wire-9").unwrap(), None);
        assert_eq!(store.article_id("99").unwrap(), None);
        // Bulk-loaded articles have no stored analysis.
        assert!(store.document_by_id(one.id).is_err());
        assert!(store.document_by_id(99).unwrap().is_none());
    }
}
