//! Averaged multi-class perceptron over hashed sparse features: a sparse trainer and a
//! compact, frozen scorer used at run time.

use std::collections::HashMap;

use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::IdentityBuild;

/// One class weight of one feature during training. The average is `w - u / step`
/// (Daumé's lazy averaging trick).
#[derive(Clone, Copy)]
struct TrainEntry {
    class: u16,
    w: f32,
    u: f64,
}

pub(crate) struct Trainer {
    n_classes: usize,
    weights: HashMap<u64, Vec<TrainEntry>, IdentityBuild>,
    /// Number of training instances seen so far, from 1.
    step: f64,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            weights: HashMap::default(),
            step: 1.0,
        }
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(entries) = self.weights.get(f) {
                for e in entries {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Moves weight from `guess` to `truth` for every feature.
    pub(crate) fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        self.add_moves(features, &[(truth, 1.0), (guess, -1.0)]);
    }

    /// Adds `delta` to the weight of `class` for every feature (structured updates move
    /// weight along whole move sequences, not one decision).
    pub(crate) fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        self.add_moves(features, &[(class, delta)]);
    }

    /// Adds each `(class, delta)` to every feature's weights, with one table lookup per
    /// feature, and keeps the running sums the averaging needs.
    fn add_moves(&mut self, features: &[u64], moves: &[(usize, f32)]) {
        let step = self.step;
        for &f in features {
            let entries = self.weights.entry(f).or_default();
            for &(class, delta) in moves {
                let class = class as u16;
                match entries.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.w += delta;
                        e.u += step * f64::from(delta);
                    }
                    None => entries.push(TrainEntry {
                        class,
                        w: delta,
                        u: step * f64::from(delta),
                    }),
                }
            }
        }
    }

    /// Marks the end of one training instance.
    pub(crate) fn tick(&mut self) {
        self.step += 1.0;
    }

    /// Averages, drops weights with |w| below `min_abs`, and freezes.
    pub(crate) fn finish(&self, min_abs: f32) -> Weights {
        let mut features: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.weights.len());
        let mut merged: HashMap<u32, Vec<(u16, f32)>, IdentityBuild> = HashMap::default();
        for (&key, entries) in &self.weights {
            let slot = merged.entry(fold_key(key)).or_default();
            for e in entries {
                let avg = (f64::from(e.w) - e.u / self.step) as f32;
                match slot.iter_mut().find(|(c, _)| *c == e.class) {
                    Some((_, w)) => *w += avg,
                    None => slot.push((e.class, avg)),
                }
            }
        }
        for (key, mut entries) in merged {
            entries.retain(|(_, w)| w.abs() >= min_abs);
            if !entries.is_empty() {
                entries.sort_by_key(|(c, _)| *c);
                features.push((key, entries));
            }
        }
        features.sort_by_key(|(k, _)| *k);
        Weights::from_sorted(self.n_classes, features)
    }
}

/// Frozen models key features by 32 bits: collisions among a few million features are rare
/// and harmless, and sorted 32-bit keys delta-encode to about two bytes.
#[inline]
pub(crate) fn fold_key(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}

/// Class marking an unused inline entry (and, in the first position, a free slot).
const UNUSED: u16 = u16::MAX;
/// Class marking a feature whose entries spill to `Weights::spill`.
const SPILLED: u16 = u16::MAX - 1;
/// Class marking a feature with a dense row in `Weights::dense` (features with weights
/// for at least a fifth of the classes: the blocked, vectorised add of a whole row beats
/// that many scattered adds; a third was slower by about 4%).
const DENSE: u16 = u16::MAX - 2;
/// Entries stored inside the slot itself: most features have at most this many.
const INLINE: usize = 3;

/// One class weight, quantised: the real weight is `value * scale`. Argmax does not need
/// the scale, so scoring adds the raw integers.
#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    value: i16,
}

const NO_ENTRY: Entry = Entry {
    class: UNUSED,
    value: 0,
};

/// A 16-byte table slot: the key and up to three weights, so that most lookups touch one
/// cache line. Larger features keep `[SPILLED, start, len]` here instead.
#[derive(Clone, Copy)]
#[repr(align(16))]
struct Slot {
    key: u32,
    entries: [Entry; INLINE],
}

