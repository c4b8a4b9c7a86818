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

  constructor(readonly cols: number) {
    this.max = new Float64Array(cols).fill(-Infinity);
    this.sum = new Float64Array(cols);
  }

  add(row: ArrayLike<number>): void {
    const { max, sum } = this;
    for (let j = 0; j < this.cols; j++) {
      const x = row[j];
      if (x === -Infinity) continue;
      const m = max[j];
      if (x > m) {
        sum[j] = sum[j] * Math.exp(m - x) + 1;
        max[j] = x;
      } else {
        sum[j] += Math.exp(x - m);
      }
    }
  }

  /** log-sum-exp of each column so far (−inf for a column of only −inf). */
  result(): Float64Array {
    const out = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++) out[j] = this.max[j] === -Infinity ? -Infinity : this.max[j] + Math.log(this.sum[j]);
    return out;
  }
}
