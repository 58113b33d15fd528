//! Places below the state (`data/places.txt`) and unnamed groups (`data/groups.txt`): the
//! actors a sentence names without a state ("shelled *Kharkiv*", "killed 12 *civilians* in
//! Idlib"), which the actor stage leaves without a mention.

use std::collections::HashMap;
use std::sync::OnceLock;

use chronicle_core::{Document, Token};

use crate::error::DataError;
use crate::lexicon::EMBASSY_WORDS;

const PLACES: &str = include_str!("../data/places.txt");
const GROUPS: &str = include_str!("../data/groups.txt");

/// Words that may follow a place name inside its phrase ("Idlib *province*").
const PLACE_WORDS: &[&str] = &[
    "province",
    "region",
    "state",
    "oblast",
    "district",
    "governorate",
    "city",
    "county",
    "area",
    "valley",
    "camp",
    "strip",
];

/// Prepositions after a group that say where it is ("protesters *in* Lima", "the mayor *of*
/// Istanbul").
const WHERE: &[&str] = &[
    "in",
    "near",
    "from",
    "of",
    "across",
    "outside",
    "inside",
    "at",
    "around",
    "throughout",
];

/// Prepositions that make an actor a place in the sentence ("killed 20 villagers *in* Niger").
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "around",
    "at",
];

/// Words skipped between a preposition and its place ("in *northern* Syria").
const PLACE_MODIFIERS: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "occupied",
    "rebel-held",
    "government-held",
    "besieged",
    "own",
];

/// Most implicit actors looked at in one sentence.
const MAX_IMPLICIT: usize = 24;

const WATERS: &[&str] = &["gulf", "sea", "bay", "strait", "straits", "coast"];

/// Nouns after which a group word is a modifier ("*military* aid", "*police* station").
const MODIFIED_NOUNS: &[&str] = &[
    "rule",
    "'s",
    "’s",
    "station",
    "stations",
    "force",
    "aid",
    "assistance",
    "drills",
    "drill",
    "exercise",
    "exercises",
    "operation",
    "operations",
    "action",
    "cooperation",
    "ties",
    "support",
    "spending",
    "equipment",
    "base",
    "bases",
    "chief",
    "chiefs",
    "commander",
    "commanders",
    "leader",
    "leaders",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "court",
    "courts",
    "vehicle",
    "vehicles",
    "convoy",
    "checkpoint",
    "checkpoints",
    "post",
    "posts",
    "camp",
    "camps",
    "position",
    "positions",
    "target",
    "targets",
    "facility",
    "facilities",
    "site",
    "sites",
    "headquarters",
    "building",
    "buildings",
    "presence",
    "budget",
    "personnel",
    "unit",
    "units",
    "officer",
    "officers",
    "deal",
    "agreement",
    "talks",
    "pact",
    "buildup",
    "build-up",
    "parade",
    "junta",
    "rule",
    "regime",
    "coup",
    "crackdown",
    "ministry",
    "minister",
    "academy",
    "hospital",
    "plane",
    "aircraft",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "intelligence",
    "reform",
    "reforms",
];

/// One multi-word name and what it stands for (a country code or an agent code).
#[derive(Debug, Clone)]
struct Entry {
    words: Vec<String>,
    code: String,
    /// Written `+word`: an actor only right after a nationality ("Israeli *strikes*").
    nationality_only: bool,
}

/// The place and group tables, indexed by first word.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Keyed by the exact first token (place names are capitalised).
    places: HashMap<String, Vec<Entry>>,
    /// Keyed by the lower-cased first token.
    groups: HashMap<String, Vec<Entry>>,
}

/// What an implicit actor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ImplicitKind {
    /// A place: stands for its country.
    Place,
    /// An unnamed group with its agent code (`OPP`, `CVL`, `REB`, …).
    Group(String),
    /// A state referred to by description ("the West African country").
    State,
}

