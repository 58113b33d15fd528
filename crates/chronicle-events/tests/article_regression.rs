//! The whole-article development sets (`tests/articles/`, `articles2/` … `articles55/`: 550
//! composed wire articles with crawl headers and boilerplate, by fifty-five writers) through
//! the standard pipeline, read the way the CLI reads its inputs and scored like `chronicle eval
//! events tests/articles`: key-event recall, all-event recall and precision at article level
//! (same CAMEO root, same countries). Fails when a score drops or the coder starts over-coding
//! sentences.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chronicle_core::{Article, Modality};
use chronicle_pipeline::{eval_articles::evaluate_articles, Pipeline};

fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles")
}

fn read_article(path: &Path) -> Result<Article, String> {
    let source = chronicle_ingest::InputSource::File(path.to_path_buf());
    match chronicle_ingest::read_source(&source, &chronicle_ingest::ReadOptions::default()).next() {
        Some(Ok(article)) => Ok(article),
        Some(Err(e)) => Err(e.to_string()),
        None => Err("no article in the file".into()),
    }
}

/// Floors a little under the measured scores of each development set (key recall, all-event recall,
/// precision), as measured at the end of the twenty-third session. The later sets arrived blind
/// (written without seeing the coder); their first scores, with the coder of the day they arrived,
/// are in brackets. `articles` 90.7 / 67.1 / 78.5 (16 articles), `articles2` 82.8 / 63.6 / 93.3,
/// `articles3` 88.5 / 64.3 / 88.2, `articles4` 80.6 / 58.1 / 82.6 (22.6 / 29.1 / 52.7), `articles5`
/// 90.6 / 63.6 / 88.4 (46.9 / 40.4 / 77.3), `articles6` 72.4 / 53.4 / 83.3 (55.2 / 36.8 / 64.2),
/// `articles7` 74.2 / 59.6 / 84.1 (48.4 / 39.1 / 65.0), `articles8` 70.0 / 61.1 / 85.2 (60.0 / 50.6
/// / 75.3), `articles9` 67.9 / 54.1 / 79.0 (35.7 / 38.6 / 61.4), `articles10` 78.3 / 52.5 / 84.3
/// (78.3 / 46.1 / 72.6), `articles11` 81.2 / 68.4 / 85.8 (59.4 / 50.3 / 67.3), `articles12` 76.0 /
/// 50.7 / 73.8 (44.0 / 34.7 / 69.4), `articles13` 96.0 / 63.3 / 85.8 (80.0 / 50.9 / 75.8),
/// `articles14` 82.1 / 75.1 / 89.0 (67.9 / 60.1 / 85.8), `articles15` 92.0 / 70.8 / 79.6 (64.0 /
/// 58.4 / 69.5), `articles16` 83.3 / 55.0 / 83.3 (66.7 / 47.3 / 69.8), `articles17` 72.0 / 50.7 /
/// 88.2 (44.0 / 40.1 / 80.3), `articles18` 56.5 / 50.3 / 85.7 (56.5 / 48.1 / 72.8), `articles19`
/// 80.0 / 64.1 / 88.8 (56.0 / 51.0 / 84.2), `articles20` 81.0 / 54.8 / 82.0 (52.4 / 37.4 / 64.9),
/// `articles21` 85.2 / 58.9 / 86.5 (70.4 / 49.2 / 71.0), `articles22` 74.1 / 57.5 / 91.0 (59.3 /
/// 50.0 / 86.4), `articles23` 96.0 / 61.0 / 86.3 (72.0 / 45.3 / 74.7), `articles24` 72.7 / 49.2 /
/// 85.7 (54.5 / 42.2 / 83.7), `articles25` 76.7 / 53.8 / 81.7 (66.7 / 43.8 / 73.8), `articles26`
/// 87.0 / 55.2 / 80.5 (78.3 / 49.6 / 71.4, 9 articles), `articles27` 71.4 / 55.1 / 84.8 (52.4 /
/// 47.6 / 69.2, 9 articles), `articles28` 63.0 / 48.0 / 79.1 (59.3 / 45.9 / 72.9), `articles29`
/// 53.8 / 55.9 / 76.5 (46.2 / 49.0 / 73.3), `articles30` 81.8 / 50.3 / 78.0 (59.1 / 38.1 / 73.3),
/// `articles31` 86.4 / 60.7 / 77.9 (50.0 / 48.4 / 64.8, 8 articles), `articles32` 76.2 / 52.8 /
/// 76.1 (52.4 / 39.8 / 67.9), `articles33` 76.9 / 61.5 / 78.6 (61.5 / 48.0 / 70.5), `articles34`
/// 80.0 / 48.2 / 73.9 (52.0 / 38.8 / 66.7), `articles35` 63.6 / 41.1 / 74.2 (40.9 / 32.8 / 65.0),
/// `articles36` 77.3 / 47.9 / 73.8 (72.7 / 44.2 / 65.4), `articles37` 56.0 / 45.2 / 76.0 (36.0 /
/// 35.7 / 68.3), `articles38` 64.0 / 45.6 / 75.3 (56.0 / 42.2 / 74.3), `articles39` 69.2 / 52.4 /
/// 79.8 (42.3 / 33.3 / 65.7), `articles40` 55.2 / 49.0 / 83.3 (44.8 / 43.9 / 73.8), `articles41`
/// 52.4 / 53.0 / 77.6 (42.9 / 48.5 / 70.4), `articles42` 56.0 / 46.9 / 79.4 (44.0 / 40.0 / 79.7),
/// `articles43` 73.7 / 58.4 / 79.5 (63.2 / 48.7 / 71.8, 8 articles), `articles44` 60.0 / 51.8 /
/// 83.0 (52.0 / 46.3 / 81.4), `articles45` 68.0 / 48.6 / 78.4 (32.0 / 38.2 / 73.8), `articles46`
/// 70.4 / 50.0 / 77.6 (44.4 / 43.8 / 74.2), `articles47` 72.0 / 63.7 / 78.6 (64.0 / 60.5 / 78.5),
/// `articles48` 73.1 / 49.2 / 77.9 (61.5 / 46.0 / 77.3), `articles49` 50.0 / 51.0 / 74.4 (34.6 /
/// 45.5 / 71.3), `articles50` 57.1 / 43.7 / 73.4 (42.9 / 39.2 / 70.9), `articles51` 54.2 / 37.4 /
/// 73.5 (29.2 / 28.3 / 62.2), `articles52` 66.7 / 48.4 / 84.2 (58.3 / 45.7 / 82.5), `articles53`
/// 67.9 / 58.3 / 85.1 (64.3 / 56.1 / 83.3), `articles54` 50.0 / 54.2 / 83.5 (46.2 / 51.4 / 80.8)
/// and `articles55` 51.7 / 42.2 / 73.3 (51.7 / 41.5 / 72.1); ten articles each unless stated.
const FLOORS: &[(&str, usize, [f64; 3])] = &[
    ("tests/articles", 16, [88.0, 65.0, 76.0]),
    ("tests/articles2", 10, [80.0, 61.0, 91.0]),
    ("tests/articles3", 10, [86.0, 62.0, 86.0]),
    ("tests/articles4", 10, [78.0, 56.0, 80.0]),
    ("tests/articles5", 10, [88.0, 61.0, 86.0]),
    ("tests/articles6", 10, [70.0, 51.0, 81.0]),
    ("tests/articles7", 10, [72.0, 57.0, 82.0]),
    ("tests/articles8", 10, [68.0, 59.0, 83.0]),
    ("tests/articles9", 10, [65.0, 52.0, 77.0]),
    ("tests/articles10", 10, [76.0, 50.0, 82.0]),
    ("tests/articles11", 10, [79.0, 66.0, 83.0]),
    ("tests/articles12", 10, [74.0, 48.0, 71.0]),
    ("tests/articles13", 10, [94.0, 61.0, 83.0]),
    ("tests/articles14", 10, [80.0, 73.0, 87.0]),
    ("tests/articles15", 10, [90.0, 68.0, 77.0]),
    ("tests/articles16", 10, [81.0, 53.0, 81.0]),
    ("tests/articles17", 10, [70.0, 48.0, 86.0]),
    ("tests/articles18", 10, [54.0, 48.0, 83.0]),
    ("tests/articles19", 10, [78.0, 62.0, 86.0]),
    ("tests/articles20", 10, [79.0, 52.0, 80.0]),
    ("tests/articles21", 10, [83.0, 56.0, 84.0]),
    ("tests/articles22", 10, [72.0, 55.0, 89.0]),
    ("tests/articles23", 10, [94.0, 59.0, 84.0]),
    ("tests/articles24", 10, [70.0, 47.0, 83.0]),
    ("tests/articles25", 10, [74.0, 51.0, 79.0]),
    ("tests/articles26", 9, [85.0, 53.0, 78.0]),
    ("tests/articles27", 9, [69.0, 53.0, 82.0]),
    ("tests/articles28", 10, [61.0, 46.0, 77.0]),
    ("tests/articles29", 10, [51.0, 53.0, 74.0]),
    ("tests/articles30", 10, [79.0, 48.0, 76.0]),
    ("tests/articles31", 8, [84.0, 58.0, 75.0]),
    ("tests/articles32", 10, [74.0, 50.0, 74.0]),
    ("tests/articles33", 10, [74.0, 59.0, 76.0]),
    ("tests/articles34", 10, [78.0, 46.0, 71.0]),
    ("tests/articles35", 10, [61.0, 39.0, 72.0]),
    ("tests/articles36", 10, [75.0, 45.0, 71.0]),
    ("tests/articles37", 10, [54.0, 43.0, 74.0]),
    ("tests/articles38", 10, [62.0, 43.0, 73.0]),
    ("tests/articles39", 10, [67.0, 50.0, 77.0]),
    ("tests/articles40", 10, [53.0, 47.0, 81.0]),
    ("tests/articles41", 10, [50.0, 51.0, 75.0]),
    ("tests/articles42", 10, [54.0, 44.0, 77.0]),
    ("tests/articles43", 8, [71.0, 56.0, 77.0]),
    ("tests/articles44", 10, [58.0, 49.0, 81.0]),
    ("tests/articles45", 10, [66.0, 46.0, 76.0]),
    ("tests/articles46", 10, [68.0, 48.0, 75.0]),
    ("tests/articles47", 10, [70.0, 61.0, 76.0]),
    ("tests/articles48", 10, [71.0, 47.0, 75.0]),
    ("tests/articles49", 10, [48.0, 49.0, 72.0]),
    ("tests/articles50", 10, [55.0, 41.0, 71.0]),
    ("tests/articles51", 10, [52.0, 35.0, 71.0]),
    ("tests/articles52", 10, [64.0, 46.0, 82.0]),
    ("tests/articles53", 10, [65.0, 56.0, 83.0]),
    ("tests/articles54", 10, [48.0, 52.0, 81.0]),
    ("tests/articles55", 10, [49.0, 40.0, 71.0]),
];

