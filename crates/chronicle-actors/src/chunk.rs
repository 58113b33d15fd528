//! Dictionary matching over one sentence's tokens and grouping of the matches into actor
//! noun phrases ("China's deputy UN ambassador", "Russian Foreign Minister Sergei Lavrov").

use chronicle_core::{ActorCode, Token};

use crate::kb::{Entry, KnowledgeBase};
use crate::text::{
    is_capitalised_content_word, is_capitalised_non_name, looks_like_name_word, normalise,
};

/// Looks up a name remembered earlier in the article: its code and the official, if known.
pub(crate) type KnownNames<'a> = dyn Fn(&str) -> Option<(ActorCode, Option<usize>)> + 'a;

/// A token or dictionary phrase of the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub kind: ItemKind,
    /// Written "ex-…"/"former-…": the phrase names someone out of office.
    pub former: bool,
    /// Bytes of the first token before the phrase ("U.S.-" in "U.S.-North Korea").
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ItemKind {
    Entry(Entry),
    /// A short name ("Lavrov") of one or more officials.
    Shorts(Vec<usize>),
    /// A name met earlier in the article with a known code.
    Known {
        code: ActorCode,
        person: Option<usize>,
    },
    /// A capitalised word that may be part of an unknown personal name.
    Name,
    /// 's or a bare possessive apostrophe.
    Poss,
    /// the / a / an
    Det,
    /// , and or &
    Conj,
    /// for / to / of after a role.
    Prep(Prep),
    /// he / she
    Pronoun,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prep {
    For,
    To,
    Of,
    /// "officials from the U.S.": like "of", the role's own country.
    From,
}

impl Item {
    pub fn entry(&self) -> Option<&Entry> {
        match &self.kind {
            ItemKind::Entry(e) => Some(e),
            _ => None,
        }
    }

    /// Names an actor by itself or as part of a phrase.
    pub fn is_actor(&self) -> bool {
        match &self.kind {
            ItemKind::Entry(e) => !matches!(e, Entry::Modifier { .. } | Entry::NonActor),
            ItemKind::Shorts(_) | ItemKind::Known { .. } => true,
            _ => false,
        }
    }

    pub fn is_modifier(&self) -> bool {
        matches!(self.kind, ItemKind::Entry(Entry::Modifier { .. }))
    }

    /// A personal name: known official, short name, remembered name or unknown name word.
    pub fn is_name(&self) -> bool {
        matches!(
            self.kind,
            ItemKind::Entry(Entry::Person(_))
                | ItemKind::Shorts(_)
                | ItemKind::Known { .. }
                | ItemKind::Name
        )
    }

    pub fn role(&self) -> Option<usize> {
        match self.kind {
            ItemKind::Entry(Entry::Role(r)) => Some(r),
            _ => None,
        }
    }

    /// Can carry the possessive 's inside a phrase ("North Korea's", "Trump's").
    fn takes_possessive(&self) -> bool {
        match &self.kind {
            ItemKind::Entry(e) => matches!(
                e,
                Entry::Country(_) | Entry::Capital(_) | Entry::Org(_) | Entry::Person(_)
            ),
            ItemKind::Shorts(_) | ItemKind::Known { .. } | ItemKind::Name => true,
            _ => false,
        }
    }
}

/// The sentence's tokens prepared for lookup.
pub(crate) struct Words<'a> {
    pub tokens: &'a [Token],
    /// Text used for capitalisation checks (without an "ex-"/"then-" prefix).
    pub surface: Vec<&'a str>,
    pub ids: Vec<Option<u32>>,
    pub former: Vec<bool>,
    /// Title-case headlines ("US Envoy Urges North Korea …") make every word look like a name.
    pub headline: bool,
    /// Shouted text: upper case says nothing about acronyms ("WHO", "US").
    pub all_caps: bool,
}

/// Prefixes glued to a title: "ex-President", "then-Secretary".
fn split_prefix(text: &str) -> (&str, bool) {
    let lower = text.to_ascii_lowercase();
    for (prefix, former) in [("ex-", true), ("former-", true), ("then-", false)] {
        if lower.starts_with(prefix) && text.len() > prefix.len() {
            return (&text[prefix.len()..], former);
        }
    }
    (text, false)
}

