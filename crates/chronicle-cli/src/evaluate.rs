//! `chronicle train …` and `chronicle eval …`: training our models and scoring stages
//! against annotated data.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the tagger, lemmatizer and parser on CoNLL-U files (deterministic: same data and
    /// seed, same model bytes).
    Syntax {
        /// Training treebank (e.g. ../shared/ud-ewt/en_ewt-ud-train.conllu).
        #[arg(long)]
        train: PathBuf,
        /// Development treebank, for choosing the best epoch.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(
            long,
            short = 'o',
            default_value = "crates/chronicle-syntax/model/en_ewt.bin.gz"
        )]
        output: PathBuf,
        /// Seed of the shuffles; the default is the one of the shipped model, so with the
        /// EWT train and dev files this rebuilds it bit for bit.
        #[arg(long, default_value_t = chronicle_syntax::TrainOptions::default().seed)]
        seed: u64,
    },
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// UPOS, XPOS, lemma accuracy, UAS and LAS on a CoNLL-U file (gold tokenization).
    Syntax {
        file: PathBuf,
        /// A model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Fail (exit 1) if UPOS falls below this percentage.
        #[arg(long)]
        min_upos: Option<f64>,
        /// Fail (exit 1) if LAS falls below this percentage.
        #[arg(long)]
        min_las: Option<f64>,
        /// Fail (exit 1) if UAS falls below this percentage.
        #[arg(long)]
        min_uas: Option<f64>,
    },
    /// TempEval-3 task A scores on a directory of TimeML `.tml` files.
    Timex { dir: PathBuf },
    /// Quote extraction and attribution scores on BRAT `.txt` + `.ann` files.
    Quotes { dir: PathBuf },
    /// Actor resolution accuracy on a case table (TSV: date, context, mention, expected code).
    Actors {
        file: PathBuf,
        /// Also list every failing case.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Event coding precision/recall/F1 against a gold JSONL or PLOVER JSON file; or, given a
    /// directory with gold.jsonl and its articles, whole-article key-event recall and
    /// precision (see eval/events/).
    Events {
        file: PathBuf,
        /// With a directory: also list each article's missed gold events and unmatched coded
        /// events, with their triggers and sentences.
        #[arg(long, short)]
        verbose: bool,
    },
}

pub fn train(cmd: &TrainCommand) -> Result<i32> {
    match cmd {
        TrainCommand::Syntax {
            train,
            dev,
            output,
            seed,
        } => {
            let opts = chronicle_syntax::TrainOptions {
                seed: *seed,
                ..Default::default()
            };
            let model = chronicle_syntax::train(train, dev.as_deref(), &opts)
                .with_context(|| format!("training on {}", train.display()))?;
            model
                .save(output)
                .with_context(|| format!("writing {}", output.display()))?;
            eprintln!("wrote {}", output.display());
            Ok(0)
        }
    }
}

pub fn eval(cmd: &EvalCommand) -> Result<i32> {
    match cmd {
        EvalCommand::Syntax {
            file,
            model,
            min_upos,
            min_las,
            min_uas,
        } => {
            let model = match model {
                Some(path) => chronicle_syntax::SyntaxModel::load(path)?,
                None => chronicle_syntax::SyntaxModel::load_default()?,
            };
            let report = chronicle_syntax::evaluate(&model, file)?;
            println!("{report}");
            let mut ok = true;
            for (name, value, min) in [
                ("UPOS", report.upos, min_upos),
                ("UAS", report.uas, min_uas),
                ("LAS", report.las, min_las),
            ] {
                if let Some(min) = min {
                    if value < *min {
                        eprintln!("{name} {value:.2} is below the required {min:.2}");
                        ok = false;
                    }
                }
            }
            Ok(i32::from(!ok))
        }
        EvalCommand::Timex { dir } => {
            println!("{}", chronicle_time::eval::evaluate_dir(dir)?);
            Ok(0)
        }
        EvalCommand::Quotes { dir } => {
            println!("{}", chronicle_quotes::eval::evaluate_dir(dir)?);
            Ok(0)
        }
        EvalCommand::Actors { file, verbose } => {
            let pipeline = crate::commands::pipeline();
            let scores = chronicle_pipeline::eval_actors::evaluate_actor_cases(&pipeline, file)?;
            println!("{scores}");
            if *verbose {
                for failure in &scores.failures {
                    println!("  {failure}");
                }
            }
            Ok(0)
        }
        EvalCommand::Events { file, verbose } if file.is_dir() => {
            let pipeline = crate::commands::pipeline();
            let scores = chronicle_pipeline::eval_articles::evaluate_articles(
                &pipeline,
                file,
                read_article,
            )?;
            if *verbose {
                print!("{}", scores.details());
            }
            println!("{scores}");
            Ok(0)
        }
        EvalCommand::Events { file, .. } => {
            let pipeline = crate::commands::pipeline();
            println!(
                "{}",
                chronicle_pipeline::eval::evaluate_events(&pipeline, file)?
            );
            Ok(0)
        }
    }
}

/// One article file, read as `chronicle code` reads its inputs.
fn read_article(path: &std::path::Path) -> std::result::Result<chronicle_core::Article, String> {
    let source = chronicle_ingest::InputSource::File(path.to_path_buf());
    match chronicle_ingest::read_source(&source, &chronicle_ingest::ReadOptions::default()).next() {
        Some(Ok(article)) => Ok(article),
        Some(Err(e)) => Err(e.to_string()),
        None => Err("no article in the file".into()),
    }
}
