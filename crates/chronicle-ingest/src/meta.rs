//! Article metadata stated in the text itself: datelines, sign-offs, site-name lines,
//! headlines and broadcast labels.

use std::sync::LazyLock;

use regex::Regex;

/// "SEOUL (Reuters) – ", "UNITED NATIONS (AP) — ", "KYIV, Ukraine (AP) — ",
/// "BEIJING, March 3 (Xinhua) -- ", "NEW DELHI — ", "MOSCOW, March 5. /TASS/. ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}[\p{Lu}.'’-]+(?:[\ /]\p{Lu}[\p{Lu}.'’-]+){0,3})
        (?:,\s*\p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){0,2})??           # region: , United Arab Emirates
        (?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\.?)?                  # date: , March 3
        \s*(?:
            (?:\((?P<outlet>\p{Lu}[\p{L}.&'’-]*(?:\ \p{Lu}[\p{L}.&'’-]*){0,3})\)\s*)?(?:--|[-–—])\s+
            |/(?P<slashed>\p{Lu}[\p{L}\ -]{1,20})/\.?\s+              # /TASS/.
            |(?:\((?P<colon_outlet>\p{Lu}[\p{L}.&'’]*)\))?:\s+          # NEW DELHI: / (PTI):
        )",
    )
    .unwrap()
});

/// Title-case place names need the date and the outlet to count as a dateline:
/// "Seoul, Dec. 11 (Yonhap) -- ", "Tunis, Jul 16 (EFE).- ".
static TITLE_CASE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){0,2}),\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s*
        \((?P<outlet>\p{Lu}[\p{L}.&'’-]*(?:\ \p{Lu}[\p{L}.&'’-]*){0,3})\)\s*(?:--|\.?[-–—])\s*",
    )
    .unwrap()
});

/// A title-case place with a news agency in brackets and no date: "Cairo (AFP) – ". Only
/// agencies, so that "Trump (R) – " or a bracketed gloss never reads as a dateline.
static TITLE_CASE_AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){0,2}),?\s*
        \((?P<outlet>AFP|AP|Reuters|Xinhua|Yonhap|Kyodo|TASS|Anadolu|EFE|PTI|ANI|IANS|dpa|DPA|ANSA|UPI|Bernama|Interfax|WAFA|SPA|QNA|KUNA|MENA|IRNA|KCNA|CNA|Lusa|APS|MAP)\)\s*(?:--|[-–—])\s+",
    )
    .unwrap()
});

/// A dated dateline whose outlet stands without brackets: "TOKYO, July 20 Kyodo - ".
static BARE_OUTLET_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}[\p{Lu}.'’-]+(?:\ \p{Lu}[\p{Lu}.'’-]+){0,3}),\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s+
        (?P<outlet>\p{Lu}\p{Ll}+)\s+(?:--|[-–—])\s+",
    )
    .unwrap()
});

/// The outlet alone opening the story: "(Bloomberg) -- ".
static OUTLET_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\((?P<outlet>\p{Lu}[\p{L}.&'’]*(?:\ \p{Lu}[\p{L}.&'’]*){0,3})\)\s*(?:--|[-–—])\s+",
    )
    .unwrap()
});

/// A dateline at the start of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place; empty when only the outlet opens the story ("(Bloomberg) -- ").
    pub place: String,
    pub outlet: Option<String>,
    /// Bytes of the paragraph the dateline takes up, including the dash and space after it.
    pub len: usize,
}

/// All-capital labels that open a paragraph with a colon like a dateline does.
const LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "WATCH",
    "LIVE",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "VIDEO",
    "PHOTOS",
    "READ",
    "NOTE",
    "CORRECTION",
    "FACTBOX",
    "EXPLAINER",
];

