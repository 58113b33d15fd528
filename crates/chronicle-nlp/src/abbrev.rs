//! Abbreviations that keep their final period.

/// Titles and words that are always followed by more of the same sentence ("Gen. Brown").
const NON_TERMINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
    "gov", "sen", "rep", "rev", "st", "pres", "amb", "hon", "vs", "v", "fig", "messrs", "mt", "ft",
    "gens", "sens", "reps", "supt", "insp", "brig", "cpl", "pvt",
];

/// Abbreviations that may also end a sentence ("… with the U.S. The talks …").
const TERMINAL: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "co", "ltd", "jr", "sr", "etc", "approx", "est", "dept", "govt", "intl", "bros", "ave",
    "blvd", "rd", "univ", "assn", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "al",
];

/// True when `word` (including its final '.') is an abbreviation whose period belongs to it.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    is_dotted_initialism(word) || {
        let lower = stem.to_ascii_lowercase();
        NON_TERMINAL.contains(&lower.as_str()) || TERMINAL.contains(&lower.as_str())
    }
}

/// "U.S.", "U.N.", "a.m.", "e.g.", and single initials such as "J.".
pub(crate) fn is_dotted_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    let mut groups = 0;
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return groups > 0,
            (Some(c), Some('.')) if c.is_alphabetic() => groups += 1,
            _ => return false,
        }
    }
}

/// True for abbreviations that never end a sentence.
pub(crate) fn is_non_terminal(word: &str) -> bool {
    let stem = word.trim_end_matches('.').to_ascii_lowercase();
    NON_TERMINAL.contains(&stem.as_str())
        // A single initial: "John F. Kennedy".
        || (stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic))
}

/// Capitalised words that typically open a sentence; after a terminal abbreviation such as
/// "U.S." they signal a boundary, whereas "U.S. Secretary" does not.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "Or",
        "So",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "Meanwhile",
        "However",
        "After",
        "Before",
        "When",
        "While",
        "As",
        "If",
        "There",
        "Some",
        "Many",
        "Officials",
        "Earlier",
        "Later",
        "Last",
        "Asked",
        "According",
        "Since",
        "Both",
        "Under",
        "With",
        "For",
        "Despite",
        "Although",
        "Still",
        "Yet",
        "Then",
        "Now",
        "Also",
    ];
    STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_initialisms_and_titles() {
        for w in [
            "U.S.", "U.N.", "a.m.", "e.g.", "J.", "Gen.", "Jan.", "Mr.", "etc.",
        ] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Korea.", "talks.", "..", "."] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(is_non_terminal("Gen."));
        assert!(is_non_terminal("F."));
        assert!(!is_non_terminal("U.S."));
    }
}