#[test]
fn dev_articles_scores_hold() {
    for (dir, articles, floors) in FLOORS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let scores = evaluate_articles(&Pipeline::standard(), &dir, read_article)
            .expect("article gold reads");
        assert_eq!(scores.articles.len(), *articles);
        let values = [scores.key_recall(), scores.recall(), scores.precision()];
        for ((level, value), floor) in ["key recall", "recall", "precision"]
            .iter()
            .zip(values)
            .zip(floors)
        {
            assert!(
                value >= *floor,
                "{}: {level} {value:.1} fell below {floor}\n{scores}",
                dir.display()
            );
        }
    }
}

#[test]
fn dev_articles_are_not_over_coded() {
    let pipeline = Pipeline::standard();
    let (mut events, mut sentences) = (0usize, 0usize);
    for entry in std::fs::read_dir(articles_dir()).expect("articles dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let doc = pipeline.run(read_article(&path).expect("article reads"));
        let mut per_sentence: HashMap<usize, usize> = HashMap::new();
        for e in doc.events.iter().filter(|e| {
            !e.negated && !matches!(e.modality, Modality::Negated | Modality::Hypothetical)
        }) {
            *per_sentence.entry(e.sentence).or_default() += 1;
        }
        sentences += per_sentence.len();
        events += per_sentence.values().sum::<usize>();
    }
    assert!(sentences > 50, "only {sentences} sentences with events");
    let rate = events as f64 / sentences as f64;
    println!("{events} events in {sentences} sentences with events: {rate:.2} per sentence");
    assert!(rate <= 1.5, "{rate:.2} events per sentence with events");
}
