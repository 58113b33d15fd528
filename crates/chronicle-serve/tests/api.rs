//! The JSON API end to end, in process (`tower::ServiceExt::oneshot`), over a store built
//! from the repository's example articles run through the standard pipeline.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chronicle_ingest::{expand_inputs, read_source, ReadOptions};
use chronicle_pipeline::Pipeline;
use chronicle_serve::{router, ServeOptions};
use chronicle_store::{EventFilter, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

/// The example articles, analysed and stored once for all tests (read-only afterwards).
fn example_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("examples.db");
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut store = Store::open(&path).expect("new store");
        let pipeline = Pipeline::standard();
        let inputs = expand_inputs(&[examples.display().to_string()]);
        let mut stored = 0;
        for source in inputs {
            let source = source.expect("example input");
            for article in read_source(&source, &ReadOptions::default()) {
                let article = match article {
                    Ok(a) => a,
                    Err(_) => continue, // README.md and the like are not articles.
                };
                store.insert_document(&pipeline.run(article)).unwrap();
                stored += 1;
            }
        }
        assert!(
            stored >= 10,
            "expected the example articles, stored {stored}"
        );
        (dir, path)
    });
    path
}

fn app() -> Router {
    router(&ServeOptions::new(example_db())).expect("router")
}

fn store() -> Store {
    Store::open(example_db()).unwrap()
}

struct Reply {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    /// The error message of a failed request, checked to be in the API's error shape.
    fn error(&self) -> String {
        assert!(self.content_type.starts_with("application/json"));
        self.json()["error"]
            .as_str()
            .expect("error message")
            .to_owned()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status,
        content_type,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn get_ok(app: &Router, uri: &str) -> Value {
    let reply = get(app, uri).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&reply.body)
    );
    reply.json()
}

/// Asserts a 400 whose message names `param`.
async fn bad_request(app: &Router, uri: &str, param: &str) {
    let reply = get(app, uri).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
    let message = reply.error();
    assert!(
        message.contains(param),
        "{uri}: {message:?} should name {param}"
    );
}

fn chars(text: &str, span: &Value) -> String {
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert!(start <= end, "span {span}");
    text.chars().skip(start).take(end - start).collect()
}

fn codes(event: &Value) -> (String, String) {
    let code = |side: &str| event[side]["code"].as_str().unwrap_or_default().to_owned();
    (code("source"), code("target"))
}

#[tokio::test]
async fn health_and_unknown_routes() {
    let app = app();
    assert_eq!(get_ok(&app, "/api/health").await, json!({"status": "ok"}));
    bad_request(&app, "/api/health?verbose=1", "verbose").await;
    let reply = get(&app, "/api/no-such-thing").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.error().contains("/api/no-such-thing"));
}

