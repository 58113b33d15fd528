//! Labelled arc-hybrid transition parser (Kuhlmann et al. 2011) with an averaged perceptron,
//! Zhang & Nivre (2011)-style features and the dynamic oracle of Goldberg & Nivre (2013).

mod beam;
pub(crate) mod mlp;

use crate::binio::{ReadResult, Reader, Writer};
use crate::hash::{f1, f2, f3, mix, Rng};
use crate::perceptron::{Trainer, Weights};

/// Sentences longer than this are parsed in consecutive chunks: keeps cost linear and
/// memory bounded on run-on "sentences" (tables, lists, broken segmentation).
pub(crate) const MAX_CHUNK: usize = 250;

const NONE: u64 = 0x4e4f_4e45;
const ROOT: u64 = 0x524f_4f54;

/// What the parser sees of one word (index 0 is the artificial root).
#[derive(Clone, Copy)]
pub(crate) struct ParseWord {
    /// Hash of the lower-cased form.
    pub(crate) word: u64,
    /// Tagger label id (fine: UPOS + XPOS).
    pub(crate) tag: u16,
    /// Coarse tag id (UPOS alone).
    pub(crate) coarse: u16,
    /// The tagger's runner-up tag id (`NO_ALTERNATIVE` if none) and the winner's lead
    /// bucket (0–15): only the neural classifier reads them.
    pub(crate) alt: u16,
    pub(crate) margin: u8,
}

