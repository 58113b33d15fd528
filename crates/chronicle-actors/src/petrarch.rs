//! Import of PETRARCH / TABARI / Phoenix dictionaries (actor files with dated codes such as
//! `[USAGOV 090120-170120]`, and the agents file with `!MINIST!` substitution sets) into our
//! knowledge-base text format, to be loaded with [`crate::KnowledgeBase::with_files`].
//!
//! How records map:
//! - a record with dated codes → `[officials]`, one line per dated code (`<D` starts in 1900,
//!   `>D` has no end, `A-B` ends the day after B since our ends are exclusive); its undated
//!   default code is dropped because our rules already code people before their first office
//!   (country) and after their last (country + ELI);
//! - a record with only a bare country code → `[countries]` names of that country (PETRARCH
//!   lists demonyms, cities and provinces as plain synonyms, so they all code as the country);
//! - any other undated code → `[organisations]` (`org`);
//! - an agents line → `[roles]` with the first three letters of the agent code
//!   (`~GOVMED` → GOV), after expanding `!SETS!` and `{irregular plurals}`.
//!
//! Phrases are title-cased (PETRARCH writes upper case), except acronyms: words with dots or
//! digits or without vowels, short words outside personal names ("UN"), and one-word
//! organisation names of up to five letters ("NATO", "WHO"), which then must be written in
//! capitals in the text. By default phrases and officials the reference knowledge base
//! already knows are left out, so that an import adds to the curated tables instead of
//! overriding them with older data.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use crate::code::{parse_code, AGENTS};
use crate::kb::{KbFile, KnowledgeBase};

/// A line the import could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// What an import produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Country codes that received names.
    pub countries: usize,
    /// Country names written.
    pub country_names: usize,
    /// Organisation lines written.
    pub organisations: usize,
    /// Role phrases written.
    pub roles: usize,
    /// People with at least one dated office, and their offices.
    pub officials: usize,
    pub tenures: usize,
    /// Phrases left out because the reference knowledge base knows them.
    pub known: usize,
    /// Undated default codes of dated records, dropped (see the module notes).
    pub defaults_dropped: usize,
    /// Agent codes cut to their first three letters (`GOVMED` → GOV).
    pub agents_shortened: usize,
    pub skipped: Vec<Skipped>,
}

/// Options of [`import_petrarch`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Also write phrases and officials the reference knowledge base already has (they then
    /// override it when loaded).
    pub keep_known: bool,
}

/// When a dated code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restriction {
    Always,
    Before(NaiveDate),
    After(NaiveDate),
    Between(NaiveDate, NaiveDate),
}

/// One actor record: a primary phrase, its `+` synonyms and its codes.
struct Record {
    file: usize,
    line: usize,
    phrases: Vec<String>,
    codes: Vec<(String, Restriction)>,
}

/// Converts PETRARCH-format dictionaries into one knowledge-base text (sections
/// `[countries]`, `[organisations]`, `[roles]`, `[officials]`). Codes are checked against
/// `reference` (plus the countries the files define), so the result loads without error.
pub fn import_petrarch(
    files: &[KbFile],
    reference: &KnowledgeBase,
    options: ImportOptions,
) -> (String, ImportReport) {
    let mut report = ImportReport::default();
    let mut records = Vec::new();
    let mut roles: Vec<(String, Vec<String>)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if is_agents_file(&file.text) {
            read_agents(file, &mut roles, &mut report);
        } else {
            read_actors(i, file, &mut records, &mut report);
        }
    }
    let mut out = Output::default();
    let known = |phrase: &str| !options.keep_known && reference.knows_phrase(phrase);
    // Countries first: later codes may use the countries the files define.
    let mut countries: HashSet<String> = reference
        .countries()
        .iter()
        .map(|c| c.code.clone())
        .collect();
    for r in &records {
        if let [(code, Restriction::Always)] = r.codes.as_slice() {
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                countries.insert(code.clone());
            }
        }
    }
    for r in &records {
        convert_record(
            files,
            r,
            &countries,
            &known,
            reference,
            options,
            &mut out,
            &mut report,
        );
    }
    for (agent, phrases) in roles {
        for phrase in phrases {
            if known(&phrase) {
                report.known += 1;
                continue;
            }
            report.roles += 1;
            out.roles.push(format!("{agent} | | {phrase}"));
        }
    }
    report.countries = out.countries.len();
    report.country_names = out.countries.values().map(Vec::len).sum();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    (out.render(&names, &report), report)
}

