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
//!
//! Conventions (TimeML 1.2.1 where it has one):
//! - extents leave out prepositions (`Sunday` in "on Sunday") and keep determiners, edge words and
//!   quantifiers (`the end of the year`, `more than two years`);
//! - `mod` is one of TimeML's values: "early"/"earlier"/"the beginning of" → `START`,
//!   "late"/"later"/"the end of" → `END`, "mid"/"the middle of" → `MID`, and `MORE_THAN`,
//!   `LESS_THAN`, `APPROX`, `EQUAL_OR_MORE`, `EQUAL_OR_LESS` for quantified durations;
//! - relative days and months follow the tense of their clause (tagger tags when present,
//!   else word forms): past → the latest one not after the article date, future → the next
//!   one, present with a weekday ("meets Friday") → the next one; no verb → the last such
//!   weekday, the nearest such month; the article's own weekday is always the article's day;
//! - `12/11/2019` is read month-first (US wire style) unless the first number exceeds 12;
//! - `Timex::date` is the first day of the period (`2019-W49` → Monday 2019-12-02) and is
//!   `None` for durations, sets, `*_REF` values and anything that needs a missing article date.

mod calendar;
mod dater;
mod error;
pub mod eval;
mod lexicon;
mod spec;
mod tagger;
mod tense;

pub use dater::EventDater;
pub use error::TimeError;
pub use tagger::TimexTagger;
