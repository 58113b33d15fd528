//! The trained model (tagger + lemmatizer + parser), its training recipe and its file format.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

use crate::binio::{Reader, Writer};
use crate::conllu::{read_conllu, ConlluSentence};
use crate::hash::hash_str;
use crate::lemma::Lemmatizer;
use crate::parser::mlp::{self, Mlp, MlpOptions};
use crate::parser::{ParseExample, ParseWord, Parser};
use crate::tagger::net::{self as tag_net, NetExample, TagNet, TagNetOptions};
use crate::tagger::{TagExample, Tagger, WordInfo, NO_ALTERNATIVE};
use crate::{evaluate_sentences, SyntaxError};

const MAGIC: &[u8; 8] = b"CHRSYN02";
/// Optional sections after the parser, each introduced by its id (models without them
/// keep their bytes).
const SECTION_MLP: u64 = 1;
const SECTION_TAG_NET: u64 = 2;
/// The network's run-time margins, saved only where they differ from the defaults.
const SECTION_MLP_MARGINS: u64 = 3;

/// Training settings. The defaults rebuild the shipped model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknife tagging of the parser's training data (so the parser learns from
    /// tags as noisy as at run time); 0 or 1 trains the parser on gold tags.
    pub jackknife_folds: usize,
    /// Seed of the shuffles and of the oracle's exploration.
    pub seed: u64,
    /// Parser weights with smaller magnitude are dropped from the saved model (size, speed).
    pub min_weight: f32,
    /// The same for the tagger, whose accuracy suffers sooner.
    pub tagger_min_weight: f32,
    /// Print per-epoch scores to stderr.
    pub verbose: bool,
    /// Parser beam width: 1 trains the greedy parser with the dynamic oracle (the shipped
    /// model); more trains globally with beam search (structured perceptron, max-violation
    /// updates), and the trained model then parses with this width.
    pub beam_width: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 8,
            parser_epochs: 12,
            jackknife_folds: 4,
            seed: 20_181,
            min_weight: 1.1,
            tagger_min_weight: 0.5,
            verbose: true,
            beam_width: 1,
        }
    }
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAnalysis {
    pub upos: String,
    pub xpos: String,
    /// Treebank-style lemma: proper nouns and "I" keep their case.
    pub lemma: String,
    /// 0-based index of the head word; `None` for the root.
    pub head: Option<usize>,
    pub deprel: String,
}

/// A trained tagger, lemmatizer and parser.
pub struct SyntaxModel {
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
    /// Parser beam width at run time (1: greedy, the fastest).
    beam_width: usize,
}

#[cfg(chronicle_syntax_model)]
static DEFAULT_MODEL: Option<&[u8]> = Some(include_bytes!("../model/en_ewt.bin.gz"));
#[cfg(not(chronicle_syntax_model))]
static DEFAULT_MODEL: Option<&[u8]> = None;

impl SyntaxModel {
    /// The model trained on UD English-EWT that ships inside the binary.
    pub fn load_default() -> Result<SyntaxModel, SyntaxError> {
        match DEFAULT_MODEL {
            Some(bytes) => SyntaxModel::from_bytes(bytes),
            None => Err(SyntaxError::Model(
                "no embedded model: build with crates/chronicle-syntax/model/en_ewt.bin.gz present \
                 (see the crate README to rebuild it)"
                    .into(),
            )),
        }
    }

