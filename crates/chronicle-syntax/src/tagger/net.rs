//! An optional window network for the tagger (experiment): embeddings of the words two
//! to the left and right, of the word's prefixes and suffixes (so unknown words get a
//! representation from their spelling), shapes and ambiguity classes, one ReLU hidden
//! layer and a linear output over the joint tags. Its logits are added to the
//! perceptron's scores (scaled by `perceptron_scale`) for the words the tag dictionary
//! does not decide. It sees the right context through dense word representations learned
//! from the treebank, which the left-to-right perceptron sees only through hashed
//! features.
//!
//! Deterministic: fixed-seed initialisation, shuffles and dropout, sums in a fixed order.

use std::collections::HashMap;

use super::{WordInfo, END, START};
use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::{mix, IdentityBuild, Rng};
use crate::parser::mlp::train::{uniform, Param};
use crate::parser::mlp::{
    axpy, dot, quantised, read_floats, read_sorted_ids, write_floats, write_sorted_ids,
};

/// Word table ids: 0 before the sentence, 1 after it, 2 unknown, then the vocabulary.
const BEFORE: u32 = 0;
const AFTER: u32 = 1;
const UNK: u32 = 2;

/// Rows of the hashed tables (affixes, shapes and flags, ambiguity classes).
const AFFIX_ROWS: usize = 1 << 15;
const SHAPE_ROWS: usize = 1 << 12;
const AMBIGUITY_ROWS: usize = 1 << 12;

/// Input slots: 5 words, 9 affixes, 4 shapes and flags, 4 ambiguity classes.
const N_WORDS: usize = 5;
const N_AFFIXES: usize = 9;
const N_SHAPES: usize = 4;
const N_AMBIGUITY: usize = 4;
const N_SLOTS: usize = N_WORDS + N_AFFIXES + N_SHAPES + N_AMBIGUITY;

/// Sizes and training settings of the tagger network.
#[derive(Debug, Clone)]
pub struct TagNetOptions {
    pub word_dim: usize,
    pub affix_dim: usize,
    pub small_dim: usize,
    pub hidden: usize,
    pub epochs: usize,
    pub batch: usize,
    pub learning_rate: f32,
    pub dropout: f32,
    /// A training word becomes unknown with probability `a / (a + count)`.
    pub word_dropout: f32,
    pub seed: u64,
    /// Weights of the perceptron's scores tried on dev after each epoch (0: the network
    /// alone).
    pub perceptron_scales: Vec<f32>,
}

impl Default for TagNetOptions {
    fn default() -> Self {
        TagNetOptions {
            word_dim: 64,
            affix_dim: 32,
            small_dim: 16,
            hidden: 192,
            epochs: 8,
            batch: 32,
            learning_rate: 1e-3,
            dropout: 0.3,
            word_dropout: 0.25,
            seed: 20_260,
            perceptron_scales: vec![0.0, 0.002, 0.005, 0.01, 0.02, 0.05],
        }
    }
}

/// The trained window network.
#[derive(Clone)]
pub(crate) struct TagNet {
    dims: [usize; 4],
    hidden: usize,
    n_tags: usize,
    vocab: HashMap<u64, u32, IdentityBuild>,
    words: Vec<u64>,
    /// Embedding tables: words, affixes, shapes, ambiguity classes.
    emb: [Vec<f32>; 4],
    w1: Vec<f32>,
    b1: Vec<f32>,
    w2: Vec<f32>,
    b2: Vec<f32>,
    pub(crate) perceptron_scale: f32,
}

/// Which table each slot reads.
fn slot_table(k: usize) -> usize {
    if k < N_WORDS {
        0
    } else if k < N_WORDS + N_AFFIXES {
        1
    } else if k < N_WORDS + N_AFFIXES + N_SHAPES {
        2
    } else {
        3
    }
}

fn bucket(h: u64, salt: u64, rows: usize) -> u32 {
    (mix(h ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15)) % rows as u64) as u32
}

impl TagNet {
    fn input(&self) -> usize {
        (0..N_SLOTS).map(|k| self.dims[slot_table(k)]).sum()
    }

    fn word_id(&self, w: &WordInfo) -> u32 {
        match w.lower {
            START => BEFORE,
            END => AFTER,
            h => self.vocab.get(&h).copied().unwrap_or(UNK),
        }
    }

