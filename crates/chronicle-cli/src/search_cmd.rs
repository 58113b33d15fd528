//! `chronicle search`: ranked full-text search over stored sentences and quotes.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use chronicle_store::{render_snippet, HitKind, SearchHit, SearchQuery, SearchScope};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::output::{enum_str, Format};
use crate::DbArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    Sentences,
    Quotes,
    All,
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words that must all occur (any order; the exact wording ranks first), "quoted
    /// phrases", and prefix* words. Other punctuation is ignored unless --raw is given.
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Read the query as FTS5 syntax (AND, OR, NOT, NEAR(), column filters).
    #[arg(long)]
    pub raw: bool,
    /// A mention or event actor in the sentence (or the quote's speaker) with this code
    /// prefix (USA, USAGOV, IGOUNO).
    #[arg(long)]
    pub actor: Option<String>,
    /// An event of the sentence with this directed dyad SOURCE:TARGET (code prefixes).
    #[arg(long)]
    pub dyad: Option<String>,
    /// First date (YYYY-MM-DD): of an event of the sentence, else of the article.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// An event of the sentence with this CAMEO code prefix (02, 112).
    #[arg(long)]
    pub cameo: Option<String>,
    /// An event of the sentence with this PLOVER type (REQUEST, ACCUSE, …).
    #[arg(long)]
    pub plover: Option<String>,
    /// Search sentences, quotes, or both.
    #[arg(long = "in", value_enum, default_value = "sentences")]
    pub scope: Scope,
    /// Also search near-duplicate copies of articles.
    #[arg(long)]
    pub include_duplicates: bool,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArgs,
}

fn query(args: &SearchArgs) -> Result<SearchQuery> {
    let dyad = match &args.dyad {
        None => None,
        Some(d) => {
            let (a, b) = d
                .split_once(':')
                .with_context(|| format!("--dyad {d:?}: expected SOURCE:TARGET, e.g. USA:PRK"))?;
            Some((a.trim().to_uppercase(), b.trim().to_uppercase()))
        }
    };
    Ok(SearchQuery {
        text: args.query.join(" "),
        raw: args.raw,
        scope: match args.scope {
            Scope::Sentences => SearchScope::Sentences,
            Scope::Quotes => SearchScope::Quotes,
            Scope::All => SearchScope::All,
        },
        actor: args.actor.as_ref().map(|a| a.trim().to_uppercase()),
        dyad,
        from: args.from,
        to: args.to,
        cameo: args.cameo.clone(),
        plover: args.plover.clone(),
        include_duplicates: args.include_duplicates,
        limit: args.limit,
    })
}

pub fn run(args: &SearchArgs, store: &chronicle_store::Store) -> Result<i32> {
    let q = query(args)?;
    let hits = store.search(&q).with_context(|| {
        if q.raw {
            format!(
                "search {:?} (FTS5 syntax: words, \"phrases\", OR, NOT, NEAR(), prefix*)",
                q.text
            )
        } else {
            format!("search {:?}", q.text)
        }
    })?;
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Jsonl => {
            for hit in &hits {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            }
        }
        Format::Csv => write_csv(&mut out, &hits)?,
        Format::Table => {
            for hit in &hits {
                writeln!(out, "{}", table_line(hit, terminal))?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// `doc#sentence  date  score  [quote SPEAKER:] snippet  [events]`: grep-like, one hit a
/// line, matches in bold on a terminal and in «guillemets» otherwise.
fn table_line(hit: &SearchHit, terminal: bool) -> String {
    let snippet = if terminal {
        render_snippet(&hit.snippet_parts, "\x1b[1m", "\x1b[0m", false)
    } else {
        hit.snippet.clone()
    };
    let snippet = snippet.replace(['\n', '\r', '\t'], " ");
    let date = hit
        .article_date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    let quote = match hit.kind {
        HitKind::Quote => format!("quote {}: ", hit.speaker.as_deref().unwrap_or("?")),
        HitKind::Sentence => String::new(),
    };
    let events = if hit.events.is_empty() {
        String::new()
    } else {
        let codes: Vec<String> = hit.events.iter().map(event_code).collect();
        format!("  [{}]", codes.join(", "))
    };
    format!(
        "{}#{}  {date}  {:.2}  {quote}{snippet}{events}",
        hit.doc, hit.sentence, hit.score
    )
}

/// `SRC→TGT CAMEO`, e.g. `IRN→USA 1011`.
fn event_code(e: &chronicle_store::HitEvent) -> String {
    format!(
        "{}→{} {}",
        e.source.as_deref().unwrap_or("-"),
        e.target.as_deref().unwrap_or("-"),
        e.cameo
    )
}

fn write_csv(out: &mut impl Write, hits: &[SearchHit]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "kind",
        "doc",
        "article_date",
        "sentence",
        "start",
        "end",
        "score",
        "snippet",
        "events",
        "text",
    ])?;
    for hit in hits {
        let events: Vec<String> = hit.events.iter().map(event_code).collect();
        w.write_record([
            enum_str(&hit.kind),
            hit.doc.clone(),
            hit.article_date.map(|d| d.to_string()).unwrap_or_default(),
            hit.sentence.to_string(),
            hit.evidence[0].to_string(),
            hit.evidence[1].to_string(),
            format!("{:.4}", hit.score),
            hit.snippet.clone(),
            events.join("; "),
            hit.text.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
