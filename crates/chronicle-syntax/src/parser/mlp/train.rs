//! Training of the network: the dynamic oracle of the perceptron parser (with
//! exploration), a softmax over the valid moves whose target is spread over the
//! zero-regret moves, hidden-unit and word dropout, and mini-batch Adam (sparse for the
//! embedding tables and first-layer rows an input touched).

use std::collections::HashMap;

use super::{axpy, dot, table_rows, Mlp, MlpOptions, N_SLOTS};
use crate::hash::{IdentityBuild, Rng};
use crate::parser::{decode, move_costs, Move, ParseExample, ParseWord, State};

/// Stands for a word dropped to "unknown"; never the hash of a training word.
const DROPPED_WORD: u64 = 0x554e_4b4e_4f57_4e00;

/// Adam moments and the gradient of one parameter table. Sparse tables update only the
/// rows (of `width` values) that a batch touched (lazy, "sparse Adam").
pub(crate) struct Param {
    pub(crate) grad: Vec<f32>,
    m: Vec<f32>,
    v: Vec<f32>,
    width: usize,
    touched: Vec<u32>,
    is_touched: Vec<bool>,
    sparse: bool,
}

impl Param {
    pub(crate) fn new(len: usize, width: usize, sparse: bool) -> Self {
        Param {
            grad: vec![0.0; len],
            m: vec![0.0; len],
            v: vec![0.0; len],
            width,
            touched: Vec::new(),
            is_touched: vec![false; len / width.max(1)],
            sparse,
        }
    }

    /// The gradient row `row`, marked for the next step.
    pub(crate) fn touch(&mut self, row: usize) -> &mut [f32] {
        if !self.is_touched[row] {
            self.is_touched[row] = true;
            self.touched.push(row as u32);
        }
        &mut self.grad[row * self.width..(row + 1) * self.width]
    }

    /// One Adam step (`t` counts steps from 1); clears the gradient.
    pub(crate) fn step(&mut self, w: &mut [f32], lr: f32, t: i32) {
        let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
        let alpha = lr * (1.0 - b2.powi(t)).sqrt() / (1.0 - b1.powi(t));
        let update = |i: usize, g: f32, w: &mut [f32], m: &mut [f32], v: &mut [f32]| {
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            w[i] -= alpha * m[i] / (v[i].sqrt() + eps);
        };
        if self.sparse {
            self.touched.sort_unstable();
            for &r in &self.touched {
                let r = r as usize;
                for i in r * self.width..(r + 1) * self.width {
                    update(i, self.grad[i], w, &mut self.m, &mut self.v);
                    self.grad[i] = 0.0;
                }
                self.is_touched[r] = false;
            }
            self.touched.clear();
        } else {
            for i in 0..w.len() {
                update(i, self.grad[i], w, &mut self.m, &mut self.v);
                self.grad[i] = 0.0;
            }
        }
    }
}

pub(crate) fn uniform(rng: &mut Rng, n: usize, scale: f32) -> Vec<f32> {
    (0..n)
        .map(|_| ((rng.unit() * 2.0 - 1.0) as f32) * scale)
        .collect()
}