/// Most words in capitals ("I HATE THIS PLACE, WHO CARES").
fn is_all_caps(tokens: &[Token]) -> bool {
    let words = tokens
        .iter()
        .filter(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let (mut upper, mut total) = (0, 0);
    for t in words {
        total += 1;
        if t.text
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
        {
            upper += 1;
        }
    }
    total >= 3 && upper * 4 >= total * 3
}

/// Acronyms that spell an English word ("WHO", "US"), unreliable in all-caps text.
fn is_word_acronym(text: &str) -> bool {
    matches!(text, "WHO" | "US" | "AU" | "IT" | "AT" | "ON" | "AS")
}

/// A title-case line without final punctuation ("US Envoy Urges North Korea to Improve
/// Relations With South").
fn is_headline(tokens: &[Token]) -> bool {
    let ends_like_prose = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.text.as_str(), "\"" | "”" | "’" | "'" | "''" | ")"))
        .is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?" | "…") || t.text.ends_with('.'));
    !ends_like_prose && title_case(tokens)
}

fn title_case(tokens: &[Token]) -> bool {
    const SMALL: &[&str] = &[
        "to", "for", "of", "the", "a", "an", "and", "or", "in", "on", "at", "with", "by", "be",
        "is", "as",
    ];
    let (mut caps, mut words) = (0, 0);
    for t in tokens {
        let Some(first) = t.text.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() || SMALL.contains(&t.text.to_lowercase().as_str()) {
            continue;
        }
        words += 1;
        if first.is_uppercase() {
            caps += 1;
        }
    }
    words >= 4 && caps * 5 >= words * 4
}

impl<'a> Words<'a> {
    pub fn new(kb: &KnowledgeBase, tokens: &'a [Token]) -> Self {
        let mut surface = Vec::with_capacity(tokens.len());
        let mut ids = Vec::with_capacity(tokens.len());
        let mut former = Vec::with_capacity(tokens.len());
        for t in tokens {
            let (rest, f) = split_prefix(&t.text);
            surface.push(rest);
            ids.push(kb.lexicon.word_id(&normalise(rest)));
            former.push(f);
        }
        Words {
            tokens,
            surface,
            ids,
            former,
            headline: is_headline(tokens),
            all_caps: is_all_caps(tokens),
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    fn lower(&self, i: usize) -> String {
        normalise(&self.tokens[i].text)
    }

    /// Does a capitalised name word follow token `i`?
    pub fn name_follows(&self, i: usize) -> bool {
        self.tokens
            .get(i + 1)
            .is_some_and(|t| looks_like_name_word(&t.text))
    }
}

/// Longest-match dictionary lookup over the sentence, then one item per token elsewhere.
/// `known` looks up names remembered from earlier in the article.
pub(crate) fn items(kb: &KnowledgeBase, words: &Words<'_>, known: &KnownNames<'_>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        // "Ukraine's *pro-Russian* separatists": a stance is never looked up as an actor
        // (`plain_kind` makes it a modifier).
        let found = if is_stance(&words.tokens[i].text) {
            None
        } else {
            dictionary_item(kb, words, i)
                .map(|item| short_name_or_known(item, words, i, known))
                .or_else(|| flag_item(kb, words, i))
                .or_else(|| ship_item(kb, words, i))
                .or_else(|| hyphen_item(kb, words, i))
                .or_else(|| dual_national_item(kb, words, i))
                .or_else(|| known_name(words, i, known))
        };
        if let Some(mut item) = found {
            if item.end == i + 1 {
                if let Some(rank) = lower_case_rank(kb, words, i, out.last()) {
                    item.kind = rank;
                }
            }
            // "Jimmy Lai" is not "Lai" the president: a short name after another name word
            // belongs to a different full name.
            let single_name = matches!(item.kind, ItemKind::Shorts(_))
                || matches!(item.kind, ItemKind::Known { .. }) && item.end - item.start == 1;
            if single_name && out.last().is_some_and(|prev| prev.kind == ItemKind::Name) {
                item.kind = ItemKind::Name;
            }
            i = item.end;
            out.push(item);
            continue;
        }
        let kind =
            lower_case_rank(kb, words, i, out.last()).unwrap_or_else(|| plain_kind(words, i));
        out.push(Item {
            start: i,
            end: i + 1,
            kind,
            former: false,
            offset: 0,
        });
        i += 1;
    }
    out
}

fn dictionary_item(kb: &KnowledgeBase, words: &Words<'_>, i: usize) -> Option<Item> {
    for (len, terminals) in kb.lexicon.matches_at(&words.ids, i) {
        let surface = &words.surface[i..i + len];
        let accepted: Vec<&Entry> = kb.ranked(
            terminals
                .iter()
                .filter(|t| t.accepts(surface))
                .map(|t| &t.value),
        );
        let Some(best) = accepted.first() else {
            continue;
        };
        if words.all_caps && len == 1 && is_word_acronym(&words.tokens[i].text) {
            continue;
        }
        let end = i + len;
        let kind = match best {
            Entry::Short(_) => {
                // "Trump Tower", "Kim Bum-soo": a short name followed by another name word is
                // someone or something else.
                if words.name_follows(end - 1) {
                    continue;
                }
                let ids = accepted
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Short(p) => Some(*p),
                        _ => None,
                    })
                    .collect();
                ItemKind::Shorts(ids)
            }
            // A person's full name is only a name when not followed by more name words.
            Entry::Person(_) if words.name_follows(end - 1) => continue,
            e => ItemKind::Entry((*e).clone()),
        };
        return Some(Item {
            start: i,
            end,
            kind,
            former: words.former[i],
            offset: 0,
        });
    }
    None
}

