import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, type RowSource, materialize } from '../../core/matrix.js';
import { othersSoftmaxProbs, othersSoftmaxRows } from '../softmax/others.js';
import { selfBackward, selfSimilarity } from '../../core/similarity.js';
import { checkInvertibleTemperature } from '../softmax/validate.js';
import { checkEvenRows } from './validate.js';

/** Which rows are two views of one example: `half` pairs i with i + N, `adjacent` 2k with 2k + 1. */
export type Pairing = 'half' | 'adjacent';

/**
 * The positive partner of row i (0-based) among `rows` = 2N rows.
 *
 * @example
 * partnerOf(1, 6, 'half') // 4
 * partnerOf(1, 6, 'adjacent') // 0
 */
export function partnerOf(i: number, rows: number, pairing: Pairing): number {
  if (pairing === 'adjacent') return i % 2 === 0 ? i + 1 : i - 1;
  const half = rows / 2;
  return i < half ? i + half : i - half;
}

export interface NtxentResult {
  /** Cosine similarity of every pair of rows. */
  readonly similarity: Matrix;
  /** Each row's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: Matrix;
  /** The positive partner of each row (0-based). */
  readonly partners: readonly number[];
  /** −log probs[i][partner(i)], one per row. */
  readonly losses: Float64Array;
  /** The mean of the losses over the 2N rows (SimCLR's reference code reports twice this). */
  readonly loss: number;
  /** ∂loss/∂embeddings, w.r.t. the raw (unnormalised) rows. */
  readonly grad: Matrix;
}

/** An NT-Xent result whose probabilities are computed a row at a time and whose gradient is computed when asked for. */
export interface NtxentRows extends Omit<NtxentResult, 'probs' | 'grad'> {
  readonly probs: RowSource;
  /** ∂loss/∂embeddings (raw rows): two N×N by N×D products, made when called. */
  gradient(): Matrix;
}

/**
 * {@link ntxentLoss} holding one N×N matrix (the similarities): the probabilities are a
 * RowSource, the gradient is computed by `gradient()`, each entry as ntxentLoss computes it.
 */
export function ntxentByRow(
  embeddings: Matrix,
  temperature: number,
  pairing: Pairing,
  source: MessageParam,
): NtxentRows {
  const n = embeddings.rows;
  checkEvenRows(n, source);
  // The gradient carries 1/τ: a τ whose inverse overflows would print NaN.
  checkInvertibleTemperature(temperature);
  const self = selfSimilarity(embeddings, source);
  const softmaxRow = othersSoftmaxRows(self.similarity, temperature);
  const partners = Array.from({ length: n }, (_, i) => partnerOf(i, n, pairing));
  const losses = new Float64Array(n);
  const logProbs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    softmaxRow(i, undefined, logProbs);
    losses[i] = -logProbs[partners[i]];
    sum += losses[i];
  }
  // ∂loss/∂sᵢⱼ = (pᵢⱼ − [j = partner]) / (2N·τ) off the diagonal, 0 on it.
  const gradSimilarity: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      softmaxRow(i, into, logProbs);
      for (let j = 0; j < n; j++) into[j] = j === i ? 0 : (into[j] - (j === partners[i] ? 1 : 0)) / (n * temperature);
    },
  };
  return {
    similarity: self.similarity,
    probs: othersSoftmaxProbs(self.similarity, temperature),
    partners,
    losses,
    loss: sum / n,
    gradient: () => selfBackward(self, gradSimilarity),
  };
}

/**
 * SimCLR's NT-Xent loss: 2N embeddings (rows) are L2-normalised, sᵢⱼ = uᵢ · uⱼ, and each row
 * i is a (2N − 1)-way classification of its partner among the other rows with logits
 * sᵢⱼ / τ; the loss is the mean over the 2N rows. Gradient: ∂loss/∂sᵢⱼ = (pᵢⱼ − [j = partner])
 * / (2N·τ) off the diagonal, carried back through s = U·Uᵀ and the normalisation. `source`
 * names where the rows came from in errors (odd count, zero row).
 *
 * @example
 * // Two views of one example: the partner is the only other row, loss 0.
 * ntxentLoss(fromRows([[1, 0], [0, 1]]), 0.5, 'half', source).loss // 0
 */
export function ntxentLoss(
  embeddings: Matrix,
  temperature: number,
  pairing: Pairing,
  source: MessageParam,
): NtxentResult {
  const { probs, gradient, ...rest } = ntxentByRow(embeddings, temperature, pairing, source);
  return { ...rest, probs: materialize(probs), grad: gradient() };
}
