//! `chronicle dyad`, `chronicle timeline` and `chronicle export`: story analytics over the
//! store (computed by chronicle-analytics; this module parses arguments and picks outputs).

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chronicle_analytics::dyad::{dyad_series, write_csv, write_json, write_table};
use chronicle_analytics::export::{CsvEventWriter, GdeltWriter, ParquetEventWriter, PloverWriter};
use chronicle_analytics::period::parse_period;
use chronicle_analytics::plot::{render_svg, svg_to_png};
use chronicle_analytics::timeline::{self, TimelineOptions};
use chronicle_analytics::{DyadQuery, Period, TimelineQuery};
use chronicle_store::{EventFilter, Store};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::{DbArgs, EventFilterArgs};

/// Parses `--by`.
fn by_period(s: &str) -> std::result::Result<Period, String> {
    parse_period(s).map_err(|e| e.to_string())
}

/// Parses a calendar date with a message that says what is expected.
pub fn calendar_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date: expected YYYY-MM-DD, e.g. 2019-12-15"))
}

/// An actor code prefix as stored: upper case, no spaces.
fn actor_code(s: &str) -> std::result::Result<String, String> {
    let code = s.trim().to_uppercase();
    if code.is_empty() || code.chars().any(char::is_whitespace) {
        return Err(format!(
            "{s:?} is not an actor code (e.g. USA, USAGOV, IGOUNO)"
        ));
    }
    Ok(code)
}

/// Parses `SOURCE:TARGET`.
fn dyad_codes(s: &str) -> std::result::Result<(String, String), String> {
    let (a, b) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?} is not a dyad: expected SOURCE:TARGET, e.g. USA:PRK"))?;
    Ok((actor_code(a)?, actor_code(b)?))
}

fn check_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            bail!("--from {from} is after --to {to}");
        }
    }
    Ok(())
}

fn open_existing(db: &DbArgs) -> Result<Store> {
    if !db.db.exists() {
        bail!(
            "no database at {} (run `chronicle ingest` first, or pass --db)",
            db.db.display()
        );
    }
    Store::open(&db.db).with_context(|| format!("opening {}", db.db.display()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeriesFormat {
    Table,
    Csv,
    Json,
}

#[derive(Args)]
pub struct DyadArgs {
    /// Source actor code prefix (USA matches USA, USAGOV, USAMIL…).
    #[arg(value_parser = actor_code)]
    source: String,
    /// Target actor code prefix.
    #[arg(value_parser = actor_code)]
    target: String,
    /// Period: day, week (ISO, Monday–Sunday), month or year.
    #[arg(long, default_value = "month", value_parser = by_period)]
    by: Period,
    /// First event date (YYYY-MM-DD), inclusive.
    #[arg(long, value_parser = calendar_date)]
    from: Option<NaiveDate>,
    /// Last event date (YYYY-MM-DD), inclusive.
    #[arg(long, value_parser = calendar_date)]
    to: Option<NaiveDate>,
    /// Count events in both directions (SOURCE→TARGET and TARGET→SOURCE).
    #[arg(long)]
    undirected: bool,
    #[arg(long, value_enum, default_value = "table")]
    format: SeriesFormat,
    /// Also draw the cooperation–conflict chart to FILE (.svg or .png).
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
}

pub fn dyad(args: &DyadArgs) -> Result<i32> {
    check_range(args.from, args.to)?;
    if let Some(path) = &args.plot {
        plot_kind(path)?;
    }
    let store = open_existing(&args.db)?;
    let query = DyadQuery {
        source: args.source.clone(),
        target: args.target.clone(),
        undirected: args.undirected,
        from: args.from,
        to: args.to,
    };
    let series = dyad_series(&store, &query, args.by)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        SeriesFormat::Table => write_table(&series, &mut out)?,
        SeriesFormat::Csv => write_csv(&series, &mut out)?,
        SeriesFormat::Json => write_json(&series, &mut out)?,
    }
    out.flush()?;
    if let Some(path) = &args.plot {
        let svg = render_svg(&series)?;
        let bytes = match plot_kind(path)? {
            PlotKind::Svg => svg.into_bytes(),
            PlotKind::Png => svg_to_png(&svg)?,
        };
        std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("chart written to {}", path.display());
    }
    if series.periods.is_empty() {
        eprintln!("no dated events for this dyad");
    }
    Ok(0)
}

enum PlotKind {
    Svg,
    Png,
}

fn plot_kind(path: &Path) -> Result<PlotKind> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(PlotKind::Svg),
        Some("png") => Ok(PlotKind::Png),
        _ => bail!(
            "--plot {}: the file name must end in .svg or .png",
            path.display()
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Md,
    Html,
    Json,
}

#[derive(Args)]
pub struct TimelineArgs {
    /// Events whose source or target code starts with CODE.
    #[arg(long, value_parser = actor_code, conflicts_with_all = ["dyad"])]
    actor: Option<String>,
    /// A directed dyad SOURCE:TARGET by code prefix (USA:PRK).
    #[arg(long, value_parser = dyad_codes)]
    dyad: Option<(String, String)>,
    /// Events of articles containing all these words.
    #[arg(long, value_name = "WORDS")]
    query: Option<String>,
    /// First date (YYYY-MM-DD), inclusive.
    #[arg(long, value_parser = calendar_date)]
    from: Option<NaiveDate>,
    /// Last date (YYYY-MM-DD), inclusive.
    #[arg(long, value_parser = calendar_date)]
    to: Option<NaiveDate>,
    /// At most N dates (the most important ones).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    max_dates: u32,
    /// Sentences per date.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=10))]
    sentences: u32,
    #[arg(long, value_enum, default_value = "md")]
    format: TimelineFormat,
    #[command(flatten)]
    db: DbArgs,
}

pub fn timeline(args: &TimelineArgs) -> Result<i32> {
    check_range(args.from, args.to)?;
    let store = open_existing(&args.db)?;
    let words: Vec<String> = args
        .query
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if args.query.is_some() && words.is_empty() {
        bail!("--query needs at least one word");
    }
    let query = TimelineQuery {
        actor: args.actor.clone(),
        dyad: args.dyad.clone(),
        words,
        from: args.from,
        to: args.to,
    };
    let opts = TimelineOptions {
        max_dates: args.max_dates as usize,
        sentences_per_date: args.sentences as usize,
        ..TimelineOptions::default()
    };
    let t = timeline::timeline(&store, &query, &opts)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        TimelineFormat::Md => timeline::write_markdown(&t, &mut out)?,
        TimelineFormat::Html => timeline::write_html(&t, &mut out)?,
        TimelineFormat::Json => timeline::write_json(&t, &mut out)?,
    }
    out.flush()?;
    Ok(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns.
    Gdelt,
    /// PLOVER JSON records, one per line.
    Plover,
    /// The columns of `chronicle events --format csv`.
    Csv,
    /// Apache Parquet with typed columns (needs --output).
    Parquet,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    format: ExportFormat,
    #[command(flatten)]
    filter: EventFilterArgs,
    /// Write to FILE instead of standard output (required for parquet).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// GDELT only: a first line with the column names.
    #[arg(long)]
    header: bool,
    /// GDELT and PLOVER: one row per mention instead of one per story.
    #[arg(long)]
    mentions: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn event_filter(args: &EventFilterArgs) -> Result<EventFilter> {
    check_range(args.from, args.to)?;
    let dyad = args
        .dyad
        .as_deref()
        .map(dyad_codes)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    Ok(EventFilter {
        actor: args.actor.as_ref().map(|a| a.trim().to_uppercase()),
        dyad,
        from: args.from,
        to: args.to,
        cameo: args.cameo.clone(),
        plover: args.plover.clone(),
        doc: args.doc.clone(),
        limit: args.limit,
        offset: None,
        include_duplicates: args.include_duplicates,
        stories: args.stories,
    })
}

fn sink(output: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout())),
    })
}

