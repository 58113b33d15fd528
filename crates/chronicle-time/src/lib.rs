//! Time for chronicle: TimeML TIMEX3 expressions and event dates.
//!
//! - [`TimexTagger`] (stage `"time"`) finds DATE, TIME, DURATION and SET expressions in each
//!   sentence and normalises them against the article's date (the document creation time):
//!   "said on Sunday" → the Sunday before, "will meet Wednesday" → the next Wednesday,
//!   "last week" → `2019-W49`, "the past two years" → `P2Y`. Without an article date,
//!   relative expressions keep placeholder values (`XXXX-WXX-7`) and no date.
//! - [`EventDater`] (stage `"event-dating"`, after the event coder) dates each event from the
//!   time expression attached to its predicate, else the article's date.
//! - [`eval`] scores the tagger on TimeML `.tml` files with TempEval-3 Task A measures.

mod calendar;
mod dater;
mod error;
pub mod eval;
mod lexicon;
mod spec;
mod tagger;
mod tense;

pub use calendar::Direction;
pub use dater::EventDater;
pub use error::TimeError;
pub use tagger::TimexTagger;
