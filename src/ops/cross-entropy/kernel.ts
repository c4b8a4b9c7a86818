import { CompensatedSum } from '../../core/compensated.js';
import { XentError } from '../../core/errors.js';
import { type Matrix, at, mapMatrix, rowView, zeros } from '../../core/matrix.js';
import { softmax } from '../softmax/kernel.js';

export type Reduction = 'mean' | 'sum' | 'none';

/**
 * The targets of a cross-entropy: one class index per row (`null` for an ignored row,
 * PyTorch's ignore_index), or one distribution per row (soft or one-hot targets).
 */
export type CrossEntropyTargets =
  | { readonly kind: 'index'; readonly classes: readonly (number | null)[] }
  | { readonly kind: 'probs'; readonly probs: Matrix };

export interface CrossEntropyOptions {
  /** Class weights w_c (all 1 when absent), one per column. */
  readonly weight?: readonly number[];
  /** Label smoothing ε in [0, 1]. */
  readonly labelSmoothing?: number;
  readonly reduction?: Reduction;
  /** The logits are divided by T before the softmax (ignored for probability input). */
  readonly temperature?: number;
  /** The input rows are already probabilities: ℓ = log p instead of log_softmax(z / T). */
  readonly inputIsProbs?: boolean;
  /**
   * How ε is spread: 'torch' (PyTorch and Keras: (1 − ε)·q + ε/C on every class) or 'others'
   * (as many tutorials teach it: 1 − ε on the target, ε/(C − 1) on each other class, for a
   * distribution q: (1 − ε)·q + ε·(1 − q)/(C − 1)).
   */
  readonly smoothingStyle?: SmoothingStyle;
  /**
   * One weight per row, as Keras's sample_weight: each row's loss (and gradient) times sₙ, and
   * 'mean' is Keras's sum_over_batch_size, Σ sₙ·lₙ over the number of rows counted.
   */
  readonly sampleWeight?: ArrayLike<number>;
}

/** How label smoothing spreads ε: PyTorch's ε/C on every class, or ε/(C − 1) on the others. */
export type SmoothingStyle = 'torch' | 'others';
export const SMOOTHING_STYLES: readonly SmoothingStyle[] = ['torch', 'others'];

/**
 * A target distribution q smoothed: (1 − ε)·q + ε/C ('torch'), or (1 − ε)·q + ε·(1 − q)/(C − 1)
 * ('others': for a one-hot q, 1 − ε on the target and ε/(C − 1) on each other class).
 *
 * @example
 * smoothedTarget(1, 0.1, 3, 'torch')  // 0.9333… = 0.9 + 0.1/3
 * smoothedTarget(0, 0.1, 3, 'others') // 0.05 = 0.1/2
 */
export function smoothedTarget(q: number, eps: number, classes: number, style: SmoothingStyle = 'torch'): number {
  if (eps === 0) return q;
  return style === 'others' ? (1 - eps) * q + (eps * (1 - q)) / (classes - 1) : (1 - eps) * q + eps / classes;
}

export interface CrossEntropyResult {
  /** softmax(z / T) of each row, or the input itself when it holds probabilities. */
  readonly probs: Matrix;
  /** ℓ = log of probs, computed directly (exact where probs underflow). */
  readonly logProbs: Matrix;
  /** Per-row losses as reduction 'none' gives them: weighted, 0 for an ignored row. */
  readonly losses: Float64Array;
  /** The reduced loss: Σ losses / denominator for 'mean', Σ losses for 'sum', NaN for 'none'. */
  readonly loss: number;
  /** What 'mean' divides by: Σ of the target weights of counted rows (index targets) or N. */
  readonly meanDenominator: number;
  /** Σ losses / meanDenominator, whatever the reduction (NaN when that is 0/0). */
  readonly meanLoss: number;
  /**
   * ∂loss/∂input: w.r.t. the logits as given (before dividing by T), or w.r.t. the given
   * probabilities with `inputIsProbs`. For 'none', the gradient of Σ losses.
   */
  readonly grad: Matrix;
}

/** 0 · log 0 is 0 (the limit of q log q), not NaN: a class that is both masked and not aimed at costs nothing. */
function times(a: number, logP: number): number {
  return a === 0 ? 0 : a * logP;
}

/**
 * The effective target row of index target y (into `out`, which starts at 0): the weighted,
 * smoothed one-hot, ε/C·w_c on every class and (1 − ε)·w_y more on y.
 */
