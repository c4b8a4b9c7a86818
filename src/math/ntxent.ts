import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Matrix, at, zeros } from '../matrix.js';
import { othersSoftmax } from './others-softmax.js';
import { selfBackward, selfSimilarity } from './similarity.js';

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
export function ntxentLoss(embeddings: Matrix, temperature: number, pairing: Pairing, source: MessageParam): NtxentResult {
  const n = embeddings.rows;
  if (n % 2 !== 0) throw new XentError('err.oddRows', { rows: n, source });
  const self = selfSimilarity(embeddings, source);
  const { probs, logProbs } = othersSoftmax(self.similarity, temperature);
  const partners = Array.from({ length: n }, (_, i) => partnerOf(i, n, pairing));
  const losses = new Float64Array(n);
  const gradSimilarity = zeros(n, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    losses[i] = -at(logProbs, i, partners[i]);
    sum += losses[i];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      gradSimilarity.data[i * n + j] = (at(probs, i, j) - (j === partners[i] ? 1 : 0)) / (n * temperature);
    }
  }
  return {
    similarity: self.similarity,
    probs,
    partners,
    losses,
    loss: sum / n,
    grad: selfBackward(self, gradSimilarity),
  };
}
