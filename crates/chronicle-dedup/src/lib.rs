//! Near-duplicate detection for articles: MinHash over word 5-shingles, with LSH band keys
//! so that a store can find candidates by index lookup instead of comparing every article.
//!
//! ```
//! use chronicle_dedup::Signature;
//! let a = Signature::of_text("Ministers from both countries met in Geneva on Monday to discuss a ceasefire along the border.");
//! let b = Signature::of_text("Ministers from both countries met in Geneva on Monday to discuss a ceasefire along the border. (Reporting by A. Writer)");
//! let (a, b) = (a.unwrap(), b.unwrap());
//! assert!(a.similarity(&b) > 0.5);
//! assert!(a.band_keys().iter().zip(b.band_keys()).any(|(x, y)| *x == y));
//! ```
//!
//! Everything here is deterministic (fixed seeds, our own hash functions) so signatures stored
//! in a database stay comparable across runs, platforms and versions of Rust.

/// Words per shingle: long enough that two different stories on one topic share few shingles,
/// short enough that a small edit only disturbs a few.
pub const SHINGLE_WORDS: usize = 5;
/// LSH bands and rows per band. With 20 × 6 the chance that a pair becomes a candidate is
/// 99.8% at Jaccard 0.8, 27% at 0.5 and 1.5% at 0.3 (`1 - (1 - J^6)^20`); candidates are
/// then checked against the full signature.
pub const BANDS: usize = 20;
pub const ROWS_PER_BAND: usize = 6;
/// Number of MinHash functions.
pub const NUM_HASHES: usize = BANDS * ROWS_PER_BAND;
/// Estimated Jaccard similarity at or above which two articles are near-duplicates.
pub const DUPLICATE_THRESHOLD: f32 = 0.8;
/// A trimmed copy (outlets cut wire stories from the bottom and change bylines) falls below
/// the Jaccard threshold on short stories; it is still a near-duplicate when this share of the
/// shorter text's shingles is in the longer one and the Jaccard similarity is at least
/// [`TRIMMED_JACCARD_FLOOR`].
pub const TRIMMED_CONTAINMENT: f32 = 0.9;
pub const TRIMMED_JACCARD_FLOOR: f32 = 0.6;

/// The MinHash signature of one text: for each of [`NUM_HASHES`] hash functions, the
/// smallest hash over the text's shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: Vec<u32>,
    /// Number of distinct shingles, for containment estimates.
    shingles: u32,
}

/// Why stored signature bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSignature {
    pub len: usize,
}

impl std::fmt::Display for BadSignature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a MinHash signature has {} bytes, not {}",
            SIGNATURE_BYTES, self.len
        )
    }
}

impl std::error::Error for BadSignature {}

