//! Story-level de-duplication: an article reports the same event many times.

use std::collections::HashMap;

use chronicle_core::{Document, Event, EventActor, Stage};

use crate::context::side;

/// What [`dedupe`] merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DedupeReport {
    /// For each surviving event (by its index in `doc.events` afterwards), how many reports of
    /// it the article had, itself included.
    pub reports: Vec<usize>,
    /// How many events were dropped.
    pub dropped: usize,
}

/// Source code, target code, CAMEO code, date (as text), negated.
type EventKey = (Option<String>, Option<String>, String, Option<String>, bool);

fn key(e: &Event) -> EventKey {
    let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone());
    (
        code(&e.source),
        code(&e.target),
        e.cameo.clone(),
        e.date.map(|d| d.to_string()),
        e.negated,
    )
}

/// Collapses events with the same source code, target code, CAMEO code and date to the first
/// one (the earliest report, usually the lead with the fullest evidence). Negated events
/// only merge with negated ones. A targetless report of an act the article also reports with
/// its target is the same event told with less: "Algeria closes airspace" (the headline) and
/// "closed its airspace to Malian flights". Returns how many reports each kept event stood for.
pub fn dedupe(doc: &mut Document) -> DedupeReport {
    // The cleaned text opens with the title when the input had one: sentence 0 is its headline.
    let headline_first = doc
        .article
        .title
        .as_deref()
        .is_some_and(|t| !t.is_empty() && doc.article.text.trim_start().starts_with(t));
    let folded = fold_untargeted(&doc.events, headline_first);
    let mut first: HashMap<EventKey, usize> = HashMap::new();
    let mut reports: Vec<usize> = Vec::new();
    let mut kept_at = vec![usize::MAX; doc.events.len()];
    let mut kept = Vec::with_capacity(doc.events.len());
    for (i, event) in doc.events.drain(..).enumerate() {
        if folded[i].is_some() {
            continue;
        }
        let k = key(&event);
        match first.get(&k) {
            Some(&at) => {
                reports[at] += 1;
                kept_at[i] = at;
            }
            None => {
                first.insert(k, kept.len());
                kept_at[i] = kept.len();
                reports.push(1);
                kept.push(event);
            }
        }
    }
    for into in folded.into_iter().flatten() {
        reports[kept_at[into]] += 1;
    }
    let dropped = reports.iter().map(|r| r - 1).sum();
    for (event, &n) in kept.iter_mut().zip(&reports) {
        event.reports = n as u32;
    }
    doc.events = kept;
    DedupeReport { reports, dropped }
}

/// For each targetless event, the aimed event of the same source and code it repeats: one of
/// the same date, or any when it is the headline's. A bare state as the source ("Brazil
/// recalls ambassador") also repeats the act of its government or forces.
fn fold_untargeted(events: &[Event], headline_first: bool) -> Vec<Option<usize>> {
    let source_side = |e: &Event| e.source.as_ref().map(|a| side(a).to_owned());
    let same_source = |e: &Event, j: &Event| match (&e.source, &j.source) {
        (Some(a), Some(b)) => {
            a.actor.code == b.actor.code
                || (a.actor.agent.is_none()
                    && a.actor.country.is_some()
                    && a.actor.country == b.actor.country)
        }
        (None, None) => true,
        _ => false,
    };
    let mut aimed: HashMap<(Option<String>, String), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.target.is_some() && !e.negated {
            aimed
                .entry((source_side(e), e.cameo.clone()))
                .or_default()
                .push(i);
        }
    }
    events
        .iter()
        .map(|e| {
            if e.target.is_some() || e.negated {
                return None;
            }
            let headline = headline_first && e.sentence == 0;
            aimed
                .get(&(source_side(e), e.cameo.clone()))?
                .iter()
                .copied()
                .find(|&j| same_source(e, &events[j]) && (headline || events[j].date == e.date))
        })
        .collect()
}

/// The `"dedupe"` stage: runs [`dedupe`] after events are dated.
#[derive(Debug, Clone, Copy, Default)]
pub struct Deduplicator;

impl Deduplicator {
    pub fn new() -> Self {
        Deduplicator
    }
}

impl Stage for Deduplicator {
    fn name(&self) -> &'static str {
        "dedupe"
    }

    fn process(&self, doc: &mut Document) {
        dedupe(doc);
    }
}
