//! Trains the optional window network of the tagger on top of a saved model (experiment):
//! `cargo run --release -p chronicle-syntax --example train_tagnet -- /work/shared/ud-ewt OUT
//! [--model IN] [--epochs N] [--hidden N] [--word-dim N] [--lr X] [--dropout X]
//! [--scales 0,0.005,0.01] [--max-train N] [--test]`
//! (IN defaults to the shipped model). Prints per-epoch dev scores, then the dev (and with
//! `--test` the test) evaluation of the saved model.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::{evaluate, read_conllu, SyntaxModel, TagNetOptions, TrainOptions};

fn main() -> ExitCode {
    let mut net = TagNetOptions::default();
    let mut model_path: Option<PathBuf> = None;
    let mut max_train: Option<usize> = None;
    let mut with_test = false;
    let mut args: Vec<String> = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().and_then(|v| v.parse::<f64>().ok());
        match a.as_str() {
            "--model" => model_path = it.next().map(PathBuf::from),
            "--epochs" => net.epochs = value().unwrap_or(1.0) as usize,
            "--hidden" => net.hidden = value().unwrap_or(1.0) as usize,
            "--word-dim" => net.word_dim = value().unwrap_or(1.0) as usize,
            "--lr" => net.learning_rate = value().unwrap_or(1e-3) as f32,
            "--dropout" => net.dropout = value().unwrap_or(0.0) as f32,
            "--max-train" => max_train = value().map(|v| v as usize),
            "--scales" => {
                let list = it.next().unwrap_or_default();
                net.perceptron_scales = list.split(',').filter_map(|v| v.parse().ok()).collect();
            }
            "--test" => with_test = true,
            _ => args.push(a),
        }
    }
    let (Some(dir), Some(out)) = (
        args.first().map(PathBuf::from),
        args.get(1).map(PathBuf::from),
    ) else {
        eprintln!("usage: train_tagnet UD_EWT_DIR OUT [--model IN] [options]");
        return ExitCode::FAILURE;
    };
    let file = |split: &str| dir.join(format!("en_ewt-ud-{split}.conllu"));
    let run = || -> Result<(), chronicle_syntax::SyntaxError> {
        let mut model = match &model_path {
            Some(p) => SyntaxModel::load(p)?,
            None => SyntaxModel::load_default()?,
        };
        let mut train_set = read_conllu(&file("train"))?;
        if let Some(max) = max_train {
            train_set.truncate(max);
        }
        let dev = read_conllu(&file("dev"))?;
        model.train_tag_net(&train_set, &dev, &TrainOptions::default(), &net)?;
        model.save(&out)?;
        let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        eprintln!("saved {} ({bytes} bytes)", out.display());
        let model = SyntaxModel::load(&out)?;
        let splits: &[&str] = if with_test {
            &["dev", "test"]
        } else {
            &["dev"]
        };
        for split in splits {
            println!("== {split} ==\n{}", evaluate(&model, &file(split))?);
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
