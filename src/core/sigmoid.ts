/**
 * softplus(x) = log(1 + eˣ), computed as max(x, 0) + log1p(e^−|x|): no overflow for large x,
 * no loss of precision for very negative x.
 *
 * @example
 * softplus(1000) // 1000
 * softplus(-1000) // 0 (e^-1000, below the smallest double)
 * softplus(0) // log 2 ≈ 0.6931
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * log σ(x) = −softplus(−x), the stable way (log(1/(1 + e^−x)) overflows for x ≪ 0).
 *
 * @example
 * logSigmoid(-800) // -800
 */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/**
 * σ(x) = 1 / (1 + e^−x), evaluated on the side where the exponential cannot overflow.
 *
 * @example
 * sigmoid(0) // 0.5
 * sigmoid(-800) // e^-800 → 0, not NaN
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
