// Sums that keep their accuracy however many terms they have: Neumaier's compensated
// summation carries the rounding error of every addition in a second double. A plain sum of
// 10⁶ terms of ~1e-13 onto 1 is off by up to 10⁶ half-ulps (1e-10); this one by about one.

/**
 * A running sum and the rounding errors its additions dropped (`low`): the sum is hi + low,
 * to about one rounding whatever the number of terms.
 *
 * @example
 * const s = new CompensatedSum(); s.add(1); for (let k = 0; k < 1e6; k++) s.add(1e-16);
 * s.value() // 1.0000000001 (a plain sum stays at 1)
 */
export class CompensatedSum {
  hi = 0;
  low = 0;

  add(x: number): void {
    const t = this.hi + x;
    this.low += Math.abs(this.hi) >= Math.abs(x) ? this.hi - t + x : x - t + this.hi;
    this.hi = t;
  }

  /** The sum; an infinite term makes it ±inf (or NaN), as a plain sum, not the NaN of inf − inf in `low`. */
  value(): number {
    return Number.isFinite(this.hi) ? this.hi + this.low : this.hi;
  }
}

/**
 * Adds x to the compensated sum held at index j of `hi` and `low` (a column of sums).
 */
export function addAt(hi: Float64Array, low: Float64Array, j: number, x: number): void {
  const s = hi[j];
  const t = s + x;
  low[j] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  hi[j] = t;
}

/**
 * log(hi + low) of a compensated sum of exp(xᵢ − max), which is at least 1: near 1 (one
 * dominant term) as log1p of its excess over 1, which hi − 1 gives exactly (Sterbenz) and
 * `low` completes, so that a tiny log-sum-exp above the maximum keeps its digits.
 *
 * @example
 * logOfSum(1, 1e-17) // 1e-17 (Math.log(1 + 1e-17) is 0)
 */
export function logOfSum(hi: number, low: number): number {
  return hi >= 0.5 && hi <= 2 ? Math.log1p(hi - 1 + low) : Math.log(hi + low);
}
