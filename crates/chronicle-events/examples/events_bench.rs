//! Throughput of the event coder on generated wire-style sentences.
//!
//! `cargo run --release -p chronicle-events --example events_bench [SENTENCES]`
//! Segmentation and actor marking are done before timing; only `EventCoder` is timed.

mod marking;

use std::time::Instant;

use chronicle_core::Stage;
use chronicle_events::EventCoder;

const ACTORS: &[(&str, &str)] = &[
    ("Japan", "JPN"),
    ("China", "CHN"),
    ("Russia", "RUS"),
    ("Iran", "IRN"),
    ("Turkey", "TUR"),
    ("Brazil", "BRA"),
    ("Kenya", "KEN"),
    ("Germany", "DEU"),
    ("India", "IND"),
    ("Egypt", "EGY"),
];

const TEMPLATES: &[&str] = &[
    "{A} urged {B} on Tuesday to refrain from further missile tests near the disputed islands.",
    "Officials in {A} said the delegation held talks with {B} in Geneva and would meet again next month.",
    "{A} strongly condemned {B}'s decision to expel three diplomats, the foreign ministry said in a statement.",
    "The ministry said {A} test-fired two short-range ballistic missiles into the sea early on Thursday.",
    "{A} imposed new sanctions on {B}, freezing the assets of several officials and banning travel.",
    "Analysts said the economy grew faster than expected in the third quarter despite weak exports.",
    "\u{201c}We are ready to resume dialogue with {B},\u{201d} the {A} envoy told reporters after the meeting.",
    "{A} did not accept the proposal and refused to hold further negotiations with {B} until the vote.",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let actors: Vec<(String, String)> = ACTORS
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect();
    // Documents of 20 sentences each, like a short news article.
    let mut docs = Vec::new();
    let mut made = 0;
    while made < n {
        let mut text = String::new();
        for k in 0..20.min(n - made) {
            let i = made + k;
            let a = ACTORS[i % ACTORS.len()].0;
            let b = ACTORS[(i * 7 + 3) % ACTORS.len()].0;
            let b = if a == b {
                ACTORS[(i + 1) % ACTORS.len()].0
            } else {
                b
            };
            text.push_str(
                &TEMPLATES[i % TEMPLATES.len()]
                    .replace("{A}", a)
                    .replace("{B}", b),
            );
            text.push('\n');
        }
        made += 20.min(n - made);
        docs.push(marking::marked_doc(&text, &actors));
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let coder = EventCoder::new();
    let start = Instant::now();
    let mut events = 0;
    for doc in &mut docs {
        coder.process(doc);
        events += doc.events.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{sentences} sentences, {events} events in {secs:.3}s: {:.0} sentences/s",
        sentences as f64 / secs
    );
}