export function indexTargetRow(
  out: Float64Array,
  y: number,
  w: ArrayLike<number>,
  eps: number,
  style: SmoothingStyle = 'torch',
): void {
  const cols = out.length;
  if (style === 'others' && eps > 0) {
    for (let c = 0; c < cols; c++) out[c] = c === y ? (1 - eps) * w[c] : (eps / (cols - 1)) * w[c];
    return;
  }
  if (eps > 0) for (let c = 0; c < cols; c++) out[c] = (eps / cols) * w[c];
  out[y] += (1 - eps) * w[y];
}

/**
 * One row's loss, −Σ_c a_c·ℓ_c (with 0·(−inf) = 0), from its effective targets and
 * log-probabilities; the sum over classes compensated (src/core/compensated.ts). `scale`
 * multiplies a first (a power of two: exactly, see weightScale).
 */
export function rowLoss(a: ArrayLike<number>, logProbs: ArrayLike<number>, scale = 1): number {
  let hi = 0;
  let low = 0;
  for (let c = 0; c < a.length; c++) {
    const x = -times(a[c] * scale, logProbs[c]);
    const t = hi + x;
    low += Math.abs(hi) >= Math.abs(x) ? hi - t + x : x - t + hi;
    hi = t;
  }
  return Number.isFinite(hi) ? hi + low : hi;
}

/** Weights beyond these powers of two are scaled before they are summed (see weightScale). */
const WEIGHT_RANGE = 2 ** 100;

/**
 * A power of two s that brings the largest class weight near 1, where it is far from 1 (1
 * otherwise): 'mean' is Σ (s·w_y)·lₙ / Σ s·w_y, the same quotient, which neither sum can
 * then overflow (-w 1e308,1e308: Σ w = inf) or underflow (-w 5e-324,5e-324: w·l = 0).
 * Scaling by a power of two is exact, so ordinary weights keep every digit.
 *
 * @example weightScale([1e308, 1e308]) // 2^-1023
 */
export function weightScale(weight: ArrayLike<number> | undefined): number {
  if (!weight) return 1;
  let max = 0;
  for (let c = 0; c < weight.length; c++) if (Math.abs(weight[c]) > max) max = Math.abs(weight[c]);
  if (!Number.isFinite(max) || max === 0 || (max >= 1 / WEIGHT_RANGE && max <= WEIGHT_RANGE)) return 1;
  // 2^-e with 2^e the power of two at or just above max; at most 2^1023, the largest power
  // of two a double holds (the smallest weight, 2^-1074, becomes 2^-51).
  return 2 ** -Math.max(Math.ceil(Math.log2(max)), -1023);
}

/**
 * Each row's effective weighted target a_n: the coefficients of −ℓ in PyTorch's loss, so
 * that lₙ = −Σ_c a_{n,c}·ℓ_{n,c}. Index target y, smoothing ε, weights w:
 * a = (1 − ε)·w_y·onehot(y) + (ε/C)·w (all 0 for an ignored row); soft target q:
 * a_c = w_c·((1 − ε)·q_c + ε/C).
 */
export function effectiveTargets(
  targets: CrossEntropyTargets,
  rows: number,
  cols: number,
  options: Pick<CrossEntropyOptions, 'weight' | 'labelSmoothing' | 'smoothingStyle' | 'sampleWeight'> = {},
): Matrix {
  const eps = options.labelSmoothing ?? 0;
  const style = options.smoothingStyle ?? 'torch';
  const w = new Float64Array(cols).fill(1);
  if (options.weight) w.set(options.weight);
  const a = zeros(rows, cols);
  for (let n = 0; n < rows; n++) {
    const out = rowView(a, n);
    if (targets.kind === 'index') {
      const y = targets.classes[n];
      if (y !== null) indexTargetRow(out, y, w, eps, style);
    } else {
      for (let c = 0; c < cols; c++) out[c] = w[c] * smoothedTarget(at(targets.probs, n, c), eps, cols, style);
    }
    // A sample weight scales the row's whole target: its loss and its gradient.
    const sample = options.sampleWeight?.[n];
    if (sample !== undefined && sample !== 1) for (let c = 0; c < cols; c++) out[c] *= sample;
  }
  return a;
}

