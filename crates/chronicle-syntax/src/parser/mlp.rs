//! A small feed-forward transition classifier (Chen & Manning 2014): embeddings of the
//! words, tags and labels around the stack and buffer, one ReLU hidden layer, a linear
//! output over the labelled moves. It learns dense word representations from the
//! treebank itself, which hashed perceptron features cannot share between similar words.
//! At run time its logits are added to the perceptron's scores (scaled by `perceptron_scale`)
//! or, with scale 0, used alone.
//!
//! Everything is deterministic: a fixed-seed initialisation, shuffles and dropout, and
//! sums in a fixed order (no fused multiply-add, no thread-dependent reductions).

use std::collections::HashMap;

pub(crate) mod train;

use super::{ParseWord, State};
use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::IdentityBuild;
use crate::perceptron::advise_huge_pages;
use crate::tagger::NO_ALTERNATIVE;

pub(crate) use train::train;

/// Positions whose word and tag are inputs: s0–s2, b0–b3, children and grandchildren.
const N_POS: usize = 18;
/// For the first `N_ALT` positions (s0, s1, s2, b0), the tagger's runner-up tag is an
/// input too, with the winner's lead among the small inputs: the network can then hedge
/// on doubtful tags (tagging errors cost the parser about 3 points of UAS on EWT dev).
const N_ALT: usize = 4;
/// The last `N_LABELLED` positions are children, whose arc labels are inputs too.
const N_LABELLED: usize = 11;
/// Small categorical inputs: two distances, four valencies, `N_ALT` tag leads.
const N_MISC: usize = 6 + N_ALT;
const LABELS_AT: usize = 2 * N_POS + N_ALT;
const MISC_AT: usize = LABELS_AT + N_LABELLED;
const N_SLOTS: usize = MISC_AT + N_MISC;

const NULL: u32 = 0;
const ROOT: u32 = 1;
const UNK: u32 = 2;

/// Sizes of a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MlpShape {
    pub word_dim: usize,
    pub tag_dim: usize,
    pub label_dim: usize,
    pub misc_dim: usize,
    pub hidden: usize,
}

impl Default for MlpShape {
    fn default() -> Self {
        MlpShape {
            word_dim: 64,
            tag_dim: 16,
            label_dim: 16,
            misc_dim: 8,
            hidden: 256,
        }
    }
}

impl MlpShape {
    /// Widths of the word, tag, label and misc embeddings.
    fn table_widths(&self) -> [usize; 4] {
        [self.word_dim, self.tag_dim, self.label_dim, self.misc_dim]
    }

    fn input(&self) -> usize {
        N_POS * self.word_dim
            + (N_POS + N_ALT) * self.tag_dim
            + N_LABELLED * self.label_dim
            + N_MISC * self.misc_dim
    }

    /// (table, width) of each input slot, in input order.
    fn slot_dims(&self) -> [(usize, usize); N_SLOTS] {
        let mut out = [(0, 0); N_SLOTS];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = if i < N_POS {
                (0, self.word_dim)
            } else if i < LABELS_AT {
                (1, self.tag_dim)
            } else if i < MISC_AT {
                (2, self.label_dim)
            } else {
                (3, self.misc_dim)
            };
        }
        out
    }
}

/// Training settings of the network.
#[derive(Debug, Clone)]
pub struct MlpOptions {
    pub shape: MlpShape,
    pub epochs: usize,
    pub batch: usize,
    pub learning_rate: f32,
    /// Hidden-unit dropout during training.
    pub dropout: f32,
    /// A training word becomes UNK with probability `a / (a + count)`.
    pub word_dropout: f32,
    /// From this epoch (0-based) on, the oracle follows the network's own prediction
    /// with probability `explore`.
    pub explore_from: usize,
    pub explore: f64,
    pub seed: u64,
    /// Weights of the perceptron's scores tried on dev after each epoch (0: the network
    /// alone).
    pub perceptron_scales: Vec<f32>,
}

impl Default for MlpOptions {
    fn default() -> Self {
        MlpOptions {
            shape: MlpShape::default(),
            epochs: 12,
            batch: 32,
            learning_rate: 1e-3,
            dropout: 0.3,
            word_dropout: 0.25,
            explore_from: 3,
            explore: 0.9,
            seed: 20_181,
            perceptron_scales: vec![0.0, 0.005, 0.01],
        }
    }
}

