//! Speed of tag + lemmatize + parse on a CoNLL-U file, and the model's load time:
//! `cargo run --release -p chronicle-syntax --example syntax_bench -- /work/shared/ud-ewt/en_ewt-ud-dev.conllu [MODEL]
//! [--prune TAGGER_MIN,PARSER_MIN] [--scale X] [--margin X] [--candidates X]` (the options as in `eval`)

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chronicle_syntax::{read_conllu, SyntaxModel};

fn main() -> ExitCode {
    let mut args: Vec<String> = Vec::new();
    let mut prune: Option<(f32, f32)> = None;
    let mut scale: Option<f32> = None;
    let (mut margin, mut candidates) = (None, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().and_then(|v| v.parse::<f32>().ok());
        match a.as_str() {
            "--scale" => scale = value(),
            "--margin" => margin = value(),
            "--candidates" => candidates = value(),
            "--prune" => {
                prune = it.next().and_then(|v| {
                    let (t, p) = v.split_once(',')?;
                    Some((t.parse().ok()?, p.parse().ok()?))
                })
            }
            _ => args.push(a),
        }
    }
    let Some(path) = args.first().map(PathBuf::from) else {
        eprintln!("usage: bench FILE.conllu [MODEL]");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let model = match args.get(1) {
        Some(m) => SyntaxModel::load(m.as_ref()),
        None => SyntaxModel::load_default(),
    };
    let mut model = match model {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let load = started.elapsed();
    if let Some((t, p)) = prune {
        model.prune(t, p);
    }
    if let Some(s) = scale {
        model.set_network_scale(s);
    }
    if margin.is_some() || candidates.is_some() {
        model.set_network_margins(margin.unwrap_or(4.0), candidates.unwrap_or(4.0));
    }
    let sentences = match read_conllu(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let tokens: usize = forms.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let cpu = cpu_seconds();
        let mut heads = 0usize;
        for f in &forms {
            heads += model.analyze(f).iter().filter(|a| a.head.is_some()).count();
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
        std::hint::black_box(heads);
    }
    println!("model load: {:.1} ms", load.as_secs_f64() * 1000.0);
    println!(
        "tag+lemma+parse: {tokens} tokens in {:.3} s = {:.0} tokens/s (best of 3, one core)",
        best,
        tokens as f64 / best
    );
    if best_cpu < f64::MAX {
        println!(
            "on-CPU time (excludes waiting for a shared core): {:.3} s = {:.0} tokens/s",
            best_cpu,
            tokens as f64 / best_cpu
        );
    }
    ExitCode::SUCCESS
}

/// This thread's time on a CPU (Linux), so that busy machines do not skew the numbers.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