pub fn dateline(paragraph: &str) -> Option<Dateline> {
    if let Some(caps) = OUTLET_ONLY.captures(paragraph) {
        return Some(Dateline {
            place: String::new(),
            outlet: Some(caps["outlet"].to_string()),
            len: caps.get(0)?.end(),
        });
    }
    let caps = DATELINE
        .captures(paragraph)
        .or_else(|| TITLE_CASE_DATELINE.captures(paragraph))
        .or_else(|| TITLE_CASE_AGENCY_DATELINE.captures(paragraph))
        .or_else(|| BARE_OUTLET_DATELINE.captures(paragraph))?;
    let place = caps["place"].trim_end_matches([',', ' ']).to_string();
    // "UPDATE: …", "WATCH: …" are labels, not places (a colon dateline is all capitals).
    if caps.get(0)?.as_str().trim_end().ends_with(':') && LABELS.contains(&place.as_str()) {
        return None;
    }
    // One all-caps letter pair is more likely an acronym subject ("UN – ") than a place.
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    Some(Dateline {
        place,
        outlet: caps
            .name("outlet")
            .or_else(|| caps.name("slashed"))
            .or_else(|| caps.name("colon_outlet"))
            .map(|m| m.as_str().to_string()),
        len: caps.get(0)?.end(),
    })
}

/// A reporter's sign-off ending the story: "Kim Bum-soo, KBS World Radio News."
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<reporter>\p{Lu}[\p{L}'’-]+(?:\ \p{Lu}[\p{L}'’-]+){0,3}),\s+
        (?P<outlet>(?:\p{Lu}[\p{L}&'’.-]*\ ){0,5}
            (?:News|Radio|Television|TV|Press|Agency|Network|Service|Broadcasting|Times|Post|Herald|Daily|Wire))
        \.?\s*$",
    )
    .unwrap()
});

/// Where a sign-off starts in `paragraph` and the outlet it names.
pub fn sign_off(paragraph: &str) -> Option<(usize, String)> {
    let caps = SIGN_OFF.captures(paragraph)?;
    let start = caps.name("reporter")?.start();
    // The sign-off must follow the end of a sentence (or be the whole paragraph).
    let before = paragraph[..start].trim_end();
    let after_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '”', '’', ')', ']'])
        || before.ends_with("...");
    after_sentence.then(|| (start, caps["outlet"].to_string()))
}

/// "Anchor:", "Report:", "Reporter:" labels of broadcast transcripts.
static BROADCAST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Anchor|Report|Reporter|Host|Presenter|Correspondent|Narrator)\s*:\s*").unwrap()
});

/// A broadcast label right after the end of a sentence, inside a paragraph.
static INNER_BROADCAST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[.!?"”]\s*(?:Anchor|Report|Reporter|Host|Presenter|Correspondent)\s*:\s*"#)
        .unwrap()
});

/// The anchor's hand-over sentence before a report: "Kim Bum-soo has more.", "Our
/// correspondent Maria Lopez reports." (a short last sentence; it starts after the previous
/// sentence's end).
static HAND_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"[^.!?"”]{0,80}\b(?:has more|reports|has the story|has the details|has this report)\.\s*$"#,
    )
    .unwrap()
});

/// The paragraph without a leading broadcast label.
pub fn strip_broadcast_label(paragraph: &str) -> &str {
    match BROADCAST_LABEL.find(paragraph) {
        Some(m) => &paragraph[m.end()..],
        None => paragraph,
    }
}

/// Splits a transcript paragraph at inner "Report:" labels, dropping the labels and the
/// anchor's hand-over sentence ("X has more.") that precedes them.
pub fn split_broadcast_segments(paragraph: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut rest_start = 0;
    for m in INNER_BROADCAST_LABEL.find_iter(paragraph) {
        // Keep the sentence-final punctuation that the match starts with.
        let punct_end = m.start()
            + paragraph[m.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        let mut segment = &paragraph[rest_start..punct_end];
        if let Some(h) = HAND_OVER.find(segment) {
            if h.as_str().split_whitespace().count() <= 8 {
                segment = &segment[..h.start()];
            }
        }
        push_trimmed(&mut segments, segment);
        rest_start = m.end();
    }
    push_trimmed(&mut segments, &paragraph[rest_start..]);
    segments
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// Words that end the name of a news site ("The Korea Herald", "Asia Times").
const SITE_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "herald",
    "tribune",
    "daily",
    "journal",
    "gazette",
    "telegraph",
    "guardian",
    "agency",
    "network",
    "online",
    "radio",
    "tv",
    "television",
    "newspaper",
    "chronicle",
    "observer",
    "monitor",
    "express",
    "wire",
    "insider",
    "today",
    "review",
    "mail",
    "standard",
    "inquirer",
    "courier",
    "dispatch",
    "press",
    "report",
    "bulletin",
    "digest",
    "sentinel",
    "ledger",
    "globe",
    "mirror",
    "examiner",
    "register",
];

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[\w-]+\.(?:com|org|net|co\.[a-z]{2}|co|news|info|kr|jp|cn|ru|in|uk|de|fr|eu|int)\b",
    )
    .unwrap()
});