/// The trained network.
#[derive(Clone)]
pub(crate) struct Mlp {
    shape: MlpShape,
    /// Word hash → word id (ids from 3; 0–2 are NULL, ROOT, UNK).
    vocab: HashMap<u64, u32, IdentityBuild>,
    /// Word hashes in id order (for saving).
    words: Vec<u64>,
    n_tags: usize,
    n_labels: usize,
    n_classes: usize,
    /// Embedding tables: words, tags, labels, misc (row-major, one row per id).
    emb: [Vec<f32>; 4],
    /// First layer, one row of `hidden` weights per input unit.
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// Output layer, one row of `hidden` weights per class.
    w2: Vec<f32>,
    b2: Vec<f32>,
    /// Weight of the perceptron's scores when combined with the logits.
    pub(crate) perceptron_scale: f32,
    /// Run-time cache, not saved: for each slot, the first-layer products of its table's
    /// rows (word slots: the `PRECOMPUTED_WORDS` most frequent ids), so that a forward
    /// pass adds one row per slot instead of multiplying embeddings. Stored as 16-bit
    /// integers in units of `pre_scale` and summed in 32-bit integers: half the memory
    /// traffic of `f32` (reading these rows is most of a forward pass), and integer sums
    /// are exact in any order.
    pre: Vec<i16>,
    pre_scale: f32,
    pre_at: [usize; N_SLOTS],
    pre_rows: [usize; N_SLOTS],
    /// When to consult the network and which moves it scores (see `CONFIDENT_MARGIN`,
    /// `CANDIDATE_MARGIN`; saved in their own model section when not the defaults).
    pub(crate) confident_margin: f32,
    pub(crate) candidate_margin: f32,
}

/// Where the perceptron's scaled scores put the best valid move this far (in logits)
/// ahead of the next, the network is not consulted: on EWT dev the same accuracy as
/// always consulting it (margin 4: UAS 85.46, LAS 82.43; always: 85.40, 82.41) at 1.7
/// times the speed.
pub(crate) const CONFIDENT_MARGIN: f32 = 4.0;

/// Where the network is consulted, only the valid moves whose scaled perceptron score is
/// within this many logits of the best get the network's logits (the others are out of
/// the running): the output layer then computes a few dot products instead of all 101.
/// On EWT dev as accurate as scoring every move (UAS 85.47, LAS 82.46 against 85.46,
/// 82.43 with the full combination).
pub(crate) const CANDIDATE_MARGIN: f32 = 4.0;

/// Word ids (by frequency rank) whose first-layer products are cached per slot.
const PRECOMPUTED_WORDS: usize = 3000;

fn table_rows(n_words: usize, n_tags: usize, n_labels: usize) -> [usize; 4] {
    [3 + n_words, 2 + n_tags, 1 + n_labels, N_MISC * 16]
}

/// The word positions read by the network: s0, s1, s2, b0–b3, then the children
/// (s0's two leftmost and two rightmost, s1's leftmost and two rightmost, b0's two
/// leftmost) and two grandchildren (leftmost of s0's leftmost, rightmost of its rightmost).
fn positions(st: &State) -> [Option<usize>; N_POS] {
    let child = |i: Option<usize>, f: &dyn Fn(usize) -> usize| i.map(f).filter(|&c| c != 0);
    let (s0, s1, b0) = (st.s(0), st.s(1), st.b(0));
    let s0l = child(s0, &|i| st.left[i][0]);
    let s0r = child(s0, &|i| st.right[i][0]);
    [
        s0,
        s1,
        st.s(2),
        b0,
        st.b(1),
        st.b(2),
        st.b(3),
        s0l,
        child(s0, &|i| st.left[i][1]),
        s0r,
        child(s0, &|i| st.right[i][1]),
        child(s1, &|i| st.left[i][0]),
        child(s1, &|i| st.right[i][0]),
        child(s1, &|i| st.right[i][1]),
        child(b0, &|i| st.left[i][0]),
        child(b0, &|i| st.left[i][1]),
        child(s0l, &|i| st.left[i][0]),
        child(s0r, &|i| st.right[i][0]),
    ]
}

