//! The PETRARCH importer on the real Phoenix dictionaries users own (read from
//! /work/shared/dictionaries; never copied into the repository).

use std::path::PathBuf;

use chronicle_actors::{
    import_petrarch, ActorResolver, ImportOptions, KbFile, KnowledgeBase, PersonStatus,
};
use chronicle_core::{Article, Document, Stage};

fn dictionaries() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dictionaries")
}

fn read(name: &str) -> KbFile {
    KbFile::read(&dictionaries().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import(names: &[&str]) -> (String, chronicle_actors::ImportReport) {
    let files: Vec<KbFile> = names.iter().map(|n| read(n)).collect();
    import_petrarch(&files, &KnowledgeBase::builtin(), ImportOptions::default())
}

#[test]
fn imports_the_phoenix_dictionaries() {
    let (text, report) = import(&[
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ]);
    eprintln!(
        "countries {} names {} orgs {} roles {} officials {} tenures {} known {} defaults {} shortened {} skipped {}",
        report.countries,
        report.country_names,
        report.organisations,
        report.roles,
        report.officials,
        report.tenures,
        report.known,
        report.defaults_dropped,
        report.agents_shortened,
        report.skipped.len()
    );
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for s in &report.skipped {
        let key: String = s.reason.chars().take(40).collect();
        *reasons.entry(key).or_default() += 1;
    }
    for (r, n) in &reasons {
        eprintln!("{n:6} {r}");
    }
    let kb = KnowledgeBase::with_files(&[KbFile {
        name: "imported.txt".into(),
        text: text.clone(),
    }])
    .unwrap_or_else(|e| panic!("the import must load: {e}"));
    // Counts of the 2014 Phoenix files (see the report printed above); a change in the
    // importer that loses whole kinds of records fails here. People the built-in knowledge
    // base already names are not imported, so the floors leave room for it to grow (the
    // 1970-1999 officials took 192 Phoenix people into the built-in base: 16,407 and 22,207).
    assert!(report.countries >= 180, "{}", report.countries);
    assert!(report.officials >= 16_000, "{}", report.officials);
    assert!(report.tenures >= 21_800, "{}", report.tenures);
    assert!(report.organisations >= 7_000, "{}", report.organisations);
    assert!(report.roles >= 2_900, "{}", report.roles);
    assert!(report.skipped.len() < 1_000, "{}", report.skipped.len());
    assert!(report
        .skipped
        .iter()
        .all(|s| s.line > 0 && !s.reason.is_empty()));
    assert!(kb.persons().len() > report.officials);

    // Known entries: a dated official, an IGO head, an agent word, a country alias.
    let najibullah = kb.person("Mohammad Najibullah").expect("Najibullah");
    let at = |d: &str| najibullah.status(Some(d.parse().unwrap()));
    assert!(matches!(at("1990-06-01"), PersonStatus::InOffice(c) if c.code == "AFGGOV"));
    let cuellar = kb.person("Javier de Cuellar").expect("Perez de Cuellar");
    assert_eq!(cuellar.tenures[0].code.code, "IGOUNO");
    assert!(text.contains("AGR | | agriculturalist\n"));
    assert!(kb.knows_phrase("Islamic Republic of Afghanistan"));
    // Officials the built-in tables know are left to them (ours are newer than 2014).
    let lavrov = kb.person("Sergei Lavrov").expect("Lavrov");
    assert!(lavrov.tenures.iter().any(|t| t.end.is_none()));

    // And the resolver uses them.
    let resolver = ActorResolver::new(std::sync::Arc::new(kb));
    let mut doc = Document::new(Article {
        text: "Mohammad Najibullah met Soviet envoys in Kabul. Cattlemen protested in Helmand."
            .into(),
        date: "1989-03-01".parse().ok(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    resolver.process(&mut doc);
    let codes: Vec<(&str, &str)> = doc
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.actor.code.as_str()))
        .collect();
    assert!(
        codes.contains(&("Mohammad Najibullah", "AFGGOV")),
        "{codes:?}"
    );
    assert!(codes.contains(&("Helmand", "AFG")), "{codes:?}");
}

#[test]
fn every_actor_file_alone_imports_and_loads() {
    for name in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ] {
        let (text, report) = import(&[name]);
        let loaded = KnowledgeBase::with_files(&[KbFile {
            name: format!("{name}.kb"),
            text,
        }]);
        assert!(loaded.is_ok(), "{name}: {:?}", loaded.err());
        let wrote = report.countries + report.organisations + report.roles + report.officials;
        assert!(wrote > 100, "{name}: {report:?}");
    }
}

#[test]
fn odd_input_gives_reasons_not_panics() {
    let odd = [
        "",
        "\u{0}\u{1}[\n+\n\t[\n]]]",
        "ÜBER_STRASSE_ [DEU]\n\t[DEUGOV 9999-]\n\t[DEUGOV >]\n+ЖУРНАЛ_ [ZZZ]\n",
        "!X! = A, B\n!X!_!Y! [~GOV]\n{ [~]\nPOLICE {} [GOV~]\n",
        "KIM_JONG_UN_ [PRKGOV 20111217-20111216]\nDUP_ [USA] [RUS]\n[USAGOV]\n",
        "ΑΘΗΝΑ_ [GRCGOV]\n北京_ [CHNGOV]\n\u{200b}_ [CHN]\n",
    ];
    for (i, text) in odd.iter().enumerate() {
        let file = KbFile {
            name: format!("odd{i}.txt"),
            text: (*text).to_owned(),
        };
        let (kb_text, report) =
            import_petrarch(&[file], &KnowledgeBase::builtin(), ImportOptions::default());
        let loaded = KnowledgeBase::with_files(&[KbFile {
            name: "out.kb".into(),
            text: kb_text,
        }]);
        assert!(loaded.is_ok(), "case {i}: {:?}", loaded.err());
        assert!(report.skipped.iter().all(|s| !s.reason.is_empty()));
    }
    // Users' KB files with odd bytes are errors with a line number, never panics.
    for text in [
        "[officials]\n\u{0}|||||\n",
        "[countries]\nAB\u{301}C | x | | \n",
        "[roles]\nGOV | | \u{200b}\n",
    ] {
        let _ = KnowledgeBase::with_files(&[KbFile {
            name: "odd.kb".into(),
            text: text.into(),
        }]);
    }
}
