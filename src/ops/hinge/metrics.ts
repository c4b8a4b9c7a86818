// What `xent hinge` derives from a margin loss besides the loss: its chance level.
import { type Matrix, zeros } from '../../core/matrix.js';
import { type HingeOptions, multiClassHinge } from './kernel.js';

/**
 * The chance level of a margin loss: the loss of equal scores (what a model that knows
 * nothing gives) with the same targets, style, p, margin, weights and reduction, computed by
 * the kernel itself: (C − 1)·Δ for CS231n's SVM, w_y·(C − 1)·margin^p / C for
 * F.multi_margin_loss, Δ for Crammer–Singer. 'none' gets the mean, the figure its mean loss
 * is compared with.
 *
 * @example
 * hingeChance(fromRows([[3, 1, 2]]), [0], { style: 'ww', p: 1, margin: 1, reduction: 'mean' }) // 2
 */
export function hingeChance(scores: Matrix, classes: readonly number[], options: HingeOptions): number {
  const equal = multiClassHinge(zeros(scores.rows, scores.cols), classes, options);
  return options.reduction === 'none' ? equal.meanLoss : equal.loss;
}
