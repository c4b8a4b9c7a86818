// Cross-entropy of class targets replayed in a lower precision (src/core/replay.ts):
// F.cross_entropy = nll_loss(log_softmax(z / T)) as PyTorch's CPU computes it, or the
// textbook −log(exp(z_y) / Σ exp(z)) op by op.
import type { Arithmetic, Trace } from '../../core/replay.js';
import type { Matrix } from '../../core/matrix.js';
import { softmaxRows, storedLogits } from '../softmax/replay.js';
import type { Reduction } from './kernel.js';

export interface CrossEntropyReplayOptions {
  readonly temperature: number;
  /** One weight per class; all 1 when absent. */
  readonly weight?: readonly number[];
  readonly reduction: Reduction;
  readonly naive: boolean;
}

export interface CrossEntropyReplayed {
  /** Each row's loss −w_y·ℓ_y as stored (0 for an ignored row). */
  readonly losses: Float64Array;
  /** The reduced loss (NaN for 'none'). */
  readonly loss: number;
}

/**
 * The losses of each row toward its class (null: ignored), and their reduction, in `a`.
 * ℓ = log_softmax(z / T) (stable, or log of the naive softmax) is stored in the format; then
 * nll_loss as LossNLL.cpp: lₙ = −w_y·ℓ_{n,y} stored, Σ lₙ and Σ w_y added in the accumulate
 * type and stored, 'mean' = the first over the second, stored.
 *
 * @example
 * // float16, naive, logits [[0, -20]], target 1: exp(−20) = 0 in float16, so p = 0 and the loss is inf
 */
export function crossEntropyReplayed(
  z: Matrix,
  classes: readonly (number | null)[],
  options: CrossEntropyReplayOptions,
  a: Arithmetic,
  trace: Trace,
): CrossEntropyReplayed {
  const x = storedLogits(z, options.temperature, a, trace);
  const logProbs = softmaxRows(x, options.naive, true, a, trace);
  const weight = (c: number) => a.input(options.weight?.[c] ?? 1);
  const losses = new Float64Array(z.rows);
  let total = 0;
  let totalWeight = 0;
  classes.forEach((y, n) => {
    if (y === null) return;
    losses[n] = a.store(-weight(y) * logProbs.data[n * z.cols + y]);
    total = a.accumulate(total + losses[n]);
    totalWeight = a.accumulate(totalWeight + weight(y));
  });
  trace.record('losses', 'format', 1, losses);
  if (options.reduction === 'none') return { losses, loss: NaN };
  const sum = a.store(total);
  if (options.reduction === 'sum') {
    trace.record('loss', 'format', 1, [sum]);
    return { losses, loss: sum };
  }
  trace.record('lossSum', 'format', 1, [sum]);
  const loss = a.store(sum / a.store(totalWeight));
  trace.record('loss', 'format', 1, [loss]);
  return { losses, loss };
}
