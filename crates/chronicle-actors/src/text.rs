//! Token normalisation and capitalisation shapes shared by the lexicon and the resolver.

/// How a dictionary word constrains the capitalisation of the text token it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Any capitalisation ("foreign minister", "FOREIGN MINISTER").
    Any,
    /// First letter upper case ("China", not "china").
    Capital,
    /// Every letter upper case ("US", not "us" or "Us").
    Upper,
}

impl Shape {
    /// The constraint a dictionary word written as `word` puts on the text.
    pub(crate) fn of_entry_word(word: &str, proper: bool) -> Shape {
        if !proper {
            // Role phrases: lower-case entries match any case; capitalised ones are names.
            return match word.chars().next() {
                Some(c) if c.is_uppercase() => Shape::of_entry_word(word, true),
                _ => Shape::Any,
            };
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let lower_word = word.to_lowercase();
        if matches!(
            lower_word.as_str(),
            "the" | "of" | "and" | "for" | "de" | "la"
        ) {
            Shape::Any
        } else if letters >= 2 && upper == letters {
            Shape::Upper
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            Shape::Capital
        } else {
            Shape::Any
        }
    }

    /// Does a text token satisfy this shape?
    pub(crate) fn accepts(self, token: &str) -> bool {
        match self {
            Shape::Any => true,
            Shape::Capital => token
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            Shape::Upper => {
                let mut letters = token.chars().filter(|c| c.is_alphabetic()).peekable();
                letters.peek().is_some() && letters.all(char::is_uppercase)
            }
        }
    }
}

/// The lookup key of one token: lower case, typographic apostrophes made straight.
pub(crate) fn normalise(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits a dictionary phrase into words the way the segmenter tokenizes text: on spaces,
/// with "'s" and a final apostrophe split off ("People's" → `People` `'s`, "Workers'" →
/// `Workers` `'`). Hyphenated words stay whole, as in the text.
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for chunk in phrase.split_whitespace() {
        let lower = chunk.to_lowercase();
        let clitic = ["'s", "’s"]
            .iter()
            .find(|s| lower.ends_with(*s) && chunk.len() > s.len())
            .map(|s| s.len())
            .or_else(|| {
                ["'", "’"]
                    .iter()
                    .find(|s| chunk.ends_with(*s) && chunk.len() > s.len())
                    .map(|s| s.len())
            });
        match clitic {
            Some(n) => {
                let cut = chunk.len() - n;
                words.push(chunk[..cut].to_owned());
                words.push(chunk[cut..].to_owned());
            }
            None => words.push(chunk.to_owned()),
        }
    }
    words
}

/// Regular English plural of the last word of a role phrase ("official" → "officials",
/// "spokesman" → "spokesmen", "authority" → "authorities"), or `None` when it already
/// looks plural or has no regular plural.
pub(crate) fn plural(phrase: &str) -> Option<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    if last.len() < 3 || !last.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let lower = last.to_lowercase();
    let plural = if lower.ends_with("man") {
        format!("{}men", &last[..last.len() - 3])
    } else if lower == "people" || lower.ends_with("ese") {
        return None;
    } else if ["ss", "ch", "sh", "x"].iter().any(|s| lower.ends_with(s)) {
        format!("{last}es")
    } else if lower.ends_with('s') {
        return None;
    } else if lower.ends_with('y') && !["ay", "ey", "oy"].iter().any(|s| lower.ends_with(s)) {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    Some(format!("{head}{plural}"))
}

/// Plural of a demonym ("Russian" → "Russians"), `None` for invariable ones ("Chinese",
/// "Swiss", "French").
pub(crate) fn demonym_plural(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let invariable = ["ese", "s", "sh", "ch", "x", "z"]
        .iter()
        .any(|s| lower.ends_with(s));
    (!invariable && word.chars().last().is_some_and(char::is_alphabetic))
        .then(|| format!("{word}s"))
}

/// Function words and calendar words that are capitalised without being part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "and",
    "or",
    "but",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "as",
    "after",
    "before",
    "when",
    "while",
    "with",
    "by",
    "from",
    "if",
    "so",
    "said",
    "says",
    "told",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    // British, Australian and Indian copy writes the titles without a full stop.
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "however",
    "also",
    "both",
    "all",
    "not",
    "no",
    "yes",
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "asked",
    "according",
    "report",
    "anchor",
    "photo",
    "sound",
    "bite",
    "video",
    "update",
    "breaking",
    "editor",
    "note",
    "later",
    "earlier",
    "then",
    "still",
    "now",
    "yet",
    "instead",
    "separately",
    "elsewhere",
    "previously",
    "currently",
    "recently",
    "finally",
    "last",
    "next",
    "tonight",
    "indeed",
    "thus",
    "hence",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "speaking",
    "despite",
    "although",
    "though",
    "because",
    "since",
    "until",
    "unlike",
    "like",
    "under",
    "over",
    "amid",
    "among",
    "against",
    "jr.",
    "sr.",
    "may",
];

