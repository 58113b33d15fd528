//! Deterministic, platform-independent feature hashing.

use std::hash::{BuildHasherDefault, Hasher};

/// splitmix64 finaliser: a cheap, well-mixing bijection on u64.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a over bytes, then mixed: the hash of a word form or affix.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = StrHasher::new();
    h.write(s.as_bytes());
    h.finish()
}

/// [`hash_str`] fed piece by piece (for strings never built, like word shapes).
pub(crate) struct StrHasher(u64);

impl StrHasher {
    pub(crate) fn new() -> Self {
        StrHasher(0xcbf2_9ce4_8422_2325)
    }

    #[inline]
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// A feature made of a template id and one value.
#[inline]
pub(crate) fn f1(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
pub(crate) fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a) ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

#[inline]
pub(crate) fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(template, a, b) ^ c.wrapping_mul(0x1656_67b1_9e37_79f9))
}

/// Keys are already hashed: use them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
        self.0 = mix(self.0);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdentityBuild = BuildHasherDefault<IdentityHasher>;

/// xorshift64*: the fixed-seed generator used for shuffles and exploration.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(mix(seed) | 1)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
