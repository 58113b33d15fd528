//! Prints the sentences of a text file, one per line: `cargo run -p chronicle-nlp --example segment -- FILE`.
use chronicle_nlp::Segmenter;

fn main() {
    let path = std::env::args().nth(1).expect("usage: segment FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    for s in Segmenter::new().segment(&text) {
        println!("{:>3} p{:<2} {}", s.index, s.paragraph, s.span.slice(&text));
    }
}
