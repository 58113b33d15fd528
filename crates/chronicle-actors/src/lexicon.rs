//! A word-level trie: dictionary phrases as sequences of normalised words, matched over a
//! sentence's tokens with per-word capitalisation constraints.

use std::collections::HashMap;

use crate::text::{normalise, phrase_words, Shape};

/// One dictionary phrase's payload and the capitalisation it demands.
#[derive(Debug, Clone)]
pub(crate) struct Terminal<T> {
    pub shapes: Vec<Shape>,
    pub value: T,
    /// Which table source defined it: a phrase defined by a later source (a user's file)
    /// replaces every reading an earlier one gave it.
    pub source: u16,
}

impl<T> Terminal<T> {
    /// Do the text tokens satisfy this phrase's capitalisation?
    pub fn accepts<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        self.shapes
            .iter()
            .zip(tokens)
            .all(|(shape, t)| shape.accepts(t.as_ref()))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Lexicon<T> {
    vocab: HashMap<String, u32>,
    /// (node, word) → child node; node 0 is the root.
    edges: HashMap<(u32, u32), u32>,
    /// Phrases ending at each node.
    terminals: Vec<Vec<Terminal<T>>>,
    longest: usize,
}

impl<T: PartialEq> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            vocab: HashMap::new(),
            edges: HashMap::new(),
            terminals: vec![Vec::new()],
            longest: 0,
        }
    }
}

impl<T: PartialEq> Lexicon<T> {
    /// Adds `phrase` (as written in a data file). `proper` phrases are names whose
    /// capitalisation must match; others match in any case unless written capitalised.
    #[cfg(test)]
    pub fn insert(&mut self, phrase: &str, proper: bool, value: T) {
        self.insert_from(0, phrase, proper, value);
    }

    /// As [`Lexicon::insert`], for table source `source`: readings from earlier sources of the
    /// same phrase are dropped, and the phrase is ignored if a later source already has it.
    pub fn insert_from(&mut self, source: u16, phrase: &str, proper: bool, value: T) {
        let words = phrase_words(phrase);
        if words.is_empty() {
            return;
        }
        let shapes: Vec<Shape> = words
            .iter()
            .map(|w| Shape::of_entry_word(w, proper))
            .collect();
        let mut node = 0u32;
        for word in &words {
            let next_word = self.vocab.len() as u32;
            let word_id = *self.vocab.entry(normalise(word)).or_insert(next_word);
            let next_node = self.terminals.len() as u32;
            node = *self.edges.entry((node, word_id)).or_insert(next_node);
            if node == next_node {
                self.terminals.push(Vec::new());
            }
        }
        self.longest = self.longest.max(words.len());
        let slot = &mut self.terminals[node as usize];
        if slot.iter().any(|t| t.source > source) {
            return;
        }
        slot.retain(|t| t.source == source);
        if !slot.iter().any(|t| t.shapes == shapes && t.value == value) {
            slot.push(Terminal {
                shapes,
                value,
                source,
            });
        }
    }

    /// The vocabulary id of a normalised word, if any phrase uses it.
    pub fn word_id(&self, normalised: &str) -> Option<u32> {
        self.vocab.get(normalised).copied()
    }

    /// Phrases matching the words `ids[start..]`, longest first, as (length, terminals).
    pub fn matches_at(&self, ids: &[Option<u32>], start: usize) -> Vec<(usize, &[Terminal<T>])> {
        let mut found = Vec::new();
        let mut node = 0u32;
        for (offset, id) in ids[start..].iter().take(self.longest).enumerate() {
            let Some(id) = id else { break };
            let Some(&next) = self.edges.get(&(node, *id)) else {
                break;
            };
            node = next;
            let terms = &self.terminals[node as usize];
            if !terms.is_empty() {
                found.push((offset + 1, terms.as_slice()));
            }
        }
        found.reverse();
        found
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.terminals.iter().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_first_with_shapes() {
        let mut lex = Lexicon::default();
        lex.insert("Korea", true, 1);
        lex.insert("South Korea", true, 2);
        lex.insert("US", true, 3);
        let words = ["South", "Korea", "and", "us"];
        let ids: Vec<_> = words.iter().map(|w| lex.word_id(&normalise(w))).collect();
        let m = lex.matches_at(&ids, 0);
        assert_eq!(m.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2]);
        assert_eq!(m[0].1[0].value, 2);
        let m = lex.matches_at(&ids, 3);
        assert!(!m[0].1[0].accepts(&words[3..]));
    }

    #[test]
    fn later_sources_replace_a_phrase() {
        let mut lex = Lexicon::default();
        lex.insert_from(0, "Brussels", true, 1);
        lex.insert_from(0, "Brussels", true, 2);
        lex.insert_from(1, "Brussels", true, 3);
        lex.insert_from(0, "Brussels", true, 4);
        let ids = [lex.word_id("brussels")];
        let values: Vec<i32> = lex.matches_at(&ids, 0)[0]
            .1
            .iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(values, [3]);
    }
}
