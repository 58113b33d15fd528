//! TempEval-3 Task A evaluation of the [`TimexTagger`] on TimeML `.tml` files.
//!
//! A `.tml` file holds the article inside `<TEXT>…</TEXT>` with `<TIMEX3 tid type value
//! [mod]>…</TIMEX3>` annotations; its creation time is the TIMEX3 with
//! `functionInDocument="CREATION_TIME"` (usually inside `<DCT>`). We strip the tags to raw
//! text, run the segmenter and the tagger with that date as the article's date, and score
//! as the TE3 scorer does:
//!
//! - span precision = system expressions matching some gold one / system expressions, recall
//!   = gold expressions matched by some system one / gold expressions; *strict* needs the
//!   same offsets, *relaxed* any overlap;
//! - type and value accuracy over relaxed matches (each gold paired with its best-overlapping
//!   system expression);
//! - attribute F1 = relaxed F1 × attribute accuracy.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use chronicle_core::{Article, Document, Span, Stage, Timex, TimexType};

use crate::{TimeError, TimexTagger};

/// One annotated TIMEX3 of a gold file, with byte offsets into the stripped text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<String>,
}

/// A TimeML document: its raw text, creation time and annotations.
#[derive(Debug, Clone)]
pub struct TmlDocument {
    pub path: PathBuf,
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub timexes: Vec<GoldTimex>,
}

/// Match counts summed over documents (micro-averaged figures).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimexScores {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    /// System expressions with a gold one at exactly the same offsets.
    pub strict_system: usize,
    /// Gold expressions with a system one at exactly the same offsets.
    pub strict_gold: usize,
    /// System expressions overlapping some gold one.
    pub relaxed_system: usize,
    /// Gold expressions overlapped by some system one (= relaxed match pairs).
    pub relaxed_gold: usize,
    pub type_correct: usize,
    pub value_correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl TimexScores {
    pub fn strict_precision(&self) -> f64 {
        ratio(self.strict_system, self.system)
    }
    pub fn strict_recall(&self) -> f64 {
        ratio(self.strict_gold, self.gold)
    }
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_precision(), self.strict_recall())
    }
    pub fn relaxed_precision(&self) -> f64 {
        ratio(self.relaxed_system, self.system)
    }
    pub fn relaxed_recall(&self) -> f64 {
        ratio(self.relaxed_gold, self.gold)
    }
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_precision(), self.relaxed_recall())
    }
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed_gold)
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_gold)
    }
    pub fn type_f1(&self) -> f64 {
        self.relaxed_f1() * self.type_accuracy()
    }
    pub fn value_f1(&self) -> f64 {
        self.relaxed_f1() * self.value_accuracy()
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: &TimexScores) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.system += other.system;
        self.strict_system += other.strict_system;
        self.strict_gold += other.strict_gold;
        self.relaxed_system += other.relaxed_system;
        self.relaxed_gold += other.relaxed_gold;
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
    }
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        writeln!(
            f,
            "TempEval-3 Task A (TIMEX3): {} documents, {} gold, {} system",
            self.documents, self.gold, self.system
        )?;
        writeln!(f, "{:<10} {:>8} {:>8} {:>8}", "", "P", "R", "F1")?;
        writeln!(
            f,
            "{:<10} {:>8} {:>8} {:>8}",
            "strict",
            pct(self.strict_precision()),
            pct(self.strict_recall()),
            pct(self.strict_f1())
        )?;
        writeln!(
            f,
            "{:<10} {:>8} {:>8} {:>8}",
            "relaxed",
            pct(self.relaxed_precision()),
            pct(self.relaxed_recall()),
            pct(self.relaxed_f1())
        )?;
        writeln!(f, "{:<10} {:>8} {:>8}", "", "accuracy", "F1")?;
        writeln!(
            f,
            "{:<10} {:>8} {:>8}",
            "type",
            pct(self.type_accuracy()),
            pct(self.type_f1())
        )?;
        write!(
            f,
            "{:<10} {:>8} {:>8}",
            "value",
            pct(self.value_accuracy()),
            pct(self.value_f1())
        )
    }
}