const FREE: Slot = Slot {
    key: 0,
    entries: [NO_ENTRY; INLINE],
};

impl Slot {
    fn is_free(&self) -> bool {
        self.entries[0].class == UNUSED
    }

    /// `(start, len)` in the spill array when the feature spilled.
    fn spilled(&self) -> Option<(usize, usize)> {
        (self.entries[0].class == SPILLED).then(|| (self.start(), self.entries[2].class as usize))
    }

    /// Start of the row in the dense array for dense features.
    fn dense(&self) -> Option<usize> {
        (self.entries[0].class == DENSE).then(|| self.start())
    }

    fn start(&self) -> usize {
        let e = &self.entries;
        (u32::from(e[1].class) | (u32::from(e[1].value as u16) << 16)) as usize
    }

    fn pointer(marker: u16, start: usize, len: usize) -> [Entry; INLINE] {
        let start = start as u32;
        [
            Entry {
                class: marker,
                value: 0,
            },
            Entry {
                class: start as u16,
                value: (start >> 16) as u16 as i16,
            },
            Entry {
                class: len as u16,
                value: 0,
            },
        ]
    }
}

/// The run-time scorer: an open-addressing table of features and their non-zero class
/// weights. Compact on purpose: lookups are memory-bound.
pub(crate) struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    spill: Vec<Entry>,
    /// Dense rows hold the same integers as `Entry::value`, already as floats: a row is
    /// added once per lookup of a frequent feature, and skipping the i16 → f32 conversion
    /// makes that add about twice as fast.
    dense: Vec<f32>,
    /// Length of a dense row: `n_classes` rounded up to whole blocks of `LANES`.
    stride: usize,
    scale: f32,
    n_features: usize,
    n_weights: usize,
}

/// The coarsest quantisation step of saved weights.
const QUANTUM: f32 = 1.0 / 32.0;

/// Features are scored in batches of this size.
const BATCH: usize = 128;

/// Dense rows are summed in blocks of this many classes, held in registers across rows
/// (16 measured about 4% faster than 8; 32 no better than 16).
const LANES: usize = 16;

impl Weights {
    /// Builds from features sorted by key, quantising against the largest magnitude.
    fn from_sorted(n_classes: usize, features: Vec<(u32, Vec<(u16, f32)>)>) -> Self {
        let max = features
            .iter()
            .flat_map(|(_, e)| e.iter().map(|(_, v)| v.abs()))
            .fold(0f32, f32::max)
            .max(1e-9);
        // A step of 1/32 loses nothing measurable and makes the weights small integers
        // that the model file stores in one or two bytes.
        let scale = (max / 32767.0).max(QUANTUM);
        let quantised = features
            .into_iter()
            .map(|(k, e)| {
                let q = e
                    .into_iter()
                    .map(|(c, v)| (c, (v / scale).round().clamp(-32767.0, 32767.0) as i16))
                    .collect();
                (k, q)
            })
            .collect();
        Weights::from_quantised(n_classes, scale, quantised)
    }

