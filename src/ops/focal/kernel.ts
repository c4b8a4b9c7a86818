// The focal losses of Lin et al. (RetinaNet), with their gradients in closed form: the sigmoid
// form of torchvision.ops.sigmoid_focal_loss (each element a binary problem) and the softmax
// form (one class per row). Both down-weight the easy examples by (1 − p_t)^γ.
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import { sigmoid, softplus } from '../../core/sigmoid.js';
import { times } from '../bce/kernel.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { softmax } from '../softmax/kernel.js';

export interface SigmoidFocalOptions {
  /** α on the positives and 1 − α on the negatives; undefined: no α (torchvision's α < 0). */
  readonly alpha?: number;
  readonly gamma: number;
  readonly reduction: Reduction;
  /** The input holds probabilities p instead of logits. */
  readonly inputIsProbs?: boolean;
}

export interface SigmoidFocalResult {
  /** σ(z) of each element, or the input itself when it holds probabilities. */
  readonly probs: Matrix;
  /** Per-element losses, as reduction 'none' gives them. */
  readonly losses: Matrix;
  /** Σ losses / (N·C) for 'mean', Σ losses for 'sum', NaN for 'none'. */
  readonly loss: number;
  /** Σ losses / (N·C), whatever the reduction. */
  readonly meanLoss: number;
  /** ∂loss/∂input (logits, or the given probabilities); for 'none', of Σ losses. */
  readonly grad: Matrix;
}

/** The reduced loss: the mean over `count`, the sum, or NaN for 'none'. */
export function reduceFocal(total: number, count: number, reduction: Reduction): number {
  return reduction === 'mean' ? total / count : reduction === 'sum' ? total : NaN;
}

/**
 * The sigmoid focal loss of each element, as torchvision.ops.sigmoid_focal_loss:
 * l = α_t·ce·(1 − p_t)^γ, with p = σ(z), ce = BCE-with-logits(z, t), p_t = p·t + (1 − p)(1 − t)
 * and α_t = α·t + (1 − α)(1 − t) (1 when α is disabled). 'mean' divides by all N·C elements.
 *
 * 1 − p_t is computed as p·(1 − t) + σ(−z)·t (a sum of two terms ≥ 0, no cancellation where
 * p is near 1), ce through softplus (exact for |z| = 1000). The gradient, with
 * m = 1 − p_t, ∂ce/∂z = p − t and ∂m/∂z = p·σ(−z)·(1 − 2t):
 * ∂l/∂z = α_t·[(p − t)·m^γ + γ·ce·m^(γ−1)·p·σ(−z)·(1 − 2t)], the second term 0 where p·σ(−z)
 * underflows (its limit). With probabilities p: ce = −t log p − (1 − t) log(1 − p),
 * ∂ce/∂p = (1 − t)/(1 − p) − t/p, ∂m/∂p = 1 − 2t.
 *
 * @example
 * sigmoidFocalLoss(fromRows([[2, -1]]), fromRows([[1, 0]]), { alpha: 0.25, gamma: 2, reduction: 'none' })
 * // losses ≈ [[0.000450, 0.016994]]: 0.25·0.1269·0.1192² and 0.75·0.3133·0.2689²
 */
export function sigmoidFocalLoss(input: Matrix, targets: Matrix, options: SigmoidFocalOptions): SigmoidFocalResult {
  const { rows, cols } = input;
  const { gamma, reduction } = options;
  const probs = zeros(rows, cols);
  const losses = zeros(rows, cols);
  const grad = zeros(rows, cols);
  const count = rows * cols;
  const scale = reduction === 'mean' ? 1 / count : 1;
  const e: FocalElement = { p: 0, q: 0, ce: 0, dce: 0, dm: 0, m: 0, modulator: 0, alphaT: 0, loss: 0 };
  let total = 0;
  for (let k = 0; k < input.data.length; k++) {
    sigmoidFocalElement(input.data[k], targets.data[k], options, e);
    const { p, ce, dce, dm, m, modulator, alphaT } = e;
    probs.data[k] = p;
    losses.data[k] = e.loss;
    total += losses.data[k];
    // γ·ce·m^(γ−1)·∂m: 0 when γ = 0, when ∂m = 0 (m saturated), or when ce = 0 (m = 0 too).
    const focusing = gamma === 0 || dm === 0 || ce === 0 ? 0 : gamma * ce * m ** (gamma - 1) * dm;
    grad.data[k] = times(alphaT, times(modulator, dce) + focusing) * scale;
  }
  return { probs, losses, loss: reduceFocal(total, count, reduction), meanLoss: total / count, grad };
}

