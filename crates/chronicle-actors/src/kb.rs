//! The built-in knowledge base: states, organisations, role words and dated officials,
//! parsed once from the tables under `data/`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The knowledge base a program installed as its default (see `install_default`).
static DEFAULT: OnceLock<Arc<KnowledgeBase>> = OnceLock::new();

use chronicle_core::ActorCode;
use chrono::NaiveDate;

use crate::code::{compose, parse_code};
use crate::error::KbError;
use crate::lexicon::Lexicon;
use crate::text::{demonym_plural, normalise, phrase_words, plural};

/// The text of every built-in table.
#[derive(Debug, Clone, Copy)]
pub struct KbSources<'a> {
    pub countries: &'a str,
    pub organisations: &'a str,
    pub roles: &'a str,
    pub modifiers: &'a str,
    pub non_actors: &'a str,
    pub officials: &'a str,
}

impl KbSources<'static> {
    /// The tables compiled into the crate.
    pub fn builtin() -> Self {
        KbSources {
            countries: include_str!("../data/countries.txt"),
            organisations: include_str!("../data/organisations.txt"),
            roles: include_str!("../data/roles.txt"),
            modifiers: include_str!("../data/modifiers.txt"),
            non_actors: include_str!("../data/non_actors.txt"),
            officials: include_str!("../data/officials.txt"),
        }
    }
}

/// A state or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, as CAMEO uses it.
    pub code: String,
    /// Official, short, former names and aliases; the first is the usual short name.
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
}

/// A role or sector word and the CAMEO agent it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The phrase as written in the table ("foreign minister").
    pub phrase: String,
    pub agent: String,
    /// Person nouns ("official", "spokesman") that yield to a more specific institution.
    pub generic: bool,
    /// May stand before a personal name ("Foreign Minister Sergei Lavrov").
    pub title: bool,
    /// May follow a personal name ("the Trump administration").
    pub after_name: bool,
    /// The country when the phrase names none ("Secretary of State" → USA).
    pub default_country: Option<String>,
}

/// One dated office of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    pub code: ActorCode,
    pub start: NaiveDate,
    /// `None` while in office.
    pub end: Option<NaiveDate>,
    pub office: String,
}

impl Tenure {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date < end)
    }
}

/// A named official with the offices held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The canonical full name ("Sergei Lavrov").
    pub name: String,
    /// Other spellings ("Kim Jong Un" for "Kim Jong-un").
    pub variants: Vec<String>,
    /// Names that identify the person alone once the full name is known ("Lavrov").
    pub short: Vec<String>,
    /// Offices, in table order.
    pub tenures: Vec<Tenure>,
}

/// How a person is coded at a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonStatus {
    /// In office: the office's code.
    InOffice(ActorCode),
    /// Left every office before the date: their last country + ELI.
    Former(ActorCode),
    /// Not yet in office: their country only.
    NotYet(ActorCode),
    /// No country can be said.
    Unknown,
}

impl Person {
    /// The code at `date`; with no date, the most recent office.
    pub fn status(&self, date: Option<NaiveDate>) -> PersonStatus {
        let Some(date) = date else {
            return self
                .tenures
                .iter()
                .max_by_key(|t| t.start)
                .map_or(PersonStatus::Unknown, |t| {
                    PersonStatus::InOffice(t.code.clone())
                });
        };
        if let Some(t) = self.tenures.iter().find(|t| t.covers(date)) {
            return PersonStatus::InOffice(t.code.clone());
        }
        let with_country = |t: &&Tenure| t.code.country.is_some();
        let past = self
            .tenures
            .iter()
            .filter(|t| t.end.is_some_and(|end| end <= date))
            .filter(with_country)
            .max_by_key(|t| t.end);
        if let Some(t) = past {
            return PersonStatus::Former(compose(t.code.country.as_deref(), Some("ELI")));
        }
        self.tenures
            .iter()
            .filter(with_country)
            .min_by_key(|t| t.start)
            .map_or(PersonStatus::Unknown, |t| {
                PersonStatus::NotYet(compose(t.code.country.as_deref(), None))
            })
    }

