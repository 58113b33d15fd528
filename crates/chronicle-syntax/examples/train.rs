//! Rebuilds the shipped model bit for bit (with the default options):
//! `cargo run --release -p chronicle-syntax --example train -- /work/shared/ud-ewt [OUT]`
//! (OUT defaults to crates/chronicle-syntax/model/en_ewt.bin.gz). Prints per-epoch dev
//! scores, then the dev and test evaluation of the saved model. Options: `--beam N` (parser
//! beam width, trained globally), `--max-train N` (first N training sentences only),
//! `--parser-epochs N`, `--tagger-epochs N`, `--min-weight W`, `--tagger-min-weight W`.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::{evaluate, read_conllu, train_sentences, SyntaxModel, TrainOptions};

fn main() -> ExitCode {
    let mut opts = TrainOptions::default();
    let mut max_train: Option<usize> = None;
    let mut args: Vec<String> = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().and_then(|v| v.parse::<f64>().ok());
        match a.as_str() {
            "--min-weight" => opts.min_weight = value().unwrap_or(0.0) as f32,
            "--tagger-min-weight" => opts.tagger_min_weight = value().unwrap_or(0.0) as f32,
            "--parser-epochs" => opts.parser_epochs = value().unwrap_or(1.0) as usize,
            "--tagger-epochs" => opts.tagger_epochs = value().unwrap_or(1.0) as usize,
            "--beam" => opts.beam_width = value().unwrap_or(1.0) as usize,
            "--max-train" => max_train = value().map(|v| v as usize),
            _ => args.push(a),
        }
    }
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: train UD_EWT_DIR [OUT]");
        return ExitCode::FAILURE;
    };
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/en_ewt.bin.gz"));
    let file = |split: &str| dir.join(format!("en_ewt-ud-{split}.conllu"));
    let run = || -> Result<(), chronicle_syntax::SyntaxError> {
        let mut train_set = read_conllu(&file("train"))?;
        if let Some(max) = max_train {
            train_set.truncate(max);
        }
        let model = train_sentences(&train_set, &read_conllu(&file("dev"))?, &opts)?;
        model.save(&out)?;
        let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        let (tf, pf, pw) = model.stats();
        eprintln!(
            "saved {} ({bytes} bytes; tagger features {tf}, parser features {pf}, parser weights {pw})",
            out.display()
        );
        let mut model = SyntaxModel::load(&out)?;
        model.set_beam_width(opts.beam_width);
        for split in ["dev", "test"] {
            let path = file(split);
            if path.exists() {
                println!("== {split} ==\n{}", evaluate(&model, &path)?);
            }
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
