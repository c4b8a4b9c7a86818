// What `xent distill` derives from a distillation loss besides the loss: its chance level.
import { type Matrix, zeros } from '../../core/matrix.js';
import { type DistillOptions, distillLosses } from './kernel.js';

/** The mean of each row's share of the loss (what 'none' is compared by). */
export function meanOfRows(losses: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < losses.length; i++) sum += losses[i];
  return sum / losses.length;
}

/**
 * The chance level of a distillation loss: the loss of a student with equal logits (the
 * uniform distribution, a student that knows nothing) against the same teacher, T,
 * labels, A and reduction, computed by the kernel itself: T²·KL(teacher ‖ uniform) =
 * T²·(ln C − H(teacher)) per row, and A·ln C + (1 − A)·that with labels. 'none' gets the
 * mean of the rows' losses, the figure it is compared with.
 *
 * @example
 * // A uniform teacher: the student at chance already matches it.
 * distillChance(fromRows([[0, 0]]), { temperature: 4, reduction: 'batchmean' }) // 0
 */
export function distillChance(teacher: Matrix, options: DistillOptions): number {
  const equal = distillLosses(zeros(teacher.rows, teacher.cols), teacher, options);
  return options.reduction === 'none' ? meanOfRows(equal.losses) : equal.loss;
}
