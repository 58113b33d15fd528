//! Pairs quotation marks into quoted regions in one pass over the text.
//!
//! Quotes are bounded by their paragraph (a line of the cleaned text) unless the English
//! multi-paragraph convention applies: a paragraph that opens a quote without closing it,
//! followed by a paragraph that starts with an opening mark, continues the same quote.
//! Straight marks (`"`, `''`) alternate; curly ones say which side they are on, but a
//! misused mark is accepted from its context. Single quotes are nested quotations or
//! apostrophes and never delimit a region.

use chronicle_core::Span;

/// Longest content kept for one quote; longer quotes are cut (and flagged) so that a
/// runaway mark cannot make a quote swallow the article.
pub const MAX_QUOTE_BYTES: usize = 8_000;
/// Most paragraphs one quote may span under the multi-paragraph convention.
pub const MAX_QUOTE_PARAGRAPHS: usize = 12;

/// A quotation delimited by marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRegion {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote was never closed and runs to the end of its
    /// paragraph.
    pub close: Option<Span>,
    /// The quoted text without marks, one piece per paragraph, trimmed.
    pub fragments: Vec<Span>,
    /// True when the content was cut at [`MAX_QUOTE_BYTES`].
    pub truncated: bool,
}

impl QuoteRegion {
    /// The span from the first to the last quoted character.
    pub fn content(&self) -> Span {
        let first = self.fragments[0];
        let last = self.fragments[self.fragments.len() - 1];
        first.cover(last)
    }

    /// Where the region ends: after its closing mark, else after its content.
    pub fn end(&self) -> usize {
        self.close.map_or(self.content().end, |c| c.end)
    }

    /// Does the region (marks included) contain byte `pos`?
    pub fn covers(&self, pos: usize) -> bool {
        self.open.start <= pos && pos < self.end()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    shape: Shape,
    /// Text follows the mark directly ("“We", `"...with`).
    open_like: bool,
    /// Text precedes the mark directly (`ready,"`).
    close_like: bool,
}

impl Mark {
    fn can_open(&self) -> bool {
        match self.shape {
            Shape::Open => true,
            Shape::Either => self.open_like,
            Shape::Close => self.open_like && !self.close_like,
        }
    }

    /// An opening curly mark that only makes sense as a closer ("ready“ he").
    fn misused_opener(&self) -> bool {
        self.shape == Shape::Open && self.close_like && !self.open_like
    }
}

/// Finds all quoted regions of `text`, in text order.
pub fn find_regions(text: &str) -> Vec<QuoteRegion> {
    let lines = paragraph_lines(text);
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    for (li, &line) in lines.iter().enumerate() {
        let marks = marks_in(text, line);
        let mut rest = &marks[..];
        if let Some(mut b) = current.take() {
            // The lookahead saw a re-opening mark at the start of this line; if the pairing
            // pass does not count it as a mark, the quote ends with the previous paragraph.
            let first = line.start + (line.len() - text[line.start..line.end].trim_start().len());
            match rest.first() {
                Some(m) if m.span.start == first => {
                    b.segment_start = m.span.end;
                    b.paragraphs += 1;
                    rest = &rest[1..];
                    current = Some(b);
                }
                _ => out.extend(b.finish(text, None)),
            }
        }
        for mark in rest {
            match current.as_mut() {
                None => {
                    if mark.can_open() {
                        current = Some(Builder::new(mark.span));
                    }
                }
                Some(b) => {
                    if mark.shape == Shape::Open && !mark.misused_opener() {
                        // A second opener: the first one was stray. Restart here.
                        current = Some(Builder::new(mark.span));
                    } else {
                        b.push_fragment(text, mark.span.start);
                        out.extend(b.finish(text, Some(mark.span)));
                        current = None;
                    }
                }
            }
        }
        if let Some(b) = current.as_mut() {
            b.push_fragment(text, line.end);
            let continues = b.paragraphs < MAX_QUOTE_PARAGRAPHS
                && !b.truncated
                && lines
                    .get(li + 1)
                    .is_some_and(|&next| starts_with_opener(text, next));
            if !continues {
                out.extend(b.finish(text, None));
                current = None;
            }
        }
    }
    out
}

/// Builds one region while its marks are being paired.
struct Builder {
    open: Span,
    segment_start: usize,
    fragments: Vec<Span>,
    bytes: usize,
    paragraphs: usize,
    truncated: bool,
}

impl Builder {
    fn new(open: Span) -> Self {
        Builder {
            open,
            segment_start: open.end,
            fragments: Vec::new(),
            bytes: 0,
            paragraphs: 1,
            truncated: false,
        }
    }