    pub fn load(path: &Path) -> Result<SyntaxModel, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|e| SyntaxError::io(path, e))?;
        SyntaxModel::from_bytes(&bytes)
            .map_err(|e| SyntaxError::Model(format!("{}: {e}", path.display())))
    }

    pub fn save(&self, path: &Path) -> Result<(), SyntaxError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| SyntaxError::io(path, e))
    }

    /// The compressed model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        // The network is an optional trailing section, so models without one keep their
        // bytes.
        if let Some(net) = &self.parser.mlp {
            w.varint(SECTION_MLP);
            net.write(&mut w);
        }
        if let Some(net) = &self.tagger.net {
            w.varint(SECTION_TAG_NET);
            net.write(&mut w);
        }
        if let Some(net) = &self.parser.mlp {
            if net.confident_margin != mlp::CONFIDENT_MARGIN
                || net.candidate_margin != mlp::CANDIDATE_MARGIN
            {
                w.varint(SECTION_MLP_MARGINS);
                w.f32(net.confident_margin);
                w.f32(net.candidate_margin);
            }
        }
        let mut out = MAGIC.to_vec();
        let mut enc = flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = enc.write_all(&w.buf);
        let _ = enc.finish();
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| SyntaxError::Model("not a chronicle-syntax model".into()))?;
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(body)
            .read_to_end(&mut raw)
            .map_err(|e| SyntaxError::Model(format!("corrupt model: {e}")))?;
        let mut r = Reader::new(&raw);
        let read = |r: &mut Reader| -> Result<SyntaxModel, String> {
            let mut tagger = Tagger::read(r)?;
            let lemmatizer = Lemmatizer::read(r)?;
            let mut parser = Parser::read(r)?;
            while !r.at_end() {
                match r.varint()? {
                    SECTION_MLP => {
                        let net = Mlp::read(r)?;
                        if !net.fits(tagger.tags.len(), parser.labels.len()) {
                            return Err("network does not match the tag and label sets".into());
                        }
                        parser.mlp = Some(net);
                    }
                    SECTION_TAG_NET => {
                        let net = TagNet::read(r)?;
                        if !net.fits(tagger.tags.len()) {
                            return Err("tagger network does not match the tag set".into());
                        }
                        tagger.net = Some(net);
                    }
                    SECTION_MLP_MARGINS => {
                        let (confident, candidates) = (r.f32()?, r.f32()?);
                        let net = parser.mlp.as_mut().ok_or("margins without a network")?;
                        if confident.is_nan() || candidates.is_nan() {
                            return Err("bad network margins".into());
                        }
                        net.confident_margin = confident;
                        net.candidate_margin = candidates;
                    }
                    _ => return Err("unknown model section".into()),
                }
            }
            Ok(SyntaxModel {
                tagger,
                lemmatizer,
                parser,
                beam_width: 1,
            })
        };
        read(&mut r).map_err(|e| SyntaxError::Model(format!("corrupt model: {e}")))
    }

    /// Drops weights with magnitude below `min_weight` (a smaller, faster, slightly less
    /// accurate model).
    pub fn prune(&mut self, tagger_min_weight: f32, parser_min_weight: f32) {
        self.tagger = self.tagger.pruned(tagger_min_weight);
        self.parser = self.parser.pruned(parser_min_weight);
    }

    /// Sets the parser's beam width (1, the default, parses greedily; a model trained with
    /// a beam parses best with the same width). The width is not saved with the model.
    pub fn set_beam_width(&mut self, width: usize) {
        self.beam_width = width.max(1);
    }

    /// Sets the weight of the perceptron's scores where a network is attached (saved with
    /// the model; 0 uses the network alone). No effect without a network.
    pub fn set_network_scale(&mut self, scale: f32) {
        if let Some(net) = &mut self.parser.mlp {
            net.perceptron_scale = scale.max(0.0);
        }
    }

    /// Settings of an attached network (saved with the model): it is consulted only where
    /// the perceptron's best valid move leads the next by less than `confident` (scaled)
    /// logits, and then scores only the moves within `candidates` logits of the best
    /// (defaults 4 and 4).
    pub fn set_network_margins(&mut self, confident: f32, candidates: f32) {
        if let Some(net) = &mut self.parser.mlp {
            net.confident_margin = confident;
            net.candidate_margin = candidates;
        }
    }

    pub fn beam_width(&self) -> usize {
        self.beam_width
    }

    /// Trains a neural transition classifier (see `MlpOptions`) on `train` and attaches it
    /// to this model's parser. The parser's training data is tagged by jackknifing as for
    /// the perceptron. After each epoch the weight of the perceptron's scores in the
    /// combination is chosen on `dev` (0 uses the network alone); the best epoch is kept.
    pub fn train_mlp(
        &mut self,
        train: &[ConlluSentence],
        dev: &[ConlluSentence],
        opts: &TrainOptions,
        mlp_opts: &MlpOptions,
    ) -> Result<(), SyntaxError> {
        if train.is_empty() {
            return Err(SyntaxError::Training("no training sentences".into()));
        }
        let started = Instant::now();
        let tags = self.tagger.tags.clone();
        let labels = self.parser.labels.clone();
        let tag_examples: Vec<TagExample> = train.iter().map(|s| tag_example(s, &tags)).collect();
        let predicted = jackknife_tags(&tags, &tag_examples, opts, &self.tagger);
        say(opts, || {
            format!("jackknife tags done at {:.0?}", started.elapsed())
        });
        let examples: Vec<ParseExample> = train
            .iter()
            .zip(&predicted)
            .map(|(s, t)| parse_example(s, t, &labels, &tags))
            .collect();
        let net = mlp::train(&examples, tags.len(), labels.len(), mlp_opts, |e, net| {
            let mut best = (f64::MIN, 0.0, 0.0);
            for scale in mlp_opts.perceptron_scales.iter().copied() {
                let mut candidate = net.clone();
                candidate.perceptron_scale = scale;
                self.parser.mlp = Some(candidate);
                let report = evaluate_sentences(self, dev);
                say(opts, || {
                    format!(
                        "network epoch {}, perceptron scale {scale}: dev UAS {:.2} LAS {:.2} ({:.0?})",
                        e + 1,
                        report.uas,
                        report.las,
                        started.elapsed()
                    )
                });
                if report.las > best.0 {
                    best = (report.las, scale, report.uas);
                }
            }
            net.perceptron_scale = best.1;
            best.0
        });
        self.parser.mlp = Some(net);
        Ok(())
    }

    /// Trains the optional window network of the tagger (see `TagNetOptions`) on `train`
    /// and attaches it; after each epoch the weight of the perceptron's scores is chosen
    /// on `dev` by parse LAS (0 uses the network alone) and the best epoch is kept. The
    /// parser is not retrained.
    pub fn train_tag_net(
        &mut self,
        train: &[ConlluSentence],
        dev: &[ConlluSentence],
        opts: &TrainOptions,
        net_opts: &TagNetOptions,
    ) -> Result<(), SyntaxError> {
        if train.is_empty() {
            return Err(SyntaxError::Training("no training sentences".into()));
        }
        let started = Instant::now();
        let tags = self.tagger.tags.clone();
        let tag_examples: Vec<TagExample> = train.iter().map(|s| tag_example(s, &tags)).collect();
        let lexicon = self.tagger.lexicon();
        let infos: Vec<Vec<WordInfo>> = tag_examples
            .iter()
            .map(|e| e.forms.iter().map(|f| WordInfo::new(f, &lexicon)).collect())
            .collect();
        let examples: Vec<NetExample> = infos
            .iter()
            .zip(&tag_examples)
            .map(|(words, e)| NetExample {
                words,
                tags: &e.tags,
            })
            .collect();
        let net = tag_net::train(&examples, tags.len(), net_opts, |e, net| {
            let mut best = (f64::MIN, 0.0);
            for scale in net_opts.perceptron_scales.iter().copied() {
                let mut candidate = net.clone();
                candidate.perceptron_scale = scale;
                self.tagger.net = Some(candidate);
                let report = evaluate_sentences(self, dev);
                say(opts, || {
                    format!(
                        "tagger network epoch {}, perceptron scale {scale}: dev UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} ({:.0?})",
                        e + 1,
                        report.upos,
                        report.xpos,
                        report.uas,
                        report.las,
                        started.elapsed()
                    )
                });
                if report.las > best.0 {
                    best = (report.las, scale);
                }
            }
            net.perceptron_scale = best.1;
            best.0
        });
        self.tagger.net = Some(net);
        Ok(())
    }

    /// The lemmatizer alone (for callers that already have tags).
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Sizes for reports: (tagger features, parser features, parser weights).
    pub fn stats(&self) -> (usize, usize, usize) {
        (
            self.tagger.n_features(),
            self.parser.n_features(),
            self.parser.n_weights(),
        )
    }

    /// Tags, lemmatizes and parses one sentence of word forms. Never panics; an empty input
    /// gives an empty output.
    pub fn analyze(&self, forms: &[&str]) -> Vec<WordAnalysis> {
        if forms.is_empty() {
            return Vec::new();
        }
        let (mut tags, infos) = self.tagger.tag_words(forms);
        self.tag_adjectival_compounds(forms, &mut tags);
        self.tag_clause_subordinators(forms, &infos, &mut tags);
        self.tag_mandative_subjunctives(forms, &mut tags);
        self.tag_shot_dead(forms, &mut tags);
        self.tag_phrasal_pasts(forms, &infos, &mut tags);
        self.parse_tagged(forms, &infos, &tags)
    }

    /// "Iran-backed rebels", "the Saudi-led coalition": a hyphenated compound ending in a
    /// participle modifies a noun (ADJ/JJ). EWT splits such words at the hyphen, so the
    /// tagger never saw them whole and often reads them as verbs, rooting the parse on them.
    fn tag_adjectival_compounds(&self, forms: &[&str], tags: &mut [u16]) {
        let is_compound = |form: &&str| {
            form.rsplit_once('-').is_some_and(|(head, last)| {
                COMPOUND_PARTICIPLES.contains(&last.to_lowercase().as_str())
                    && head.chars().any(char::is_alphabetic)
            })
        };
        // Most sentences have none: the tag id is looked up only when one is there.
        if !forms.iter().any(is_compound) {
            return;
        }
        let Some(adj) = self.tagger.tag_id("ADJ", "JJ") else {
            return;
        };
        for (tag, form) in tags.iter_mut().zip(forms) {
            if is_compound(form) {
                *tag = adj;
            }
        }
    }

    /// "gunmen stormed the house and *shot* Moïse dead": "shot" before a name (or a pronoun)
    /// and "dead" is the verb, however rare the name leaves the tagger.
    fn tag_shot_dead(&self, forms: &[&str], tags: &mut [u16]) {
        let Some(dead) = forms.iter().position(|f| f.eq_ignore_ascii_case("dead")) else {
            return;
        };
        let Some(vbd) = self.tagger.tag_id("VERB", "VBD") else {
            return;
        };
        let shot = (dead.saturating_sub(MAX_SHOT_DEAD_GAP + 1)..dead.saturating_sub(1))
            .find(|&i| forms[i].eq_ignore_ascii_case("shot"));
        let named_between = shot.is_some_and(|i| {
            forms[i + 1..dead]
                .iter()
                .all(|f| f.chars().next().is_some_and(char::is_uppercase) || is_pronoun(f))
        });
        if let Some(i) = shot.filter(|_| named_between) {
            tags[i] = vbd;
        }
    }

    /// "Iran *shot* down a US drone", "Azerbaijani forces *shot* down a helicopter": a word
    /// read as a singular noun whose runner-up reading is a past verb form (or that is a known
    /// irregular past, "shot" → "shoot"), after a subject (a name, a plural noun, an adjective
    /// such as "military") and before a particle that opens an object ("down a", "off the"),
    /// is that verb. EWT has few shoot-downs, and the tagger reads "Iran shot" as one noun
    /// phrase, leaving the sentence without its verb.
    fn tag_phrasal_pasts(&self, forms: &[&str], infos: &[WordInfo], tags: &mut [u16]) {
        if !forms.iter().any(|f| is_object_particle(f)) {
            return;
        }
        let (Some(vbd), Some(vbn)) = (
            self.tagger.tag_id("VERB", "VBD"),
            self.tagger.tag_id("VERB", "VBN"),
        ) else {
            return;
        };
        let xpos = self.xpos_of(tags);
        for k in 1..forms.len().saturating_sub(2) {
            let subject_before =
                matches!(xpos[k - 1], "NNP" | "NNPS" | "NN" | "NNS" | "JJ" | "PRP");
            let object_after = matches!(
                xpos[k + 2],
                "DT" | "CD" | "PRP$" | "JJ" | "NNP" | "NNPS" | "NNS"
            );
            // The lemma lookup allocates: it comes last, for the few words the context fits.
            if xpos[k] == "NN"
                && is_object_particle(forms[k + 1])
                && subject_before
                && object_after
                && forms[k].chars().next().is_some_and(char::is_lowercase)
                && (infos[k].alt == vbd
                    || infos[k].alt == vbn
                    || self.lemmatizer.lemmatize(forms[k], "VBD") != forms[k])
            {
                tags[k] = vbd;
            }
        }
    }

    /// "hours after Iran executed a British national": a time preposition followed by a
    /// noun phrase and a finite verb opens a clause (SCONJ). Wire copy is full of such
    /// "after"-clauses, EWT has few with a bare noun subject, and the tagger reads them as
    /// "after Iran", leaving the clause's verb without its subject.
    fn tag_clause_subordinators(&self, forms: &[&str], infos: &[WordInfo], tags: &mut [u16]) {
        let is_time_preposition = |form: &str| {
            matches!(
                form.to_lowercase().as_str(),
                "after" | "before" | "until" | "since"
            )
        };
        if !forms.iter().any(|f| is_time_preposition(f)) {
            return;
        }
        let (Some(adp), Some(sconj)) = (
            self.tagger.tag_id("ADP", "IN"),
            self.tagger.tag_id("SCONJ", "IN"),
        ) else {
            return;
        };
        let mut xpos = self.xpos_of(tags);
        // "days after Tehran *shot* down a drone": a name and a word read as a noun whose
        // runner-up reading is a past-tense verb, before a particle or a determiner, is that
        // verb.
        if let Some(vbd) = self.tagger.tag_id("VERB", "VBD") {
            for i in 0..forms.len() {
                if tags[i] != adp || !is_time_preposition(forms[i]) {
                    continue;
                }
                let Some(k) = verb_misread_after_name(forms, &xpos, i) else {
                    continue;
                };
                if infos[k].alt == vbd {
                    tags[k] = vbd;
                    xpos[k] = "VBD";
                }
            }
        }
        for i in 0..forms.len() {
            if tags[i] == adp
                && is_time_preposition(forms[i])
                && subject_then_finite_verb(forms, &xpos, i + 1)
            {
                tags[i] = sconj;
            }
        }
    }

    /// "Turkey demanded that Moscow *hand* over the suspects": after a verb of demanding and
    /// "that", a name and a singular noun that opens an object is the clause's base verb
    /// (the mandative subjunctive). EWT has few, and the tagger reads "Moscow hand" as one
    /// noun phrase, so the clause loses both its verb and its subject.
    fn tag_mandative_subjunctives(&self, forms: &[&str], tags: &mut [u16]) {
        let opens_mandative = |i: usize| {
            forms[i].eq_ignore_ascii_case("that")
                && i.checked_sub(1).is_some_and(|j| {
                    let verb = forms[j].to_lowercase();
                    MANDATIVE_STEMS.iter().any(|s| verb.starts_with(s))
                })
        };
        if !(1..forms.len()).any(opens_mandative) {
            return;
        }
        let Some(vb) = self.tagger.tag_id("VERB", "VB") else {
            return;
        };
        let xpos = self.xpos_of(tags);
        for i in (1..forms.len()).filter(|&i| opens_mandative(i)) {
            if let Some(k) = base_verb_misread_after_name(forms, &xpos, i) {
                tags[k] = vb;
            }
        }
    }

    /// The XPOS tag of each tag id.
    fn xpos_of(&self, tags: &[u16]) -> Vec<&str> {
        tags.iter()
            .map(|&t| {
                self.tagger
                    .tags
                    .get(t as usize)
                    .map_or("", |(_, x)| x.as_str())
            })
            .collect()
    }

    /// Like [`SyntaxModel::analyze`], but with the given `(UPOS, XPOS)` tags where the
    /// model knows the pair (the tagger's own tag otherwise): to parse text tagged
    /// elsewhere, or to measure what tagging errors cost the parser.
    pub fn analyze_with_tags(&self, forms: &[&str], given: &[(&str, &str)]) -> Vec<WordAnalysis> {
        if forms.is_empty() {
            return Vec::new();
        }
        let (mut tags, infos) = self.tagger.tag_words(forms);
        for (t, (upos, xpos)) in tags.iter_mut().zip(given) {
            if let Some(id) = self.tagger.tag_id(upos, xpos) {
                *t = id;
            }
        }
        self.parse_tagged(forms, &infos, &tags)
    }

    /// Lemmatizes and parses a tagged sentence.
    fn parse_tagged(&self, forms: &[&str], infos: &[WordInfo], tags: &[u16]) -> Vec<WordAnalysis> {
        let guesses: Vec<TagGuess> = infos
            .iter()
            .zip(tags)
            .map(|(w, &tag)| TagGuess {
                lower: w.lower,
                tag,
                alt: w.alt,
                margin: w.margin,
            })
            .collect();
        let words = parse_words(&guesses, &self.tagger.tags);
        let (heads, labels) = self.parser.parse(&words, self.beam_width);
        let mut analysis: Vec<WordAnalysis> = forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let (upos, xpos) = self
                    .tagger
                    .tags
                    .get(tags[i] as usize)
                    .cloned()
                    .unwrap_or_default();
                let lemma = self.lemmatizer.lemmatize(form, &xpos);
                WordAnalysis {
                    upos,
                    xpos,
                    lemma,
                    head: heads[i + 1].checked_sub(1),
                    deprel: self
                        .parser
                        .labels
                        .get(labels[i + 1] as usize)
                        .cloned()
                        .unwrap_or_else(|| "dep".into()),
                }
            })
            .collect();
        relabel_controller_objects(&mut analysis);
        reattach_fronted_reports(&mut analysis);
        promote_verbless_roots(&mut analysis);
        analysis
    }
}