/// Group nouns a "X-led" modifier makes X's: "Hamas-led militants", "the Saudi-led coalition".
const LED_GROUPS: &[&str] = &[
    "militants",
    "fighters",
    "rebels",
    "forces",
    "coalition",
    "alliance",
    "mission",
    "troops",
    "militias",
    "militia",
    "insurgents",
    "force",
    "bloc",
    "government",
    "administration",
    "police",
    "operation",
    "offensive",
    "blockade",
    "gunmen",
];

/// "a British-flagged tanker", "a Cook Islands-flagged ship": a ship's flag state is an
/// actor (a seized ship is coded against it); so is the leader in "Hamas-led militants" and
/// "the Saudi-led coalition" (the group acts for it). Other hyphenated modifiers are not
/// ("Washington-based", "a U.S.-brokered deal").
fn flag_item(kb: &KnowledgeBase, words: &Words<'_>, i: usize) -> Option<Item> {
    let leads = |t: usize| {
        words.tokens[t].text.to_lowercase().ends_with("-led")
            && words
                .tokens
                .get(t + 1)
                .is_some_and(|n| LED_GROUPS.contains(&n.text.to_lowercase().as_str()))
    };
    let flag = |t: usize| {
        let (state, rest) = words.tokens.get(t)?.text.rsplit_once('-')?;
        let flagged = matches!(rest.to_lowercase().as_str(), "flagged" | "registered") || leads(t);
        (flagged && !state.is_empty()).then_some(state)
    };
    // The state's name: this token's prefix, or this word and the next token's prefix.
    let (surface, end) = match flag(i) {
        Some(state) => (vec![state], i + 1),
        None => (vec![words.tokens[i].text.as_str(), flag(i + 1)?], i + 2),
    };
    let led = leads(end - 1);
    let ids: Vec<_> = surface
        .iter()
        .map(|w| kb.lexicon.word_id(&normalise(w)))
        .collect();
    kb.lexicon
        .matches_at(&ids, 0)
        .into_iter()
        .filter(|(len, _)| *len == surface.len())
        .find_map(|(_, terminals)| {
            kb.ranked(
                terminals
                    .iter()
                    .filter(|t| t.accepts(&surface))
                    .map(|t| &t.value),
            )
            .into_iter()
            .find(|e| {
                matches!(e, Entry::Country(_) | Entry::Demonym { .. })
                    || led && matches!(e, Entry::Org(_))
            })
            .cloned()
        })
        .map(|entry| Item {
            start: i,
            end,
            kind: ItemKind::Entry(entry),
            former: false,
            offset: 0,
        })
}