/// `chronicle export`; a reader that stops early (`| head`) ends the export quietly.
pub fn export(args: &ExportArgs) -> Result<i32> {
    match run_export(args) {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use chronicle_analytics::AnalyticsError;
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return io.kind() == BrokenPipe;
        }
        match cause.downcast_ref::<AnalyticsError>() {
            Some(AnalyticsError::Io(io)) => io.kind() == BrokenPipe,
            Some(AnalyticsError::Json(json)) => json.io_error_kind() == Some(BrokenPipe),
            _ => false,
        }
    })
}

fn run_export(args: &ExportArgs) -> Result<i32> {
    let mut filter = event_filter(&args.filter)?;
    // GDELT and PLOVER rows are events, each reported once with its counts.
    if matches!(args.format, ExportFormat::Gdelt | ExportFormat::Plover) && !args.mentions {
        filter.stories = true;
    }
    if args.format == ExportFormat::Parquet
        && args.output.is_none()
        && std::io::stdout().is_terminal()
    {
        bail!("Parquet is binary: give a file with --output FILE (or redirect standard output)");
    }
    let store = open_existing(&args.db)?;
    let out = sink(args.output.as_deref())?;
    match args.format {
        ExportFormat::Gdelt => {
            let mut w = GdeltWriter::new(out, args.header)?;
            store.for_each_event(&filter, |e| w.write(&e))?;
            w.finish()?;
        }
        ExportFormat::Plover => {
            let mut w = PloverWriter::new(out);
            store.for_each_event(&filter, |e| w.write(&e))?;
            let (_, written, skipped) = w.finish()?;
            if skipped > 0 {
                eprintln!(
                    "{written} PLOVER records; {skipped} events left out (no date, no source actor, or no PLOVER category)"
                );
            }
        }
        ExportFormat::Csv => {
            let mut w = CsvEventWriter::new(out)?;
            store.for_each_event(&filter, |e| w.write(&e))?;
            w.finish()?;
        }
        ExportFormat::Parquet => {
            let mut w = ParquetEventWriter::new(out)?;
            store.for_each_event(&filter, |e| w.write(&e))?;
            let rows = w.finish()?;
            eprintln!("{rows} events written as Parquet");
        }
    }
    Ok(0)
}
