//! `chronicle serve`: a read-only JSON API over a chronicle database and a web interface
//! served from the same binary (assets embedded, no build step).
//!
//! `api` holds the JSON endpoints (documented in `openapi.yaml`), `ui` the embedded pages.
//! Queries run on a small pool of read-only connections in blocking threads; the optional
//! ingest endpoint writes through one writer connection.

mod api;
pub mod load;
mod ui;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;

pub use api::{documented_routes, OPENAPI_YAML};

/// Largest accepted request body by default (2 MiB).
pub const DEFAULT_MAX_BODY: usize = 2 << 20;

/// How `chronicle serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Accept `POST /api/articles` (ingest) when a bearer token is also set.
    pub allow_ingest: bool,
    pub token: Option<String>,
    /// Largest accepted request body, in bytes (larger ones get 413).
    pub max_body: usize,
}

impl ServeOptions {
    /// Read-only serving of `db` on 127.0.0.1:8080 with the default body limit.
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServeOptions {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_ingest: false,
            token: None,
            max_body: DEFAULT_MAX_BODY,
        }
    }
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
    #[error("{0}")]
    Config(String),
}

/// The whole application: API routes plus the embedded interface.
pub fn router(opts: &ServeOptions) -> Result<Router, ServeError> {
    let api = api::routes(opts)?;
    Ok(api.merge(ui::routes()))
}

/// Binds `opts.addr`, announces "chronicle serve: listening on http://ADDR" on stderr and
/// serves until Ctrl-C or SIGTERM, letting requests in flight finish.
pub async fn serve(opts: &ServeOptions) -> Result<(), ServeError> {
    let app = router(opts)?;
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: opts.addr,
            source,
        })?;
    let addr = listener.local_addr()?;
    eprintln!("chronicle serve: listening on http://{addr}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// [`serve`] on its own multi-threaded runtime, for callers that are not async.
pub fn serve_blocking(opts: &ServeOptions) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(opts))
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    eprintln!("chronicle serve: shutting down");
}
