//! Greedy left-to-right averaged-perceptron tagger predicting joint `UPOS XPOS` labels.

use std::collections::HashMap;

use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::{f1, f2, f3, hash_str, IdentityBuild, Rng, StrHasher};
use crate::perceptron::{Trainer, Weights};

pub(crate) mod net;

/// What the tagger knows about one word, computed once per token.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordInfo {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    suffix: [u64; 4],
    prefix: [u64; 3],
    shape: u64,
    ambiguity: u64,
    flags: u64,
    /// The tagger's runner-up tag (`NO_ALTERNATIVE` for dictionary words) and how far
    /// behind it was (see `margin_bucket`), filled in by tagging.
    pub(crate) alt: u16,
    pub(crate) margin: u8,
}

/// No runner-up tag: the word's tag came from the tag dictionary.
pub(crate) const NO_ALTERNATIVE: u16 = u16::MAX;

/// A coarse log scale of the winning tag's lead over the runner-up (0–15; 15 also for
/// dictionary words), so the parser can tell confident tags from toss-ups.
fn margin_bucket(margin: f32) -> u8 {
    ((margin.max(0.0) + 1.0).log2() as u32).min(15) as u8
}

/// The best and second-best class with the first's lead.
fn best_two(scores: &[f32]) -> (usize, usize, f32) {
    let best = argmax(scores);
    let mut second = None;
    for (i, s) in scores.iter().enumerate() {
        if i != best && second.is_none_or(|j: usize| *s > scores[j]) {
            second = Some(i);
        }
    }
    let second = second.unwrap_or(best);
    (best, second, scores[best] - scores[second])
}

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// The character class of the word shape: upper, lower, digit, other letter, or itself.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Hash of the collapsed word shape ("Korea" → "Xx", "F-16" → "X-d", "1990s" → "dx"; at
/// most 13 bytes), hashed as it is built instead of building a string per token.
fn shape_hash(word: &str) -> u64 {
    let mut hasher = StrHasher::new();
    let (mut last, mut len) = (None, 0);
    for c in word.chars() {
        let class = shape_class(c);
        if last != Some(class) {
            hasher.write(class.encode_utf8(&mut [0; 4]).as_bytes());
            last = Some(class);
            len += class.len_utf8();
        }
        if len > 12 {
            break;
        }
    }
    hasher.finish()
}

/// The last `n` chars (or the whole word when shorter).
fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

fn prefix(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

pub(crate) struct Lexicon<'a> {
    pub(crate) ambiguity: &'a HashMap<String, u64, IdentityBuild>,
}

impl WordInfo {
    pub(crate) fn new(form: &str, lexicon: &Lexicon) -> Self {
        let lower = form.to_lowercase();
        let mut info = WordInfo {
            form: hash_str(form),
            lower: hash_str(&lower),
            shape: shape_hash(form),
            ambiguity: lexicon.ambiguity.get(&lower).copied().unwrap_or(0),
            alt: NO_ALTERNATIVE,
            margin: 15,
            ..Default::default()
        };
        for n in 1..=4 {
            info.suffix[n - 1] = hash_str(suffix(&lower, n));
        }
        for n in 1..=3 {
            info.prefix[n - 1] = hash_str(prefix(&lower, n));
        }
        let first = form.chars().next();
        info.flags = u64::from(form.chars().any(|c| c.is_numeric()))
            | u64::from(form.contains('-')) << 1
            | u64::from(first.is_some_and(char::is_uppercase)) << 2
            | u64::from(form.chars().all(|c| !c.is_lowercase())) << 3
            | u64::from(form.chars().count() > 12) << 4;
        info
    }

    fn pad(value: u64) -> Self {
        WordInfo {
            form: value,
            lower: value,
            suffix: [value; 4],
            prefix: [value; 3],
            shape: value,
            ambiguity: value,
            flags: value,
            alt: NO_ALTERNATIVE,
            margin: 15,
        }
    }
}

