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
  const { style, p, margin, weight, reduction } = options;
  const losses = new Float64Array(rows);
  const violations = new Int32Array(rows);
  const grad = zeros(rows, cols);
  const perClass = style === 'torch' ? 1 / cols : 1;
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let total = 0;
  for (let n = 0; n < rows; n++) {
    const s = rowView(scores, n);
    const g = rowView(grad, n);
    const y = classes[n];
    const w = weight ? weight[y] : 1;
    let sum = 0;
    if (style === 'cs') {
      let rival = -1;
      for (let j = 0; j < cols; j++) if (j !== y && (rival < 0 || s[j] > s[rival])) rival = j;
      const h = margin - s[y] + s[rival];
      if (h > 0) {
        sum = p === 1 ? h : h * h;
        violations[n] = 1;
        const slope = w * (p === 1 ? 1 : 2 * h) * scale;
        g[rival] += slope;
        g[y] -= slope;
      }
    } else {
      for (let j = 0; j < cols; j++) {
        if (j === y) continue;
        const h = margin - s[y] + s[j];
        if (!(h > 0)) continue;
        sum += p === 1 ? h : h * h;
        violations[n]++;
        const slope = w * (p === 1 ? 1 : 2 * h) * perClass * scale;
        g[j] += slope;
        g[y] -= slope;
      }
    }
    losses[n] = w * sum * perClass;
    total += losses[n];
  }
  const loss = reduction === 'mean' ? total / rows : reduction === 'sum' ? total : NaN;
  return { losses, violations, loss, meanLoss: total / rows, grad };
}