    fn from_quantised(n_classes: usize, scale: f32, features: Vec<(u32, Vec<(u16, i16)>)>) -> Self {
        // Load factor up to 0.8: a denser table misses the cache less, and linear probes
        // mostly stay within the same 64-byte line.
        let size = (features.len() * 2).next_power_of_two().max(16);
        let n_classes = n_classes.min(DENSE as usize);
        let mut w = Weights {
            n_classes,
            mask: size - 1,
            slots: slot_table(size),
            spill: Vec::new(),
            dense: Vec::new(),
            stride: n_classes.div_ceil(LANES) * LANES,
            scale,
            n_features: features.len(),
            n_weights: 0,
        };
        for (key, list) in features {
            let list: Vec<(u16, i16)> = list
                .into_iter()
                .filter(|(c, _)| (*c as usize) < w.n_classes)
                .take(u16::MAX as usize)
                .collect();
            if list.is_empty() {
                continue;
            }
            w.n_weights += list.len();
            let mut slot = Slot {
                key,
                entries: [NO_ENTRY; INLINE],
            };
            if list.len() <= INLINE {
                for (e, (class, value)) in slot.entries.iter_mut().zip(list) {
                    *e = Entry { class, value };
                }
            } else if list.len() * 5 >= w.n_classes {
                slot.entries = Slot::pointer(DENSE, w.dense.len(), w.stride);
                let start = w.dense.len();
                w.dense.resize(start + w.stride, 0.0);
                for (class, value) in list {
                    w.dense[start + class as usize] = f32::from(value);
                }
            } else {
                slot.entries = Slot::pointer(SPILLED, w.spill.len(), list.len());
                w.spill.extend(
                    list.into_iter()
                        .map(|(class, value)| Entry { class, value }),
                );
            }
            let mut i = key as usize & w.mask;
            while !w.slots[i].is_free() {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = slot;
        }
        w
    }

    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub(crate) fn n_features(&self) -> usize {
        self.n_features
    }

    pub(crate) fn n_weights(&self) -> usize {
        self.n_weights
    }

    fn find(&self, key: u32) -> Option<&Slot> {
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.is_free() {
                return None;
            }
            if slot.key == key {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
        }
    }

    fn entries<'a>(&'a self, slot: &'a Slot) -> &'a [Entry] {
        match slot.spilled() {
            Some((start, len)) => self.spill.get(start..start + len).unwrap_or(&[]),
            None => &slot.entries,
        }
    }

    /// Sets `scores` to the (scaled) sum of the weights of `features`.
    ///
    /// Lookups are memory-bound, so the work is split into passes whose loads do not
    /// depend on each other (the CPU overlaps those cache misses): load every home slot,
    /// then resolve collisions and touch every out-of-slot weight list, and only then add.
    ///
    /// Every weight is a small integer held exactly in an `f32`, and no sum reaches 2^24,
    /// so the additions are exact in any order: batching them changes no score.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let mut keys = [0u32; BATCH];
        let mut slots = [FREE; BATCH];
        let mut dense_rows = [0usize; BATCH];
        for chunk in features.chunks(BATCH) {
            let n = chunk.len();
            for (k, &f) in keys.iter_mut().zip(chunk) {
                *k = fold_key(f);
            }
            for (slot, &k) in slots.iter_mut().zip(&keys[..n]) {
                *slot = self.slots[k as usize & self.mask];
            }
            let mut touched = 0u16;
            let mut n_dense = 0;
            for (slot, &k) in slots[..n].iter_mut().zip(&keys[..n]) {
                if slot.is_free() {
                    continue;
                }
                if slot.key != k {
                    *slot = self.find(k).copied().unwrap_or(FREE);
                }
                if let Some(start) = slot.dense() {
                    touched ^= self.dense.get(start).map_or(0, |v| v.to_bits() as u16);
                    dense_rows[n_dense] = start;
                    n_dense += 1;
                    *slot = FREE;
                } else if let Some((start, _)) = slot.spilled() {
                    touched ^= self.spill.get(start).map_or(0, |e| e.class);
                }
            }
            std::hint::black_box(touched);
            for slot in &slots[..n] {
                if slot.is_free() {
                    continue;
                }
                for e in self.entries(slot) {
                    if let Some(score) = scores.get_mut(e.class as usize) {
                        *score += f32::from(e.value);
                    }
                }
            }
            self.add_dense_rows(&dense_rows[..n_dense], scores);
        }
    }

    /// Adds dense rows block by block: each block's running sums stay in registers while
    /// the rows stream past, instead of loading and storing `scores` once per row.
    #[inline]
    fn add_dense_rows(&self, rows: &[usize], scores: &mut [f32]) {
        if rows.is_empty() {
            return;
        }
        for (block, out) in scores.chunks_mut(LANES).enumerate() {
            let offset = block * LANES;
            let mut sums = [0f32; LANES];
            for &start in rows {
                let values = self
                    .dense
                    .get(start + offset..start + offset + LANES)
                    .and_then(|v| <&[f32; LANES]>::try_from(v).ok());
                if let Some(values) = values {
                    for (sum, v) in sums.iter_mut().zip(values) {
                        *sum += *v;
                    }
                }
            }
            for (score, sum) in out.iter_mut().zip(sums) {
                *score += sum;
            }
        }
    }

