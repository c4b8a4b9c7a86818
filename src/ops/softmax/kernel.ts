import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import { columnShiftedSumExp, shiftedSumExp } from '../../core/log-sum-exp.js';

export type Axis = 'row' | 'col';

export interface SoftmaxResult {
  /** Softmax of logits / T along the axis. */
  readonly probs: Matrix;
  /** log of probs, computed directly (exact where probs underflow to 0). */
  readonly logProbs: Matrix;
}

/**
 * Softmax of one vector z / T, written into `probs` and `logProbs` (`probs` may be left out
 * when only the log-probabilities are wanted: a cross-entropy of index targets).
 * pᵢ = exp(zᵢ/T − m) / Σₖ exp(zₖ/T − m) with m = max zₖ/T, as PyTorch computes it (as
 * exp((zᵢ − max z)/T) where a tiny T would make m overflow); a row of
 * all −inf has no softmax and gives NaN (callers reject such rows first).
 *
 * @example
 * // z = [2, 0.5, -1]: p ≈ [0.7856, 0.1753, 0.0391]
 */
export function softmaxInto(
  z: ArrayLike<number>,
  temperature: number,
  probs: Float64Array | undefined,
  logProbs: Float64Array,
): void {
  const n = z.length;
  // zᵢ/T, unless the largest of them overflows (1e308 / 1e-6 = inf, and inf − inf = NaN; or
  // −1e308 / 1e-6 = −inf everywhere): then shift first, (zᵢ − max z)/T ≤ 0. Not always: with a
  // large T, zᵢ − max z can overflow where zᵢ/T does not ([1e308, −1e308] / 1e308).
  let top = -Infinity;
  for (let k = 0; k < n; k++) if (z[k] > top) top = z[k];
  const shiftFirst = Number.isFinite(top) && !Number.isFinite(top / temperature);
  for (let k = 0; k < n; k++) logProbs[k] = shiftFirst ? (z[k] - top) / temperature : z[k] / temperature;
  const { max, sum, logSum } = shiftedSumExp(logProbs);
  for (let k = 0; k < n; k++) {
    const shifted = logProbs[k] - max;
    if (probs) probs[k] = Math.exp(shifted) / sum;
    logProbs[k] = shifted - logSum;
  }
}

/**
 * Softmax of each row (axis 'row') or each column (axis 'col') of logits / T.
 *
 * @example
 * softmax(fromRows([[1000, 0, -1000]])).probs // [[1, e^-1000 → 0, 0]]
 */
export function softmax(logits: Matrix, temperature = 1, axis: Axis = 'row'): SoftmaxResult {
  if (axis === 'col') return columnSoftmax(logits, temperature);
  const probs = zeros(logits.rows, logits.cols);
  const logProbs = zeros(logits.rows, logits.cols);
  for (let i = 0; i < logits.rows; i++) {
    softmaxInto(rowView(logits, i), temperature, rowView(probs, i), rowView(logProbs, i));
  }
  return { probs, logProbs };
}

/**
 * softmaxInto of every column, without transposing the matrix: each column's maximum, sum
 * and values are the ones softmaxInto computes for it, taken down the rows in order.
 */
function columnSoftmax(z: Matrix, temperature: number): SoftmaxResult {
  const { rows, cols, data } = z;
  const probs = zeros(rows, cols);
  const logProbs = zeros(rows, cols);
  const top = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) if (data[k] > top[j]) top[j] = data[k];
  const shiftFirst = Array.from(top, (m) => Number.isFinite(m) && !Number.isFinite(m / temperature));
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++)
      logProbs.data[k] = shiftFirst[j] ? (data[k] - top[j]) / temperature : data[k] / temperature;
  }
  const { max, sum, logSum } = columnShiftedSumExp(logProbs);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const shifted = logProbs.data[k] - max[j];
      probs.data[k] = Math.exp(shifted) / sum[j];
      logProbs.data[k] = shifted - logSum[j];
    }
  }
  return { probs, logProbs };
}

/** Index of the largest entry of each row (the first one on ties). */
export function argmaxRows(m: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.rows; i++) out.push(argmax(rowView(m, i)));
  return out;
}

/** Index of the largest entry of a row (the first one on ties). */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}
