//! `chronicle serve`: the HTTP API and web interface over a database (chronicle-serve).

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

#[derive(Args)]
pub struct ServeArgs {
    /// The database file (must exist: create it with `chronicle ingest`).
    #[arg(long, env = "CHRONICLE_DB", default_value = "chronicle.db")]
    db: PathBuf,
    /// Address to listen on. Binding beyond loopback exposes the data to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Accept POST /api/articles (analyse and store articles); needs --token.
    #[arg(long)]
    allow_ingest: bool,
    /// Bearer token that ingest requests must present.
    #[arg(long, env = "CHRONICLE_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Largest accepted request body in bytes (larger requests get 413).
    #[arg(long, default_value_t = chronicle_serve::DEFAULT_MAX_BODY)]
    max_body: usize,
}

pub fn run(args: &ServeArgs) -> Result<i32> {
    if !args.db.exists() {
        bail!(
            "no database at {} (run `chronicle ingest` first, or pass --db)",
            args.db.display()
        );
    }
    if args.allow_ingest
        && !matches!(args.token.as_deref().map(str::trim), Some(t) if !t.is_empty())
    {
        bail!("--allow-ingest needs a token: --token TOKEN or the CHRONICLE_TOKEN variable");
    }
    let opts = chronicle_serve::ServeOptions {
        db: args.db.clone(),
        addr: args.addr,
        allow_ingest: args.allow_ingest,
        token: args.token.clone(),
        max_body: args.max_body,
    };
    chronicle_serve::serve_blocking(&opts)
        .with_context(|| format!("serving {}", args.db.display()))?;
    Ok(0)
}
