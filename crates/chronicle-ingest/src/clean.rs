//! Cleaning crawled article text: separates the header (site name, headline, date line) from
//! the story, drops page furniture, and keeps the story's paragraphs with their original
//! characters.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{header_date, parse_field_date, HeaderDate};
use crate::meta;
use crate::noise;

/// What cleaning found: the story text and the metadata stated around it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    /// A publication date from a date line in the header.
    pub date: Option<HeaderDate>,
    /// Paragraphs joined by a blank line.
    pub text: String,
}

/// How many lines from the top may belong to the header.
const MAX_HEADER_LINES: usize = 12;

/// A crawler's own date prefix on the first line: " date 2019-12-11 Photo : …".
static CRAWLER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*date:?\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)(?:\s+|$)")
        .unwrap()
});

/// Newlines normalised to `\n`, a byte-order mark and control characters other than tab and
/// newline removed; everything else kept as it was.
pub fn normalise(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// One non-empty input line and the blank-line-separated block it belongs to.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    block: usize,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut block = 0;
    let mut lines = Vec::new();
    for raw in text.split('\n') {
        let t = raw.trim();
        if t.is_empty() {
            block += 1;
        } else {
            lines.push(Line {
                text: t.to_string(),
                block,
            });
        }
    }
    lines
}

/// Joins hard-wrapped lines (text wrapped at a fixed width) back into paragraphs. A line is a
/// wrapped one when it is nearly as long as the longest line and the next line is in the
/// same block.
fn unwrap_lines(lines: Vec<Line>) -> Vec<Line> {
    let max_len = lines
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    let continued = lines
        .windows(2)
        .filter(|w| w[0].block == w[1].block)
        .count();
    if max_len > 110 || continued * 3 < lines.len() {
        return lines;
    }
    let wrap_width = max_len * 6 / 10;
    let mut out: Vec<Line> = Vec::new();
    let mut joinable = false;
    for line in lines {
        match out.last_mut() {
            Some(prev) if joinable && prev.block == line.block => {
                prev.text.push(' ');
                prev.text.push_str(&line.text);
            }
            _ => out.push(line.clone()),
        }
        // A line ending a sentence may be a paragraph of its own; leaving it unjoined costs
        // nothing, while joining could glue a headline or a separate paragraph on.
        joinable = line.text.chars().count() >= wrap_width && !ends_sentence(&line.text);
    }
    out
}

/// A story paragraph: a sentence-like line long enough not to be a header item.
fn is_story_paragraph(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (words >= 10 && ends_sentence(line)) || words >= 25
}