/// Naval ship prefixes and the state whose navy uses them (public naming conventions).
/// Prefixes that are also common words or other services' acronyms in wire text ("ITS",
/// "FS", "JS", "KD") are left out.
const SHIP_PREFIXES: &[(&str, &str)] = &[
    ("USS", "USA"),
    ("USNS", "USA"),
    ("USCGC", "USA"),
    ("HMS", "GBR"),
    ("HMAS", "AUS"),
    ("HMCS", "CAN"),
    ("HMNZS", "NZL"),
    ("INS", "IND"),
    ("BRP", "PHL"),
    ("ROKS", "KOR"),
    ("TCG", "TUR"),
    ("ARA", "ARG"),
    ("PNS", "PAK"),
    ("HNLMS", "NLD"),
    ("HDMS", "DNK"),
    ("HSwMS", "SWE"),
    ("KRI", "IDN"),
    ("RSS", "SGP"),
    ("HTMS", "THA"),
    ("BNS", "BGD"),
];

/// "the frigate HMS Cornwall", "BRP Sierra Madre": a ship named with its navy's prefix is
/// that state's military, so its crew and the ship itself are coded (as "a British
/// warship" is).
fn ship_item(kb: &KnowledgeBase, words: &Words<'_>, i: usize) -> Option<Item> {
    let prefix = words.tokens[i].text.as_str();
    let &(_, state) = SHIP_PREFIXES.iter().find(|(p, _)| *p == prefix)?;
    if words.all_caps || !words.name_follows(i) {
        return None;
    }
    // "INS Commissioner Doris Meissner": a title after the letters makes them an agency.
    let titled = kb
        .lexicon
        .matches_at(&words.ids, i + 1)
        .iter()
        .any(|(_, terminals)| terminals.iter().any(|t| matches!(t.value, Entry::Role(_))));
    if titled {
        return None;
    }
    let mut end = i + 2;
    while end < (i + 4).min(words.len()) && looks_like_name_word(&words.tokens[end].text) {
        end += 1;
    }
    Some(Item {
        start: i,
        end,
        kind: ItemKind::Entry(Entry::Org(ActorCode::new(Some(state), Some("MIL"), ""))),
        former: false,
        offset: 0,
    })
}

/// "pro-Russian", "anti-Western", "pro-government": a stance towards something.
fn is_stance(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["pro-", "anti-"]
        .iter()
        .any(|p| lower.len() > p.len() && lower.starts_with(p))
}

/// People said to hold two nationalities, as the first is always the foreign one in the
/// reports that name them.
const DUAL_NATIONALS: &[&str] = &[
    "national",
    "nationals",
    "citizen",
    "citizens",
    "worker",
    "journalist",
    "academic",
    "businessman",
    "businesswoman",
    "woman",
    "man",
    "researcher",
    "activist",
    "scholar",
    "student",
    "tourist",
    "mother",
    "father",
    "engineer",
    "prisoner",
    "detainee",
    "resident",
    "dissident",
    "lawyer",
    "writer",
    "environmentalist",
    "analyst",
    "consultant",
];

/// "the *British-Iranian* aid worker", "a *German-Iranian* dual national": a person of two
/// nationalities is named by the first (the state that speaks for them abroad); a pair of
/// demonyms before anything else ("Israeli-Palestinian talks") is no actor.
fn dual_national_item(kb: &KnowledgeBase, words: &Words<'_>, i: usize) -> Option<Item> {
    let (first, second) = words.tokens[i].text.split_once('-')?;
    let demonym = |w: &str| {
        let ids = [kb.lexicon.word_id(&normalise(w))];
        kb.lexicon
            .matches_at(&ids, 0)
            .into_iter()
            .filter(|(len, _)| *len == 1)
            .flat_map(|(_, terminals)| terminals.iter().filter(|t| t.accepts(&[w])))
            .find_map(|t| matches!(t.value, Entry::Demonym { .. }).then(|| t.value.clone()))
    };
    let person = (i + 1..(i + 4).min(words.len()))
        .any(|k| DUAL_NATIONALS.contains(&words.lower(k).as_str()));
    if !person || demonym(second).is_none() {
        return None;
    }
    demonym(first).map(|entry| Item {
        start: i,
        end: i + 1,
        kind: ItemKind::Entry(entry),
        former: false,
        offset: 0,
    })
}

