import { XentError } from '../errors.js';
import { type Matrix, at, transpose, zeros } from '../matrix.js';
import { type PairSimilarity, pairBackward, pairLogits, pairSimilarity } from './similarity.js';
import { softmax } from './softmax.js';
import { topKAccuracy } from '../ops/cross-entropy/metrics.js';

export interface ClipResult {
  /** The logits the loss was computed from (after the scale). */
  readonly logits: Matrix;
  /** Softmax of each row: image i's distribution over the texts. */
  readonly probsI2t: Matrix;
  /** Softmax of each column: text j's distribution over the images. */
  readonly probsT2i: Matrix;
  /** −log probsI2t[i][i], one per image (row). */
  readonly lossesI2t: Float64Array;
  /** −log probsT2i[j][j], one per text (column). */
  readonly lossesT2i: Float64Array;
  readonly lossI2t: number;
  readonly lossT2i: number;
  /** (lossI2t + lossT2i) / 2. */
  readonly loss: number;
  /** ∂loss/∂logits = (P_row − I)/2N + (P_col − I)/2N. */
  readonly gradLogits: Matrix;
}

/**
 * CLIP's symmetric InfoNCE loss of an N×N logits matrix whose diagonal holds the positive
 * pairs (row i = image i, column j = text j): the cross-entropy of each row toward i and
 * of each column toward j, each direction averaged over N, the two directions averaged.
 * Log-probabilities come from a stable log-softmax, so large logits stay exact. The
 * gradient is closed-form: each direction contributes (softmax − one-hot)/N, halved.
 * A non-square matrix is rejected (the targets are the diagonal).
 *
 * @example
 * clipLoss(fromRows([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]])).loss // 0.32268134…
 */
export function clipLoss(logits: Matrix): ClipResult {
  const n = logits.rows;
  if (n !== logits.cols) throw new XentError('err.notSquare', { command: 'clip', rows: logits.rows, cols: logits.cols });
  const rows = softmax(logits, 1, 'row');
  const cols = softmax(logits, 1, 'col');
  const lossesI2t = new Float64Array(n);
  const lossesT2i = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lossesI2t[i] = -at(rows.logProbs, i, i);
    lossesT2i[i] = -at(cols.logProbs, i, i);
  }
  const lossI2t = mean(lossesI2t);
  const lossT2i = mean(lossesT2i);
  const gradLogits = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const eye = i === j ? 1 : 0;
      gradLogits.data[i * n + j] = (at(rows.probs, i, j) - eye + (at(cols.probs, i, j) - eye)) / (2 * n);
    }
  }
  return {
    logits,
    probsI2t: rows.probs,
    probsT2i: cols.probs,
    lossesI2t,
    lossesT2i,
    lossI2t,
    lossT2i,
    loss: (lossI2t + lossT2i) / 2,
    gradLogits,
  };
}

export interface ClipEmbeddingResult extends ClipResult {
  /** sᵢⱼ = uᵢ · vⱼ before the scale (cosine similarity when normalised). */
  readonly similarity: Matrix;
  /** ∂loss/∂image, w.r.t. the raw (unnormalised) image embeddings. */
  readonly gradImage: Matrix;
  /** ∂loss/∂text, w.r.t. the raw text embeddings. */
  readonly gradText: Matrix;
  /** ∂loss/∂scale = Σᵢⱼ (∂loss/∂logitsᵢⱼ) · sᵢⱼ. */
  readonly gradScale: number;
}

/**
 * CLIP from embeddings: logits = scale · normalize(image) · normalize(text)ᵀ (raw dot
 * products when `normalize` is false), then {@link clipLoss}, with the gradient carried
 * back through the scale, the matrix product and the normalisation.
 *
 * @example
 * // Two orthogonal pairs, scale 10: logits [[10, 0], [0, 10]], loss = log(1 + e^-10) ≈ 4.54e-5
 * clipFromEmbeddings(fromRows([[1, 0], [0, 1]]), fromRows([[2, 0], [0, 3]]), 10).loss
 */
export function clipFromEmbeddings(image: Matrix, text: Matrix, scale: number, normalize = true): ClipEmbeddingResult {
  const pair: PairSimilarity = pairSimilarity(image, text, normalize);
  const s = pair.similarity;
  const result = clipLoss(pairLogits(s, scale));
  const g = result.gradLogits;
  const gradSimilarity = zeros(s.rows, s.cols);
  let gradScale = 0;
  for (let k = 0; k < s.data.length; k++) {
    gradSimilarity.data[k] = scale * g.data[k];
    gradScale += g.data[k] * s.data[k];
  }
  const { gradImage, gradText } = pairBackward(pair, gradSimilarity);
  return { ...result, similarity: s, gradImage, gradText, gradScale };
}

/**
 * Recall@K in both directions: the share of images whose own text is among the K texts
 * with the largest logits (image→text, rows), and of texts whose own image is among the
 * top K images (text→image, columns). Ties count against the positive pair.
 *
 * @example
 * clipRecall(fromRows([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]), [1])
 * // { i2t: Map { 1 => 1 }, t2i: Map { 1 => 1 } }
 */
export function clipRecall(logits: Matrix, ks: readonly number[]): { i2t: Map<number, number>; t2i: Map<number, number> } {
  const diagonal = Array.from({ length: logits.rows }, (_, i) => i);
  return { i2t: topKAccuracy(logits, diagonal, ks), t2i: topKAccuracy(transpose(logits), diagonal, ks) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