/// The agents file: `!SET! = …` lines or `[~XXX]` codes.
fn is_agents_file(text: &str) -> bool {
    text.lines().take(400).any(|l| {
        let l = l.trim_start();
        (l.starts_with('!') && l.contains("! =")) || l.contains("[~")
    })
}

/// The text of a line without `#` comments and the legacy `;` ones.
fn strip_comment(line: &str) -> &str {
    let cut = line.find(['#', ';']).unwrap_or(line.len());
    &line[..cut]
}

/// The `[...]` groups of a line and the text before the first of them.
fn split_codes(line: &str) -> (&str, Vec<&str>) {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut codes = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            codes.push(rest[open + 1..].trim());
            break;
        };
        codes.push(rest[open + 1..open + close].trim());
        rest = &rest[open + close + 1..];
    }
    (line[..head_end].trim(), codes)
}

fn read_actors(index: usize, file: &KbFile, records: &mut Vec<Record>, report: &mut ImportReport) {
    let skip = |report: &mut ImportReport, n: usize, raw: &str, reason: &str| {
        report.skipped.push(Skipped {
            file: file.name.clone(),
            line: n,
            text: raw.trim().to_owned(),
            reason: reason.to_owned(),
        });
    };
    for (i, raw) in file.text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() || line.trim_start().starts_with('<') {
            continue;
        }
        let (head, codes) = split_codes(line);
        let mut parsed = Vec::new();
        for code in codes {
            match parse_restriction(code) {
                Ok(c) => parsed.push(c),
                Err(reason) => skip(report, n, raw, &reason),
            }
        }
        if let Some(synonym) = head.strip_prefix('+') {
            let Some(record) = records.last_mut().filter(|r| r.file == index) else {
                skip(report, n, raw, "synonym before any record");
                continue;
            };
            record.phrases.push(synonym.to_owned());
            record.codes.extend(parsed);
        } else if head.is_empty() {
            let Some(record) = records.last_mut().filter(|r| r.file == index) else {
                skip(report, n, raw, "code before any record");
                continue;
            };
            record.codes.extend(parsed);
        } else {
            records.push(Record {
                file: index,
                line: n,
                phrases: vec![head.to_owned()],
                codes: parsed,
            });
        }
    }
}

/// "USAGOV 090120-170120", "AFGGOV >011222", "ELI", "USAELI <630101".
fn parse_restriction(group: &str) -> Result<(String, Restriction), String> {
    let mut parts = group.split_whitespace();
    let code = parts.next().ok_or("empty code")?.to_owned();
    if !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("code {code:?} is not upper-case letters"));
    }
    let restriction = match parts.next() {
        None => Restriction::Always,
        Some(r) => {
            if let Some(d) = r.strip_prefix('<') {
                Restriction::Before(parse_petrarch_date(d)?)
            } else if let Some(d) = r.strip_prefix('>') {
                Restriction::After(parse_petrarch_date(d)?)
            } else if let Some((a, b)) = r.split_once('-') {
                let (a, b) = (parse_petrarch_date(a)?, parse_petrarch_date(b)?);
                if b < a {
                    return Err(format!("date range {r} ends before it starts"));
                }
                Restriction::Between(a, b)
            } else {
                return Err(format!("date restriction {r:?} is not <D, >D or D-D"));
            }
        }
    };
    if let Some(extra) = parts.next() {
        return Err(format!("unexpected {extra:?} after the date restriction"));
    }
    Ok((code, restriction))
}

/// YYMMDD (00–30 → 2000s, else 1900s, as the CountryInfo files use it) or YYYYMMDD.
fn parse_petrarch_date(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("bad date {s:?} (want YYMMDD or YYYYMMDD)");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
    let (y, m, d) = match s.len() {
        6 => {
            let yy = num(0..2)?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (y, num(2..4)?, num(4..6)?)
        }
        8 => (num(0..4)?, num(4..6)?, num(6..8)?),
        _ => return Err(bad()),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

/// The tables being written.
#[derive(Default)]
struct Output {
    countries: BTreeMap<String, Vec<String>>,
    organisations: Vec<String>,
    roles: Vec<String>,
    officials: Vec<String>,
}

impl Output {
    fn render(&self, files: &[&str], report: &ImportReport) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# Imported by `chronicle dict import --format petrarch` from: {}",
            files.join(", ")
        );
        let _ = writeln!(
            s,
            "# {} countries ({} names), {} organisations, {} role phrases, {} officials ({} offices); {} lines skipped.\n# Load with `--kb FILE`; the format is that of crates/chronicle-actors/data/.",
            report.countries,
            report.country_names,
            report.organisations,
            report.roles,
            report.officials,
            report.tenures,
            report.skipped.len()
        );
        s.push_str("\n[countries]\n");
        for (code, names) in &self.countries {
            let _ = writeln!(s, "{code} | {} | |", names.join("; "));
        }
        for (title, lines) in [
            ("organisations", &self.organisations),
            ("roles", &self.roles),
            ("officials", &self.officials),
        ] {
            let _ = writeln!(s, "\n[{title}]");
            for l in lines {
                s.push_str(l);
                s.push('\n');
            }
        }
        s
    }
}

