//! Timelines: the most important dates of a story, each summarised by up to three
//! representative sentences (extractive, no near-duplicates), linked to their evidence.
//!
//! A date's importance is its coverage first — distinct articles and distinct outlets
//! reporting events on it — then the weight of its events (summed |Goldstein| and their
//! number), on a log scale so a flood of minor events does not outrank breadth of coverage.
//! Within a date, sentences of the events most repeated in their article (`reports`), then
//! of the largest |Goldstein|, are preferred.

use std::collections::HashSet;
use std::io::Write;

use chronicle_store::{DateCandidate, DateWeight, Store, TimelineQuery};
use chrono::NaiveDate;
use serde::Serialize;

use chronicle_core::html_escape;

use crate::text::{jaccard, shingles, words};
use crate::Result;

/// Sentences compared by word pairs; at or above this Jaccard similarity two sentences are
/// near-duplicates and only the first (weightier) is kept.
pub const NEAR_DUPLICATE: f64 = 0.5;
const SHINGLE: usize = 2;

/// How a timeline is cut.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// At most this many dates.
    pub max_dates: usize,
    /// At most this many sentences per date (1 to 3 is readable).
    pub sentences_per_date: usize,
    /// Events read per chosen date to pick the sentences from.
    pub candidates_per_date: usize,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            max_dates: 10,
            sentences_per_date: 3,
            candidates_per_date: 60,
        }
    }
}

/// A sentence chosen to summarise a date, with where it is written.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineSentence {
    pub text: String,
    pub doc: String,
    pub sentence_index: usize,
    /// Character offsets `[start, end)` of the sentence in the article's cleaned text.
    pub chars: [usize; 2],
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The event that made it relevant.
    pub cameo: String,
    pub cameo_name: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub goldstein: f32,
}

/// One date of a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub score: f64,
    pub articles: i64,
    pub outlets: i64,
    pub events: i64,
    pub sentences: Vec<TimelineSentence>,
}

/// A timeline, dates in chronological order.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// What it is about ("actor USA", "dyad USA:PRK", "query \"nuclear talks\"", "all events").
    pub subject: String,
    pub entries: Vec<TimelineEntry>,
}

/// The importance of a date (see the module documentation).
pub fn date_score(w: &DateWeight) -> f64 {
    2.0 * w.articles as f64
        + w.outlets as f64
        + (1.0 + w.abs_goldstein).ln()
        + (1.0 + w.events as f64).ln()
}

/// Builds the timeline of `query`.
pub fn timeline(store: &Store, query: &TimelineQuery, opts: &TimelineOptions) -> Result<Timeline> {
    let mut dates = store.timeline_dates(query)?;
    // Best first; equal scores: the earlier date.
    dates.sort_by(|a, b| {
        date_score(b)
            .total_cmp(&date_score(a))
            .then(a.date.cmp(&b.date))
    });
    dates.truncate(opts.max_dates);
    let query_words: HashSet<String> = query.words.iter().flat_map(|w| words(w)).collect();
    let mut entries = Vec::with_capacity(dates.len());
    for w in dates {
        let candidates = store.timeline_candidates(query, w.date, opts.candidates_per_date)?;
        entries.push(TimelineEntry {
            date: w.date,
            score: date_score(&w),
            articles: w.articles,
            outlets: w.outlets,
            events: w.events,
            sentences: pick_sentences(candidates, &query_words, opts.sentences_per_date),
        });
    }
    entries.sort_by_key(|e| e.date);
    Ok(Timeline {
        subject: subject(query),
        entries,
    })
}

fn subject(q: &TimelineQuery) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &q.actor {
        parts.push(format!("actor {a}"));
    }
    if let Some((a, b)) = &q.dyad {
        parts.push(format!("dyad {a}:{b}"));
    }
    if !q.words.is_empty() {
        parts.push(format!("query \"{}\"", q.words.join(" ")));
    }
    if parts.is_empty() {
        parts.push("all events".into());
    }
    parts.join(", ")
}

