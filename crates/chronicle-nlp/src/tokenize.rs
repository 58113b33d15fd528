//! UD-style tokenization with byte spans.

use chronicle_core::{Span, Token};

use crate::abbrev::is_abbreviation;

/// Characters that always form a token of their own.
fn is_standalone(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '(' | ')' | '[' | ']' | '{' | '}' | '—' | '–' | '…'
    )
}

/// Tokenizes `text`, whose first byte is at `base` in the article; spans are absolute.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some(&(start, c)) = iter.peek() {
        if c.is_whitespace() || c.is_control() {
            iter.next();
            continue;
        }
        if is_standalone(c) {
            iter.next();
            // Runs of dashes are one token ("——").
            let mut end = start + c.len_utf8();
            if c == '—' || c == '–' {
                while let Some(&(i, d)) = iter.peek() {
                    if d != c {
                        break;
                    }
                    end = i + d.len_utf8();
                    iter.next();
                }
            }
            push(&mut out, text, base, start, end);
            continue;
        }
        let mut end = start;
        while let Some(&(i, d)) = iter.peek() {
            if d.is_whitespace() || d.is_control() || is_standalone(d) {
                break;
            }
            end = i + d.len_utf8();
            iter.next();
        }
        split_word(&mut out, text, base, start, end);
    }
    out
}

fn push(out: &mut Vec<Token>, text: &str, base: usize, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let s = &text[start..end];
    out.push(Token {
        text: s.to_owned(),
        span: Span::new(base + start, base + end),
        lemma: s.to_lowercase(),
        ..Default::default()
    });
}

