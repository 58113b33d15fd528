//! Embedded web interface (placeholder until the pages land).
use axum::Router;

pub(crate) fn routes() -> Router {
    Router::new()
}