static SITE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:news and opinion|breaking news|latest news|news from|official (?:web)?site|home ?page|news portal|news agency)\b")
        .unwrap()
});

fn last_word_is_site_word(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| SITE_WORDS.contains(&w.as_str()))
}

/// A top line naming the site rather than the story: "The Korea Herald",
/// "Asharq Al-awsat English Middle-east and International News … Newspaper", "asiatimes.com".
pub fn looks_like_site_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    DOMAIN.is_match(line)
        || SITE_PHRASE.is_match(line)
        || (words <= 5 && last_word_is_site_word(line))
        || split_site_parts(line)
            .iter()
            .any(|p| last_word_is_site_word(p))
}

/// True if the line is split into parts by " | ", " - " and the like (site names, menus).
pub fn has_separators(line: &str) -> bool {
    !split_site_parts(line).is_empty()
}

fn split_site_parts(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = line
        .split(" | ")
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" :: "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        parts
    } else {
        Vec::new()
    }
}

static FROM_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bfrom\s+(?P<name>\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,4}?)\s+(?:Newspaper|Daily|Media|Group|Network|Online|Website)\b")
        .unwrap()
});

const GENERIC_PARTS: &[&str] = &[
    "news",
    "world",
    "world news",
    "latest news",
    "breaking news",
    "home",
    "politics",
    "international",
    "asia",
    "europe",
    "opinion",
];

/// The outlet a site-name line names, when it can be told from the rest of the line.
pub fn site_outlet(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(c) = FROM_OUTLET.captures(line) {
        return Some(c["name"].to_string());
    }
    let is_brand = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 5
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
            && !GENERIC_PARTS.contains(&p.to_lowercase().as_str())
    };
    if let Some(part) = split_site_parts(line).into_iter().find(|p| is_brand(p)) {
        return Some(part.to_string());
    }
    if let Some(m) = DOMAIN.find(line) {
        return Some(m.as_str().to_string());
    }
    (is_brand(line) && last_word_is_site_word(line)).then(|| line.to_string())
}

