//! `chronicle bench-analytics`: generates a large store of coded events (no text analysis)
//! and times the analytics queries and a streaming export on it.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use chronicle_analytics::dyad::dyad_series;
use chronicle_analytics::export::{GdeltWriter, ParquetEventWriter};
use chronicle_analytics::synth::EventGenerator;
use chronicle_analytics::timeline::{timeline, TimelineOptions};
use chronicle_analytics::{DyadQuery, Period, TimelineQuery};
use chronicle_store::{EventFilter, Store};
use chrono::NaiveDate;
use clap::Args;

/// The synthetic store a benchmark generates.
#[derive(Args)]
pub struct SyntheticArgs {
    /// Number of events to generate.
    #[arg(long, default_value_t = 1_000_000)]
    pub events: usize,
    /// Years the events span (from 2015).
    #[arg(long, default_value_t = 10)]
    pub years: u32,
    /// Seed of the generator (same seed, same store).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

impl SyntheticArgs {
    /// The generated articles, holding `events` events in all.
    pub fn articles(&self) -> impl Iterator<Item = chronicle_store::BulkArticle> {
        EventGenerator::new(self.seed, self.years).articles(self.events)
    }
}

#[derive(Args)]
pub struct BenchAnalyticsArgs {
    #[command(flatten)]
    synthetic: SyntheticArgs,
    /// Keep the generated store at this path (must not exist) instead of a temporary file.
    #[arg(long)]
    keep: Option<PathBuf>,
    /// Runs per query; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// (current, peak) resident set size in MB, from /proc (Linux).
fn rss_mb() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<f64> {
        let kb: f64 = status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Resets the peak RSS so the next reading covers only what follows (Linux ≥ 4.0).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn rss_text() -> String {
    match rss_mb() {
        Some((now, peak)) => format!("RSS {now:.1} MB, peak {peak:.1} MB"),
        None => "RSS unknown".into(),
    }
}

/// Median wall time of `runs` calls, and the last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Duration, T)> {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        last = Some(f()?);
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    match last {
        Some(v) => Ok((median, v)),
        None => bail!("no run"),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn run(args: &BenchAnalyticsArgs) -> Result<i32> {
    let tmp = tempfile::tempdir()?;
    let path = match &args.keep {
        Some(p) if p.exists() => bail!("{} exists: give a new path to --keep", p.display()),
        Some(p) => p.clone(),
        None => tmp.path().join("analytics.db"),
    };
    let mut report = String::new();
    let mut store = Store::open(&path)?;

    let started = Instant::now();
    let articles = args.synthetic.articles();
    let stored = store.bulk_insert(articles)?;
    let load = started.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    writeln!(
        report,
        "chronicle bench-analytics: {stored} events over {} years (seed {}), loaded in {:.1} s ({:.0} events/s), database {:.0} MB",
        args.synthetic.years,
        args.synthetic.seed,
        load.as_secs_f64(),
        stored as f64 / load.as_secs_f64().max(1e-9),
        size as f64 / 1e6
    )?;
    drop(store);
    let store = Store::open(&path)?;
    let day = |s: &str| s.parse::<NaiveDate>().ok();

    let filter = EventFilter {
        dyad: Some(("USA".into(), "CHN".into())),
        from: day("2019-01-01"),
        to: day("2019-12-31"),
        cameo: Some("04".into()),
        ..EventFilter::default()
    };
    let (t, n) = time(args.runs, || {
        let mut n = 0usize;
        store.for_each_event(
            &filter,
            |_| -> std::result::Result<(), chronicle_store::StoreError> {
                n += 1;
                Ok(())
            },
        )?;
        Ok(n)
    })?;
    writeln!(
        report,
        "filtered events (USA:CHN, 2019, cameo 04*, records decoded)  {:>10}  ({n} events)",
        ms(t)
    )?;
    let (t, n) = time(args.runs, || Ok(store.events(&filter)?.len()))?;
    writeln!(
        report,
        "same via Store::events (`chronicle events`)                 {:>10}  ({n} events)",
        ms(t)
    )?;

    for (label, undirected) in [("USA→CHN", false), ("USA↔CHN", true)] {
        let query = DyadQuery {
            source: "USA".into(),
            target: "CHN".into(),
            undirected,
            from: None,
            to: None,
        };
        let (t, series) = time(args.runs, || {
            Ok(dyad_series(&store, &query, Period::Month)?)
        })?;
        let events: i64 = series.periods.iter().map(|p| p.events).sum();
        writeln!(
            report,
            "dyad series {label} by month                                 {:>10}  ({} months, {events} events)",
            ms(t),
            series.periods.len()
        )?;
    }
    let query = DyadQuery {
        source: "PRK".into(),
        target: "KOR".into(),
        undirected: false,
        from: None,
        to: None,
    };
    let (t, series) = time(args.runs, || Ok(dyad_series(&store, &query, Period::Week)?))?;
    writeln!(
        report,
        "dyad series PRK→KOR by week                                  {:>10}  ({} weeks)",
        ms(t),
        series.periods.len()
    )?;

    let opts = TimelineOptions::default();
    let timelines = [
        (
            "actor PRK",
            TimelineQuery {
                actor: Some("PRK".into()),
                ..Default::default()
            },
        ),
        (
            "dyad USA:CHN",
            TimelineQuery {
                dyad: Some(("USA".into(), "CHN".into())),
                ..Default::default()
            },
        ),
        (
            "actor USA (largest)",
            TimelineQuery {
                actor: Some("USA".into()),
                ..Default::default()
            },
        ),
    ];
    for (label, q) in &timelines {
        let (t, tl) = time(args.runs, || Ok(timeline(&store, q, &opts)?))?;
        writeln!(
            report,
            "timeline {label:<22} 10 dates                        {:>10}  ({} dates)",
            ms(t),
            tl.entries.len()
        )?;
    }

    let all = EventFilter::default();
    for format in ["gdelt", "parquet"] {
        reset_peak_rss();
        let before = rss_text();
        let out_path = tmp.path().join(format!("export.{format}"));
        let out = std::io::BufWriter::new(std::fs::File::create(&out_path)?);
        let started = Instant::now();
        let rows = if format == "gdelt" {
            let mut w = GdeltWriter::new(out, false)?;
            let mut rows = 0u64;
            store.for_each_event(&all, |e| {
                rows += 1;
                w.write(&e)
            })?;
            w.finish()?.flush()?;
            rows
        } else {
            let mut w = ParquetEventWriter::new(out)?;
            store.for_each_event(&all, |e| w.write(&e))?;
            w.finish()?
        };
        let secs = started.elapsed().as_secs_f64();
        let size = std::fs::metadata(&out_path).map(|m| m.len()).unwrap_or(0);
        writeln!(
            report,
            "export {format:<8} all {rows} events  {secs:.2} s ({:.0} events/s, {:.0} MB); before: {before}; after: {}",
            rows as f64 / secs.max(1e-9),
            size as f64 / 1e6,
            rss_text()
        )?;
    }
    print!("{report}");
    Ok(0)
}
