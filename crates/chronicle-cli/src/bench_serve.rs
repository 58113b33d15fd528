//! `chronicle bench-serve`: load test of the HTTP API. Builds (or reuses) a store of
//! generated coded events, optionally adds analysed text articles (for search and article
//! views), starts `chronicle serve` in process on loopback and drives the main API calls,
//! each for a fixed time over N keep-alive connections, reporting requests/s and latency.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chronicle_serve::load::{drive, BackgroundServer, LoadOptions, LoadResult, LoadTarget};
use chronicle_serve::ServeOptions;
use chronicle_store::Store;
use clap::Args;

use crate::bench_analytics::SyntheticArgs;
use crate::{DbArgs, ReadArgs};

#[derive(Args)]
pub struct BenchServeArgs {
    #[command(flatten)]
    synthetic: SyntheticArgs,
    /// Serve this existing database instead of generating one (--events, --years and --seed
    /// are then ignored).
    #[arg(long, conflicts_with = "keep")]
    db: Option<PathBuf>,
    /// Keep the generated store at this path (must not exist).
    #[arg(long)]
    keep: Option<PathBuf>,
    /// Text articles (files, directories, globs) analysed and added to a generated store,
    /// so search and the article view have text to work on.
    #[arg(long, value_name = "PATHS", num_args = 1..)]
    texts: Vec<String>,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 8)]
    connections: usize,
    /// Seconds each API call is driven.
    #[arg(long, default_value_t = 5.0)]
    seconds: f64,
    /// Server runtime threads (default: all cores).
    #[arg(long)]
    server_threads: Option<usize>,
}

pub fn run(args: &BenchServeArgs) -> Result<i32> {
    let tmp = tempfile::tempdir()?;
    let path = match (&args.db, &args.keep) {
        (Some(db), _) if !db.exists() => bail!("no database at {}", db.display()),
        (Some(db), _) => db.clone(),
        (None, Some(p)) if p.exists() => {
            bail!("{} exists: give a new path to --keep", p.display())
        }
        (None, Some(p)) => p.clone(),
        (None, None) => tmp.path().join("serve-bench.db"),
    };
    if args.db.is_none() {
        generate(args, &path)?;
    }
    let store = Store::open(&path)?;
    let stats = store.stats()?;
    let last_article = store.article_count()?;
    drop(store);
    println!(
        "chronicle bench-serve: {} events, {} articles ({} near-duplicate copies), {} sentences; {} connections, {:.1} s per call",
        stats.events, stats.articles, stats.duplicates, stats.sentences, args.connections, args.seconds
    );

    let threads = args
        .server_threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let opts = ServeOptions {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        ..ServeOptions::new(&path)
    };
    let server = BackgroundServer::start(&opts, threads)?;
    println!(
        "server on http://{} ({threads} runtime threads)",
        server.addr
    );
    first_request_times(server.addr)?;

    let load = LoadOptions {
        connections: args.connections,
        duration: Duration::from_secs_f64(args.seconds.max(0.1)),
        warmup_requests: 2,
    };
    let results = drive(server.addr, &targets(last_article), load)?;
    print_results(&results);
    if results.iter().any(|r| r.requests == 0) {
        eprintln!("some calls never succeeded: check the store and the server log above");
        return Ok(1);
    }
    Ok(0)
}

/// The calls an analyst's session makes, on the generator's busiest dyad (USA→CHN).
fn targets(last_article: i64) -> Vec<LoadTarget> {
    let t = |name: &str, path: String| LoadTarget {
        name: name.to_owned(),
        path,
    };
    vec![
        t("overview (cached)", "/api/overview".into()),
        t(
            "events USA→CHN 2019, 100",
            "/api/events?source=USA&target=CHN&from=2019-01-01&to=2019-12-31&limit=100".into(),
        ),
        t(
            "dyad USA→CHN by month",
            "/api/dyad?source=USA&target=CHN&by=month".into(),
        ),
        t(
            "timeline USA→CHN 2019",
            "/api/timeline?source=USA&target=CHN&from=2019-01-01&to=2019-12-31".into(),
        ),
        t("search \"talks\"", "/api/search?q=talks&limit=20".into()),
        t(
            "article (last stored)",
            format!("/api/articles/{last_article}"),
        ),
    ]
}

/// Bulk-loads generated events (as `chronicle bench-analytics`), then analyses `--texts`.
fn generate(args: &BenchServeArgs, path: &std::path::Path) -> Result<()> {
    let started = Instant::now();
    let mut store = Store::open(path)?;
    let articles = args.synthetic.articles();
    let stored = store.bulk_insert(articles)?;
    drop(store);
    println!(
        "generated {stored} events in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if !args.texts.is_empty() {
        let read = ReadArgs {
            paths: args.texts.clone(),
            date: None,
            jobs: None,
        };
        let db = DbArgs {
            db: path.to_path_buf(),
        };
        crate::commands::ingest(&read, &db).context("adding --texts")?;
    }
    Ok(())
}

/// The first, uncached overview: it computes and caches the store-wide summaries (the
/// actor list included) that later requests reuse.
fn first_request_times(addr: SocketAddr) -> Result<()> {
    let path = "/api/overview";
    let target = LoadTarget {
        name: path.to_owned(),
        path: path.to_owned(),
    };
    // No timed requests: the single warm-up request is the measurement.
    let once = LoadOptions {
        connections: 1,
        duration: Duration::ZERO,
        warmup_requests: 1,
    };
    let started = Instant::now();
    drive(addr, &[target], once)?;
    println!(
        "first {path} (computed, then cached): {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn print_results(results: &[LoadResult]) {
    println!("\n| call | requests/s | p50 ms | p99 ms | max ms | requests | errors | mean bytes |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in results {
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {} | {} |",
            r.name,
            r.requests_per_second,
            ms(r.p50),
            ms(r.p99),
            ms(r.max),
            r.requests,
            r.errors,
            r.mean_bytes
        );
    }
    println!();
    for r in results {
        println!("{}: GET {}", r.name, r.path);
    }
}
