//! The shipped model on realistic wire sentences, the pipeline stage, and robustness.

use std::sync::OnceLock;

use chronicle_core::{Article, Document, Sentence, Span, Stage, Token};
use chronicle_syntax::{evaluate, SyntaxAnalyzer, SyntaxModel, WordAnalysis};

fn model() -> &'static SyntaxModel {
    static MODEL: OnceLock<SyntaxModel> = OnceLock::new();
    MODEL.get_or_init(|| SyntaxModel::load_default().expect("embedded model loads"))
}

/// Whitespace tokenization: the test sentences are written pre-tokenized.
fn analyze(sentence: &str) -> (Vec<&str>, Vec<WordAnalysis>) {
    let forms: Vec<&str> = sentence.split_whitespace().collect();
    let analysis = model().analyze(&forms);
    assert_eq!(analysis.len(), forms.len());
    (forms, analysis)
}

fn index(forms: &[&str], word: &str) -> usize {
    forms
        .iter()
        .position(|f| *f == word)
        .unwrap_or_else(|| panic!("{word} not in {forms:?}"))
}

/// Asserts that `dep` attaches to `head` with a relation starting with `rel`.
fn assert_arc(forms: &[&str], a: &[WordAnalysis], dep: &str, head: &str, rel: &str) {
    let (d, h) = (index(forms, dep), index(forms, head));
    let got = &a[d];
    assert!(
        got.head == Some(h) && got.deprel.starts_with(rel),
        "{dep}: expected {rel} of {head}, got {} of {:?}",
        got.deprel,
        got.head.map(|i| forms[i])
    );
}

fn assert_root(forms: &[&str], a: &[WordAnalysis], word: &str) {
    let i = index(forms, word);
    assert_eq!((a[i].head, a[i].deprel.as_str()), (None, "root"), "{word}");
    assert_eq!(a.iter().filter(|w| w.head.is_none()).count(), 1);
}

#[test]
fn urged_north_korea_to_halt_tests() {
    let (f, a) = analyze("The United States urged North Korea to halt missile tests .");
    assert_root(&f, &a, "urged");
    assert_arc(&f, &a, "States", "urged", "nsubj");
    assert_arc(&f, &a, "Korea", "urged", "obj");
    assert_arc(&f, &a, "halt", "urged", "xcomp");
    assert_arc(&f, &a, "tests", "halt", "obj");
    assert_eq!(a[index(&f, "urged")].xpos, "VBD");
    assert_eq!(a[index(&f, "urged")].lemma, "urge");
    assert_eq!(a[index(&f, "Korea")].upos, "PROPN");
    assert_eq!(a[index(&f, "tests")].lemma, "test");
}

#[test]
fn passive_agent_is_obl_with_case_by() {
    let (f, a) = analyze("The nuclear deal was criticized by Russia on Monday .");
    assert_root(&f, &a, "criticized");
    assert_arc(&f, &a, "deal", "criticized", "nsubj");
    assert_arc(&f, &a, "Russia", "criticized", "obl");
    assert_arc(&f, &a, "by", "Russia", "case");
    assert_arc(&f, &a, "was", "criticized", "aux");
    assert_eq!(a[index(&f, "criticized")].xpos, "VBN");
}

#[test]
fn coordination_and_objects() {
    let (f, a) = analyze("Israel and Egypt signed a ceasefire agreement in Cairo on Sunday .");
    assert_root(&f, &a, "signed");
    assert_arc(&f, &a, "Israel", "signed", "nsubj");
    assert_arc(&f, &a, "Egypt", "Israel", "conj");
    assert_arc(&f, &a, "agreement", "signed", "obj");
    // "in Cairo" may modify either the verb or "agreement"; the date may not.
    assert_arc(&f, &a, "Sunday", "signed", "obl");
    assert_arc(&f, &a, "in", "Cairo", "case");
}

