//! Broadcast transcript markers that name the speaker of the quote that follows:
//! "[Sound bite: Russian Foreign Minister Sergei Lavrov (Russian via interpreter)]".

use chronicle_core::Span;

/// Longest marker we look at; a '[' without a nearby ']' is not a marker.
const MAX_MARKER_BYTES: usize = 300;

const PREFIXES: [&str; 4] = ["sound bite", "soundbite", "sound-bite", "sot"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The whole bracketed marker.
    pub span: Span,
    /// The "Sound bite" words.
    pub cue: Span,
    /// The speaker phrase, without a trailing language note.
    pub speaker: Span,
}

pub(crate) fn find_markers(text: &str) -> Vec<Marker> {
    let mut markers: Vec<Marker> = text
        .match_indices('[')
        .filter_map(|(i, _)| parse_marker(text, i))
        .chain(
            text.match_indices('(')
                .filter_map(|(i, _)| parse_shotlist_marker(text, i)),
        )
        .collect();
    markers.sort_by_key(|m| m.span.start);
    markers
}

/// A video shotlist line: "(SOUNDBITE) (English) U.S. SECRETARY OF STATE, ANTONY BLINKEN,
/// SAYING:" — the speaker runs to ", SAYING:" (or the colon ending the line).
fn parse_shotlist_marker(text: &str, open: usize) -> Option<Marker> {
    let head = "(soundbite)";
    let word = text.get(open..open + head.len())?;
    if !word.eq_ignore_ascii_case(head) {
        return None;
    }
    let cue_word = Span::new(open + 1, open + head.len() - 1);
    let line_end = text[open..]
        .char_indices()
        .take_while(|&(i, _)| i <= MAX_MARKER_BYTES)
        .find(|&(_, c)| c == '\n')
        .map_or((open + MAX_MARKER_BYTES + 1).min(text.len()), |(i, _)| {
            open + i
        });
    let line = text.get(open + head.len()..line_end)?;
    let base = open + head.len();
    // Skip the language notes: "(English)", "(Ukrainian via interpreter)".
    let mut rel = 0;
    loop {
        let rest = &line[rel..];
        let trimmed = rest.trim_start();
        rel += rest.len() - trimmed.len();
        if !trimmed.starts_with('(') {
            break;
        }
        rel += trimmed.find(')')? + 1;
    }
    let colon = rel + line[rel..].find(':')?;
    let mut body = &line[rel..colon];
    let mut cue = cue_word;
    let upper = body.to_uppercase();
    if let Some(p) = upper.rfind("SAYING") {
        if upper[p + "SAYING".len()..].trim().is_empty() {
            cue = Span::new(base + rel + p, base + rel + p + "SAYING".len());
            body = &body[..p];
        }
    }
    let body = body.trim_end().trim_end_matches(',').trim_end();
    let (offset, name) = speaker_of_caption(body);
    if name.is_empty() {
        return None;
    }
    let start = base + rel + offset;
    Some(Marker {
        span: Span::new(open, base + colon + 1),
        cue,
        speaker: Span::new(start, start + name.len()),
    })
}

/// Words naming a role; in an all-capital "ROLE, NAME" caption the other part is the name.
const ROLE_WORDS: &[&str] = &[
    "PRESIDENT",
    "MINISTER",
    "SECRETARY",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "SPOKESPERSON",
    "AMBASSADOR",
    "OFFICIAL",
    "RESIDENT",
    "SOLDIER",
    "CHIEF",
    "HEAD",
    "LEADER",
    "DIRECTOR",
    "COMMANDER",
    "GENERAL",
    "CHAIRMAN",
    "ENVOY",
    "MAYOR",
    "GOVERNOR",
    "PROTESTER",
    "ANALYST",
    "WITNESS",
    "PRIME",
];

/// The speaker part of a caption "NAME, ROLE" / "ROLE, NAME": with mixed case the part
/// that is a name; in capitals the part without a role word. Returns (offset, text).
fn speaker_of_caption(body: &str) -> (usize, &str) {
    let parts: Vec<(usize, &str)> = body
        .split(',')
        .scan(0, |pos, part| {
            let at = *pos;
            *pos += part.len() + 1;
            let lead = part.len() - part.trim_start().len();
            Some((at + lead, part.trim()))
        })
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let Some(&first) = parts.first() else {
        return (0, "");
    };
    if parts.len() == 1 || body.chars().any(char::is_lowercase) {
        return first;
    }
    let has_role = |p: &str| p.split_whitespace().any(|w| ROLE_WORDS.contains(&w));
    parts
        .iter()
        .copied()
        .find(|(_, p)| !has_role(p))
        .unwrap_or(first)
}