/// Feature hashes for word `i` given the two previous predicted tags.
fn features(words: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let at = |k: isize| -> WordInfo {
        let j = i as isize + k;
        if j < 0 {
            WordInfo::pad(START)
        } else if j as usize >= words.len() {
            WordInfo::pad(END)
        } else {
            words[j as usize]
        }
    };
    let (w, m1, m2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    let first = u64::from(i == 0);
    out.clear();
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.suffix[0]),
        f1(4, w.suffix[1]),
        f1(5, w.suffix[2]),
        f1(6, w.suffix[3]),
        f1(7, w.prefix[0]),
        f1(8, w.prefix[1]),
        f1(9, w.prefix[2]),
        f1(10, w.shape),
        f2(11, w.flags, first),
        f1(12, p1),
        f1(13, p2),
        f2(14, p1, p2),
        f2(15, p1, w.lower),
        f1(16, m1.lower),
        f1(17, m2.lower),
        f1(18, n1.lower),
        f1(19, n2.lower),
        f1(20, m1.suffix[2]),
        f1(21, n1.suffix[2]),
        f2(22, m1.lower, w.lower),
        f2(23, w.lower, n1.lower),
        f1(24, w.ambiguity),
        f1(25, n1.ambiguity),
        f1(26, n2.ambiguity),
        f2(27, p1, n1.ambiguity),
        f2(28, w.ambiguity, n1.ambiguity),
        f3(29, p1, w.suffix[2], n1.ambiguity),
        f1(30, n1.shape),
        f2(31, w.shape, first),
        f2(32, p1, w.suffix[2]),
    ]);
}

/// The trained tagger.
pub(crate) struct Tagger {
    /// Joint labels: `(upos, xpos)`.
    pub(crate) tags: Vec<(String, String)>,
    weights: Weights,
    /// Frequent, unambiguous word forms → tag id, decided without scoring.
    tagdict: HashMap<String, u16, IdentityBuild>,
    /// Lower-cased word → hash of the set of tags seen with it in training.
    ambiguity: HashMap<String, u64, IdentityBuild>,
    /// Optional window network whose logits join the perceptron's scores.
    pub(crate) net: Option<net::TagNet>,
}

/// One training sentence for the tagger: forms and gold joint tag ids.
pub(crate) struct TagExample {
    pub(crate) forms: Vec<String>,
    pub(crate) tags: Vec<u16>,
}

fn tag_hash(tag: Option<u16>) -> u64 {
    tag.map_or(START, |t| u64::from(t) + 1)
}

impl Tagger {
    pub(crate) fn n_features(&self) -> usize {
        self.weights.n_features()
    }