/// A parsing configuration. Words are numbered 1..=n; 0 is the root.
#[derive(Clone)]
struct State {
    n: usize,
    stack: Vec<usize>,
    /// First word of the buffer; the buffer is empty when `buffer > n`.
    buffer: usize,
    heads: Vec<usize>,
    labels: Vec<u8>,
    /// Two leftmost and two rightmost children (0 = none).
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_labels: Vec<u128>,
    right_labels: Vec<u128>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Move {
    Shift,
    Left(u8),
    Right(u8),
}

fn decode(class: usize) -> Move {
    match class {
        0 => Move::Shift,
        c if c % 2 == 1 => Move::Left(((c - 1) / 2) as u8),
        c => Move::Right(((c - 2) / 2) as u8),
    }
}

impl State {
    fn new(n: usize) -> Self {
        State {
            n,
            stack: vec![0],
            buffer: 1,
            heads: vec![usize::MAX; n + 1],
            labels: vec![0; n + 1],
            left: vec![[0; 2]; n + 1],
            right: vec![[0; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    /// The finished tree: heads and labels, with anything left unattached (which valid
    /// moves never leave) on the root.
    fn into_tree(self) -> (Vec<usize>, Vec<u8>) {
        let heads = self
            .heads
            .iter()
            .map(|&h| if h == usize::MAX { 0 } else { h })
            .collect();
        (heads, self.labels)
    }

    fn terminal(&self) -> bool {
        self.buffer > self.n && self.stack.len() <= 1
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    fn b(&self, k: usize) -> Option<usize> {
        let i = self.buffer + k;
        (i <= self.n).then_some(i)
    }

    fn can_shift(&self) -> bool {
        self.buffer <= self.n
    }

    fn can_left(&self) -> bool {
        self.buffer <= self.n && self.s(0).is_some_and(|s0| s0 != 0)
    }

    /// Only the last word may attach to the root, so the tree has a single root.
    fn can_right(&self) -> bool {
        self.stack.len() >= 2 && (self.s(1) != Some(0) || self.buffer > self.n)
    }

    fn add_arc(&mut self, head: usize, child: usize, label: u8) {
        self.heads[child] = head;
        self.labels[child] = label;
        let bit = 1u128 << (label as u32 % 128);
        if child < head {
            let l = &mut self.left[head];
            if l[0] == 0 || child < l[0] {
                *l = [child, l[0]];
            } else if l[1] == 0 || child < l[1] {
                l[1] = child;
            }
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            let r = &mut self.right[head];
            if r[0] == 0 || child > r[0] {
                *r = [child, r[0]];
            } else if r[1] == 0 || child > r[1] {
                r[1] = child;
            }
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.buffer);
                self.buffer += 1;
            }
            Move::Left(label) => {
                if let Some(s0) = self.stack.pop() {
                    self.add_arc(self.buffer, s0, label);
                }
            }
            Move::Right(label) => {
                if let Some(s0) = self.stack.pop() {
                    let s1 = self.s(0).unwrap_or(0);
                    self.add_arc(s1, s0, label);
                }
            }
        }
    }

    /// Costs (gold arcs made unreachable) of SHIFT, LEFT and RIGHT, ignoring labels.
    fn costs(&self, gold_heads: &[usize]) -> (u32, u32, u32) {
        let b0 = self.buffer;
        let in_buffer = |x: usize| x >= b0 && x <= self.n;
        let s0 = self.s(0).unwrap_or(0);
        let s1 = self.s(1);
        let mut shift = 0;
        if self.can_shift() {
            for &k in &self.stack {
                shift += u32::from(gold_heads[k] == b0 && k != 0);
                shift += u32::from(gold_heads[b0] == k && k != s0);
            }
        }
        let deps_in_buffer = (b0..=self.n).filter(|&d| gold_heads[d] == s0).count() as u32;
        let h = if s0 == 0 { usize::MAX } else { gold_heads[s0] };
        let left = deps_in_buffer + u32::from(h != b0 && (Some(h) == s1 || in_buffer(h)));
        let right = deps_in_buffer + u32::from(in_buffer(h));
        (shift, left, right)
    }
}

fn distance(a: usize, b: usize) -> u64 {
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Feature hashes of a configuration.
fn features(st: &State, words: &[ParseWord], out: &mut Vec<u64>) {
    let w = |i: Option<usize>| match i {
        None => NONE,
        Some(0) => ROOT,
        Some(i) => words[i].word,
    };
    let p = |i: Option<usize>| match i {
        None => NONE,
        Some(0) => ROOT,
        Some(i) => u64::from(words[i].tag) + 1,
    };
    let u = |i: Option<usize>| match i {
        None => NONE,
        Some(0) => ROOT,
        Some(i) => u64::from(words[i].coarse) + 0x1000,
    };
    let l = |i: Option<usize>| i.map_or(NONE, |i| u64::from(st.labels[i]) + 1);
    let child = |i: Option<usize>, f: &dyn Fn(usize) -> usize| i.map(f).filter(|&c| c != 0);
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
    let s0l = child(s0, &|i| st.left[i][0]);
    let s0l2 = child(s0, &|i| st.left[i][1]);
    let s0r = child(s0, &|i| st.right[i][0]);
    let s0r2 = child(s0, &|i| st.right[i][1]);
    let s1l = child(s1, &|i| st.left[i][0]);
    let s1r = child(s1, &|i| st.right[i][0]);
    let b0l = child(b0, &|i| st.left[i][0]);
    let b0l2 = child(b0, &|i| st.left[i][1]);
    let s1l2 = child(s1, &|i| st.left[i][1]);
    let s1r2 = child(s1, &|i| st.right[i][1]);
    let s0ll = child(s0l, &|i| st.left[i][0]);
    let s0rr = child(s0r, &|i| st.right[i][0]);
    let b0ll = child(b0l, &|i| st.left[i][0]);
    let (s0w, s0p, s1w, s1p, s2p) = (w(s0), p(s0), w(s1), p(s1), p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (w(b0), p(b0), w(b1), p(b1), w(b2), p(b2));
    let s0wp = mix(s0w ^ s0p);
    let s1wp = mix(s1w ^ s1p);
    let b0wp = mix(b0w ^ b0p);
    let b1wp = mix(b1w ^ b1p);
    let d1 = match (s0, b0) {
        (Some(a), Some(b)) if a != 0 => distance(a, b),
        _ => NONE,
    };
    let d2 = match (s1, s0) {
        (Some(a), Some(b)) if a != 0 => distance(a, b),
        _ => NONE,
    };
    let val = |i: Option<usize>, left: bool| {
        i.map_or(NONE, |i| {
            u64::from(if left {
                st.left_count[i]
            } else {
                st.right_count[i]
            })
        })
    };
    let set = |i: Option<usize>, left: bool| {
        i.map_or(NONE, |i| {
            let s = if left {
                st.left_labels[i]
            } else {
                st.right_labels[i]
            };
            mix(s as u64 ^ mix((s >> 64) as u64))
        })
    };
    let (s0vl, s0vr, s1vl, s1vr, b0vl) = (
        val(s0, true),
        val(s0, false),
        val(s1, true),
        val(s1, false),
        val(b0, true),
    );
    let (s0ls, s0rs, s1ls, s1rs, b0ls) = (
        set(s0, true),
        set(s0, false),
        set(s1, true),
        set(s1, false),
        set(b0, true),
    );
    out.clear();
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, s0w),
        f1(2, s0p),
        f1(3, s0wp),
        f1(4, s1w),
        f1(5, s1p),
        f1(6, s1wp),
        f1(7, s2p),
        f1(8, b0w),
        f1(9, b0p),
        f1(10, b0wp),
        f1(11, b1w),
        f1(12, b1p),
        f1(13, b1wp),
        f1(14, b2w),
        f1(15, b2p),
        // children
        f1(16, w(s0l)),
        f1(17, p(s0l)),
        f1(18, l(s0l)),
        f1(19, w(s0r)),
        f1(20, p(s0r)),
        f1(21, l(s0r)),
        f1(22, p(s1r)),
        f1(23, l(s1r)),
        f1(24, w(b0l)),
        f1(25, p(b0l)),
        f1(26, l(b0l)),
        f1(27, p(s1l)),
        f1(28, l(s1l)),
        f2(29, p(s0l2), l(s0l2)),
        f2(30, p(s0r2), l(s0r2)),
        f2(31, p(b0l2), l(b0l2)),
        // pairs
        f2(32, s0wp, b0wp),
        f2(33, s0wp, b0w),
        f2(34, s0w, b0wp),
        f2(35, s0wp, b0p),
        f2(36, s0p, b0wp),
        f2(37, s0w, b0w),
        f2(38, s0p, b0p),
        f2(39, b0p, b1p),
        f2(40, s1wp, s0wp),
        f2(41, s1w, s0w),
        f2(42, s1p, s0p),
        f2(43, s1wp, s0p),
        f2(44, s1p, s0wp),
        f2(45, s0w, b1w),
        // triples
        f3(46, b0p, b1p, b2p),
        f3(47, s0p, b0p, b1p),
        f3(48, s1p, s0p, b0p),
        f3(49, s2p, s1p, s0p),
        f3(50, s0p, p(s0l), b0p),
        f3(51, s0p, p(s0r), b0p),
        f3(52, s0p, b0p, p(b0l)),
        f3(53, s1p, s0p, p(s0l)),
        f3(54, s1p, p(s1r), s0p),
        f3(55, s0p, p(s0l), p(s0l2)),
        f3(56, s0p, p(s0r), p(s0r2)),
        f3(57, b0p, p(b0l), p(b0l2)),
        f3(58, s1p, s0p, b0w),
        f3(59, s1w, s0p, b0p),
        // distance
        f2(60, s0w, d1),
        f2(61, s0p, d1),
        f2(62, b0w, d1),
        f2(63, b0p, d1),
        f3(64, s0w, b0w, d1),
        f3(65, s0p, b0p, d1),
        f3(66, s1p, s0p, d2),
        f3(67, s1w, s0w, d2),
        f2(68, s1w, d2),
        f2(69, s0w, d2),
        // valency
        f2(70, s0w, s0vl),
        f2(71, s0p, s0vl),
        f2(72, s0w, s0vr),
        f2(73, s0p, s0vr),
        f2(74, s1w, s1vr),
        f2(75, s1p, s1vr),
        f2(76, b0w, b0vl),
        f2(77, b0p, b0vl),
        // label sets
        f2(78, s0w, s0ls),
        f2(79, s0p, s0ls),
        f2(80, s0w, s0rs),
        f2(81, s0p, s0rs),
        f2(82, b0w, b0ls),
        f2(83, b0p, b0ls),
        f2(84, s1p, s1rs),
        // coarse tags
        f1(85, u(s0)),
        f1(86, u(b0)),
        f2(87, u(s0), u(b0)),
        f2(88, u(s1), u(s0)),
        f3(89, u(s1), u(s0), u(b0)),
        f3(90, u(b0), u(b1), u(b2)),
        f3(91, u(s0), u(b0), u(b1)),
        f3(92, u(s2), u(s1), u(s0)),
        f3(93, s0w, u(b0), u(b1)),
        f2(94, b0w, l(b0l)),
        f2(95, s0w, l(s0r)),
        f3(96, s0p, l(s0l), l(s0r)),
        f1(97, p(st.b(3))),
        f3(98, s1w, s0p, b0p),
        f2(99, s1w, b0w),
        // third order: second children's words, grandchildren, and s1 as fully as s0
        f1(100, w(s0l2)),
        f1(101, w(s0r2)),
        f1(102, w(b0l2)),
        f1(103, w(s1l)),
        f1(104, w(s1r)),
        f2(105, p(s1l2), l(s1l2)),
        f2(106, p(s1r2), l(s1r2)),
        f3(107, s1p, p(s1r), p(s1r2)),
        f3(108, s0p, p(s0l), p(s0ll)),
        f3(109, s0p, p(s0r), p(s0rr)),
        f3(110, b0p, p(b0l), p(b0ll)),
        f2(111, s1w, s1vl),
        f2(112, s1p, s1vl),
        f2(113, s1w, s1ls),
        f2(114, s1p, s1ls),
        f2(115, s1w, s1rs),
        f3(116, s1p, s0p, l(s1r)),
    ]);
}

/// The cost of every class in `st` for the gold tree of `ex` (`u32::MAX`: not valid):
/// gold arcs the move makes unreachable, plus one if it makes a gold arc with the wrong
/// label.
fn move_costs(st: &State, ex: &ParseExample, costs: &mut [u32]) {
    let (shift, left, right) = st.costs(&ex.heads);
    let s0 = st.s(0).unwrap_or(0);
    let s1 = st.s(1);
    for (c, cost) in costs.iter_mut().enumerate() {
        *cost = match decode(c) {
            Move::Shift if st.can_shift() => shift,
            Move::Left(l) if st.can_left() => {
                left + u32::from(ex.heads[s0] == st.buffer && ex.labels[s0] != l)
            }
            Move::Right(l) if st.can_right() => {
                right + u32::from(Some(ex.heads[s0]) == s1 && ex.labels[s0] != l)
            }
            _ => u32::MAX,
        };
    }
}

/// How far the best valid class leads the second best.
fn valid_margin(st: &State, scores: &[f32]) -> f32 {
    let valid = [st.can_shift(), st.can_left(), st.can_right()];
    let (mut best, mut second) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for (c, &s) in scores.iter().enumerate() {
        let kind = if c == 0 { 0 } else { 2 - c % 2 };
        if !valid[kind] {
            continue;
        }
        if s > best {
            second = best;
            best = s;
        } else if s > second {
            second = s;
        }
    }
    best - second
}

/// Puts the invalid classes and those more than `margin` below the best valid one out of
/// the running (`-inf`), so that the network scores only the rest.
fn keep_candidates(st: &State, scores: &mut [f32], margin: f32) {
    let Some(best) = best_valid(st, scores) else {
        return;
    };
    let floor = scores[best] - margin;
    let valid = [st.can_shift(), st.can_left(), st.can_right()];
    for (c, s) in scores.iter_mut().enumerate() {
        let kind = if c == 0 { 0 } else { 2 - c % 2 };
        if !valid[kind] || *s < floor {
            *s = f32::NEG_INFINITY;
        }
    }
}

/// The best valid class.
fn best_valid(st: &State, scores: &[f32]) -> Option<usize> {
    let valid = [st.can_shift(), st.can_left(), st.can_right()];
    let mut best: Option<usize> = None;
    for (c, s) in scores.iter().enumerate() {
        let kind = if c == 0 { 0 } else { 2 - c % 2 };
        if valid[kind] && best.is_none_or(|b| *s > scores[b]) {
            best = Some(c);
        }
    }
    best
}

pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    weights: Weights,
    /// Optional neural transition classifier whose logits join the perceptron's scores.
    pub(crate) mlp: Option<mlp::Mlp>,
}

/// One training sentence: words (index 0 = root) with gold heads and label ids.
pub(crate) struct ParseExample {
    pub(crate) words: Vec<ParseWord>,
    pub(crate) heads: Vec<usize>,
    pub(crate) labels: Vec<u8>,
}

impl Parser {
    pub(crate) fn n_features(&self) -> usize {
        self.weights.n_features()
    }

