//! The embedded web interface: a single-page application in plain HTML, CSS and JavaScript
//! modules, compiled into the binary (no build step, nothing fetched from the network).
//!
//! `GET /` and every other path outside `/api` answer with `index.html` (the page routes on
//! the URL fragment, so any deep link opens the application); `GET /assets/...` answers with
//! the embedded files. Assets are not fingerprinted, so they are served with an `ETag` and
//! `Cache-Control: no-cache`: browsers keep them but revalidate, which costs a 304 and always
//! picks up a new binary's files.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

/// One embedded file: its path under `assets/` and its bytes.
struct Asset {
    path: &'static str,
    body: &'static [u8],
}

macro_rules! assets {
    ($($path:literal),* $(,)?) => {
        &[$(Asset { path: $path, body: include_bytes!(concat!("../assets/", $path)) }),*]
    };
}

/// Every file of `assets/` (add new files here).
const ASSETS: &[Asset] = assets![
    "index.html",
    "style.css",
    "favicon.svg",
    "js/app.js",
    "js/api.js",
    "js/dom.js",
    "js/highlight.js",
    "js/chart.js",
    "js/views/overview.js",
    "js/views/dyad.js",
    "js/views/events.js",
    "js/views/event.js",
    "js/views/article.js",
    "js/views/articles.js",
    "js/views/search.js",
    "js/views/quotes.js",
    "js/views/timeline.js",
];

/// The page itself may only load what this server serves; data is inserted as text, and the
/// policy makes any slip (an injected script or style) inert.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
                   form-action 'self'";

pub(crate) fn routes() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/{*path}", get(asset))
        .route("/{*path}", get(page_or_api_404))
}

fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.path == path)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// A strong validator per asset, computed once: a hash of the bytes (stable for one binary).
fn etag(asset: &Asset) -> &'static str {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    let tags = TAGS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|a| {
                let mut hasher = DefaultHasher::new();
                a.body.hash(&mut hasher);
                format!("\"{:016x}\"", hasher.finish())
            })
            .collect()
    });
    ASSETS
        .iter()
        .position(|a| a.path == asset.path)
        .map(|i| tags[i].as_str())
        .unwrap_or("\"0\"")
}

/// The asset, or 304 when the browser's copy is current.
fn serve(asset: &'static Asset, request: &HeaderMap) -> Response {
    let tag = etag(asset);
    let fresh = request
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let mut headers = HeaderMap::new();
    headers.insert(ETAG, HeaderValue::from_static(tag));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if fresh {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(content_type(asset.path)),
    );
    if asset.path.ends_with(".html") {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
        headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    }
    (headers, asset.body).into_response()
}

fn index_page(request: &HeaderMap) -> Response {
    match find("index.html") {
        Some(asset) => serve(asset, request),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn index(request: HeaderMap) -> Response {
    index_page(&request)
}

async fn asset(uri: Uri, request: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches("/assets/");
    match find(path) {
        Some(asset) => serve(asset, &request),
        None => (
            StatusCode::NOT_FOUND,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("no asset {path}\n"),
        )
            .into_response(),
    }
}

/// Deep links into the application get the page; unknown API paths get a JSON 404, so a
/// client never mistakes the page for an API answer.
async fn page_or_api_404(uri: Uri, request: HeaderMap) -> Response {
    let path = uri.path();
    if path == "/api" || path.starts_with("/api/") {
        let body = serde_json::json!({ "error": format!("no API route {path}") });
        return (StatusCode::NOT_FOUND, Json(body)).into_response();
    }
    index_page(&request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    async fn get(path: &str, if_none_match: Option<&str>) -> Response {
        let mut request = Request::get(path);
        if let Some(tag) = if_none_match {
            request = request.header(IF_NONE_MATCH, tag);
        }
        let request = request.body(Body::empty()).expect("request");
        routes().oneshot(request).await.expect("infallible")
    }

    fn header(response: &Response, name: axum::http::HeaderName) -> &str {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    #[tokio::test]
    async fn the_page_answers_at_the_root_and_at_deep_links() {
        for path in ["/", "/dyad", "/article/01_us_china_tariffs.txt?s=2"] {
            let response = get(path, None).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(
                header(&response, CONTENT_TYPE).starts_with("text/html"),
                "{path}"
            );
            assert!(header(&response, CONTENT_SECURITY_POLICY).contains("script-src 'self'"));
        }
    }

    #[tokio::test]
    async fn assets_have_types_and_revalidate_with_their_etag() {
        let response = get("/assets/js/app.js", None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            header(&response, CONTENT_TYPE),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(header(&response, CACHE_CONTROL), "no-cache");
        let tag = header(&response, ETAG).to_owned();
        assert!(tag.starts_with('"') && tag.len() > 2, "{tag}");
        let again = get("/assets/js/app.js", Some(&tag)).await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let other = get("/assets/style.css", Some(&tag)).await;
        assert_eq!(
            other.status(),
            StatusCode::OK,
            "another file's tag must not match"
        );
        assert_eq!(header(&other, CONTENT_TYPE), "text/css; charset=utf-8");
    }

    #[tokio::test]
    async fn unknown_assets_and_api_paths_are_not_the_page() {
        for path in [
            "/assets/missing.js",
            "/assets/../Cargo.toml",
            "/api/nothing",
            "/api",
        ] {
            let response = get(path, None).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(
                !header(&response, CONTENT_TYPE).starts_with("text/html"),
                "{path}"
            );
        }
    }

    #[test]
    fn every_asset_has_a_known_content_type() {
        for asset in ASSETS {
            assert_ne!(
                content_type(asset.path),
                "application/octet-stream",
                "{}",
                asset.path
            );
            assert!(!asset.body.is_empty(), "{} is empty", asset.path);
        }
    }

    #[test]
    fn etags_differ_between_assets() {
        let tags: std::collections::HashSet<&str> = ASSETS.iter().map(etag).collect();
        assert_eq!(tags.len(), ASSETS.len());
    }

    #[test]
    fn modules_import_only_embedded_files() {
        // A module importing a file missing from ASSETS would fail only in the browser.
        for asset in ASSETS.iter().filter(|a| a.path.ends_with(".js")) {
            let text = std::str::from_utf8(asset.body).unwrap_or_default();
            let dir = asset.path.rsplit_once('/').map_or("", |(d, _)| d);
            for line in text.lines().filter(|l| l.starts_with("import ")) {
                let Some(spec) = line.split(['\'', '"']).nth(1) else {
                    continue;
                };
                let resolved = resolve(dir, spec);
                assert!(
                    find(&resolved).is_some(),
                    "{} imports {spec} ({resolved}), which is not embedded",
                    asset.path
                );
            }
        }
    }

    /// `dir` + a relative module specifier (`./x.js`, `../x.js`).
    fn resolve(dir: &str, spec: &str) -> String {
        let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
        for piece in spec.split('/') {
            match piece {
                "." | "" => {}
                ".." => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        parts.join("/")
    }
}
