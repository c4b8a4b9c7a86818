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
