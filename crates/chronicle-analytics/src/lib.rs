//! Story analytics over the chronicle store.
//!
//! - [`dyad`]: cooperation–conflict series of a dyad per day, ISO week, month or year, with
//!   the top event types and the most-cited evidence of each period; [`plot`] draws them.
//! - [`timeline`]: the most important dates of a story, each summarised by representative,
//!   non-redundant sentences linked to their evidence.
//! - [`export`]: streaming GDELT 2.0, PLOVER and Parquet writers.
//! - [`synth`]: a generator of realistic coded events for benchmarks.
//!
//! All aggregation runs in SQLite (see `chronicle_store::series`); this crate fills gaps,
//! ranks, deduplicates and renders.

pub mod dyad;
pub mod export;
pub mod period;
pub mod plot;
pub mod synth;
pub mod text;
pub mod timeline;

pub use chronicle_store::{DyadQuery, Period, TimelineQuery};

/// What can go wrong while computing or writing analytics.
#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    #[error(transparent)]
    Store(#[from] chronicle_store::StoreError),
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("drawing the chart: {0}")]
    Plot(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, AnalyticsError>;

/// The serde name of a unit enum variant (`Modality::Future` → "future").
pub(crate) fn output_enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
