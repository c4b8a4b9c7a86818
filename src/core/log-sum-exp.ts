import { addAt, logOfSum } from './compensated.js';
import type { Matrix } from './matrix.js';

/**
 * The largest entry and Σ exp(xᵢ − max) of a vector, with log Σ: the halves of a stable
 * log-sum-exp, kept apart because subtracting `max` first keeps log-probabilities near 0
 * exact (x − max − log s, not x − (max + log s)). The sum is compensated (compensated.ts),
 * and its log taken as log1p of its excess over 1: 10⁶ classes keep every digit.
 *
 * @example
 * shiftedSumExp([1000, 0]) // { max: 1000, sum: 1 + e^-1000 = 1, logSum: e^-1000 → 0 }
 */
export function shiftedSumExp(values: ArrayLike<number>): { max: number; sum: number; logSum: number } {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] > max) max = values[k];
  if (!Number.isFinite(max)) {
    const sum = max === -Infinity ? 0 : NaN;
    return { max, sum, logSum: Math.log(sum) };
  }
  let hi = 0;
  let low = 0;
  for (let k = 0; k < values.length; k++) {
    const x = Math.exp(values[k] - max);
    const t = hi + x;
    low += hi >= x ? hi - t + x : x - t + hi; // Neumaier (both ≥ 0)
    hi = t;
  }
  return { max, sum: hi + low, logSum: logOfSum(hi, low) };
}

/**
 * shiftedSumExp of every column of a matrix, without transposing it: the same maximum and
 * the same sum (taken down the rows in order) as shiftedSumExp of each column.
 *
 * @example
 * columnShiftedSumExp(fromRows([[1000, 0], [0, 0]])) // max [1000, 0], sum [1 + e^-1000 = 1, 2]
 */
export function columnShiftedSumExp(m: Matrix): { max: Float64Array; sum: Float64Array; logSum: Float64Array } {
  const { rows, cols, data } = m;
  const max = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) if (data[k] > max[j]) max[j] = data[k];
  }
  const sum = new Float64Array(cols);
  const low = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) addAt(sum, low, j, Math.exp(data[k] - max[j]));
  }
  const logSum = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    if (Number.isFinite(max[j])) {
      logSum[j] = logOfSum(sum[j], low[j]);
      sum[j] += low[j];
    } else {
      sum[j] = max[j] === -Infinity ? 0 : NaN;
      logSum[j] = Math.log(sum[j]);
    }
  }
  return { max, sum, logSum };
}

/**
 * log Σ exp(xᵢ), computed without overflow.
 *
 * @example
 * logSumExp([1e4, 1e4 - 1]) // 10000.31326168751822…
 * logSumExp([-Infinity, -Infinity]) // -Infinity (nothing to sum)
 */
export function logSumExp(values: ArrayLike<number>): number {
  const { max, logSum } = shiftedSumExp(values);
  return Number.isFinite(max) ? max + logSum : max;
}