#[test]
fn reported_speech() {
    let (f, a) = analyze(
        "Turkish troops shelled Kurdish positions in northern Syria , a military spokesman said .",
    );
    assert_arc(&f, &a, "troops", "shelled", "nsubj");
    assert_arc(&f, &a, "positions", "shelled", "obj");
    assert_arc(&f, &a, "spokesman", "said", "nsubj");
    assert_eq!(a[index(&f, "Turkish")].upos, "ADJ");
    assert_eq!(a[index(&f, "said")].lemma, "say");
}

#[test]
fn negation_and_modals() {
    let (f, a) = analyze("The Kremlin said it would not recognize the vote in Crimea .");
    assert_root(&f, &a, "said");
    assert_arc(&f, &a, "Kremlin", "said", "nsubj");
    assert_arc(&f, &a, "recognize", "said", "ccomp");
    assert_arc(&f, &a, "not", "recognize", "advmod");
    assert_arc(&f, &a, "would", "recognize", "aux");
    assert_arc(&f, &a, "vote", "recognize", "obj");
}

/// A document with one sentence per line, tokens split on spaces, spans into the text.
fn document(lines: &[&str]) -> Document {
    let text = lines.join("\n");
    let mut doc = Document::new(Article {
        text: text.clone(),
        ..Default::default()
    });
    let mut offset = 0;
    for (index, line) in lines.iter().enumerate() {
        let mut tokens = Vec::new();
        let mut pos = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let start = offset + pos + line[pos..].find(word).unwrap_or(0);
            tokens.push(Token {
                text: word.to_owned(),
                span: Span::new(start, start + word.len()),
                lemma: word.to_lowercase(),
                ..Default::default()
            });
            pos = start + word.len() - offset;
        }
        doc.sentences.push(Sentence {
            index,
            span: Span::new(offset, offset + line.len()),
            paragraph: 0,
            tokens,
        });
        offset += line.len() + 1;
    }
    doc
}

#[test]
fn stage_fills_every_token() {
    let analyzer = SyntaxAnalyzer::new(std::sync::Arc::new(
        SyntaxModel::load_default().expect("model"),
    ));
    assert_eq!(analyzer.name(), "syntax");
    let mut doc = document(&[
        "Pakistan 's army chief met Afghan officials in Kabul on Wednesday .",
        "",
        "China accused the United States of meddling .",
    ]);
    analyzer.process(&mut doc);
    let first = &doc.sentences[0].tokens;
    assert!(first
        .iter()
        .all(|t| !t.upos.is_empty() && !t.xpos.is_empty() && !t.deprel.is_empty()));
    assert_eq!(first.iter().filter(|t| t.head.is_none()).count(), 1);
    let met = first.iter().position(|t| t.text == "met").expect("met");
    assert_eq!(first[met].lemma, "meet");
    let chief = first.iter().position(|t| t.text == "chief").expect("chief");
    assert_eq!(
        (first[chief].head, first[chief].deprel.as_str()),
        (Some(met), "nsubj")
    );
    // Lemmas in the document model are lower-cased.
    let third = &doc.sentences[2].tokens;
    assert_eq!(third[0].lemma, "china");
    assert!(doc.sentences[1].tokens.is_empty());
}

#[test]
fn never_panics_on_hostile_input() {
    let analyzer = SyntaxAnalyzer::load_default().expect("model");
    let huge: Vec<String> = (0..10_000)
        .map(|i| ["Sanctions", "were", "imposed", "on", "Iran", ",", "and"][i % 7].to_owned())
        .collect();
    let huge = huge.join(" ");
    let mut doc = document(&[
        "\u{0}\u{7}\u{1b}[31m \t \u{feff}",
        "Москва отвергла обвинения Киева .",
        "北京 周二 表示 反对 .",
        "قالت وزارة الخارجية إن المحادثات ستستمر",
        "!!! ??? ... --- ))) (((",
        "a",
        &huge,
    ]);
    analyzer.process(&mut doc);
    for sentence in &doc.sentences {
        let n = sentence.tokens.len();
        for t in &sentence.tokens {
            assert!(t.head.is_none_or(|h| h < n));
            assert!(!t.upos.is_empty());
        }
        if n > 0 {
            assert_eq!(
                sentence.tokens.iter().filter(|t| t.head.is_none()).count(),
                1
            );
        }
    }
    assert_eq!(doc.sentences[6].tokens.len(), 10_000);
    assert!(model().analyze(&[]).is_empty());
    assert_eq!(model().analyze(&[""]).len(), 1);
}

