// CLIP's derived metrics: Recall@K both ways, and ∂loss/∂T from ∂loss/∂scale.
import type { Matrix, RowSource } from '../../core/matrix.js';
import { diagonalColumnTopK, topKAccuracy } from '../cross-entropy/metrics.js';

/**
 * Recall@K in both directions: the share of images whose own text is among the K texts
 * with the largest logits (image→text, rows), and of texts whose own image is among the
 * top K images (text→image, columns). Ties count against the positive pair.
 *
 * @example
 * clipRecall(fromRows([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]), [1])
 * // { i2t: Map { 1 => 1 }, t2i: Map { 1 => 1 } }
 */
export function clipRecall(
  logits: Matrix,
  ks: readonly number[],
): { i2t: Map<number, number>; t2i: Map<number, number> } {
  const diagonal = Array.from({ length: logits.rows }, (_, i) => i);
  return { i2t: topKAccuracy(logits, diagonal, ks), t2i: diagonalColumnTopK(logits, ks) };
}

/** The K values of Recall@K a report shows: 1, and 5 from 5 pairs on. */
export function recallKs(pairs: number): number[] {
  return pairs >= 5 ? [1, 5] : [1];
}

/** ∂loss/∂T when scale = 1/T: −∂loss/∂scale / T². */
export function gradTemperature(gradScale: number, temperature: number): number {
  return -gradScale / temperature ** 2;
}

/**
 * The chance level of CLIP's loss: the loss of equal logits (every similarity the same,
 * embeddings that carry nothing), ln N in each direction for N pairs, so ln N for their
 * average. "My CLIP loss is stuck at 4.85": ln 128, a batch of 128 that has learnt nothing.
 *
 * @example
 * clipChance(128) // 4.852
 */
export function clipChance(pairs: number): number {
  return Math.log(pairs);
}

/**
 * ∂loss/∂(log s), the gradient open_clip and Hugging Face apply: both learn logit_scale = log s
 * and multiply by its exp, so their gradient is s·∂loss/∂s (4.0331 where ∂loss/∂s is 0.2823
 * at s = 14.29).
 */
export function gradLogScale(gradScale: number, scale: number): number {
  return scale * gradScale;
}

/** ∂loss/∂s where the logits are s·x for a given matrix x: Σᵢⱼ (∂loss/∂logitsᵢⱼ)·xᵢⱼ. */
export function gradScaleOfMatrix(gradLogits: RowSource, x: Matrix): number {
  const g = new Float64Array(x.cols);
  let sum = 0;
  for (let i = 0; i < x.rows; i++) {
    gradLogits.row(i, g);
    for (let j = 0; j < x.cols; j++) sum += g[j] * x.data[i * x.cols + j];
  }
  return sum;
}

/**
 * Recall@K with several positives (--labels): an image is a hit when one of its label's texts is
 * among the K texts with the largest logits, that is, when fewer than K other texts score at
 * least its best positive (ties count against it, as in clipRecall); the same for each text
 * over the images (columns).
 *
 * @example
 * // Texts 1 and 2 share a label: image 1's best positive is text 2 (logit 3), beaten by none.
 * clipRecallMatching(fromRows([[1, 3, 2], [0, 1, 5], [4, 0, 1]]), [1], (i, j) => i === j || i + j === 1)
 */
export function clipRecallMatching(
  logits: Matrix,
  ks: readonly number[],
  match: (i: number, j: number) => boolean,
): { i2t: Map<number, number>; t2i: Map<number, number> } {
  const n = logits.rows;
  const at = (i: number, j: number) => logits.data[i * n + j];
  const ranks = (score: (a: number, b: number) => number) =>
    Array.from({ length: n }, (_, a) => {
      let best = -Infinity;
      for (let b = 0; b < n; b++) if (match(a, b) && score(a, b) > best) best = score(a, b);
      let ahead = 0;
      for (let b = 0; b < n; b++) if (!match(a, b) && score(a, b) >= best) ahead++;
      return ahead;
    });
  const rowRanks = ranks((i, j) => at(i, j));
  const colRanks = ranks((j, i) => at(i, j));
  const share = (r: number[], k: number) => r.filter((ahead) => ahead < k).length / n;
  return {
    i2t: new Map(ks.map((k) => [k, share(rowRanks, k)])),
    t2i: new Map(ks.map((k) => [k, share(colRanks, k)])),
  };
}
