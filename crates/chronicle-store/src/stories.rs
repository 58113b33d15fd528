//! Story-level de-duplication: every stored mention of the same event (same date, source,
//! target, CAMEO code and negation, within or across articles) joins one story, whose
//! counts of mentions, sources and articles are kept current as articles arrive.

use std::collections::BTreeSet;

use chronicle_core::record::{EventRecord, StoryCounts};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::{Result, Store};

/// The identity of a story; `None` for an undated event (nothing can be matched to it).
pub(crate) struct StoryKey<'a> {
    pub date: Option<String>,
    pub source: Option<&'a str>,
    pub target: Option<&'a str>,
    pub cameo: &'a str,
    pub negated: bool,
}

/// Finds or creates stories for events being inserted, and remembers which it touched so
/// their counts are refreshed once, after the events are in.
#[derive(Default)]
pub(crate) struct StoryLinker {
    touched: BTreeSet<i64>,
}

impl StoryLinker {
    /// The story id for `key`, creating the story if it is new.
    pub fn link(&mut self, conn: &Connection, key: &StoryKey) -> Result<Option<i64>> {
        let Some(date) = &key.date else {
            return Ok(None);
        };
        let args = params![
            date,
            key.source.unwrap_or(""),
            key.target.unwrap_or(""),
            key.cameo,
            key.negated
        ];
        conn.prepare_cached(
            "INSERT INTO stories (date, source_code, target_code, cameo, negated)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        )?
        .execute(args)?;
        let id: i64 = conn
            .prepare_cached(
                "SELECT id FROM stories WHERE date = ?1 AND source_code = ?2
                 AND target_code = ?3 AND cameo = ?4 AND negated = ?5",
            )?
            .query_row(args, |r| r.get(0))?;
        self.touched.insert(id);
        Ok(Some(id))
    }

    /// Recounts every story an insert touched.
    pub fn refresh(self, conn: &Connection) -> Result<()> {
        let mut stmt = conn.prepare_cached(
            "UPDATE stories SET
                 mentions = (SELECT sum(reports) FROM events WHERE story_id = ?1),
                 articles = (SELECT count(DISTINCT article_id) FROM events WHERE story_id = ?1),
                 sources = (SELECT count(DISTINCT coalesce(a.outlet, 'article ' || a.id))
                            FROM events e JOIN articles a ON a.id = e.article_id
                            WHERE e.story_id = ?1)
             WHERE id = ?1",
        )?;
        for id in self.touched {
            stmt.execute([id])?;
        }
        Ok(())
    }
}

/// The columns [`story_from_row`] reads, for a query joining `stories st`.
pub(crate) const STORY_COLUMNS: &str = "st.id, st.mentions, st.sources, st.articles";

/// Story counts from four columns starting at `first` (all NULL for an undated event).
pub(crate) fn story_from_row(row: &Row, first: usize) -> rusqlite::Result<Option<StoryCounts>> {
    let Some(id) = row.get::<_, Option<i64>>(first)? else {
        return Ok(None);
    };
    let count = |i: usize| -> rusqlite::Result<u32> {
        Ok(row.get::<_, Option<i64>>(first + i)?.unwrap_or(0).max(0) as u32)
    };
    Ok(Some(StoryCounts {
        id,
        mentions: count(1)?,
        sources: count(2)?,
        articles: count(3)?,
    }))
}

/// An event row read as `e.id, e.record, STORY_COLUMNS`.
pub(crate) type StoredEventRow = (i64, String, Option<StoryCounts>);

pub(crate) fn stored_event_row(r: &Row) -> rusqlite::Result<StoredEventRow> {
    Ok((r.get(0)?, r.get(1)?, story_from_row(r, 2)?))
}

/// The record of an event row, with its id and story filled in.
pub(crate) fn decode_event((id, json, story): StoredEventRow) -> Result<EventRecord> {
    let mut record: EventRecord = serde_json::from_str(&json)?;
    record.id = Some(id);
    record.story = story;
    Ok(record)
}

impl Store {
    /// Every stored mention of one story, oldest first (the story's full evidence).
    pub fn story_events(&self, story: i64) -> Result<Vec<EventRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.id, e.record, {STORY_COLUMNS} FROM events e
             JOIN stories st ON st.id = e.story_id WHERE e.story_id = ?1 ORDER BY e.id"
        ))?;
        let rows = stmt.query_map([story], stored_event_row)?;
        rows.map(|row| decode_event(row?)).collect()
    }

    /// Counts of one story, if it exists.
    pub fn story(&self, story: i64) -> Result<Option<StoryCounts>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {STORY_COLUMNS} FROM stories st WHERE st.id = ?1"),
                [story],
                |r| story_from_row(r, 0),
            )
            .optional()?
            .flatten())
    }
}