/// Most words between "shot" and "dead" ("shot *Jovenel Moïse* dead").
const MAX_SHOT_DEAD_GAP: usize = 3;

/// Particles of phrasal verbs that take an object: "shot *down* a drone", "cut *off* the".
fn is_object_particle(form: &str) -> bool {
    matches!(form, "down" | "off" | "up" | "out")
}

fn is_pronoun(form: &str) -> bool {
    matches!(form.to_lowercase().as_str(), "him" | "her" | "them")
}

/// After the preposition at `prep`: one to three proper nouns, then a common noun followed by
/// a particle, a determiner or a possessive; that noun's position.
fn verb_misread_after_name(forms: &[&str], xpos: &[&str], prep: usize) -> Option<usize> {
    let names = (prep + 1..forms.len())
        .take_while(|&k| xpos[k] == "NNP")
        .count();
    let noun = prep + 1 + names;
    let next = *xpos.get(noun + 1)?;
    let opens_object = matches!(next, "RP" | "DT" | "PRP$") || forms[noun + 1] == "down";
    ((1..=3).contains(&names) && xpos[noun] == "NN" && opens_object).then_some(noun)
}

/// Verbs (and nouns) of demanding whose "that"-clause takes a base-form verb: "demanded
/// that", "insists that", "urging that", "the request that".
const MANDATIVE_STEMS: &[&str] = &[
    "demand",
    "insist",
    "urg",
    "ask",
    "request",
    "requir",
    "propos",
    "recommend",
    "order",
    "stipulat",
];