    /// Any country the person served.
    pub fn country(&self) -> Option<&str> {
        self.tenures
            .iter()
            .rev()
            .find_map(|t| t.code.country.as_deref())
    }
}

/// What a dictionary phrase names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    /// A state's name (index into `countries`).
    Country(usize),
    /// A demonym or adjective; `plural` for "Russians", "the North Koreans".
    Demonym {
        country: usize,
        plural: bool,
    },
    /// A capital or seat of power and the code it stands for.
    Capital(ActorCode),
    Org(ActorCode),
    Role(usize),
    Person(usize),
    /// A surname or short name of a person.
    Short(usize),
    Modifier {
        former: bool,
    },
    /// A place or name that contains actor words but is no actor.
    NonActor,
}

impl Entry {
    /// Which reading wins when several phrases of the same length match.
    fn rank(&self) -> u8 {
        match self {
            Entry::NonActor => 0,
            Entry::Person(_) => 1,
            Entry::Org(_) => 2,
            Entry::Capital(_) => 3,
            Entry::Country(_) => 4,
            Entry::Demonym { .. } => 5,
            Entry::Short(_) => 6,
            Entry::Role(_) => 7,
            Entry::Modifier { .. } => 8,
        }
    }
}

/// Size of the knowledge base, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbStats {
    pub countries: usize,
    pub organisations: usize,
    pub roles: usize,
    pub persons: usize,
    pub tenures: usize,
    pub phrases: usize,
}

/// Everything the resolver knows about actors.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    countries: Vec<Country>,
    country_by_code: HashMap<String, usize>,
    country_by_name: HashMap<String, usize>,
    roles: Vec<Role>,
    persons: Vec<Person>,
    /// Normalised full names and spellings → person.
    person_by_name: HashMap<String, usize>,
    /// The source that last defined each person (see [`Lexicon::insert_from`]).
    person_source: Vec<u16>,
    organisations: usize,
    pub(crate) lexicon: Lexicon<Entry>,
}

/// A knowledge-base file of a user's: any of the tables of `data/`, each introduced by a line
/// `[countries]`, `[organisations]`, `[roles]`, `[modifiers]`, `[non_actors]` or
/// `[officials]` (a file named like a table, e.g. `officials.txt`, may leave it out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbFile {
    /// Shown in errors ("my-kb.txt:12: …").
    pub name: String,
    pub text: String,
}

impl KbFile {
    /// Reads a file from disk.
    pub fn read(path: &std::path::Path) -> std::io::Result<KbFile> {
        Ok(KbFile {
            name: path.display().to_string(),
            text: std::fs::read_to_string(path)?,
        })
    }
}

/// The six tables, in the order they are read (codes need the countries first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Countries,
    Organisations,
    Roles,
    Modifiers,
    NonActors,
    Officials,
}

const SECTIONS: [Section; 6] = [
    Section::Countries,
    Section::Organisations,
    Section::Roles,
    Section::Modifiers,
    Section::NonActors,
    Section::Officials,
];

impl Section {
    fn from_name(name: &str) -> Option<Section> {
        Some(
            match name.trim().to_ascii_lowercase().replace('-', "_").as_str() {
                "countries" => Section::Countries,
                "organisations" | "organizations" => Section::Organisations,
                "roles" => Section::Roles,
                "modifiers" => Section::Modifiers,
                "non_actors" => Section::NonActors,
                "officials" => Section::Officials,
                _ => return None,
            },
        )
    }
}

/// The lines of one table from one source, with their 1-based numbers in their file.
struct Table<'a> {
    file: &'a str,
    source: u16,
    lines: Vec<(usize, &'a str)>,
}

/// Non-empty, non-comment lines with their 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Numbered lines of a table, as in [`lines`].
type NumberedLines<'a> = Vec<(usize, &'a str)>;

