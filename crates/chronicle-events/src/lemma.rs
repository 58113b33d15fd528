//! A small fallback lemmatiser for matching pattern words before a real lemmatiser runs.
//!
//! It only needs to map inflected forms onto the words our pattern dictionary uses, so it
//! proposes a few candidate stems (`urged` → `urg`, `urge`) and keeps the first one the
//! dictionary knows; unknown words stay as their lower-cased text.

use std::collections::HashSet;

/// Irregular verb forms (and a few irregular plurals) that suffix stripping cannot undo.
const IRREGULAR: &[(&str, &str)] = &[
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("am", "be"),
    ("'s", "'s"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
    ("held", "hold"),
    ("met", "meet"),
    ("said", "say"),
    ("told", "tell"),
    ("made", "make"),
    ("gave", "give"),
    ("given", "give"),
    ("took", "take"),
    ("taken", "take"),
    ("fought", "fight"),
    ("sought", "seek"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("broke", "break"),
    ("broken", "break"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("began", "begin"),
    ("begun", "begin"),
    ("led", "lead"),
    ("sent", "send"),
    ("kept", "keep"),
    ("left", "leave"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("saw", "see"),
    ("seen", "see"),
    ("wrote", "write"),
    ("written", "write"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fled", "flee"),
    ("won", "win"),
    ("lost", "lose"),
    ("hit", "hit"),
    ("put", "put"),
    ("set", "set"),
    ("cut", "cut"),
    ("let", "let"),
    ("quit", "quit"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("thought", "think"),
    ("stood", "stand"),
    ("understood", "understand"),
    ("overtook", "overtake"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("rode", "ride"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("beaten", "beat"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("wove", "weave"),
    ("heard", "hear"),
    ("paid", "pay"),
    ("laid", "lay"),
    ("felt", "feel"),
    ("meant", "mean"),
    ("found", "find"),
    ("knew", "know"),
    ("known", "know"),
    ("grew", "grow"),
    ("ran", "run"),
    ("sat", "sit"),
    ("spent", "spend"),
    ("built", "build"),
    ("dealt", "deal"),
    ("hung", "hang"),
    ("sold", "sell"),
    ("won't", "will"),
    ("'ll", "will"),
    ("n't", "not"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "people"),
    ("children", "child"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
];

/// Maps lower-cased word forms to dictionary words.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    known: HashSet<String>,
}

impl Lemmatizer {
    /// A lemmatiser that prefers stems found in `known` (the pattern vocabulary).
    pub fn new(known: impl IntoIterator<Item = String>) -> Self {
        Lemmatizer {
            known: known.into_iter().collect(),
        }
    }

    /// Whether `lemma` is a word of the pattern vocabulary.
    pub fn knows(&self, lemma: &str) -> bool {
        self.known.contains(lemma)
    }

    /// The dictionary form of `word`: an irregular form's base, else the first known
    /// candidate stem, else the lower-cased word itself.
    pub fn lemma(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        if let Some((_, base)) = IRREGULAR
            .iter()
            .find(|(form, _)| form.eq_ignore_ascii_case(&lower))
        {
            return (*base).to_owned();
        }
        if self.known.contains(&lower) {
            // A plural the dictionary also lists ("attacks", "ships") is still its noun or
            // verb: patterns written with the singular must match it.
            return self.known_singular(&lower).unwrap_or(lower);
        }
        candidates(&lower)
            .into_iter()
            .flat_map(|c| [british_to_american(&c), c])
            .find(|c| self.known.contains(c))
            .unwrap_or(lower)
    }
}

impl Lemmatizer {
    /// The known singular of a plural form: "agencies" → "agency", "attacks" → "attack".
    fn known_singular(&self, word: &str) -> Option<String> {
        plural_stems(word)
            .into_iter()
            .find(|c| c.len() >= 3 && self.known.contains(c))
    }
}

/// `criticise` → `criticize`, `mobilise` → `mobilize` (patterns use -ize spellings).
fn british_to_american(word: &str) -> String {
    match word.strip_suffix("ise") {
        Some(stem) if stem.len() >= 3 => format!("{stem}ize"),
        _ => word.to_owned(),
    }
}

/// Candidate stems of an inflected form, most likely first.
fn candidates(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(stem) = word.strip_suffix("ied") {
        push(format!("{stem}y"));
    }
    for suffix in ["ing", "ed"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            push(stem.to_owned());
            push(format!("{stem}e"));
            push(undouble(stem));
        }
    }
    // (A word ending in "ies" ends in neither "ing" nor "ed": its "y" stem still comes first.)
    for stem in plural_stems(word) {
        push(stem);
    }
    if let Some(stem) = word.strip_suffix('d') {
        push(stem.to_owned());
    }
    out
}

/// Candidate singulars of a plural form, most likely first: "agencies" → "agency", "boxes"
/// → "box", "attacks" → "attack" ("class" is no plural of "clas").
fn plural_stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_owned());
    }
    if let Some(stem) = word.strip_suffix('s') {
        if !stem.ends_with('s') {
            out.push(stem.to_owned());
        }
    }
    out
}

/// `stopp` → `stop`, `planned` → `plan`: undo consonant doubling before a suffix.
fn undouble(stem: &str) -> String {
    let mut chars = stem.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a == b && !"aeiou".contains(a) => {
            stem[..stem.len() - a.len_utf8()].to_owned()
        }
        _ => stem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmatizer() -> Lemmatizer {
        let words = [
            "urge",
            "stop",
            "talk",
            "test",
            "criticize",
            "accuse",
            "ally",
            "shell",
            "test-fire",
            "mobilize",
            "hold",
        ];
        Lemmatizer::new(words.iter().map(|w| w.to_string()))
    }

    #[test]
    fn a_plural_the_dictionary_also_lists_keeps_its_singular_lemma() {
        // The dictionary lists "missiles" and "agencies" beside their singulars: a pattern
        // written with "missile" must still match "missiles".
        let words = [
            "missile", "missiles", "agency", "agencies", "remain", "remains",
        ];
        let l = Lemmatizer::new(words.iter().map(|w| w.to_string()));
        assert_eq!(l.lemma("missiles"), "missile");
        assert_eq!(l.lemma("agencies"), "agency");
        assert_eq!(l.lemma("remains"), "remain");
        assert_eq!(l.lemma("missile"), "missile");
    }

    #[test]
    fn regular_inflections_reach_known_stems() {
        let l = lemmatizer();
        for (form, lemma) in [
            ("urged", "urge"),
            ("urges", "urge"),
            ("urging", "urge"),
            ("stopped", "stop"),
            ("stopping", "stop"),
            ("talks", "talk"),
            ("Tests", "test"),
            ("accused", "accuse"),
            ("allies", "ally"),
            ("shelled", "shell"),
            ("test-fired", "test-fire"),
            ("criticised", "criticize"),
            ("mobilising", "mobilize"),
            ("held", "hold"),
        ] {
            assert_eq!(l.lemma(form), lemma, "{form}");
        }
    }

    #[test]
    fn unknown_words_stay_lower_cased() {
        let l = lemmatizer();
        assert_eq!(l.lemma("Pyongyang"), "pyongyang");
        assert_eq!(l.lemma("thinking"), "thinking");
        assert_eq!(l.lemma("ß"), "ß");
        assert_eq!(l.lemma(""), "");
    }
}