/// After "that" at `that`: "the" or nothing, one to three proper nouns, then a lower-case
/// singular noun followed by what opens an object, a particle or a preposition ("hand
/// *over*", "reveal *who*", "release *the*", "apologize *for*"); that noun's position.
fn base_verb_misread_after_name(forms: &[&str], xpos: &[&str], that: usize) -> Option<usize> {
    let start = that + 1 + usize::from(forms.get(that + 1)? == &"the");
    let names = (start..forms.len())
        .take_while(|&k| xpos[k] == "NNP")
        .count();
    let noun = start + names;
    let next = *xpos.get(noun + 1)?;
    let lower_case = forms[noun].chars().next().is_some_and(char::is_lowercase);
    let opens_object = matches!(
        next,
        "DT" | "PRP$" | "WP" | "WRB" | "RP" | "CD" | "IN" | "TO"
    ) || matches!(
        forms[noun + 1],
        "over" | "out" | "down" | "back" | "up" | "off"
    );
    ((1..=3).contains(&names) && xpos[noun] == "NN" && lower_case && opens_object).then_some(noun)
}

/// Whether the words from `start` are a noun phrase ("the British-Iranian dual national",
/// "North Korea", "Russia's defence ministry") directly followed by a finite verb.
fn subject_then_finite_verb(forms: &[&str], xpos: &[&str], start: usize) -> bool {
    let mut saw_noun = false;
    for (i, form) in forms.iter().enumerate().skip(start) {
        match xpos[i] {
            "NN" | "NNS" | "NNP" | "NNPS" | "CD" => saw_noun = true,
            "DT" | "JJ" | "JJR" | "JJS" | "PRP$" | "POS" | "HYPH" => {}
            "IN" if form.eq_ignore_ascii_case("of") && saw_noun => {}
            "VBD" | "VBZ" | "VBP" | "MD" => return saw_noun,
            _ => return false,
        }
    }
    false
}

