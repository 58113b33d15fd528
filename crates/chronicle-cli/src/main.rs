//! `chronicle`: turn news articles into a dated, searchable record of who did what to whom.

mod actors_cmd;
mod analytics_cmd;
mod bench;
mod bench_analytics;
mod bench_serve;
mod commands;
mod evaluate;
mod inputs;
mod output;
mod search_cmd;
mod serve_cmd;

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::output::Format;

#[derive(Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Turns news articles into a dated, searchable record of international politics (CAMEO/PLOVER events, actors, quotes)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    kb: actors_cmd::KbArgs,
}

#[derive(Args, Clone)]
pub struct DbArgs {
    /// The database file.
    #[arg(
        long,
        env = "CHRONICLE_DB",
        default_value = "chronicle.db",
        global = true
    )]
    pub db: PathBuf,
}

#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Files, directories (read recursively), glob patterns, or `-` for standard input.
    /// Plain text, HTML and JSONL (one article per line) are recognised.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Publication date (YYYY-MM-DD) for inputs whose own date cannot be found.
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
}

#[derive(Args, Clone, Default)]
pub struct EventFilterArgs {
    /// Events whose source or target code starts with CODE (USA, USAGOV, IGOUNO).
    #[arg(long)]
    pub actor: Option<String>,
    /// A directed dyad SOURCE:TARGET by code prefix (USA:PRK).
    #[arg(long)]
    pub dyad: Option<String>,
    /// First event date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last event date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// CAMEO code prefix (02, 112).
    #[arg(long)]
    pub cameo: Option<String>,
    /// PLOVER event type (REQUEST, ACCUSE, …).
    #[arg(long)]
    pub plover: Option<String>,
    /// Only this article (its doc name).
    #[arg(long)]
    pub doc: Option<String>,
    /// At most N events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also list events of near-duplicate copies of articles (by default each story counts once).
    #[arg(long)]
    pub include_duplicates: bool,
    /// One row per story (every mention of the same event — date, source, target, code and
    /// negation — within or across articles), listed by its first mention.
    #[arg(long)]
    pub stories: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print their events (JSONL by default); stores nothing.
    Code {
        #[command(flatten)]
        read: ReadArgs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
    },
    /// Analyse articles and store them with their sentences, actors, events and quotes.
    Ingest {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        db: DbArgs,
    },
    /// List stored events.
    Events {
        #[command(flatten)]
        filter: EventFilterArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[command(flatten)]
        db: DbArgs,
    },
    /// List stored articles.
    Articles {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Show one stored article (by doc name or id): each sentence with what was found in it.
    Show {
        article: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// List stored quotes: who said what, when.
    Quotes {
        /// Speaker code prefix (RUSGOV, USA).
        #[arg(long)]
        actor: Option<String>,
        /// Speaker phrase contains TEXT (case-insensitive): "Lavrov".
        #[arg(long)]
        speaker: Option<String>,
        /// Every word must occur in the quote (case-insensitive).
        #[arg(long)]
        search: Option<String>,
        /// First date (YYYY-MM-DD) the quote was said, inclusive.
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Last date (YYYY-MM-DD), inclusive.
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Ranked full-text search over stored sentences and quotes, with actor, dyad, date and
    /// event filters and highlighted snippets.
    Search(search_cmd::SearchArgs),
    /// Counts of what is stored.
    Stats {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Measure end-to-end throughput on a generated corpus.
    Bench(bench::BenchArgs),
    /// Cooperation–conflict series of a dyad per day, ISO week, month or year (with chart).
    Dyad(analytics_cmd::DyadArgs),
    /// The most important dates of a story, each with representative sentences and evidence.
    Timeline(analytics_cmd::TimelineArgs),
    /// Stream stored events as GDELT 2.0 rows, PLOVER JSON, CSV or Parquet.
    Export(analytics_cmd::ExportArgs),
    /// Time analytics queries and exports on a generated store of coded events.
    BenchAnalytics(bench_analytics::BenchAnalyticsArgs),
    /// Serve the JSON API and the web interface over a database.
    Serve(serve_cmd::ServeArgs),
    /// Load-test the HTTP API on a generated store of coded events.
    BenchServe(bench_serve::BenchServeArgs),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(evaluate::TrainCommand),
    /// Score a stage against annotated data.
    #[command(subcommand)]
    Eval(evaluate::EvalCommand),
    /// Actor knowledge base: what the resolver finds in a text and why.
    #[command(subcommand)]
    Actors(actors_cmd::ActorsCommand),
    /// Users' dictionaries: import PETRARCH/TABARI actor and agent files for --kb.
    #[command(subcommand)]
    Dict(actors_cmd::DictCommand),
}

fn main() {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_) | Command::BenchServe(_)) {
        quiet_on_closed_pipe();
    }
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("chronicle: error: {err:#}");
            std::process::exit(2);
        }
    }
}

/// Runs a command; returns the process exit status (1 when some inputs failed).
fn run(cli: Cli) -> Result<i32> {
    actors_cmd::install_kb(&cli.kb)?;
    match cli.command {
        Command::Code { read, format } => commands::code(&read, format),
        Command::Ingest { read, db } => commands::ingest(&read, &db),
        Command::Events { filter, format, db } => commands::events(&filter, format, &db),
        Command::Articles { format, db } => commands::articles(format, &db),
        Command::Show { article, db } => commands::show(&article, &db),
        Command::Quotes {
            actor,
            speaker,
            search,
            from,
            to,
            limit,
            format,
            db,
        } => {
            let filter = chronicle_store::QuoteFilter {
                actor: actor.map(|a| a.to_uppercase()),
                speaker,
                words: search.into_iter().collect(),
                from,
                to,
                limit,
            };
            commands::quotes(&filter, format, &db)
        }
        Command::Search(args) => commands::search(&args),
        Command::Stats { db } => commands::stats(&db),
        Command::Bench(args) => bench::run(&args),
        Command::Dyad(args) => analytics_cmd::dyad(&args),
        Command::Timeline(args) => analytics_cmd::timeline(&args),
        Command::Export(args) => analytics_cmd::export(&args),
        Command::BenchAnalytics(args) => bench_analytics::run(&args),
        Command::Serve(args) => serve_cmd::run(&args),
        Command::BenchServe(args) => bench_serve::run(&args),
        Command::Train(cmd) => evaluate::train(&cmd),
        Command::Eval(cmd) => evaluate::eval(&cmd),
        Command::Actors(cmd) => actors_cmd::actors(&cmd),
        Command::Dict(cmd) => actors_cmd::dict(&cmd),
    }
}

/// `chronicle events … | head`: end quietly when the reader goes away, as Unix tools do,
/// instead of panicking on the broken pipe. (The servers keep Rust's default, which ignores
/// SIGPIPE so that a closed connection is an error, not the end of the process.)
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
