//! Prints the analysis of pre-tokenized sentences (one per line, tokens separated by
//! spaces) as CoNLL-U: `echo "Seoul protested ." | cargo run --release -p chronicle-syntax --example analyze`

use std::io::BufRead;

use chronicle_syntax::SyntaxModel;

fn main() {
    let model = match SyntaxModel::load_default() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let forms: Vec<&str> = line.split_whitespace().collect();
        for (i, (form, a)) in forms.iter().zip(model.analyze(&forms)).enumerate() {
            let head = a.head.map_or(0, |h| h + 1);
            println!(
                "{}\t{form}\t{}\t{}\t{}\t_\t{head}\t{}\t_\t_",
                i + 1,
                a.lemma,
                a.upos,
                a.xpos,
                a.deprel
            );
        }
        println!();
    }
}