    /// The input ids of word `i`, one per slot (`word_ids`: the sentence's word ids).
    fn slots(&self, words: &[WordInfo], word_ids: &[u32], i: usize, out: &mut [u32; N_SLOTS]) {
        let at = |k: isize| -> WordInfo {
            let j = i as isize + k;
            if j < 0 {
                WordInfo::pad(START)
            } else if j as usize >= words.len() {
                WordInfo::pad(END)
            } else {
                words[j as usize]
            }
        };
        for (s, k) in (-2isize..=2).enumerate() {
            let j = i as isize + k;
            out[s] = if j < 0 {
                BEFORE
            } else {
                word_ids.get(j as usize).copied().unwrap_or(AFTER)
            };
        }
        let (w, m1, n1, n2) = (at(0), at(-1), at(1), at(2));
        let affixes = [
            (w.suffix[0], 1),
            (w.suffix[1], 2),
            (w.suffix[2], 3),
            (w.suffix[3], 4),
            (w.prefix[0], 5),
            (w.prefix[1], 6),
            (w.prefix[2], 7),
            (m1.suffix[2], 3),
            (n1.suffix[2], 3),
        ];
        for (s, (h, salt)) in affixes.iter().enumerate() {
            out[N_WORDS + s] = bucket(*h, *salt, AFFIX_ROWS);
        }
        let first = u64::from(i == 0);
        let shapes = [
            (m1.shape, 11),
            (w.shape, 11),
            (n1.shape, 11),
            (w.flags ^ first << 8, 12),
        ];
        for (s, (h, salt)) in shapes.iter().enumerate() {
            out[N_WORDS + N_AFFIXES + s] = bucket(*h, *salt, SHAPE_ROWS);
        }
        let ambiguity = [m1.ambiguity, w.ambiguity, n1.ambiguity, n2.ambiguity];
        for (s, h) in ambiguity.iter().enumerate() {
            out[N_WORDS + N_AFFIXES + N_SHAPES + s] = bucket(*h, 21, AMBIGUITY_ROWS);
        }
    }

    fn embed(&self, ids: &[u32; N_SLOTS], x: &mut [f32]) {
        let mut at = 0;
        for (k, &id) in ids.iter().enumerate() {
            let t = slot_table(k);
            let d = self.dims[t];
            let row = id as usize * d;
            x[at..at + d].copy_from_slice(&self.emb[t][row..row + d]);
            at += d;
        }
    }

    /// Hidden activations (after ReLU) from the input vector.
    fn hidden_from(&self, x: &[f32], h: &mut [f32]) {
        let hd = self.hidden;
        h.copy_from_slice(&self.b1);
        for (i, &xi) in x.iter().enumerate() {
            if xi != 0.0 {
                axpy(xi, &self.w1[i * hd..(i + 1) * hd], h);
            }
        }
        h.iter_mut().for_each(|v| *v = v.max(0.0));
    }

    fn logits_from(&self, h: &[f32], out: &mut [f32]) {
        let hd = self.hidden;
        for (c, o) in out.iter_mut().enumerate() {
            *o = self.b2[c] + dot(&self.w2[c * hd..(c + 1) * hd], h);
        }
    }

    /// The sentence's word ids (see `slots`).
    pub(crate) fn word_ids(&self, words: &[WordInfo]) -> Vec<u32> {
        words.iter().map(|w| self.word_id(w)).collect()
    }

    /// Adds the logits for word `i` to `scores`.
    pub(crate) fn add_logits(
        &self,
        words: &[WordInfo],
        word_ids: &[u32],
        i: usize,
        scratch: &mut TagScratch,
        scores: &mut [f32],
    ) {
        self.slots(words, word_ids, i, &mut scratch.ids);
        self.embed(&scratch.ids, &mut scratch.x);
        self.hidden_from(&scratch.x, &mut scratch.h);
        self.logits_from(&scratch.h, &mut scratch.logits);
        for (s, l) in scores.iter_mut().zip(&scratch.logits) {
            *s += l;
        }
    }

    pub(crate) fn scratch(&self) -> TagScratch {
        TagScratch {
            ids: [0; N_SLOTS],
            x: vec![0.0; self.input()],
            h: vec![0.0; self.hidden],
            logits: vec![0.0; self.n_tags],
        }
    }

    pub(crate) fn fits(&self, n_tags: usize) -> bool {
        self.n_tags == n_tags
    }

