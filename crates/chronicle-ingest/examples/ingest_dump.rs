//! Prints what ingest reads from the given inputs: `cargo run -p chronicle-ingest --example ingest_dump -- FILES…`.
use chronicle_ingest::{read_inputs, ReadOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for result in read_inputs(&args, &ReadOptions::default()) {
        match result {
            Ok(a) => {
                println!(
                    "=== {} | title={:?} | outlet={:?} | dateline={:?} | date={:?} ({:?}) | url={:?}",
                    a.id, a.title, a.outlet, a.dateline, a.date, a.date_source, a.url
                );
                println!("{}\n", a.text);
            }
            Err(e) => println!("ERROR {e}\n"),
        }
    }
}
