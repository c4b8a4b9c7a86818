import type { Matrix } from '../../core/matrix.js';

/**
 * The share of elements where the prediction p > 0.5 agrees with the target > 0.5 (p = 0.5
 * with target 0 agrees: neither side is above 0.5).
 *
 * @example
 * elementAccuracy(fromRows([[0.9, 0.2]]), fromRows([[1, 1]])) // 0.5
 */
export function elementAccuracy(probs: Matrix, targets: Matrix): number {
  let hits = 0;
  for (let k = 0; k < probs.data.length; k++) if (probs.data[k] > 0.5 === targets.data[k] > 0.5) hits++;
  return hits / probs.data.length;
}