    /// Adds the text from the segment start to `end` as a content fragment, within the cap.
    fn push_fragment(&mut self, text: &str, end: usize) {
        let start = self.segment_start;
        if start >= end || self.truncated {
            return;
        }
        let (s, e) = trim(text, start, end);
        if s >= e {
            return;
        }
        let room = MAX_QUOTE_BYTES.saturating_sub(self.bytes);
        let mut e2 = e;
        if e - s > room {
            e2 = floor_char_boundary(text, s + room);
            // Prefer to cut after a sentence end inside the allowance.
            if let Some(p) = text[s..e2].rfind(['.', '!', '?']) {
                if p > 0 {
                    e2 = s + p + 1;
                }
            }
            self.truncated = true;
        }
        if e2 > s {
            self.fragments.push(Span::new(s, e2));
            self.bytes += e2 - s;
        }
        self.segment_start = end;
    }

    fn finish(&mut self, text: &str, close: Option<Span>) -> Option<QuoteRegion> {
        // A comma before the closing mark stands in for the sentence's period ("ready," he
        // said): it belongs to the sentence, not to the quote.
        if let Some(last) = self.fragments.last_mut() {
            let trimmed = text[last.start..last.end].trim_end_matches([',', ' ']);
            last.end = last.start + trimmed.len();
            if last.is_empty() {
                self.fragments.pop();
            }
        }
        if self.fragments.is_empty() {
            return None;
        }
        Some(QuoteRegion {
            open: self.open,
            close,
            fragments: std::mem::take(&mut self.fragments),
            truncated: self.truncated,
        })
    }
}

/// Non-blank lines as spans (without their line break).
fn paragraph_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            lines.push(Span::new(start, start + content.len()));
        }
    }
    lines
}

fn starts_with_opener(text: &str, line: Span) -> bool {
    let s = text[line.start..line.end].trim_start();
    s.starts_with(['"', '“', '„', '«', '‘']) || s.starts_with("''") || s.starts_with("``")
}

/// Double quotation marks of one line, with their shape and context.
fn marks_in(text: &str, line: Span) -> Vec<Mark> {
    let s = &text[line.start..line.end];
    let bytes = s.as_bytes();
    let mut marks = Vec::new();
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let (shape, len) = match c {
            '“' | '„' | '«' => (Shape::Open, c.len_utf8()),
            '”' | '»' => (Shape::Close, c.len_utf8()),
            '"' => (Shape::Either, 1),
            '\'' | '`' if bytes.get(i + 1) == Some(&(c as u8)) => {
                // Exactly two: `''` is a double quote, `'''` is not.
                if bytes.get(i + 2) == Some(&(c as u8)) || i > 0 && bytes[i - 1] == c as u8 {
                    continue;
                }
                iter.next();
                let shape = if c == '`' { Shape::Open } else { Shape::Either };
                (shape, 2)
            }
            _ => continue,
        };
        let before = s[..i].chars().next_back();
        let mut after = s[i + len..].chars();
        let (a1, a2) = (after.next(), after.next());
        let open_like = a1.is_some_and(|a| {
            !a.is_whitespace()
                && !matches!(a, ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}')
                && (a != '.' || a2 == Some('.'))
        });
        let close_like = before.is_some_and(|b| !b.is_whitespace());
        marks.push(Mark {
            span: Span::new(line.start + i, line.start + i + len),
            shape,
            open_like,
            close_like,
        });
    }
    if marks.is_empty() {
        single_marks(s, line.start)
    } else {
        marks
    }
}