/**
 * Cross-entropy of each row of logits against its target, with PyTorch's options and
 * conventions (F.cross_entropy), and its gradient in closed form.
 *
 * - index targets: lₙ = (1 − ε)·(−w_{yₙ}·ℓ_{n,yₙ}) + (ε/C)·(−Σ_c w_c·ℓ_{n,c}), 0 for an
 *   ignored row; 'mean' divides Σlₙ by Σ w_{yₙ} over the rows not ignored (not by N).
 * - soft targets q: lₙ = −Σ_c w_c·q'_{n,c}·ℓ_{n,c} with q' = (1 − ε)·q + ε/C; 'mean' divides by N.
 * - 'mean' with nothing to average (every row ignored, or every counted weight 0) is 0/0:
 *   PyTorch returns NaN, this throws XentError('err.ce.meanUndefined') instead.
 *
 * The gradient is not differentiated numerically: with a_n the row's effective weighted
 * target (lₙ = −Σ_c a_{n,c}·ℓ_{n,c}) and ∂ℓ_{n,c}/∂z_{n,k} = [c = k] − p_{n,k},
 * ∂lₙ/∂z_n = (Σ_c a_{n,c})·p_n − a_n, which is exact and stable where p underflows (no
 * division by p); then ÷ the 'mean' denominator, and ÷ T for logits divided by T. With
 * probability input ℓ = log p, so ∂lₙ/∂p_{n,c} = −a_{n,c}/p_{n,c} (−inf where p = 0 and
 * a > 0; 0 where a = 0).
 *
 * @example
 * // logits [[2, 0.5, -1]], target class 0, mean:
 * crossEntropy(fromRows([[2, 0.5, -1]]), { kind: 'index', classes: [0] })
 * // probs ≈ [[0.7856, 0.1753, 0.0391]], losses ≈ [0.2413] (= −log 0.7856),
 * // loss ≈ 0.2413, grad ≈ [[-0.2144, 0.1753, 0.0391]] (p − onehot)
 */
export function crossEntropy(
  input: Matrix,
  targets: CrossEntropyTargets,
  options: CrossEntropyOptions = {},
): CrossEntropyResult {
  const { rows, cols } = input;
  const reduction = options.reduction ?? 'mean';
  const temperature = options.inputIsProbs ? 1 : (options.temperature ?? 1);

  const { probs, logProbs } = options.inputIsProbs
    ? { probs: input, logProbs: mapMatrix(input, Math.log) }
    : softmax(input, temperature, 'row');
  const a = effectiveTargets(targets, rows, cols, options);
  // Weight × target probability can pass the largest double (1e308 × 10): the loss and the
  // gradient would be nan (inf · 0, inf − inf), so such a target is refused.
  for (let k = 0; k < a.data.length; k++) {
    if (!Number.isFinite(a.data[k]))
      throw new XentError('err.ce.targetOverflow', { row: Math.floor(k / cols) + 1, col: k % cols });
  }

  // 'mean' takes the weights scaled by a power of two (weightScale): the same quotient, and
  // neither of its sums overflows or underflows.
  const unit = weightScale(options.weight);
  const losses = new Float64Array(rows);
  const total = new CompensatedSum();
  const scaledTotal = new CompensatedSum();
  for (let n = 0; n < rows; n++) {
    losses[n] = rowLoss(rowView(a, n), rowView(logProbs, n));
    total.add(losses[n]);
    scaledTotal.add(unit === 1 ? losses[n] : rowLoss(rowView(a, n), rowView(logProbs, n), unit));
  }
  const sums: LossSums = {
    total: total.value(),
    scaledTotal: scaledTotal.value(),
    scaledDenominator: options.sampleWeight
      ? countedRows(targets, rows) * unit
      : scaledMeanDenominator(targets, rows, options.weight, unit),
  };
  const meanDenominator = sums.scaledDenominator / unit;
  const meanLoss = sums.scaledTotal / sums.scaledDenominator;
  const loss = reducedLoss(sums, reduction);

  // 'mean' divides a by its denominator, both scaled: (s·a) / (s·Σ w_y).
  const mean = reduction === 'mean';
  const aScale = mean ? unit : 1;
  const scale = mean ? 1 / sums.scaledDenominator : 1;
  const grad = zeros(rows, cols);
  const inputIsProbs = options.inputIsProbs === true;
  for (let n = 0; n < rows; n++)
    rowGradient(rowView(a, n), rowView(probs, n), rowView(grad, n), { aScale, scale, temperature, inputIsProbs });
  return { probs, logProbs, losses, loss, meanDenominator, meanLoss, grad };
}

/** How crossEntropy scales a row's gradient (see there): 1, 1 and T for 'sum' and 'none'. */
export interface RowGradientScale {
  /** The targets' factor (weightScale for 'mean', else 1). */
  readonly aScale: number;
  /** 1 / the scaled 'mean' denominator, else 1. */
  readonly scale: number;
  readonly temperature: number;
  readonly inputIsProbs: boolean;
}

/**
 * One row's gradient into `g`, from its effective target `a` and probabilities `p`:
 * ((Σ a)·p − a)·scale / T w.r.t. the logits, or −a/p·scale w.r.t. given probabilities (0
 * where a = 0). crossEntropy and the streamed rows of `xent ce -r none` both call it.
 *
 * @example
 * rowGradient([1, 0], [0.75, 0.25], g, { aScale: 1, scale: 1, temperature: 1, inputIsProbs: false }) // g = [-0.25, 0.25]
 */