    pub(crate) fn n_weights(&self) -> usize {
        self.weights.n_weights()
    }

    /// Heads (0 = root, 1-based otherwise) and label ids for `words[1..]`, padded with the
    /// root at index 0. Long inputs are parsed in chunks whose roots attach to the first
    /// chunk's root.
    /// `beam` is the beam width; 1 parses greedily.
    pub(crate) fn parse(&self, words: &[ParseWord], beam: usize) -> (Vec<usize>, Vec<u8>) {
        let n = words.len().saturating_sub(1);
        let mut heads = vec![0usize; n + 1];
        let mut labels = vec![0u8; n + 1];
        let fallback = self.label_id("parataxis").unwrap_or(0);
        let mut first_root = None;
        let mut start = 1;
        while start <= n {
            let end = (start + MAX_CHUNK - 1).min(n);
            let mut chunk = Vec::with_capacity(end - start + 2);
            chunk.push(words[0]);
            chunk.extend_from_slice(&words[start..=end]);
            let (h, l) = if beam > 1 {
                beam::parse(&self.weights, &chunk, beam)
            } else {
                self.parse_one(&chunk)
            };
            for i in 1..chunk.len() {
                let global = start + i - 1;
                if h[i] == 0 {
                    match first_root {
                        None => {
                            first_root = Some(global);
                            heads[global] = 0;
                            labels[global] = l[i];
                        }
                        Some(r) => {
                            heads[global] = r;
                            labels[global] = fallback;
                        }
                    }
                } else {
                    heads[global] = h[i] + start - 1;
                    labels[global] = l[i];
                }
            }
            start = end + 1;
        }
        (heads, labels)
    }

