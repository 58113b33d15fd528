//! The commands that read inputs or query the store.

use std::cell::RefCell;
use std::io::Write;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chronicle_core::record::{EventRecord, QuoteRecord};
use chronicle_core::Document;
use chronicle_pipeline::Pipeline;
use chronicle_store::{InsertOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::inputs::analyse_inputs;
use crate::output::{enum_str, print_table, truncate, EventWriter, Format};
use crate::{DbArgs, EventFilterArgs, ReadArgs};

/// The standard pipeline, with any assembly problem reported on stderr.
pub fn pipeline() -> Pipeline {
    let pipeline = Pipeline::standard();
    for warning in pipeline.warnings() {
        eprintln!("warning: {warning}");
    }
    pipeline
}

fn exit_status(failed: usize) -> i32 {
    i32::from(failed > 0)
}

/// `chronicle code`: analyse and print events; nothing is stored.
pub fn code(read: &ReadArgs, format: Format) -> Result<i32> {
    let pipeline = pipeline();
    let mut writer = EventWriter::stdout(format)?;
    let counts = analyse_inputs(
        read,
        &pipeline,
        |_| Ok(true),
        |doc| {
            for record in EventRecord::all(&doc) {
                writer.write(&record)?;
            }
            Ok(())
        },
        || {},
    )?;
    writer.finish()?;
    if counts.failed > 0 {
        eprintln!("{} input(s) failed", counts.failed);
    }
    Ok(exit_status(counts.failed))
}

fn open_store(db: &DbArgs) -> Result<Store> {
    Store::open(&db.db).with_context(|| format!("opening {}", db.db.display()))
}

/// Opens an existing database for a query; a missing file is an error, not a new empty store.
fn open_existing(db: &DbArgs) -> Result<Store> {
    if !db.db.exists() {
        bail!(
            "no database at {} (run `chronicle ingest` first, or pass --db)",
            db.db.display()
        );
    }
    open_store(db)
}

/// `chronicle ingest`: analyse and store; already stored articles are skipped unanalysed.
pub fn ingest(read: &ReadArgs, db: &DbArgs) -> Result<i32> {
    let started = Instant::now();
    let store = RefCell::new(open_store(db)?);
    // Articles stored before near-duplicate detection existed get their signatures first.
    let signed = store.borrow_mut().index_unsigned_articles()?;
    if signed > 0 {
        eprintln!("indexed {signed} stored article(s) for near-duplicate detection");
    }
    let pipeline = pipeline();
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("valid template"),
    );
    let skipped = std::cell::Cell::new(0usize);
    let (mut new, mut sentences, mut events, mut quotes) = (0usize, 0usize, 0usize, 0usize);
    let mut duplicates = 0usize;
    let counts = analyse_inputs(
        read,
        &pipeline,
        |article| {
            let known = store
                .borrow()
                .find_by_hash(&article.content_hash)?
                .is_some();
            if known {
                skipped.set(skipped.get() + 1);
            }
            Ok(!known)
        },
        |doc: Document| {
            let outcome = store.borrow_mut().insert_document(&doc)?;
            match outcome {
                InsertOutcome::Inserted(id) => {
                    new += 1;
                    let links = store.borrow().near_duplicates(&id.to_string())?;
                    if links.is_some_and(|l| l.duplicate_of.is_some()) {
                        duplicates += 1;
                    }
                    sentences += doc.sentences.len();
                    events += doc.events.len();
                    quotes += doc.quotes.len();
                }
                InsertOutcome::Skipped(_) => skipped.set(skipped.get() + 1),
            }
            progress.set_message(format!(
                "{new} new, {} skipped, {events} events",
                skipped.get()
            ));
            progress.tick();
            Ok(())
        },
        || progress.tick(),
    )?;
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    let skipped = skipped.get();
    eprintln!(
        "ingested into {}: {new} new, {skipped} skipped, {} failed articles, {duplicates} near-duplicate(s) of stored stories; {sentences} sentences, {events} events, {quotes} quotes in {secs:.2}s ({:.0} sentences/s)",
        db.db.display(),
        counts.failed,
        sentences as f64 / secs.max(1e-9),
    );
    Ok(exit_status(counts.failed))
}

