//! Training on a tiny in-test treebank: deterministic bytes, round trip through a file.

use chronicle_syntax::{
    evaluate_sentences, evaluate_sentences_gold_tags, parse_conllu, train_sentences, MlpOptions,
    MlpShape, SyntaxModel, TagNetOptions, TrainOptions,
};

/// Eight wire-style sentences, hand-annotated in UD style.
const TINY: &str = "\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tstrikes\tstrike\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tJapan\tJapan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tlaunch\tlaunch\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
4\tBeijing\tBeijing\tPROPN\tNNP\t_\t3\tobj\t_\t_
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tproposal\tproposal\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tcrossed\tcross\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tborder\tborder\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tenvoy\tenvoy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
4\tofficials\tofficial\tNOUN\tNNS\t_\t3\tobj\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tCairo\tCairo\tPROPN\tNNP\t_\t3\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

fn options() -> TrainOptions {
    TrainOptions {
        tagger_epochs: 3,
        parser_epochs: 3,
        jackknife_folds: 2,
        verbose: false,
        ..TrainOptions::default()
    }
}

#[test]
fn training_is_deterministic_and_round_trips() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let a = train_sentences(&sentences, &sentences, &options()).expect("trains");
    let b = train_sentences(&sentences, &sentences, &options()).expect("trains");
    let bytes = a.to_bytes();
    assert_eq!(
        bytes,
        b.to_bytes(),
        "same data and options must give the same bytes"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tiny.bin.gz");
    a.save(&path).expect("saves");
    let loaded = SyntaxModel::load(&path).expect("loads");
    assert_eq!(loaded.to_bytes(), bytes);

    // The model learned something from its data: the training sentences come back tagged.
    let got = loaded.analyze(&["Iran", "rejected", "the", "proposal", "."]);
    assert_eq!(got[1].xpos, "VBD");
    assert_eq!(got[2].upos, "DET");
    assert_eq!(got.iter().filter(|w| w.head.is_none()).count(), 1);
}

#[test]
fn corrupt_or_foreign_files_are_errors() {
    assert!(SyntaxModel::from_bytes(b"").is_err());
    assert!(SyntaxModel::from_bytes(b"CHRSYN02garbage").is_err());
    assert!(SyntaxModel::from_bytes(b"PK\x03\x04 a zip file").is_err());
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let bytes = train_sentences(&sentences, &[], &options())
        .expect("trains")
        .to_bytes();
    assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn empty_training_data_is_an_error() {
    assert!(train_sentences(&[], &[], &options()).is_err());
}

/// Beam training (structured perceptron, max-violation updates) learns the tiny treebank's
/// trees, deterministically, and the trained model parses with its beam.
#[test]
fn beam_training_learns_the_training_trees() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let opts = TrainOptions {
        parser_epochs: 8,
        beam_width: 4,
        min_weight: 0.0,
        ..options()
    };
    let model = train_sentences(&sentences, &sentences, &opts).expect("trains");
    assert_eq!(model.beam_width(), 4);
    let again = train_sentences(&sentences, &sentences, &opts).expect("trains");
    assert_eq!(model.to_bytes(), again.to_bytes());
    // Odd inputs go through the beam too: nothing, one word, a run-on over the chunk size.
    assert!(model.analyze(&[]).is_empty());
    assert_eq!(model.analyze(&["Kabul"])[0].head, None);
    let long: Vec<&str> = ["Troops", "crossed", "the", "border", ","]
        .iter()
        .copied()
        .cycle()
        .take(600)
        .collect();
    let got = model.analyze(&long);
    assert_eq!(got.len(), 600);
    assert_eq!(got.iter().filter(|w| w.head.is_none()).count(), 1);
    assert!(got.iter().all(|w| w.head.is_none_or(|h| h < 600)));
    for s in &sentences {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let got = model.analyze(&forms);
        for (gold, a) in s.words.iter().zip(&got) {
            assert_eq!(a.head.map_or(0, |h| h + 1), gold.head, "{forms:?}");
            assert_eq!(a.deprel, gold.deprel, "{forms:?}");
        }
    }
}

fn small_network() -> MlpOptions {
    MlpOptions {
        shape: MlpShape {
            word_dim: 8,
            tag_dim: 4,
            label_dim: 4,
            misc_dim: 4,
            hidden: 20,
        },
        epochs: 4,
        batch: 4,
        explore_from: 2,
        ..MlpOptions::default()
    }
}