/// Held-out accuracy on the EWT dev set (gold tokenization). Thresholds sit a little
/// under what the shipped model measures (UPOS 95.0, UAS 85.1, LAS 81.9), so a regression
/// fails. (The project targets are LAS ≥ 83 on dev and ≥ 84 on test; see the README.)
#[test]
fn dev_set_accuracy() {
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ud-ewt/en_ewt-ud-dev.conllu");
    let report = evaluate(model(), &dev).expect("dev set readable");
    println!("{report}");
    assert!(report.tokens > 25_000);
    assert!(report.upos >= 94.5, "UPOS {:.2}", report.upos);
    assert!(report.lemma >= 96.0, "lemma {:.2}", report.lemma);
    assert!(report.uas >= 84.6, "UAS {:.2}", report.uas);
    assert!(report.las >= 81.4, "LAS {:.2}", report.las);
}

/// FNV-1a, 64 bits: a fingerprint of analyses that does not depend on std's hasher.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Speed work on the run-time path (feature hashing, table layout, summation order) must
/// not change a single analysis. The fingerprint covers every tag, lemma, head and
/// relation the shipped model gives the first 400 dev sentences (6,729 words); it was taken
/// from the output of the scorer before those optimisations (`--example syntax_dump`). Retraining
/// the model or changing its tag or tree repairs changes it: take it again from the new `dump`
/// output then (and check the `eval syntax` scores). It was last taken when a noun root with
/// a verb read as its reduced relative became that verb's subject ("an Iranian opposition
/// group *released* …": one sentence of the 400 changed, for the better).
#[test]
fn shipped_model_output_is_unchanged_on_400_dev_sentences() {
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ud-ewt/en_ewt-ud-dev.conllu");
    let sentences = chronicle_syntax::read_conllu(&dev).expect("dev set readable");
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut words = 0;
    for s in sentences.iter().take(400) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (form, a) in forms.iter().zip(model().analyze(&forms)) {
            let head = a.head.map_or(0, |h| h + 1);
            let line = format!(
                "{form}\t{}\t{}\t{}\t{head}\t{}\n",
                a.upos, a.xpos, a.lemma, a.deprel
            );
            h = fnv(h, line.as_bytes());
            words += 1;
        }
        h = fnv(h, b"\n");
    }
    assert_eq!(words, 6_729);
    assert_eq!(h, 0x046e_52ae_70b0_8e4b, "analyses changed: {h:#x}");
}

#[test]
fn hyphenated_participle_compounds_modify_their_noun() {
    // EWT splits "Iran-backed" at the hyphen; whole, it is an adjective, not the root verb.
    let (f, a) = analyze("Iran-backed Houthi rebels attacked a tanker in the Red Sea .");
    assert_eq!(a[index(&f, "Iran-backed")].upos, "ADJ");
    assert_arc(&f, &a, "Iran-backed", "rebels", "amod");
    assert_root(&f, &a, "attacked");
}