/// Chooses up to `max` sentences from a date's candidate events (already weightiest
/// first): one per article in a first pass, so several outlets are heard, then the rest;
/// a sentence too similar to one already chosen is skipped. Sentences containing query
/// words go first.
pub fn pick_sentences(
    candidates: Vec<DateCandidate>,
    query_words: &HashSet<String>,
    max: usize,
) -> Vec<TimelineSentence> {
    let mut seen_sentences = HashSet::new();
    let mut unique: Vec<DateCandidate> = candidates
        .into_iter()
        .filter(|c| seen_sentences.insert((c.record.doc.clone(), c.record.sentence.index)))
        .collect();
    if !query_words.is_empty() {
        // Stable: keeps the weight order within each group.
        unique.sort_by_key(|c| {
            !words(&c.record.sentence.text)
                .iter()
                .any(|w| query_words.contains(w))
        });
    }
    let mut chosen: Vec<(HashSet<String>, DateCandidate)> = Vec::new();
    for one_per_article in [true, false] {
        for c in &unique {
            if chosen.len() >= max {
                break;
            }
            let same = |o: &DateCandidate| {
                o.record.doc == c.record.doc && o.record.sentence.index == c.record.sentence.index
            };
            if chosen.iter().any(|(_, o)| same(o)) {
                continue;
            }
            if one_per_article && chosen.iter().any(|(_, o)| o.record.doc == c.record.doc) {
                continue;
            }
            let sh = shingles(&c.record.sentence.text, SHINGLE);
            if chosen
                .iter()
                .any(|(s, _)| jaccard(s, &sh) >= NEAR_DUPLICATE)
            {
                continue;
            }
            chosen.push((sh, c.clone()));
        }
    }
    chosen
        .into_iter()
        .map(|(_, c)| {
            let r = c.record;
            TimelineSentence {
                text: r.sentence.text,
                doc: r.doc,
                sentence_index: r.sentence.index,
                chars: r.evidence.sentence,
                outlet: c.outlet,
                title: c.title,
                url: c.url,
                cameo: r.cameo,
                cameo_name: r.cameo_name,
                source: r.source.map(|a| a.code),
                target: r.target.map(|a| a.code),
                goldstein: r.goldstein,
            }
        })
        .collect()
}

fn cite(s: &TimelineSentence) -> String {
    let mut cite = format!(
        "{}#{}, chars {}–{}",
        s.doc, s.sentence_index, s.chars[0], s.chars[1]
    );
    if let Some(outlet) = &s.outlet {
        cite = format!("{outlet}, {cite}");
    }
    cite
}

fn coverage(e: &TimelineEntry) -> String {
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        plural(e.articles, "article", "articles"),
        plural(e.outlets, "outlet", "outlets"),
        plural(e.events, "event", "events")
    )
}

/// Markdown: a heading per date, one quoted line per sentence with its citation.
pub fn write_markdown(t: &Timeline, mut out: impl Write) -> Result<()> {
    writeln!(out, "# Timeline: {}\n", t.subject)?;
    if t.entries.is_empty() {
        writeln!(out, "No dated events match.")?;
    }
    for e in &t.entries {
        writeln!(out, "## {} — {}\n", e.date, coverage(e))?;
        for s in &e.sentences {
            let text = s.text.replace('\n', " ");
            writeln!(out, "- {text} [{}]", cite(s))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// JSON: the whole timeline as one document.
pub fn write_json(t: &Timeline, mut out: impl Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, t)?;
    out.write_all(b"\n")?;
    Ok(())
}

const CSS: &str = "body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}\
h1{font:600 1.6em system-ui,sans-serif}\
ol{list-style:none;padding:0;border-left:3px solid #9bb;margin-left:.5em}\
li.date{position:relative;padding:0 0 1.2em 1.4em}\
li.date:before{content:'';position:absolute;left:-.55em;top:.45em;width:.8em;height:.8em;border-radius:50%;background:#388}\
h2{font:600 1.1em system-ui,sans-serif;margin:0}\
.cov{color:#666;font:.85em system-ui,sans-serif}\
blockquote{margin:.4em 0;padding-left:.8em;border-left:2px solid #ddd}\
cite{display:block;color:#666;font:.8em system-ui,sans-serif}\
a{color:#277}";

/// HTML: one self-contained page (inline CSS, no scripts or external assets).
pub fn write_html(t: &Timeline, mut out: impl Write) -> Result<()> {
    let title = html_escape(&format!("Timeline: {}", t.subject));
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body>\n<h1>{title}</h1>"
    )?;
    if t.entries.is_empty() {
        writeln!(out, "<p>No dated events match.</p>")?;
    }
    writeln!(out, "<ol>")?;
    for e in &t.entries {
        writeln!(
            out,
            "<li class=\"date\" id=\"d{}\"><h2><time datetime=\"{0}\">{0}</time></h2><div class=\"cov\">{}</div>",
            e.date,
            html_escape(&coverage(e))
        )?;
        for s in &e.sentences {
            let source = match &s.url {
                Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                    format!(
                        "<a href=\"{}\">{}</a>",
                        html_escape(url),
                        html_escape(&cite(s))
                    )
                }
                _ => html_escape(&cite(s)),
            };
            writeln!(
                out,
                "<blockquote data-doc=\"{}\" data-sentence=\"{}\" data-start=\"{}\" data-end=\"{}\">{}<cite>{}</cite></blockquote>",
                html_escape(&s.doc),
                s.sentence_index,
                s.chars[0],
                s.chars[1],
                html_escape(&s.text),
                source
            )?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>\n</body></html>")?;
    Ok(())
}
