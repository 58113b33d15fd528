//! Shared helpers: build a realistic document with the real segmenter.

#![allow(dead_code)]

use chronicle_core::{Article, Document, Stage, Timex};
use chronicle_time::TimexTagger;
use chrono::NaiveDate;

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// Segments and tags `text` with article date `dct`.
pub fn tagged(text: &str, dct: Option<&str>) -> Document {
    let mut doc = Document::new(Article {
        id: "test".into(),
        text: text.into(),
        date: dct.map(date),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    TimexTagger::new().process(&mut doc);
    doc
}

pub fn timexes(text: &str, dct: Option<&str>) -> Vec<Timex> {
    tagged(text, dct).timexes
}

/// The timex whose text is `surface`; panics with the full list when absent.
pub fn find<'a>(ts: &'a [Timex], surface: &str) -> &'a Timex {
    ts.iter().find(|t| t.text == surface).unwrap_or_else(|| {
        let all: Vec<_> = ts.iter().map(|t| (&t.text, &t.value)).collect();
        panic!("no timex {surface:?} in {all:?}")
    })
}

/// (text, value) pairs, for compact assertions.
pub fn pairs(ts: &[Timex]) -> Vec<(String, String)> {
    ts.iter()
        .map(|t| (t.text.clone(), t.value.clone()))
        .collect()
}