/// Last parts of hyphenated compounds that make them adjectives ("U.S.-led", "state-run").
const COMPOUND_PARTICIPLES: &[&str] = &[
    "led",
    "backed",
    "based",
    "owned",
    "run",
    "funded",
    "controlled",
    "brokered",
    "sponsored",
    "made",
    "held",
    "linked",
    "allied",
    "aligned",
    "flagged",
    "registered",
    "installed",
    "appointed",
    "dominated",
    "affiliated",
    "supported",
    "armed",
    "trained",
    "operated",
    "occupied",
    "annexed",
    "administered",
    "mediated",
    "drafted",
    "authored",
    "imposed",
];

/// Whether a word depends on `head` by the relation `rel`.
fn has_dependent(words: &[WordAnalysis], head: usize, rel: &str) -> bool {
    words
        .iter()
        .any(|w| w.head == Some(head) && w.deprel == rel)
}

/// "Israeli warplanes *bombed* the reactor on Sunday, Israel announced": the greedy parser
/// reads the fronted clause's verb as a reduced relative ("warplanes bombed" as "warplanes
/// that were bombed") and hangs "warplanes" on the reporting verb, which then has two
/// subjects. A verb can have only one: the first subject's past-tense `acl` between the two
/// (a participle only with an object) is the reported clause (`ccomp`), and that subject is
/// its own.
fn reattach_fronted_reports(words: &mut [WordAnalysis]) {
    let n = words.len();
    // Each head's subjects, in order (one pass: sentences can be long).
    let mut subjects: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, w) in words.iter().enumerate() {
        if let Some(h) = w.head.filter(|&h| h < n && w.deprel == "nsubj") {
            subjects[h].push(i);
        }
    }
    for (head, subjects) in subjects.iter().enumerate() {
        let [first, second] = subjects[..] else {
            continue;
        };
        let reported = (first + 1..second).find(|&v| {
            words[v].head == Some(first)
                && words[v].deprel == "acl"
                && (words[v].xpos == "VBD"
                    || (words[v].xpos == "VBN" && has_dependent(words, v, "obj")))
        });
        if let Some(verb) = reported {
            words[verb].head = Some(head);
            words[verb].deprel = "ccomp".into();
            words[first].head = Some(verb);
        }
    }
}

