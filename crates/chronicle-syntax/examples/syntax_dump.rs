//! Writes the analysis of every word of a CoNLL-U file (one line per word: form, UPOS,
//! XPOS, lemma, head, relation), to check that speed work leaves the output unchanged:
//! `cargo run --release -p chronicle-syntax --example syntax_dump -- FILE.conllu [MODEL] > out.tsv`

use std::io::Write;
use std::process::ExitCode;

use chronicle_syntax::{read_conllu, SyntaxModel};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: dump FILE.conllu [MODEL]");
        return ExitCode::FAILURE;
    };
    let model = match args.get(1) {
        Some(m) => SyntaxModel::load(m.as_ref()),
        None => SyntaxModel::load_default(),
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let model = model?;
        let out = std::io::stdout();
        let mut out = std::io::BufWriter::new(out.lock());
        for s in read_conllu(path.as_ref())? {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            for (form, a) in forms.iter().zip(model.analyze(&forms)) {
                let head = a.head.map_or(0, |h| h + 1);
                writeln!(
                    out,
                    "{form}\t{}\t{}\t{}\t{head}\t{}",
                    a.upos, a.xpos, a.lemma, a.deprel
                )?;
            }
            writeln!(out)?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