/// Splits a user's file into its tables.
fn split_sections(file: &KbFile) -> Result<Vec<(Section, NumberedLines<'_>)>, KbError> {
    let stem = std::path::Path::new(&file.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(Section::from_name);
    let mut current = stem;
    let mut out: Vec<(Section, NumberedLines<'_>)> = Vec::new();
    for (n, line) in lines(&file.text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let section = Section::from_name(name).ok_or_else(|| KbError::Invalid {
                file: file.name.clone(),
                line: n,
                message: format!(
                    "unknown table [{name}] (want countries, organisations, roles, modifiers, non_actors or officials)"
                ),
            })?;
            current = Some(section);
            continue;
        }
        let Some(section) = current else {
            return Err(KbError::Invalid {
                file: file.name.clone(),
                line: n,
                message: "line before any table: start with a line such as [officials]".into(),
            });
        };
        match out.last_mut() {
            Some((s, lines)) if *s == section => lines.push((n, line)),
            _ => out.push((section, vec![(n, line)])),
        }
    }
    Ok(out)
}

fn columns<'a>(
    file: &str,
    line: usize,
    text: &'a str,
    expected: usize,
) -> Result<Vec<&'a str>, KbError> {
    let cols: Vec<&str> = text.split('|').map(str::trim).collect();
    if cols.len() != expected {
        return Err(KbError::Columns {
            file: file.to_owned(),
            line,
            expected,
            found: cols.len(),
        });
    }
    Ok(cols)
}

