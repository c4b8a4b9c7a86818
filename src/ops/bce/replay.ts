// Binary cross-entropy with logits replayed in a lower precision (src/core/replay.ts): PyTorch's
// binary_cross_entropy_with_logits (Loss.cpp, through log_sigmoid) as its CPU computes it, or
// the textbook −[y·log σ(z) + (1 − y)·log(1 − σ(z))] op by op.
import { type Arithmetic, type Trace, reducedSum } from '../../core/replay.js';
import { type Matrix, zeros } from '../../core/matrix.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { weightAt } from './kernel.js';

export interface BceReplayOptions {
  readonly posWeight?: readonly number[];
  readonly weight?: Matrix;
  readonly reduction: Reduction;
  readonly naive: boolean;
}

export interface BceReplayed {
  readonly losses: Matrix;
  /** The reduced loss (NaN for 'none'). */
  readonly loss: number;
}

/**
 * Each element's loss and their reduction, in `a`.
 * Stable: ls = log_sigmoid(x) (one kernel: min(x, 0) − log1p(exp(−|x|)) in float32, stored);
 * with pos_weight p, ls·(1 + (p − 1)·y); the loss (1 − y)·x − ls, each operation stored.
 * Naive: p = σ(x), log p, 1 − p, log(1 − p), y·log p + (1 − y)·log(1 − p), each stored: for
 * x = 12 in float16, σ(x) rounds to 1, log(1 − p) = −inf, and 0·(−inf) is NaN.
 * 'mean' adds (reducedSum) and divides by the count in float32, stored once; 'sum' stores the sum.
 *
 * @example
 * // float16, naive, logits [[12]], target [[1]]: the loss is NaN; stable: 6.139e-6
 */
export function bceReplayed(z: Matrix, y: Matrix, options: BceReplayOptions, a: Arithmetic, trace: Trace): BceReplayed {
  const { rows, cols } = z;
  const n = rows * cols;
  const x = Float64Array.from(z.data, (v) => a.input(v));
  const target = Float64Array.from(y.data, (v) => a.input(v));
  trace.record('input', 'format', cols, x);
  const losses = zeros(rows, cols);
  const pos = (k: number) => a.input(options.posWeight?.[k % cols] ?? 1);
  if (options.naive) {
    const p = x.map((v) => a.store(a.inside(1 / a.inside(1 + a.inside(Math.exp(-v))))));
    const logP = p.map((v) => a.store(Math.log(v)));
    const q = p.map((v) => a.store(1 - v));
    const logQ = q.map((v) => a.store(Math.log(v)));
    trace.record('sigmoid', 'format', cols, p);
    trace.record('logSigmoid', 'format', cols, logP);
    trace.record('oneMinus', 'format', cols, q);
    trace.record('logOneMinus', 'format', cols, logQ);
    for (let k = 0; k < n; k++) {
      const positive = a.store(a.store(pos(k) * target[k]) * logP[k]);
      const negative = a.store(a.store(1 - target[k]) * logQ[k]);
      losses.data[k] = -a.store(positive + negative);
    }
  } else {
    const logSigmoid = x.map((v) =>
      a.store(a.inside(Math.min(v, 0) - a.inside(Math.log1p(a.inside(Math.exp(-Math.abs(v))))))),
    );
    trace.record('logSigmoid', 'format', cols, logSigmoid);
    for (let k = 0; k < n; k++) {
      const logWeight = options.posWeight ? a.store(a.store(a.store(pos(k) - 1) * target[k]) + 1) : 1;
      const weighted = options.posWeight ? a.store(logSigmoid[k] * logWeight) : logSigmoid[k];
      losses.data[k] = a.store(a.store(a.store(1 - target[k]) * x[k]) - weighted);
    }
  }
  if (options.weight) {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        losses.data[k] = a.store(losses.data[k] * a.input(weightAt(options.weight, i, j)));
      }
  }
  trace.record('losses', 'format', cols, losses.data);
  if (options.reduction === 'none') return { losses, loss: NaN };
  const sum = reducedSum(losses.data, 0, n, a);
  const loss = a.store(options.reduction === 'sum' ? sum : a.inside(sum / n));
  trace.record('loss', 'format', 1, [loss]);
  return { losses, loss };
}
