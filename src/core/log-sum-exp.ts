import type { Matrix } from './matrix.js';

/**
 * The largest entry and Σ exp(xᵢ − max) of a vector: the two halves of a stable
 * log-sum-exp, kept apart because subtracting `max` first keeps log-probabilities near 0
 * exact (x − max − log s, not x − (max + log s)).
 *
 * @example
 * shiftedSumExp([1000, 0]) // { max: 1000, sum: 1 + e^-1000 = 1 }
 */
export function shiftedSumExp(values: ArrayLike<number>): { max: number; sum: number } {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] > max) max = values[k];
  if (!Number.isFinite(max)) return { max, sum: max === -Infinity ? 0 : NaN };
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += Math.exp(values[k] - max);
  return { max, sum };
}

/**
 * shiftedSumExp of every column of a matrix, without transposing it: the same maximum and
 * the same sum (taken down the rows in order) as shiftedSumExp of each column.
 *
 * @example
 * columnShiftedSumExp(fromRows([[1000, 0], [0, 0]])) // max [1000, 0], sum [1 + e^-1000 = 1, 2]
 */
export function columnShiftedSumExp(m: Matrix): { max: Float64Array; sum: Float64Array } {
  const { rows, cols, data } = m;
  const max = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) if (data[k] > max[j]) max[j] = data[k];
  }
  const sum = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) sum[j] += Math.exp(data[k] - max[j]);
  }
  for (let j = 0; j < cols; j++) if (!Number.isFinite(max[j])) sum[j] = max[j] === -Infinity ? 0 : NaN;
  return { max, sum };
}

/**
 * log Σ exp(xᵢ), computed without overflow.
 *
 * @example
 * logSumExp([1e4, 1e4 - 1]) // 10000.31326168751822…
 * logSumExp([-Infinity, -Infinity]) // -Infinity (nothing to sum)
 */
export function logSumExp(values: ArrayLike<number>): number {
  const { max, sum } = shiftedSumExp(values);
  return Number.isFinite(max) ? max + Math.log(sum) : max;
}
