//! `POST /api/articles`: analyse posted articles with the standard pipeline and store them.
//!
//! Checks run in this order so a client learns the first thing it must fix: ingest enabled
//! (403), bearer token (401), body size (413, before the body is read in full), then the
//! JSON (400). Each article is read like a JSONL record by chronicle-ingest, so posted and
//! file-ingested articles are cleaned and dated the same way.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, StatusCode};
use axum::Json;
use chronicle_core::Article;
use chronicle_ingest::{Format, ReadOptions};
use chronicle_pipeline::Pipeline;
use chronicle_store::InsertOutcome;
use serde::{Deserialize, Serialize};

use super::error::{ApiError, ApiResult};
use super::state::{Ingest, SharedState};

/// One posted article.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostedArticle {
    text: String,
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    id: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Many(Vec<serde_json::Value>),
    One(serde_json::Value),
}

#[derive(Debug, Serialize)]
pub(crate) struct IngestResult {
    pub doc: String,
    pub status: &'static str,
    pub events: usize,
}

pub(crate) async fn post_articles(
    State(state): State<SharedState>,
    request: Request,
) -> ApiResult<Json<serde_json::Value>> {
    let Some(ingest) = state.ingest.as_ref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is not enabled on this server (start it with --allow-ingest --token TOKEN)",
        ));
    };
    check_token(ingest, &request)?;
    let body = Bytes::from_request(request, &())
        .await
        .map_err(|rejection| {
            let status = rejection.status();
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    status,
                    "request body is larger than the server's --max-body",
                )
            } else {
                ApiError::new(status, format!("reading the request body: {rejection}"))
            }
        })?;
    let articles = parse_body(&body)?;
    let worker = state.clone();
    let results = tokio::task::spawn_blocking(move || store_articles(&worker, articles))
        .await
        .map_err(|e| ApiError::internal("ingest task", e))??;
    state.data_changed();
    Ok(Json(serde_json::json!({ "results": results })))
}

/// `Authorization: Bearer TOKEN`, compared without an early exit on the first difference.
fn check_token(ingest: &Ingest, request: &Request) -> ApiResult<()> {
    let unauthorized = |m: &str| ApiError::new(StatusCode::UNAUTHORIZED, m);
    let value = request
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| unauthorized("missing Authorization: Bearer TOKEN header"))?;
    let given = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| unauthorized("the Authorization header must be \"Bearer TOKEN\""))?;
    if constant_time_eq(given.trim().as_bytes(), ingest.token.as_bytes()) {
        Ok(())
    } else {
        Err(unauthorized("wrong token"))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The posted object or array, each element read into an [`Article`]; errors name the
/// element (`articles[2]`) and the field.
fn parse_body(body: &[u8]) -> ApiResult<Vec<Article>> {
    let parsed: PostBody = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "body: not JSON ({e}); expected an article object or an array of them"
        ))
    })?;
    let (values, single) = match parsed {
        PostBody::Many(v) => (v, false),
        PostBody::One(v) => (vec![v], true),
    };
    if values.is_empty() {
        return Err(ApiError::bad_request("body: the array holds no articles"));
    }
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let name = if single {
                "body".to_owned()
            } else {
                format!("articles[{i}]")
            };
            let posted: PostedArticle = serde_json::from_value(value)
                .map_err(|e| ApiError::bad_request(format!("{name}: {e}")))?;
            to_article(&name, posted)
        })
        .collect()
}

fn to_article(name: &str, posted: PostedArticle) -> ApiResult<Article> {
    if let Some(date) = &posted.date {
        if chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").is_err() {
            return Err(ApiError::bad_request(format!(
                "{name}.date: {date:?} is not a date: expected YYYY-MM-DD"
            )));
        }
    }
    let given_id = posted.id.clone().filter(|id| !id.trim().is_empty());
    // The JSONL field for the outlet is `source`.
    let record = serde_json::json!({
        "text": posted.text,
        "title": posted.title,
        "date": posted.date,
        "source": posted.outlet,
        "url": posted.url,
        "id": given_id,
    });
    let line = record.to_string();
    let mut read = chronicle_ingest::read_bytes(
        "api",
        "api",
        line.as_bytes(),
        Some(Format::Jsonl),
        &ReadOptions::default(),
    );
    let article = match read.pop() {
        Some(Ok(article)) if read.is_empty() => article,
        Some(Err(e)) => return Err(ApiError::bad_request(format!("{name}: {}", e.reason))),
        _ => return Err(ApiError::bad_request(format!("{name}: no article text"))),
    };
    Ok(with_default_id(article, given_id.is_some()))
}

/// Articles posted without an id are named after their content: the same text always gets
/// the same name.
fn with_default_id(mut article: Article, has_id: bool) -> Article {
    if !has_id {
        let short = article
            .content_hash
            .get(..12)
            .unwrap_or(&article.content_hash);
        article.id = format!("api-{short}");
    }
    article
}

fn pipeline(ingest: &Ingest) -> &Pipeline {
    ingest.pipeline.get_or_init(|| {
        let pipeline = Pipeline::standard();
        for warning in pipeline.warnings() {
            eprintln!("chronicle serve: warning: {warning}");
        }
        pipeline
    })
}

fn store_articles(
    state: &Arc<super::state::AppState>,
    articles: Vec<Article>,
) -> ApiResult<Vec<IngestResult>> {
    let Some(ingest) = state.ingest.as_ref() else {
        return Err(ApiError::internal("ingest", "no writer"));
    };
    let pipeline = pipeline(ingest);
    let mut results = Vec::with_capacity(articles.len());
    for article in articles {
        let doc = pipeline.run(article);
        let mut writer = ingest
            .writer
            .lock()
            .map_err(|e| ApiError::internal("database writer", e))?;
        let outcome = writer.insert_document(&doc)?;
        results.push(match outcome {
            InsertOutcome::Inserted(_) => IngestResult {
                doc: doc.article.id.clone(),
                status: "inserted",
                events: doc.events.len(),
            },
            InsertOutcome::Skipped(id) => {
                let stored = writer.article_summary(&id.to_string())?;
                IngestResult {
                    doc: stored
                        .as_ref()
                        .map_or_else(|| doc.article.id.clone(), |s| s.doc.clone()),
                    status: "skipped",
                    events: stored.map_or(0, |s| s.events.max(0) as usize),
                }
            }
        });
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_object_or_an_array_and_names_bad_elements() {
        let one = parse_body(
            br#"{"text": "GENEVA (Reuters) - Iran and the E3 met on Tuesday.", "outlet": "Reuters", "date": "2024-03-05"}"#,
        )
        .unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].outlet.as_deref(), Some("Reuters"));
        assert!(one[0].id.starts_with("api-"));
        let err = parse_body(br#"[{"text": "Seoul said."}, {"text": "x", "date": "5 March"}]"#)
            .unwrap_err();
        assert!(
            err.message.starts_with("articles[1].date"),
            "{}",
            err.message
        );
        let err = parse_body(br#"{"body": "no text field"}"#).unwrap_err();
        assert!(err.message.starts_with("body:"), "{}", err.message);
        assert!(parse_body(b"[]").is_err());
        assert!(parse_body(b"not json").is_err());
    }

    #[test]
    fn token_comparison_needs_equal_bytes() {
        assert!(constant_time_eq(b"s3cret", b"s3cret"));
        assert!(!constant_time_eq(b"s3cret", b"s3creT"));
        assert!(!constant_time_eq(b"s3cret", b"s3cret!"));
    }
}
