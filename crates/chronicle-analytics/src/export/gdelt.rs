//! GDELT 2.0 event table rows (tab-separated, 61 columns, no header), as laid out in the
//! GDELT 2.0 Event Codebook. We fill what chronicle knows — ids, dates, actor codes and names,
//! CAMEO codes, quad class, Goldstein, mentions, date added and source — and leave the
//! columns it does not estimate (ethnic and religion codes, tone, geography) empty.

use std::io::Write;

use chrono::Datelike;

use super::{one_line, StoredEvent};
use crate::Result;
use chronicle_core::record::ActorRecord;

/// The 61 column names, in file order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Agent codes that name an organisation rather than a role inside a state: for these the
/// last three letters are the known group (`IGOUNO` → `UNO`).
const GROUP_AGENTS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "NGM"];

/// Actor fields 1..=10 (code, name, country, known group, ethnic, religion ×2, type ×3).
fn actor_columns(actor: Option<&ActorRecord>) -> [String; 10] {
    let Some(a) = actor else {
        return Default::default();
    };
    let agent = a.agent.clone().unwrap_or_default();
    let known_group = if a.country.is_none()
        && GROUP_AGENTS.contains(&agent.as_str())
        && a.code.len() >= 6
        && a.code.is_ascii()
    {
        a.code[a.code.len() - 3..].to_owned()
    } else {
        String::new()
    };
    // GDELT's types are the role codes after the country: USAGOVMIL → GOV, MIL.
    let roles = a
        .code
        .strip_prefix(a.country.as_deref().unwrap_or(""))
        .unwrap_or("");
    let mut types = [agent, String::new(), String::new()];
    if roles.is_ascii() && known_group.is_empty() {
        for (i, chunk) in roles.as_bytes().chunks(3).take(3).enumerate() {
            if chunk.len() == 3 {
                types[i] = String::from_utf8_lossy(chunk).into_owned();
            }
        }
    }
    let [t1, t2, t3] = types;
    [
        one_line(&a.code),
        one_line(&a.text.to_uppercase()),
        a.country.clone().unwrap_or_default(),
        known_group,
        String::new(),
        String::new(),
        String::new(),
        t1,
        t2,
        t3,
    ]
}

/// The 61 fields of one event.
pub fn gdelt_row(e: &StoredEvent) -> Vec<String> {
    let r = &e.record;
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.push(e.id.to_string());
    // GDELT dates every event; ours may be unknown, then the date columns stay empty.
    match r.date.or(r.article_date) {
        Some(d) => {
            row.push(d.format("%Y%m%d").to_string());
            row.push(d.format("%Y%m").to_string());
            row.push(d.year().to_string());
            // YYYY.FFFF, FFFF the share of the year completed, from 30-day months as GDELT
            // computes it: ((month - 1) * 30 + day) / 365, always below 1.
            let fraction = ((d.month() - 1) * 30 + d.day()) as f64 / 365.0;
            row.push(format!("{:.4}", d.year() as f64 + fraction));
        }
        None => row.resize(row.len() + 4, String::new()),
    }
    row.extend(actor_columns(r.source.as_ref()));
    row.extend(actor_columns(r.target.as_ref()));
    // GDELT's root events are those in the lead; the first sentence is ours.
    row.push(if r.sentence.index == 0 { "1" } else { "0" }.into());
    row.push(r.cameo.clone());
    row.push(r.cameo.chars().take(3).collect());
    row.push(r.cameo.chars().take(2).collect());
    row.push(r.quad_class.to_string());
    row.push(format!("{:.1}", r.goldstein));
    // A story's counts cover every stored mention; an event read without one is its own.
    let (mentions, sources, articles) = match r.story {
        Some(s) => (s.mentions.max(1), s.sources.max(1), s.articles.max(1)),
        None => (r.reports.max(1), 1, 1),
    };
    row.push(mentions.to_string());
    row.push(sources.to_string());
    row.push(articles.to_string());
    row.push(String::new()); // AvgTone: not estimated.
                             // Actor1, Actor2 and Action geography.
    row.resize(row.len() + 24, String::new());
    let added: String = e
        .ingested_at
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    row.push(added);
    row.push(one_line(e.url.as_deref().unwrap_or(&r.doc)));
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    row
}

/// Writes GDELT rows, one line per event.
pub struct GdeltWriter<W: Write> {
    out: W,
}

impl<W: Write> GdeltWriter<W> {
    /// With `header`, a first line names the columns (GDELT's own files have none).
    pub fn new(mut out: W, header: bool) -> Result<Self> {
        if header {
            writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
        }
        Ok(GdeltWriter { out })
    }

    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        writeln!(self.out, "{}", gdelt_row(e).join("\t"))?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
