//! Embeds the trained model when `model/en_ewt.bin.gz` exists; without it the crate still
//! builds and `SyntaxModel::load_default` reports the missing model.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(chronicle_syntax_model)");
    println!("cargo::rerun-if-changed=model/en_ewt.bin.gz");
    if std::path::Path::new("model/en_ewt.bin.gz").exists() {
        println!("cargo::rustc-cfg=chronicle_syntax_model");
    }
}