impl Mlp {
    /// A network from its parts (`first`, `output`: weights and biases of the layers).
    fn new(
        shape: MlpShape,
        words: Vec<u64>,
        n_tags: usize,
        n_labels: usize,
        emb: [Vec<f32>; 4],
        first: (Vec<f32>, Vec<f32>),
        output: (Vec<f32>, Vec<f32>),
    ) -> Mlp {
        Mlp {
            shape,
            vocab: vocab_of(&words),
            words,
            n_tags,
            n_labels,
            n_classes: 1 + 2 * n_labels,
            emb,
            w1: first.0,
            b1: first.1,
            w2: output.0,
            b2: output.1,
            perceptron_scale: 0.0,
            pre: Vec::new(),
            pre_scale: 1.0,
            pre_at: [0; N_SLOTS],
            pre_rows: [0; N_SLOTS],
            confident_margin: CONFIDENT_MARGIN,
            candidate_margin: CANDIDATE_MARGIN,
        }
    }

    /// The vocabulary id of each word of a sentence (looked up once per sentence rather
    /// than once per position and configuration).
    pub(super) fn word_ids(&self, words: &[ParseWord], out: &mut Vec<u32>) {
        out.clear();
        out.extend(
            words
                .iter()
                .map(|w| self.vocab.get(&w.word).copied().unwrap_or(UNK)),
        );
    }