/// A headline: short, no sentence-final period, starting like a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (2..=30).contains(&words)
        && line.len() <= 250
        && !line.ends_with(['.', ',', ';', ':'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = dateline("SEOUL (Reuters) – A last-minute flood of talks").unwrap();
        assert_eq!(d.place, "SEOUL");
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            &"SEOUL (Reuters) – A last-minute flood of talks"[d.len..],
            "A last-minute flood of talks"
        );
        let d = dateline("UNITED NATIONS (AP) — The Security Council met.").unwrap();
        assert_eq!(d.place, "UNITED NATIONS");
        assert_eq!(d.outlet.as_deref(), Some("AP"));
        let d = dateline("DUBAI, United Arab Emirates (AP) — Talks ended.").unwrap();
        assert_eq!(d.place, "DUBAI");
        assert_eq!(d.outlet.as_deref(), Some("AP"));
        let d = dateline("KYIV, Ukraine (AP) — Shelling resumed.").unwrap();
        assert_eq!(d.place, "KYIV");
        let d = dateline("BEIJING, March 3 (Xinhua) -- China said.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("BEIJING", Some("Xinhua"))
        );
        // A hyphenated agency: "(Itar-Tass)".
        let d = dateline("PRAGUE, April 8 (Itar-Tass) -- Russian President Dmitry Medvedev said.")
            .unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("PRAGUE", Some("Itar-Tass"))
        );
        let d = dateline("NEW DELHI — India summoned the envoy.").unwrap();
        assert_eq!((d.place.as_str(), d.outlet), ("NEW DELHI", None));
        // Subcontinental papers end the dateline with a colon.
        let p = "NEW DELHI/ATTARI: Pakistan handed over the pilot on Friday.";
        let d = dateline(p).unwrap();
        assert_eq!(
            (d.place.as_str(), &p[d.len..]),
            (
                "NEW DELHI/ATTARI",
                "Pakistan handed over the pilot on Friday."
            )
        );
        let d = dateline("ISLAMABAD (APP): The cabinet met.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("ISLAMABAD", Some("APP"))
        );
        assert!(dateline("UPDATE: The talks resumed on Monday.").is_none());
        let d =
            dateline("MOSCOW, March 5. /TASS/. Russian Foreign Minister Sergei Lavrov arrived.")
                .unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("MOSCOW", Some("TASS"))
        );
        let p = "Seoul, Dec. 11 (Yonhap) -- South Korea and the United States held talks.";
        let d = dateline(p).unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("Seoul", Some("Yonhap"))
        );
        assert_eq!(&p[d.len..], "South Korea and the United States held talks.");
        let d = dateline("Cairo (AFP) – Egypt announced on Tuesday that the talks had failed.")
            .unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("Cairo", Some("AFP"))
        );
        assert!(dateline("Trump (R) – the president said.").is_none());
        assert!(dateline("Moscow (Russia) – a city of millions.").is_none());
        let d = dateline("Tunis, Jul 16 (EFE).- The European Union and Tunisia signed a pact.")
            .unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("Tunis", Some("EFE"))
        );
        let d =
            dateline("TOKYO, July 20 Kyodo - Japan on Tuesday joined the United States.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("TOKYO", Some("Kyodo"))
        );
        let p = "(Bloomberg) -- European Union member states backed the tariffs.";
        let d = dateline(p).unwrap();
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref()),
            ("", Some("Bloomberg"))
        );
        assert!(p[d.len..].starts_with("European Union"));
        assert_eq!(dateline("Seoul – the capital – said"), None);
        assert_eq!(dateline("UN – the body said"), None);
        assert_eq!(dateline("Iran – which denies it – said"), None);
    }

    #[test]
    fn sign_offs() {
        let p = "The council will meet on Wednesday.Kim Bum-soo, KBS World Radio News.";
        let (start, outlet) = sign_off(p).unwrap();
        assert_eq!(outlet, "KBS World Radio News");
        assert_eq!(&p[..start], "The council will meet on Wednesday.");
        assert_eq!(
            sign_off("Lena Vogel, Deutsche Welle Radio").map(|x| x.1),
            Some("Deutsche Welle Radio".into())
        );
        // A list of names inside a sentence is no sign-off.
        assert_eq!(sign_off("He met Lavrov, Russia Today"), None);
    }

    #[test]
    fn broadcast_segments() {
        let p = "Tensions rose on Monday. Lee Ji-won has more.Report: Seoul said on Tuesday it would respond.";
        assert_eq!(
            split_broadcast_segments(p),
            vec![
                "Tensions rose on Monday.",
                "Seoul said on Tuesday it would respond."
            ]
        );
        assert_eq!(strip_broadcast_label("Anchor: Seoul said."), "Seoul said.");
        assert_eq!(strip_broadcast_label("Seoul said."), "Seoul said.");
    }

    #[test]
    fn site_names() {
        let line = "Asharq Al-awsat English Middle-east and International News and Opinion from Asharq Al-awsat Newspaper";
        assert!(looks_like_site_name(line));
        assert_eq!(site_outlet(line).as_deref(), Some("Asharq Al-awsat"));
        assert!(looks_like_site_name("The Korea Herald"));
        assert_eq!(
            site_outlet("The Korea Herald").as_deref(),
            Some("The Korea Herald")
        );
        assert_eq!(
            site_outlet("World News | The Baltic Courier").as_deref(),
            Some("The Baltic Courier")
        );
        assert!(!looks_like_site_name(
            "US Envoy Urges North Korea to Improve Relations With South"
        ));
        assert!(!looks_like_site_name(
            "Iran rejects EU proposal on nuclear talks"
        ));
    }
}