#[allow(clippy::too_many_arguments)]
fn convert_record(
    files: &[KbFile],
    r: &Record,
    countries: &HashSet<String>,
    known: &dyn Fn(&str) -> bool,
    reference: &KnowledgeBase,
    options: ImportOptions,
    out: &mut Output,
    report: &mut ImportReport,
) {
    let skip = |report: &mut ImportReport, reason: String| {
        report.skipped.push(Skipped {
            file: files[r.file].name.clone(),
            line: r.line,
            text: r.phrases[0].clone(),
            reason,
        });
    };
    if r.codes.is_empty() {
        return skip(report, "no code (a null actor in PETRARCH)".into());
    }
    let dated = r.codes.iter().any(|(_, x)| *x != Restriction::Always);
    let person = dated;
    let mut phrases: Vec<String> = Vec::new();
    for p in &r.phrases {
        match phrase_text(p, person, false) {
            Ok(list) => phrases.extend(list),
            Err(reason) => skip(report, format!("phrase {p:?}: {reason}")),
        }
    }
    phrases.dedup();
    if phrases.is_empty() {
        return;
    }
    let valid = |code: &str| parse_code(code, |c| countries.contains(c)).is_some();
    if dated {
        let canonical = phrases[0].clone();
        if !options.keep_known
            && (reference.person(&canonical).is_some() || phrases.iter().any(|p| known(p)))
        {
            report.known += 1;
            return;
        }
        let mut wrote = 0;
        for (code, restriction) in &r.codes {
            let (start, end) = match *restriction {
                Restriction::Always => {
                    report.defaults_dropped += 1;
                    continue;
                }
                Restriction::Before(d) => (NaiveDate::from_ymd_opt(1900, 1, 1), Some(d)),
                Restriction::After(d) => (Some(d), None),
                Restriction::Between(a, b) => (Some(a), b.checked_add_days(Days::new(1))),
            };
            let Some(start) = start.filter(|s| end.is_none_or(|e| *s < e)) else {
                skip(report, format!("{code}: empty date range"));
                continue;
            };
            if code.len() < 6 || !valid(code) {
                skip(
                    report,
                    format!("{code}: not a country or IGO code with an agent"),
                );
                continue;
            }
            let end = end.map(|d| d.to_string()).unwrap_or_default();
            out.officials.push(format!(
                "{} | {} | {} | | {start} | {end} | {code}",
                &code[..3],
                &code[3..],
                phrases.join("; ")
            ));
            wrote += 1;
        }
        if wrote > 0 {
            report.officials += 1;
            report.tenures += wrote;
        }
        return;
    }
    let code = &r.codes[0].0;
    if r.codes.len() > 1 {
        skip(report, "several undated codes: the first is used".into());
    }
    let is_country = code.len() == 3 && countries.contains(code.as_str());
    // One-word organisation names of up to five letters are acronyms ("NATO").
    let phrases: Vec<String> = if is_country {
        phrases
    } else {
        r.phrases
            .iter()
            .filter_map(|p| phrase_text(p, false, true).ok())
            .flatten()
            .collect()
    };
    let fresh: Vec<String> = phrases.into_iter().filter(|p| !known(p)).collect();
    report.known += r.phrases.len().saturating_sub(fresh.len());
    if fresh.is_empty() {
        return;
    }
    if is_country {
        let names = out.countries.entry(code.clone()).or_default();
        for p in fresh {
            if !names.contains(&p) {
                names.push(p);
            }
        }
    } else if valid(code) {
        report.organisations += 1;
        out.organisations
            .push(format!("{code} | org | {}", fresh.join("; ")));
    } else {
        skip(report, format!("{code}: unknown country or code"));
    }
}

/// Words that stay lower case inside names.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "la", "del", "du", "des", "in", "on", "al", "el", "to",
];