/// Word hashes seen in training, most frequent first (ties by hash), with their counts.
fn vocabulary(examples: &[ParseExample]) -> Vec<(u64, u32)> {
    let mut counts: HashMap<u64, u32, IdentityBuild> = HashMap::default();
    for ex in examples {
        for w in &ex.words[1..] {
            *counts.entry(w.word).or_default() += 1;
        }
    }
    let mut v: Vec<(u64, u32)> = counts.into_iter().collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// A freshly initialised network for these examples.
fn initial(
    examples: &[ParseExample],
    n_tags: usize,
    n_labels: usize,
    opts: &MlpOptions,
    rng: &mut Rng,
) -> Mlp {
    let shape = opts.shape;
    let n_classes = 1 + 2 * n_labels;
    let words: Vec<u64> = vocabulary(examples).iter().map(|w| w.0).collect();
    let rows = table_rows(words.len(), n_tags, n_labels);
    let widths = shape.table_widths();
    let (hd, input) = (shape.hidden, shape.input());
    let emb: [Vec<f32>; 4] = std::array::from_fn(|t| uniform(rng, rows[t] * widths[t], 0.5));
    let w1 = uniform(rng, input * hd, (6.0 / (input + hd) as f32).sqrt());
    let w2 = uniform(rng, n_classes * hd, (6.0 / (hd + n_classes) as f32).sqrt());
    Mlp::new(
        shape,
        words,
        n_tags,
        n_labels,
        emb,
        (w1, vec![0.01; hd]),
        (w2, vec![0.0; n_classes]),
    )
}

/// The network being trained with its optimiser state and buffers.
struct Learner {
    net: Mlp,
    p_emb: [Param; 4],
    p_w1: Param,
    p_b1: Param,
    p_w2: Param,
    p_b2: Param,
    ids: [u32; N_SLOTS],
    /// Vocabulary ids of the current sentence's words.
    word_ids: Vec<u32>,
    x: Vec<f32>,
    h: Vec<f32>,
    /// Inverted-dropout factor of each hidden unit (0 when dropped or off).
    mask: Vec<f32>,
    logits: Vec<f32>,
    /// Softmax probabilities, then the loss gradient of the logits.
    grad: Vec<f32>,
    costs: Vec<u32>,
    dh: Vec<f32>,
    dx: Vec<f32>,
    in_batch: usize,
    steps: i32,
}

impl Learner {
    fn new(net: Mlp) -> Self {
        let shape = net.shape;
        let (hd, input, c) = (shape.hidden, shape.input(), net.n_classes);
        let widths = shape.table_widths();
        Learner {
            p_emb: std::array::from_fn(|t| Param::new(net.emb[t].len(), widths[t], true)),
            p_w1: Param::new(input * hd, hd, true),
            p_b1: Param::new(hd, hd, false),
            p_w2: Param::new(c * hd, hd, false),
            p_b2: Param::new(c, c, false),
            ids: [0; N_SLOTS],
            word_ids: Vec::new(),
            x: vec![0.0; input],
            h: vec![0.0; hd],
            mask: vec![0.0; hd],
            logits: vec![0.0; c],
            grad: vec![0.0; c],
            costs: vec![0; c],
            dh: vec![0.0; hd],
            dx: vec![0.0; input],
            in_batch: 0,
            steps: 0,
            net,
        }
    }

    /// Forward pass with dropout (`keep`: probability of keeping a hidden unit).
    fn forward(&mut self, st: &State, words: &[ParseWord], keep: f32, rng: &mut Rng) {
        self.net.slots(st, words, &self.word_ids, &mut self.ids);
        self.net.embed(&self.ids, &mut self.x);
        self.net.hidden_from(&self.x, &mut self.h);
        for (h, m) in self.h.iter_mut().zip(self.mask.iter_mut()) {
            let on = *h > 0.0 && rng.unit() < f64::from(keep);
            *m = if on { 1.0 / keep } else { 0.0 };
            *h *= *m;
        }
        self.net.logits_from(&self.h, &mut self.logits);
    }

    /// The loss gradient of the logits (into `grad`, divided by `batch`), from `costs`:
    /// softmax over the valid moves, target spread over the lowest-cost moves in
    /// proportion to their probabilities. Returns (the best valid move, the best
    /// lowest-cost move).
    fn loss_gradient(&mut self, batch: usize) -> (usize, usize) {
        let valid = |c: usize| self.costs[c] != u32::MAX;
        let min = self.costs.iter().copied().min().unwrap_or(0);
        let mut guess = 0;
        let mut max = f32::NEG_INFINITY;
        for (c, &l) in self.logits.iter().enumerate() {
            if valid(c) && l > max {
                max = l;
                guess = c;
            }
        }
        let (mut z, mut z_gold) = (0f32, 0f32);
        for (c, p) in self.grad.iter_mut().enumerate() {
            *p = if valid(c) {
                (self.logits[c] - max).exp()
            } else {
                0.0
            };
            z += *p;
            if self.costs[c] == min {
                z_gold += *p;
            }
        }
        let mut gold = guess;
        let mut gold_score = f32::NEG_INFINITY;
        for (c, p) in self.grad.iter_mut().enumerate() {
            let g = if self.costs[c] == min {
                if self.logits[c] > gold_score {
                    gold_score = self.logits[c];
                    gold = c;
                }
                *p / z - *p / z_gold.max(1e-30)
            } else {
                *p / z
            };
            *p = g / batch as f32;
        }
        (guess, gold)
    }

    /// Backpropagates `grad` into the parameter gradients.
    fn backward(&mut self) {
        let hd = self.net.shape.hidden;
        self.dh.iter_mut().for_each(|v| *v = 0.0);
        for (c, &g) in self.grad.iter().enumerate() {
            if g != 0.0 {
                self.p_b2.grad[c] += g;
                axpy(g, &self.h, &mut self.p_w2.grad[c * hd..(c + 1) * hd]);
                axpy(g, &self.net.w2[c * hd..(c + 1) * hd], &mut self.dh);
            }
        }
        for (d, m) in self.dh.iter_mut().zip(&self.mask) {
            *d *= m;
        }
        for (g, d) in self.p_b1.grad.iter_mut().zip(&self.dh) {
            *g += d;
        }
        for (i, (dx, &xi)) in self.dx.iter_mut().zip(&self.x).enumerate() {
            *dx = dot(&self.net.w1[i * hd..(i + 1) * hd], &self.dh);
            if xi != 0.0 {
                axpy(xi, &self.dh, self.p_w1.touch(i));
            }
        }
        let mut at = 0;
        for (k, (table, dim)) in self.net.shape.slot_dims().iter().enumerate() {
            let g = self.p_emb[*table].touch(self.ids[k] as usize);
            for (g, d) in g.iter_mut().zip(&self.dx[at..at + dim]) {
                *g += d;
            }
            at += dim;
        }
    }

    /// Counts one example into the batch and takes an optimiser step when it is full.
    fn end_example(&mut self, opts: &MlpOptions) {
        self.in_batch += 1;
        if self.in_batch < opts.batch {
            return;
        }
        self.in_batch = 0;
        self.steps += 1;
        let (lr, t) = (opts.learning_rate, self.steps);
        for (p, w) in self.p_emb.iter_mut().zip(self.net.emb.iter_mut()) {
            p.step(w, lr, t);
        }
        self.p_w1.step(&mut self.net.w1, lr, t);
        self.p_b1.step(&mut self.net.b1, lr, t);
        self.p_w2.step(&mut self.net.w2, lr, t);
        self.p_b2.step(&mut self.net.b2, lr, t);
    }

    /// One pass over a sentence; `explore`: whether the oracle may follow the network.
    fn sentence(
        &mut self,
        ex: &ParseExample,
        words: &[ParseWord],
        opts: &MlpOptions,
        explore: bool,
        rng: &mut Rng,
    ) {
        let keep = 1.0 - opts.dropout;
        let mut ids = std::mem::take(&mut self.word_ids);
        self.net.word_ids(words, &mut ids);
        self.word_ids = ids;
        let mut st = State::new(ex.words.len() - 1);
        while !st.terminal() {
            if !st.can_left() && !st.can_right() {
                if !st.can_shift() {
                    break;
                }
                st.apply(Move::Shift);
                continue;
            }
            self.forward(&st, words, keep, rng);
            move_costs(&st, ex, &mut self.costs);
            let (guess, gold) = self.loss_gradient(opts.batch);
            self.backward();
            self.end_example(opts);
            let follow = explore && rng.unit() < opts.explore;
            st.apply(decode(if follow { guess } else { gold }));
        }
    }
}

/// The sentence's words with rare ones dropped to "unknown" with probability
/// `a / (a + count)`, so the network learns what to do with unknown words.
fn drop_words(
    words: &[ParseWord],
    counts: &HashMap<u64, u32, IdentityBuild>,
    a: f32,
    rng: &mut Rng,
) -> Vec<ParseWord> {
    let mut out = words.to_vec();
    for w in out.iter_mut().skip(1) {
        let c = counts.get(&w.word).copied().unwrap_or(0) as f32;
        if rng.unit() < f64::from(a / (a + c)) {
            w.word = DROPPED_WORD;
        }
    }
    out
}

/// Trains the network; `on_epoch` scores each epoch's network (ready to run, and may set
/// its `perceptron_scale`); the best epoch is kept.
pub(crate) fn train(
    examples: &[ParseExample],
    n_tags: usize,
    n_labels: usize,
    opts: &MlpOptions,
    mut on_epoch: impl FnMut(usize, &mut Mlp) -> f64,
) -> Mlp {
    let counts: HashMap<u64, u32, IdentityBuild> = vocabulary(examples).into_iter().collect();
    let mut rng = Rng::new(opts.seed);
    let mut learner = Learner::new(initial(examples, n_tags, n_labels, opts, &mut rng));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(f64, Mlp)> = None;
    for epoch in 0..opts.epochs.max(1) {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &examples[s];
            let words = drop_words(&ex.words, &counts, opts.word_dropout, &mut rng);
            learner.sentence(ex, &words, opts, epoch >= opts.explore_from, &mut rng);
        }
        let mut frozen = learner.net.clone();
        frozen.quantise();
        frozen.prepare();
        let score = on_epoch(epoch, &mut frozen);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, frozen));
        }
    }
    best.map_or(learner.net, |b| b.1)
}