/// "U.S.-North Korea talks": a place name that starts inside a hyphenated token and runs on
/// into the next ones, so that "Korea" alone is not read as South Korea.
fn hyphen_item(kb: &KnowledgeBase, words: &Words<'_>, i: usize) -> Option<Item> {
    const LOOKAHEAD: usize = 6;
    let text = words.tokens[i].text.as_str();
    let cut = text.rfind('-')? + 1;
    let suffix = &text[cut..];
    if suffix.is_empty() || cut < 2 || i + 1 >= words.len() {
        return None;
    }
    let mut ids = vec![kb.lexicon.word_id(&normalise(suffix))];
    ids.extend(words.ids[i + 1..].iter().take(LOOKAHEAD));
    let mut surface = vec![suffix];
    surface.extend(words.surface[i + 1..].iter().take(LOOKAHEAD));
    for (len, terminals) in kb.lexicon.matches_at(&ids, 0) {
        if len < 2 {
            continue;
        }
        let accepted = kb.ranked(
            terminals
                .iter()
                .filter(|t| t.accepts(&surface[..len]))
                .map(|t| &t.value),
        );
        let place = accepted.into_iter().find(|e| {
            matches!(
                e,
                Entry::Country(_) | Entry::Demonym { .. } | Entry::Org(_) | Entry::NonActor
            )
        });
        if let Some(entry) = place {
            return Some(Item {
                start: i,
                end: i + len,
                kind: ItemKind::Entry(entry.clone()),
                former: false,
                offset: cut,
            });
        }
    }
    None
}

/// "Adly Mansour was sworn in … congratulating Mr *Mansour*": a surname the article has
/// already given a full name beats the knowledge base's short name of someone else.
fn short_name_or_known(item: Item, words: &Words<'_>, i: usize, known: &KnownNames<'_>) -> Item {
    if !matches!(item.kind, ItemKind::Shorts(_)) {
        return item;
    }
    match known_name(words, i, known) {
        Some(k) if k.end >= item.end => k,
        _ => item,
    }
}

/// A name remembered from earlier in the article: the longest run of name words found.
fn known_name(words: &Words<'_>, i: usize, known: &KnownNames<'_>) -> Option<Item> {
    if !looks_like_name_word(&words.tokens[i].text) {
        return remembered_calendar_name(words, i, known);
    }
    let mut run = 1;
    while run < 4 && i + run < words.len() && looks_like_name_word(&words.tokens[i + run].text) {
        run += 1;
    }
    (1..=run).rev().find_map(|len| {
        // A single remembered surname followed by other name words is a different person.
        if len < run && len == 1 {
            return None;
        }
        let key = (i..i + len)
            .map(|k| words.lower(k))
            .collect::<Vec<_>>()
            .join(" ");
        known(&key).map(|(code, person)| Item {
            start: i,
            end: i + len,
            kind: ItemKind::Known { code, person },
            former: false,
            offset: 0,
        })
    })
}

/// "a retired Russian general said", "Iran's top general": a rank the table writes capitalised
/// (so that "general election" is no role) written in lower case after a nationality,
/// possessive or modifier, at the end of its noun phrase.
fn lower_case_rank(
    kb: &KnowledgeBase,
    words: &Words<'_>,
    i: usize,
    prev: Option<&Item>,
) -> Option<ItemKind> {
    let text = words.tokens[i].text.as_str();
    if text != "general" {
        return None;
    }
    let after_owner = prev.is_some_and(|p| {
        matches!(
            p.kind,
            ItemKind::Poss | ItemKind::Entry(Entry::Demonym { .. } | Entry::Modifier { .. })
        )
    });
    let ends_phrase = words.tokens.get(i + 1).is_none_or(|t| {
        clause_word(&t.text) || !t.text.chars().next().is_some_and(char::is_alphanumeric)
    });
    if !(after_owner && ends_phrase) {
        return None;
    }
    let (len, terminals) = kb.lexicon.matches_at(&words.ids, i).pop()?;
    let role = terminals.iter().find_map(|t| match t.value {
        Entry::Role(r) if len == 1 => Some(r),
        _ => None,
    })?;
    Some(ItemKind::Entry(Entry::Role(role)))
}

