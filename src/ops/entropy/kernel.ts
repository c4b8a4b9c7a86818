// Entropy of a discrete distribution, in nats (see src/core/units.ts for bits and bans).
// Convention, as in Cover & Thomas: 0·log 0 = 0. KL(p‖q) and H(p, q) are in src/ops/kl/.

/**
 * Entropy H(p) = −Σ p log p of one distribution, in nats; 0·log 0 counts 0.
 *
 * @example
 * entropy([0.5, 0.5]) // 0.6931… = ln 2 (one bit)
 */
export function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}