export function rowGradient(
  a: ArrayLike<number>,
  p: ArrayLike<number>,
  g: Float64Array,
  { aScale, scale, temperature, inputIsProbs }: RowGradientScale,
): void {
  const cols = g.length;
  if (inputIsProbs) {
    for (let c = 0; c < cols; c++) g[c] = a[c] === 0 ? 0 : (-(a[c] * aScale) / p[c]) * scale;
    return;
  }
  const mass = new CompensatedSum();
  for (let c = 0; c < cols; c++) mass.add(a[c] * aScale);
  const m = mass.value();
  for (let c = 0; c < cols; c++) g[c] = ((m * p[c] - a[c] * aScale) * scale) / temperature;
}

/**
 * The sums a reduction takes: Σ lₙ ('sum'), and for 'mean' Σ s·lₙ over Σ s·w_y with the
 * weights scaled by s = weightScale (see there).
 */
export interface LossSums {
  readonly total: number;
  readonly scaledTotal: number;
  readonly scaledDenominator: number;
}

/**
 * The reduced loss from Σ losses and what 'mean' divides by (the whole matrix, or the
 * streamed sums). 'mean' over nothing (every row ignored, or every counted weight 0) is 0/0:
 * PyTorch gives NaN, this refuses it. NaN for 'none'.
 */
/**
 * What reduction 'mean' divides by, as PyTorch does: N with soft targets; with class targets
 * Σ w_y over the rows not ignored (their count without weights).
 */
export function meanDenominatorOf(targets: CrossEntropyTargets, rows: number, weight?: ArrayLike<number>): number {
  const unit = weightScale(weight);
  return scaledMeanDenominator(targets, rows, weight, unit) / unit;
}

/** meanDenominatorOf with each weight times `unit` (weightScale), summed compensated. */
export function scaledMeanDenominator(
  targets: CrossEntropyTargets,
  rows: number,
  weight: ArrayLike<number> | undefined,
  unit: number,
): number {
  if (targets.kind === 'probs') return rows;
  const sum = new CompensatedSum();
  for (const y of targets.classes) if (y !== null) sum.add(weight ? weight[y] * unit : 1);
  return sum.value();
}

/** The rows a cross-entropy counts: those not ignored (every row with soft targets). Keras's mean divides by these. */
export function countedRows(targets: CrossEntropyTargets, rows: number): number {
  if (targets.kind === 'probs') return rows;
  let count = 0;
  for (const y of targets.classes) if (y !== null) count++;
  return count;
}

/**
 * The Hessian of the loss w.r.t. each row's logits (the loss is a sum over rows, so the full
 * Hessian is block-diagonal): with a the row's effective target, Σ_c a_c·(diag(p) − p·pᵀ)/T²,
 * divided by the 'mean' denominator. With probability input, w.r.t. the probabilities:
 * diag(a_c / p_c²). Row i's block is rows i·C … i·C + C − 1 of the result.
 *
 * @example
 * // logits [[0, 0]], target 0: p = [½, ½], the Hessian [[¼, −¼], [−¼, ¼]]
 */
export function crossEntropyHessian(
  result: CrossEntropyResult,
  targets: CrossEntropyTargets,
  options: CrossEntropyOptions = {},
): Matrix {
  const { rows, cols } = result.probs;
  const a = effectiveTargets(targets, rows, cols, options);
  const temperature = options.inputIsProbs ? 1 : (options.temperature ?? 1);
  const scale = (options.reduction ?? 'mean') === 'mean' ? 1 / result.meanDenominator : 1;
  const h = zeros(rows * cols, cols);
  for (let n = 0; n < rows; n++) {
    const p = rowView(result.probs, n);
    const an = rowView(a, n);
    let mass = 0;
    for (let c = 0; c < cols; c++) mass += an[c];
    for (let i = 0; i < cols; i++) {
      const out = rowView(h, n * cols + i);
      for (let j = 0; j < cols; j++) {
        out[j] = options.inputIsProbs
          ? i === j && an[i] !== 0
            ? (an[i] / (p[i] * p[i])) * scale
            : 0
          : (mass * ((i === j ? p[i] : 0) - p[i] * p[j]) * scale) / (temperature * temperature);
      }
    }
  }
  return h;
}

export function reducedLoss(sums: LossSums, reduction: Reduction): number {
  if (reduction === 'none') return NaN;
  if (reduction === 'sum') return sums.total;
  if (sums.scaledDenominator === 0) throw new XentError('err.ce.meanUndefined');
  return sums.scaledTotal / sums.scaledDenominator;
}