/// A PETRARCH phrase as our phrases: words split on `_`/spaces, title-cased except acronyms,
/// with "(ALF)" given as a separate phrase. Returns one or two phrases.
fn phrase_text(raw: &str, person: bool, org: bool) -> Result<Vec<String>, String> {
    let cleaned = raw.replace('_', " ").replace(',', " , ");
    if cleaned.contains(['|', '!', '{', '}', '[', ']', '&', '$', '%', '^', '*']) {
        return Err("contains pattern syntax our tables do not have".into());
    }
    // A parenthesised note is left out: "(ALF)" becomes a phrase of its own, longer notes
    // ("(EURASIAN STATE)", an unclosed "(ACTING") are dropped.
    let mut main = Vec::new();
    let mut extra = Vec::new();
    let mut note: Option<Vec<&str>> = None;
    for word in cleaned.split_whitespace() {
        if let Some(words) = note.as_mut() {
            words.push(word);
        } else if word.starts_with('(') {
            note = Some(vec![word]);
        } else if word.contains(['(', ')']) {
            return Err("parenthesis inside a word".into());
        } else {
            main.push(word);
        }
        if word.ends_with(')') {
            if let Some(words) = note.take() {
                let inner = words.join(" ");
                let inner = inner.trim_start_matches('(').trim_end_matches(')');
                let single = !inner.is_empty() && !inner.contains([' ', '(', ')']);
                if single {
                    extra.push(inner.to_owned());
                }
            }
        }
    }
    if main.is_empty() {
        return Err("no words".into());
    }
    let single = main.len() == 1;
    let words: Vec<String> = main
        .iter()
        .map(|w| case_word(w, person, org && single))
        .collect();
    let mut out = vec![words.join(" ")];
    out.extend(extra);
    Ok(out)
}

fn case_word(word: &str, person: bool, short_acronym: bool) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_vowel = word.chars().any(|c| "AEIOUaeiou".contains(c));
    let lower = word.to_lowercase();
    if CONNECTORS.contains(&lower.as_str()) && !short_acronym {
        return lower;
    }
    let acronym = word.contains('.') && letters <= 6
        || word.chars().any(|c| c.is_ascii_digit())
        || !has_vowel && letters >= 2
        || !person && (2..=3).contains(&letters) && !SHORT_WORDS.contains(&lower.as_str())
        || short_acronym && letters <= 5;
    if acronym {
        return word.to_owned();
    }
    title_case(&lower)
}

/// Short English words in organisation names, which are not acronyms ("Air Force").
const SHORT_WORDS: &[&str] = &[
    "air", "sea", "war", "new", "old", "big", "red", "ye", "man", "men", "law", "arm", "art",
    "oil", "gas", "bay", "day", "end", "top", "age", "act", "aid", "all", "one", "two", "six",
    "ten", "god", "sun", "far", "low", "key", "our", "out", "way", "net", "web", "tax", "pay",
    "job", "bus", "car", "by", "at", "as", "or", "is", "an", "a", "le", "san", "bin", "ibn", "abu",
    "bank", "lt", "dr", "mr", "gen", "col", "not", "no", "we", "us", "my", "go", "up",
];

/// "ki-moon" → "Ki-Moon", "o'brien" → "O'Brien", "people's" → "People's".
fn title_case(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    let mut segment = 0;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
        }
        segment += 1;
        // After an apostrophe only a one-letter prefix ("O'", "D'") starts a new name part.
        if c == '-' || c == ' ' || c == '\'' && segment == 2 {
            start = true;
        }
        if c == '-' || c == ' ' || c == '\'' {
            segment = 0;
        }
    }
    out
}

/// The agents file: substitution sets, then `PHRASE {PLURAL} [~CODE]` lines.
fn read_agents(file: &KbFile, roles: &mut Vec<(String, Vec<String>)>, report: &mut ImportReport) {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let skip = |report: &mut ImportReport, n: usize, raw: &str, reason: String| {
        report.skipped.push(Skipped {
            file: file.name.clone(),
            line: n,
            text: raw.trim().to_owned(),
            reason,
        });
    };
    for (i, raw) in file.text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() || line.starts_with('<') {
            continue;
        }
        if let Some((name, members)) = line
            .split_once('=')
            .filter(|(n, _)| n.trim().starts_with('!'))
        {
            let members = members.split(',').map(|m| m.trim().to_owned()).collect();
            sets.insert(name.trim().to_owned(), members);
            continue;
        }
        let (head, codes) = split_codes(line);
        let [code] = codes.as_slice() else {
            skip(report, n, raw, "want exactly one [~CODE]".into());
            continue;
        };
        let code = code.trim_start_matches('~').trim_end_matches('~');
        let Some(agent) = code.get(..3).filter(|a| AGENTS.contains(a)) else {
            skip(
                report,
                n,
                raw,
                format!("agent {code:?} is not one of our agent codes"),
            );
            continue;
        };
        if code.len() > 3 {
            report.agents_shortened += 1;
        }
        // "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE}": the plural is another phrase.
        let (singular, plural) = match head.split_once('{') {
            Some((s, p)) => (s.trim(), p.trim_end_matches('}').trim()),
            None => (head, ""),
        };
        let mut phrases = Vec::new();
        for form in [singular, plural].into_iter().filter(|f| !f.is_empty()) {
            match expand_sets(form, &sets) {
                Ok(list) => phrases.extend(list),
                Err(reason) => skip(report, n, raw, reason),
            }
        }
        let mut written = Vec::new();
        for p in phrases {
            match phrase_text(&p, false, false) {
                Ok(list) => written.extend(list.into_iter().take(1).map(|w| w.to_lowercase())),
                Err(reason) => skip(report, n, raw, format!("phrase {p:?}: {reason}")),
            }
        }
        written.dedup();
        if !written.is_empty() {
            roles.push((agent.to_owned(), written));
        }
    }
}

