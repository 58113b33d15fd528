//! The verb-pattern dictionary (`data/patterns.txt`) and its parser.
//!
//! One pattern per line: `code | phrase | options`. The phrase is a sequence of elements
//! matched on token lemmas:
//!
//! * `word` or `word/other/third` — one token whose lemma is one of the alternatives;
//!   `=form` matches the exact lower-cased form only (`=stated`, not the noun "states");
//! * `$T` — the target: an actor mention (or a conjunction of mentions: "China and Russia");
//! * `$S` — the source, allowed before the first word (`$S 's visit to $T`) or inside
//!   nominal patterns (`talk between $S and $T`);
//! * `*` — up to four arbitrary tokens inside the clause ("held *bilateral* talks");
//! * `...` — up to twelve tokens inside the clause, for complements
//!   ("urged $T ... refrain": "urged North Korea *to* refrain").
//!
//! Options: `target` (drop the event without a target), `mutual` (several sources and no
//! target: pair the sources both ways), `low` (only when nothing else in the sentence
//! fired), `neg=CODE` / `fut=CODE` / `hyp=CODE` (the code to use when the trigger is
//! negated / about the future / hypothetical), `refuse=CODE` (negated intent only: "would
//! not meet" is a refusal, "did not meet" just did not happen), `sides` (armed sources named
//! together act on each other and on no one else: "Thai and Cambodian troops clashed"),
//! `armed` (only armed sources, troops or fighters: "Syrian tanks crossed into Jordan", not
//! "refugees crossed into Turkey").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::error::DataError;
use crate::ontology::Ontology;

const BUILTIN: &str = include_str!("../data/patterns.txt");
const TABLE: &str = "patterns.txt";

/// Words that add little evidence to a phrase.
const FUNCTION_WORDS: &[&str] = &[
    "that", "to", "with", "on", "upon", "for", "of", "at", "by", "in", "'s", "between", "and",
    "against", "into", "from", "about", "over", "off", "out", "back", "down",
];

/// Up to how many tokens `*` skips.
pub const GAP_TOKENS: usize = 4;
/// Up to how many tokens `...` skips.
pub const ELLIPSIS_TOKENS: usize = 12;

/// One element of a pattern phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A token whose lemma is one of these.
    Word(Vec<String>),
    /// `*`
    Gap,
    /// `...`
    Ellipsis,
    /// `$T`
    Target,
    /// `$S`
    Source,
}

/// How the matched code changes with the trigger's modality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatternOptions {
    pub target_required: bool,
    pub mutual: bool,
    pub low_priority: bool,
    /// Codes that take no target by convention (declined comment, claims, mobilisation):
    /// "declined to say whether *Russian troops* would intervene" is addressed to no one.
    pub untargeted: bool,
    /// The match leaves the words after its trigger free for other patterns: "hosted talks
    /// *between Israel and Hamas*" is also the talks themselves.
    pub open: bool,
    /// Codes only a stated intention ("will retaliate", "ready to respond"): the plain act
    /// ("Iran responded with …") is something else, told by other words.
    pub intent_only: bool,
    /// The clause subject is the target and the source is `$S` or else who says it:
    /// "'*America and Britain* will pay a heavy price,' a Houthi official said", "Moscow
    /// vetoed the resolution, drawing criticism *from Seoul*".
    pub speaker_against_subject: bool,
    /// Only armed sources named together, each towards the others ("Thai and Cambodian
    /// troops clashed"); one side alone, or a target after the trigger, codes nothing.
    pub sides: bool,
    /// Only armed sources (military or armed groups): "Soviet troops *entered* Afghanistan"
    /// is an invasion, "refugees entered Turkey" is none.
    pub armed: bool,
    pub negated_code: Option<String>,
    /// The code for a negated intent ("would not meet", "no plans to visit"); defaults to
    /// `negated_code`.
    pub refusal_code: Option<String>,
    pub future_code: Option<String>,
    pub hypothetical_code: Option<String>,
}

