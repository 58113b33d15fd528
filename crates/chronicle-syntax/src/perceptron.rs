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
        let step = self.step;
        for &f in features {
            let entries = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
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

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
    len: u32,
}

/// The run-time scorer: an open-addressing table of features pointing at their non-zero
/// class weights.
pub(crate) struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    classes: Vec<u16>,
    values: Vec<f32>,
    n_features: usize,
}

impl Weights {
    fn from_sorted(n_classes: usize, features: Vec<(u32, Vec<(u16, f32)>)>) -> Self {
        let size = (features.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            n_classes,
            mask: size - 1,
            slots: vec![Slot::default(); size],
            classes: Vec::new(),
            values: Vec::new(),
            n_features: features.len(),
        };
        for (key, entries) in features {
            let start = w.classes.len() as u32;
            for (c, v) in &entries {
                w.classes.push(*c);
                w.values.push(*v);
            }
            let mut i = key as usize & w.mask;
            while w.slots[i].len != 0 {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = Slot {
                key,
                start,
                len: entries.len() as u32,
            };
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
        self.values.len()
    }

    /// Sets `scores` to the sum of the weights of `features`.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            let key = fold_key(f);
            let mut i = key as usize & self.mask;
            loop {
                let slot = self.slots[i];
                if slot.len == 0 {
                    break;
                }
                if slot.key == key {
                    let (s, e) = (slot.start as usize, (slot.start + slot.len) as usize);
                    for (c, v) in self.classes[s..e].iter().zip(&self.values[s..e]) {
                        if let Some(score) = scores.get_mut(*c as usize) {
                            *score += v;
                        }
                    }
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }

    /// Serialises with weights quantised to i16 against the largest magnitude.
    pub(crate) fn write(&self, out: &mut Writer) {
        let mut features: Vec<Slot> = self.slots.iter().copied().filter(|s| s.len != 0).collect();
        features.sort_by_key(|s| s.key);
        let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        out.usize(self.n_classes);
        out.f32(scale);
        out.usize(features.len());
        let mut prev = 0u32;
        for s in &features {
            out.varint(u64::from(s.key - prev));
            prev = s.key;
            out.usize(s.len as usize);
            let (a, b) = (s.start as usize, (s.start + s.len) as usize);
            let mut prev_class = 0u16;
            for (c, v) in self.classes[a..b].iter().zip(&self.values[a..b]) {
                out.varint(u64::from(c - prev_class));
                prev_class = *c;
                out.i16((v / scale).round().clamp(-32767.0, 32767.0) as i16);
            }
        }
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Self> {
        let n_classes = input.usize()?;
        let scale = input.f32()?;
        let n = input.usize()?;
        let mut features = Vec::with_capacity(n.min(1 << 24));
        let mut key = 0u32;
        for _ in 0..n {
            let delta = u32::try_from(input.varint()?).map_err(|_| "bad feature key")?;
            key = key.checked_add(delta).ok_or("feature keys out of order")?;
            let len = input.usize()?;
            let mut entries = Vec::with_capacity(len.min(n_classes.max(1)));
            let mut class = 0u16;
            for _ in 0..len {
                let d = u16::try_from(input.varint()?).map_err(|_| "bad class")?;
                class = class.checked_add(d).ok_or("bad class")?;
                if class as usize >= n_classes {
                    return Err(format!("class {class} out of range {n_classes}"));
                }
                entries.push((class, f32::from(input.i16()?) * scale));
            }
            if !entries.is_empty() {
                features.push((key, entries));
            }
        }
        Ok(Weights::from_sorted(n_classes, features))
    }
}

impl Weights {
    /// A copy without the weights whose magnitude is below `min_abs`.
    pub(crate) fn pruned(&self, min_abs: f32) -> Weights {
        let mut features: Vec<(u32, Vec<(u16, f32)>)> = self
            .slots
            .iter()
            .filter(|s| s.len != 0)
            .filter_map(|s| {
                let (a, b) = (s.start as usize, (s.start + s.len) as usize);
                let entries: Vec<(u16, f32)> = self.classes[a..b]
                    .iter()
                    .zip(&self.values[a..b])
                    .filter(|(_, v)| v.abs() >= min_abs)
                    .map(|(c, v)| (*c, *v))
                    .collect();
                (!entries.is_empty()).then_some((s.key, entries))
            })
            .collect();
        features.sort_by_key(|(k, _)| *k);
        Weights::from_sorted(self.n_classes, features)
    }
}