    fn quantise(&mut self) {
        for t in self.emb.iter_mut() {
            quantised(t);
        }
        for t in [&mut self.w1, &mut self.b1, &mut self.w2, &mut self.b2] {
            quantised(t);
        }
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        for d in self.dims {
            out.usize(d);
        }
        out.usize(self.hidden);
        out.usize(self.n_tags);
        out.usize(self.words.len());
        write_sorted_ids(out, &self.words);
        out.f32(self.perceptron_scale);
        for t in self
            .emb
            .iter()
            .chain([&self.w1, &self.b1, &self.w2, &self.b2])
        {
            write_floats(out, t);
        }
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<TagNet> {
        let mut dims = [0usize; 4];
        for d in &mut dims {
            *d = input.usize()?;
        }
        let hidden = input.usize()?;
        let n_tags = input.usize()?;
        let n_words = input.usize()?;
        if dims.iter().chain([&hidden]).any(|&d| d == 0 || d > 4096)
            || n_tags == 0
            || n_tags > 4096
            || n_words > 10_000_000
        {
            return Err("bad tagger network size".into());
        }
        let words = read_sorted_ids(input, n_words)?;
        let perceptron_scale = input.f32()?;
        let rows = table_rows(n_words);
        let mut emb: [Vec<f32>; 4] = Default::default();
        for (t, e) in emb.iter_mut().enumerate() {
            *e = read_floats(input, rows[t] * dims[t])?;
        }
        let mut net = TagNet {
            dims,
            hidden,
            n_tags,
            vocab: vocab_of(&words),
            words,
            emb,
            w1: Vec::new(),
            b1: Vec::new(),
            w2: Vec::new(),
            b2: Vec::new(),
            perceptron_scale,
        };
        net.w1 = read_floats(input, net.input() * hidden)?;
        net.b1 = read_floats(input, hidden)?;
        net.w2 = read_floats(input, n_tags * hidden)?;
        net.b2 = read_floats(input, n_tags)?;
        Ok(net)
    }
}

/// Buffers for one forward pass.
pub(crate) struct TagScratch {
    ids: [u32; N_SLOTS],
    x: Vec<f32>,
    h: Vec<f32>,
    logits: Vec<f32>,
}

fn table_rows(n_words: usize) -> [usize; 4] {
    [3 + n_words, AFFIX_ROWS, SHAPE_ROWS, AMBIGUITY_ROWS]
}

fn vocab_of(words: &[u64]) -> HashMap<u64, u32, IdentityBuild> {
    words
        .iter()
        .enumerate()
        .map(|(i, &w)| (w, 3 + i as u32))
        .collect()
}

/// One training sentence: what the tagger computed about its words, and gold tag ids.
pub(crate) struct NetExample<'a> {
    pub(crate) words: &'a [WordInfo],
    pub(crate) tags: &'a [u16],
}

