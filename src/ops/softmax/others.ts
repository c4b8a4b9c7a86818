import { type Matrix, type RowSource, rowView, zeros } from '../../core/matrix.js';
import { type SoftmaxResult, softmaxInto } from './kernel.js';

/**
 * Softmax of each row of similarity / τ over the other rows only: the diagonal (a row
 * with itself) is excluded, so it gets probability 0 and log-probability −inf. This is
 * the distribution NT-Xent and SupCon score each anchor with.
 *
 * @example
 * othersSoftmax(fromRows([[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]]), 1).probs
 * // row 1: [0, e^0.5/(e^0.5 + 1), 1/(e^0.5 + 1)] ≈ [0, 0.6225, 0.3775]
 */
export function othersSoftmax(similarity: Matrix, temperature: number): SoftmaxResult {
  const n = similarity.rows;
  const probs = zeros(n, n);
  const logProbs = zeros(n, n);
  const row = othersSoftmaxRows(similarity, temperature);
  for (let i = 0; i < n; i++) row(i, rowView(probs, i), rowView(logProbs, i));
  return { probs, logProbs };
}

/**
 * Row i of {@link othersSoftmax}, computed when asked for: `probs` (which may be left out)
 * and `logProbs` receive it. Nothing N×N is held.
 */
export function othersSoftmaxRows(
  similarity: Matrix,
  temperature: number,
): (i: number, probs: Float64Array | undefined, logProbs: Float64Array) => void {
  const row = new Float64Array(similarity.cols);
  return (i, probs, logProbs) => {
    row.set(rowView(similarity, i));
    row[i] = -Infinity;
    softmaxInto(row, temperature, probs, logProbs);
  };
}

/** The probabilities of {@link othersSoftmax} as a RowSource. */
export function othersSoftmaxProbs(similarity: Matrix, temperature: number): RowSource {
  const row = othersSoftmaxRows(similarity, temperature);
  const logProbs = new Float64Array(similarity.cols);
  return { rows: similarity.rows, cols: similarity.cols, row: (i, into) => row(i, into, logProbs) };
}
