import { type Matrix, zeros } from '../../core/matrix.js';
import { type BinaryCrossEntropyOptions, binaryCrossEntropy } from './kernel.js';

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

/**
 * The chance level of a BCE: the loss of logits 0 (every p = 0.5, what a model that knows
 * nothing predicts) with the same targets, weights and reduction: ln 2 per element for a
 * 0/1 target, pos_weight·y·ln 2 + (1 − y)·ln 2 in general, computed by the kernel itself.
 * 'none' gets the mean, the figure its mean loss is compared with.
 *
 * @example
 * bceChance(fromRows([[1, 0]]), {}) // ln 2 ≈ 0.6931
 */
export function bceChance(targets: Matrix, options: BinaryCrossEntropyOptions): number {
  const r = binaryCrossEntropy(zeros(targets.rows, targets.cols), targets, { ...options, inputIsProbs: false });
  return options.reduction === 'none' ? r.meanLoss : r.loss;
}
