// The check of entropy's input (and kl's P and Q): every row must be a probability
// distribution. Errors name the source, the row (and column) and the value, 1-based.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, rowView } from '../../core/matrix.js';

/**
 * How far a row's sum may be from 1. Probabilities pasted with 4 decimals
 * (0.7856, 0.1753, 0.0391) can be off by a few 1e-4; this is ce's --probs tolerance too.
 */
export const DISTRIBUTION_TOLERANCE = 1e-3;

/** A sum as a message shows it: 10 significant digits, so that float noise does not show. */
function shownSum(sum: number): number {
  return Number(sum.toPrecision(10));
}

/**
 * The row is a probability distribution over two classes or more: entries in [0, 1] and
 * |Σ − 1| ≤ {@link DISTRIBUTION_TOLERANCE}. Stops at the first entry outside [0, 1].
 *
 * @example
 * isDistributionRow([0.7, 0.2, 0.1]) // true
 * isDistributionRow([2, 0.5, -1]) // false
 */
export function isDistributionRow(row: ArrayLike<number>): boolean {
  if (row.length < 2) return false;
  let sum = 0;
  for (let k = 0; k < row.length; k++) {
    const p = row[k];
    if (!(p >= 0 && p <= 1)) return false;
    sum += p;
  }
  return Math.abs(sum - 1) <= DISTRIBUTION_TOLERANCE;
}

/**
 * Each row: entries ≥ 0 and |Σ − 1| ≤ {@link DISTRIBUTION_TOLERANCE}; else an XentError
 * saying where, and by how much the sum is off. Rows are used as given, not renormalised.
 *
 * @example
 * checkDistributions(fromRows([[0.5, 0.4]]), 'p') // throws: row 1 sums to 0.9, off by 0.1
 */
export function checkDistributions(m: Matrix, source: MessageParam): void {
  for (let k = 0; k < m.data.length; k++) {
    if (m.data[k] < 0) {
      throw new XentError('err.dist.negative', {
        source,
        value: m.data[k],
        row: Math.floor(k / m.cols) + 1,
        col: (k % m.cols) + 1,
      });
    }
  }
  for (let i = 0; i < m.rows; i++) {
    let sum = 0;
    for (const v of rowView(m, i)) sum += v;
    const off = Math.abs(sum - 1);
    if (!(off <= DISTRIBUTION_TOLERANCE)) {
      throw new XentError('err.dist.sum', {
        source,
        row: i + 1,
        sum: shownSum(sum),
        off: shownSum(off),
        tolerance: DISTRIBUTION_TOLERANCE,
      });
    }
  }
}
