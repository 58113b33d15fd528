//! Near-duplicate articles: syndicated wire copies and re-crawls of one story with other
//! boilerplate. Each article's MinHash signature (chronicle-dedup) is stored with its LSH band
//! keys; a new article is compared only with the articles sharing a band key, and one whose
//! estimated Jaccard similarity reaches 0.8 (or that is a trimmed copy, see
//! [`Signature::is_near_duplicate`]) is linked to the earliest stored
//! original (`articles.duplicate_of`). Copies stay stored but count once in statistics.

use chronicle_dedup::Signature;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::Serialize;

use crate::{Result, Store};

/// The other side of a near-duplicate link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateLink {
    pub id: i64,
    pub doc: String,
    /// Estimated Jaccard similarity of the two texts' word 5-shingles.
    pub similarity: f32,
}

/// An article's near-duplicate relations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NearDuplicates {
    /// The original this article copies, when it is a near-duplicate.
    pub duplicate_of: Option<DuplicateLink>,
    /// The stored copies of this article, when it is an original.
    pub copies: Vec<DuplicateLink>,
}

/// Signs and indexes a newly stored article, linking it to the original it near-duplicates.
/// Returns that link. Runs inside the caller's transaction.
pub(crate) fn index_article(
    conn: &Connection,
    article_id: i64,
    text: &str,
) -> Result<Option<(i64, f32)>> {
    let Some(signature) = Signature::of_text(text) else {
        // An empty signature marks the article as seen (bulk-loaded articles have no text),
        // so it is not signed again at every ingest.
        conn.execute(
            "INSERT OR REPLACE INTO article_signatures (article_id, minhash) VALUES (?1, x'')",
            [article_id],
        )?;
        return Ok(None);
    };
    let keys = signature.band_keys();
    let original = find_original(conn, article_id, &signature, &keys)?;
    if let Some((original_id, similarity)) = original {
        conn.execute(
            "UPDATE articles SET duplicate_of = ?1, duplicate_similarity = ?2 WHERE id = ?3",
            params![original_id, f64::from(similarity), article_id],
        )?;
    }
    conn.execute(
        "INSERT OR REPLACE INTO article_signatures (article_id, minhash) VALUES (?1, ?2)",
        params![article_id, signature.to_bytes()],
    )?;
    let mut band = conn
        .prepare_cached("INSERT OR IGNORE INTO article_bands (key, article_id) VALUES (?1, ?2)")?;
    for key in keys {
        band.execute(params![key, article_id])?;
    }
    Ok(original)
}

/// The earliest stored original among the candidates that reach the threshold, with the
/// similarity to the copy that matched (a copy of a copy links to the first original).
fn find_original(
    conn: &Connection,
    article_id: i64,
    signature: &Signature,
    keys: &[i64],
) -> Result<Option<(i64, f32)>> {
    let placeholders = vec!["?"; keys.len()].join(",");
    let sql = format!(
        "SELECT DISTINCT s.article_id, s.minhash, a.duplicate_of
         FROM article_bands b JOIN article_signatures s ON s.article_id = b.article_id
         JOIN articles a ON a.id = b.article_id
         WHERE b.key IN ({placeholders}) AND b.article_id <> ?"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let args = keys.iter().copied().chain([article_id]);
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Option<i64>>(2)?,
        ))
    })?;
    let mut best: Option<(i64, f32)> = None;
    for row in rows {
        let (candidate, bytes, duplicate_of) = row?;
        // A signature written by another version is skipped rather than fatal.
        let Ok(other) = Signature::from_bytes(&bytes) else {
            continue;
        };
        if !signature.is_near_duplicate(&other) {
            continue;
        }
        let similarity = signature.similarity(&other);
        let root = duplicate_of.unwrap_or(candidate);
        best = match best {
            Some((id, sim)) if id < root || (id == root && sim >= similarity) => Some((id, sim)),
            _ => Some((root, similarity)),
        };
    }
    Ok(best)
}

impl Store {
    /// Signs stored articles that have no signature yet (stored before near-duplicate
    /// detection existed), oldest first, linking near-duplicates among them. Returns how
    /// many were signed.
    pub fn index_unsigned_articles(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let unsigned: Vec<(i64, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, text FROM articles
                 WHERE id NOT IN (SELECT article_id FROM article_signatures) ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, text) in &unsigned {
            index_article(&tx, *id, text)?;
        }
        tx.commit()?;
        Ok(unsigned.len())
    }

    /// The near-duplicate relations of the article with this `doc` name or numeric id.
    pub fn near_duplicates(&self, key: &str) -> Result<Option<NearDuplicates>> {
        let row: Option<(i64, Option<i64>, Option<f64>)> = self
            .conn
            .query_row(
                "SELECT id, duplicate_of, duplicate_similarity FROM articles
                 WHERE doc = ?1 OR CAST(id AS TEXT) = ?1 ORDER BY id LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, duplicate_of, similarity)) = row else {
            return Ok(None);
        };
        let duplicate_of = match duplicate_of {
            Some(original) => Some(DuplicateLink {
                id: original,
                doc: self.conn.query_row(
                    "SELECT doc FROM articles WHERE id = ?1",
                    [original],
                    |r| r.get(0),
                )?,
                similarity: similarity.unwrap_or_default() as f32,
            }),
            None => None,
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, doc, duplicate_similarity FROM articles WHERE duplicate_of = ?1 ORDER BY id",
        )?;
        let copies = stmt
            .query_map([id], |r| {
                Ok(DuplicateLink {
                    id: r.get(0)?,
                    doc: r.get(1)?,
                    similarity: r.get::<_, Option<f64>>(2)?.unwrap_or_default() as f32,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(NearDuplicates {
            duplicate_of,
            copies,
        }))
    }
}