/** The parts of one element's sigmoid focal loss (filled in by sigmoidFocalElement, reused). */
export interface FocalElement {
  /** σ(z) (or the probability given) and σ(−z) (or 1 − p). */
  p: number;
  q: number;
  /** BCE and its derivative w.r.t. the input; ∂m/∂input. */
  ce: number;
  dce: number;
  dm: number;
  /** m = 1 − p_t, (1 − p_t)^γ, α_t and the loss α_t·(1 − p_t)^γ·ce. */
  m: number;
  modulator: number;
  alphaT: number;
  loss: number;
}

/**
 * One element of {@link sigmoidFocalLoss}: input `x` (a logit, or a probability with
 * inputIsProbs), target `t`; its parts go to `out`. The whole matrix and the streamed rows
 * (FocalSums) both call it: the same digits.
 */
export function sigmoidFocalElement(
  x: number,
  t: number,
  options: Omit<SigmoidFocalOptions, 'reduction'>,
  out: FocalElement,
): void {
  const { alpha, gamma } = options;
  const alphaT = alpha === undefined ? 1 : alpha * t + (1 - alpha) * (1 - t);
  let p: number;
  let q: number;
  if (options.inputIsProbs) {
    p = x;
    q = 1 - x;
    out.ce = 0 - (times(t, Math.log(p)) + times(1 - t, Math.log1p(-p)));
    out.dce = times(1 - t, 1 / q) - times(t, 1 / p);
    out.dm = 1 - 2 * t;
  } else {
    p = sigmoid(x);
    q = sigmoid(-x);
    out.ce = times(t, softplus(-x)) + times(1 - t, softplus(x));
    out.dce = p - t;
    out.dm = p * q * (1 - 2 * t);
  }
  const m = p * (1 - t) + q * t;
  const modulator = m ** gamma;
  out.p = p;
  out.q = q;
  out.m = m;
  out.modulator = modulator;
  out.alphaT = alphaT;
  out.loss = times(alphaT, times(modulator, out.ce));
}

export interface SoftmaxFocalOptions {
  /** α_c, one per class; undefined: all 1. */
  readonly alpha?: ArrayLike<number>;
  readonly gamma: number;
  readonly reduction: Reduction;
  /** The input rows are probabilities already. */
  readonly inputIsProbs?: boolean;
}

export interface SoftmaxFocalResult {
  /** softmax(z) of each row, or the input itself when it holds probabilities. */
  readonly probs: Matrix;
  /** p of each row's target class. */
  readonly pTarget: Float64Array;
  /** Per-row losses, as reduction 'none' gives them. */
  readonly losses: Float64Array;
  /** Σ losses / N for 'mean', Σ losses for 'sum', NaN for 'none'. */
  readonly loss: number;
  /** Σ losses / N, whatever the reduction. */
  readonly meanLoss: number;
  /** ∂loss/∂input (logits, or the given probabilities); for 'none', of Σ losses. */
  readonly grad: Matrix;
}