    /// The input ids of a configuration, one per slot (`word_ids`: see `word_ids`).
    fn slots(&self, st: &State, words: &[ParseWord], word_ids: &[u32], out: &mut [u32; N_SLOTS]) {
        let pos = positions(st);
        let (s0, s1, b0) = (pos[0], pos[1], pos[3]);
        let tag_id = |t: u16| 2 + u32::from(t).min(self.n_tags as u32 - 1);
        for (k, p) in pos.iter().enumerate() {
            let (w, t) = match *p {
                None => (NULL, NULL),
                Some(0) => (ROOT, ROOT),
                Some(i) => (word_ids[i], tag_id(words[i].tag)),
            };
            out[k] = w;
            out[N_POS + k] = t;
        }
        let mut leads = [15u32; N_ALT];
        for k in 0..N_ALT {
            out[2 * N_POS + k] = match pos[k] {
                None => NULL,
                Some(0) => ROOT,
                Some(i) if words[i].alt == NO_ALTERNATIVE => NULL,
                Some(i) => {
                    leads[k] = u32::from(words[i].margin.min(15));
                    tag_id(words[i].alt)
                }
            };
        }
        for k in 0..N_LABELLED {
            out[LABELS_AT + k] = pos[N_POS - N_LABELLED + k].map_or(NULL, |i| {
                1 + u32::from(st.labels[i]).min(self.n_labels as u32 - 1)
            });
        }
        let none = 15;
        let dist = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(a), Some(b)) if a != 0 => super::distance(a, b) as u32, // the perceptron's buckets
            _ => none,
        };
        let val = |i: Option<usize>, left: bool| {
            i.map_or(none, |i| {
                let c = if left {
                    st.left_count[i]
                } else {
                    st.right_count[i]
                };
                u32::from(c.min(8))
            })
        };
        let misc = [
            dist(s0, b0),
            dist(s1, s0),
            val(s0, true),
            val(s0, false),
            val(s1, false),
            val(b0, true),
            leads[0],
            leads[1],
            leads[2],
            leads[3],
        ];
        for (k, v) in misc.iter().enumerate() {
            out[MISC_AT + k] = k as u32 * 16 + v;
        }
    }

    /// Whether the network was trained for these tag and label sets.
    pub(crate) fn fits(&self, n_tags: usize, n_labels: usize) -> bool {
        self.n_tags == n_tags && self.n_labels == n_labels
    }

    /// Fills `x` with the concatenated embeddings of `ids`.
    fn embed(&self, ids: &[u32; N_SLOTS], x: &mut [f32]) {
        let mut at = 0;
        for (k, (table, dim)) in self.shape.slot_dims().iter().enumerate() {
            let row = ids[k] as usize * dim;
            x[at..at + dim].copy_from_slice(&self.emb[*table][row..row + dim]);
            at += dim;
        }
    }

    /// Hidden pre-activations from the input vector.
    fn hidden_from(&self, x: &[f32], h: &mut [f32]) {
        let hd = self.shape.hidden;
        h.copy_from_slice(&self.b1);
        for (i, &xi) in x.iter().enumerate() {
            if xi != 0.0 {
                axpy(xi, &self.w1[i * hd..(i + 1) * hd], h);
            }
        }
    }

    fn logits_from(&self, h: &[f32], out: &mut [f32]) {
        let hd = self.shape.hidden;
        for (c, o) in out.iter_mut().enumerate() {
            *o = self.b2[c] + dot(&self.w2[c * hd..(c + 1) * hd], h);
        }
    }

    /// Rounds every table as saving does (see `write_floats`).
    pub(crate) fn quantise(&mut self) {
        for t in self.emb.iter_mut() {
            quantised(t);
        }
        for t in [&mut self.w1, &mut self.b1, &mut self.w2, &mut self.b2] {
            quantised(t);
        }
    }

    /// Fills the run-time cache of first-layer products.
    pub(crate) fn prepare(&mut self) {
        let hd = self.shape.hidden;
        let mut at = 0;
        for (k, (table, dim)) in self.shape.slot_dims().iter().enumerate() {
            let rows = self.emb[*table].len() / dim;
            self.pre_rows[k] = if *table == 0 {
                rows.min(PRECOMPUTED_WORDS)
            } else {
                rows
            };
            self.pre_at[k] = at;
            at += self.pre_rows[k] * hd;
        }
        let mut pre = vec![0f32; at];
        self.slot_products(&mut pre);
        self.pre_scale = table_scale(&pre);
        let scale = self.pre_scale;
        // Rows are read at random (tens of MB): 2 MB pages spare most TLB misses.
        let mut quantised = Vec::with_capacity(pre.len());
        advise_huge_pages(&mut quantised);
        quantised.extend(
            pre.iter()
                .map(|&p| (p / scale).round().clamp(-QUANT_LEVELS, QUANT_LEVELS) as i16),
        );
        self.pre = quantised;
    }

    /// Fills `pre` (laid out by `pre_at`, `pre_rows`) with each cached id's first-layer
    /// products; with AVX2 where the CPU has it (same sums, same order: same values).
    fn slot_products(&self, pre: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                unsafe { self.slot_products_avx2(pre) };
                return;
            }
        }
        self.slot_products_plain(pre);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn slot_products_avx2(&self, pre: &mut [f32]) {
        self.slot_products_plain(pre);
    }

    #[inline(always)]
    fn slot_products_plain(&self, pre: &mut [f32]) {
        let hd = self.shape.hidden;
        let mut input_at = 0;
        for (k, (table, dim)) in self.shape.slot_dims().iter().enumerate() {
            for id in 0..self.pre_rows[k] {
                let at = self.pre_at[k] + id * hd;
                let h = &mut pre[at..at + hd];
                let e = &self.emb[*table][id * dim..(id + 1) * dim];
                for (d, &x) in e.iter().enumerate() {
                    let i = input_at + d;
                    axpy(x, &self.w1[i * hd..(i + 1) * hd], h);
                }
            }
            input_at += dim;
        }
    }

    /// Hidden pre-activations from the slot ids, through the cache where it has the id
    /// (integer sums in `acc`, the uncached words' products in `h`).
    #[inline(always)]
    fn hidden_cached(&self, ids: &[u32; N_SLOTS], h: &mut [f32], acc: &mut [i32]) {
        let hd = self.shape.hidden;
        // Between two consultations the perceptron's tables evict these rows from the
        // caches: asking for all of them at once overlaps the misses instead of paying
        // them one row after another.
        for (k, &id) in ids.iter().enumerate() {
            if (id as usize) < self.pre_rows[k] {
                let at = self.pre_at[k] + id as usize * hd;
                prefetch_lines(&self.pre[at..at + hd]);
            }
        }
        h.iter_mut().for_each(|v| *v = 0.0);
        acc.iter_mut().for_each(|v| *v = 0);
        let mut input_at = 0;
        for (k, (table, dim)) in self.shape.slot_dims().iter().enumerate() {
            let id = ids[k] as usize;
            if id < self.pre_rows[k] {
                let at = self.pre_at[k] + id * hd;
                for (a, &p) in acc.iter_mut().zip(&self.pre[at..at + hd]) {
                    *a += i32::from(p);
                }
            } else {
                let e = &self.emb[*table][id * dim..(id + 1) * dim];
                for (d, &x) in e.iter().enumerate() {
                    let i = input_at + d;
                    axpy(x, &self.w1[i * hd..(i + 1) * hd], h);
                }
            }
            input_at += dim;
        }
        for ((h, &a), &b) in h.iter_mut().zip(acc.iter()).zip(&self.b1) {
            *h = (b + a as f32 * self.pre_scale + *h).max(0.0);
        }
    }

    /// Readies `scratch` for parsing `words`.
    pub(super) fn start_sentence(&self, words: &[ParseWord], scratch: &mut Scratch) {
        self.word_ids(words, &mut scratch.word_ids);
    }

    /// Adds the network's logits to `out` for the classes whose entry is finite (`out`
    /// holds the perceptron's scores times `perceptron_scale`, or zeros; classes out of
    /// the running are `-inf` and stay so).
    pub(super) fn add_logits(
        &self,
        st: &State,
        words: &[ParseWord],
        scratch: &mut Scratch,
        out: &mut [f32],
    ) {
        self.slots(st, words, &scratch.word_ids, &mut scratch.ids);
        if self.pre.is_empty() {
            self.embed(&scratch.ids, &mut scratch.x);
            self.hidden_from(&scratch.x, &mut scratch.h);
            scratch.h.iter_mut().for_each(|v| *v = v.max(0.0));
            self.logits_from(&scratch.h, &mut scratch.logits);
            for (o, l) in out.iter_mut().zip(&scratch.logits) {
                *o += l;
            }
        } else {
            self.forward_cached(&scratch.ids, &mut scratch.h, &mut scratch.acc, out);
        }
    }

    /// The run-time forward pass, compiled for AVX2 when the CPU has it. Both versions
    /// add in the same order (Rust never fuses multiply-adds), so they give the same
    /// logits bit for bit.
    fn forward_cached(
        &self,
        ids: &[u32; N_SLOTS],
        h: &mut [f32],
        acc: &mut [i32],
        out: &mut [f32],
    ) {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                unsafe { self.forward_cached_avx2(ids, h, acc, out) };
                return;
            }
        }
        self.forward_cached_plain(ids, h, acc, out);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn forward_cached_avx2(
        &self,
        ids: &[u32; N_SLOTS],
        h: &mut [f32],
        acc: &mut [i32],
        out: &mut [f32],
    ) {
        self.forward_cached_plain(ids, h, acc, out);
    }

    /// Hidden layer from the cache, then one dot product per class still in the running.
    #[inline(always)]
    fn forward_cached_plain(
        &self,
        ids: &[u32; N_SLOTS],
        h: &mut [f32],
        acc: &mut [i32],
        out: &mut [f32],
    ) {
        let hd = self.shape.hidden;
        for (c, o) in out.iter().enumerate() {
            if o.is_finite() {
                prefetch_lines(&self.w2[c * hd..(c + 1) * hd]);
            }
        }
        self.hidden_cached(ids, h, acc);
        for (c, o) in out.iter_mut().enumerate() {
            if o.is_finite() {
                *o += self.b2[c] + dot(&self.w2[c * hd..(c + 1) * hd], h);
            }
        }
    }

    pub(crate) fn scratch(&self) -> Scratch {
        Scratch {
            ids: [0; N_SLOTS],
            word_ids: Vec::new(),
            x: vec![0.0; self.shape.input()],
            h: vec![0.0; self.shape.hidden],
            acc: vec![0; self.shape.hidden],
            logits: vec![0.0; self.n_classes],
        }
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        let s = &self.shape;
        for v in [s.word_dim, s.tag_dim, s.label_dim, s.misc_dim, s.hidden] {
            out.usize(v);
        }
        out.usize(self.n_tags);
        out.usize(self.n_labels);
        out.usize(self.n_classes);
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

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Mlp> {
        let mut dims = [0usize; 5];
        for d in &mut dims {
            *d = input.usize()?;
            if *d == 0 || *d > 4096 {
                return Err("bad network size".into());
            }
        }
        let shape = MlpShape {
            word_dim: dims[0],
            tag_dim: dims[1],
            label_dim: dims[2],
            misc_dim: dims[3],
            hidden: dims[4],
        };
        let n_tags = input.usize()?;
        let n_labels = input.usize()?;
        let n_classes = input.usize()?;
        let n_words = input.usize()?;
        if n_tags == 0 || n_labels == 0 || n_classes != 1 + 2 * n_labels || n_words > 10_000_000 {
            return Err("bad network vocabulary".into());
        }
        let words = read_sorted_ids(input, n_words)?;
        let perceptron_scale = input.f32()?;
        let rows = table_rows(n_words, n_tags, n_labels);
        let widths = [
            shape.word_dim,
            shape.tag_dim,
            shape.label_dim,
            shape.misc_dim,
        ];
        let mut emb: [Vec<f32>; 4] = Default::default();
        for (t, e) in emb.iter_mut().enumerate() {
            *e = read_floats(input, rows[t] * widths[t])?;
        }
        let hd = shape.hidden;
        let w1 = read_floats(input, shape.input() * hd)?;
        let b1 = read_floats(input, hd)?;
        let w2 = read_floats(input, n_classes * hd)?;
        let b2 = read_floats(input, n_classes)?;
        let mut net = Mlp::new(shape, words, n_tags, n_labels, emb, (w1, b1), (w2, b2));
        net.perceptron_scale = perceptron_scale;
        net.prepare();
        Ok(net)
    }
}

