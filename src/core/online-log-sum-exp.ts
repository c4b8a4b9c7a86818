import { addAt, logOfSum } from './compensated.js';

/**
 * Per column: a reference point m and Σ exp(x − m) over the values so far, compensated:
 * the sum is sum + low (compensated.ts; `low` absent: 0).
 */
export interface ColumnLogSumExpState {
  readonly max: Float64Array;
  readonly sum: Float64Array;
  readonly low?: Float64Array;
}

/**
 * log Σᵢ exp(xᵢⱼ) of every column j of a matrix that arrives one row at a time, in O(columns)
 * memory: each column keeps its running maximum m and Σ exp(x − m), rescaled when a larger
 * value arrives. Column-wise quantities (CLIP's text→image direction) can so be computed
 * while streaming rows.
 *
 * @example
 * const lse = new ColumnLogSumExp(2);
 * lse.add([1000, 0]); lse.add([1000, 1]);
 * lse.result() // [1000 + log 2, log(1 + e)]
 */
export class ColumnLogSumExp {
  private readonly max: Float64Array;
  private readonly sum: Float64Array;
  private readonly low: Float64Array;

  constructor(readonly cols: number) {
    this.max = new Float64Array(cols).fill(-Infinity);
    this.sum = new Float64Array(cols);
    this.low = new Float64Array(cols);
  }

  add(row: ArrayLike<number>): void {
    const { max, sum, low } = this;
    for (let j = 0; j < this.cols; j++) {
      const x = row[j];
      if (x === -Infinity) continue;
      const m = max[j];
      if (x > m) {
        this.rescale(j, Math.exp(m - x));
        addAt(sum, low, j, 1);
        max[j] = x;
      } else {
        addAt(sum, low, j, Math.exp(x - m));
      }
    }
  }

  /** Column j's sum times f (a new reference point): both halves of it. */
  private rescale(j: number, f: number): void {
    this.sum[j] *= f;
    this.low[j] *= f;
  }

  /**
   * Folds in the columns of another part of the same matrix (read in parallel, or a block of
   * rows summed at once): for each column, the larger reference is kept and the other sum
   * rescaled to it. `other.max[j]` may be any reference at or above that column's values
   * (−inf: nothing to add) as long as its sum stays far from underflow.
   */
  merge(other: ColumnLogSumExpState): void {
    for (let j = 0; j < this.cols; j++) {
      const m1 = this.max[j];
      const m2 = other.max[j];
      if (m2 === -Infinity) continue;
      const otherLow = other.low?.[j] ?? 0;
      if (m1 === -Infinity) {
        this.max[j] = m2;
        this.sum[j] = other.sum[j];
        this.low[j] = otherLow;
      } else if (m2 > m1) {
        this.rescale(j, Math.exp(m1 - m2));
        addAt(this.sum, this.low, j, other.sum[j]);
        addAt(this.sum, this.low, j, otherLow);
        this.max[j] = m2;
      } else {
        const f = Math.exp(m2 - m1);
        addAt(this.sum, this.low, j, other.sum[j] * f);
        addAt(this.sum, this.low, j, otherLow * f);
      }
    }
  }

  /** The running state, to send to another thread. */
  toJSON(): ColumnLogSumExpState {
    return { max: this.max, sum: this.sum, low: this.low };
  }

  /** Column j's reference point (−inf: nothing added to it yet). */
  maxOf(j: number): number {
    return this.max[j];
  }

  /** log Σ exp(x − m) of each column, without its reference point m (see maxOf). */
  logSums(): Float64Array {
    const out = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++) out[j] = logOfSum(this.sum[j], this.low[j]);
    return out;
  }

  /** log-sum-exp of each column so far (−inf for a column of only −inf). */
  result(): Float64Array {
    const out = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++)
      out[j] = this.max[j] === -Infinity ? -Infinity : this.max[j] + logOfSum(this.sum[j], this.low[j]);
    return out;
  }
}
