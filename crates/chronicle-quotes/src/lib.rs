//! chronicle-quotes: who said what.
//!
//! [`QuoteExtractor`] is the `"quotes"` pipeline stage. It runs after the actors stage and
//! before events, and fills [`chronicle_core::Document::quotes`] with
//!
//! * **direct** quotes in straight (`"`), curly (`“ ”`) or doubled-apostrophe (`'' ''`)
//!   marks, including quotes that span sentences and paragraphs, split quotes
//!   (`"…," he said, "…"` gives two quotes with one speaker) and quotes introduced by a
//!   broadcast marker (`[Sound bite: SPEAKER (language via interpreter)]`);
//! * **partial** quotes: quoted fragments of a larger reported clause
//!   (`urged the council to act "by all means available"`);
//! * **indirect** speech: `X said (that) …`, `X told reporters …`, `X told Reuters the …`,
//!   `…, X said.`, `X was quoted (by TASS) as saying …`, `media quoted X as saying …`,
//!   `according to X, …` / `…, according to X.` / `The plan, according to X, would …` (two
//!   pieces), belief cues with "that" (`officials believe that …`), whose content is the
//!   reported clause (without "that", a trailing `, a move that …` comment or a second act
//!   `… and called on …`);
//! * quoted sentences without a cue: after a colon (`The message from X was blunt: "…"`,
//!   headline `Lavrov: "…"`) the clause's subject speaks; standing alone, the last speaker.
//!
//! Speaker phrases keep determiners, premodifying titles, possessives, postmodifying
//! phrases (`a spokesman for the Chinese foreign ministry`, `a senior official in Kyiv`),
//! a bracketed acronym (`the Joint Chiefs of Staff (JCS)`), coordinated speakers
//! (`The United States and its allies`, `The army and police`) and a restrictive relative
//! clause (`A senior official who asked not to be named`), and drop comma-set appositives,
//! relative clauses and participles (`said Vassily Nebenzia, Russia's U.N. ambassador`,
//! `Denmark, which holds the EU presidency, said`, `Mutharika, 85, told`). A description
//! with a name in apposition gives the name (`A ministry spokesman, Matthew Miller, said`,
//! `according to the commission's chairperson, Justice Annabel Mtalimanja`), a name after
//! a name does not (`Rep. Michael McCaul, R-Texas, said`). Broadcast markers
//! (`[Sound bite: NAME, ROLE]`, shotlist `(SOUNDBITE) (English) ROLE, NAME, SAYING:`) give
//! the name.
//!
//! Speakers are resolved to actors through the mentions that overlap the speaker phrase;
//! "he"/"she" go to the last speaker or sentence-subject person, "the letter" to the
//! letter's authors when an earlier sentence named them. Without mentions, the speaker
//! phrase is kept as text ([`chronicle_core::Quote::speaker_text`]).
//!
//! Content spans exclude the marks and a trailing comma (`"We are ready," he said` gives
//! `We are ready`). For a multi-paragraph quote, `content` covers all paragraphs and
//! `content_text` joins the pieces with a line break, without the re-opening marks;
//! `Quote::fragments` has the pieces. Quotes are returned in text order.
//!
//! Quotes never cross their paragraph unless the multi-paragraph convention applies
//! (an unclosed paragraph followed by one that re-opens with a mark), and are capped at
//! [`marks::MAX_QUOTE_BYTES`]; scanning is linear in the text.
//!
//! [`eval`] scores the stage against BRAT standoff annotations.

pub mod eval;
mod extract;
mod lexicon;
pub mod marks;
mod phrase;
mod soundbite;

pub use extract::{ExtractedQuote, QuoteExtractor};