    pub(crate) fn lexicon(&self) -> Lexicon<'_> {
        Lexicon {
            ambiguity: &self.ambiguity,
        }
    }

    /// The id of a `(UPOS, XPOS)` pair, if the model knows it.
    pub(crate) fn tag_id(&self, upos: &str, xpos: &str) -> Option<u16> {
        self.tags
            .iter()
            .position(|(u, x)| u == upos && x == xpos)
            .map(|id| id as u16)
    }

    /// Tag ids for a sentence.
    pub(crate) fn tag(&self, forms: &[&str]) -> Vec<u16> {
        self.tag_words(forms).0
    }

    /// Tag ids for a sentence and what the tagger computed about each word (the parser
    /// reuses the hashes of the lower-cased forms).
    pub(crate) fn tag_words(&self, forms: &[&str]) -> (Vec<u16>, Vec<WordInfo>) {
        let lexicon = self.lexicon();
        let mut words: Vec<WordInfo> = forms.iter().map(|f| WordInfo::new(f, &lexicon)).collect();
        let mut scores = vec![0f32; self.weights.n_classes()];
        let mut feats = Vec::with_capacity(40);
        let mut out: Vec<u16> = Vec::with_capacity(forms.len());
        let mut with_net = self
            .net
            .as_ref()
            .map(|n| (n, n.word_ids(&words), n.scratch()));
        for (i, form) in forms.iter().enumerate() {
            let tag = match self.tagdict.get(*form) {
                Some(&t) => t,
                None => {
                    let p1 = tag_hash(i.checked_sub(1).map(|j| out[j]));
                    let p2 = tag_hash(i.checked_sub(2).map(|j| out[j]));
                    features(&words, i, p1, p2, &mut feats);
                    self.weights.score(&feats, &mut scores);
                    if let Some((net, ids, scratch)) = with_net.as_mut() {
                        let scale = net.perceptron_scale;
                        scores.iter_mut().for_each(|s| *s *= scale);
                        net.add_logits(&words, ids, i, scratch, &mut scores);
                    }
                    let (best, second, margin) = best_two(&scores);
                    words[i].alt = second as u16;
                    words[i].margin = margin_bucket(margin);
                    best as u16
                }
            };
            out.push(tag);
        }
        (out, words)
    }

    /// Trains for `epochs` passes; `on_epoch` gets each epoch's averaged tagger and returns
    /// a dev score; the best epoch is kept.
    pub(crate) fn train(
        tags: Vec<(String, String)>,
        examples: &[TagExample],
        epochs: usize,
        seed: u64,
        mut on_epoch: impl FnMut(usize, &Tagger) -> f64,
    ) -> Tagger {
        let (tagdict, ambiguity) = build_lexicons(examples);
        let lexicon = Lexicon {
            ambiguity: &ambiguity,
        };
        let infos: Vec<Vec<WordInfo>> = examples
            .iter()
            .map(|e| e.forms.iter().map(|f| WordInfo::new(f, &lexicon)).collect())
            .collect();
        let mut trainer = Trainer::new(tags.len());
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng::new(seed);
        let mut scores = vec![0f32; tags.len()];
        let mut feats = Vec::with_capacity(40);
        let mut best: Option<(f64, Tagger)> = None;
        for epoch in 0..epochs.max(1) {
            rng.shuffle(&mut order);
            for &s in &order {
                let (ex, words) = (&examples[s], &infos[s]);
                let mut predicted: Vec<u16> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    let p1 = tag_hash(i.checked_sub(1).map(|j| predicted[j]));
                    let p2 = tag_hash(i.checked_sub(2).map(|j| predicted[j]));
                    features(words, i, p1, p2, &mut feats);
                    trainer.score(&feats, &mut scores);
                    let guess = argmax(&scores);
                    trainer.update(&feats, ex.tags[i] as usize, guess);
                    trainer.tick();
                    predicted.push(guess as u16);
                }
            }
            let tagger = Tagger {
                tags: tags.clone(),
                weights: trainer.finish(0.0),
                tagdict: tagdict.clone(),
                ambiguity: ambiguity.clone(),
                net: None,
            };
            let score = on_epoch(epoch, &tagger);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, tagger));
            }
        }
        let (_, tagger) = best.expect("at least one epoch ran");
        tagger
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.usize(self.tags.len());
        for (u, x) in &self.tags {
            out.str(u);
            out.str(x);
        }
        let mut dict: Vec<(&String, &u16)> = self.tagdict.iter().collect();
        dict.sort();
        out.usize(dict.len());
        for (w, t) in dict {
            out.str(w);
            out.usize(*t as usize);
        }
        let mut amb: Vec<(&String, &u64)> = self.ambiguity.iter().collect();
        amb.sort();
        // Ambiguity classes are few: store each distinct hash once.
        let mut classes: Vec<u64> = amb.iter().map(|(_, h)| **h).collect();
        classes.sort_unstable();
        classes.dedup();
        out.usize(classes.len());
        for c in &classes {
            out.varint(*c);
        }
        out.usize(amb.len());
        for (w, h) in amb {
            out.str(w);
            out.usize(classes.binary_search(h).unwrap_or(0));
        }
        self.weights.write(out);
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Tagger> {
        let n = input.usize()?;
        let mut tags = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            tags.push((input.str()?, input.str()?));
        }
        let n = input.usize()?;
        let mut tagdict =
            HashMap::with_capacity_and_hasher(n.min(1 << 20), IdentityBuild::default());
        for _ in 0..n {
            let w = input.str()?;
            let t = input.usize()?;
            if t >= tags.len() {
                return Err(format!("tag id {t} out of range"));
            }
            tagdict.insert(w, t as u16);
        }
        let n = input.usize()?;
        let classes: Vec<u64> = (0..n).map(|_| input.varint()).collect::<ReadResult<_>>()?;
        let n = input.usize()?;
        let mut ambiguity =
            HashMap::with_capacity_and_hasher(n.min(1 << 20), IdentityBuild::default());
        for _ in 0..n {
            let w = input.str()?;
            let c = input.usize()?;
            let h = *classes.get(c).ok_or("ambiguity class out of range")?;
            ambiguity.insert(w, h);
        }
        let weights = Weights::read(input)?;
        if weights.n_classes() != tags.len() {
            return Err("tagger weights do not match its tag set".into());
        }
        Ok(Tagger {
            tags,
            weights,
            tagdict,
            ambiguity,
            net: None,
        })
    }
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// The tag dictionary (frequent forms seen with one tag ≥ 99.5% of the time) and the
/// ambiguity classes of lower-cased words.
type StrMap<V> = HashMap<String, V, IdentityBuild>;

