// What `xent infonce` and the library derive from InfoNCE's logits besides the loss.
import { type Matrix, rowView } from '../../core/matrix.js';
import { accuracyOf, inTopK } from '../cross-entropy/metrics.js';

/** Whether each query's positive (column 0) has the unique highest logit. */
export function positiveFirst(logits: Matrix): boolean[] {
  return Array.from({ length: logits.rows }, (_, i) => inTopK(rowView(logits, i), 0, 1));
}

/** The share of queries whose positive comes first (a tie counts as a miss). */
export function positiveAccuracy(logits: Matrix): number {
  return accuracyOf(positiveFirst(logits));
}

/** What a model that knows nothing scores: ln(1 + K), every key equally likely. */
export function infoNceChance(keys: number): number {
  return Math.log(keys);
}