/// "Soviet troops, with contingents from four other countries, *invaded* Czechoslovakia":
/// after a long subject the parser may read the verb as a reduced relative on the nearest
/// noun and root the sentence on the subject. A noun root (without a copula or a subject)
/// with a past-tense verb or participle as `acl` that has an object is a sentence whose verb
/// that is; the old root becomes its subject.
fn promote_verbless_roots(words: &mut [WordAnalysis]) {
    let Some(root) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    // "This is the best solution *given* all the uncertainties": a noun with a copula or a
    // subject is a predicate, rightly the root.
    let predicate = ["cop", "nsubj", "expl"]
        .iter()
        .any(|rel| has_dependent(words, root, rel));
    if predicate || !matches!(words[root].upos.as_str(), "NOUN" | "PROPN") {
        return;
    }
    let Some(verb) = (root + 1..words.len()).find(|&v| {
        words[v].deprel == "acl"
            && matches!(words[v].xpos.as_str(), "VBD" | "VBN")
            && has_dependent(words, v, "obj")
    }) else {
        return;
    };
    words[verb].head = None;
    words[verb].deprel = "root".into();
    words[root].head = Some(verb);
    words[root].deprel = "nsubj".into();
    for w in words.iter_mut().skip(verb + 1) {
        if w.head == Some(root) && w.deprel == "punct" {
            w.head = Some(verb);
        }
    }
}