fn parse_marker(text: &str, open: usize) -> Option<Marker> {
    let rest = &text[open + 1..];
    // Bounded search: a text full of '[' must stay linear.
    let close = rest
        .char_indices()
        .take_while(|&(i, _)| i <= MAX_MARKER_BYTES)
        .find(|&(_, c)| c == ']')?
        .0;
    let inner = &rest[..close];
    if inner.contains('\n') {
        return None;
    }
    let body = inner.trim_start();
    let base = open + 1 + (inner.len() - body.len());
    let prefix = PREFIXES.iter().find(|p| {
        body.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && !body[p.len()..].starts_with(|c: char| c.is_alphanumeric())
    })?;
    let after = &body[prefix.len()..];
    let name_rel = after.len() - after.trim_start_matches([':', ' ', '-', '—', '–']).len();
    let mut name = &after[name_rel..];
    // "(Russian via interpreter)", "(English)" say how, not who.
    if let Some(p) = name.find('(') {
        name = &name[..p];
    }
    let name = name.trim_end().trim_end_matches([',', ';', ':']).trim_end();
    if name.is_empty() {
        return None;
    }
    let mut start = base + prefix.len() + name_rel;
    // "Lim Soo-suk, Foreign Ministry spokesperson": the name, not its appositive role.
    let name = match name.split_once(',') {
        Some((first, second)) => {
            let second_trimmed = second.trim();
            // A description ends in its lower-case head ("spokesperson"); a place does not.
            let described = first
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_lowercase));
            if described && is_name_like(second_trimmed) {
                start += name.len() - second.trim_start().len();
                second_trimmed
            } else {
                first.trim_end()
            }
        }
        None => name,
    };
    if name.is_empty() {
        return None;
    }
    Some(Marker {
        span: Span::new(open, open + 1 + close + 1),
        cue: Span::new(base, base + prefix.len()),
        speaker: Span::new(start, start + name.len()),
    })
}

/// Capitalised words only ("Lim Soo-suk", "Abdel Fattah al-Burhan").
fn is_name_like(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "bin" | "al" | "de" | "van" | "von" | "da" | "del" | "ibn"
                )
                || w.starts_with("al-")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_speaker_and_drops_language_note() {
        let text = "Report:[Sound bite: Turkish Foreign Minister Hakan Fidan (Turkish via interpreter)]\"We...\"";
        let m = find_markers(text);
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].speaker.slice(text),
            "Turkish Foreign Minister Hakan Fidan"
        );
        assert_eq!(m[0].cue.slice(text), "Sound bite");
    }

    #[test]
    fn keeps_the_name_of_a_name_and_role_pair() {
        for (text, name) in [
            (
                "[Sound bite: Lim Soo-suk, Foreign Ministry spokesperson]",
                "Lim Soo-suk",
            ),
            (
                "[SOT: Foreign Ministry spokesperson, Lim Soo-suk]",
                "Lim Soo-suk",
            ),
            (
                "[Sound bite: a farmer in Kherson, Ukraine]",
                "a farmer in Kherson",
            ),
        ] {
            let m = find_markers(text);
            assert_eq!(m.len(), 1, "{text}");
            assert_eq!(m[0].speaker.slice(text), name, "{text}");
        }
    }

    #[test]
    fn reads_video_shotlist_soundbites() {
        let text = "1. CROWDS\n2. (SOUNDBITE) (English) U.S. SECRETARY OF STATE, ANTONY BLINKEN, SAYING:\n\"We...\"\n3. (SOUNDBITE) (Arabic via interpreter) GAZA RESIDENT UM AHMED, SAYING:\n";
        let m = find_markers(text);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].speaker.slice(text), "ANTONY BLINKEN");
        assert_eq!(m[0].cue.slice(text), "SAYING");
        assert_eq!(m[1].speaker.slice(text), "GAZA RESIDENT UM AHMED");
        assert!(find_markers("(SOUNDBITE) (English) no colon here\n(SOUNDBITE").is_empty());
    }

    #[test]
    fn ignores_other_brackets_and_unclosed_markers() {
        assert!(find_markers("[Photo: AP] [Soundbiteless] [Sound bite: never closed").is_empty());
        assert!(find_markers("[SOUNDBITE]").is_empty());
    }
}