fn list(column: &str) -> impl Iterator<Item = &str> {
    column.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn invalid(file: &str, line: usize, message: impl Into<String>) -> KbError {
    KbError::Invalid {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

fn parse_date(file: &str, line: usize, value: &str) -> Result<NaiveDate, KbError> {
    let err = || KbError::Date {
        file: file.to_owned(),
        line,
        value: value.to_owned(),
    };
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| err());
    let (y, m, d) = match parts.as_slice() {
        [y] => (num(y)?, 1, 1),
        [y, m] => (num(y)?, num(m)?, 1),
        [y, m, d] => (num(y)?, num(m)?, num(d)?),
        _ => return Err(err()),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(err)
}

impl KnowledgeBase {
    /// The built-in knowledge base, parsed on first use and shared afterwards.
    pub fn builtin() -> Arc<KnowledgeBase> {
        static BUILTIN: OnceLock<Arc<KnowledgeBase>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The tables are ours and a unit test parses them, so this cannot fail in a
                // released build.
                Arc::new(
                    KnowledgeBase::parse(&KbSources::builtin())
                        .unwrap_or_else(|e| panic!("built-in actor tables are malformed: {e}")),
                )
            })
            .clone()
    }

    /// The knowledge base [`crate::ActorResolver::builtin`] uses: the one a program installed
    /// with [`KnowledgeBase::install_default`], else [`KnowledgeBase::builtin`].
    pub fn default_kb() -> Arc<KnowledgeBase> {
        DEFAULT
            .get()
            .cloned()
            .unwrap_or_else(KnowledgeBase::builtin)
    }

    /// Makes `kb` the process-wide default (a command line's `--kb` files). Only the first
    /// call counts; a later one gets its knowledge base back as the error.
    pub fn install_default(kb: Arc<KnowledgeBase>) -> Result<(), Arc<KnowledgeBase>> {
        DEFAULT.set(kb)
    }

    /// Parses a knowledge base from table texts in the format of `data/`.
    pub fn parse(src: &KbSources<'_>) -> Result<KnowledgeBase, KbError> {
        KnowledgeBase::build(Some(src), &[])
    }

    /// The built-in tables extended by users' files, read in order: a phrase, official or
    /// country defined by a later file replaces what earlier ones said about it.
    pub fn with_files(files: &[KbFile]) -> Result<KnowledgeBase, KbError> {
        KnowledgeBase::build(Some(&KbSources::builtin()), files)
    }

    /// Only users' files, without the built-in tables (country codes must then be defined in
    /// the files themselves).
    pub fn from_files(files: &[KbFile]) -> Result<KnowledgeBase, KbError> {
        KnowledgeBase::build(None, files)
    }

    fn build(base: Option<&KbSources<'_>>, files: &[KbFile]) -> Result<KnowledgeBase, KbError> {
        let mut tables: Vec<(Section, Table<'_>)> = Vec::new();
        if let Some(src) = base {
            let builtin = [
                (Section::Countries, "countries.txt", src.countries),
                (
                    Section::Organisations,
                    "organisations.txt",
                    src.organisations,
                ),
                (Section::Roles, "roles.txt", src.roles),
                (Section::Modifiers, "modifiers.txt", src.modifiers),
                (Section::NonActors, "non_actors.txt", src.non_actors),
                (Section::Officials, "officials.txt", src.officials),
            ];
            for (section, file, text) in builtin {
                let lines = lines(text).collect();
                tables.push((
                    section,
                    Table {
                        file,
                        source: 0,
                        lines,
                    },
                ));
            }
        }
        for (i, file) in files.iter().enumerate() {
            let source = u16::try_from(i + 1).map_err(|_| {
                invalid(
                    &file.name,
                    0,
                    "too many knowledge-base files (at most 65535)",
                )
            })?;
            for (section, lines) in split_sections(file)? {
                let table = Table {
                    file: &file.name,
                    source,
                    lines,
                };
                tables.push((section, table));
            }
        }
        let mut kb = KnowledgeBase {
            countries: Vec::new(),
            country_by_code: HashMap::new(),
            country_by_name: HashMap::new(),
            roles: Vec::new(),
            persons: Vec::new(),
            person_by_name: HashMap::new(),
            person_source: Vec::new(),
            organisations: 0,
            lexicon: Lexicon::default(),
        };
        for section in SECTIONS {
            for (_, table) in tables.iter().filter(|(s, _)| *s == section) {
                match section {
                    Section::Countries => kb.read_countries(table)?,
                    Section::Organisations => kb.read_organisations(table)?,
                    Section::Roles => kb.read_roles(table)?,
                    Section::Modifiers => kb.read_modifiers(table)?,
                    Section::NonActors => {
                        for (_, line) in &table.lines {
                            for phrase in list(line) {
                                kb.lexicon
                                    .insert_from(table.source, phrase, true, Entry::NonActor);
                            }
                        }
                    }
                    Section::Officials => kb.read_officials(table)?,
                }
            }
        }
        kb.index_persons();
        Ok(kb)
    }

    fn read_countries(&mut self, table: &Table<'_>) -> Result<(), KbError> {
        let (file, source) = (table.file, table.source);
        for &(n, line) in &table.lines {
            let cols = columns(file, n, line, 4)?;
            let code = cols[0];
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(KbError::Code {
                    file: file.to_owned(),
                    line: n,
                    code: code.to_owned(),
                });
            }
            let names: Vec<String> = list(cols[1]).map(str::to_owned).collect();
            let adjectives: Vec<String> = list(cols[2]).map(str::to_owned).collect();
            let capitals: Vec<String> = list(cols[3]).map(str::to_owned).collect();
            // A later line for a known code adds to that country.
            let idx = match self.country_by_code.get(code) {
                Some(&idx) => idx,
                None => {
                    self.countries.push(Country {
                        code: code.to_owned(),
                        names: Vec::new(),
                        adjectives: Vec::new(),
                        capitals: Vec::new(),
                    });
                    self.country_by_code
                        .insert(code.to_owned(), self.countries.len() - 1);
                    self.countries.len() - 1
                }
            };
            for name in &names {
                self.lexicon
                    .insert_from(source, name, true, Entry::Country(idx));
                self.country_by_name.entry(normalise(name)).or_insert(idx);
            }
            for adj in &adjectives {
                let singular = Entry::Demonym {
                    country: idx,
                    plural: false,
                };
                self.lexicon.insert_from(source, adj, true, singular);
                if let Some(p) = demonym_plural(adj) {
                    let plural = Entry::Demonym {
                        country: idx,
                        plural: true,
                    };
                    self.lexicon.insert_from(source, &p, true, plural);
                }
                self.country_by_name.entry(normalise(adj)).or_insert(idx);
            }
            let gov = compose(Some(code), Some("GOV"));
            for cap in &capitals {
                self.lexicon
                    .insert_from(source, cap, true, Entry::Capital(gov.clone()));
            }
            let country = &mut self.countries[idx];
            country.names.extend(names);
            country.adjectives.extend(adjectives);
            country.capitals.extend(capitals);
        }
        Ok(())
    }

    fn code(&self, file: &str, line: usize, code: &str) -> Result<ActorCode, KbError> {
        parse_code(code, |c| self.country_by_code.contains_key(c)).ok_or_else(|| KbError::Code {
            file: file.to_owned(),
            line,
            code: code.to_owned(),
        })
    }

    fn read_organisations(&mut self, table: &Table<'_>) -> Result<(), KbError> {
        let (file, source) = (table.file, table.source);
        for &(n, line) in &table.lines {
            let cols = columns(file, n, line, 3)?;
            let code = self.code(file, n, cols[0])?;
            let make = match cols[1] {
                "seat" => Entry::Capital,
                "org" => {
                    self.organisations += 1;
                    Entry::Org
                }
                other => {
                    return Err(invalid(
                        file,
                        n,
                        format!("unknown kind {other:?} (want seat or org)"),
                    ))
                }
            };
            for name in list(cols[2]) {
                self.lexicon
                    .insert_from(source, name, true, make(code.clone()));
                // British style writes acronyms said as words in title case: "Ecowas", "Nato".
                if let Some(titled) = title_cased_acronym(name) {
                    self.lexicon
                        .insert_from(source, &titled, true, make(code.clone()));
                }
            }
        }
        Ok(())
    }

    fn read_roles(&mut self, table: &Table<'_>) -> Result<(), KbError> {
        let (file, source) = (table.file, table.source);
        for &(n, line) in &table.lines {
            let cols = columns(file, n, line, 3)?;
            let agent = cols[0];
            if !crate::code::AGENTS.contains(&agent) {
                return Err(KbError::Code {
                    file: file.to_owned(),
                    line: n,
                    code: agent.to_owned(),
                });
            }
            let mut template = Role {
                phrase: String::new(),
                agent: agent.to_owned(),
                generic: false,
                title: false,
                after_name: false,
                default_country: None,
            };
            for flag in cols[1].split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match flag {
                    "generic" => template.generic = true,
                    "title" => template.title = true,
                    "after-name" => template.after_name = true,
                    _ => match flag.strip_prefix("country=") {
                        Some(c) if self.country_by_code.contains_key(c) => {
                            template.default_country = Some(c.to_owned())
                        }
                        _ => return Err(invalid(file, n, format!("unknown flag {flag:?}"))),
                    },
                }
            }
            for phrase in list(cols[2]) {
                let idx = self.roles.len();
                self.roles.push(Role {
                    phrase: phrase.to_owned(),
                    ..template.clone()
                });
                self.lexicon
                    .insert_from(source, phrase, false, Entry::Role(idx));
                if let Some(p) = plural(phrase) {
                    self.lexicon
                        .insert_from(source, &p, false, Entry::Role(idx));
                }
            }
        }
        Ok(())
    }

    fn read_modifiers(&mut self, table: &Table<'_>) -> Result<(), KbError> {
        let (file, source) = (table.file, table.source);
        for &(n, line) in &table.lines {
            let cols = columns(file, n, line, 2)?;
            let former = match cols[0] {
                "plain" => false,
                "former" => true,
                other => return Err(invalid(file, n, format!("unknown modifier kind {other:?}"))),
            };
            for word in list(cols[1]) {
                self.lexicon
                    .insert_from(source, word, false, Entry::Modifier { former });
            }
        }
        Ok(())
    }

    fn read_officials(&mut self, table: &Table<'_>) -> Result<(), KbError> {
        let (file, source) = (table.file, table.source);
        for &(n, line) in &table.lines {
            let cols = columns(file, n, line, 7)?;
            let code = self.code(file, n, &format!("{}{}", cols[0], cols[1]))?;
            let cols = &cols[1..];
            let names: Vec<&str> = list(cols[1]).collect();
            let Some(&canonical) = names.first() else {
                return Err(invalid(file, n, "no name"));
            };
            let start = parse_date(file, n, cols[3])?;
            let end = match cols[4] {
                "" => None,
                v => Some(parse_date(file, n, v)?),
            };
            if end.is_some_and(|e| e < start) {
                return Err(invalid(file, n, "ends before it starts"));
            }
            let tenure = Tenure {
                code,
                start,
                end,
                office: cols[5].to_owned(),
            };
            let idx = self.person_index(canonical, source);
            let person = &mut self.persons[idx];
            person.tenures.push(tenure);
            for v in &names[1..] {
                if !person.variants.iter().any(|x| x == v) {
                    person.variants.push((*v).to_owned());
                }
            }
            for s in list(cols[2]) {
                if !person.short.iter().any(|x| x == s) {
                    person.short.push(s.to_owned());
                }
            }
            for v in &names[1..] {
                self.person_by_name.entry(normalise(v)).or_insert(idx);
            }
        }
        Ok(())
    }

    /// The person named `canonical`, created if new; a person defined by an earlier source
    /// loses the offices that source gave them (a later file's tenures replace them).
    fn person_index(&mut self, canonical: &str, source: u16) -> usize {
        let key = normalise(canonical);
        if let Some(&idx) = self.person_by_name.get(&key) {
            if self.person_source[idx] < source {
                self.persons[idx].tenures.clear();
                self.person_source[idx] = source;
            }
            return idx;
        }
        self.persons.push(Person {
            name: canonical.to_owned(),
            variants: Vec::new(),
            short: Vec::new(),
            tenures: Vec::new(),
        });
        self.person_source.push(source);
        let idx = self.persons.len() - 1;
        self.person_by_name.insert(key, idx);
        idx
    }

    /// Puts every person's names into the lexicon, after all tables are read.
    fn index_persons(&mut self) {
        for (idx, person) in self.persons.iter().enumerate() {
            let source = self.person_source[idx];
            for name in std::iter::once(&person.name).chain(&person.variants) {
                self.lexicon
                    .insert_from(source, name, true, Entry::Person(idx));
            }
            for short in &person.short {
                self.lexicon
                    .insert_from(source, short, true, Entry::Short(idx));
            }
        }
    }

    /// The state called `name` ("North Korea", "DPRK", "the United States", "Russian",
    /// "PRK"), case-insensitively.
    pub fn lookup_country(&self, name: &str) -> Option<&Country> {
        let trimmed = name.trim();
        let key = normalise(trimmed.strip_prefix("the ").unwrap_or(trimmed));
        self.country_by_name
            .get(&key)
            .or_else(|| self.country_by_code.get(&trimmed.to_ascii_uppercase()))
            .map(|&i| &self.countries[i])
    }

    /// Does any table define `phrase` (in any capitalisation)?
    pub fn knows_phrase(&self, phrase: &str) -> bool {
        let ids: Vec<Option<u32>> = phrase_words(phrase)
            .iter()
            .map(|w| self.lexicon.word_id(&normalise(w)))
            .collect();
        if ids.is_empty() || ids.iter().any(Option::is_none) {
            return false;
        }
        self.lexicon
            .matches_at(&ids, 0)
            .first()
            .is_some_and(|(len, _)| *len == ids.len())
    }

    /// The state with ISO alpha-3 `code`.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i])
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn persons(&self) -> &[Person] {
        &self.persons
    }

    /// The officials whose full name or a listed spelling is `name`.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.person_by_name
            .get(&normalise(name))
            .map(|&i| &self.persons[i])
    }

    pub(crate) fn country_at(&self, idx: usize) -> &Country {
        &self.countries[idx]
    }

    pub(crate) fn role_at(&self, idx: usize) -> &Role {
        &self.roles[idx]
    }

    pub(crate) fn person_at(&self, idx: usize) -> &Person {
        &self.persons[idx]
    }

    /// Is `code` a state we know?
    pub fn is_country(&self, code: &str) -> bool {
        self.country_by_code.contains_key(code)
    }

    pub fn stats(&self) -> KbStats {
        let role_phrases: HashSet<&str> = self.roles.iter().map(|r| r.phrase.as_str()).collect();
        KbStats {
            countries: self.countries.len(),
            organisations: self.organisations,
            roles: role_phrases.len(),
            persons: self.persons.len(),
            tenures: self.persons.iter().map(|p| p.tenures.len()).sum(),
            phrases: self.lexicon.len(),
        }
    }

    /// The readings of a matched phrase, best first.
    pub(crate) fn ranked<'a>(&self, entries: impl Iterator<Item = &'a Entry>) -> Vec<&'a Entry> {
        let mut v: Vec<&Entry> = entries.collect();
        v.sort_by_key(|e| e.rank());
        v
    }
}