/// The optional network trains deterministically, travels with the model file, and a
/// model without one keeps its bytes.
#[test]
fn network_training_is_deterministic_and_round_trips() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let base = train_sentences(&sentences, &sentences, &options()).expect("trains");
    let base_bytes = base.to_bytes();
    let with_network = || {
        let mut m = SyntaxModel::from_bytes(&base_bytes).expect("loads");
        m.train_mlp(&sentences, &sentences, &options(), &small_network())
            .expect("trains");
        m
    };
    let (a, b) = (with_network(), with_network());
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "same data and options, same bytes");
    assert_ne!(bytes, base_bytes, "the network is saved with the model");
    assert_eq!(base.to_bytes(), base_bytes);

    let loaded = SyntaxModel::from_bytes(&bytes).expect("loads");
    assert_eq!(loaded.to_bytes(), bytes);
    let forms = ["The", "envoy", "met", "officials", "in", "Cairo", "."];
    let got = loaded.analyze(&forms);
    assert_eq!(
        got,
        a.analyze(&forms),
        "the reloaded network parses the same"
    );
    assert_eq!(got.iter().filter(|w| w.head.is_none()).count(), 1);
    assert!(got.iter().all(|w| w.head.is_none_or(|h| h < forms.len())));
    // A truncated network section is an error, not a panic.
    assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() - 40]).is_err());
    // Margins other than the defaults travel with the model; the defaults add nothing.
    let mut tuned = SyntaxModel::from_bytes(&bytes).expect("loads");
    tuned.set_network_margins(3.0, 4.0);
    let tuned_bytes = tuned.to_bytes();
    assert_ne!(tuned_bytes, bytes);
    let reloaded = SyntaxModel::from_bytes(&tuned_bytes).expect("loads");
    assert_eq!(reloaded.to_bytes(), tuned_bytes);
    tuned.set_network_margins(4.0, 4.0);
    assert_eq!(tuned.to_bytes(), bytes);
    // Odd inputs: nothing, one word, a run-on longer than a parsing chunk.
    assert!(loaded.analyze(&[]).is_empty());
    assert_eq!(loaded.analyze(&["Tehran"])[0].head, None);
    let long: Vec<&str> = ["Talks", "resumed", "in", "Doha", ";"]
        .iter()
        .copied()
        .cycle()
        .take(520)
        .collect();
    let got = loaded.analyze(&long);
    assert_eq!(got.iter().filter(|w| w.head.is_none()).count(), 1);
}

fn small_tag_network() -> TagNetOptions {
    TagNetOptions {
        word_dim: 8,
        affix_dim: 4,
        small_dim: 4,
        hidden: 16,
        epochs: 3,
        batch: 4,
        ..TagNetOptions::default()
    }
}

/// The optional tagger network trains deterministically, travels with the model file
/// (with or without the parser's network), and tags every word of odd inputs.
#[test]
fn tagger_network_training_is_deterministic_and_round_trips() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let base = train_sentences(&sentences, &sentences, &options()).expect("trains");
    let base_bytes = base.to_bytes();
    let with_network = || {
        let mut m = SyntaxModel::from_bytes(&base_bytes).expect("loads");
        m.train_tag_net(&sentences, &sentences, &options(), &small_tag_network())
            .expect("trains");
        m
    };
    let (mut a, b) = (with_network(), with_network());
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "same data and options, same bytes");
    assert_ne!(bytes, base_bytes, "the network is saved with the model");

    let loaded = SyntaxModel::from_bytes(&bytes).expect("loads");
    assert_eq!(loaded.to_bytes(), bytes);
    let forms = ["Egypt", "hosted", "the", "talks", "in", "Cairo", "."];
    let got = loaded.analyze(&forms);
    assert_eq!(got, a.analyze(&forms), "the reloaded network tags the same");
    assert!(got.iter().all(|w| !w.upos.is_empty()));
    assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() - 40]).is_err());
    assert!(loaded.analyze(&[]).is_empty());
    assert_eq!(loaded.analyze(&["\u{0}"]).len(), 1);

    // Both optional sections in one file.
    a.train_mlp(&sentences, &sentences, &options(), &small_network())
        .expect("trains");
    let both = a.to_bytes();
    let reloaded = SyntaxModel::from_bytes(&both).expect("loads");
    assert_eq!(reloaded.to_bytes(), both);
    assert_eq!(reloaded.analyze(&forms), a.analyze(&forms));
}

#[test]
fn network_training_needs_data() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let mut model = train_sentences(&sentences, &[], &options()).expect("trains");
    assert!(model
        .train_mlp(&[], &sentences, &options(), &small_network())
        .is_err());
    assert!(model
        .train_tag_net(&[], &sentences, &options(), &small_tag_network())
        .is_err());
}

/// Given tags replace the tagger's (and unknown pairs fall back to it); gold-tag
/// evaluation scores the given tags.
#[test]
fn parsing_with_given_tags() {
    let sentences = parse_conllu(TINY).expect("valid treebank");
    let model = train_sentences(&sentences, &sentences, &options()).expect("trains");
    let forms = ["Troops", "crossed", "the", "border", "."];
    let tags = [
        ("PROPN", "NNP"),
        ("VERB", "VBD"),
        ("DET", "DT"),
        ("NOUN", "NN"),
        ("NOT-A-TAG", "XX"),
    ];
    let got = model.analyze_with_tags(&forms, &tags);
    assert_eq!(
        got[0].upos, "PROPN",
        "given tag wins over the tagger's NOUN"
    );
    assert_eq!(got[0].xpos, "NNP");
    assert_eq!(
        got[4].upos, "PUNCT",
        "an unknown pair keeps the tagger's tag"
    );
    assert_eq!(got.iter().filter(|w| w.head.is_none()).count(), 1);
    let gold = evaluate_sentences_gold_tags(&model, &sentences);
    assert!((gold.upos - 100.0).abs() < 1e-9);
    assert_eq!(gold.tokens, evaluate_sentences(&model, &sentences).tokens);
}
