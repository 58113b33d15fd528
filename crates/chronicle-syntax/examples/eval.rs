//! Evaluates a model on CoNLL-U files (gold tokenization, CoNLL 2018 definitions):
//! `cargo run --release -p chronicle-syntax --example eval -- [--beam N] [--model PATH] [--gold-tags] FILE.conllu...`

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::{evaluate, evaluate_sentences_gold_tags, read_conllu, SyntaxModel};

fn main() -> ExitCode {
    let mut beam = 1;
    let mut gold_tags = false;
    let mut model_path: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--beam" => beam = args.next().and_then(|v| v.parse().ok()).unwrap_or(1),
            "--model" => model_path = args.next().map(PathBuf::from),
            "--gold-tags" => gold_tags = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    if files.is_empty() {
        eprintln!("usage: eval [--beam N] [--model PATH] [--gold-tags] FILE.conllu...");
        return ExitCode::FAILURE;
    }
    let run = || -> Result<(), chronicle_syntax::SyntaxError> {
        let mut model = match &model_path {
            Some(p) => SyntaxModel::load(p)?,
            None => SyntaxModel::load_default()?,
        };
        model.set_beam_width(beam);
        for file in &files {
            let report = if gold_tags {
                evaluate_sentences_gold_tags(&model, &read_conllu(file)?)
            } else {
                evaluate(&model, file)?
            };
            let tags = if gold_tags { ", gold tags" } else { "" };
            println!("== {} (beam {beam}{tags}) ==\n{report}", file.display());
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