/// In UD the noun phrase that controls an `xcomp` ("urged Iran to halt …") is the `obj`;
/// `iobj` only stands next to an `obj` or a clause. The greedy parser labels the phrase
/// before it has seen the `xcomp`, so an `iobj` whose head has an `xcomp` and no `obj`
/// becomes `obj` (right for 91% of such heads in EWT train, 771 of 846).
fn relabel_controller_objects(words: &mut [WordAnalysis]) {
    let n = words.len();
    let mut has = vec![(false, false); n];
    for w in words.iter() {
        if let Some(h) = w.head.filter(|&h| h < n) {
            match w.deprel.as_str() {
                "xcomp" => has[h].0 = true,
                "obj" => has[h].1 = true,
                _ => {}
            }
        }
    }
    for w in words.iter_mut() {
        let controls = w.head.is_some_and(|h| h < n && has[h].0 && !has[h].1);
        if controls && w.deprel == "iobj" {
            w.deprel = "obj".into();
        }
    }
}

/// What the tagger said about one word.
#[derive(Clone, Copy)]
struct TagGuess {
    /// Hash of the lower-cased form.
    lower: u64,
    tag: u16,
    /// Runner-up tag and lead bucket (see `WordInfo`).
    alt: u16,
    margin: u8,
}

/// The parser's view of a sentence.
fn parse_words(guesses: &[TagGuess], tag_set: &[(String, String)]) -> Vec<ParseWord> {
    let mut words = Vec::with_capacity(guesses.len() + 1);
    words.push(ParseWord {
        word: 0,
        tag: 0,
        coarse: 0,
        alt: NO_ALTERNATIVE,
        margin: 15,
    });
    for g in guesses {
        words.push(ParseWord {
            word: g.lower,
            tag: g.tag,
            coarse: tag_set
                .get(g.tag as usize)
                .map_or(0, |(upos, _)| coarse_id(upos)),
            alt: g.alt,
            margin: g.margin,
        });
    }
    words
}

/// A stable id for a UPOS tag.
fn coarse_id(upos: &str) -> u16 {
    (crate::hash::hash_str(upos) & 0x3ff) as u16
}

fn say(opts: &TrainOptions, msg: impl FnOnce() -> String) {
    if opts.verbose {
        eprintln!("{}", msg());
    }
}

/// Trains on a CoNLL-U treebank; with `dev`, prints per-epoch dev scores to stderr and
/// keeps each component's best epoch. Same data and options give the same model bytes.
pub fn train(
    train: &Path,
    dev: Option<&Path>,
    opts: &TrainOptions,
) -> Result<SyntaxModel, SyntaxError> {
    let train_sents = read_conllu(train)?;
    let dev_sents = dev.map(read_conllu).transpose()?.unwrap_or_default();
    train_sentences(&train_sents, &dev_sents, opts)
}

