import { sigmoid, softplus } from '../../core/sigmoid.js';
import { type Matrix, at, zeros } from '../../core/matrix.js';
import type { Reduction } from '../cross-entropy/kernel.js';

export interface BinaryCrossEntropyOptions {
  /** PyTorch's pos_weight p_c: a weight on the positive term, one per column. */
  readonly posWeight?: readonly number[];
  /**
   * PyTorch's weight, broadcast like a tensor: 1×C (per column), N×1 (per row) or N×C
   * (per element). All 1 when absent.
   */
  readonly weight?: Matrix;
  readonly reduction?: Reduction;
  /** The input holds probabilities p (F.binary_cross_entropy) instead of logits. */
  readonly inputIsProbs?: boolean;
  /** Keras's label_smoothing ε: each target y becomes y·(1 − ε) + ε/2 (PyTorch's BCE has none). */
  readonly labelSmoothing?: number;
  /**
   * Keras's BinaryCrossentropy: a loss per row, the mean over its C elements, which 'sum'
   * adds and 'none' lists (PyTorch sums and lists elements). 'mean' is the same either way.
   */
  readonly perRow?: boolean;
}

export interface BinaryCrossEntropyResult {
  /** σ(z) of each element, or the input itself when it holds probabilities. */
  readonly probs: Matrix;
  /** Per-element losses as reduction 'none' gives them (weighted). */
  readonly losses: Matrix;
  /** Σ losses / (N·C) for 'mean', Σ losses for 'sum', NaN for 'none'. */
  readonly loss: number;
  /** Σ losses / (N·C), whatever the reduction. */
  readonly meanLoss: number;
  /** ∂loss/∂input (logits, or the given probabilities); for 'none', of Σ losses (per row with perRow). */
  readonly grad: Matrix;
  /** With perRow: each row's loss, the mean of its elements' losses. */
  readonly rowLosses?: Float64Array;
}

/** a·b with 0·inf = 0: a term whose coefficient is 0 is absent, not NaN (focal's terms too). */
export function times(a: number, b: number): number {
  return a === 0 ? 0 : a * b;
}

/** The weight of element (i, j) under PyTorch's broadcasting of a 1×C, N×1 or N×C weight. */
export function weightAt(weight: Matrix | undefined, i: number, j: number): number {
  if (!weight) return 1;
  return at(weight, weight.rows === 1 ? 0 : i, weight.cols === 1 ? 0 : j);
}

/**
 * Binary (multi-label) cross-entropy of each element, as PyTorch's
 * F.binary_cross_entropy_with_logits (or F.binary_cross_entropy with `inputIsProbs`),
 * with its gradient in closed form.
 *
 * With logits z, targets y in [0, 1], pos_weight p_c and weight w:
 * l = w·[p_c·y·softplus(−z) + (1 − y)·softplus(z)], since −log σ(z) = softplus(−z) and
 * −log(1 − σ(z)) = softplus(z). Softplus never takes the log of a saturated sigmoid, so
 * z = ±1000 gives exact losses (0 or 1000), never log(0).
 * The gradient ∂l/∂z = w·[(1 − y)·σ(z) − p_c·y·σ(−z)] (which is w·(σ(z) − y) without
 * pos_weight) follows from softplus′ = σ; it is written with σ(−z) rather than 1 − σ(z)
 * so it stays exact for large |z|. 'mean' divides by the number of elements N·C.
 * With probabilities p: l = −w·[p_c·y·log p + (1 − y)·log(1 − p)] and
 * ∂l/∂p = −w·[p_c·y/p − (1 − y)/(1 − p)]; p = 0 with y > 0 gives inf, reported as it is
 * (PyTorch clamps log at −100 there).
 *
 * @example
 * binaryCrossEntropy(fromRows([[2, -1]]), fromRows([[1, 0]]))
 * // probs ≈ [[0.8808, 0.2689]], losses ≈ [[0.1269, 0.3133]], loss ≈ 0.2201,
 * // grad ≈ [[-0.0596, 0.1345]] ((σ(z) − y) / 2)
 */
export function binaryCrossEntropy(
  input: Matrix,
  targets: Matrix,
  options: BinaryCrossEntropyOptions = {},
): BinaryCrossEntropyResult {
  const { rows, cols } = input;
  const reduction = options.reduction ?? 'mean';
  const probs = zeros(rows, cols);
  const losses = zeros(rows, cols);
  const grad = zeros(rows, cols);
  const count = rows * cols;
  const eps = options.labelSmoothing ?? 0;
  const scale = reduction === 'mean' ? 1 / count : options.perRow ? 1 / cols : 1;
  const rowLosses = options.perRow ? new Float64Array(rows) : undefined;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const x = input.data[k];
      const y = eps > 0 ? targets.data[k] * (1 - eps) + eps / 2 : targets.data[k];
      const w = weightAt(options.weight, i, j);
      const pos = (options.posWeight?.[j] ?? 1) * y;
      const neg = 1 - y;
      let loss: number;
      let g: number;
      if (options.inputIsProbs) {
        probs.data[k] = x;
        loss = 0 - (times(pos, Math.log(x)) + times(neg, Math.log1p(-x)));
        g = times(neg, 1 / (1 - x)) - times(pos, 1 / x);
      } else {
        probs.data[k] = sigmoid(x);
        loss = times(pos, softplus(-x)) + times(neg, softplus(x));
        g = times(neg, sigmoid(x)) - times(pos, sigmoid(-x));
      }
      losses.data[k] = times(w, loss);
      grad.data[k] = times(w, g) * scale;
      total += losses.data[k];
      if (rowLosses) rowLosses[i] += losses.data[k] / cols;
    }
  }
  const meanLoss = total / count;
  let sum = total;
  if (rowLosses) {
    sum = 0;
    for (const l of rowLosses) sum += l;
  }
  const loss = reduction === 'mean' ? meanLoss : reduction === 'sum' ? sum : NaN;
  return { probs, losses, loss, meanLoss, grad, ...(rowLosses ? { rowLosses } : {}) };
}