/// An actor the sentence names without a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Implicit {
    pub start: usize,
    pub end: usize,
    pub kind: ImplicitKind,
    /// The state: a place's own; a group's from the sentence, if it says.
    pub country: Option<String>,
    /// Only an actor with a nationality before it ("Israeli *strikes*").
    pub nationality_only: bool,
    /// The second state of a plural description ("both *countries*"), joined to the actor
    /// right before it.
    pub continues_plural: bool,
}

impl Gazetteer {
    /// The embedded tables, parsed once per process.
    pub fn builtin() -> &'static Gazetteer {
        static BUILT: OnceLock<Gazetteer> = OnceLock::new();
        BUILT.get_or_init(|| {
            Gazetteer::parse(PLACES, GROUPS).expect("embedded places.txt and groups.txt are valid")
        })
    }

    pub fn parse(places: &str, groups: &str) -> Result<Gazetteer, DataError> {
        let mut g = Gazetteer::default();
        for (code, words) in table(places, "places.txt")? {
            let key = words[0].clone();
            g.places.entry(key).or_default().push(Entry {
                words,
                code,
                nationality_only: false,
            });
        }
        for (code, words) in table(groups, "groups.txt")? {
            let nationality_only = words[0].starts_with('+');
            let words: Vec<String> = words
                .iter()
                .map(|w| w.trim_start_matches('+').to_lowercase())
                .collect();
            let key = words[0].clone();
            g.groups.entry(key).or_default().push(Entry {
                words,
                code,
                nationality_only,
            });
        }
        // Longest names first, so "North Waziristan" wins over a shorter entry.
        for list in g.places.values_mut().chain(g.groups.values_mut()) {
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Ok(g)
    }

    /// The implicit actors of a sentence, outside the `covered` tokens (the mentions').
    /// `mention_country` gives the country of the mention covering a token, for the groups'
    /// "in X" and "its" context.
    pub fn implicit_actors(
        &self,
        tokens: &[Token],
        lower: &[String],
        covered: &[Option<Option<&str>>],
    ) -> Vec<Implicit> {
        let mut out: Vec<Implicit> = Vec::new();
        let mut i = 0;
        // A cap keeps the context search linear on lists and scraped tables.
        while i < tokens.len() && out.len() < MAX_IMPLICIT {
            if covered[i].is_some() {
                i += 1;
                continue;
            }
            if let Some(found) = self
                .place_at(tokens, lower, covered, i)
                .or_else(|| self.group_at(tokens, lower, covered, i))
            {
                i = found.end;
                out.push(found);
            } else {
                i += 1;
            }
        }
        // Only groups need the sentence's context.
        if out.iter().all(|a| a.kind == ImplicitKind::Place) {
            return out;
        }
        let mut countries: Vec<Option<&str>> = covered.iter().map(|c| c.flatten()).collect();
        for a in out.iter().filter(|a| a.kind == ImplicitKind::Place) {
            for slot in &mut countries[a.start..a.end] {
                *slot = a.country.as_deref();
            }
        }
        let starts: Vec<bool> = (0..tokens.len())
            .map(|t| {
                countries[t].is_some()
                    && (t == 0 || countries[t - 1].is_none() || is_separator(lower, t - 1))
            })
            .collect();
        let mut is_place = vec![false; tokens.len()];
        for a in out.iter().filter(|a| a.kind == ImplicitKind::Place) {
            is_place[a.start..a.end].iter_mut().for_each(|p| *p = true);
        }
        let resolved: Vec<Option<String>> = out
            .iter()
            .map(|a| match a.kind {
                ImplicitKind::Place | ImplicitKind::State => a.country.clone(),
                ImplicitKind::Group(_) => group_country(lower, &countries, &starts, &is_place, a),
            })
            .collect();
        for (a, country) in out.iter_mut().zip(resolved) {
            a.country = country;
        }
        out
    }

    fn place_at(
        &self,
        tokens: &[Token],
        lower: &[String],
        covered: &[Option<Option<&str>>],
        i: usize,
    ) -> Option<Implicit> {
        // "the Gulf *of Aden*", "the Sea of Azov": waters, not the place.
        if i >= 2 && lower[i - 1] == "of" && WATERS.contains(&lower[i - 2].as_str()) {
            return None;
        }
        let entries = self.places.get(tokens[i].text.as_str())?;
        let entry = entries
            .iter()
            .find(|e| matches_at(e, i, covered, |k| tokens[k].text.as_str()))?;
        let mut end = i + entry.words.len();
        if end < tokens.len()
            && covered[end].is_none()
            && PLACE_WORDS.contains(&lower[end].as_str())
        {
            end += 1;
        }
        Some(Implicit {
            start: i,
            end,
            kind: ImplicitKind::Place,
            country: Some(entry.code.clone()),
            nationality_only: false,
            continues_plural: false,
        })
    }

    fn group_at(
        &self,
        tokens: &[Token],
        lower: &[String],
        covered: &[Option<Option<&str>>],
        i: usize,
    ) -> Option<Implicit> {
        // "the Popular Mobilization *Forces*": a capital inside a sentence is part of a name.
        let capitalised = |k: usize| {
            tokens[k]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        if i > 0 && capitalised(i) && (capitalised(i - 1) || lower[i - 1] == "of") {
            return None;
        }
        // "the law *forces* companies to …": a verb, not the military.
        if matches!(tokens[i].upos.as_str(), "VERB" | "AUX") {
            return None;
        }
        let entries = self.groups.get(lower[i].as_str())?;
        let entry = entries
            .iter()
            .find(|e| matches_at(e, i, covered, |k| lower[k].as_str()))?;
        let end = i + entry.words.len();
        // "the *people's* will", "*military* force": a modifier of another noun.
        let modifier = matches!(tokens[i].deprel.as_str(), "amod" | "compound")
            && tokens[i].head.is_some_and(|h| h >= end);
        // "condemned *the military's* action": the institution itself owns the act.
        let institution_owner = i > 0
            && lower[i - 1] == "the"
            && matches!(entry.code.as_str(), "MIL" | "COP")
            && lower
                .get(end)
                .is_some_and(|w| matches!(w.as_str(), "'s" | "’s"));
        if modifier
            || (!institution_owner && MODIFIED_NOUNS.contains(&noun_after(tokens, lower, end)))
        {
            return None;
        }
        Some(Implicit {
            start: i,
            end,
            kind: ImplicitKind::Group(entry.code.clone()),
            country: None,
            nationality_only: entry.nationality_only,
            continues_plural: false,
        })
    }
}

/// The word a group word at `end` may modify, past adjectives coordinated with it: "a return
/// to *civilian, democratic rule*". Empty at the end of the sentence.
fn noun_after<'a>(tokens: &[Token], lower: &'a [String], end: usize) -> &'a str {
    let mut k = end;
    // ("… killed two soldiers, *officials* said": a comma leads on only to an adjective.)
    let adjective = |k: usize| tokens.get(k).is_some_and(|t| t.upos == "ADJ");
    while k < end + 3
        && k + 1 < tokens.len()
        && (adjective(k) || (matches!(lower[k].as_str(), "," | "and") && adjective(k + 1)))
    {
        k += 1;
    }
    lower.get(k).map_or("", String::as_str)
}

