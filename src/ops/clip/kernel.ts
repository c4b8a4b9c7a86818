import { type Matrix, type RowSource, mapRows, materialize, rowView } from '../../core/matrix.js';
import { columnShiftedSumExp } from '../../core/log-sum-exp.js';
import { type PairSimilarity, pairBackward, pairLogits, pairSimilarity } from '../../core/similarity.js';
import { softmaxInto } from '../softmax/kernel.js';
import { checkClipShape } from './validate.js';
import { pairMatch } from '../siglip/kernel.js';

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
 * A CLIP result whose N×N parts (probabilities both ways, the gradient) are computed a row at
 * a time when read, from the logits and the log-sum-exp of every row and column: nothing
 * N×N is held beyond the logits. Each entry is computed as {@link clipLoss} computes it.
 */
export interface ClipRows extends Omit<ClipResult, 'probsI2t' | 'probsT2i' | 'gradLogits'> {
  readonly probsI2t: RowSource;
  readonly probsT2i: RowSource;
  readonly gradLogits: RowSource;
}

/**
 * CLIP's symmetric InfoNCE loss of an N×N logits matrix, as {@link clipLoss}, in O(N) memory
 * beyond the logits: its probabilities and gradient are RowSources.
 */
export function clipLossByRow(logits: Matrix, labels?: readonly number[]): ClipRows {
  const n = logits.rows;
  checkClipShape(logits.rows, logits.cols);
  // Each row's positives: its own pair, or (--labels) every pair of its label. Each direction's
  // target is uniform over them: −(1/|P|) Σ_{p∈P} log p, and (P − Q)/2N in the gradient.
  const match = pairMatch(n, labels);
  const positives = Array.from({ length: n }, (_, i) => {
    if (!labels) return [i];
    const of: number[] = [];
    for (let j = 0; j < n; j++) if (match(i, j)) of.push(j);
    return of;
  });
  // Text→image: each column's softmax, from its maximum and Σ exp(x − max).
  const cols = columnShiftedSumExp(logits);
  const probT2i = (i: number, j: number) => Math.exp(logits.data[i * n + j] - cols.max[j]) / cols.sum[j];
  const logT2i = (i: number, j: number) => logits.data[i * n + j] - cols.max[j] - cols.logSum[j];
  const lossesI2t = new Float64Array(n);
  const lossesT2i = new Float64Array(n);
  const logProbs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    softmaxInto(rowView(logits, i), 1, undefined, logProbs);
    let row = 0;
    let col = 0;
    for (const j of positives[i]) {
      row -= logProbs[j];
      col -= logT2i(j, i);
    }
    lossesI2t[i] = row / positives[i].length;
    lossesT2i[i] = col / positives[i].length;
  }
  const lossI2t = mean(lossesI2t);
  const lossT2i = mean(lossesT2i);
  const probsI2t: RowSource = {
    rows: n,
    cols: n,
    row: (i, into) => softmaxInto(rowView(logits, i), 1, into, logProbs),
  };
  const probsT2i: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      for (let j = 0; j < n; j++) into[j] = probT2i(i, j);
    },
  };
  const gradLogits: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      probsI2t.row(i, into);
      for (let j = 0; j < n; j++) {
        const target = match(i, j) ? 1 : 0;
        const toRow = target / positives[i].length;
        const toCol = target / positives[j].length;
        into[j] = (into[j] - toRow + (probT2i(i, j) - toCol)) / (2 * n);
      }
    },
  };
  return {
    logits,
    probsI2t,
    probsT2i,
    lossesI2t,
    lossesT2i,
    lossI2t,
    lossT2i,
    loss: (lossI2t + lossT2i) / 2,
    gradLogits,
  };
}

/**
 * CLIP's symmetric InfoNCE loss of an N×N logits matrix whose diagonal holds the positive
 * pairs (row i = image i, column j = text j): the cross-entropy of each row toward i and
 * of each column toward j, each direction averaged over N, the two directions averaged.
 * Log-probabilities come from a stable log-softmax, so large logits stay exact. The
 * gradient is closed-form: each direction contributes (softmax − one-hot)/N, halved.
 * A non-square matrix is rejected (the targets are the diagonal). With `labels`, every pair of
 * one label is a positive (as {@link clipLossByRow}).
 *
 * @example
 * clipLoss(fromRows([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]])).loss // 0.32268134…
 */
export function clipLoss(logits: Matrix, labels?: readonly number[]): ClipResult {
  return held(clipLossByRow(logits, labels));
}

/** A ClipRows with its N×N parts computed and held. */
function held<T extends ClipRows>(r: T): Omit<T, 'probsI2t' | 'probsT2i' | 'gradLogits'> & ClipResult {
  return {
    ...r,
    probsI2t: materialize(r.probsI2t),
    probsT2i: materialize(r.probsT2i),
    gradLogits: materialize(r.gradLogits),
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

/** CLIP from embeddings, its gradients w.r.t. the embeddings and the scale computed only when asked for. */
export interface ClipEmbeddingRows extends ClipRows {
  readonly similarity: Matrix;
  /** ∂loss/∂image, ∂loss/∂text (w.r.t. the raw embeddings) and ∂loss/∂scale: two N×N by N×D products. */
  gradients(): { readonly gradImage: Matrix; readonly gradText: Matrix; readonly gradScale: number };
}

/**
 * {@link clipFromEmbeddings} with the probabilities and the gradient w.r.t. the logits as
 * RowSources, and the gradients w.r.t. the embeddings computed when `gradients()` is called.
 */
export function clipFromEmbeddingsByRow(
  image: Matrix,
  text: Matrix,
  scale: number,
  normalize = true,
  labels?: readonly number[],
): ClipEmbeddingRows {
  const pair: PairSimilarity = pairSimilarity(image, text, normalize);
  const s = pair.similarity;
  const result = clipLossByRow(pairLogits(s, scale), labels);
  return {
    ...result,
    similarity: s,
    gradients() {
      const g = new Float64Array(s.cols);
      let gradScale = 0;
      for (let i = 0; i < s.rows; i++) {
        result.gradLogits.row(i, g);
        for (let j = 0; j < s.cols; j++) gradScale += g[j] * s.data[i * s.cols + j];
      }
      const { gradImage, gradText } = pairBackward(
        pair,
        mapRows(result.gradLogits, (v) => scale * v),
      );
      return { gradImage, gradText, gradScale };
    },
  };
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
  const { gradients, ...rows } = clipFromEmbeddingsByRow(image, text, scale, normalize);
  return { ...held(rows), ...gradients() };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
