// Kullback–Leibler divergence and cross-entropy of two discrete distributions, in nats (see
// src/core/units.ts for bits and bans). Conventions, as in Cover & Thomas: 0·log(0/q) = 0
// (even for q = 0), p·log(p/0) = inf for p > 0. H(p, q) = H(p) + KL(p‖q), H from src/ops/entropy/.

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
