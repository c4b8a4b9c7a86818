import { type Matrix, rowView, transpose, zeros } from '../matrix.js';
import { shiftedSumExp } from './log-sum-exp.js';

export type Axis = 'row' | 'col';

export interface SoftmaxResult {
  /** Softmax of logits / T along the axis. */
  readonly probs: Matrix;
  /** log of probs, computed directly (exact where probs underflow to 0). */
  readonly logProbs: Matrix;
}

/**
 * Softmax of one vector z / T, written into `probs` and `logProbs`.
 * pᵢ = exp(zᵢ/T − m) / Σₖ exp(zₖ/T − m) with m = max zₖ/T, as PyTorch computes it; a row of
 * all −inf has no softmax and gives NaN (callers reject such rows first).
 *
 * @example
 * // z = [2, 0.5, -1]: p ≈ [0.7856, 0.1753, 0.0391]
 */
export function softmaxInto(
  z: ArrayLike<number>,
  temperature: number,
  probs: Float64Array,
  logProbs: Float64Array,
): void {
  const n = z.length;
  for (let k = 0; k < n; k++) logProbs[k] = z[k] / temperature;
  const { max, sum } = shiftedSumExp(logProbs);
  const logSum = Math.log(sum);
  for (let k = 0; k < n; k++) {
    const shifted = logProbs[k] - max;
    probs[k] = Math.exp(shifted) / sum;
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
  if (axis === 'col') {
    const t = softmax(transpose(logits), temperature, 'row');
    return { probs: transpose(t.probs), logProbs: transpose(t.logProbs) };
  }
  const probs = zeros(logits.rows, logits.cols);
  const logProbs = zeros(logits.rows, logits.cols);
  for (let i = 0; i < logits.rows; i++) {
    softmaxInto(rowView(logits, i), temperature, rowView(probs, i), rowView(logProbs, i));
  }
  return { probs, logProbs };
}

/** Index of the largest entry of each row (the first one on ties). */
export function argmaxRows(m: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    const row = rowView(m, i);
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
    out.push(best);
  }
  return out;
}
