//! Actor recognition and CAMEO actor coding.
//!
//! [`ActorResolver`] is the pipeline stage `"actors"`: it reads the segmenter's sentences and
//! tokens (and the parse when chronicle-syntax has run) and adds one [`chronicle_core::Mention`]
//! per actor noun phrase, coded against the built-in [`KnowledgeBase`]:
//!
//! - states (names, aliases, demonyms, capitals), seats of power ("the Kremlin" → `RUSGOV`,
//!   "the Pentagon" → `USAMIL`), international organisations, NGOs and media;
//! - role words → CAMEO agents ("army chief" → MIL, "Senate" → LEG, "state-run television" → MED);
//! - officials with dated tenures, so that "Mike Pompeo" is `USAGOV` in 2019 but `USALEG` in 2015.
//!
//! Phrases compose: "China's deputy UN ambassador" → `CHNGOV`, "U.S. Air Force commander" →
//! `USAMIL`, "UN Secretary-General Antonio Guterres" → `IGOUNO`. Within an article, surnames
//! ("Lavrov"), names introduced with a role ("Assistant Secretary of State Kurt Campbell" →
//! later "Campbell"), "the North"/"the South" (only after a Korea actor), definite roles ("the
//! foreign minister") and a clause-initial "he"/"she" are resolved conservatively.
//!
//! Mentions: one per noun phrase, spanning modifiers, title and name ("Russian Foreign
//! Minister Sergei Lavrov"), without a leading determiner ("the UN Security Council" →
//! "UN Security Council"); only "the North"/"the South" keep their "the". `head` is the token
//! the parse attaches when there is a parse, else the first word of the name, else the last
//! word of the role.
//!
//! Choices worth knowing (the tables under `data/` say more in their comments):
//! - "former"/"ex-"/"retired" phrases are coded country + `ELI`; so is a known official named
//!   after all their tenures ended ("Obama" in 2019 → `USAELI`). Before their first tenure an
//!   official gets only their country ("Pompeo" in 2005 → `USA`). With no article date, the
//!   most recent tenure counts unless a title in the phrase names the office; within one
//!   article an official keeps the code first given.
//! - A short name alone ("Lavrov") needs the full name earlier in the article or to be the only
//!   official of that short name in office at the article's date.
//! - Defence ministers and ministries are `MIL`; think tanks and universities `EDU`; activists
//!   `CVL`; protesters and dissidents `OPP`; political parties country + `PTY`.
//! - "Korean" alone and "Korean Peninsula" name no actor; "Korea" alone is `KOR`.
//! - "Georgia" is the state GEO except in a few US-politics phrases ("Georgia voters",
//!   "Georgia's governor"; see `data/non_actors.txt`); "Turkey"/"China" need
//!   their capital letter, all-caps "US"/"WHO" need a sentence that is not shouted.
//! - Hyphenated compounds are modifiers, not actors ("Washington-based", "a U.S.-brokered
//!   deal"); a country name that starts inside one keeps its full name ("U.S.-North Korea
//!   talks" → PRK); a ship's flag is its state ("a British-flagged tanker" → GBR), and a
//!   group led by an actor is that actor's ("Hamas-led militants" → PSEREB, "the Saudi-led
//!   coalition" → SAU).
//! - A role without any country ("the police said") produces no mention; an unknown name
//!   without a role or nationality is never guessed.
//! - Armed non-state groups are country + `REB` (Hamas → `PSEREB`, Hezbollah → `LBNREB`, the
//!   Taliban → `AFGREB`, "the Taliban government" → `AFGGOV`); al-Qaeda and IS are `IMG…`.

//!
//! Users extend the knowledge base with their own files ([`KbFile`], the tables of `data/` in
//! one file, each after a line such as `[officials]`): [`KnowledgeBase::with_files`] reads them
//! over the built-in tables (a phrase, official or country defined by a later file replaces
//! what earlier ones said); errors name file, line and reason. [`import_petrarch`] converts
//! PETRARCH/TABARI/Phoenix actor and agent dictionaries into such a file, and
//! [`ActorResolver::explain`] gives, for each mention, the entries and rules behind its code.
//! A program may install a knowledge base as the process default
//! ([`KnowledgeBase::install_default`]), which [`ActorResolver::builtin`] then uses.

pub mod cases;
mod chunk;
mod code;
mod error;
mod explain;
mod kb;
mod lexicon;
mod memory;
mod petrarch;
mod resolve;
mod short_form;
mod text;

pub use code::{parse_code, AGENTS};
pub use error::KbError;
pub use explain::Explanation;
pub use kb::{
    Country, KbFile, KbSources, KbStats, KnowledgeBase, Person, PersonStatus, Role, Tenure,
};
pub use petrarch::{import_petrarch, ImportOptions, ImportReport, Skipped};
pub use resolve::ActorResolver;