/// "ECOWAS" → "Ecowas": an all-capital acronym of four or more letters, title-cased.
fn title_cased_acronym(name: &str) -> Option<String> {
    let acronym = name.len() >= 4 && name.bytes().all(|b| b.is_ascii_uppercase());
    acronym.then(|| name[..1].to_owned() + &name[1..].to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse_and_are_consistent() {
        let started = std::time::Instant::now();
        let kb = KnowledgeBase::parse(&KbSources::builtin()).expect("built-in tables");
        // Well under 100 ms in release builds (see the bench example); generous here for
        // unoptimised test builds on a shared machine.
        assert!(
            started.elapsed().as_millis() < 1_000,
            "{:?}",
            started.elapsed()
        );
        let mut codes: Vec<&str> = kb.countries.iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len(), "duplicate country codes");
        for person in &kb.persons {
            let mut tenures: Vec<&Tenure> = person.tenures.iter().collect();
            tenures.sort_by_key(|t| t.start);
            for pair in tenures.windows(2) {
                let overlap = pair[0].end.is_none_or(|end| end > pair[1].start);
                assert!(
                    !overlap || pair[0].code == pair[1].code,
                    "{}: {} and {} overlap with different codes",
                    person.name,
                    pair[0].office,
                    pair[1].office
                );
            }
            assert!(
                person.tenures.iter().all(|t| !t.office.is_empty()),
                "{}",
                person.name
            );
        }
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let src = KbSources {
            countries: "# comment\nUSA | United States | American | Washington\nXX | Nowhere | |\n",
            ..KbSources::builtin()
        };
        assert_eq!(
            KnowledgeBase::parse(&src).unwrap_err(),
            KbError::Code {
                file: "countries.txt".into(),
                line: 3,
                code: "XX".into()
            }
        );
        let src = KbSources {
            officials: "USA | GOV | Jane Doe | Doe | 2020-02-30 | | Envoy\n",
            ..KbSources::builtin()
        };
        assert!(matches!(
            KnowledgeBase::parse(&src).unwrap_err(),
            KbError::Date { line: 1, .. }
        ));
        let src = KbSources {
            roles: "GOV | flag-that-does-not-exist | envoy\n",
            ..KbSources::builtin()
        };
        assert!(matches!(
            KnowledgeBase::parse(&src).unwrap_err(),
            KbError::Invalid { line: 1, .. }
        ));
    }

    fn file(name: &str, text: &str) -> KbFile {
        KbFile {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn users_files_extend_and_override_the_builtin_tables() {
        let extra = file(
            "extra.txt",
            "# a user's additions\n[officials]\nUSA | GOV | Jane Q. Doe | Doe | 2031-02-01 | | Envoy\n\
             RUS | GOV | Sergei Lavrov | Lavrov | 2040-01-01 | | Foreign Minister\n\
             [organisations]\nBELGOV | seat | Brussels\n[countries]\nXKX | Kosovo | Kosovar | Pristina\n",
        );
        let kb = KnowledgeBase::with_files(&[extra]).expect("valid file");
        let doe = kb.person("Jane Q. Doe").expect("new official");
        assert_eq!(doe.tenures[0].code.code, "USAGOV");
        // The user's tenures replace the built-in ones of the same person.
        let lavrov = kb.person("Sergei Lavrov").expect("Lavrov");
        assert_eq!(lavrov.tenures.len(), 1);
        assert_eq!(lavrov.tenures[0].start.to_string(), "2040-01-01");
        assert_eq!(
            kb.lookup_country("Kosovar").map(|c| c.code.as_str()),
            Some("XKX")
        );
        // The later reading of a phrase wins: Brussels is Belgium's government now.
        let id = kb.lexicon.word_id("brussels");
        let readings: Vec<&Entry> = kb.lexicon.matches_at(&[id], 0)[0]
            .1
            .iter()
            .map(|t| &t.value)
            .collect();
        assert!(matches!(readings.as_slice(), [Entry::Capital(c)] if c.code == "BELGOV"));
        // A file named after a table needs no header.
        let officials = file(
            "officials.txt",
            "FRA | GOV | Marie Curie-Dupont | | 2030 | | Minister\n",
        );
        assert!(KnowledgeBase::with_files(&[officials])
            .unwrap()
            .person("Marie Curie-Dupont")
            .is_some());
    }

    #[test]
    fn errors_in_users_files_name_file_line_and_reason() {
        let no_header = file("mine.txt", "\n# comment\nUSA | GOV | A B | | 2020 | | X\n");
        let err = KnowledgeBase::with_files(&[no_header]).unwrap_err();
        assert!(
            matches!(&err, KbError::Invalid { file, line: 3, .. } if file == "mine.txt"),
            "{err}"
        );
        let bad_code = file("mine.txt", "[officials]\nZZZ | GOV | A B | | 2020 | | X\n");
        let err = KnowledgeBase::with_files(&[bad_code]).unwrap_err();
        assert_eq!(err.to_string(), "mine.txt:2: bad actor code \"ZZZGOV\"");
        let bad_table = file("mine.txt", "[people]\n");
        assert!(KnowledgeBase::with_files(&[bad_table])
            .unwrap_err()
            .to_string()
            .starts_with("mine.txt:1: unknown table [people]"));
        let columns = file("mine.txt", "[roles]\nGOV | title\n");
        assert!(matches!(
            KnowledgeBase::with_files(&[columns]).unwrap_err(),
            KbError::Columns {
                line: 2,
                found: 2,
                ..
            }
        ));
        // Without the built-in tables a code needs its country defined.
        let alone = file("k.txt", "[countries]\nUSA | United States | American | Washington\n[officials]\nUSA | GOV | A B | | 2020 | | X\n");
        let kb = KnowledgeBase::from_files(&[alone]).expect("self-contained file");
        assert_eq!((kb.countries().len(), kb.persons().len()), (1, 1));
    }

    #[test]
    fn person_status_follows_tenures() {
        let kb = KnowledgeBase::builtin();
        let pompeo = kb.person("Mike Pompeo").expect("Pompeo");
        let at = |d: &str| pompeo.status(Some(d.parse().unwrap()));
        assert!(matches!(at("2019-01-01"), PersonStatus::InOffice(c) if c.code == "USAGOV"));
        assert!(matches!(at("2016-01-01"), PersonStatus::InOffice(c) if c.code == "USALEG"));
        assert!(matches!(at("2022-01-01"), PersonStatus::Former(c) if c.code == "USAELI"));
        assert!(matches!(at("2001-01-01"), PersonStatus::NotYet(c) if c.code == "USA"));
    }
}
