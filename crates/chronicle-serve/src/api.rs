//! The JSON API under `/api` (see `openapi.yaml`, served at `/openapi.yaml`).
//!
//! Handlers validate parameters (400 naming the parameter), then run one blocking store
//! query on a pooled read connection. All user text reaches SQLite only as bound parameters
//! (the store's filters bind everything).

mod error;
mod ingest;
mod params;
mod state;
mod views;

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock};

use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, MethodRouter};
use axum::{Json, Router};
use chronicle_actors::KnowledgeBase;
use chronicle_analytics::dyad::{dyad_series, DyadSeries};
use chronicle_analytics::period::parse_period;
use chronicle_analytics::plot::render_svg;
use chronicle_analytics::timeline::{self, TimelineOptions};
use chronicle_analytics::{DyadQuery, TimelineQuery};
use chronicle_store::{
    plain_query, EventFilter, QuoteFilter, SearchHit, SearchQuery, SearchScope, Store, StoreError,
};
use serde_json::{json, Value};

use crate::{ServeError, ServeOptions};
use error::{ApiError, ApiResult};
use params::Params;
use state::{AppState, Ingest, ReaderPool, SharedState};
use views::{ActorView, ArticleView};

/// The OpenAPI 3.0 description of this API.
pub const OPENAPI_YAML: &str = include_str!("../openapi.yaml");

/// Top actors and dyads listed by the overview.
const OVERVIEW_TOP: usize = 10;

pub(crate) fn routes(opts: &ServeOptions) -> Result<Router, ServeError> {
    let state = Arc::new(AppState {
        readers: ReaderPool::new(opts.db.clone(), reader_count())?,
        ingest: ingest_setup(opts)?,
        generation: AtomicU64::new(0),
        overview: Default::default(),
        actors: Default::default(),
    });
    let router = api_table()
        .into_iter()
        .fold(Router::new(), |router, (path, _, handler)| {
            router.route(path, handler)
        });
    Ok(router
        .route("/api/{*rest}", any(no_such_route))
        .layer(DefaultBodyLimit::max(opts.max_body))
        .with_state(state))
}

/// Every documented route: path, methods, handlers. The router is built from this table and
/// a test checks it against `openapi.yaml` both ways.
fn api_table() -> Vec<(
    &'static str,
    &'static [&'static str],
    MethodRouter<SharedState>,
)> {
    vec![
        ("/api/health", &["get"], get(health)),
        ("/api/overview", &["get"], get(overview)),
        ("/api/events", &["get"], get(events)),
        ("/api/events/{id}", &["get"], get(event)),
        ("/api/dyad", &["get"], get(dyad)),
        ("/api/dyad/chart.svg", &["get"], get(dyad_chart)),
        ("/api/timeline", &["get"], get(timeline_route)),
        ("/api/search", &["get"], get(search)),
        ("/api/quotes", &["get"], get(quotes)),
        (
            "/api/articles",
            &["get", "post"],
            get(articles).post(ingest::post_articles),
        ),
        ("/api/articles/{doc}", &["get"], get(article)),
        ("/api/actors", &["get"], get(actors)),
        ("/openapi.yaml", &["get"], get(openapi)),
    ]
}

/// The documented routes as (path, lower-case methods), for checking the spec.
pub fn documented_routes() -> Vec<(&'static str, &'static [&'static str])> {
    api_table()
        .into_iter()
        .map(|(path, methods, _)| (path, methods))
        .collect()
}

/// Queries run at once: two per core, so one waiting on the disk leaves the core to another.
fn reader_count() -> usize {
    std::thread::available_parallelism().map_or(8, |n| 2 * n.get().max(2))
}

fn ingest_setup(opts: &ServeOptions) -> Result<Option<Ingest>, ServeError> {
    if !opts.allow_ingest {
        return Ok(None);
    }
    let token = opts
        .token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ServeError::Config(
                "--allow-ingest needs a token (--token TOKEN or CHRONICLE_TOKEN)".into(),
            )
        })?;
    Ok(Some(Ingest {
        token: token.to_owned(),
        writer: Mutex::new(Store::open(&opts.db)?),
        pipeline: OnceLock::new(),
    }))
}

/// The query string as name/value pairs; a malformed one is a 400 in the API's shape.
pub(crate) struct RawQuery(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for RawQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map(|Query(pairs)| RawQuery(pairs))
            .map_err(|e| ApiError::bad_request(format!("query string: {e}")))
    }
}

async fn health(RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    Params::new(q, &[])?;
    Ok(Json(json!({ "status": "ok" })))
}

async fn no_such_route(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no API route {} (see /openapi.yaml)", uri.path()))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/yaml; charset=utf-8")],
        OPENAPI_YAML,
    )
        .into_response()
}

/// Every actor in the store with its counts and name, cached (see [`state::Cached`]).
async fn actor_list(state: &SharedState) -> ApiResult<Arc<Vec<ActorView>>> {
    state
        .cached(
            |s: &AppState| &s.actors,
            |store| {
                let kb = KnowledgeBase::default_kb();
                Ok(store
                    .actor_counts()?
                    .iter()
                    .map(|c| ActorView::new(c, &kb))
                    .collect())
            },
        )
        .await
}