fn is_separator(lower: &[String], i: usize) -> bool {
    matches!(lower[i].as_str(), "," | "and" | "or")
}

fn matches_at<'t>(
    entry: &Entry,
    i: usize,
    covered: &[Option<Option<&str>>],
    word: impl Fn(usize) -> &'t str,
) -> bool {
    let n = entry.words.len();
    i + n <= covered.len()
        && (0..n).all(|k| covered[i + k].is_none() && word(i + k) == entry.words[k])
}

/// A group's country: "its/their" → the nearest named side before; a place right after
/// ("protesters in Lima"); else the one place the sentence locates things in.
fn group_country(
    lower: &[String],
    countries: &[Option<&str>],
    starts: &[bool],
    is_place: &[bool],
    group: &Implicit,
) -> Option<String> {
    let before = group.start.checked_sub(1);
    let possessive = before
        .map(|b| {
            let mut k = b;
            while k > 0 && PLACE_MODIFIERS.contains(&lower[k].as_str()) {
                k -= 1;
            }
            k
        })
        .filter(|&k| matches!(lower[k].as_str(), "its" | "their"));
    if let Some(p) = possessive {
        return (0..p).rev().find_map(|t| countries[t].map(str::to_owned));
    }
    // "Japan's prime minister"
    if let Some(b) = before.filter(|&b| b > 0 && matches!(lower[b].as_str(), "'s" | "’s")) {
        if let Some(c) = countries[b - 1] {
            return Some(c.to_owned());
        }
    }
    // "Indian Air Force *jets*": a group word right after an actor's name is that actor's.
    if let Some(c) = before
        .filter(|&b| !is_separator(lower, b))
        .and_then(|b| countries[b])
    {
        return Some(c.to_owned());
    }
    if let Some(c) = place_after_preposition(lower, countries, group.end, WHERE) {
        return Some(c);
    }
    // "*In Kinshasa*, protesters attacked …": a fronted place frames the whole sentence.
    let fronted_comma = lower.iter().take(6).any(|w| w == ",");
    if let Some(c) = place_after_preposition(lower, countries, 0, &["in"]).filter(|_| fronted_comma)
    {
        return Some(c);
    }
    // The nearest located place, after the group first ("killed 20 villagers in Niger").
    // "near the Ukrainian *border*" is no place in Ukraine.
    let at_border = |t: usize| {
        (t..lower.len())
            .find(|&k| countries[k].is_none())
            .is_some_and(|k| matches!(lower[k].as_str(), "border" | "frontier" | "borders"))
    };
    // "gathered outside the *Japanese* embassy in Seoul": the embassy's state is not where
    // the crowd is.
    let embassy = |k: usize| EMBASSY_WORDS.contains(&lower[k].as_str());
    let at_embassy = |t: usize| {
        let mut k = t;
        while k < lower.len() && countries[k].is_some() && !embassy(k) {
            k += 1;
        }
        k < lower.len() && embassy(k)
    };
    let located = |t: usize| {
        starts[t] && t > 0 && !at_border(t) && !at_embassy(t) && {
            let mut k = t - 1;
            while k > 0 && PLACE_MODIFIERS.contains(&lower[k].as_str()) {
                k -= 1;
            }
            // "flew into exile *in Nigeria*": where a leader fled to, not where things happen.
            LOCATIVE.contains(&lower[k].as_str())
                && !(k > 0 && matches!(lower[k - 1].as_str(), "exile" | "asylum" | "refuge"))
        }
    };
    // "released journalist X, … a hitman serving a sentence *in Germany*": a place far off
    // in the sentence locates something else.
    let near =
        |t: usize| t + MAX_PLACE_DISTANCE >= group.start && t <= group.end + MAX_PLACE_DISTANCE;
    let nearest = |keep: &dyn Fn(usize) -> bool| {
        (group.end..lower.len())
            .chain((0..group.start).rev())
            .filter(|&t| near(t))
            .find(|&t| keep(t))
            .and_then(|t| countries[t].map(str::to_owned))
    };
    // Else a place named anywhere ("shelled *Kharkiv*, killing two civilians"); else, for a
    // state's forces, the one state the sentence names ("*Army* jets struck RSF positions").
    let state_force =
        matches!(&group.kind, ImplicitKind::Group(agent) if agent == "MIL" || agent == "COP");
    nearest(&located)
        .or_else(|| nearest(&|t| starts[t] && is_place[t] && !at_embassy(t)))
        .or_else(|| only_country(countries).filter(|_| state_force))
}