pub fn events(filter: &EventFilterArgs, format: Format, db: &DbArgs) -> Result<i32> {
    let store = open_existing(db)?;
    let mut writer = EventWriter::stdout(format)?;
    for record in store.events(&crate::analytics_cmd::event_filter(filter)?)? {
        writer.write(&record)?;
    }
    writer.finish()?;
    Ok(0)
}

pub fn articles(format: Format, db: &DbArgs) -> Result<i32> {
    let store = open_existing(db)?;
    let list = store.articles()?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    match format {
        Format::Jsonl => {
            for a in &list {
                serde_json::to_writer(&mut out, a)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "id",
                "doc",
                "date",
                "outlet",
                "title",
                "sentences",
                "events",
                "quotes",
                "duplicate_of",
                "similarity",
            ])?;
            for a in &list {
                w.write_record([
                    a.id.to_string(),
                    a.doc.clone(),
                    a.date.map(|d| d.to_string()).unwrap_or_default(),
                    a.outlet.clone().unwrap_or_default(),
                    a.title.clone().unwrap_or_default(),
                    a.sentences.to_string(),
                    a.events.to_string(),
                    a.quotes.to_string(),
                    a.duplicate_of.clone().unwrap_or_default(),
                    a.duplicate_similarity
                        .map(|s| format!("{s:.2}"))
                        .unwrap_or_default(),
                ])?;
            }
            w.flush()?;
            return Ok(0);
        }
        Format::Table => {
            let rows: Vec<[String; 6]> = list
                .iter()
                .map(|a| {
                    [
                        a.id.to_string(),
                        a.date
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "unknown".into()),
                        a.doc.clone(),
                        a.outlet.clone().unwrap_or_default(),
                        format!("{}/{}/{}", a.sentences, a.events, a.quotes),
                        match &a.duplicate_of {
                            Some(original) => format!(
                                "[copy of {original}] {}",
                                truncate(a.title.as_deref().unwrap_or(""), 40)
                            ),
                            None => truncate(a.title.as_deref().unwrap_or(""), 60),
                        },
                    ]
                })
                .collect();
            print_table(
                &mut out,
                &["id", "date", "doc", "outlet", "sent/ev/quotes", "title"],
                &rows,
            )?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// `chronicle show`: the article's sentences, each followed by its actors, times, quotes and events.
pub fn show(key: &str, db: &DbArgs) -> Result<i32> {
    let store = open_existing(db)?;
    let Some(doc) = store.document(key)? else {
        bail!(
            "no article {key:?} in {} (see `chronicle articles`)",
            db.db.display()
        );
    };
    let mut out = std::io::BufWriter::new(std::io::stdout());
    if let Some(links) = store.near_duplicates(key)? {
        if let Some(original) = &links.duplicate_of {
            writeln!(
                out,
                "near-duplicate of {} (similarity {:.2}); counted once, under the original",
                original.doc, original.similarity
            )?;
        }
        for copy in &links.copies {
            writeln!(
                out,
                "near-duplicate copy: {} (similarity {:.2})",
                copy.doc, copy.similarity
            )?;
        }
    }
    render_document(&doc, &mut out)?;
    out.flush()?;
    Ok(0)
}

fn render_document(doc: &Document, out: &mut impl Write) -> Result<()> {
    let a = &doc.article;
    writeln!(out, "{}", a.title.as_deref().unwrap_or(&a.id))?;
    writeln!(
        out,
        "doc: {}  date: {}  outlet: {}  dateline: {}",
        a.id,
        a.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into()),
        a.outlet.as_deref().unwrap_or("-"),
        a.dateline.as_deref().unwrap_or("-"),
    )?;
    for s in &doc.sentences {
        writeln!(out, "\n[{}] {}", s.index, doc.slice(s.span))?;
        for (_, m) in doc.mentions_in(s.index) {
            writeln!(
                out,
                "    actor   {:<10} {} ({})",
                m.actor.code,
                m.text,
                enum_str(&m.kind)
            )?;
        }
        for (_, t) in doc.timexes_in(s.index) {
            let date = t.date.map(|d| format!(" → {d}")).unwrap_or_default();
            writeln!(out, "    time    {:<10} {}{}", t.value, t.text, date)?;
        }
        for q in doc.quotes.iter().filter(|q| q.sentence == s.index) {
            let speaker = q
                .speaker
                .as_ref()
                .map(|sp| format!("{} ({})", sp.text, sp.actor.code))
                .or_else(|| q.speaker_text.clone())
                .unwrap_or_else(|| "?".into());
            writeln!(
                out,
                "    quote   {:<10} {speaker}: {}",
                enum_str(&q.kind),
                truncate(&q.content_text, 80)
            )?;
        }
        for e in doc.events.iter().filter(|e| e.sentence == s.index) {
            let side = |a: &Option<chronicle_core::EventActor>| {
                a.as_ref().map_or("-".to_owned(), |a| a.actor.code.clone())
            };
            let date = e
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            let neg = if e.negated { " NEGATED" } else { "" };
            writeln!(
                out,
                "    event   {:<10} {} → {}  {} ({:+.1})  {date}  \"{}\"{neg}",
                e.cameo,
                side(&e.source),
                side(&e.target),
                e.cameo_name,
                e.goldstein,
                doc.slice(e.trigger),
            )?;
        }
    }
    Ok(())
}

