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
//! Choices worth knowing (the tables under `data/` say more in their comments):
//! - "former"/"ex-"/"retired" phrases are coded country + `ELI`; so is a known official named
//!   after all their tenures ended ("Obama" in 2019 → `USAELI`). Before their first tenure an
//!   official gets only their country. With no article date, the most recent tenure counts.
//! - Defence ministers and ministries are `MIL`; think tanks and universities `EDU`.
//! - "Korean" alone and "Korean Peninsula" name no actor; "Korea" alone is `KOR`.
//! - "Georgia" is always the state GEO; "Turkey"/"China" need their capital letter.
//! - A role without any country ("the police said") produces no mention; an unknown name
//!   without a role or nationality is never guessed.

mod chunk;
mod code;
mod error;
mod kb;
mod lexicon;
mod memory;
mod resolve;
mod text;

pub use code::{parse_code, AGENTS};
pub use error::KbError;
pub use kb::{Country, KbSources, KbStats, KnowledgeBase, Person, PersonStatus, Role, Tenure};
pub use resolve::ActorResolver;