async fn overview(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    Params::new(q, &[])?;
    let actors = actor_list(&state).await?;
    let rest = state
        .cached(
            |s: &AppState| &s.overview,
            |store| {
                let (first, last) = store.event_date_range()?;
                Ok(json!({
                    "stats": store.stats()?,
                    "first_date": first,
                    "last_date": last,
                    "top_dyads": store.top_dyads(OVERVIEW_TOP)?,
                }))
            },
        )
        .await?;
    let top_actors: Vec<Value> = actors
        .iter()
        .take(OVERVIEW_TOP)
        .map(|a| json!({ "code": a.code, "name": a.name, "events": a.events }))
        .collect();
    let mut body = (*rest).clone();
    body["top_actors"] = Value::Array(top_actors);
    Ok(Json(body))
}

const EVENT_PARAMS: &[&str] = &[
    "actor",
    "source",
    "target",
    "cameo",
    "plover",
    "doc",
    "from",
    "to",
    "limit",
    "offset",
    "include_duplicates",
];

async fn events(State(state): State<SharedState>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::new(q, EVENT_PARAMS)?;
    let (from, to) = p.date_range()?;
    let limit = p.number("limit", 100, 1, 1000)?;
    let offset = p.number("offset", 0, 0, 100_000_000)?;
    // The store's filter grows options this endpoint leaves at their default.
    #[allow(clippy::needless_update)]
    let filter = EventFilter {
        actor: p.code("actor")?,
        dyad: p.dyad()?,
        from,
        to,
        cameo: p.cameo()?,
        plover: p.plover()?,
        doc: p.text("doc").map(str::to_owned),
        limit: Some(limit),
        offset: Some(offset),
        include_duplicates: p.flag("include_duplicates")?,
        ..EventFilter::default()
    };
    let (total, events) = state
        .read(move |store| Ok((store.count_events(&filter)?, store.events(&filter)?)))
        .await?;
    Ok(Json(json!({
        "total": total,
        "offset": offset,
        "limit": limit,
        "events": events,
    })))
}

async fn event(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    Params::new(q, &[])?;
    let id: i64 = id.trim().parse().map_err(|_| {
        ApiError::bad_request(format!("id: {id:?} is not an event id (a whole number)"))
    })?;
    state
        .read(move |store| {
            let event = store
                .event(id)?
                .ok_or_else(|| ApiError::not_found(format!("no event with id {id}")))?;
            let article = store.article_summary(&event.doc)?;
            Ok(Json(json!({ "event": event, "article": article })))
        })
        .await
}

const DYAD_PARAMS: &[&str] = &["source", "target", "by", "from", "to", "undirected"];

/// The dyad series a `/api/dyad` or `/api/dyad/chart.svg` request asks for.
async fn dyad_request(state: &SharedState, q: Vec<(String, String)>) -> ApiResult<DyadSeries> {
    let p = Params::new(q, DYAD_PARAMS)?;
    let (source, target) = p.dyad()?.ok_or_else(|| {
        ApiError::bad_request(
            "source and target are required (actor codes, e.g. source=USA&target=PRK)",
        )
    })?;
    let by = parse_period(p.text("by").unwrap_or("month"))
        .map_err(|e| ApiError::bad_request(format!("by: {e}")))?;
    let (from, to) = p.date_range()?;
    let query = DyadQuery {
        source,
        target,
        undirected: p.flag("undirected")?,
        from,
        to,
    };
    state
        .read(move |store| Ok(dyad_series(store, &query, by)?))
        .await
}