/// Lines that are never part of the story wherever they appear.
fn is_noise(line: &str) -> bool {
    noise::is_furniture(line)
        || noise::is_tag_line(line)
        || noise::is_photo_credit(line)
        || noise::is_byline(line)
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// The header's findings: title, outlet from a site-name line, date.
#[derive(Default)]
struct Header {
    title: Option<String>,
    site_outlet: Option<String>,
    date: Option<HeaderDate>,
}

/// Reads the header lines and returns what they say and, per line, whether it belongs to the
/// header. `known_title` (from a JSONL field or HTML metadata) is dropped where it is
/// repeated. Sentence-like short lines in the header stay in the story.
fn read_header(lines: &[Line], known_title: Option<&str>) -> (Header, Vec<bool>) {
    let limit = lines.len().min(MAX_HEADER_LINES);
    let end = lines[..limit]
        .iter()
        .position(|l| is_story_paragraph(&l.text) && labelled_field(&l.text).is_none())
        .unwrap_or(limit.min(1));
    let mut header = Header::default();
    let mut candidates: Vec<&str> = Vec::new();
    let mut in_header = vec![false; lines.len()];
    let (mut labelled_title, mut labelled_outlet) = (None, None);
    for (i, line) in lines[..end].iter().enumerate() {
        let text = line.text.as_str();
        if let Some(field) = labelled_field(text) {
            // "Title: …", "Source: Reuters": a crawl export's own header fields.
            match field {
                LabelledField::Title(t) => labelled_title = Some(t),
                LabelledField::Outlet(o) => labelled_outlet = Some(o),
                LabelledField::Other => {}
            }
            if let Some(d) = header_date(text) {
                header.date.get_or_insert(d);
            }
            in_header[i] = true;
        } else if known_title.is_some_and(|t| same_text(t, text)) || is_noise(text) {
            in_header[i] = true;
        } else if let Some(d) = header_date(text) {
            // A publication date beats an "Updated" one.
            if header.date.is_none_or(|old| old.updated && !d.updated) {
                header.date = Some(d);
            }
            in_header[i] = true;
        } else if meta::looks_like_headline(text) {
            candidates.push(text);
            in_header[i] = true;
        }
    }
    pick_title(&candidates, known_title, &mut header);
    if known_title.is_none() {
        header.title = labelled_title.map(str::to_string).or(header.title.take());
    }
    header.site_outlet = labelled_outlet
        .map(str::to_string)
        .or(header.site_outlet.take());
    // Some pages put the date line under a one-paragraph standfirst: still the header when
    // the story continues after it (a date at the end of a story is no header).
    let mut story_seen = 0;
    for (i, line) in lines.iter().enumerate().take(limit).skip(end) {
        if is_story_paragraph(&line.text) {
            story_seen += 1;
            if story_seen > 1 {
                break;
            }
        } else if i + 1 == lines.len() {
            break;
        } else if let Some(d) = header_date(&line.text) {
            header.date.get_or_insert(d);
            in_header[i] = true;
        }
    }
    (header, in_header)
}

/// A labelled header line of a crawl export.
enum LabelledField<'a> {
    Title(&'a str),
    Outlet(&'a str),
    /// Date, URL, author: header lines whose value is read elsewhere or not needed.
    Other,
}

/// "Title: …", "Source: Reuters", "Date: 2024-01-12", "URL: …": a header field line.
fn labelled_field(line: &str) -> Option<LabelledField<'_>> {
    let (label, value) = line.split_once(':')?;
    let value = value.trim();
    // A field holds a name or a headline, not a sentence ("Source: the ministry said …").
    let words = value.split_whitespace().count();
    if value.is_empty() || value.ends_with('.') || words > 30 {
        return None;
    }
    match label.trim().to_lowercase().as_str() {
        "title" | "headline" => Some(LabelledField::Title(value)),
        "source" | "outlet" | "publisher" | "site" if words <= 6 => {
            Some(LabelledField::Outlet(value))
        }
        "date" | "published" | "publication date" | "url" | "link" | "author" | "byline" => {
            Some(LabelledField::Other)
        }
        _ => None,
    }
}

/// A one- or two-word all-caps section label above a headline ("WORLD", "ASIA PACIFIC").
fn is_kicker(line: &str) -> bool {
    line.split_whitespace().count() <= 2 && noise::is_caps_heading(line)
}

/// The repeated headline, else the first headline-like line of four words or more (bylines
/// and labels are shorter) that is not a site name or a line split by separators, else the
/// first shorter one. Lines other than the title that name the site give the outlet.
fn pick_title(candidates: &[&str], known_title: Option<&str>, header: &mut Header) {
    let repeated = candidates
        .iter()
        .enumerate()
        .find(|(i, c)| candidates[i + 1..].iter().any(|o| same_text(c, o)))
        .map(|(_, c)| *c);
    let plain: Vec<&str> = candidates
        .iter()
        .filter(|c| !meta::looks_like_site_name(c) && !is_kicker(c) && !meta::has_separators(c))
        .copied()
        .collect();
    let title = match (known_title, repeated) {
        (Some(_), _) => None,
        (None, Some(t)) => Some(t),
        (None, None) => plain
            .iter()
            .find(|c| c.split_whitespace().count() >= 4)
            .or(plain.first())
            .copied(),
    };
    header.title = title.map(str::to_string);
    // Lines above the title are site furniture; one of them may name the outlet.
    let title_at = title.and_then(|t| candidates.iter().position(|c| same_text(t, c)));
    header.site_outlet = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            title.is_none_or(|t| !same_text(t, c))
                && (meta::looks_like_site_name(c) || title_at.is_some_and(|at| *i < at))
        })
        .find_map(|(_, c)| meta::site_outlet(c));
}

/// Cleans crawled article text. `known_title` is a title given by the input's metadata.
pub fn clean_text(raw: &str, known_title: Option<&str>) -> Cleaned {
    let mut text = normalise(raw);
    let mut crawler_date = None;
    if let Some(c) = CRAWLER_DATE.captures(&text) {
        crawler_date = parse_field_date(&c[1]).map(|date| HeaderDate {
            date,
            updated: false,
        });
        text = text[c.get(0).map_or(0, |m| m.end())..].to_string();
    }
    let lines = unwrap_lines(split_lines(&text));
    let (header, in_header) = if lines.is_empty() {
        (Header::default(), Vec::new())
    } else {
        read_header(&lines, known_title)
    };
    let title = known_title.map(str::to_string).or(header.title.clone());
    let story: Vec<&Line> = lines
        .iter()
        .zip(&in_header)
        .filter(|(_, &h)| !h)
        .map(|(l, _)| l)
        .collect();
    let mut paragraphs = story_paragraphs(&story, title.as_deref());

    let mut cleaned = Cleaned {
        title: header.title,
        date: crawler_date.or(header.date),
        ..Default::default()
    };
    // The dateline opens the story, but a byline or an "Updated …" line the cleaning kept may
    // come before it.
    let lede = paragraphs
        .iter()
        .take(3)
        .enumerate()
        .find_map(|(k, p)| meta::dateline(p).map(|d| (k, d)))
        .filter(|&(k, _)| {
            paragraphs[..k]
                .iter()
                .all(|p| p.split_whitespace().count() <= 12)
        });
    if let Some((k, d)) = lede {
        let first = &mut paragraphs[k];
        *first = first[d.len..].to_string();
        cleaned.dateline = Some(d.place).filter(|p| !p.is_empty());
        cleaned.outlet = d.outlet;
    }
    if let Some(outlet) = strip_sign_off(&mut paragraphs) {
        cleaned.outlet.get_or_insert(outlet);
    }
    if cleaned.outlet.is_none() {
        cleaned.outlet = header.site_outlet;
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    cleaned.text = paragraphs.join("\n\n");
    cleaned
}

/// A line that ends like a sentence (or a quotation closing one).
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '”', '’', '\'', ')', '…', ']', '。', '！', '？', '」', '』', '»', '؟',
        '।',
    ])
}