pub fn quotes(filter: &chronicle_store::QuoteFilter, format: Format, db: &DbArgs) -> Result<i32> {
    let store = open_existing(db)?;
    let list: Vec<QuoteRecord> = store.quotes(filter)?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    match format {
        Format::Jsonl => {
            for q in &list {
                serde_json::to_writer(&mut out, q)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "doc",
                "date",
                "kind",
                "speaker_code",
                "speaker",
                "cue",
                "content",
            ])?;
            for q in &list {
                w.write_record([
                    q.doc.clone(),
                    q.date.map(|d| d.to_string()).unwrap_or_default(),
                    enum_str(&q.kind),
                    q.speaker
                        .as_ref()
                        .map(|s| s.code.clone())
                        .unwrap_or_default(),
                    speaker_name(q),
                    q.cue.clone().unwrap_or_default(),
                    q.content.clone(),
                ])?;
            }
            w.flush()?;
            return Ok(0);
        }
        Format::Table => {
            let rows: Vec<[String; 5]> = list
                .iter()
                .map(|q| {
                    [
                        q.date.map(|d| d.to_string()).unwrap_or_default(),
                        q.speaker
                            .as_ref()
                            .map(|s| s.code.clone())
                            .unwrap_or_else(|| "-".into()),
                        truncate(&speaker_name(q), 30),
                        enum_str(&q.kind),
                        truncate(&q.content, 90),
                    ]
                })
                .collect();
            print_table(
                &mut out,
                &["date", "code", "speaker", "kind", "content"],
                &rows,
            )?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn speaker_name(q: &QuoteRecord) -> String {
    q.speaker
        .as_ref()
        .map(|s| s.text.clone())
        .or_else(|| q.speaker_text.clone())
        .unwrap_or_default()
}

/// `chronicle search`: see [`crate::search_cmd`].
pub fn search(args: &crate::search_cmd::SearchArgs) -> Result<i32> {
    let store = open_existing(&args.db)?;
    crate::search_cmd::run(args, &store)
}

pub fn stats(db: &DbArgs) -> Result<i32> {
    let store = open_existing(db)?;
    let s = store.stats()?;
    println!(
        "articles {}\nduplicates {}\nsentences {}\nmentions {}\nevents {}\nquotes {}",
        s.articles, s.duplicates, s.sentences, s.mentions, s.events, s.quotes
    );
    if s.duplicates > 0 {
        println!(
            "({} near-duplicate article(s) stored besides; every other count is of distinct articles)",
            s.duplicates
        );
    }
    Ok(0)
}