/// One line of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// `patterns.txt:LINE`, reported in [`chronicle_core::Event::pattern`].
    pub id: String,
    pub code: String,
    /// Elements before the anchor word: `$S` optionally followed by `'s`.
    pub prefix: Vec<Element>,
    /// The anchor word and everything after it.
    pub elements: Vec<Element>,
    pub options: PatternOptions,
    /// Order in the file: earlier wins ties.
    pub rank: usize,
}

impl Pattern {
    /// How specific the pattern is (longer phrases win): content words count two, function
    /// words and slots one.
    pub fn specificity(&self) -> usize {
        self.prefix
            .iter()
            .chain(&self.elements)
            .map(|e| match e {
                Element::Gap | Element::Ellipsis => 0,
                Element::Target | Element::Source => 1,
                Element::Word(words)
                    if words.iter().all(|w| FUNCTION_WORDS.contains(&w.as_str())) =>
                {
                    1
                }
                Element::Word(_) => 2,
            })
            .sum()
    }

    fn anchor_words(&self) -> &[String] {
        match &self.elements[0] {
            Element::Word(words) => words,
            _ => &[],
        }
    }
}

/// All patterns, indexed by the lemmas of their anchor word.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    by_anchor: HashMap<String, Vec<usize>>,
}

impl PatternSet {
    /// The embedded dictionary, parsed once per process.
    pub fn builtin() -> &'static PatternSet {
        static BUILT: OnceLock<PatternSet> = OnceLock::new();
        BUILT.get_or_init(|| {
            PatternSet::parse(BUILTIN, Ontology::builtin()).expect("embedded patterns.txt is valid")
        })
    }

    /// Parses a dictionary; every code must exist in `ontology`.
    pub fn parse(text: &str, ontology: &Ontology) -> Result<PatternSet, DataError> {
        let mut set = PatternSet::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let pattern = parse_line(line, i + 1, set.patterns.len(), ontology)?;
            for word in pattern.anchor_words() {
                let word = word.trim_start_matches('=');
                set.by_anchor
                    .entry(word.to_owned())
                    .or_default()
                    .push(set.patterns.len());
            }
            set.patterns.push(pattern);
        }
        Ok(set)
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Patterns whose anchor word is `lemma`, in file order.
    pub fn anchored_at(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.by_anchor
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// Every word the patterns mention: the lemmatiser's vocabulary.
    pub fn vocabulary(&self) -> HashSet<String> {
        self.patterns
            .iter()
            .flat_map(|p| p.prefix.iter().chain(&p.elements))
            .filter_map(|e| match e {
                // Exact forms stay out: "talked" must still lemmatise to "talk".
                Element::Word(words) => Some(words.iter().filter(|w| !w.starts_with('=')).cloned()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// Whether `lemma` anchors some pattern (a trigger word).
    pub fn is_anchor(&self, lemma: &str) -> bool {
        self.by_anchor.contains_key(lemma)
    }
}

fn parse_line(
    line: &str,
    number: usize,
    rank: usize,
    ontology: &Ontology,
) -> Result<Pattern, DataError> {
    let err = |m: String| DataError::at(TABLE, number, m);
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    let (code, phrase, options) = match fields[..] {
        [code, phrase] => (code, phrase, ""),
        [code, phrase, options] => (code, phrase, options),
        _ => {
            return Err(err(format!(
                "expected 2 or 3 fields, found {}",
                fields.len()
            )))
        }
    };
    let known = |c: &str| {
        ontology
            .get(c)
            .map(|_| c.to_owned())
            .ok_or_else(|| err(format!("unknown CAMEO code {c:?}")))
    };
    let code = known(code)?;
    let mut elements = Vec::new();
    for item in phrase.split_whitespace() {
        elements.push(parse_element(item).map_err(err)?);
    }
    let anchor = elements
        .iter()
        .position(|e| matches!(e, Element::Word(_)))
        .ok_or_else(|| err("a phrase needs at least one word".to_owned()))?;
    let prefix: Vec<Element> = elements.drain(..anchor).collect();
    let prefix_ok = matches!(&prefix[..], [] | [Element::Source]);
    if !prefix_ok {
        return Err(err("only `$S` may come before the first word".to_owned()));
    }
    // `$S 's visit`: the possessive belongs to the prefix, "visit" anchors.
    let mut prefix = prefix;
    if !prefix.is_empty() && elements[0] == Element::Word(vec!["'s".to_owned()]) {
        prefix.push(elements.remove(0));
        if !matches!(elements.first(), Some(Element::Word(_))) {
            return Err(err("`$S 's` must be followed by a word".to_owned()));
        }
    }
    if matches!(elements.last(), Some(Element::Gap | Element::Ellipsis)) {
        return Err(err("a phrase cannot end with a gap".to_owned()));
    }
    let mut opts = PatternOptions::default();
    for opt in options.split([',', ' ']).filter(|o| !o.is_empty()) {
        match opt.split_once('=') {
            None if opt == "target" => opts.target_required = true,
            None if opt == "mutual" => opts.mutual = true,
            None if opt == "low" => opts.low_priority = true,
            None if opt == "untargeted" => opts.untargeted = true,
            None if opt == "open" => opts.open = true,
            None if opt == "intent" => opts.intent_only = true,
            None if opt == "speaker" => opts.speaker_against_subject = true,
            None if opt == "armed" => opts.armed = true,
            None if opt == "sides" => {
                opts.sides = true;
                opts.mutual = true;
                opts.target_required = true;
            }
            Some(("neg", c)) => opts.negated_code = Some(known(c)?),
            Some(("refuse", c)) => opts.refusal_code = Some(known(c)?),
            Some(("fut", c)) => opts.future_code = Some(known(c)?),
            Some(("hyp", c)) => opts.hypothetical_code = Some(known(c)?),
            _ => return Err(err(format!("unknown option {opt:?}"))),
        }
    }
    Ok(Pattern {
        id: format!("{TABLE}:{number}"),
        code,
        prefix,
        elements,
        options: opts,
        rank,
    })
}

fn parse_element(item: &str) -> Result<Element, String> {
    Ok(match item {
        "$T" => Element::Target,
        "$S" => Element::Source,
        "*" => Element::Gap,
        "..." => Element::Ellipsis,
        _ if item.starts_with('$') => return Err(format!("unknown slot {item:?}")),
        _ => {
            let words: Vec<String> = item.split('/').map(str::to_lowercase).collect();
            if words.iter().any(|w| w.is_empty()) {
                return Err(format!("empty alternative in {item:?}"));
            }
            Element::Word(words)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<PatternSet, DataError> {
        PatternSet::parse(text, Ontology::builtin())
    }

    #[test]
    fn builtin_dictionary_parses_and_covers_every_root() {
        let set = PatternSet::builtin();
        assert!(set.len() > 150, "only {} patterns", set.len());
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(
                set.patterns().iter().any(|p| p.code.starts_with(&root)),
                "no pattern for root {root}"
            );
        }
    }

    #[test]
    fn phrases_become_elements_and_options() {
        let set = parse("# appeals\n0256 | urge $T ... refrain/halt | target\n042 | $S 's visit to $T | target\n").unwrap();
        let urge = &set.patterns()[0];
        assert_eq!(urge.id, "patterns.txt:2");
        assert_eq!(urge.elements.len(), 4);
        assert_eq!(
            urge.elements[3],
            Element::Word(vec!["refrain".into(), "halt".into()])
        );
        assert!(urge.options.target_required);
        let visit = &set.patterns()[1];
        assert_eq!(visit.prefix.len(), 2);
        assert_eq!(visit.anchored_words_for_test(), vec!["visit".to_string()]);
        assert_eq!(set.anchored_at("visit").count(), 1);
    }

    #[test]
    fn malformed_lines_name_their_line() {
        for text in [
            "# x\n0999 | urge $T\n",
            "# x\n020 | $T urge\n",
            "# x\n020 | urge $X\n",
            "# x\n020 | urge ...\n",
            "# x\n020 | urge | sometimes\n",
            "# x\n020 | urge | neg=77\n",
            "# x\n020\n",
            "# x\n020 | $S *\n",
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.to_string().contains("line 2"), "{err} for {text:?}");
        }
    }

    impl Pattern {
        fn anchored_words_for_test(&self) -> Vec<String> {
            self.anchor_words().to_vec()
        }
    }
}