/**
 * The softmax (multi-class) focal loss of Lin et al. of each row: with p = softmax(z) and the
 * target class y, l = −α_y·(1 − p_y)^γ·log p_y (γ = 0, α = 1: cross-entropy). 'mean' divides
 * by N (a plain mean: α does not change the denominator, unlike F.cross_entropy's weights).
 *
 * log p_y is the log-softmax (exact where p_y underflows); 1 − p_y is the sum of the other
 * classes' probabilities (no cancellation where p_y is near 1). With s = p_y, ℓ = log s and
 * ∂s/∂z_k = s·([k = y] − p_k), ∂ℓ/∂z_k = [k = y] − p_k:
 * ∂l/∂z_k = α_y·(p_k − [k = y])·[(1 − s)^γ − γ·s·(1 − s)^(γ−1)·ℓ], the bracket 1 for γ = 0
 * and 0 where 1 − s underflows (its limit). With probabilities, only the target's entry has a
 * gradient: ∂l/∂p_y = −α_y·[(1 − s)^γ/s − γ·(1 − s)^(γ−1)·ℓ].
 *
 * @example
 * softmaxFocalLoss(fromRows([[2, 0.5, -1]]), [0], { gamma: 2, reduction: 'mean' }).loss
 * // ≈ 0.011093: −(1 − 0.7856)²·log 0.7856
 */
export function softmaxFocalLoss(
  input: Matrix,
  classes: readonly number[],
  options: SoftmaxFocalOptions,
): SoftmaxFocalResult {
  const { rows, cols } = input;
  const { alpha, gamma, reduction } = options;
  const { probs, logProbs } = options.inputIsProbs ? { probs: input, logProbs: undefined } : softmax(input, 1, 'row');
  const pTarget = new Float64Array(rows);
  const losses = new Float64Array(rows);
  const grad = zeros(rows, cols);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  const row: FocalRow = { s: 0, logS: 0, rest: 0, modulator: 0, loss: 0 };
  let total = 0;
  for (let n = 0; n < rows; n++) {
    const y = classes[n];
    const p = rowView(probs, n);
    const a = alpha ? alpha[y] : 1;
    softmaxFocalRow(p, logProbs ? rowView(logProbs, n) : undefined, y, a, gamma, row);
    const { s, logS, rest, modulator } = row;
    pTarget[n] = s;
    losses[n] = row.loss;
    total += losses[n];
    // γ·s·(1 − s)^(γ−1)·log s: 0 for γ = 0, and where s = 0 or 1 − s = 0 (its limits).
    const focusing = gamma === 0 || s === 0 || rest === 0 ? 0 : gamma * s * rest ** (gamma - 1) * logS;
    const g = rowView(grad, n);
    if (logProbs) {
      const bracket = gamma === 0 ? 1 : rest === 0 ? 0 : modulator - focusing;
      for (let k = 0; k < cols; k++) g[k] = times(a, (p[k] - (k === y ? 1 : 0)) * bracket) * scale;
    } else {
      const focusingOverS = gamma === 0 || rest === 0 ? 0 : gamma * rest ** (gamma - 1) * logS;
      g[y] = -times(a, times(modulator, 1 / s) - focusingOverS) * scale;
    }
  }
  return { probs, pTarget, losses, loss: reduceFocal(total, rows, reduction), meanLoss: total / rows, grad };
}

/** The parts of one row's softmax focal loss (filled in by softmaxFocalRow, reused). */
export interface FocalRow {
  /** p_y, log p_y, 1 − p_y (the other classes' sum), (1 − p_y)^γ and the loss. */
  s: number;
  logS: number;
  rest: number;
  modulator: number;
  loss: number;
}

/**
 * One row of {@link softmaxFocalLoss}: its probabilities `p` (and log-probabilities `logP`,
 * undefined when the input held probabilities), target `y`, weight `a`; its parts go to
 * `out`. The whole matrix and the streamed rows (FocalSums) both call it: the same digits.
 */
export function softmaxFocalRow(
  p: ArrayLike<number>,
  logP: ArrayLike<number> | undefined,
  y: number,
  a: number,
  gamma: number,
  out: FocalRow,
): void {
  const s = p[y];
  const logS = logP ? logP[y] : Math.log(s);
  let rest = 0;
  if (logP) for (let k = 0; k < p.length; k++) rest += k === y ? 0 : p[k];
  else rest = 1 - s;
  const modulator = rest ** gamma;
  out.s = s;
  out.logS = logS;
  out.rest = rest;
  out.modulator = modulator;
  out.loss = times(a, times(modulator, -logS));
}
