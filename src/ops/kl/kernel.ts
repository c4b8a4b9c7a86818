// Kullback–Leibler divergence and cross-entropy of two discrete distributions, in nats (see
// src/core/units.ts for bits and bans). Conventions, as in Cover & Thomas: 0·log(0/q) = 0
// (even for q = 0), p·log(p/0) = inf for p > 0. H(p, q) = H(p) + KL(p‖q), H from src/ops/entropy/.

import { type Matrix, zeros } from '../../core/matrix.js';

/**
 * Cross-entropy H(p, q) = −Σ p log q, in nats: inf where p > 0 and q = 0; 0·log 0 counts 0.
 *
 * @example
 * crossEntropyOf([1, 0], [0.5, 0.5]) // 0.6931… = ln 2
 */
export function crossEntropyOf(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(q[i]);
  return h;
}

/**
 * KL(p‖q) = Σ p log(p/q), in nats. Terms with p = 0 are 0; a term with p > 0 and q = 0 is
 * inf (p has mass where q has none). Each term is p·(log p − log q), not log of a ratio
 * that could overflow.
 *
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]) // 0.5108… = 0.5·ln(0.5/0.9) + 0.5·ln(0.5/0.1)
 * klDivergence([0.5, 0.5], [1, 0])     // Infinity
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return klFromLog(p, Array.from(q, Math.log));
}

/**
 * KL(p‖q) with q given by its logarithms (a log-softmax, exact where q underflows):
 * Σ p·(log p − log q), terms with p = 0 being 0.
 */
export function klFromLog(p: ArrayLike<number>, logQ: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) d += p[i] * (Math.log(p[i]) - logQ[i]);
  return d;
}

/** P and Q as the divergence takes them: each with its logarithms (exact where a probability underflows). */
export interface KlPair {
  readonly p: Matrix;
  readonly logP: Matrix;
  readonly q: Matrix;
  readonly logQ: Matrix;
}

/**
 * F.kl_div's pointwise terms, P·(log P − log Q) (0 where P = 0, as its xlogy), and their
 * reductions: 'sum' adds them, 'batchmean' divides by the N rows (the KL per row, what KL
 * means), 'mean' (PyTorch's default) by the N·C elements, C times less, and 'none' keeps them.
 *
 * @example
 * // One row over 5 classes: 'mean' is batchmean / 5.
 * klReduced(pair, 'mean') // = klReduced(pair, 'batchmean') / 5
 */
export function klElements(pair: KlPair): Matrix {
  const { p, logP, logQ } = pair;
  const out = zeros(p.rows, p.cols);
  for (let k = 0; k < p.data.length; k++) out.data[k] = p.data[k] > 0 ? p.data[k] * (logP.data[k] - logQ.data[k]) : 0;
  return out;
}

/** The reduced loss of {@link klElements}; NaN for 'none' (the elements are the result). */
export function klReduced(elements: Matrix, reduction: 'batchmean' | 'mean' | 'sum' | 'none'): number {
  if (reduction === 'none') return NaN;
  let sum = 0;
  for (const e of elements.data) sum += e;
  if (reduction === 'sum') return sum;
  return sum / (reduction === 'batchmean' ? elements.rows : elements.data.length);
}

/** H(p) = −Σ p log p from p and its logarithms (terms with p = 0 are 0). */
export function entropyFromLog(p: ArrayLike<number>, logP: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * logP[i];
  return h;
}

/** H(p, q) = −Σ p log q from p and log q (inf where p > 0 and q = 0). */
export function crossFromLog(p: ArrayLike<number>, logQ: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * logQ[i];
  return h;
}

/** KL(p‖q) = Σ p·(log p − log q) from both logarithms (terms with p = 0 are 0). */
export function klFromLogs(p: ArrayLike<number>, logP: ArrayLike<number>, logQ: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) d += p[i] * (logP[i] - logQ[i]);
  return d;
}