/// Trains the network; `on_epoch` scores each epoch's network (and may set its
/// `perceptron_scale`); the best epoch is kept.
pub(crate) fn train(
    examples: &[NetExample],
    n_tags: usize,
    opts: &TagNetOptions,
    mut on_epoch: impl FnMut(usize, &mut TagNet) -> f64,
) -> TagNet {
    let mut counts: HashMap<u64, u32, IdentityBuild> = HashMap::default();
    for ex in examples {
        for w in ex.words {
            *counts.entry(w.lower).or_default() += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> = counts.iter().map(|(&w, &c)| (w, c)).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let words: Vec<u64> = vocab.iter().map(|w| w.0).collect();
    let mut rng = Rng::new(opts.seed);
    let dims = [
        opts.word_dim,
        opts.affix_dim,
        opts.small_dim,
        opts.small_dim,
    ];
    let rows = table_rows(words.len());
    let hd = opts.hidden;
    let emb: [Vec<f32>; 4] = std::array::from_fn(|t| uniform(&mut rng, rows[t] * dims[t], 0.5));
    let mut net = TagNet {
        dims,
        hidden: hd,
        n_tags,
        vocab: vocab_of(&words),
        words,
        emb,
        w1: Vec::new(),
        b1: vec![0.01; hd],
        w2: uniform(&mut rng, n_tags * hd, (6.0 / (hd + n_tags) as f32).sqrt()),
        b2: vec![0.0; n_tags],
        perceptron_scale: 0.0,
    };
    let input = net.input();
    net.w1 = uniform(&mut rng, input * hd, (6.0 / (input + hd) as f32).sqrt());
    let mut p_emb: [Param; 4] =
        std::array::from_fn(|t| Param::new(rows[t] * dims[t], dims[t], true));
    let mut p_w1 = Param::new(input * hd, hd, false);
    let mut p_b1 = Param::new(hd, hd, false);
    let mut p_w2 = Param::new(n_tags * hd, hd, false);
    let mut p_b2 = Param::new(n_tags, n_tags, false);
    let mut scratch = net.scratch();
    let (mut mask, mut grad) = (vec![0f32; hd], vec![0f32; n_tags]);
    let (mut dh, mut dx) = (vec![0f32; hd], vec![0f32; input]);
    let keep = 1.0 - opts.dropout;
    let (mut in_batch, mut steps) = (0usize, 0i32);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(f64, TagNet)> = None;
    for epoch in 0..opts.epochs.max(1) {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &examples[s];
            let mut ids = net.word_ids(ex.words);
            for (id, w) in ids.iter_mut().zip(ex.words) {
                let c = counts.get(&w.lower).copied().unwrap_or(0) as f32;
                if rng.unit() < f64::from(opts.word_dropout / (opts.word_dropout + c)) {
                    *id = UNK;
                }
            }
            for (i, &gold) in ex.tags.iter().enumerate() {
                // Forward with dropout.
                net.slots(ex.words, &ids, i, &mut scratch.ids);
                net.embed(&scratch.ids, &mut scratch.x);
                net.hidden_from(&scratch.x, &mut scratch.h);
                for (h, m) in scratch.h.iter_mut().zip(mask.iter_mut()) {
                    let on = *h > 0.0 && rng.unit() < f64::from(keep);
                    *m = if on { 1.0 / keep } else { 0.0 };
                    *h *= *m;
                }
                net.logits_from(&scratch.h, &mut scratch.logits);
                // Softmax cross-entropy gradient.
                let max = scratch
                    .logits
                    .iter()
                    .fold(f32::NEG_INFINITY, |m, &l| m.max(l));
                let mut z = 0f32;
                for (g, &l) in grad.iter_mut().zip(&scratch.logits) {
                    *g = (l - max).exp();
                    z += *g;
                }
                for (c, g) in grad.iter_mut().enumerate() {
                    let target = if c == gold as usize { 1.0 } else { 0.0 };
                    *g = (*g / z - target) / opts.batch as f32;
                }
                // Backward.
                dh.iter_mut().for_each(|v| *v = 0.0);
                for (c, &g) in grad.iter().enumerate() {
                    p_b2.grad[c] += g;
                    axpy(g, &scratch.h, &mut p_w2.grad[c * hd..(c + 1) * hd]);
                    axpy(g, &net.w2[c * hd..(c + 1) * hd], &mut dh);
                }
                for (d, m) in dh.iter_mut().zip(&mask) {
                    *d *= m;
                }
                for (g, d) in p_b1.grad.iter_mut().zip(&dh) {
                    *g += d;
                }
                for (i, (dxi, &xi)) in dx.iter_mut().zip(&scratch.x).enumerate() {
                    *dxi = dot(&net.w1[i * hd..(i + 1) * hd], &dh);
                    if xi != 0.0 {
                        axpy(xi, &dh, &mut p_w1.grad[i * hd..(i + 1) * hd]);
                    }
                }
                let mut at = 0;
                for (k, &id) in scratch.ids.iter().enumerate() {
                    let t = slot_table(k);
                    let d = net.dims[t];
                    let g = p_emb[t].touch(id as usize);
                    for (g, v) in g.iter_mut().zip(&dx[at..at + d]) {
                        *g += v;
                    }
                    at += d;
                }
                in_batch += 1;
                if in_batch == opts.batch {
                    in_batch = 0;
                    steps += 1;
                    let lr = opts.learning_rate;
                    for (p, w) in p_emb.iter_mut().zip(net.emb.iter_mut()) {
                        p.step(w, lr, steps);
                    }
                    p_w1.step(&mut net.w1, lr, steps);
                    p_b1.step(&mut net.b1, lr, steps);
                    p_w2.step(&mut net.w2, lr, steps);
                    p_b2.step(&mut net.b2, lr, steps);
                }
            }
        }
        let mut frozen = net.clone();
        frozen.quantise();
        let score = on_epoch(epoch, &mut frozen);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, frozen));
        }
    }
    best.map_or(net, |b| b.1)
}