/// "!MINIST! FOR_AGRICULTURE" → "MINISTER FOR_AGRICULTURE", "MINISTRY FOR_AGRICULTURE", ….
fn expand_sets(form: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(open) = form.find('!') else {
        return Ok(vec![form.to_owned()]);
    };
    let close = form[open + 1..]
        .find('!')
        .map(|c| open + 1 + c)
        .ok_or("unclosed !SET!")?;
    let name = &form[open..=close];
    let members = sets
        .get(name)
        .ok_or_else(|| format!("substitution set {name} is not defined"))?;
    let mut out = Vec::new();
    for m in members {
        let expanded = format!("{}{}{}", &form[..open], m, &form[close + 1..]);
        out.extend(expand_sets(&expanded, sets)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_restrictions() {
        assert_eq!(
            parse_restriction("USAGOV 090120-170120"),
            Ok((
                "USAGOV".into(),
                Restriction::Between(
                    NaiveDate::from_ymd_opt(2009, 1, 20).unwrap(),
                    NaiveDate::from_ymd_opt(2017, 1, 20).unwrap()
                )
            ))
        );
        assert!(matches!(
            parse_restriction("AFGELI 19270101-730717"),
            Ok((_, Restriction::Between(a, _))) if a.to_string() == "1927-01-01"
        ));
        assert!(parse_restriction("KORGOVBUS 2004017-20061201").is_err());
        assert!(matches!(
            parse_restriction("ELI"),
            Ok((_, Restriction::Always))
        ));
    }

    #[test]
    fn phrases_are_cased_like_ours() {
        assert_eq!(
            phrase_text("BAN_KI-MOON", true, false).unwrap(),
            ["Ban Ki-Moon"]
        );
        assert_eq!(
            phrase_text("UN_SECRETARY_GENERAL", false, false).unwrap(),
            ["UN Secretary General"]
        );
        assert_eq!(phrase_text("U.N._", false, false).unwrap(), ["U.N."]);
        assert_eq!(
            phrase_text("PEOPLE'S_LIBERATION_ARMY_AIR_FORCE", false, false).unwrap(),
            ["People's Liberation Army Air Force"]
        );
        assert_eq!(
            phrase_text("MARTIN_O'NEILL", true, false).unwrap(),
            ["Martin O'Neill"]
        );
        assert_eq!(phrase_text("NATO", false, true).unwrap(), ["NATO"]);
        assert_eq!(
            phrase_text("ANIMAL_LIBERATION_FRONT_(ALF)_", false, false).unwrap(),
            ["Animal Liberation Front", "ALF"]
        );
        assert_eq!(
            phrase_text("GEORGIA_(EURASIAN_STATE)_", false, false).unwrap(),
            ["Georgia"]
        );
        assert_eq!(
            phrase_text("NIKOLAY_TODOROV (ACTING_", true, false).unwrap(),
            ["Nikolay Todorov"]
        );
        assert_eq!(
            phrase_text("ISLAMIC_REPUBLIC_OF_AFGHANISTAN", false, false).unwrap(),
            ["Islamic Republic of Afghanistan"]
        );
    }

    #[test]
    fn sets_expand() {
        let sets = HashMap::from([(
            "!PERSON!".to_owned(),
            vec!["MAN".to_owned(), "WOMAN".to_owned()],
        )]);
        assert_eq!(
            expand_sets("POLICE!PERSON!", &sets).unwrap(),
            ["POLICEMAN", "POLICEWOMAN"]
        );
        assert!(expand_sets("!NOPE! X", &sets).is_err());
    }
}