/// Splits one whitespace-delimited chunk (`text[start..end]`) into tokens.
fn split_word(out: &mut Vec<Token>, text: &str, base: usize, mut start: usize, mut end: usize) {
    let word = &text[start..end];
    if is_url_like(word) {
        // Only trailing sentence punctuation comes off a URL.
        let trimmed = word.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        push(out, text, base, start, start + trimmed.len());
        split_word(out, text, base, start + trimmed.len(), end);
        return;
    }

    // Leading punctuation: opening single quotes, backquotes, doubled apostrophes ('').
    let mut leading = Vec::new();
    loop {
        let w = &text[start..end];
        if w.starts_with("''") || w.starts_with("``") {
            leading.push((start, start + 2));
            start += 2;
        } else if let Some(c) = w.chars().next().filter(|&c| matches!(c, '‘' | '\'' | '`')) {
            let rest = &w[c.len_utf8()..];
            if rest.is_empty() || is_clitic(w) || starts_with_decade(rest) {
                break;
            }
            leading.push((start, start + c.len_utf8()));
            start += c.len_utf8();
        } else if let Some(c) = w
            .chars()
            .next()
            .filter(|c| matches!(c, '$' | '£' | '€' | '¥'))
        {
            if w.len() == c.len_utf8() {
                break;
            }
            leading.push((start, start + c.len_utf8()));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    for (s, e) in leading {
        push(out, text, base, s, e);
    }

    // Trailing punctuation, collected in reverse.
    let mut trailing = Vec::new();
    while start < end {
        let w = &text[start..end];
        if w.ends_with("''") && w.len() > 2 {
            trailing.push((end - 2, end));
            end -= 2;
            continue;
        }
        let Some(c) = w.chars().next_back() else {
            break;
        };
        let clen = c.len_utf8();
        match c {
            ',' | ';' | '!' | '?' | ')' | ']' | '%' => {}
            ':' if w.len() > 1 => {}
            '’' | '\'' if w.len() > clen => {}
            '.' => {
                // Ellipsis "..." or "....": one token.
                let dots = w.chars().rev().take_while(|&d| d == '.').count();
                if dots >= 2 {
                    trailing.push((end - dots, end));
                    end -= dots;
                    continue;
                }
                if is_abbreviation(w) || w.len() == 1 {
                    break;
                }
            }
            _ => break,
        }
        if w.len() == clen {
            break;
        }
        trailing.push((end - clen, end));
        end -= clen;
    }

    split_inner(out, text, base, start, end);
    for (s, e) in trailing.into_iter().rev() {
        push(out, text, base, s, e);
    }
}

/// Splits inside a chunk: run-on sentences ("Pyongyang.Kim"), "Report:Next", "a,b", and
/// clitics ("Korea's", "don't").
fn split_inner(out: &mut Vec<Token>, text: &str, base: usize, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let w = &text[start..end];
    if let Some(at) = run_on_boundary(w) {
        split_word(out, text, base, start, start + at);
        push(out, text, base, start + at, start + at + 1);
        split_word(out, text, base, start + at + 1, end);
        return;
    }
    if let Some(at) = inner_separator(w) {
        split_word(out, text, base, start, start + at);
        push(out, text, base, start + at, start + at + 1);
        split_word(out, text, base, start + at + 1, end);
        return;
    }
    let clitic = clitic_start(w);
    push(out, text, base, start, start + clitic);
    push(out, text, base, start + clitic, end);
}

/// Byte index of a '.', '?' or '!' that ends one sentence glued to the next ("talks.The"):
/// a lower-case letter (two or more letters before) then the mark then an upper-case letter.
fn run_on_boundary(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (2..b.len().saturating_sub(1)).find(|&i| {
        matches!(b[i], b'.' | b'?' | b'!')
            && b[i - 1].is_ascii_lowercase()
            && b[i - 2].is_ascii_alphabetic()
            && b[i + 1].is_ascii_uppercase()
            && !w[..i].contains('.')
    })
}

/// A ':' or ',' between letters ("Report:Kim", "Seoul,Tokyo"); digits keep theirs ("4:20",
/// "1,000").
fn inner_separator(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (1..b.len().saturating_sub(1)).find(|&i| {
        matches!(b[i], b':' | b',' | b';')
            && !(b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    })
}

/// Start of a clitic suffix ('s, n't, 're, …) or `w.len()` if there is none.
fn clitic_start(w: &str) -> usize {
    let lower = w.to_lowercase();
    if lower.len() != w.len() {
        return w.len();
    }
    for neg in ["n't", "n’t"] {
        if lower.ends_with(neg) && w.len() > neg.len() {
            return w.len() - neg.len();
        }
    }
    for suffix in [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    ] {
        if lower.ends_with(suffix) && w.len() > suffix.len() {
            return w.len() - suffix.len();
        }
    }
    w.len()
}

fn is_clitic(w: &str) -> bool {
    let lower = w.to_lowercase();
    [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    ]
    .contains(&lower.as_str())
}

fn starts_with_decade(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's'
}

fn is_url_like(w: &str) -> bool {
    w.contains("://") || w.starts_with("www.") || (w.contains('@') && w.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn ud_clitics_and_punctuation() {
        assert_eq!(
            texts("North Korea's leader didn't attend, officials said."),
            [
                "North",
                "Korea",
                "'s",
                "leader",
                "did",
                "n't",
                "attend",
                ",",
                "officials",
                "said",
                "."
            ]
        );
        assert_eq!(texts("won’t"), ["wo", "n’t"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_hyphens() {
        assert_eq!(
            texts("The U.S. sent $1,500 to Kim Jong-un at 4:20 p.m. on Jan. 5."),
            [
                "The", "U.S.", "sent", "$", "1,500", "to", "Kim", "Jong-un", "at", "4:20", "p.m.",
                "on", "Jan.", "5", "."
            ]
        );
    }

    #[test]
    fn splits_quotes_brackets_and_run_ons() {
        assert_eq!(
            texts("more.Report:[Sound bite: Pompeo]\"I raised it today.... \"Next"),
            [
                "more", ".", "Report", ":", "[", "Sound", "bite", ":", "Pompeo", "]", "\"", "I",
                "raised", "it", "today", "....", "\"", "Next"
            ]
        );
        assert_eq!(
            texts("''If they go.''"),
            ["''", "If", "they", "go", ".", "''"]
        );
        assert_eq!(
            texts("the “Christmas present”."),
            ["the", "“", "Christmas", "present", "”", "."]
        );
    }

    #[test]
    fn spans_point_into_the_text_with_offset() {
        let text = "Seoul’s envoy — Lim — left.";
        for t in tokenize(text, 100) {
            assert_eq!(&text[t.span.start - 100..t.span.end - 100], t.text);
        }
    }

    #[test]
    fn urls_stay_whole() {
        assert_eq!(
            texts("see https://example.org/a.html."),
            ["see", "https://example.org/a.html", "."]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "'",
            "''",
            "...",
            "\u{0}\u{7}x",
            "$",
            "'s",
            "Ωμέγα ΑΒΓ。",
            "a.b.c.d.",
            ":,;",
        ] {
            let toks = tokenize(s, 0);
            for t in &toks {
                assert!(!t.text.is_empty());
            }
        }
    }
}