/// British-style ‘…’ quotes, used only in a paragraph without double marks (elsewhere
/// single marks are nested quotes). ’ inside or right after a word is an apostrophe
/// ("Korea’s", "Koreas’ talks") unless a non-letter follows it.
fn single_marks(s: &str, base: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, c) in s.char_indices() {
        let before = s[..i].chars().next_back();
        let after = s[i + c.len_utf8()..].chars().next();
        let shape = match c {
            '‘' if before.is_none_or(|b| b.is_whitespace() || "([—–-\"".contains(b))
                && after.is_some_and(|a| !a.is_whitespace()) =>
            {
                Shape::Open
            }
            '’' if before.is_some_and(|b| !b.is_whitespace())
                && after.is_none_or(|a| !a.is_alphanumeric()) =>
            {
                Shape::Close
            }
            // Straight single quotes in headlines: "Sudan war: 'We ate animal feed', say …".
            '\'' if before.is_none_or(|b| b.is_whitespace() || "([—–-\"".contains(b))
                && after.is_some_and(char::is_alphanumeric) =>
            {
                Shape::Open
            }
            '\'' if before.is_some_and(|b| b.is_alphanumeric() || ".!?".contains(b))
                && after.is_none_or(|a| !a.is_alphanumeric()) =>
            {
                Shape::Close
            }
            _ => continue,
        };
        marks.push(Mark {
            span: Span::new(base + i, base + i + c.len_utf8()),
            shape,
            open_like: shape == Shape::Open,
            close_like: shape == Shape::Close,
        });
    }
    // Without any opener, closers are apostrophes ("the Koreas’ talks").
    if marks.iter().all(|m| m.shape == Shape::Close) {
        marks.clear();
    }
    marks
}

/// Trims whitespace from `text[start..end]`, returning the new bounds.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    (start + lead, start + lead + trimmed.len())
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<String> {
        find_regions(text)
            .iter()
            .map(|r| {
                r.fragments
                    .iter()
                    .map(|f| f.slice(text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn pairs_straight_curly_and_doubled_apostrophes() {
        let text = "\"We are ready,\" he said. “No,” she replied. ''Enough.'' It’s over.";
        assert_eq!(contents(text), ["We are ready", "No", "Enough."]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "“They called it ‘a provocation’ and left,” the envoy said.";
        assert_eq!(contents(text), ["They called it ‘a provocation’ and left"]);
    }

    #[test]
    fn multi_paragraph_quote_continues_after_reopening_mark() {
        let text = "“First part of the speech.\n\n“Second part,” she said.\n\nAfter.";
        let regions = find_regions(text);
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].fragments.len(), 2);
        assert_eq!(regions[0].fragments[1].slice(text), "Second part");
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "He said \"we will never give up.\n\nThe talks resumed on Monday.";
        let regions = find_regions(text);
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].close, None);
        assert_eq!(regions[0].content().slice(text), "we will never give up.");
    }

    #[test]
    fn stray_inch_mark_does_not_shift_pairing() {
        let text = "A 12\" pipe was found. \"It is ours,\" the army said.";
        assert_eq!(contents(text), ["It is ours"]);
    }

    #[test]
    fn british_single_quotes_when_no_double_marks() {
        let text = "‘We cannot accept the outcome,’ Lammy told MPs. The Koreas’ talks stalled.\n\n\"Yes,\" he said, citing ‘prudence’.";
        assert_eq!(contents(text), ["We cannot accept the outcome", "Yes"]);
    }

    #[test]
    fn straight_single_quotes_in_a_headline() {
        let text = "Gaza truce: 'Both sides are close', says Qatar's PM\n\nSeoul's 'firm' stance. The Koreas' talks.";
        assert_eq!(contents(text), ["Both sides are close", "firm"]);
    }

    #[test]
    fn back_to_back_quotes_alternate() {
        let text = "]\"We hope so... \"\"We will also act... \"The sides met.";
        assert_eq!(contents(text), ["We hope so...", "We will also act..."]);
    }
}