/// "Theresa May … May said": a capitalised month or function word that this article has
/// used as someone's surname, where it cannot be the calendar word (not after "in", "on",
/// "since" … and not before a number).
fn remembered_calendar_name(words: &Words<'_>, i: usize, known: &KnownNames<'_>) -> Option<Item> {
    const CALENDAR_BEFORE: &[&str] = &[
        "in", "on", "by", "since", "until", "till", "of", "from", "during", "through", "to",
        "before", "after", "early", "late", "mid", "last", "next", "this", "each", "every",
    ];
    let text = words.tokens[i].text.as_str();
    let capitalised = text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().skip(1).all(char::is_lowercase);
    if !capitalised || words.headline {
        return None;
    }
    let prev = i.checked_sub(1).map(|k| words.lower(k));
    if prev.is_some_and(|p| CALENDAR_BEFORE.contains(&p.as_str())) {
        return None;
    }
    let next = words.tokens.get(i + 1)?;
    if next.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    known(&words.lower(i)).map(|(code, person)| Item {
        start: i,
        end: i + 1,
        kind: ItemKind::Known { code, person },
        former: false,
        offset: 0,
    })
}

fn plain_kind(words: &Words<'_>, i: usize) -> ItemKind {
    let text = words.tokens[i].text.as_str();
    match normalise(text).as_str() {
        "'s" | "'" => ItemKind::Poss,
        "the" | "a" | "an" => ItemKind::Det,
        "," | "and" | "or" | "&" => ItemKind::Conj,
        "for" => ItemKind::Prep(Prep::For),
        "to" => ItemKind::Prep(Prep::To),
        "of" => ItemKind::Prep(Prep::Of),
        "from" => ItemKind::Prep(Prep::From),
        "he" | "she" => ItemKind::Pronoun,
        // "the *pro-Western* opposition": a modifier of the phrase, never its country.
        _ if is_stance(text) => ItemKind::Entry(Entry::Modifier { former: false }),
        _ if looks_like_name_word(text) => ItemKind::Name,
        _ => ItemKind::Other,
    }
}

/// One actor noun phrase: a run of items.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// Item range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Items that name a portfolio ("for North Korea"), not the actor's own country.
    pub portfolio: Vec<usize>,
    /// Preceded by "the" (not "a": "a lieutenant" is nobody in particular).
    pub definite: bool,
}

/// Groups items into actor phrases.
pub(crate) fn chunks(kb: &KnowledgeBase, words: &Words<'_>, items: &[Item]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if !(items[i].is_actor() || items[i].is_modifier()) {
            i += 1;
            continue;
        }
        let chunk = grow(kb, words, items, i);
        let next = chunk.end.max(i + 1);
        if (chunk.start..chunk.end).any(|k| items[k].is_actor() && !chunk.portfolio.contains(&k)) {
            out.push(chunk);
        }
        i = next;
    }
    out
}

/// Is the nearest earlier non-portfolio actor or name of the phrase a title ("Minister")?
fn after_title(
    kb: &KnowledgeBase,
    items: &[Item],
    start: usize,
    j: usize,
    portfolio: &[usize],
) -> bool {
    for k in (start..j).rev() {
        if portfolio.contains(&k) {
            continue;
        }
        let item = &items[k];
        if matches!(item.kind, ItemKind::Name) {
            continue;
        }
        return item.role().is_some_and(|r| kb.role_at(r).title);
    }
    false
}