/// Buffers for one forward pass.
pub(crate) struct Scratch {
    ids: [u32; N_SLOTS],
    word_ids: Vec<u32>,
    x: Vec<f32>,
    h: Vec<f32>,
    acc: Vec<i32>,
    logits: Vec<f32>,
}

fn vocab_of(words: &[u64]) -> HashMap<u64, u32, IdentityBuild> {
    words
        .iter()
        .enumerate()
        .map(|(i, &w)| (w, 3 + i as u32))
        .collect()
}

/// Tables are saved as 16-bit integers with one scale per table (a third of the file
/// size of `f32`; the network is evaluated after the same rounding, see `quantised`).
const QUANT_LEVELS: f32 = 32_767.0;

fn table_scale(v: &[f32]) -> f32 {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max > 0.0 {
        max / QUANT_LEVELS
    } else {
        1.0
    }
}

/// Word ids in ascending order, each as its difference from the previous (small varints).
/// The count is written by the caller, beside the other sizes it checks.
pub(crate) fn write_sorted_ids(out: &mut Writer, ids: &[u64]) {
    let mut prev = 0u64;
    for &w in ids {
        out.varint(w.wrapping_sub(prev));
        prev = w;
    }
}

/// `n` ids written by `write_sorted_ids`.
pub(crate) fn read_sorted_ids(input: &mut Reader, n: usize) -> ReadResult<Vec<u64>> {
    let mut ids = Vec::with_capacity(n);
    let mut prev = 0u64;
    for _ in 0..n {
        prev = prev.wrapping_add(input.varint()?);
        ids.push(prev);
    }
    Ok(ids)
}

