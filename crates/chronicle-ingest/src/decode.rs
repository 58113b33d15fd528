//! Bytes to text, rejecting binary data and invalid UTF-8 with a precise reason.

use crate::error::Reason;

/// How many leading bytes decide whether an input is binary.
const SNIFF_BYTES: usize = 8192;

/// Rejects NUL bytes anywhere in the sniffed prefix and prefixes that are mostly control bytes.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), Reason> {
    // UTF-16 text is full of NUL bytes; say what it is so the user can convert it.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Reason::Binary("UTF-16 text; convert it to UTF-8"));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(Reason::Binary("contains NUL bytes"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 10 > head.len() {
        return Err(Reason::Binary("mostly non-text bytes"));
    }
    Ok(())
}

/// The bytes as UTF-8 text; `base_offset` is added to the reported offset of a bad byte so
/// that it points into the whole input.
pub fn decode_utf8(bytes: &[u8], base_offset: usize) -> Result<&str, Reason> {
    std::str::from_utf8(bytes).map_err(|e| Reason::InvalidUtf8(base_offset + e.valid_up_to()))
}

/// Whole-input decoding for text and HTML: not empty, not binary, valid UTF-8.
pub fn decode_document(bytes: &[u8]) -> Result<&str, Reason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Reason::Empty);
    }
    check_not_binary(bytes)?;
    if bytes.contains(&0) {
        return Err(Reason::Binary("contains NUL bytes"));
    }
    decode_utf8(bytes, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_empty_and_bad_utf8() {
        assert!(matches!(decode_document(b""), Err(Reason::Empty)));
        assert!(matches!(decode_document(b" \n\t\n"), Err(Reason::Empty)));
        assert!(matches!(
            decode_document(b"PK\x03\x04\0\0abc"),
            Err(Reason::Binary(_))
        ));
        let noisy: Vec<u8> = (0..200u8).map(|i| i % 8 + 1).collect();
        assert!(matches!(decode_document(&noisy), Err(Reason::Binary(_))));
        assert!(matches!(
            decode_document(b"\xff\xfeS\0e\0o\0u\0l\0"),
            Err(Reason::Binary("UTF-16 text; convert it to UTF-8"))
        ));
        let mut late_nul = vec![b'a'; 10_000];
        late_nul.push(0);
        assert!(matches!(decode_document(&late_nul), Err(Reason::Binary(_))));
        match decode_document(b"Seoul said \xff no") {
            Err(Reason::InvalidUtf8(offset)) => assert_eq!(offset, 11),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            decode_document("Kyiv – Київ".as_bytes()).unwrap(),
            "Kyiv – Київ"
        );
    }
}
