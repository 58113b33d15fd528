//! Evaluates a model on CoNLL-U files (gold tokenization, CoNLL 2018 definitions):
//! `cargo run --release -p chronicle-syntax --example syntax_eval -- [--beam N] [--model PATH] [--gold-tags]
//! [--prune TAGGER_MIN,PARSER_MIN] [--scale X] [--margin X] [--candidates X] [--save OUT] FILE.conllu...`
//! (`--scale`, `--margin`, `--candidates`: settings of an attached network, see
//! `SyntaxModel::set_network_scale` and `set_network_margins`; `--save`: writes the pruned or
//! re-scaled model).

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::{evaluate, evaluate_sentences_gold_tags, read_conllu, SyntaxModel};

fn main() -> ExitCode {
    let mut beam = 1;
    let mut gold_tags = false;
    let mut model_path: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut prune: Option<(f32, f32)> = None;
    let mut save: Option<PathBuf> = None;
    let mut scale: Option<f32> = None;
    let (mut margin, mut candidates) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().and_then(|v| v.parse::<f32>().ok());
        match a.as_str() {
            "--save" => save = args.next().map(PathBuf::from),
            "--scale" => scale = value(),
            "--margin" => margin = value(),
            "--candidates" => candidates = value(),
            "--prune" => {
                prune = args.next().and_then(|v| {
                    let (t, p) = v.split_once(',')?;
                    Some((t.parse().ok()?, p.parse().ok()?))
                })
            }
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
        if let Some((t, p)) = prune {
            model.prune(t, p);
        }
        if let Some(s) = scale {
            model.set_network_scale(s);
        }
        if margin.is_some() || candidates.is_some() {
            model.set_network_margins(margin.unwrap_or(4.0), candidates.unwrap_or(4.0));
        }
        if let Some(out) = &save {
            model.save(out)?;
            let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
            println!("saved {} ({bytes} bytes)", out.display());
        }
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
