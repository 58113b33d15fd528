//! Beam search for the arc-hybrid parser, and its global training: a structured averaged
//! perceptron with max-violation updates (Huang, Fayong & Guo 2012; Zhang & Nivre 2011
//! features). Width 1 is never routed here: greedy parsing keeps its own, faster path.

use super::{decode, features, Move, ParseExample, ParseWord, State};
use crate::perceptron::{Trainer, Weights};

/// One hypothesis: a configuration, the sum of its moves' scores and the moves themselves
/// (replayed to collect features for an update).
#[derive(Clone)]
struct Item {
    st: State,
    score: f64,
    moves: Vec<u16>,
    /// Every move so far is the oracle's.
    gold: bool,
}

/// The class of a move (inverse of `decode`).
fn encode(m: Move) -> u16 {
    match m {
        Move::Shift => 0,
        Move::Left(l) => 1 + 2 * u16::from(l),
        Move::Right(l) => 2 + 2 * u16::from(l),
    }
}

fn valid(st: &State, class: usize) -> bool {
    match decode(class) {
        Move::Shift => st.can_shift(),
        Move::Left(_) => st.can_left(),
        Move::Right(_) => st.can_right(),
    }
}

/// One beam step: every valid move of every item, best `width` kept. Ties break on item
/// then class, so the search is deterministic. `score` fills a class-score vector for a
/// configuration (the frozen weights at run time, the trainer's during training).
fn step(
    beam: &[Item],
    width: usize,
    gold_next: Option<u16>,
    mut score: impl FnMut(&State, &mut [f32]),
    scores: &mut [f32],
) -> Vec<Item> {
    let mut candidates: Vec<(f64, usize, u16)> = Vec::with_capacity(beam.len() * scores.len());
    for (i, item) in beam.iter().enumerate() {
        if item.st.terminal() {
            continue;
        }
        if !item.st.can_left() && !item.st.can_right() {
            // SHIFT is forced: no need to score.
            candidates.push((item.score, i, 0));
            continue;
        }
        score(&item.st, scores);
        for (c, s) in scores.iter().enumerate() {
            if valid(&item.st, c) {
                candidates.push((item.score + f64::from(*s), i, c as u16));
            }
        }
    }
    let by_rank = |a: &(f64, usize, u16), b: &(f64, usize, u16)| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    if candidates.len() > width {
        candidates.select_nth_unstable_by(width - 1, by_rank);
        candidates.truncate(width);
    }
    candidates.sort_by(by_rank);
    candidates
        .into_iter()
        .map(|(score, i, class)| {
            let parent = &beam[i];
            let mut item = parent.clone();
            item.st.apply(decode(class as usize));
            item.score = score;
            item.moves.push(class);
            item.gold = parent.gold && gold_next == Some(class);
            item
        })
        .collect()
}

/// Beam-search parse of one chunk (`words[0]` is the root): heads and label ids.
pub(super) fn parse(weights: &Weights, words: &[ParseWord], width: usize) -> (Vec<usize>, Vec<u8>) {
    let n = words.len() - 1;
    let mut beam = vec![Item {
        st: State::new(n),
        score: 0.0,
        moves: Vec::new(),
        gold: false,
    }];
    let mut scores = vec![0f32; weights.n_classes()];
    let mut feats = Vec::with_capacity(128);
    while beam.iter().any(|item| !item.st.terminal()) {
        let next = step(
            &beam,
            width.max(1),
            None,
            |st, out| {
                features(st, words, &mut feats);
                weights.score(&feats, out);
            },
            &mut scores,
        );
        if next.is_empty() {
            break;
        }
        beam = next;
    }
    beam.swap_remove(0).st.into_tree()
}

/// The oracle's move sequence: at each step a move that loses no more gold arcs than any
/// other (dynamic-oracle costs, so non-projective trees get their best projective
/// approximation), preferring LEFT, then RIGHT, then SHIFT.
pub(super) fn oracle_moves(ex: &ParseExample) -> Vec<u16> {
    let n = ex.words.len() - 1;
    let mut st = State::new(n);
    let mut moves = Vec::with_capacity(2 * n);
    while !st.terminal() {
        let (shift, left, right) = st.costs(&ex.heads);
        let s0 = st.s(0).unwrap_or(0);
        let label = ex.labels[s0];
        let mut options: Vec<(u32, Move)> = Vec::with_capacity(3);
        // The gold label of `s0`: an arc with it costs no more than the unlabelled arc.
        if st.can_left() {
            options.push((left, Move::Left(label)));
        }
        if st.can_right() {
            options.push((right, Move::Right(label)));
        }
        if st.can_shift() {
            options.push((shift, Move::Shift));
        }
        let Some(&(_, m)) = options.iter().min_by_key(|(cost, _)| *cost) else {
            break;
        };
        moves.push(encode(m));
        st.apply(m);
    }
    moves
}

/// Trains on one sentence: searches with the current weights along the oracle sequence and,
/// at the step where the best wrong hypothesis beats the oracle prefix by the most, moves
/// weight from that hypothesis's features to the oracle prefix's. Returns whether it updated.
pub(super) fn train_sentence(
    trainer: &mut Trainer,
    ex: &ParseExample,
    gold: &[u16],
    width: usize,
    scores: &mut [f32],
    feats: &mut Vec<u64>,
) -> bool {
    let n = ex.words.len() - 1;
    let start = State::new(n);
    let mut beam = vec![Item {
        st: start.clone(),
        score: 0.0,
        moves: Vec::new(),
        gold: true,
    }];
    let mut gold_st = start.clone();
    let mut gold_score = 0f64;
    // (violation, wrong hypothesis's moves)
    let mut worst: Option<(f64, Vec<u16>)> = None;
    for (t, &g) in gold.iter().enumerate() {
        // The oracle prefix's score, whether or not it is still in the beam.
        if gold_st.can_left() || gold_st.can_right() {
            features(&gold_st, &ex.words, feats);
            trainer.score(feats, scores);
            gold_score += f64::from(scores[g as usize]);
        }
        gold_st.apply(decode(g as usize));
        let next = step(
            &beam,
            width,
            Some(g),
            |st, out| {
                features(st, &ex.words, feats);
                trainer.score(feats, out);
            },
            scores,
        );
        if next.is_empty() {
            break;
        }
        beam = next;
        let best = &beam[0];
        if !best.gold {
            let violation = best.score - gold_score;
            if violation >= 0.0 && worst.as_ref().is_none_or(|(v, _)| violation > *v) {
                worst = Some((violation, best.moves.clone()));
            }
        }
        debug_assert_eq!(beam[0].moves.len(), t + 1);
    }
    let Some((_, wrong)) = worst else {
        return false;
    };
    let len = wrong.len();
    for (moves, delta) in [(&gold[..len], 1.0f32), (&wrong[..], -1.0f32)] {
        let mut st = start.clone();
        for &m in moves {
            if st.can_left() || st.can_right() {
                features(&st, &ex.words, feats);
                trainer.add(feats, m as usize, delta);
            }
            st.apply(decode(m as usize));
        }
    }
    true
}