fn grow(kb: &KnowledgeBase, words: &Words<'_>, items: &[Item], start: usize) -> Chunk {
    let mut portfolio = Vec::new();
    let mut names_in_run = 0;
    let mut j = start;
    while j < items.len() {
        let item = &items[j];
        let last = (start..j)
            .rev()
            .find(|k| !portfolio.contains(k))
            .map(|k| &items[k]);
        let last_is_name = last.is_some_and(Item::is_name);
        match &item.kind {
            _ if item.is_actor() => {
                // "told reporters Moscow was ready": a place after a role starts a new phrase.
                let place = matches!(
                    item.entry(),
                    Some(Entry::Country(_) | Entry::Demonym { .. } | Entry::Capital(_))
                );
                if place && last.is_some_and(|l| l.role().is_some()) {
                    break;
                }
                if last_is_name {
                    // After a name only "administration"-like words continue the phrase.
                    let after_name = item.role().is_some_and(|r| kb.role_at(r).after_name);
                    if !after_name || item.is_name() {
                        break;
                    }
                }
                if item.is_name() {
                    names_in_run += 1;
                }
            }
            _ if item.is_modifier() => {
                if last_is_name {
                    break;
                }
            }
            ItemKind::Name => {
                let continues_name = last_is_name && names_in_run > 0;
                if words.headline
                    || names_in_run >= 4
                    || !(continues_name || after_title(kb, items, start, j, &portfolio))
                {
                    break;
                }
                names_in_run += 1;
            }
            ItemKind::Poss => {
                // "North Korea's state-run television", "China's Xinhua"; but "the UN's
                // North Korea sanctions" holds two actors, not one.
                let next_fits = items.get(j + 1).is_some_and(|n| {
                    let place = matches!(
                        n.entry(),
                        Some(Entry::Country(_) | Entry::Demonym { .. } | Entry::Capital(_))
                    );
                    (n.is_actor() || n.is_modifier()) && !place
                });
                if !(last.is_some_and(Item::takes_possessive) && next_fits) {
                    break;
                }
                names_in_run = 0;
            }
            ItemKind::Prep(prep) => {
                match absorb_prep(kb, words, items, start, j, *prep, &portfolio) {
                    Some((end, absorbed)) => {
                        portfolio.extend(absorbed);
                        j = end;
                        continue;
                    }
                    None => break,
                }
            }
            _ => break,
        }
        j += 1;
    }
    // A phrase ends on an actor or a name, not on a modifier or possessive.
    while j > start
        && (matches!(items[j - 1].kind, ItemKind::Poss | ItemKind::Det)
            || items[j - 1].is_modifier())
    {
        j -= 1;
    }
    portfolio.retain(|&k| k < j);
    // "some officials" keeps its modifier; "some North Korean" and "all UN" do not.
    let mut start = start;
    let has_head = (start..j).any(|k| items[k].role().is_some() || items[k].is_name());
    while !has_head && start < j && items[start].is_modifier() {
        start += 1;
    }
    let definite = start > 0 && normalise(&words.tokens[items[start - 1].start].text) == "the";
    Chunk {
        start,
        end: j,
        portfolio,
        definite,
    }
}