pub(crate) fn write_floats(out: &mut Writer, v: &[f32]) {
    out.usize(v.len());
    let scale = table_scale(v);
    out.f32(scale);
    for &f in v {
        let q = (f / scale).round().clamp(-QUANT_LEVELS, QUANT_LEVELS) as i64;
        // Zigzag: small magnitudes of either sign take one or two varint bytes.
        out.varint(((q << 1) ^ (q >> 63)) as u64);
    }
}

/// `v` after the rounding of `write_floats`, so that the network is measured as saved.
pub(crate) fn quantised(v: &mut [f32]) {
    let scale = table_scale(v);
    for f in v.iter_mut() {
        *f = (*f / scale).round().clamp(-QUANT_LEVELS, QUANT_LEVELS) * scale;
    }
}

pub(crate) fn read_floats(input: &mut Reader, n: usize) -> ReadResult<Vec<f32>> {
    if input.usize()? != n {
        return Err("network table of the wrong size".into());
    }
    let scale = input.f32()?;
    if !scale.is_finite() {
        return Err("bad network table scale".into());
    }
    (0..n)
        .map(|_| {
            let z = input.varint()?;
            let q = ((z >> 1) as i64) ^ -((z & 1) as i64);
            if q.unsigned_abs() > QUANT_LEVELS as u64 {
                return Err("network weight out of range".to_string());
            }
            Ok(q as f32 * scale)
        })
        .collect()
}

/// Asks the CPU to bring every cache line of `v` closer (a hint: no effect on results).
#[inline(always)]
fn prefetch_lines<T>(v: &[T]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let bytes = std::mem::size_of_val(v);
        let start = v.as_ptr().cast::<i8>();
        for offset in (0..bytes).step_by(64) {
            // SAFETY: prefetching is a hint and never faults; the address is inside `v`.
            #[allow(unused_unsafe)]
            unsafe {
                _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(offset))
            };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = v;
}

#[inline(always)]
pub(crate) fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Dot product in eight fixed lanes (vectorises; the same sum order on every machine).
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let chunks = a.len() / 8 * 8;
    for (ca, cb) in a[..chunks].chunks_exact(8).zip(b[..chunks].chunks_exact(8)) {
        for k in 0..8 {
            acc[k] += ca[k] * cb[k];
        }
    }
    let mut s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (x, y) in a[chunks..].iter().zip(&b[chunks..]) {
        s += x * y;
    }
    s
}