/// How many tokens from a group a place may be and still say where the group is.
const MAX_PLACE_DISTANCE: usize = 25;

/// The country of every actor the sentence names, when they all share one.
fn only_country(countries: &[Option<&str>]) -> Option<String> {
    let mut named = countries.iter().flatten();
    let first = named.next()?;
    named.all(|c| c == first).then(|| (*first).to_owned())
}

/// The country of a place that `preps` opens right at `at` ("in northern Syria").
fn place_after_preposition(
    lower: &[String],
    countries: &[Option<&str>],
    at: usize,
    preps: &[&str],
) -> Option<String> {
    if at >= lower.len() || !preps.contains(&lower[at].as_str()) {
        return None;
    }
    let mut k = at + 1;
    while k < lower.len() && countries[k].is_none() && PLACE_MODIFIERS.contains(&lower[k].as_str())
    {
        k += 1;
    }
    countries.get(k).copied().flatten().map(str::to_owned)
}

/// `code | names` lines.
fn table(text: &str, name: &'static str) -> Result<Vec<(String, Vec<String>)>, DataError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, names)) = line.split_once('|') else {
            return Err(DataError::at(name, n + 1, "expected `code | names`"));
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(DataError::at(name, n + 1, format!("bad code {code:?}")));
        }
        for phrase in names.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let words: Vec<String> = phrase.split_whitespace().map(str::to_owned).collect();
            out.push((code.to_owned(), words));
        }
    }
    Ok(out)
}

