//! Lemmatizer: suffix rules keyed by (XPOS, word ending) learned from a treebank, checked
//! against the lemmas the treebank knows, plus a lexicon of the training words the rules
//! get wrong ("was" → "be", "me" → "I").

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::IdentityBuild;

/// Longest word ending (in chars) used as a rule key.
const MAX_SUFFIX: usize = 5;

/// Replace the last `strip` chars with `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    strip: usize,
    append: String,
}

impl Rule {
    /// The rule turning `form` into `lemma`, both lower-cased.
    fn learn(form: &str, lemma: &str) -> Rule {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let lemma_tail: String = lemma.chars().skip(common).collect();
        Rule {
            strip: form.chars().count() - common,
            append: lemma_tail,
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        if self.strip > n || (self.strip == n && self.append.is_empty()) {
            return None;
        }
        let mut out: String = form.chars().take(n - self.strip).collect();
        out.push_str(&self.append);
        Some(out)
    }
}

/// The maps use the crate's cheap hasher: looked up several times per token, SipHash showed
/// in profiles, and the keys come from our own model file.
#[derive(Debug, Default, Clone)]
pub struct Lemmatizer {
    /// `"XPOS\tending"` → rules, most frequent first.
    rules: HashMap<String, Vec<Rule>, IdentityBuild>,
    /// `"form\tXPOS"` → lemma, for training words the rules get wrong.
    exceptions: HashMap<String, String, IdentityBuild>,
    /// Lower-cased lemmas seen in training: a rule whose output is a known lemma wins.
    known: HashSet<String, IdentityBuild>,
    /// XPOS tags whose capitalised forms keep their case in the lemma (NNP, NNPS).
    keep_case: HashSet<String, IdentityBuild>,
}

fn key(xpos: &str, ending: &str) -> String {
    format!("{xpos}\t{ending}")
}

/// `map[key(a, b)]`, with the key built on the stack when short (looked up for every token).
fn get_joined<'m, V>(
    map: &'m HashMap<String, V, IdentityBuild>,
    a: &str,
    b: &str,
) -> Option<&'m V> {
    let mut buf = [0u8; 64];
    let len = a.len() + 1 + b.len();
    let Some(joined) = buf.get_mut(..len) else {
        return map.get(&key(a, b));
    };
    joined[..a.len()].copy_from_slice(a.as_bytes());
    joined[a.len()] = b'\t';
    joined[a.len() + 1..].copy_from_slice(b.as_bytes());
    // Two strings joined by a tab are valid UTF-8.
    map.get(std::str::from_utf8(joined).ok()?)
}

fn ending(lower: &str, k: usize) -> &str {
    match lower.char_indices().rev().nth(k.saturating_sub(1)) {
        _ if k == 0 => "",
        Some((i, _)) => &lower[i..],
        None => lower,
    }
}