#[tokio::test]
async fn overview_matches_the_store() {
    let app = app();
    let body = get_ok(&app, "/api/overview").await;
    let stats = store().stats().unwrap();
    assert_eq!(body["stats"]["articles"], json!(stats.articles));
    assert_eq!(body["stats"]["events"], json!(stats.events));
    assert_eq!(body["stats"]["quotes"], json!(stats.quotes));
    let first = body["first_date"].as_str().expect("some dated events");
    assert!(first <= body["last_date"].as_str().unwrap());

    let actors = body["top_actors"].as_array().unwrap();
    assert!(!actors.is_empty() && actors.len() <= 10);
    let counts: Vec<i64> = actors
        .iter()
        .map(|a| a["events"].as_i64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // The top actor's count is what /api/events reports for it as an exact code.
    let top = actors[0]["code"].as_str().unwrap();
    let events = get_ok(&app, &format!("/api/events?actor={top}&limit=1000")).await;
    let exact = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            let (s, t) = codes(e);
            s == top || t == top
        })
        .count();
    assert_eq!(actors[0]["events"].as_i64().unwrap(), exact as i64);
    // Codes of known states get names.
    assert!(actors.iter().any(|a| a["name"].is_string()));

    let dyads = body["top_dyads"].as_array().unwrap();
    assert!(!dyads.is_empty() && dyads.len() <= 10);
    let counts: Vec<i64> = dyads
        .iter()
        .map(|d| d["events"].as_i64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[tokio::test]
async fn events_page_and_filter() {
    let app = app();
    let all = get_ok(&app, "/api/events?limit=1000").await;
    let total = all["total"].as_i64().unwrap();
    let all_events = all["events"].as_array().unwrap();
    assert_eq!(total as usize, all_events.len());
    assert_eq!(
        total,
        store().count_events(&EventFilter::default()).unwrap()
    );
    assert!(all_events.iter().all(|e| e["id"].as_i64().is_some()));

    // Paging walks the same order.
    let page = get_ok(&app, "/api/events?limit=5&offset=5").await;
    assert_eq!(
        (page["limit"].as_i64(), page["offset"].as_i64()),
        (Some(5), Some(5))
    );
    assert_eq!(page["total"].as_i64(), Some(total));
    let ids: Vec<&Value> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["id"])
        .collect();
    let expected: Vec<&Value> = all_events[5..10].iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, expected);

    // Actor codes are case-insensitive prefixes.
    let usa = get_ok(&app, "/api/events?actor=usa&limit=1000").await;
    let usa_events = usa["events"].as_array().unwrap();
    assert!(!usa_events.is_empty());
    for e in usa_events {
        let (s, t) = codes(e);
        assert!(s.starts_with("USA") || t.starts_with("USA"), "{s} {t}");
    }

    // A dyad with dates: every event inside, and the count agrees with a manual filter.
    let (source, target) = codes(
        all_events
            .iter()
            .find(|e| {
                let (s, t) = codes(e);
                !s.is_empty() && !t.is_empty() && e["date"].is_string()
            })
            .expect("a dated event with both actors"),
    );
    let date = all_events
        .iter()
        .find(|e| codes(e) == (source.clone(), target.clone()) && e["date"].is_string())
        .unwrap()["date"]
        .as_str()
        .unwrap()
        .to_owned();
    let uri = format!("/api/events?source={source}&target={target}&from={date}&to={date}");
    let dyad = get_ok(&app, &uri).await;
    let manual = all_events
        .iter()
        .filter(|e| {
            let (s, t) = codes(e);
            s.starts_with(&source) && t.starts_with(&target) && e["date"] == json!(date)
        })
        .count();
    assert!(manual >= 1);
    assert_eq!(dyad["total"].as_u64(), Some(manual as u64));

    // CAMEO prefix and PLOVER type.
    let cameo = all_events[0]["cameo"].as_str().unwrap();
    let root = &cameo[..2];
    let by_root = get_ok(&app, &format!("/api/events?cameo={root}&limit=1000")).await;
    assert!(by_root["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["cameo"].as_str().unwrap().starts_with(root)));
    if let Some(plover) = all_events[0]["plover"]["event"].as_str() {
        let lower = plover.to_lowercase();
        let by_type = get_ok(&app, &format!("/api/events?plover={lower}&limit=1000")).await;
        assert!(by_type["total"].as_i64().unwrap() >= 1);
        assert!(by_type["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["plover"]["event"] == json!(plover)));
    }

    // One article's events.
    let doc = all_events[0]["doc"].as_str().unwrap();
    let one_doc = get_ok(&app, &format!("/api/events?doc={doc}&limit=1000")).await;
    assert!(one_doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["doc"] == json!(doc)));
}

#[tokio::test]
async fn events_refuse_bad_parameters() {
    let app = app();
    bad_request(&app, "/api/events?limit=0", "limit").await;
    bad_request(&app, "/api/events?limit=1001", "limit").await;
    bad_request(&app, "/api/events?limit=ten", "limit").await;
    bad_request(&app, "/api/events?offset=-1", "offset").await;
    bad_request(&app, "/api/events?from=2019-02-30", "from").await;
    bad_request(&app, "/api/events?to=12/15/2019", "to").await;
    bad_request(&app, "/api/events?from=2020-01-01&to=2019-01-01", "from").await;
    bad_request(&app, "/api/events?source=USA", "target").await;
    bad_request(&app, "/api/events?target=PRK", "source").await;
    bad_request(&app, "/api/events?cameo=abc", "cameo").await;
    bad_request(&app, "/api/events?actor=U%20S%20A", "actor").await;
    bad_request(&app, "/api/events?actor=USA&actor=CHN", "actor").await;
    bad_request(&app, "/api/events?dyad=USA:PRK", "dyad").await;
    bad_request(
        &app,
        "/api/events?include_duplicates=maybe",
        "include_duplicates",
    )
    .await;
    // Hostile text is only ever a bound value: it matches nothing.
    let body = get_ok(&app, "/api/events?doc=x%27%20OR%201%3D1%20--").await;
    assert_eq!(body["total"], json!(0));
}

#[tokio::test]
async fn event_by_id_with_its_article() {
    let app = app();
    let first = get_ok(&app, "/api/events?limit=1").await;
    let id = first["events"][0]["id"].as_i64().unwrap();
    let body = get_ok(&app, &format!("/api/events/{id}")).await;
    assert_eq!(body["event"]["id"], json!(id));
    assert_eq!(body["article"]["doc"], body["event"]["doc"]);
    assert!(body["article"]["events"].as_i64().unwrap() >= 1);

    let reply = get(&app, "/api/events/987654321").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.error().contains("987654321"));
    bad_request(&app, "/api/events/first", "id").await;
}

#[tokio::test]
async fn evidence_offsets_are_characters_into_the_article_text() {
    let app = app();
    let articles = get_ok(&app, "/api/articles?limit=1000").await;
    let mut checked = 0;
    for summary in articles["articles"].as_array().unwrap() {
        let doc = summary["doc"].as_str().unwrap();
        let view = get_ok(&app, &format!("/api/articles/{}", urlencode(doc))).await;
        let text = view["article"]["text"].as_str().unwrap();
        let length = text.chars().count() as u64;
        for s in view["sentences"].as_array().unwrap() {
            assert!(
                s["start"].as_u64() <= s["end"].as_u64() && s["end"].as_u64().unwrap() <= length
            );
        }
        for m in view["mentions"].as_array().unwrap() {
            assert_eq!(
                chars(text, &json!([m["start"], m["end"]])),
                m["text"].as_str().unwrap()
            );
        }
        for t in view["timexes"].as_array().unwrap() {
            assert_eq!(
                chars(text, &json!([t["start"], t["end"]])),
                t["text"].as_str().unwrap()
            );
        }
        for e in view["events"].as_array().unwrap() {
            assert_eq!(e["doc"], json!(doc));
            assert!(e["id"].is_i64());
            let ev = &e["evidence"];
            assert_eq!(chars(text, &ev["trigger"]), e["trigger"].as_str().unwrap());
            assert_eq!(
                chars(text, &ev["sentence"]),
                e["sentence"]["text"].as_str().unwrap()
            );
            if !ev["source"].is_null() {
                assert_eq!(
                    chars(text, &ev["source"]),
                    e["source"]["text"].as_str().unwrap()
                );
            }
        }
        for q in view["quotes"].as_array().unwrap() {
            let content = chars(text, &q["evidence"]);
            assert!(!content.is_empty());
        }
        checked += view["events"].as_array().unwrap().len();
    }
    assert!(checked > 0);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn articles_list_and_lookup() {
    let app = app();
    let all = get_ok(&app, "/api/articles?limit=1000").await;
    let total = all["total"].as_i64().unwrap();
    assert_eq!(total, store().articles().unwrap().len() as i64);
    let list = all["articles"].as_array().unwrap();
    let page = get_ok(&app, "/api/articles?limit=3&offset=2").await;
    assert_eq!(page["articles"].as_array().unwrap()[..], list[2..5]);

    let summary = &list[0];
    let by_doc = get_ok(
        &app,
        &format!(
            "/api/articles/{}",
            urlencode(summary["doc"].as_str().unwrap())
        ),
    )
    .await;
    let by_id = get_ok(&app, &format!("/api/articles/{}", summary["id"])).await;
    assert_eq!(by_doc, by_id);
    assert_eq!(by_doc["article"]["doc"], summary["doc"]);
    assert_eq!(
        by_doc["events"].as_array().unwrap().len() as i64,
        summary["events"].as_i64().unwrap()
    );
    assert_eq!(
        by_doc["sentences"].as_array().unwrap().len() as i64,
        summary["sentences"].as_i64().unwrap()
    );

    let reply = get(&app, "/api/articles/no-such-article.txt").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.error().contains("no-such-article.txt"));
    bad_request(&app, "/api/articles?limit=0", "limit").await;
    bad_request(&app, "/api/articles?offset=x", "offset").await;
    bad_request(&app, "/api/articles/1?full=1", "full").await;
}

#[tokio::test]
async fn dyad_series_and_chart() {
    let app = app();
    // The busiest dyad with dated events (an undated article's dyad has no periods).
    let overview = get_ok(&app, "/api/overview").await;
    let mut dated = None;
    for d in overview["top_dyads"].as_array().unwrap() {
        let (source, target) = (d["source"].as_str().unwrap(), d["target"].as_str().unwrap());
        let series = get_ok(
            &app,
            &format!("/api/dyad?source={source}&target={target}&by=month"),
        )
        .await;
        if !series["periods"].as_array().unwrap().is_empty() {
            dated = Some((source.to_owned(), target.to_owned(), series));
            break;
        }
    }
    let (source, target, series) = dated.expect("a top dyad with dated events");
    assert_eq!(series["by"], json!("month"));
    let periods = series["periods"].as_array().unwrap();
    for p in periods {
        assert!(p["start"].as_str() <= p["end"].as_str());
        let classes: i64 = [
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
        ]
        .iter()
        .map(|k| p[k].as_i64().unwrap())
        .sum();
        assert_eq!(classes, p["events"].as_i64().unwrap());
    }
    // The series counts the dated events of the dyad (each report of an event once or
    // more, so at least as many as the rows).
    let dated = get_ok(
        &app,
        &format!("/api/events?source={source}&target={target}&from=0001-01-01&limit=1000"),
    )
    .await;
    let in_series: i64 = periods.iter().map(|p| p["events"].as_i64().unwrap()).sum();
    assert!(in_series >= dated["total"].as_i64().unwrap() && in_series > 0);

    let chart = get(
        &app,
        &format!("/api/dyad/chart.svg?source={source}&target={target}&by=year"),
    )
    .await;
    assert_eq!(chart.status, StatusCode::OK);
    assert_eq!(chart.content_type, "image/svg+xml");
    assert!(String::from_utf8_lossy(&chart.body).contains("<svg"));

    bad_request(&app, "/api/dyad?source=USA", "target").await;
    bad_request(&app, "/api/dyad", "source").await;
    bad_request(
        &app,
        &format!("/api/dyad?source={source}&target={target}&by=fortnight"),
        "by",
    )
    .await;
    bad_request(
        &app,
        &format!("/api/dyad?source={source}&target={target}&from=2019"),
        "from",
    )
    .await;
    bad_request(
        &app,
        &format!("/api/dyad/chart.svg?source={source}&target={target}&by=decade"),
        "by",
    )
    .await;
}

#[tokio::test]
async fn timeline_of_an_actor() {
    let app = app();
    let overview = get_ok(&app, "/api/overview").await;
    let actor = overview["top_actors"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let t = get_ok(
        &app,
        &format!("/api/timeline?actor={actor}&max_dates=3&sentences=1"),
    )
    .await;
    let entries = t["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.len() <= 3);
    let dates: Vec<&str> = entries
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    for e in entries {
        let sentences = e["sentences"].as_array().unwrap();
        assert!(sentences.len() <= 1);
        for s in sentences {
            let involved = [&s["source"], &s["target"]]
                .iter()
                .any(|c| c.as_str().is_some_and(|c| c.starts_with(&actor)));
            assert!(involved, "{s}");
        }
    }
    bad_request(&app, "/api/timeline?actor=USA&max_dates=0", "max_dates").await;
    bad_request(
        &app,
        "/api/timeline?actor=USA&source=USA&target=CHN",
        "actor",
    )
    .await;
    bad_request(&app, "/api/timeline?actor=USA&sentences=11", "sentences").await;
}

#[tokio::test]
async fn search_sentences_and_quotes() {
    let app = app();
    // A word taken from a stored event's trigger must be found.
    let events = get_ok(&app, "/api/events?limit=1000").await;
    let word = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["trigger"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .find(|w| w.len() >= 6 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .expect("a trigger word");
    let body = get_ok(
        &app,
        &format!("/api/search?q={word}&scope=sentences&limit=5"),
    )
    .await;
    let hits = body["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 5);
    for hit in hits {
        assert_eq!(hit["kind"], json!("sentence"));
        let parts = hit["snippet_parts"].as_array().unwrap();
        assert!(parts.iter().any(|p| p["hit"] == json!(true)));
        let joined: String = parts.iter().map(|p| p["text"].as_str().unwrap()).collect();
        assert!(
            hit["text"].as_str().unwrap().contains(joined.trim()),
            "{joined}"
        );
    }
    let quotes = get_ok(&app, &format!("/api/search?q={word}&scope=quotes")).await;
    assert!(quotes["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["kind"] == json!("quote")));

    bad_request(&app, "/api/search", "q").await;
    bad_request(&app, "/api/search?q=%20%20", "q").await;
    bad_request(&app, "/api/search?q=%21%21%3F", "q").await;
    bad_request(&app, "/api/search?q=talks&scope=headlines", "scope").await;
    bad_request(&app, "/api/search?q=talks&limit=500", "limit").await;
    bad_request(&app, "/api/search?q=talks&to=yesterday", "to").await;
    // FTS5 syntax in user text is only ever words.
    let body = get_ok(&app, "/api/search?q=talks%20OR%20NEAR(%22x%22)%20*").await;
    assert!(body["hits"].is_array());
}

#[tokio::test]
async fn quotes_filtered() {
    let app = app();
    let all = get_ok(&app, "/api/quotes?limit=1000").await;
    let quotes = all["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    assert_eq!(
        get_ok(&app, "/api/quotes?limit=2").await["quotes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let speaker = quotes
        .iter()
        .find_map(|q| q["speaker"]["code"].as_str())
        .expect("a quote with a coded speaker");
    let prefix = speaker[..3].to_lowercase();
    let by_actor = get_ok(&app, &format!("/api/quotes?actor={prefix}&limit=1000")).await;
    let list = by_actor["quotes"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|q| q["speaker"]["code"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .starts_with(&prefix)));
    let word = quotes[0]["content"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .find(|w| w.len() >= 5 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .unwrap()
        .to_lowercase();
    let by_word = get_ok(&app, &format!("/api/quotes?q={word}&limit=1000")).await;
    let list = by_word["quotes"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|q| q["content"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains(&word)));
    bad_request(&app, "/api/quotes?from=2019-1-1x", "from").await;
    bad_request(&app, "/api/quotes?limit=5000", "limit").await;
}

#[tokio::test]
async fn actors_listed_and_searched() {
    let app = app();
    let all = get_ok(&app, "/api/actors?limit=1000").await;
    let actors = all["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    let counts: Vec<i64> = actors
        .iter()
        .map(|a| a["events"].as_i64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    let named = actors
        .iter()
        .find_map(|a| a["name"].as_str())
        .expect("a named actor")
        .to_owned();
    let word = named.split_whitespace().next().unwrap().to_lowercase();
    let found = get_ok(&app, &format!("/api/actors?q={word}")).await;
    let list = found["actors"].as_array().unwrap();
    assert!(!list.is_empty());
    for a in list {
        let by_name = a["name"]
            .as_str()
            .is_some_and(|n| n.to_lowercase().contains(&word));
        let by_code = a["code"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with(&word);
        assert!(by_name || by_code, "{a}");
    }
    assert_eq!(
        get_ok(&app, "/api/actors?limit=1").await["actors"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    bad_request(&app, "/api/actors?limit=0", "limit").await;
}

#[tokio::test]
async fn openapi_spec_is_served_and_documents_every_route() {
    let app = app();
    let reply = get(&app, "/openapi.yaml").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type.contains("yaml"));
    let spec = String::from_utf8(reply.body).unwrap();
    assert_eq!(spec, chronicle_serve::OPENAPI_YAML);

    let documented = spec_operations(&spec);
    let served: Vec<(String, String)> = chronicle_serve::documented_routes()
        .into_iter()
        .flat_map(|(path, methods)| {
            methods
                .iter()
                .map(move |m| (path.to_owned(), m.to_string()))
        })
        .collect();
    for op in &served {
        assert!(
            documented.contains(op),
            "{op:?} is served but not in openapi.yaml"
        );
    }
    for op in &documented {
        assert!(
            served.contains(op),
            "{op:?} is in openapi.yaml but not served"
        );
        // And the router really answers it (not the catch-all 404 or a 405).
        let uri = op.0.replace("{id}", "1").replace("{doc}", "1");
        let method = Method::from_bytes(op.1.to_uppercase().as_bytes()).unwrap();
        let reply = send(
            &app,
            Request::builder()
                .method(method)
                .uri(&uri)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_ne!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{op:?}");
        if reply.status == StatusCode::NOT_FOUND {
            assert!(!reply.error().contains("no API route"), "{op:?}");
        }
    }
}

/// (path, method) pairs under `paths:` of the spec, read by indentation (the file keeps
/// paths at two spaces and methods at four).
fn spec_operations(spec: &str) -> Vec<(String, String)> {
    const METHODS: &[&str] = &["get", "post", "put", "patch", "delete", "head", "options"];
    let mut ops = Vec::new();
    let mut in_paths = false;
    let mut path: Option<String> = None;
    for line in spec.lines() {
        if !line.starts_with(' ') && !line.is_empty() {
            in_paths = line == "paths:";
            continue;
        }
        if !in_paths {
            continue;
        }
        if let Some(p) = line.strip_prefix("  /").and_then(|l| l.strip_suffix(':')) {
            path = Some(format!("/{p}"));
        } else if let Some(m) = line.strip_prefix("    ").and_then(|l| l.strip_suffix(':')) {
            if let (Some(p), true) = (&path, METHODS.contains(&m)) {
                ops.push((p.clone(), m.to_owned()));
            }
        }
    }
    ops
}

const TOKEN: &str = "test-token-6f1c";

fn ingest_app(dir: &Path, allow: bool, max_body: usize) -> Router {
    let db = dir.join("ingest.db");
    Store::open(&db).unwrap();
    let opts = ServeOptions {
        allow_ingest: allow,
        token: allow.then(|| TOKEN.to_owned()),
        max_body,
        ..ServeOptions::new(db)
    };
    router(&opts).unwrap()
}

fn post(body: &str, token: Option<&str>) -> Request<Body> {
    let mut request =
        Request::post("/api/articles").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

const WIRE: &str = "MOSCOW, March 4 (Reuters) – Сергей Лавров, Russian Foreign Minister Sergei Lavrov, met Chinese Foreign Minister Wang Yi in Moscow on Monday and the two sides agreed to deepen cooperation on energy, Russia’s foreign ministry said.\n\nLavrov said Moscow “welcomes” Beijing’s proposals for talks on Ukraine. — Сергей Лавров told reporters the meeting was “constructive”.";

#[tokio::test]
async fn ingest_is_forbidden_unless_enabled() {
    let dir = tempfile::tempdir().unwrap();
    let app = ingest_app(dir.path(), false, 1 << 20);
    let body = json!({"text": WIRE}).to_string();
    let reply = send(&app, post(&body, Some(TOKEN))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.error().contains("--allow-ingest"));
    // Enabling ingest without a token is refused at start.
    let opts = ServeOptions {
        allow_ingest: true,
        ..ServeOptions::new(dir.path().join("ingest.db"))
    };
    assert!(router(&opts).is_err());
}

#[tokio::test]
async fn ingest_checks_token_size_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let app = ingest_app(dir.path(), true, 4096);
    let body = json!({"text": WIRE}).to_string();
    for token in [None, Some("wrong-token"), Some("")] {
        let reply = send(&app, post(&body, token)).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{token:?}");
        reply.error();
    }
    let big = json!({"text": WIRE.repeat(20)}).to_string();
    assert!(big.len() > 4096);
    let reply = send(&app, post(&big, Some(TOKEN))).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.error().contains("max-body"));

    for (bad, field) in [
        ("{\"text\": ", "body"),
        ("{\"title\": \"no text\"}", "text"),
        ("{\"text\": \"x\", \"date\": \"4 March 2024\"}", "date"),
        ("{\"text\": \"x\", \"author\": \"someone\"}", "author"),
        ("[]", "body"),
        (
            "[{\"text\": \"Seoul said on Monday it would resume talks with Pyongyang.\"}, {\"text\": 5}]",
            "articles[1]",
        ),
    ] {
        let reply = send(&app, post(bad, Some(TOKEN))).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        let message = reply.error();
        assert!(message.contains(field), "{bad}: {message}");
    }
}

#[tokio::test]
async fn ingested_article_is_visible_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = ingest_app(dir.path(), true, 1 << 20);
    assert_eq!(
        get_ok(&app, "/api/overview").await["stats"]["articles"],
        json!(0)
    );
    let body = json!([{
        "text": WIRE,
        "title": "Lavrov and Wang Yi agree to deepen energy cooperation",
        "date": "2024-03-04",
        "outlet": "Reuters",
        "url": "https://example.org/lavrov-wang",
        "id": "reuters-lavrov-wang"
    }])
    .to_string();
    let reply = send(&app, post(&body, Some(TOKEN))).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let results = reply.json()["results"].clone();
    assert_eq!(results[0]["doc"], json!("reuters-lavrov-wang"));
    assert_eq!(results[0]["status"], json!("inserted"));
    let events = results[0]["events"].as_u64().unwrap();

    let view = get_ok(&app, "/api/articles/reuters-lavrov-wang").await;
    assert_eq!(view["article"]["outlet"], json!("Reuters"));
    assert_eq!(view["article"]["date"], json!("2024-03-04"));
    assert_eq!(
        view["article"]["url"],
        json!("https://example.org/lavrov-wang")
    );
    let text = view["article"]["text"].as_str().unwrap();
    assert!(text.contains("Сергей Лавров"));
    assert_eq!(view["events"].as_array().unwrap().len() as u64, events);
    for m in view["mentions"].as_array().unwrap() {
        assert_eq!(
            chars(text, &json!([m["start"], m["end"]])),
            m["text"].as_str().unwrap()
        );
    }
    // The overview is refreshed at once, not after its cache expires.
    let overview = get_ok(&app, "/api/overview").await;
    assert_eq!(overview["stats"]["articles"], json!(1));
    assert_eq!(overview["stats"]["events"], json!(events));

    // The same text again is skipped and reported under the stored name.
    let again = json!({"text": WIRE, "id": "another-name"}).to_string();
    let reply = send(&app, post(&again, Some(TOKEN))).await;
    assert_eq!(reply.status, StatusCode::OK);
    let result = &reply.json()["results"][0];
    assert_eq!(result["status"], json!("skipped"));
    assert_eq!(result["doc"], json!("reuters-lavrov-wang"));
}