/// Capitalised words of office titles and portfolios ("Special Representative for Korean
/// Peninsula Peace and Security Affairs") that are not names.
const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "policy",
    "peace",
    "security",
    "issues",
    "relations",
    "cooperation",
    "talks",
    "negotiations",
    "disarmament",
    "nonproliferation",
    "non-proliferation",
    "counterterrorism",
    "human",
    "rights",
    "trade",
    "economic",
    "department",
    "office",
    "council",
    "committee",
    "agency",
    "ministry",
    "minister",
    "senate",
    "house",
    "party",
    "union",
    "news",
    "radio",
    "television",
];

/// Capitalised without being part of a name: function, calendar and portfolio words.
pub(crate) fn is_capitalised_non_name(word: &str) -> bool {
    let key = normalise(word);
    FUNCTION_WORDS.contains(&key.as_str()) || PORTFOLIO_WORDS.contains(&key.as_str())
}

/// A capitalised word that may belong to an office's portfolio ("Policy", "Affairs", "Peace").
pub(crate) fn is_capitalised_content_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && !FUNCTION_WORDS.contains(&normalise(word).as_str())
}

/// Could `word` be part of a personal name ("Sergei", "Jong-un", "F.", "O'Brien")?
pub(crate) fn looks_like_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || is_capitalised_non_name(word) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    // Acronyms ("NATO", "ICBM") are not names; single initials ("F.") are.
    if letters >= 2 && upper == letters {
        return false;
    }
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_the_entry() {
        assert!(Shape::of_entry_word("US", true).accepts("US"));
        assert!(!Shape::of_entry_word("US", true).accepts("us"));
        assert!(!Shape::of_entry_word("US", true).accepts("Us"));
        assert!(Shape::of_entry_word("U.S.", true).accepts("U.S."));
        assert!(!Shape::of_entry_word("China", true).accepts("china"));
        assert!(Shape::of_entry_word("China", true).accepts("CHINA"));
        assert!(Shape::of_entry_word("minister", false).accepts("MINISTER"));
        assert!(!Shape::of_entry_word("Diet", false).accepts("diet"));
    }

    #[test]
    fn phrase_words_split_like_the_segmenter() {
        assert_eq!(
            phrase_words("People's Liberation Army"),
            ["People", "'s", "Liberation", "Army"]
        );
        assert_eq!(phrase_words("Workers' Party"), ["Workers", "'", "Party"]);
        assert_eq!(phrase_words("Côte d'Ivoire"), ["Côte", "d'Ivoire"]);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("official").as_deref(), Some("officials"));
        assert_eq!(
            plural("foreign minister").as_deref(),
            Some("foreign ministers")
        );
        assert_eq!(plural("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(plural("authority").as_deref(), Some("authorities"));
        assert_eq!(plural("Chinese"), None);
        assert_eq!(plural("forces"), None);
    }
}
