//! Shared server state: a pool of read connections, the optional ingest writer, and a short
//! cache of the store-wide summaries (overview, actor list) that scan every event.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

use super::error::{ApiError, ApiResult};

/// How long store-wide summaries are reused. Ingest through this server refreshes them at
/// once; writes by other processes (`chronicle ingest`) show up after this delay.
const SUMMARY_TTL: Duration = Duration::from_secs(10);

/// Read connections: SQLite connections are `Send` but not `Sync`, so each query borrows one
/// for its duration. At most `size` queries run at once (the rest wait for a permit), so the
/// same warm connections, with their page caches, serve every request.
pub(crate) struct ReaderPool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: tokio::sync::Semaphore,
}

impl ReaderPool {
    pub fn new(path: PathBuf, size: usize) -> Result<Self, chronicle_store::StoreError> {
        // Open one now so a bad path or a too-new schema fails at start, not per request.
        let first = Store::open(&path)?;
        Ok(ReaderPool {
            path,
            idle: Mutex::new(vec![first]),
            permits: tokio::sync::Semaphore::new(size.max(1)),
        })
    }

    fn checkout(&self) -> ApiResult<Store> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open(&self.path).map_err(ApiError::from),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}

/// Ingest through `POST /api/articles`: present only with `--allow-ingest` and a token.
pub(crate) struct Ingest {
    pub token: String,
    pub writer: Mutex<Store>,
    /// Built on first use: assembling the pipeline takes a moment and read-only use never
    /// needs it.
    pub pipeline: OnceLock<Pipeline>,
}

/// Summaries computed from the whole store, with when and for which data generation.
pub(crate) struct Cached<T> {
    value: Mutex<Option<(Instant, u64, Arc<T>)>>,
}

impl<T> Default for Cached<T> {
    fn default() -> Self {
        Cached {
            value: Mutex::new(None),
        }
    }
}

impl<T> Cached<T> {
    fn fresh(&self, generation: u64) -> Option<Arc<T>> {
        let guard = self.value.lock().ok()?;
        match &*guard {
            Some((at, g, v)) if *g == generation && at.elapsed() < SUMMARY_TTL => Some(v.clone()),
            _ => None,
        }
    }

    fn store(&self, generation: u64, value: Arc<T>) {
        if let Ok(mut guard) = self.value.lock() {
            *guard = Some((Instant::now(), generation, value));
        }
    }
}

pub(crate) struct AppState {
    pub readers: ReaderPool,
    pub ingest: Option<Ingest>,
    /// Bumped by every successful ingest, so cached summaries are recomputed.
    pub generation: AtomicU64,
    pub overview: Cached<serde_json::Value>,
    pub actors: Cached<Vec<super::views::ActorView>>,
}

pub(crate) type SharedState = Arc<AppState>;

impl AppState {
    /// Runs `f` with a read connection on the blocking thread pool.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> ApiResult<T> + Send + 'static,
    {
        let _permit = self
            .readers
            .permits
            .acquire()
            .await
            .map_err(|e| ApiError::internal("reader pool", e))?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.readers.checkout()?;
            let result = f(&store);
            state.readers.give_back(store);
            result
        })
        .await
        .map_err(|e| ApiError::internal("query task", e))?
    }

    /// A store-wide summary from `cache` when fresh, else computed by `f` and cached.
    pub async fn cached<T, F>(
        self: &Arc<Self>,
        pick: fn(&AppState) -> &Cached<T>,
        f: F,
    ) -> ApiResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&Store) -> ApiResult<T> + Send + 'static,
    {
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(v) = pick(self).fresh(generation) {
            return Ok(v);
        }
        let value = Arc::new(self.read(f).await?);
        pick(self).store(generation, value.clone());
        Ok(value)
    }

    pub fn data_changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}
