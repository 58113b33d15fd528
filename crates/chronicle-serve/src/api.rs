//! JSON API (placeholder until the API lands).
use axum::Router;

pub(crate) fn routes(_opts: &crate::ServeOptions) -> Result<Router, crate::ServeError> {
    Ok(Router::new())
}
