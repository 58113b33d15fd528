//! `--kb` files, `chronicle actors resolve` and `chronicle dict import` through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .output()
        .expect("run chronicle")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn resolve_prints_codes_with_their_reasons() {
    let out = chronicle(&[
        "actors",
        "resolve",
        "Russian Foreign Minister Sergei Lavrov said the Kremlin would respond.",
        "--date",
        "2019-05-01",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for line in [
        "\"Russian Foreign Minister Sergei Lavrov\"  RUSGOV",
        "demonym 'Russian' → RUS",
        "role 'Foreign Minister' → GOV",
        "person 'Sergei Lavrov' RUSGOV 2004-03-09–",
        "\"Kremlin\"  RUSGOV",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in\n{stdout}");
    }
    // The context is read first: "Lavrov" alone is the minister named there.
    let out = chronicle(&[
        "actors",
        "resolve",
        "Lavrov later flew to Ankara.",
        "--context",
        "Russian Foreign Minister Sergei Lavrov met Turkish officials.",
        "--date",
        "2021-03-01",
    ]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"Lavrov\"  RUSGOV"), "{stdout}");
    assert!(stdout.contains("(context: "), "{stdout}");
}

#[test]
fn kb_files_extend_coding_and_bad_ones_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let kb = write(
        dir.path(),
        "envoys.kb",
        "# our analysts' additions\n[officials]\nUSA | GOV | Jane Q. Doe | Doe | 2030-01-01 | | Special Envoy\n",
    );
    let article = write(
        dir.path(),
        "a.txt",
        "WASHINGTON (Reuters) - Jane Q. Doe accused Russia of violating the treaty on Tuesday.\n",
    );
    let out = chronicle(&["code", "--kb", &kb, "--date", "2031-05-05", &article]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\"text\":\"Jane Q. Doe\",\"code\":\"USAGOV\""),
        "{stdout}"
    );
    // Without the file the unknown name is no actor.
    let out = chronicle(&["code", "--date", "2031-05-05", &article]);
    assert!(!text(&out.stdout).contains("\"code\":\"USAGOV\""));

    let bad = write(
        dir.path(),
        "bad.kb",
        "[officials]\nUSA | GOV | Jane Q. Doe | Doe | 2030-01-01 | | Envoy\nZZZ | GOV | A B | | 2020 | | X\n",
    );
    let out = chronicle(&["code", "--kb", &bad, &article]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("bad.kb:3: bad actor code \"ZZZGOV\""),
        "{stderr}"
    );
}

fn dictionaries() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dictionaries")
}

#[test]
fn dict_import_converts_phoenix_files_for_kb() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("phoenix.kb");
    let mut args = vec!["dict", "import", "--format", "petrarch"];
    let files: Vec<String> = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ]
    .iter()
    .map(|f| dictionaries().join(f).to_str().unwrap().to_owned())
    .collect();
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", out_path.to_str().unwrap()]);
    let out = chronicle(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    // Phoenix's countries that the built-in table does not already have (the Cook Islands,
    // COK, became built-in in November 2026).
    assert!(stderr.contains("182 countries"), "{stderr}");
    let officials: usize = stderr
        .split(" officials with")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // (The import skips officials the built-in knowledge base already names, so the count
    // falls as that grows: 16,781 with the 1995-2015 office holders added in November 2026.)
    assert!(officials > 16_000, "{stderr}");
    assert!(stderr.contains("skipped ") && stderr.contains("no code (a null actor in PETRARCH)"));
    let out = chronicle(&[
        "--kb",
        out_path.to_str().unwrap(),
        "actors",
        "resolve",
        "Mohammad Najibullah spoke in Kabul.",
        "--date",
        "1990-02-01",
        "--no-parse",
    ]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\"Mohammad Najibullah\"  AFGGOV"),
        "{stdout}"
    );
}
