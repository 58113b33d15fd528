use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into [`crate::Article::text`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers. Panics if the span is out of bounds, which would break the
    /// crate invariant.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets to character (Unicode scalar value) offsets for output, so that
/// users in Python, JavaScript (BMP) or R can slice the text with the numbers we print.
pub struct CharOffsets {
    /// `byte_to_char[b]` for every char boundary `b` (other entries are unspecified).
    byte_to_char: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, _) in text.char_indices() {
            byte_to_char[b] = n;
            n += 1;
        }
        byte_to_char[text.len()] = n;
        CharOffsets { byte_to_char }
    }

    pub fn char_offset(&self, byte: usize) -> usize {
        self.byte_to_char[byte] as usize
    }

    /// `[start, end]` in characters.
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let text = "North Korea’s test — “no”.";
        let offs = CharOffsets::new(text);
        let start = text.find("test").unwrap();
        let span = Span::new(start, start + 4);
        let [s, e] = offs.span(span);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[s..e].iter().collect::<String>(), "test");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            crate::html_escape("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        assert!(a.overlaps(b));
        assert!(!a.contains(b));
        assert_eq!(a.cover(b), Span::new(0, 15));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 6)));
    }
}