impl Signature {
    /// The signature of `text`, or `None` when it has no words.
    pub fn of_text(text: &str) -> Option<Signature> {
        let words: Vec<u64> = words(text).map(|w| word_hash(&w)).collect();
        if words.is_empty() {
            return None;
        }
        let mut mins = vec![u32::MAX; NUM_HASHES];
        // A text shorter than one shingle is a single shingle of all its words.
        let width = SHINGLE_WORDS.min(words.len());
        let mut shingles: Vec<u64> = words
            .windows(width)
            .map(|window| window.iter().fold(0u64, |h, &w| fmix64(h ^ w)))
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        for &shingle in &shingles {
            for (i, min) in mins.iter_mut().enumerate() {
                let h = (fmix64(shingle ^ SEEDS[i]) >> 32) as u32;
                if h < *min {
                    *min = h;
                }
            }
        }
        Some(Signature {
            mins,
            shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
        })
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
    pub fn similarity(&self, other: &Signature) -> f32 {
        let equal = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        equal as f32 / NUM_HASHES as f32
    }

    /// Estimated share of the smaller text's shingles that occur in the other text, from the
    /// Jaccard estimate and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
    pub fn containment(&self, other: &Signature) -> f32 {
        let j = self.similarity(other);
        let (a, b) = (self.shingles as f32, other.shingles as f32);
        let smaller = a.min(b);
        if smaller == 0.0 {
            return 0.0;
        }
        (j * (a + b) / (1.0 + j) / smaller).min(1.0)
    }

    /// Whether the two texts are near-duplicates: Jaccard similarity at least
    /// [`DUPLICATE_THRESHOLD`], or a trimmed copy (see [`TRIMMED_CONTAINMENT`]).
    pub fn is_near_duplicate(&self, other: &Signature) -> bool {
        let j = self.similarity(other);
        j >= DUPLICATE_THRESHOLD
            || (j >= TRIMMED_JACCARD_FLOOR && self.containment(other) >= TRIMMED_CONTAINMENT)
    }

    /// One key per LSH band: texts sharing any key are candidates. Keys of different bands
    /// never collide by construction of the hash input (the band number is mixed in).
    pub fn band_keys(&self) -> Vec<i64> {
        self.mins
            .chunks(ROWS_PER_BAND)
            .enumerate()
            .map(|(band, rows)| {
                let h = rows
                    .iter()
                    .fold(fmix64(band as u64 + 1), |h, &v| fmix64(h ^ u64::from(v)));
                h as i64
            })
            .collect()
    }

    /// Little-endian bytes, for storage: the minima, then the shingle count.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins
            .iter()
            .chain([&self.shingles])
            .flat_map(|m| m.to_le_bytes())
            .collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, BadSignature> {
        if bytes.len() != SIGNATURE_BYTES {
            return Err(BadSignature { len: bytes.len() });
        }
        let mut values: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let shingles = values.pop().unwrap_or_default();
        Ok(Signature {
            mins: values,
            shingles,
        })
    }
}

/// Stored size of a signature.
const SIGNATURE_BYTES: usize = (NUM_HASHES + 1) * 4;

/// Lower-cased runs of letters and digits: punctuation, quote styles and spacing do not
/// matter, so typographic differences between outlets do not break shingles.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// FNV-1a, then a finaliser: stable across platforms (unlike `std`'s `DefaultHasher`).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix64(h)
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
const fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// SplitMix64 step, used once at compile time to derive the hash functions' seeds.
const fn splitmix64(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One fixed seed per hash function. Changing them invalidates stored signatures.
const SEEDS: [u64; NUM_HASHES] = {
    let mut seeds = [0u64; NUM_HASHES];
    let mut i = 0;
    let mut state = 0x6368_726f_6e69_636cu64; // "chronicl"
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        seeds[i] = splitmix64(state);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_punctuation_only_texts_have_no_signature() {
        assert!(Signature::of_text("").is_none());
        assert!(Signature::of_text(" — … «» \n\t").is_none());
        assert!(Signature::of_text("Kyiv").is_some());
    }

    #[test]
    fn bytes_round_trip_and_bad_lengths_are_errors() {
        let s = Signature::of_text("Talks resumed in Doha on Tuesday.").unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()).unwrap(), s);
        assert_eq!(
            Signature::from_bytes(&[1, 2, 3]),
            Err(BadSignature { len: 3 })
        );
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        // 100 distinct words; the second text replaces the last 20 of them.
        let a: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let mut b = a.clone();
        for (i, w) in b.iter_mut().enumerate().skip(80) {
            *w = format!("x{i}");
        }
        // Shingles: 96 each; shared are those entirely inside the first 80 words: 76.
        let truth = 76.0 / (96.0 + 96.0 - 76.0);
        let sa = Signature::of_text(&a.join(" ")).unwrap();
        let sb = Signature::of_text(&b.join(" ")).unwrap();
        let est = sa.similarity(&sb);
        assert!((est - truth).abs() < 0.12, "estimate {est}, truth {truth}");
    }

    #[test]
    fn case_and_punctuation_do_not_change_the_signature() {
        let a = Signature::of_text("The U.N. envoy said: \"talks will resume\".").unwrap();
        let b = Signature::of_text("the U.N. envoy said — 'Talks will resume'").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.band_keys(), b.band_keys());
    }

    #[test]
    fn band_keys_differ_per_band_and_text() {
        let a = Signature::of_text("Seoul and Tokyo agreed to share intelligence.").unwrap();
        let b = Signature::of_text("Nairobi hosted a regional summit on drought relief.").unwrap();
        let ka = a.band_keys();
        assert_eq!(ka.len(), BANDS);
        let distinct: std::collections::HashSet<_> = ka.iter().collect();
        assert_eq!(distinct.len(), BANDS);
        assert!(ka.iter().zip(b.band_keys()).all(|(x, y)| *x != y));
        assert!(a.similarity(&b) < 0.1);
    }

    #[test]
    fn a_trimmed_copy_is_a_near_duplicate_but_a_short_excerpt_is_not() {
        let words: Vec<String> = (0..150).map(|i| format!("w{i}")).collect();
        let full = Signature::of_text(&words.join(" ")).unwrap();
        // The last quarter cut: Jaccard about 0.74, the copy wholly inside the original.
        let trimmed = Signature::of_text(&words[..112].join(" ")).unwrap();
        assert!(full.similarity(&trimmed) < DUPLICATE_THRESHOLD);
        assert!(full.containment(&trimmed) > 0.9);
        assert!(full.is_near_duplicate(&trimmed));
        // A third of the story is a different article that quotes it.
        let excerpt = Signature::of_text(&words[..50].join(" ")).unwrap();
        assert!(!full.is_near_duplicate(&excerpt));
    }

    #[test]
    fn non_latin_text_is_shingled() {
        let a = Signature::of_text(
            "Президент России провёл переговоры с премьер-министром Индии в Москве",
        )
        .unwrap();
        let b = Signature::of_text(
            "Президент России провёл переговоры с премьер-министром Индии в Москве.",
        )
        .unwrap();
        let c = Signature::of_text("中国外交部发言人在北京表示 双方 将 继续 对话").unwrap();
        assert_eq!(a.similarity(&b), 1.0);
        assert!(a.similarity(&c) < 0.1);
    }
}