/// After a role: "for North Korea (Policy) <Name>", "to the UN <Name>", "of Japan".
/// Returns the new end and the items that name a portfolio.
fn absorb_prep(
    kb: &KnowledgeBase,
    words: &Words<'_>,
    items: &[Item],
    start: usize,
    j: usize,
    prep: Prep,
    portfolio: &[usize],
) -> Option<(usize, Vec<usize>)> {
    let role_item = (start..j).rev().find(|k| !portfolio.contains(k))?;
    let last_role = items[role_item].role()?;
    let mut k = j + 1;
    if items.get(k).is_some_and(|i| i.kind == ItemKind::Det) {
        k += 1;
    }
    let target = items.get(k)?;
    match prep {
        // "its ambassador from Niger", "France's troops from Mali": an owned role comes
        // away from the place, it is not from there.
        Prep::From if has_owner(words, items, start, j) => None,
        // "despite opposition from Germany": an objection, not Germany's opposition party.
        Prep::From if normalise(&words.tokens[items[role_item].start].text) == "opposition" => None,
        Prep::Of | Prep::From => {
            // "the foreign minister of Japan", "officials from the U.S.": the country of
            // the role itself.
            let fits = matches!(
                target.entry(),
                Some(Entry::Country(_) | Entry::Capital(_) | Entry::Org(_))
            );
            // "the head of the Iraq survey group": the place modifies a later noun.
            let ends = words.tokens.get(target.end).is_none_or(|t| {
                !t.text.chars().next().is_some_and(char::is_lowercase) || clause_word(&t.text)
            });
            (fits && ends).then(|| (k + 1, (j..k).collect()))
        }
        Prep::To | Prep::For => {
            if !kb.role_at(last_role).title {
                return None;
            }
            // A run of capitalised words and connectors: the portfolio, maybe then a name.
            let mut end = k;
            while end < items.len() && portfolio_word(words, items, end) {
                end += 1;
            }
            while end > k
                && matches!(
                    items[end - 1].kind,
                    ItemKind::Conj | ItemKind::Det | ItemKind::Prep(_)
                )
            {
                end -= 1;
            }
            if end == k {
                return None;
            }
            let mut tail = (k..end).rev().take_while(|&x| items[x].is_name()).count();
            // "ambassador to the United States and Bush": a name after "and" is someone else.
            if tail > 0 && end - tail > k && items[end - tail - 1].kind == ItemKind::Conj {
                end -= tail + 1;
                tail = 0;
            }
            // "ambassador to the United Nations, said": "to" needs a name after the place.
            if prep == Prep::To && tail == 0 {
                return None;
            }
            Some((end - tail, (j..end - tail).collect()))
        }
    }
}

/// Does the phrase `items[start..j]` have an owner: a possessive pronoun before it or a
/// possessive inside it?
fn has_owner(words: &Words<'_>, items: &[Item], start: usize, j: usize) -> bool {
    let before = items[start]
        .start
        .checked_sub(1)
        .map(|t| normalise(&words.tokens[t].text));
    matches!(
        before.as_deref(),
        Some("its" | "their" | "his" | "her" | "our" | "my" | "your")
    ) || (start..j).any(|k| items[k].kind == ItemKind::Poss)
}

fn portfolio_word(words: &Words<'_>, items: &[Item], k: usize) -> bool {
    let item = &items[k];
    match &item.kind {
        ItemKind::Conj => words.tokens[item.start].text != ",",
        ItemKind::Det | ItemKind::Prep(Prep::Of) => true,
        ItemKind::Name | ItemKind::Shorts(_) | ItemKind::Known { .. } => true,
        ItemKind::Entry(Entry::Role(_) | Entry::Modifier { .. }) => {
            is_capitalised_content_word(&words.tokens[item.start].text)
        }
        ItemKind::Entry(_) => true,
        ItemKind::Other => is_capitalised_content_word(&words.tokens[item.start].text),
        _ => false,
    }
}

/// A lower-case word that can follow a complete noun phrase: a verb of saying, an auxiliary,
/// a conjunction or a preposition ("the foreign minister of Japan said …").
fn clause_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "said", "says", "told", "added", "warned", "urged", "will", "would", "has", "had", "have",
        "is", "was", "are", "were", "and", "or", "but", "on", "in", "at", "to", "for", "who",
        "which", "that", "met", "called", "visited", "arrived", "also", "did", "does", "could",
        "may", "might", "should", "can", "with", "from", "after", "before", "during",
    ];
    WORDS.contains(&word)
}

/// Is token `i` a capitalised "North"/"South" that is not part of a longer name?
pub(crate) fn bare_compass(words: &Words<'_>, i: usize) -> Option<&'static str> {
    let text = words.tokens[i].text.as_str();
    let which = match text {
        "North" => "north",
        "South" => "south",
        _ => return None,
    };
    let after_the = i > 0 && normalise(&words.tokens[i - 1].text) == "the";
    let next_is_name = words.tokens.get(i + 1).is_some_and(|t| {
        t.text.chars().next().is_some_and(char::is_uppercase) && !is_capitalised_non_name(&t.text)
    });
    (after_the && !next_is_name).then_some(which)
}
