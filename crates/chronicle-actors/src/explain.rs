//! Why a mention got its code: the knowledge-base entries and rules behind it, for
//! `chronicle actors resolve` and for users checking the coding. Only computed on request, so
//! the normal path pays nothing for it.

use chronicle_core::{Mention, MentionKind};
use chrono::NaiveDate;

use crate::chunk::{Item, ItemKind, Words};
use crate::kb::{Entry, KnowledgeBase, Person, PersonStatus, Tenure};
use crate::memory::Article;

/// A mention with the reasons for its code, in reading order.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub mention: Mention,
    /// One line per entry or rule: "demonym 'Russian' → RUS", "role 'Foreign Minister' → GOV",
    /// "person 'Sergei Lavrov' RUSGOV 2004-03-09– (Foreign Minister)".
    pub reasons: Vec<String>,
}

/// The reasons for `m`, from the dictionary items inside it and its kind.
pub(crate) fn reasons(
    kb: &KnowledgeBase,
    words: &Words<'_>,
    items: &[Item],
    portfolio: &[usize],
    m: &Mention,
    state: &Article,
    pick_short: impl Fn(&[usize]) -> Option<usize>,
) -> Vec<String> {
    let text = |item: &Item| {
        let first = &words.tokens[item.start].text;
        let mut s = first.get(item.offset..).unwrap_or(first).to_owned();
        for t in &words.tokens[item.start + 1..item.end] {
            s.push(' ');
            s.push_str(&t.text);
        }
        s
    };
    let mut out = Vec::new();
    let mut names = Vec::new();
    let inside = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.start >= m.tokens.0 && i.end <= m.tokens.1);
    let mut transnational = false;
    for (k, item) in inside {
        let t = text(item);
        if portfolio.contains(&k) {
            if item.is_actor() {
                out.push(format!(
                    "'{t}' is the office's portfolio, not its holder's country"
                ));
            }
            continue;
        }
        transnational |=
            matches!(item.entry(), Some(Entry::Org(c) | Entry::Capital(c)) if c.country.is_none());
        if item.former {
            out.push(format!("'{}' written ex-/former- → ELI (out of office)", t));
        }
        let line = match &item.kind {
            ItemKind::Entry(e) => entry_reason(kb, e, &t, state.date),
            ItemKind::Shorts(ids) => Some(match pick_short(ids) {
                Some(p) => format!(
                    "short name '{t}' → {}: {}",
                    kb.person_at(p).name,
                    person_reason(kb.person_at(p), state.date)
                ),
                None => format!("short name '{t}' of {} officials, none chosen", ids.len()),
            }),
            ItemKind::Known { code, .. } => Some(format!(
                "name '{t}' given earlier in the article → {}",
                code.code
            )),
            ItemKind::Name => {
                names.push(t);
                None
            }
            _ => None,
        };
        out.extend(line);
    }
    if !names.is_empty() && m.kind != MentionKind::Coreference {
        out.push(format!(
            "unknown name '{}' takes the code of its phrase",
            names.join(" ")
        ));
    }
    if transnational && m.actor.country.is_some() {
        out.push("an organisation inside a country's phrase: the country's code".to_owned());
    }
    out.extend(kind_reason(m, state));
    out.push(format!("→ {} ({})", m.actor.code, kind_name(m.kind)));
    out
}

fn entry_reason(kb: &KnowledgeBase, e: &Entry, t: &str, date: Option<NaiveDate>) -> Option<String> {
    Some(match e {
        Entry::Country(c) => format!("country '{t}' → {}", kb.country_at(*c).code),
        Entry::Demonym { country, .. } => {
            format!("demonym '{t}' → {}", kb.country_at(*country).code)
        }
        Entry::Capital(code) => format!("capital or seat of power '{t}' → {}", code.code),
        Entry::Org(code) => format!("organisation '{t}' → {}", code.code),
        Entry::Role(r) => {
            let role = kb.role_at(*r);
            let mut s = format!("role '{t}' → {}", role.agent);
            if role.generic {
                s.push_str(" (generic: a more specific word in the phrase wins)");
            }
            if let Some(c) = &role.default_country {
                s.push_str(&format!(" (country {c} when none is named)"));
            }
            s
        }
        Entry::Person(p) => {
            let person = kb.person_at(*p);
            format!("person '{}' {}", person.name, person_reason(person, date))
        }
        Entry::Short(p) => format!("short name '{t}' → {}", kb.person_at(*p).name),
        Entry::Modifier { former: true } => format!("'{t}' → ELI (out of office)"),
        Entry::Modifier { former: false } | Entry::NonActor => return None,
    })
}

fn tenure_text(t: &Tenure) -> String {
    let end = t.end.map(|d| d.to_string()).unwrap_or_default();
    format!("{} {}–{} ({})", t.code.code, t.start, end, t.office)
}

/// The office that decides a person's code at `date`.
fn person_reason(person: &Person, date: Option<NaiveDate>) -> String {
    match (person.status(date), date) {
        (PersonStatus::InOffice(_), Some(d)) => person
            .tenures
            .iter()
            .find(|t| t.covers(d))
            .map_or_else(String::new, tenure_text),
        (PersonStatus::InOffice(_), None) => person
            .tenures
            .iter()
            .max_by_key(|t| t.start)
            .map_or_else(String::new, |t| {
                format!("{} (no article date: latest office)", tenure_text(t))
            }),
        (PersonStatus::Former(code), _) => {
            let last = person.tenures.iter().max_by_key(|t| t.end);
            let last = last.map_or_else(String::new, tenure_text);
            format!("{} (all offices ended; last {last})", code.code)
        }
        (PersonStatus::NotYet(code), _) => format!("{} (before any office)", code.code),
        (PersonStatus::Unknown, _) => "(no country known)".to_owned(),
    }
}

fn kind_reason(m: &Mention, state: &Article) -> Option<String> {
    if m.kind != MentionKind::Coreference {
        return None;
    }
    let lower = m.text.to_lowercase();
    Some(match lower.as_str() {
        "the north" | "the south" => {
            format!("'{}' after a Korea actor in the article", m.text)
        }
        "he" | "she" => format!(
            "'{}' opens a clause: the person of a recent sentence",
            m.text
        ),
        _ if state.roles.values().flatten().any(|c| *c == m.actor) => {
            format!(
                "'{}': the one such role named earlier in the article",
                m.text
            )
        }
        _ => "coreference with an earlier mention".to_owned(),
    })
}

fn kind_name(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Country => "country",
        MentionKind::Demonym => "demonym",
        MentionKind::Capital => "capital",
        MentionKind::Organisation => "organisation",
        MentionKind::Role => "role",
        MentionKind::Person => "person",
        MentionKind::Coreference => "coreference",
    }
}
