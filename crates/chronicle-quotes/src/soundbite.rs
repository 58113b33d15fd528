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
    text.match_indices('[')
        .filter_map(|(i, _)| parse_marker(text, i))
        .collect()
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
    fn ignores_other_brackets_and_unclosed_markers() {
        assert!(find_markers("[Photo: AP] [Soundbiteless] [Sound bite: never closed").is_empty());
        assert!(find_markers("[SOUNDBITE]").is_empty());
    }
}
