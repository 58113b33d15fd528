//! Main-text extraction from realistic HTML pages (nav bars, cookie banners, share bars,
//! "read more" boxes, newsletter promotions, most-read lists, comments, table layouts).
//! Each page in tests/data/html has a `.gold.txt` with its story paragraphs. Measures the
//! precision and recall of kept paragraphs; run with `--nocapture` to see the numbers.

use std::fs;
use std::path::PathBuf;

use chronicle_ingest::{read_inputs, ReadOptions};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/html")
}

#[test]
fn kept_text_is_the_story() {
    let mut pages: Vec<PathBuf> = fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 4);
    let (mut kept_total, mut correct_total, mut gold_total) = (0usize, 0usize, 0usize);
    let (mut kept_chars, mut correct_chars) = (0usize, 0usize);
    for page in &pages {
        let gold_text = fs::read_to_string(page.with_extension("gold.txt")).unwrap();
        let gold: Vec<&str> = gold_text.trim().split("\n\n").collect();
        let article = read_inputs(&[page.display().to_string()], &ReadOptions::default())
            .next()
            .unwrap()
            .unwrap();
        // The headline opens the text; the gold files hold the story paragraphs.
        let kept: Vec<&str> = article.story().split("\n\n").collect();
        let correct: Vec<&&str> = kept.iter().filter(|p| gold.contains(p)).collect();
        eprintln!(
            "{:<24} kept {:>2} paragraphs, {:>2} of {:>2} story paragraphs{}",
            page.file_name().unwrap().to_string_lossy(),
            kept.len(),
            correct.len(),
            gold.len(),
            kept.iter()
                .filter(|p| !gold.contains(p))
                .map(|p| format!("\n    noise kept: {p:?}"))
                .collect::<String>()
        );
        kept_total += kept.len();
        correct_total += correct.len();
        gold_total += gold.len();
        kept_chars += kept.iter().map(|p| p.len()).sum::<usize>();
        correct_chars += correct.iter().map(|p| p.len()).sum::<usize>();
        assert!(article.title.is_some(), "{}", page.display());
        assert!(article.date.is_some(), "{}", page.display());
    }
    let precision = correct_total as f64 / kept_total as f64;
    let recall = correct_total as f64 / gold_total as f64;
    let char_precision = correct_chars as f64 / kept_chars as f64;
    eprintln!(
        "paragraph precision {precision:.3}, recall {recall:.3}; character precision {char_precision:.3} ({} pages)",
        pages.len()
    );
    assert!(precision >= 0.95, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
}