async fn dyad(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<DyadSeries>> {
    Ok(Json(dyad_request(&state, q).await?))
}

async fn dyad_chart(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let series = dyad_request(&state, q).await?;
    let svg = tokio::task::spawn_blocking(move || render_svg(&series))
        .await
        .map_err(|e| ApiError::internal("chart task", e))??;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

const TIMELINE_PARAMS: &[&str] = &[
    "actor",
    "source",
    "target",
    "query",
    "from",
    "to",
    "max_dates",
    "sentences",
];

async fn timeline_route(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<timeline::Timeline>> {
    let p = Params::new(q, TIMELINE_PARAMS)?;
    let actor = p.code("actor")?;
    let dyad = p.dyad()?;
    if actor.is_some() && dyad.is_some() {
        return Err(ApiError::bad_request(
            "actor cannot be combined with source/target: give one actor or one dyad",
        ));
    }
    let words: Vec<String> = p
        .text("query")
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let (from, to) = p.date_range()?;
    let query = TimelineQuery {
        actor,
        dyad,
        words,
        from,
        to,
    };
    let opts = TimelineOptions {
        max_dates: p.number("max_dates", 10, 1, 100)?,
        sentences_per_date: p.number("sentences", 3, 1, 10)?,
        ..TimelineOptions::default()
    };
    let t = state
        .read(move |store| Ok(timeline::timeline(store, &query, &opts)?))
        .await?;
    Ok(Json(t))
}

const SEARCH_PARAMS: &[&str] = &[
    "q",
    "scope",
    "actor",
    "source",
    "target",
    "from",
    "to",
    "cameo",
    "plover",
    "limit",
    "include_duplicates",
];

async fn search(State(state): State<SharedState>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::new(q, SEARCH_PARAMS)?;
    let text = p
        .text("q")
        .ok_or_else(|| ApiError::bad_request("q is required: the words to search for"))?;
    if plain_query(text).is_none() {
        return Err(ApiError::bad_request(format!(
            "q: {text:?} has no words to search for"
        )));
    }
    let scope = match p.text("scope").unwrap_or("all") {
        "all" => SearchScope::All,
        "sentences" => SearchScope::Sentences,
        "quotes" => SearchScope::Quotes,
        other => {
            return Err(ApiError::bad_request(format!(
                "scope: {other:?} is not a scope: expected all, sentences or quotes"
            )))
        }
    };
    let (from, to) = p.date_range()?;
    let query = SearchQuery {
        text: text.to_owned(),
        raw: false,
        scope,
        actor: p.code("actor")?,
        dyad: p.dyad()?,
        from,
        to,
        cameo: p.cameo()?,
        plover: p.plover()?,
        include_duplicates: p.flag("include_duplicates")?,
        limit: p.number("limit", 20, 1, 200)?,
    };
    let hits = state.read(move |store| Ok(store.search(&query)?)).await?;
    let hits: Vec<Value> = hits.iter().map(hit_json).collect();
    Ok(Json(json!({ "hits": hits })))
}

/// A hit as JSON with its snippet as pieces, so a client can highlight without parsing HTML.
fn hit_json(hit: &SearchHit) -> Value {
    let mut value = serde_json::to_value(hit).unwrap_or_default();
    let parts: Vec<Value> = hit
        .snippet_parts
        .iter()
        .map(|p| json!({ "text": p.text, "hit": p.hit }))
        .collect();
    value["snippet_parts"] = Value::Array(parts);
    value
}

const QUOTE_PARAMS: &[&str] = &["speaker", "actor", "q", "from", "to", "limit"];

async fn quotes(State(state): State<SharedState>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::new(q, QUOTE_PARAMS)?;
    let (from, to) = p.date_range()?;
    let filter = QuoteFilter {
        actor: p.code("actor")?,
        speaker: p.text("speaker").map(str::to_owned),
        words: p.text("q").map(str::to_owned).into_iter().collect(),
        from,
        to,
        limit: Some(p.number("limit", 100, 1, 1000)?),
    };
    let quotes = state.read(move |store| Ok(store.quotes(&filter)?)).await?;
    Ok(Json(json!({ "quotes": quotes })))
}

async fn articles(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    let p = Params::new(q, &["limit", "offset"])?;
    let limit = p.number("limit", 100, 1, 1000)?;
    let offset = p.number("offset", 0, 0, 100_000_000)?;
    let (total, list) = state
        .read(move |store| Ok((store.article_count()?, store.articles_page(limit, offset)?)))
        .await?;
    Ok(Json(json!({
        "total": total,
        "offset": offset,
        "limit": limit,
        "articles": list,
    })))
}

async fn article(
    State(state): State<SharedState>,
    Path(key): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<ArticleView>> {
    Params::new(q, &[])?;
    let view = state.read(move |store| article_view(store, &key)).await?;
    Ok(Json(view))
}

fn article_view(store: &Store, key: &str) -> ApiResult<ArticleView> {
    let not_found = || ApiError::not_found(format!("no article {key:?} (by doc name or id)"));
    let summary = store.article_summary(key)?.ok_or_else(not_found)?;
    let filter = EventFilter {
        doc: Some(summary.doc.clone()),
        include_duplicates: true,
        ..EventFilter::default()
    };
    let events = store.events(&filter)?;
    match store.document_by_id(summary.id) {
        Ok(Some(doc)) => Ok(ArticleView::from_document(
            &doc,
            summary.duplicate_of.clone(),
            events,
        )),
        Ok(None) => Err(not_found()),
        // Bulk-loaded articles carry coded events but no stored analysis.
        Err(StoreError::Corrupt(_)) => Ok(ArticleView::from_summary(&summary, None, events)),
        Err(e) => Err(e.into()),
    }
}

async fn actors(State(state): State<SharedState>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::new(q, &["q", "limit"])?;
    let limit = p.number("limit", 50, 1, 1000)?;
    let needle = p.text("q").map(str::to_lowercase);
    let all = actor_list(&state).await?;
    let matches: Vec<&ActorView> = all
        .iter()
        .filter(|a| match &needle {
            None => true,
            Some(n) => {
                a.code.to_lowercase().starts_with(n.as_str())
                    || a.name
                        .as_ref()
                        .is_some_and(|name| name.to_lowercase().contains(n.as_str()))
            }
        })
        .take(limit)
        .collect();
    Ok(Json(json!({ "actors": matches })))
}