/// [`train`] on sentences already read.
pub fn train_sentences(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<SyntaxModel, SyntaxError> {
    if train.is_empty() {
        return Err(SyntaxError::Training("no training sentences".into()));
    }
    let started = Instant::now();
    let mut tags: Vec<(String, String)> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| (w.upos.clone(), w.xpos.clone()))
        .collect();
    tags.sort();
    tags.dedup();
    let mut labels: Vec<String> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| w.deprel.clone())
        .collect();
    labels.sort();
    labels.dedup();
    if tags.len() > u16::MAX as usize || labels.len() > 127 {
        return Err(SyntaxError::Training("too many tags or labels".into()));
    }
    let tag_examples: Vec<TagExample> = train.iter().map(|s| tag_example(s, &tags)).collect();

    let tagger = Tagger::train(
        tags.clone(),
        &tag_examples,
        opts.tagger_epochs,
        opts.seed,
        |e, t| {
            let acc = tag_accuracy(t, dev);
            say(opts, || {
                format!("tagger epoch {}: dev UPOS+XPOS {:.2}%", e + 1, acc * 100.0)
            });
            acc
        },
    );
    say(opts, || {
        format!("tagger trained in {:.0?}", started.elapsed())
    });

    let predicted = jackknife_tags(&tags, &tag_examples, opts, &tagger);
    say(opts, || {
        format!("jackknife tags done at {:.0?}", started.elapsed())
    });
    let parse_examples: Vec<ParseExample> = train
        .iter()
        .zip(&predicted)
        .map(|(s, t)| parse_example(s, t, &labels, &tags))
        .collect();

    let lemmatizer = Lemmatizer::train(
        train
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str())),
    );

    let mut model = SyntaxModel {
        tagger: tagger.pruned(opts.tagger_min_weight),
        lemmatizer,
        parser: Parser::train(labels.clone(), &[], 0, opts.seed, 1, |_, _| 0.0),
        beam_width: opts.beam_width.max(1),
    };
    let parser = Parser::train(
        labels,
        &parse_examples,
        opts.parser_epochs,
        opts.seed,
        opts.beam_width,
        |e, p| {
            model.parser = p.pruned(0.0);
            let report = evaluate_sentences(&model, dev);
            say(opts, || {
                format!(
                    "parser epoch {}: dev UAS {:.2} LAS {:.2} ({:.0?})",
                    e + 1,
                    report.uas,
                    report.las,
                    started.elapsed()
                )
            });
            report.las
        },
    );
    model.parser = parser.pruned(opts.min_weight);
    Ok(model)
}

fn tag_example(s: &ConlluSentence, tags: &[(String, String)]) -> TagExample {
    TagExample {
        forms: s.words.iter().map(|w| w.form.clone()).collect(),
        tags: s
            .words
            .iter()
            .map(|w| {
                tags.binary_search(&(w.upos.clone(), w.xpos.clone()))
                    .unwrap_or(0) as u16
            })
            .collect(),
    }
}

fn parse_example(
    s: &ConlluSentence,
    tags: &[(u16, u16, u8)],
    labels: &[String],
    tag_set: &[(String, String)],
) -> ParseExample {
    let guesses: Vec<TagGuess> = s
        .words
        .iter()
        .zip(tags)
        .map(|(w, &(tag, alt, margin))| TagGuess {
            lower: hash_str(&w.form.to_lowercase()),
            tag,
            alt,
            margin,
        })
        .collect();
    let mut heads = vec![0];
    let mut label_ids = vec![0];
    for w in &s.words {
        heads.push(w.head);
        label_ids.push(labels.binary_search(&w.deprel).unwrap_or(0) as u8);
    }
    ParseExample {
        words: parse_words(&guesses, tag_set),
        heads,
        labels: label_ids,
    }
}

/// Share of dev words whose joint tag is right (0 without dev data).
fn tag_accuracy(tagger: &Tagger, dev: &[ConlluSentence]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for s in dev {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (w, t) in s.words.iter().zip(tagger.tag(&forms)) {
            let (u, x) = &tagger.tags[t as usize];
            right += usize::from(*u == w.upos && *x == w.xpos);
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Each word's tag, runner-up tag and lead bucket.
fn tag_guesses(tagger: &Tagger, forms: &[String]) -> Vec<(u16, u16, u8)> {
    let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    let (tags, infos) = tagger.tag_words(&forms);
    tags.iter()
        .zip(&infos)
        .map(|(&t, w)| (t, w.alt, w.margin))
        .collect()
}

/// Tags each training sentence with a tagger that did not see it.
fn jackknife_tags(
    tags: &[(String, String)],
    examples: &[TagExample],
    opts: &TrainOptions,
    full: &Tagger,
) -> Vec<Vec<(u16, u16, u8)>> {
    let folds = opts.jackknife_folds;
    if folds < 2 || examples.len() < folds {
        return examples
            .iter()
            .map(|e| tag_guesses(full, &e.forms))
            .collect();
    }
    let mut out: Vec<Vec<(u16, u16, u8)>> = vec![Vec::new(); examples.len()];
    for fold in 0..folds {
        let (held, kept): (Vec<usize>, Vec<usize>) =
            (0..examples.len()).partition(|i| i % folds == fold);
        let subset: Vec<TagExample> = kept
            .iter()
            .map(|&i| TagExample {
                forms: examples[i].forms.clone(),
                tags: examples[i].tags.clone(),
            })
            .collect();
        let epochs = opts.tagger_epochs.min(5);
        let tagger = Tagger::train(
            tags.to_vec(),
            &subset,
            epochs,
            opts.seed + fold as u64,
            |e, _| e as f64,
        );
        for i in held {
            out[i] = tag_guesses(&tagger, &examples[i].forms);
        }
    }
    out
}
