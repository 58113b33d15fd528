//! TempEval-3 Task A figures of the time stage on a directory of TimeML files:
//! `cargo run --release -p chronicle-time --example time_eval -- [DIR]` (default: the crate's
//! test fixtures). With `-v`, lists every gold and system expression that did not match.

use std::path::PathBuf;

use chronicle_time::eval::{evaluate_dir, read_tml, tag};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| *a != "-v")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    match evaluate_dir(&dir) {
        Ok(scores) => println!("{scores}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    if verbose {
        print_differences(&dir);
    }
}

fn print_differences(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
    {
        let Ok(doc) = read_tml(path) else { continue };
        let system = tag(&doc);
        for g in &doc.timexes {
            let sys = system.iter().find(|t| t.span.overlaps(g.span));
            let ok =
                sys.is_some_and(|t| t.span == g.span && t.value == g.value && t.kind == g.kind);
            if !ok {
                println!(
                    "{}: gold {:?} {:?} {} | system {:?}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    g.span.slice(&doc.text),
                    g.kind,
                    g.value,
                    sys.map(|t| (&t.text, t.kind, &t.value))
                );
            }
        }
        for t in system
            .iter()
            .filter(|t| !doc.timexes.iter().any(|g| g.span.overlaps(t.span)))
        {
            println!(
                "{}: spurious {:?} {:?} {}",
                path.file_name().unwrap_or_default().to_string_lossy(),
                t.text,
                t.kind,
                t.value
            );
        }
    }
}
