//! `chronicle serve`: a read-only JSON API over a chronicle database and a web interface
//! served from the same binary (assets embedded, no build step).
//!
//! `api` holds the JSON endpoints (documented in `openapi.yaml`), `ui` the embedded pages.

mod api;
mod ui;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;

/// How `chronicle serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Accept `POST /api/articles` (ingest) when a bearer token is also set.
    pub allow_ingest: bool,
    pub token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] chronicle_store::StoreError),
    #[error("{addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// The whole application: API routes plus the embedded interface.
pub fn router(opts: &ServeOptions) -> Result<Router, ServeError> {
    let api = api::routes(opts)?;
    Ok(api.merge(ui::routes()))
}
