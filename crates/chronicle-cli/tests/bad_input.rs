//! The real binary on bad inputs: clear errors naming the file (and line), the other inputs
//! still processed, a non-zero exit, and nothing already stored lost.

use std::path::Path;
use std::process::{Command, Output};

fn chronicle(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .env("CHRONICLE_DB", db)
        .output()
        .expect("run chronicle")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const GOOD: &str = "Posted March 3rd, 2021 at 9:00 am\n\nTURKEY AND GREECE RESUME TALKS\n\n\
ANKARA (Reuters) – Turkish and Greek diplomats held exploratory talks in Ankara on Tuesday, \
the first in five years, the Turkish foreign ministry said.\n\n\
Greek Foreign Minister Nikos Dendias said Athens was ready to continue the dialogue.\n";

fn stats(db: &Path) -> String {
    stdout(&chronicle(&["stats"], db))
}

#[test]
fn bad_inputs_are_reported_and_skipped_without_losing_stored_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let out = chronicle(&["ingest", good.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = stats(&db);
    assert!(before.contains("articles 1"), "{before}");

    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(
        bad.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 0, 0],
    )
    .unwrap();
    std::fs::write(
        bad.join("latin1.txt"),
        b"Caf\xe9 talks in Paris were held on Monday.\n",
    )
    .unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(bad.join("huge.txt"), "x".repeat(1_100_000)).unwrap();
    std::fs::write(
        bad.join("broken.html"),
        "<html><head><title>x</title></head><body><script>var a=1;</script></body>",
    )
    .unwrap();
    let jsonl = "{\"id\": \"a1\", \"date\": \"2020-05-01\", \"text\": \"Egypt and Ethiopia held talks on the dam on Thursday.\"}\n\
                 {\"id\": \"a2\", \"text\": \"unterminated\n\
                 {\"id\": \"a3\", \"title\": \"no text field\"}\n\
                 {\"id\": \"a4\", \"date\": \"2020-05-02\", \"text\": \"Sudan urged Ethiopia to delay filling the reservoir.\"}\n";
    std::fs::write(bad.join("mixed.jsonl"), jsonl).unwrap();

    let out = chronicle(&["ingest", bad.to_str().unwrap()], &db);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some inputs failed: {err}");
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("empty.txt", "empty"),
        ("huge.txt", "line"),
        ("mixed.jsonl:2", "JSON"),
        ("mixed.jsonl:3", "text"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains(file) && l.to_lowercase().contains(&reason.to_lowercase())),
            "no error naming {file} with {reason:?} in:\n{err}"
        );
    }
    assert!(err.contains("broken.html"), "{err}");
    // The two good JSONL records were stored, and the first article is still there.
    let after = stats(&db);
    assert!(after.contains("articles 3"), "{after}");
    let list = stdout(&chronicle(&["articles", "--format", "csv"], &db));
    assert!(
        list.contains("good.txt") && list.contains("a1") && list.contains("a4"),
        "{list}"
    );
}

#[test]
fn ingest_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let first = chronicle(&["ingest", good.to_str().unwrap()], &db);
    assert!(first.status.success());
    let second = chronicle(
        &["ingest", good.to_str().unwrap(), good.to_str().unwrap()],
        &db,
    );
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("0 new, 2 skipped"),
        "{}",
        stderr(&second)
    );
    assert!(stats(&db).contains("articles 1"));
}

#[test]
fn missing_paths_and_queries_without_a_database_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = chronicle(&["code", "/nonexistent/file.txt"], &db);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/file.txt"),
        "{}",
        stderr(&out)
    );
    let out = chronicle(&["events"], &db);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no database"), "{}", stderr(&out));
    assert!(!db.exists(), "a query must not create an empty database");
    let out = chronicle(&["events", "--dyad", "USA"], &dir.path().join("x.db"));
    assert!(!out.status.success());
}

#[test]
fn date_flag_applies_only_to_undated_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let undated = dir.path().join("undated.txt");
    std::fs::write(
        &undated,
        "Chile and Peru signed a fisheries agreement in Lima.\n",
    )
    .unwrap();
    let dated = dir.path().join("dated.txt");
    std::fs::write(&dated, GOOD).unwrap();
    let out = chronicle(
        &[
            "ingest",
            "--date",
            "2022-02-02",
            undated.to_str().unwrap(),
            dated.to_str().unwrap(),
        ],
        &db,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&chronicle(&["articles", "--format", "csv"], &db));
    assert!(
        list.lines()
            .any(|l| l.contains("undated.txt") && l.contains("2022-02-02")),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.contains("dated.txt") && l.contains("2021-03-03")),
        "{list}"
    );

    // Without --date the article's date is unknown, never invented.
    let db2 = dir.path().join("d.db");
    chronicle(&["ingest", undated.to_str().unwrap()], &db2);
    let list = stdout(&chronicle(&["articles", "--format", "csv"], &db2));
    let row = list.lines().find(|l| l.contains("undated.txt")).unwrap();
    assert!(row.split(',').nth(2) == Some(""), "{row}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["code", examples])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chronicle");
    // Read the first bytes, then hang up like `| head -c 10` would.
    let mut first = [0u8; 10];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    // Neither a panic nor an error message: a closed pipe is how `head` says "enough".
    assert!(err.trim().is_empty(), "{err}");
    assert_ne!(status.code(), Some(101), "{err}");
}