/// The tokens of `doc`'s sentence `index` covered by a mention, with the mention's country.
pub(crate) fn covered_by_mentions<'d>(
    doc: &'d Document,
    spans: &[(usize, usize, usize)],
    n_tokens: usize,
) -> Vec<Option<Option<&'d str>>> {
    let mut covered = vec![None; n_tokens];
    for &(start, end, mention) in spans {
        let country = doc.mentions[mention].actor.country.as_deref();
        for slot in &mut covered[start..end.min(n_tokens)] {
            *slot = Some(country);
        }
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> (Vec<Token>, Vec<String>) {
        let toks: Vec<Token> = text
            .split_whitespace()
            .map(|w| Token {
                text: w.to_owned(),
                ..Default::default()
            })
            .collect();
        let lower = toks.iter().map(|t| t.text.to_lowercase()).collect();
        (toks, lower)
    }

    #[test]
    fn places_and_groups_take_their_country_from_the_sentence() {
        let g = Gazetteer::builtin();
        let (toks, lower) = tokens("Israeli jets killed 12 civilians in Idlib province on Sunday");
        let mut covered = vec![None; toks.len()];
        covered[0] = Some(Some("ISR"));
        let found = g.implicit_actors(&toks, &lower, &covered);
        let civilians = found.iter().find(|a| a.start == 4).expect("civilians");
        assert_eq!(civilians.kind, ImplicitKind::Group("CVL".into()));
        assert_eq!(civilians.country.as_deref(), Some("SYR"));
        let idlib = found.iter().find(|a| a.start == 6).expect("Idlib");
        assert_eq!((idlib.end, idlib.country.as_deref()), (8, Some("SYR")));
    }

    #[test]
    fn a_group_without_a_place_has_no_country() {
        let g = Gazetteer::builtin();
        let (toks, lower) = tokens("Police arrested dozens of protesters on Monday");
        let found = g.implicit_actors(&toks, &lower, &vec![None; toks.len()]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|a| a.country.is_none()));
    }

    #[test]
    fn its_points_back_to_the_named_side() {
        let g = Gazetteer::builtin();
        let (toks, lower) = tokens("Turkey said its forces had killed 15 militants");
        let mut covered = vec![None; toks.len()];
        covered[0] = Some(Some("TUR"));
        let found = g.implicit_actors(&toks, &lower, &covered);
        assert_eq!(found[0].country.as_deref(), Some("TUR"));
        assert_eq!(found[1].country, None);
    }

    #[test]
    fn malformed_lines_are_reported() {
        assert!(Gazetteer::parse("UKR Kharkiv\n", "").is_err());
        assert!(Gazetteer::parse("", "cvl | civilians\n").is_err());
    }
}
