//! Prints, per article, the gold and predicted attributions that do not match exactly:
//! `cargo run -p chronicle-quotes --example diff -- DIR`

use std::path::PathBuf;

use chronicle_quotes::eval::{extract_text, parse_ann, predicted_attributions, Attribution};

fn show(text: &str, a: &Attribution) -> String {
    let content: Vec<&str> = a.content.iter().map(|s| s.slice(text)).collect();
    let source = a.source.map(|s| s.slice(text)).unwrap_or("-");
    format!("[{source}] {}", content.join(" | "))
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/dev2"));
    let mut txts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.with_extension("ann").exists())
        .collect();
    txts.sort();
    for txt in txts {
        let text = std::fs::read_to_string(&txt).expect("text");
        let ann = std::fs::read_to_string(txt.with_extension("ann")).expect("ann");
        let Ok(gold) = parse_ann(&text, &ann) else {
            continue;
        };
        let (doc, quotes) = extract_text("diff", &text);
        let predicted = predicted_attributions(doc.text(), &quotes);
        println!("== {}", txt.display());
        for g in &gold {
            if !predicted
                .iter()
                .any(|p| p.content == g.content && p.source == g.source)
            {
                println!("  gold: {}", show(&text, g));
            }
        }
        for p in &predicted {
            if !gold
                .iter()
                .any(|g| p.content == g.content && p.source == g.source)
            {
                println!("  pred: {}", show(&text, p));
            }
        }
    }
}
