//! Reading inputs and running the pipeline over them in parallel batches, in input order.

use anyhow::Result;
use chronicle_core::{Article, Document};
use chronicle_ingest::{expand_inputs, read_source, ReadOptions};
use chronicle_pipeline::Pipeline;
use rayon::prelude::*;

use crate::ReadArgs;

/// Articles analysed together; large enough to keep all cores busy, small enough that memory
/// stays flat on big corpora.
const BATCH: usize = 64;

/// Counts of what happened to the inputs.
#[derive(Debug, Default)]
pub struct ReadCounts {
    pub articles: usize,
    pub failed: usize,
}

/// Reads every input named in `args`, reporting each bad input on stderr (naming the file
/// and reason) and going on. `keep` decides which articles to analyse (ingest skips those
/// already stored); `on_doc` receives each analysed document in input order.
pub fn analyse_inputs(
    args: &ReadArgs,
    pipeline: &Pipeline,
    mut keep: impl FnMut(&Article) -> Result<bool>,
    mut on_doc: impl FnMut(Document) -> Result<()>,
    mut on_source_done: impl FnMut(),
) -> Result<ReadCounts> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let opts = ReadOptions {
        default_date: args.date,
        ..ReadOptions::default()
    };
    let mut counts = ReadCounts::default();
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let flush =
        |batch: &mut Vec<Article>, on_doc: &mut dyn FnMut(Document) -> Result<()>| -> Result<()> {
            let docs: Vec<Document> =
                pool.install(|| batch.par_drain(..).map(|a| pipeline.run(a)).collect());
            docs.into_iter().try_for_each(on_doc)
        };
    for source in expand_inputs(&args.paths) {
        let source = match source {
            Ok(s) => s,
            Err(err) => {
                eprintln!("error: {err}");
                counts.failed += 1;
                continue;
            }
        };
        for article in read_source(&source, &opts) {
            match article {
                Ok(article) => {
                    counts.articles += 1;
                    if keep(&article)? {
                        batch.push(article);
                    }
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut on_doc)?;
                    }
                }
                Err(err) => {
                    eprintln!("error: {err}");
                    counts.failed += 1;
                }
            }
        }
        on_source_done();
    }
    flush(&mut batch, &mut on_doc)?;
    Ok(counts)
}
