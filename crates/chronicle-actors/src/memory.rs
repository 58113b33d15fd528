//! What the resolver remembers within one article: names, officials already named, the
//! Korea context, role phrases and the people a later "he"/"she" may refer to.

use std::collections::HashMap;

use chronicle_core::{ActorCode, Mention, Sentence};
use chrono::NaiveDate;

/// Countries whose people are named family name first ("Kim Jong-un" → "Kim").
const FAMILY_NAME_FIRST: &[&str] = &[
    "CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "MNG",
];

/// "Late on Wednesday, the US secretary of state, Mike Pompeo, said …": when the parse gives
/// the main verb a subject no person mention covers (here "Wednesday"), the people named
/// before that verb are its subject, if they are all one actor.
fn main_subject_misread<'m>(
    sentence: &Sentence,
    candidates: &[&'m Mention],
) -> Option<Vec<&'m Mention>> {
    let tokens = &sentence.tokens;
    let root = tokens.iter().position(|t| t.deprel == "root")?;
    let subject = tokens
        .iter()
        .position(|t| t.head == Some(root) && t.deprel.starts_with("nsubj"))?;
    let covered = |m: &&Mention| (m.tokens.0..m.tokens.1).contains(&subject);
    if candidates.iter().any(covered) {
        return None;
    }
    let before: Vec<&Mention> = candidates
        .iter()
        .copied()
        .filter(|m| m.tokens.1 <= root)
        .collect();
    let first = before.first()?;
    before
        .iter()
        .all(|m| m.actor == first.actor)
        .then_some(before)
}

/// What the resolver remembers within one article.
pub(crate) struct Article {
    pub(crate) date: Option<NaiveDate>,
    /// Normalised names ("kurt campbell", "campbell") → code, and the official if known.
    pub(crate) names: HashMap<String, (ActorCode, Option<usize>)>,
    /// The code each official got when first named in this article.
    pub(crate) person_codes: HashMap<usize, ActorCode>,
    /// Officials named in full so far, most recent last.
    pub(crate) seen_persons: Vec<usize>,
    /// A North or South Korea actor has been named: "the North"/"the South" refer to them.
    pub(crate) korea: bool,
    /// Role phrase → the one code it had in this article, `None` once it had several.
    pub(crate) roles: HashMap<String, Option<ActorCode>>,
    /// Codes of person mentions per sentence, for "he"/"she".
    pub(crate) persons_by_sentence: Vec<(usize, Vec<ActorCode>)>,
}

impl Article {
    pub(crate) fn new(date: Option<NaiveDate>) -> Self {
        Article {
            date,
            names: HashMap::new(),
            person_codes: HashMap::new(),
            seen_persons: Vec::new(),
            korea: false,
            roles: HashMap::new(),
            persons_by_sentence: Vec::new(),
        }
    }

    pub(crate) fn after_sentence(&mut self, sentence: &Sentence, found: &[Mention]) {
        let candidates: Vec<&Mention> = found.iter().filter(|m| m.names_one_person()).collect();
        // With a parse, only the grammatical subjects are antecedents of a following "he".
        let is_subject = |m: &&Mention| {
            sentence
                .tokens
                .get(m.head)
                .is_some_and(|t| t.deprel.starts_with("nsubj"))
        };
        let mut subjects: Vec<&Mention> = candidates.iter().copied().filter(is_subject).collect();
        // Without a parse, a person phrase opening the sentence is taken as its subject
        // ("Merkel spoke with Putin. She …").
        let parsed = sentence.tokens.iter().any(|t| t.head.is_some());
        if !parsed {
            // Not a coordinated subject ("Pakistan's army chief and Iran's foreign minister").
            let alone = |m: &&Mention| {
                sentence
                    .tokens
                    .get(m.tokens.1)
                    .is_none_or(|t| !matches!(t.text.as_str(), "and" | "or" | "," | "&"))
            };
            let opening = candidates.iter().copied().filter(|m| m.tokens.0 == 0);
            subjects.extend(opening.filter(alone));
        }
        let chosen = if let Some(before) = main_subject_misread(sentence, &candidates) {
            before
        } else if subjects.is_empty() {
            candidates
        } else {
            subjects
        };
        if !chosen.is_empty() {
            let codes = chosen.iter().map(|m| m.actor.clone()).collect();
            self.persons_by_sentence.push((sentence.index, codes));
        }
    }

    pub(crate) fn remember_name(
        &mut self,
        name_words: &[String],
        code: &ActorCode,
        person: Option<usize>,
    ) {
        if name_words.is_empty() {
            return;
        }
        let full = name_words.join(" ");
        self.names.insert(full, (code.clone(), person));
        let family_first = code
            .country
            .as_deref()
            .is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
        // "Jong-un", "Suk-yeol": a hyphenated given name of two short syllables follows the
        // family name ("Zaghari-Ratcliffe", "al-Sisi" are family names).
        let korean_given = |w: &String| {
            w.split_once('-').is_some_and(|(a, b)| {
                let short = |p: &str, max: usize| (2..=max).contains(&p.chars().count());
                short(a, 5) && short(b, 4) && !matches!(a, "al" | "el" | "ad" | "as" | "an" | "ul")
            })
        };
        let surname = if family_first || name_words.last().is_some_and(korean_given) {
            &name_words[0]
        } else {
            &name_words[name_words.len() - 1]
        };
        if name_words.len() > 1 {
            self.names.insert(surname.clone(), (code.clone(), person));
            // "Omar al-Bashir … Mr Bashir": Arabic family names are also written without
            // their article.
            if let Some(bare) = strip_arabic_article(surname) {
                self.names
                    .entry(bare.to_string())
                    .or_insert_with(|| (code.clone(), person));
            }
        }
    }

    pub(crate) fn remember_role(&mut self, key: String, code: &ActorCode) {
        self.roles
            .entry(key)
            .and_modify(|c| {
                if c.as_ref() != Some(code) {
                    *c = None;
                }
            })
            .or_insert_with(|| Some(code.clone()));
    }
}

/// "al-Bashir" → "Bashir", "el-Sisi" → "Sisi": the family name without its Arabic article.
fn strip_arabic_article(surname: &str) -> Option<&str> {
    let (article, rest) = surname.split_once('-')?;
    let is_article = matches!(
        article,
        "al" | "el" | "ad" | "as" | "an" | "ash" | "at" | "az"
    );
    (is_article && rest.chars().count() > 2 && !rest.contains('-')).then_some(rest)
}