fn build_lexicons(examples: &[TagExample]) -> (StrMap<u16>, StrMap<u64>) {
    let mut by_form: HashMap<&str, HashMap<u16, usize>> = HashMap::new();
    let mut by_lower: HashMap<String, (usize, Vec<u16>)> = HashMap::new();
    for ex in examples {
        for (form, &tag) in ex.forms.iter().zip(&ex.tags) {
            *by_form.entry(form).or_default().entry(tag).or_default() += 1;
            let (count, tags) = by_lower.entry(form.to_lowercase()).or_default();
            *count += 1;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    let mut tagdict = HashMap::default();
    for (form, counts) in by_form {
        let total: usize = counts.values().sum();
        let (&tag, &n) = counts
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
            .expect("non-empty counts");
        if total >= 20 && n as f64 / total as f64 >= 0.995 {
            tagdict.insert(form.to_owned(), tag);
        }
    }
    // Rare words would leak their single gold tag into training; leave them out.
    let ambiguity = by_lower
        .into_iter()
        .filter(|(_, (count, _))| *count >= 3)
        .map(|(w, (_, mut tags))| {
            tags.sort_unstable();
            let h = tags
                .iter()
                .fold(0x616d_6267u64, |h, t| f2(99, h, u64::from(*t)));
            (w, h)
        })
        .collect();
    (tagdict, ambiguity)
}

impl Tagger {
    pub(crate) fn pruned(&self, min_abs: f32) -> Tagger {
        Tagger {
            tags: self.tags.clone(),
            weights: self.weights.pruned(min_abs),
            tagdict: self.tagdict.clone(),
            ambiguity: self.ambiguity.clone(),
            net: self.net.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word shape as a string, as the shipped model was trained with.
    fn shape_string(word: &str) -> String {
        let mut out = String::new();
        for c in word.chars() {
            let class = shape_class(c);
            if !out.ends_with(class) {
                out.push(class);
            }
            if out.len() > 12 {
                break;
            }
        }
        out
    }

    #[test]
    fn shape_hash_equals_hash_of_shape_string() {
        for word in [
            "Korea",
            "F-16",
            "1990s",
            "",
            "U.N.",
            "Pyongyang's",
            "e-mail",
            "ÉLYSÉE",
            "Кремль",
            "北京",
            "a1b2c3d4e5f6g7h8i9",
            "--!!??..",
            "Ⅻ",
            "ǅemal",
            "x\u{301}y",
        ] {
            assert_eq!(shape_hash(word), hash_str(&shape_string(word)), "{word}");
        }
        assert_eq!(shape_string("F-16"), "X-d");
        assert_eq!(shape_string("1990s"), "dx");
    }
}
