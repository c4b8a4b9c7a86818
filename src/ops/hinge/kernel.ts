// The multi-class margin (hinge) losses with their (sub)gradients in closed form.
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import type { HingeStyle } from './spec.js';

export interface HingeOptions {
  readonly style: HingeStyle;
  readonly p: 1 | 2;
  readonly margin: number;
  /** w_c, one per class; undefined: all 1. */
  readonly weight?: ArrayLike<number>;
  readonly reduction: Reduction;
}

export interface HingeResult {
  /** Each row's loss, as reduction 'none' gives it. */
  readonly losses: Float64Array;
  /** How many classes violate the margin in each row (terms with Δ − s_y + s_j > 0). */
  readonly violations: Int32Array;
  /** Σ losses / N for 'mean', Σ losses for 'sum', NaN for 'none'. */
  readonly loss: number;
  /** Σ losses / N, whatever the reduction. */
  readonly meanLoss: number;
  /** ∂loss/∂score; for 'none', of Σ losses. */
  readonly grad: Matrix;
}

/**
 * Multi-class margin losses of scores s (row n, target y, margin Δ, weight w_y, power p):
 * - 'ww' (CS231n's SVM, Weston–Watkins): lₙ = w_y·Σ_{j≠y} max(0, Δ − s_y + s_j)^p;
 * - 'torch' (F.multi_margin_loss): the same sum divided by the number of classes C;
 * - 'cs' (Crammer–Singer): lₙ = w_y·max(0, Δ + max_{j≠y} s_j − s_y)^p (the first of tied classes).
 * 'mean' divides by N (a plain mean: the weights do not change it, as in PyTorch).
 * The gradient of each active term h = Δ − s_y + s_j > 0 is w_y·p·h^(p−1) on s_j and its
 * negative on s_y (÷ C for 'torch'); a term at exactly 0 (the kink) contributes 0, as in
 * PyTorch's multi_margin_loss (which tests h > 0).
 *
 * @example
 * multiClassHinge(fromRows([[3.2, 5.1, -1.7]]), [0], { style: 'ww', p: 1, margin: 1, reduction: 'sum' }).loss
 * // 2.9: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) (CS231n's cat example)
 */
export function multiClassHinge(scores: Matrix, classes: readonly number[], options: HingeOptions): HingeResult {
  const { rows, cols } = scores;
  const losses = new Float64Array(rows);
  const violations = new Int32Array(rows);
  const grad = zeros(rows, cols);
  const scale = options.reduction === 'mean' ? 1 / rows : 1;
  const row: HingeRow = { loss: 0, violations: 0 };
  let total = 0;
  for (let n = 0; n < rows; n++) {
    hingeRow(rowView(scores, n), classes[n], options, row, rowView(grad, n), scale);
    losses[n] = row.loss;
    violations[n] = row.violations;
    total += losses[n];
  }
  const loss = reduceHinge(total, rows, options.reduction);
  return { losses, violations, loss, meanLoss: total / rows, grad };
}

/** The reduced loss of `rows` rows whose losses sum (in row order) to `total`: NaN for 'none'. */
export function reduceHinge(total: number, rows: number, reduction: Reduction): number {
  return reduction === 'mean' ? total / rows : reduction === 'sum' ? total : NaN;
}

/** One row's loss and violated terms (filled in by hingeRow, reused across rows). */
export interface HingeRow {
  loss: number;
  violations: number;
}

/**
 * One row of {@link multiClassHinge}: scores `s`, target class `y` (0-based); the loss and the
 * count of violated terms go to `out`, and, given `g` (zeros), the row's gradient × `scale`.
 * The whole matrix and the streamed rows (HingeSums) both call it: the same digits.
 */
export function hingeRow(
  s: ArrayLike<number>,
  y: number,
  options: Omit<HingeOptions, 'reduction'>,
  out: HingeRow,
  g?: Float64Array,
  scale = 1,
): void {
  const cols = s.length;
  const { style, p, margin, weight } = options;
  const perClass = style === 'torch' ? 1 / cols : 1;
  const w = weight ? weight[y] : 1;
  let sum = 0;
  let violations = 0;
  if (style === 'cs') {
    let rival = -1;
    for (let j = 0; j < cols; j++) if (j !== y && (rival < 0 || s[j] > s[rival])) rival = j;
    const h = margin - s[y] + s[rival];
    if (h > 0) {
      sum = p === 1 ? h : h * h;
      violations = 1;
      if (g) {
        const slope = w * (p === 1 ? 1 : 2 * h) * scale;
        g[rival] += slope;
        g[y] -= slope;
      }
    }
  } else {
    for (let j = 0; j < cols; j++) {
      if (j === y) continue;
      const h = margin - s[y] + s[j];
      if (!(h > 0)) continue;
      sum += p === 1 ? h : h * h;
      violations++;
      if (g) {
        const slope = w * (p === 1 ? 1 : 2 * h) * perClass * scale;
        g[j] += slope;
        g[y] -= slope;
      }
    }
  }
  out.loss = w * sum * perClass;
  out.violations = violations;
}
