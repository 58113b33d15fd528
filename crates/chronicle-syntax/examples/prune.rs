//! Tries pruning thresholds on a saved model: size and dev scores for each.
//! `cargo run --release -p chronicle-syntax --example prune -- MODEL DEV.conllu TAGGER_MIN,PARSER_MIN …`

use std::path::PathBuf;

use chronicle_syntax::{evaluate_sentences, read_conllu, SyntaxModel};

fn main() -> Result<(), chronicle_syntax::SyntaxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: prune MODEL DEV.conllu THRESHOLD…");
        return Ok(());
    }
    let dev = read_conllu(&PathBuf::from(&args[1]))?;
    for t in &args[2..] {
        let mut model = SyntaxModel::load(&PathBuf::from(&args[0]))?;
        let (tt, pt) = t.split_once(',').unwrap_or((t, t));
        model.prune(tt.parse().unwrap_or(0.0), pt.parse().unwrap_or(0.0));
        let bytes = model.to_bytes().len();
        if let Ok(out) = std::env::var("PRUNE_SAVE") {
            model.save(&PathBuf::from(format!("{out}.{t}")))?;
        }
        let (tf, pf, pw) = model.stats();
        let r = evaluate_sentences(&model, &dev);
        println!(
            "min {t}: {bytes} bytes, tagger feats {tf}, parser feats {pf}, weights {pw}: UPOS {:.2} UAS {:.2} LAS {:.2} {:.0} tok/s",
            r.upos, r.uas, r.las, r.tokens_per_sec
        );
    }
    Ok(())
}
