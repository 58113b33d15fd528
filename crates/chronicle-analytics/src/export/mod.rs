//! Streaming exports of stored events: GDELT 2.0 event table rows, PLOVER JSON records and
//! Parquet. Each writer takes one [`StoredEvent`] at a time, so memory stays flat however
//! many events are exported.

mod columnar;
mod gdelt;
pub(crate) mod plover;
mod table;

pub use columnar::{ParquetEventWriter, PARQUET_SCHEMA, ROW_GROUP_ROWS};
pub use gdelt::{gdelt_row, GdeltWriter, GDELT_COLUMNS};
pub use plover::{plover_record, PloverWriter};
pub use table::{CsvEventWriter, EVENT_CSV_COLUMNS};

pub use chronicle_store::StoredEvent;

/// Replaces tabs and line breaks, which would break a tab-separated row, with spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}