#[test]
fn a_time_preposition_before_a_subject_and_verb_opens_a_clause() {
    // "after Iran executed …": without the repair the tagger reads "after Iran" as a
    // phrase and the clause's verb loses its subject.
    let (f, a) = analyze(
        "Britain recalled its ambassador from Tehran after Iran executed a British national .",
    );
    assert_eq!(a[index(&f, "after")].upos, "SCONJ");
    assert_arc(&f, &a, "Iran", "executed", "nsubj");
    assert_arc(&f, &a, "after", "executed", "mark");
    // A plain phrase stays a preposition.
    let (f, a) = analyze("After talks in Doha , Hamas released two hostages .");
    assert_eq!(a[index(&f, "After")].upos, "ADP");
    // "after Tehran shot down …": the tagger's first reading of "shot" is a noun; its
    // runner-up, the past tense, is what a name before a particle calls for.
    let (f, a) = analyze(
        "Trump imposed sanctions on Monday , days after Tehran shot down an unmanned US drone .",
    );
    assert_eq!(a[index(&f, "shot")].upos, "VERB");
    assert_arc(&f, &a, "Tehran", "shot", "nsubj");
}

#[test]
fn a_past_verb_before_a_particle_and_an_object_is_the_verb() {
    // The tagger reads "Iran shot" and "the air force shot" as noun phrases; before "down"
    // and an object, "shot" is the main clause's verb.
    for sentence in [
        "Iran shot down a US drone over the Strait of Hormuz .",
        "The Turkish air force shot down a Russian warplane near the border .",
        "Iran 's military shot down a Ukrainian passenger jet near Tehran .",
    ] {
        let (f, a) = analyze(sentence);
        assert_eq!(a[index(&f, "shot")].upos, "VERB", "{sentence}");
        assert_root(&f, &a, "shot");
    }
    let (f, a) = analyze("Pakistan shot down two Indian jets .");
    assert_arc(&f, &a, "Pakistan", "shot", "nsubj");
    // A shot after a determiner stays a noun.
    let (f, a) = analyze("He fired a shot down the corridor .");
    assert_eq!(a[index(&f, "shot")].upos, "NOUN");
}

#[test]
fn a_base_verb_after_a_demand_and_a_name_is_the_clauses_verb() {
    // "demanded that Moscow hand over …": the tagger reads "Moscow hand" as a compound
    // noun; after a verb of demanding, the name is the subject of a base-form verb.
    let (f, a) = analyze("Turkey demanded that Moscow hand over the suspects .");
    assert_eq!(a[index(&f, "hand")].upos, "VERB");
    assert_arc(&f, &a, "Moscow", "hand", "nsubj");
    assert_arc(&f, &a, "hand", "demanded", "ccomp");
    let (f, a) = analyze("Ankara demanded that Riyadh reveal who ordered the killing .");
    assert_eq!(a[index(&f, "reveal")].upos, "VERB");
    assert_arc(&f, &a, "Riyadh", "reveal", "nsubj");
    // A noun phrase after other verbs stays one.
    let (f, a) = analyze("He said that Moscow time was three hours ahead .");
    assert_eq!(a[index(&f, "time")].upos, "NOUN");
}

#[test]
fn a_fronted_report_is_the_reporting_verbs_clause() {
    // Without the repair "bombed" is a reduced relative on "warplanes", and "announced"
    // has two subjects.
    let (f, a) = analyze(
        "Israeli warplanes bombed and destroyed the reactor near Baghdad on Sunday , Israel announced Monday .",
    );
    assert_arc(&f, &a, "warplanes", "bombed", "nsubj");
    assert_arc(&f, &a, "bombed", "announced", "ccomp");
    assert_arc(&f, &a, "Israel", "announced", "nsubj");
}

#[test]
fn a_verb_read_as_a_reduced_relative_after_a_long_subject_is_the_root() {
    let (f, a) = analyze(
        "Soviet troops , with contingents from four other Warsaw Pact countries , invaded Czechoslovakia during the night .",
    );
    assert_root(&f, &a, "invaded");
    assert_arc(&f, &a, "troops", "invaded", "nsubj");
    // A noun with a copula stays the root.
    let (f, a) = analyze("This is the best solution given all the uncertainties we face .");
    assert_root(&f, &a, "solution");
}
