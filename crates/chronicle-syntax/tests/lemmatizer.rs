use chronicle_syntax::{Lemmatizer, SyntaxModel};

/// Rules generalise from a few examples to endings never seen as whole words.
#[test]
fn learned_suffix_rules_apply_to_unseen_words() {
    let words = [
        ("urged", "VBD", "urge"),
        ("merged", "VBD", "merge"),
        ("charged", "VBD", "charge"),
        ("pledged", "VBN", "pledge"),
        ("hedged", "VBN", "hedge"),
        ("talked", "VBD", "talk"),
        ("walked", "VBD", "walk"),
        ("organized", "VBD", "organize"),
        ("recognized", "VBD", "recognize"),
        ("talks", "NNS", "talk"),
        ("tests", "NNS", "test"),
        ("ties", "NNS", "tie"),
        ("lies", "NNS", "lie"),
        ("countries", "NNS", "country"),
        ("parties", "NNS", "party"),
        ("cities", "NNS", "city"),
        ("facilities", "NNS", "facility"),
        ("militias", "NNS", "militia"),
        ("Seoul", "NNP", "Seoul"),
        ("Kremlin", "NNP", "Kremlin"),
        ("was", "VBD", "be"),
    ];
    let lem = Lemmatizer::train(words.iter().copied());
    // Seen words come back exactly.
    assert_eq!(lem.lemmatize("was", "VBD"), "be");
    assert_eq!(lem.lemmatize("ties", "NNS"), "tie");
    assert_eq!(lem.lemmatize("countries", "NNS"), "country");
    // Unseen words follow the rules of their ending.
    assert_eq!(lem.lemmatize("purged", "VBD"), "purge");
    assert_eq!(lem.lemmatize("stalked", "VBD"), "stalk");
    assert_eq!(lem.lemmatize("denuclearized", "VBD"), "denuclearize");
    assert_eq!(lem.lemmatize("treaties", "NNS"), "treaty");
    assert_eq!(lem.lemmatize("Talks", "NNS"), "talk");
    // Proper nouns keep their case; sentence-initial capitals of common words do not.
    assert_eq!(lem.lemmatize("Pyongyang", "NNP"), "Pyongyang");
}

#[test]
fn default_model_lemmatizes_news_vocabulary() {
    let model = SyntaxModel::load_default().expect("embedded model");
    let lem = |form: &str, xpos: &str| model_lemma(&model, form, xpos);
    assert_eq!(lem("urged", "VBD"), "urge");
    assert_eq!(lem("talks", "NNS"), "talk");
    assert_eq!(lem("ties", "NNS"), "tie");
    assert_eq!(lem("denuclearized", "VBN"), "denuclearize");
    assert_eq!(lem("sanctioned", "VBD"), "sanction");
    assert_eq!(lem("vetoed", "VBD"), "veto");
    assert_eq!(lem("missiles", "NNS"), "missile");
    assert_eq!(lem("militaries", "NNS"), "military");
    assert_eq!(lem("was", "VBD"), "be");
    assert_eq!(lem("held", "VBD"), "hold");
}

fn model_lemma(model: &SyntaxModel, form: &str, xpos: &str) -> String {
    model.lemmatizer().lemmatize(form, xpos)
}
