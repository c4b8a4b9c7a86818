// Softmax and log-softmax replayed in a lower precision (src/core/replay.ts): the stable
// kernels as PyTorch's CPU computes them, or the textbook formula op by op.
import { type Arithmetic, type Trace, reducedSum } from '../../core/replay.js';
import { type Matrix, transpose, zeros } from '../../core/matrix.js';
import type { Axis } from './kernel.js';

export interface SoftmaxReplayOptions {
  readonly temperature: number;
  readonly axis: Axis;
  /** log-softmax (F.log_softmax) instead of softmax. */
  readonly log: boolean;
  /** The textbook exp(z)/Σexp(z) (and its log), each operation stored in the format. */
  readonly naive: boolean;
}

/**
 * The logits as the framework holds them: the input stored in the format, and divided by T
 * (a tensor operation of its own: in float32, then stored) when T ≠ 1. Recorded as 'input' and 'scaled'.
 */
export function storedLogits(z: Matrix, temperature: number, a: Arithmetic, trace: Trace): Matrix {
  const x = zeros(z.rows, z.cols);
  for (let k = 0; k < x.data.length; k++) x.data[k] = a.input(z.data[k]);
  trace.record('input', 'format', z.cols, x.data);
  if (temperature === 1) return x;
  // A Python float T: PyTorch divides in float32 (its opmath type) and stores the quotient.
  const t = a.inside(temperature);
  for (let k = 0; k < x.data.length; k++) x.data[k] = a.store(a.inside(x.data[k] / t));
  trace.record('scaled', 'format', z.cols, x.data);
  return x;
}

/**
 * Softmax (or log-softmax) of each row of logits already stored (storedLogits), in the
 * arithmetic `a`.
 *
 * Stable, as PyTorch's _vec_softmax_lastdim / _vec_log_softmax_lastdim: m = max x; inside the
 * kernel (float32) dₖ = xₖ − m, eₖ = exp dₖ, S = Σ eₖ in order; softmax pₖ = eₖ · (1/S),
 * log-softmax ℓₖ = dₖ − log S; only the output stored in the format.
 * Naive: eₖ = exp xₖ, S = Σ eₖ, pₖ = eₖ / S, ℓₖ = log pₖ, each stored: exp(12) is inf in
 * float16, and inf / inf is NaN.
 *
 * @example
 * // float16, stable: softmax([12, 0, -12]) = [1, 6.139e-6, 0]; naive: [NaN, 0, 0]
 */
export function softmaxRows(x: Matrix, naive: boolean, log: boolean, a: Arithmetic, trace: Trace): Matrix {
  const { rows, cols } = x;
  const shifted = zeros(rows, cols);
  const exps = zeros(rows, cols);
  const sums = new Float64Array(rows);
  const out = zeros(rows, cols);
  const round = naive ? a.store : a.inside;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    if (!naive) for (let k = 0; k < cols; k++) if (x.data[o + k] > max) max = x.data[o + k];
    for (let k = 0; k < cols; k++) {
      shifted.data[o + k] = naive ? x.data[o + k] : a.inside(x.data[o + k] - max);
      exps.data[o + k] = round(Math.exp(shifted.data[o + k]));
    }
    // Inside the kernel the sum is a float32 running sum (one vector of lanes for up to 8
    // classes: in order); torch.sum of the naive formula is a reduction stored once.
    if (naive) sums[i] = a.store(reducedSum(exps.data, o, cols, a));
    else for (let k = 0; k < cols; k++) sums[i] = a.inside(sums[i] + exps.data[o + k]);
  }
  if (!naive) trace.record('shifted', 'float32', cols, shifted.data);
  trace.record('exp', naive ? 'format' : 'float32', cols, exps.data);
  trace.record('sum', naive ? 'format' : 'float32', 1, sums);
  if (naive) {
    for (let k = 0; k < out.data.length; k++) out.data[k] = a.store(exps.data[k] / sums[Math.floor(k / cols)]);
    trace.record('probs', 'format', cols, out.data);
    if (!log) return out;
    for (let k = 0; k < out.data.length; k++) out.data[k] = a.store(Math.log(out.data[k]));
    trace.record('logProbs', 'format', cols, out.data);
    return out;
  }
  if (log) {
    const logSums = Float64Array.from(sums, (s) => a.inside(Math.log(s)));
    trace.record('logSum', 'float32', 1, logSums);
    for (let k = 0; k < out.data.length; k++)
      out.data[k] = a.store(a.inside(shifted.data[k] - logSums[Math.floor(k / cols)]));
    trace.record('logProbs', 'format', cols, out.data);
    return out;
  }
  const reciprocals = Float64Array.from(sums, (s) => a.inside(1 / s));
  trace.record('reciprocal', 'float32', 1, reciprocals);
  for (let k = 0; k < out.data.length; k++)
    out.data[k] = a.store(a.inside(exps.data[k] * reciprocals[Math.floor(k / cols)]));
  trace.record('probs', 'format', cols, out.data);
  return out;
}

/**
 * `xent softmax` replayed: the logits stored, scaled, then softmaxRows along the axis (a
 * column softmax is the row softmax of the transpose; its steps are recorded column by column).
 */
export function softmaxReplayed(z: Matrix, options: SoftmaxReplayOptions, a: Arithmetic, trace: Trace): Matrix {
  const lines = options.axis === 'col' ? transpose(z) : z;
  const x = storedLogits(lines, options.temperature, a, trace);
  const out = softmaxRows(x, options.naive, options.log, a, trace);
  return options.axis === 'col' ? transpose(out) : out;
}
