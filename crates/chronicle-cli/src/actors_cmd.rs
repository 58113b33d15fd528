//! Actor knowledge base commands: the global `--kb` files, `chronicle actors resolve` (what
//! the resolver finds in a text and why) and `chronicle dict import` (users' PETRARCH
//! dictionaries → a knowledge-base file for `--kb`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use chronicle_actors::{import_petrarch, ActorResolver, ImportOptions, KbFile, KnowledgeBase};
use chronicle_core::{Article, Document, Stage};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

/// Knowledge-base files given on the command line.
#[derive(Args, Clone, Default)]
pub struct KbArgs {
    /// Extra actor knowledge-base file, merged over the built-in one (repeatable; later files
    /// win). Tables as in crates/chronicle-actors/data/, each after a line such as
    /// `[officials]`; `chronicle dict import` writes such files.
    #[arg(id = "kb", long = "kb", value_name = "FILE", global = true)]
    pub kb_files: Vec<PathBuf>,
    /// Start from an empty knowledge base instead of the built-in one (with --kb).
    #[arg(long, global = true)]
    pub kb_replace: bool,
}

/// Reads the `--kb` files over the built-in knowledge base; `None` when there are none.
pub fn load_kb(args: &KbArgs) -> Result<Option<Arc<KnowledgeBase>>> {
    if args.kb_files.is_empty() {
        if args.kb_replace {
            bail!("--kb-replace needs at least one --kb FILE");
        }
        return Ok(None);
    }
    let mut files = Vec::with_capacity(args.kb_files.len());
    for path in &args.kb_files {
        files.push(KbFile::read(path).with_context(|| format!("reading {}", path.display()))?);
    }
    let kb = if args.kb_replace {
        KnowledgeBase::from_files(&files)
    } else {
        KnowledgeBase::with_files(&files)
    };
    Ok(Some(Arc::new(kb.context("loading the --kb files")?)))
}

/// Makes the `--kb` files the knowledge base of every pipeline this process builds.
pub fn install_kb(args: &KbArgs) -> Result<()> {
    if let Some(kb) = load_kb(args)? {
        if KnowledgeBase::install_default(kb).is_err() {
            bail!("the actor knowledge base was already set");
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ActorsCommand {
    /// Print each actor mention found in TEXT with its code and the knowledge-base entries
    /// and rules behind it.
    Resolve {
        text: String,
        /// The article date (YYYY-MM-DD): decides which office a named official holds.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Earlier text of the article (for surnames, "the North", "he" …).
        #[arg(long)]
        context: Option<String>,
        /// Skip the dependency parse (rules only).
        #[arg(long)]
        no_parse: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DictFormat {
    /// PETRARCH / TABARI / Phoenix actor and agent dictionaries.
    Petrarch,
}

#[derive(Subcommand)]
pub enum DictCommand {
    /// Convert dictionaries into a knowledge-base file to load with --kb.
    Import {
        #[arg(long, value_enum, default_value = "petrarch")]
        format: DictFormat,
        /// Actor files (…actors.txt) and agent files (…agents.txt).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the knowledge base (default: standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Also keep phrases and officials the built-in knowledge base already has (they
        /// then override it when loaded).
        #[arg(long)]
        keep_known: bool,
    },
}

/// `chronicle actors …`.
pub fn actors(cmd: &ActorsCommand) -> Result<i32> {
    match cmd {
        ActorsCommand::Resolve {
            text,
            date,
            context,
            no_parse,
        } => resolve(text, *date, context.as_deref(), *no_parse),
    }
}

fn resolve(
    text: &str,
    date: Option<NaiveDate>,
    context: Option<&str>,
    no_parse: bool,
) -> Result<i32> {
    // The context comes first, as its own paragraph, so that the text is read after it.
    let prefix = context
        .map(|c| format!("{}\n\n", c.trim()))
        .unwrap_or_default();
    let mut doc = Document::new(Article {
        text: format!("{prefix}{text}"),
        date,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    if !no_parse {
        match chronicle_syntax::SyntaxAnalyzer::load_default() {
            Ok(parser) => parser.process(&mut doc),
            Err(err) => eprintln!("warning: no parse ({err}); rules only"),
        }
    }
    let explained = ActorResolver::builtin().explain(&doc);
    let mut out = std::io::stdout().lock();
    let in_text: Vec<_> = explained
        .iter()
        .filter(|e| e.mention.span.start >= prefix.len())
        .collect();
    if in_text.is_empty() {
        writeln!(out, "no actor found")?;
    }
    for e in &explained {
        let m = &e.mention;
        let from_context = m.span.start < prefix.len();
        if from_context {
            continue;
        }
        writeln!(out, "{:?}  {}", m.text, m.actor.code)?;
        for reason in &e.reasons {
            writeln!(out, "    {reason}")?;
        }
    }
    let context_codes: Vec<String> = explained
        .iter()
        .filter(|e| e.mention.span.start < prefix.len())
        .map(|e| format!("{:?} {}", e.mention.text, e.mention.actor.code))
        .collect();
    if !context_codes.is_empty() {
        writeln!(out, "(context: {})", context_codes.join(", "))?;
    }
    Ok(0)
}

/// `chronicle dict …`.
pub fn dict(cmd: &DictCommand) -> Result<i32> {
    match cmd {
        DictCommand::Import {
            format: DictFormat::Petrarch,
            files,
            output,
            keep_known,
        } => import(files, output.as_ref(), *keep_known),
    }
}

fn import(paths: &[PathBuf], output: Option<&PathBuf>, keep_known: bool) -> Result<i32> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        files.push(KbFile::read(path).with_context(|| format!("reading {}", path.display()))?);
    }
    let options = ImportOptions { keep_known };
    let (text, report) = import_petrarch(&files, &KnowledgeBase::builtin(), options);
    // Check the result loads before anyone relies on it.
    let check = KbFile {
        name: output.map_or_else(|| "<output>".to_owned(), |p| p.display().to_string()),
        text,
    };
    KnowledgeBase::with_files(std::slice::from_ref(&check))
        .context("the imported knowledge base does not load (a bug in the importer)")?;
    match output {
        Some(path) => std::fs::write(path, &check.text)
            .with_context(|| format!("writing {}", path.display()))?,
        None => std::io::stdout().lock().write_all(check.text.as_bytes())?,
    }
    let mut err = std::io::stderr().lock();
    for s in &report.skipped {
        writeln!(
            err,
            "skipped {}:{}: {} ({})",
            s.file, s.line, s.reason, s.text
        )?;
    }
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    for s in &report.skipped {
        let kind = s.reason.split(':').next_back().unwrap_or("").trim();
        *by_reason.entry(kind.to_owned()).or_default() += 1;
    }
    writeln!(
        err,
        "imported {} countries ({} names), {} organisations, {} role phrases, {} officials with {} offices; \
         {} already known, {} undated defaults of dated records dropped, {} agent codes cut to three letters; {} lines skipped",
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
    )?;
    let mut reasons: Vec<(usize, String)> = by_reason.into_iter().map(|(r, n)| (n, r)).collect();
    reasons.sort_by(|a, b| b.cmp(a));
    for (n, reason) in reasons.iter().take(10) {
        writeln!(err, "  {n:6}  {reason}")?;
    }
    Ok(0)
}