impl Lemmatizer {
    /// Learns from `(form, xpos, lemma)` triples.
    pub fn train<'a>(words: impl IntoIterator<Item = (&'a str, &'a str, &'a str)> + Clone) -> Self {
        let mut counts: HashMap<String, HashMap<Rule, usize>> = HashMap::new();
        let mut case_votes: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut lexicon: HashMap<String, HashMap<&str, usize>> = HashMap::new();
        let mut known = HashSet::default();
        for (form, xpos, lemma) in words.clone() {
            if lemma.is_empty() {
                continue;
            }
            let (lower, lemma_lower) = (form.to_lowercase(), lemma.to_lowercase());
            known.insert(lemma_lower.clone());
            let rule = Rule::learn(&lower, &lemma_lower);
            let len = lower.chars().count();
            for k in 0..=MAX_SUFFIX.min(len) {
                *counts
                    .entry(key(xpos, ending(&lower, k)))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            if form.chars().next().is_some_and(char::is_uppercase) {
                let votes = case_votes.entry(xpos).or_default();
                if lemma.chars().next().is_some_and(char::is_uppercase) {
                    votes.0 += 1;
                } else {
                    votes.1 += 1;
                }
            }
            *lexicon
                .entry(key(form, xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        let rules = counts
            .into_iter()
            .filter(|(k, c)| k.ends_with('\t') || c.values().sum::<usize>() >= 2)
            .map(|(k, c)| {
                let mut ranked: Vec<(Rule, usize)> = c.into_iter().collect();
                ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                ranked.truncate(3);
                (k, ranked.into_iter().map(|(r, _)| r).collect())
            })
            .collect();
        let keep_case = case_votes
            .into_iter()
            .filter(|(_, (keep, lower))| keep > lower)
            .map(|(x, _)| x.to_owned())
            .collect();
        let mut lemmatizer = Lemmatizer {
            rules,
            exceptions: HashMap::default(),
            known,
            keep_case,
        };
        let mut exceptions = HashMap::default();
        for (k, lemmas) in lexicon {
            let best = lemmas
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(l, _)| l)
                .unwrap_or_default();
            let (form, xpos) = k.split_once('\t').unwrap_or((&k, ""));
            if lemmatizer.by_rules(form, xpos) != best {
                exceptions.insert(k.clone(), best.to_owned());
            }
        }
        lemmatizer.exceptions = exceptions;
        lemmatizer
    }

    /// The lemma of `form` tagged `xpos` (treebank conventions: proper nouns keep their case).
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(l) = get_joined(&self.exceptions, form, xpos) {
            return l.clone();
        }
        self.by_rules(form, xpos)
    }

    fn by_rules(&self, form: &str, xpos: &str) -> String {
        // Most tokens are already lower case: no copy for them.
        let lower: Cow<str> = if form
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(form)
        } else {
            Cow::Owned(form.to_lowercase())
        };
        let lower = lower.as_ref();
        let len = lower.chars().count();
        let rule = (0..=MAX_SUFFIX.min(len))
            .rev()
            .find_map(|k| get_joined(&self.rules, xpos, ending(lower, k)))
            .and_then(|rules| {
                rules
                    .iter()
                    .find(|r| r.apply(lower).is_some_and(|l| self.known.contains(&l)))
                    .or_else(|| rules.first())
            });
        let keep = self.keep_case.contains(xpos) && lower != form;
        let base = if keep { form } else { lower };
        rule.and_then(|r| r.apply(base))
            .unwrap_or_else(|| base.to_owned())
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        let rules: BTreeMap<&String, &Vec<Rule>> = self.rules.iter().collect();
        out.usize(rules.len());
        for (k, rs) in rules {
            out.str(k);
            out.usize(rs.len());
            for r in rs {
                out.usize(r.strip);
                out.str(&r.append);
            }
        }
        let exceptions: BTreeMap<&String, &String> = self.exceptions.iter().collect();
        out.usize(exceptions.len());
        for (k, v) in exceptions {
            out.str(k);
            out.str(v);
        }
        let mut known: Vec<String> = self.known.iter().cloned().collect();
        known.sort();
        out.strs(&known);
        let mut keep: Vec<String> = self.keep_case.iter().cloned().collect();
        keep.sort();
        out.strs(&keep);
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Self> {
        let n = input.usize()?;
        let mut rules = HashMap::with_capacity_and_hasher(n.min(1 << 20), IdentityBuild::default());
        for _ in 0..n {
            let k = input.str()?;
            let m = input.usize()?;
            let rs = (0..m)
                .map(|_| {
                    Ok(Rule {
                        strip: input.usize()?,
                        append: input.str()?,
                    })
                })
                .collect::<ReadResult<Vec<Rule>>>()?;
            rules.insert(k, rs);
        }
        let n = input.usize()?;
        let mut exceptions =
            HashMap::with_capacity_and_hasher(n.min(1 << 20), IdentityBuild::default());
        for _ in 0..n {
            exceptions.insert(input.str()?, input.str()?);
        }
        let known = input.strs()?.into_iter().collect();
        let keep_case = input.strs()?.into_iter().collect();
        Ok(Lemmatizer {
            rules,
            exceptions,
            known,
            keep_case,
        })
    }
}
