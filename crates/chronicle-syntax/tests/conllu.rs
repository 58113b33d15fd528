use chronicle_syntax::{parse_conllu, read_conllu, SyntaxError};

const SAMPLE: &str = "# newdoc id = wire-1
# sent_id = 1
# text = Seoul doesn't expect talks.
1\tSeoul\tSeoul\tPROPN\tNNP\t_\t4\tnsubj\t4:nsubj\t_
2-3\tdoesn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdoes\tdo\tAUX\tVBZ\t_\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
4\texpect\texpect\tVERB\tVB\t_\t0\troot\t0:root\t_
5\ttalks\ttalk\tNOUN\tNNS\t_\t4\tobj\t4:obj\tSpaceAfter=No
5.1\tplanned\tplan\tVERB\tVBN\t_\t_\t_\t4:conj\t_
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = 2
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_
";

#[test]
fn reads_words_and_skips_ranges_empty_nodes_and_comments() {
    let sentences = parse_conllu(SAMPLE).expect("valid CoNLL-U");
    assert_eq!(sentences.len(), 2);
    let forms: Vec<&str> = sentences[0].words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["Seoul", "does", "n't", "expect", "talks", "."]);
    let talks = &sentences[0].words[4];
    assert_eq!((talks.lemma.as_str(), talks.xpos.as_str()), ("talk", "NNS"));
    assert_eq!((talks.head, talks.deprel.as_str()), (4, "obj"));
    assert_eq!(sentences[0].words[3].head, 0);
    assert_eq!(sentences[1].words[0].upos, "INTJ");
}

#[test]
fn tolerates_crlf_and_missing_final_blank_line() {
    let text = SAMPLE.replace('\n', "\r\n");
    let sentences = parse_conllu(text.trim_end()).expect("valid CoNLL-U");
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0].words[0].form, "Seoul");
}

#[test]
fn errors_name_the_line() {
    let bad = "1\tMoscow\tMoscow\tPROPN\tNNP\t_\t0\troot\t_\t_\n2\tsaid\tsay\n";
    assert_eq!(parse_conllu(bad).unwrap_err().0, 2);
    let bad_head = "1\tKyiv\tKyiv\tPROPN\tNNP\t_\tX\troot\t_\t_\n";
    let (line, message) = parse_conllu(bad_head).unwrap_err();
    assert_eq!(line, 1);
    assert!(message.contains("HEAD"), "{message}");
    let out_of_range = "1\tKyiv\tKyiv\tPROPN\tNNP\t_\t7\troot\t_\t_\n\n";
    assert!(parse_conllu(out_of_range).is_err());
}

#[test]
fn file_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.conllu");
    std::fs::write(&path, "# c\n1\tA\n").expect("write");
    match read_conllu(&path) {
        Err(e @ SyntaxError::Conllu { line: 2, .. }) => {
            assert!(e.to_string().contains("broken.conllu:2"), "{e}")
        }
        other => panic!("expected a line error, got {other:?}"),
    }
    assert!(matches!(
        read_conllu(&dir.path().join("missing.conllu")),
        Err(SyntaxError::Io { .. })
    ));
}
