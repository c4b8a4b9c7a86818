import { type Matrix, rowView } from '../matrix.js';

/**
 * Whether `target` is among the k largest entries of `scores`. Ties count against the
 * target (a class tied with it is ranked ahead), so a row of equal scores is a hit at
 * k = C only: no accuracy from a constant prediction.
 *
 * @example
 * inTopK([0.1, 0.7, 0.2], 2, 2) // true: class 2 is second
 */
export function inTopK(scores: ArrayLike<number>, target: number, k: number): boolean {
  const value = scores[target];
  let ahead = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j !== target && scores[j] >= value) ahead++;
  }
  return ahead < k;
}

/**
 * Share of rows whose target is in the top k, for each k: top-k accuracy for `ce` and
 * Recall@K for `clip` (targets on the diagonal). Rows whose target is `null` (ignored)
 * are left out; with no row left the share is NaN.
 *
 * @example
 * topKAccuracy(fromRows([[2, 1, 0], [0, 1, 2]]), [0, 1], [1, 2]) // Map { 1 => 0.5, 2 => 1 }
 */
export function topKAccuracy(
  scores: Matrix,
  targets: readonly (number | null)[],
  ks: readonly number[],
): Map<number, number> {
  const out = new Map<number, number>();
  for (const k of ks) {
    let hits = 0;
    let counted = 0;
    for (let i = 0; i < scores.rows; i++) {
      const target = targets[i];
      if (target === null) continue;
      counted++;
      if (inTopK(rowView(scores, i), target, k)) hits++;
    }
    out.set(k, hits / counted);
  }
  return out;
}

/**
 * topKAccuracy of the columns of a square matrix, column j's target being row j (CLIP's
 * text→image Recall@K), without transposing it: a row i ≠ j with a score at least that of
 * the diagonal ranks ahead, as in inTopK.
 *
 * @example
 * diagonalColumnTopK(fromRows([[2, 0], [3, 1]]), [1]) // Map { 1 => 0.5 }: column 1's 3 beats its 2
 */
export function diagonalColumnTopK(scores: Matrix, ks: readonly number[]): Map<number, number> {
  const n = scores.cols;
  const ahead = new Float64Array(n);
  for (let i = 0; i < scores.rows; i++) {
    const row = rowView(scores, i);
    for (let j = 0; j < n; j++) if (j !== i && row[j] >= scores.data[j * n + j]) ahead[j]++;
  }
  const out = new Map<number, number>();
  for (const k of ks) {
    let hits = 0;
    for (let j = 0; j < n; j++) if (ahead[j] < k) hits++;
    out.set(k, hits / n);
  }
  return out;
}