    fn sorted_features(&self) -> Vec<(u32, Vec<(u16, i16)>)> {
        let mut out: Vec<(u32, Vec<(u16, i16)>)> = self
            .slots
            .iter()
            .filter(|s| !s.is_free())
            .map(|s| {
                let list = match s.dense() {
                    Some(start) => (0..self.n_classes)
                        .map(|c| (c as u16, self.dense.get(start + c).map_or(0, |v| *v as i16)))
                        .filter(|(_, v)| *v != 0)
                        .collect(),
                    None => self
                        .entries(s)
                        .iter()
                        .filter(|e| e.class != UNUSED)
                        .map(|e| (e.class, e.value))
                        .collect(),
                };
                (s.key, list)
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }

    /// A copy without the weights whose magnitude is below `min_abs` (re-quantised).
    pub(crate) fn pruned(&self, min_abs: f32) -> Weights {
        let scale = self.scale;
        let features: Vec<(u32, Vec<(u16, f32)>)> = self
            .sorted_features()
            .into_iter()
            .filter_map(|(k, list)| {
                let kept: Vec<(u16, f32)> = list
                    .into_iter()
                    .map(|(c, v)| (c, f32::from(v) * scale))
                    .filter(|(_, v)| v.abs() >= min_abs)
                    .collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        Weights::from_sorted(self.n_classes, features)
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        let features = self.sorted_features();
        out.usize(self.n_classes);
        out.f32(self.scale);
        out.usize(features.len());
        let mut prev = 0u32;
        for (key, list) in &features {
            out.varint(u64::from(key - prev));
            prev = *key;
            out.usize(list.len());
            let mut prev_class = 0u16;
            for (c, v) in list {
                out.varint(u64::from(c - prev_class));
                prev_class = *c;
                out.varint(zigzag(*v));
            }
        }
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Self> {
        let n_classes = input.usize()?;
        if n_classes >= DENSE as usize {
            return Err(format!("implausible class count {n_classes}"));
        }
        let scale = input.f32()?;
        let n = input.usize()?;
        let mut features = Vec::with_capacity(n.min(1 << 24));
        let mut key = 0u32;
        for _ in 0..n {
            let delta = u32::try_from(input.varint()?).map_err(|_| "bad feature key")?;
            key = key.checked_add(delta).ok_or("feature keys out of order")?;
            let len = input.usize()?;
            let mut list = Vec::with_capacity(len.min(n_classes.max(1)));
            let mut class = 0u16;
            for _ in 0..len {
                let d = u16::try_from(input.varint()?).map_err(|_| "bad class")?;
                class = class.checked_add(d).ok_or("bad class")?;
                if class as usize >= n_classes {
                    return Err(format!("class {class} out of range {n_classes}"));
                }
                let v = unzigzag(input.varint()?).ok_or("bad weight")?;
                list.push((class, v));
            }
            if !list.is_empty() {
                features.push((key, list));
            }
        }
        Ok(Weights::from_quantised(n_classes, scale, features))
    }
}

fn zigzag(v: i16) -> u64 {
    u64::from(((v << 1) ^ (v >> 15)) as u16)
}

fn unzigzag(z: u64) -> Option<i16> {
    let z = u16::try_from(z).ok()?;
    Some(((z >> 1) as i16) ^ -((z & 1) as i16))
}

/// The slot table, on 2 MB pages where the OS allows: lookups are random, and with 4 KB
/// pages most of them would also miss the TLB (about 6% of the run time).
fn slot_table(size: usize) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(size);
    advise_huge_pages(&mut slots);
    slots.resize(size, FREE);
    slots
}

#[cfg(target_os = "linux")]
pub(crate) fn advise_huge_pages<T>(v: &mut Vec<T>) {
    const HUGE_PAGE: usize = 1 << 21;
    let bytes = v.capacity() * std::mem::size_of::<T>();
    let begin = v.as_mut_ptr() as usize;
    let start = begin.next_multiple_of(HUGE_PAGE);
    let end = (begin + bytes) / HUGE_PAGE * HUGE_PAGE;
    if end > start {
        // SAFETY: the range lies inside the vector's own (not yet initialised) allocation,
        // and MADV_HUGEPAGE only tells the kernel how to back it: no memory is read or
        // written, and a failure (e.g. huge pages disabled) changes nothing.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn advise_huge_pages<T>(_: &mut Vec<T>) {}