    fn label_id(&self, name: &str) -> Option<u8> {
        self.labels.iter().position(|l| l == name).map(|i| i as u8)
    }

    fn parse_one(&self, words: &[ParseWord]) -> (Vec<usize>, Vec<u8>) {
        let n = words.len() - 1;
        let mut st = State::new(n);
        let mut scores = vec![0f32; self.weights.n_classes()];
        let mut feats = Vec::with_capacity(128);
        let mut scratch = self.mlp.as_ref().map(|net| {
            let mut scratch = net.scratch();
            net.start_sentence(words, &mut scratch);
            scratch
        });
        while !st.terminal() {
            // With only the root on the stack SHIFT is the one valid move (often: after
            // every LEFT that empties the stack): no need to score.
            if !st.can_left() && !st.can_right() {
                if !st.can_shift() {
                    break;
                }
                st.apply(Move::Shift);
                continue;
            }
            match (&self.mlp, scratch.as_mut()) {
                (Some(net), Some(scratch)) => {
                    let scale = net.perceptron_scale;
                    // The network is consulted only where the perceptron is not sure.
                    if scale > 0.0 {
                        features(&st, words, &mut feats);
                        self.weights.score(&feats, &mut scores);
                        scores.iter_mut().for_each(|s| *s *= scale);
                        if valid_margin(&st, &scores) < net.confident_margin {
                            keep_candidates(&st, &mut scores, net.candidate_margin);
                            net.add_logits(&st, words, scratch, &mut scores);
                        }
                    } else {
                        scores.iter_mut().for_each(|s| *s = 0.0);
                        keep_candidates(&st, &mut scores, f32::INFINITY);
                        net.add_logits(&st, words, scratch, &mut scores);
                    }
                }
                _ => {
                    features(&st, words, &mut feats);
                    self.weights.score(&feats, &mut scores);
                }
            }
            let Some(class) = best_valid(&st, &scores) else {
                break;
            };
            st.apply(decode(class));
        }
        st.into_tree()
    }

