//! Story-level de-duplication: an article reports the same event many times.

use std::collections::HashMap;

use chronicle_core::{Document, Event, EventActor, Stage};

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
/// only merge with negated ones. Returns how many reports each kept event stood for.
pub fn dedupe(doc: &mut Document) -> DedupeReport {
    let mut first: HashMap<EventKey, usize> = HashMap::new();
    let mut reports: Vec<usize> = Vec::new();
    let mut kept = Vec::with_capacity(doc.events.len());
    for event in doc.events.drain(..) {
        let k = key(&event);
        match first.get(&k) {
            Some(&i) => reports[i] += 1,
            None => {
                first.insert(k, kept.len());
                reports.push(1);
                kept.push(event);
            }
        }
    }
    let dropped = reports.iter().map(|r| r - 1).sum();
    for (event, &n) in kept.iter_mut().zip(&reports) {
        event.reports = n as u32;
    }
    doc.events = kept;
    DedupeReport { reports, dropped }
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
