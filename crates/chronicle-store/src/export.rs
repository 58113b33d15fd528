//! Streaming reads of stored events for exports: rows are decoded and handed over one at a
//! time, so memory stays flat however many events match.

use chronicle_core::record::EventRecord;
use rusqlite::params_from_iter;

use crate::series::Where;
use crate::stories::{story_from_row, STORY_COLUMNS};
use crate::{EventFilter, Store, StoreError};

/// One stored event with what exports need beyond the record itself.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    /// The event's row id: stable within this database (GDELT's GLOBALEVENTID, PLOVER's id).
    pub id: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// When the article was stored, `YYYY-MM-DD HH:MM:SS` (UTC).
    pub ingested_at: String,
    pub record: EventRecord,
    /// When listing stories: the story's other stored mentions, each with its evidence
    /// (empty when the story has no other mention, or when listing mentions).
    pub other_mentions: Vec<EventRecord>,
}

impl Store {
    /// Calls `each` for every event matching `filter` (all its fields, `limit` included),
    /// ordered by date (undated first) then id, stopping at the first error.
    ///
    /// Code and CAMEO prefixes are matched case-sensitively as index ranges.
    pub fn for_each_event<E>(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(StoredEvent) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<StoreError>,
    {
        let w = Where::event_filter(&self.conn, filter)?;
        let mut sql = format!(
            "SELECT e.id, a.outlet, a.title, a.url, a.ingested_at, e.record, {STORY_COLUMNS}
             FROM events e JOIN articles a ON a.id = e.article_id
             LEFT JOIN stories st ON st.id = e.story_id
             WHERE 1=1{} ORDER BY e.date, e.id",
            w.sql
        );
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let mut rows = stmt
            .query(params_from_iter(w.args.iter()))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let json: String = row.get(5).map_err(StoreError::from)?;
            let id = row.get(0).map_err(StoreError::from)?;
            let mut record: EventRecord = serde_json::from_str(&json).map_err(StoreError::from)?;
            record.id = Some(id);
            record.story = story_from_row(row, 6).map_err(StoreError::from)?;
            let other_mentions = match record.story {
                Some(story) if filter.stories && spans_rows(&record) => self
                    .story_events(story.id)?
                    .into_iter()
                    .filter(|m| m.id != Some(id))
                    .collect(),
                _ => Vec::new(),
            };
            let event = StoredEvent {
                id,
                other_mentions,
                outlet: row.get(1).map_err(StoreError::from)?,
                title: row.get(2).map_err(StoreError::from)?,
                url: row.get(3).map_err(StoreError::from)?,
                ingested_at: row.get(4).map_err(StoreError::from)?,
                record,
            };
            each(event)?;
        }
        Ok(())
    }

    /// Number of events matching `filter` (ignoring `limit`).
    pub fn count_events(&self, filter: &EventFilter) -> crate::Result<i64> {
        let w = Where::event_filter(&self.conn, filter)?;
        let sql = format!(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1{}",
            w.sql
        );
        Ok(self
            .conn
            .query_row(&sql, params_from_iter(w.args.iter()), |r| r.get(0))?)
    }
}

/// Whether the story of `record` has stored mentions besides this row: other articles, or
/// more mentions than this row's own reports.
fn spans_rows(record: &EventRecord) -> bool {
    record
        .story
        .is_some_and(|s| s.articles > 1 || s.mentions > record.reports.max(1))
}