    /// Trains with the dynamic oracle; `on_epoch` scores each epoch's averaged parser and
    /// the best epoch is kept.
    /// With `beam` > 1, trains globally with beam search instead (see `beam`).
    pub(crate) fn train(
        labels: Vec<String>,
        examples: &[ParseExample],
        epochs: usize,
        seed: u64,
        beam: usize,
        mut on_epoch: impl FnMut(usize, &Parser) -> f64,
    ) -> Parser {
        if beam > 1 {
            return Parser::train_beam(labels, examples, epochs, seed, beam, on_epoch);
        }
        let n_classes = 1 + 2 * labels.len();
        let mut trainer = Trainer::new(n_classes);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut scores = vec![0f32; n_classes];
        let mut costs = vec![0u32; n_classes];
        let mut feats = Vec::with_capacity(128);
        let mut best: Option<(f64, Parser)> = None;
        for epoch in 0..epochs.max(1) {
            rng.shuffle(&mut order);
            for &s in &order {
                let ex = &examples[s];
                let mut st = State::new(ex.words.len() - 1);
                while !st.terminal() {
                    features(&st, &ex.words, &mut feats);
                    trainer.score(&feats, &mut scores);
                    let Some(guess) = best_valid(&st, &scores) else {
                        break;
                    };
                    move_costs(&st, ex, &mut costs);
                    let min = costs.iter().copied().min().unwrap_or(0);
                    let gold = (0..n_classes)
                        .filter(|&c| costs[c] == min)
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .unwrap_or(guess);
                    if costs[guess] > min {
                        trainer.update(&feats, gold, guess);
                    }
                    trainer.tick();
                    let explore = epoch > 0 && rng.unit() < 0.9;
                    st.apply(decode(if explore { guess } else { gold }));
                }
            }
            let parser = Parser {
                labels: labels.clone(),
                weights: trainer.finish(0.0),
                mlp: None,
            };
            let score = on_epoch(epoch, &parser);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, parser));
            }
        }
        best.expect("at least one epoch ran").1
    }

    /// Structured averaged perceptron over beam search with max-violation updates, on the
    /// oracle's move sequences; the best epoch on `on_epoch`'s score is kept.
    fn train_beam(
        labels: Vec<String>,
        examples: &[ParseExample],
        epochs: usize,
        seed: u64,
        width: usize,
        mut on_epoch: impl FnMut(usize, &Parser) -> f64,
    ) -> Parser {
        let n_classes = 1 + 2 * labels.len();
        let mut trainer = Trainer::new(n_classes);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let oracle: Vec<Vec<u16>> = examples.iter().map(beam::oracle_moves).collect();
        let mut scores = vec![0f32; n_classes];
        let mut feats = Vec::with_capacity(128);
        let mut best: Option<(f64, Parser)> = None;
        for epoch in 0..epochs.max(1) {
            rng.shuffle(&mut order);
            for &s in &order {
                let ex = &examples[s];
                beam::train_sentence(&mut trainer, ex, &oracle[s], width, &mut scores, &mut feats);
                trainer.tick();
            }
            let parser = Parser {
                labels: labels.clone(),
                weights: trainer.finish(0.0),
                mlp: None,
            };
            let score = on_epoch(epoch, &parser);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, parser));
            }
        }
        best.expect("at least one epoch ran").1
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.strs(&self.labels);
        self.weights.write(out);
    }

    pub(crate) fn read(input: &mut Reader) -> ReadResult<Parser> {
        let labels = input.strs()?;
        if labels.len() > 127 {
            return Err("too many dependency labels".into());
        }
        let weights = Weights::read(input)?;
        if weights.n_classes() != 1 + 2 * labels.len() {
            return Err("parser weights do not match its label set".into());
        }
        Ok(Parser {
            labels,
            weights,
            mlp: None,
        })
    }
}

impl Parser {
    pub(crate) fn pruned(&self, min_abs: f32) -> Parser {
        Parser {
            labels: self.labels.clone(),
            weights: self.weights.pruned(min_abs),
            mlp: self.mlp.clone(),
        }
    }
}
