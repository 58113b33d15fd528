//! Scores the quotes stage on BRAT-annotated articles:
//! `cargo run --release -p chronicle-quotes --example quotes_eval -- [DIR]`
//! (default: the crate's own fixtures).

use std::path::PathBuf;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    match chronicle_quotes::eval::evaluate_dir(&dir) {
        Ok(scores) => println!("{scores}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