/// The story lines without furniture, headings, repeated titles, link lists or broadcast
/// labels.
fn story_paragraphs(lines: &[&Line], title: Option<&str>) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut in_link_list = false;
    for line in lines {
        let text = line.text.as_str();
        if noise::is_link_list_heading(text) {
            in_link_list = true;
            continue;
        }
        // Link lists are headline-like lines; the first story paragraph ends them.
        if in_link_list && !is_story_paragraph(text) {
            continue;
        }
        in_link_list = false;
        // Date-only lines in the story are page furniture too; their dates are not used.
        if is_noise(text)
            || noise::is_caps_heading(text)
            || is_menu_item(text)
            || header_date(text).is_some()
            || title.is_some_and(|t| same_text(t, text))
        {
            continue;
        }
        let text = meta::strip_broadcast_label(text);
        let text = noise::INLINE_PHOTO_CREDIT.replace_all(text, "");
        for segment in meta::split_broadcast_segments(&text) {
            // Crawlers sometimes repeat a paragraph verbatim.
            if paragraphs.last().is_some_and(|p| same_text(p, &segment)) {
                continue;
            }
            paragraphs.push(segment);
        }
    }
    drop_trailing_headlines(&mut paragraphs);
    paragraphs
}

/// A line of one to three words that ends no sentence: a menu entry, label or button.
fn is_menu_item(line: &str) -> bool {
    line.split_whitespace().count() <= 3 && !ends_sentence(line)
}

/// Headline-like lines after the last sentence are links to other stories.
fn drop_trailing_headlines(paragraphs: &mut Vec<String>) {
    while paragraphs.len() > 1
        && paragraphs
            .last()
            .is_some_and(|p| !ends_sentence(p) && meta::looks_like_headline(p))
    {
        paragraphs.pop();
    }
}

/// Removes a reporter's sign-off from the last paragraph and returns the outlet it names.
fn strip_sign_off(paragraphs: &mut Vec<String>) -> Option<String> {
    let last = paragraphs.last_mut()?;
    let (start, outlet) = meta::sign_off(last)?;
    last.truncate(start);
    let trimmed_len = last.trim_end().len();
    last.truncate(trimmed_len);
    if last.is_empty() {
        paragraphs.pop();
    }
    Some(outlet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn normalise_keeps_characters_but_unifies_newlines() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc\u{7}d “q”"), "a\nb\ncd “q”");
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let text = "Pakistan's foreign ministry summoned India's deputy high\ncommissioner in Islamabad on Sunday to protest what it called\nunprovoked firing.\n\nIndia denied the charge.";
        let c = clean_text(text, None);
        assert_eq!(
            c.text,
            "Pakistan's foreign ministry summoned India's deputy high commissioner in Islamabad on Sunday to protest what it called unprovoked firing.\n\nIndia denied the charge."
        );
    }

    #[test]
    fn labelled_header_fields_are_read_not_kept() {
        let c = clean_text(
            "Title: US, UK strike Houthi targets in Yemen; Iran condemns 'violation'\nSource: Al Arabiya\nDate: 2024-01-12\n\nThe United States and Britain struck more than 60 Houthi targets in Yemen overnight, the Pentagon said on Friday.",
            None,
        );
        assert_eq!(
            c.title.as_deref(),
            Some("US, UK strike Houthi targets in Yemen; Iran condemns 'violation'")
        );
        assert_eq!(c.outlet.as_deref(), Some("Al Arabiya"));
        assert_eq!(c.date.map(|d| d.date), NaiveDate::from_ymd_opt(2024, 1, 12));
        assert!(c.text.starts_with("The United States and Britain struck"));
        // A story sentence with a colon is no header field.
        let c = clean_text(
            "Source: the ministry said the talks would resume.\n\nThe talks resumed in Doha on Monday after a pause of three weeks, officials said.",
            None,
        );
        assert!(c.text.starts_with("Source: the ministry"));
    }

    #[test]
    fn crawler_date_prefix_and_trailing_credit() {
        let c = clean_text(
            " date 2023-04-02 Photo : Kyodo News\n\nJapan protested on Sunday after China's coast guard entered waters near the disputed islands, the ministry said.",
            None,
        );
        assert_eq!(c.date.map(|d| d.date), NaiveDate::from_ymd_opt(2023, 4, 2));
        assert!(c.text.starts_with("Japan protested"));
        assert!(!c.text.contains("Kyodo"));
    }

    #[test]
    fn empty_and_noise_only_texts_have_no_story() {
        assert_eq!(clean_text("", None).text, "");
        assert_eq!(
            clean_text("Loading...\n\nShare this\n\nEditor Picks", None).text,
            ""
        );
    }
}