/// Scores one document's system expressions against its gold ones.
pub fn score_document(gold: &[GoldTimex], system: &[Timex]) -> TimexScores {
    let mut s = TimexScores {
        documents: 1,
        gold: gold.len(),
        system: system.len(),
        ..Default::default()
    };
    s.strict_system = system
        .iter()
        .filter(|t| gold.iter().any(|g| g.span == t.span))
        .count();
    s.relaxed_system = system
        .iter()
        .filter(|t| gold.iter().any(|g| g.span.overlaps(t.span)))
        .count();
    for g in gold {
        if system.iter().any(|t| t.span == g.span) {
            s.strict_gold += 1;
        }
        let best = system
            .iter()
            .filter(|t| t.span.overlaps(g.span))
            .max_by_key(|t| overlap(t.span, g.span));
        if let Some(t) = best {
            s.relaxed_gold += 1;
            s.type_correct += usize::from(t.kind == g.kind);
            s.value_correct += usize::from(t.value == g.value);
        }
    }
    s
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Runs the segmenter and the tagger on a TimeML document's raw text.
pub fn tag(doc: &TmlDocument) -> Vec<Timex> {
    let mut d = Document::new(Article {
        id: doc.path.display().to_string(),
        text: doc.text.clone(),
        date: doc.dct,
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut d);
    TimexTagger::new().process(&mut d);
    d.timexes
}

/// Reads, tags and scores one `.tml` file.
pub fn evaluate_file(path: &Path) -> Result<TimexScores, TimeError> {
    let doc = read_tml(path)?;
    Ok(score_document(&doc.timexes, &tag(&doc)))
}

/// Scores every `.tml` file of `dir` (not recursive), summed.
pub fn evaluate_dir(dir: &Path) -> Result<TimexScores, TimeError> {
    let io = |source| TimeError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    if paths.is_empty() {
        return Err(TimeError::Empty(dir.to_owned()));
    }
    paths.sort();
    let mut total = TimexScores::default();
    for p in &paths {
        total.add(&evaluate_file(p)?);
    }
    Ok(total)
}

/// Reads a TimeML file.
pub fn read_tml(path: &Path) -> Result<TmlDocument, TimeError> {
    let xml = std::fs::read_to_string(path).map_err(|source| TimeError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_tml(&xml)
        .map_err(|message| TimeError::Format {
            path: path.to_owned(),
            message,
        })
        .map(|(text, dct, timexes)| TmlDocument {
            path: path.to_owned(),
            text,
            dct,
            timexes,
        })
}

type Parsed = (String, Option<NaiveDate>, Vec<GoldTimex>);

/// Parses TimeML markup: the raw text of `<TEXT>`, the creation date, the TIMEX3s.
pub fn parse_tml(xml: &str) -> Result<Parsed, String> {
    let dct = creation_time(xml);
    let open = xml.find("<TEXT>").ok_or("no <TEXT> element")?;
    let body_start = open + "<TEXT>".len();
    let body_end = xml[body_start..]
        .find("</TEXT>")
        .map(|e| body_start + e)
        .ok_or("no </TEXT>")?;
    let body = &xml[body_start..body_end];

    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open_timex: Option<(usize, TimexType, String, Option<String>)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_unescaped(&mut text, &rest[..lt]);
        let gt = rest[lt..].find('>').ok_or("unterminated tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(attrs) = tag.strip_prefix("TIMEX3") {
            if open_timex.is_some() {
                return Err("nested TIMEX3".into());
            }
            let kind = parse_type(attr(attrs, "type").unwrap_or("DATE"))?;
            let value = attr(attrs, "value").unwrap_or("").to_owned();
            let modifier = attr(attrs, "mod").map(str::to_owned);
            if tag.ends_with('/') {
                // An empty (non-consuming) TIMEX3 has no extent to find.
            } else {
                open_timex = Some((text.len(), kind, value, modifier));
            }
        } else if tag == "/TIMEX3" {
            let (start, kind, value, modifier) =
                open_timex.take().ok_or("</TIMEX3> without <TIMEX3>")?;
            timexes.push(GoldTimex {
                span: Span::new(start, text.len()),
                kind,
                value,
                modifier,
            });
        }
        rest = &rest[gt + 1..];
    }
    push_unescaped(&mut text, rest);
    if open_timex.is_some() {
        return Err("unclosed TIMEX3".into());
    }
    Ok((text, dct, timexes))
}

fn parse_type(t: &str) -> Result<TimexType, String> {
    Ok(match t {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        other => return Err(format!("unknown TIMEX3 type {other:?}")),
    })
}

/// The value of attribute `name` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(quote)? + 1;
        if key == name {
            return Some(&after[1..close]);
        }
        rest = &after[close + 1..];
    }
    None
}

/// The date of the TIMEX3 marked `functionInDocument="CREATION_TIME"`.
fn creation_time(xml: &str) -> Option<NaiveDate> {
    let mut rest = xml;
    while let Some(i) = rest.find("<TIMEX3") {
        let end = rest[i..].find('>')? + i;
        let attrs = &rest[i + "<TIMEX3".len()..end];
        if attr(attrs, "functionInDocument") == Some("CREATION_TIME") {
            let value = attr(attrs, "value")?;
            return value.get(..10).and_then(|d| d.parse().ok());
        }
        rest = &rest[end..];
    }
    None
}

fn push_unescaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|&p| p <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-12-11" functionInDocument="CREATION_TIME">2019-12-11</TIMEX3></DCT>
<TEXT>Kim &amp; Moon met on <TIMEX3 tid="t1" type="DATE" value="2019-12-08">Sunday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.</TEXT></TimeML>"#;
        let (text, dct, timexes) = parse_tml(xml).unwrap();
        assert_eq!(text, "Kim & Moon met on Sunday for three hours.");
        assert_eq!(dct, NaiveDate::from_ymd_opt(2019, 12, 11));
        assert_eq!(timexes.len(), 2);
        assert_eq!(timexes[0].span.slice(&text), "Sunday");
        assert_eq!(timexes[1].span.slice(&text), "three hours");
        assert_eq!(timexes[1].kind, TimexType::Duration);
    }

    #[test]
    fn rejects_broken_markup() {
        assert!(parse_tml("<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>").is_err());
        assert!(parse_tml("no text element").is_err());
        assert!(parse_tml("<TEXT>x</TIMEX3></TEXT>").is_err());
    }
}
