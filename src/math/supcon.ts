import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Matrix, at, zeros } from '../matrix.js';
import { othersSoftmax } from './others-softmax.js';
import { selfBackward, selfSimilarity } from './similarity.js';

export interface SupconResult {
  /** Cosine similarity of every pair of rows. */
  readonly similarity: Matrix;
  /** Each anchor's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: Matrix;
  /** How many other rows share each anchor's label. */
  readonly positives: readonly number[];
  /** Per anchor: the mean over its positives p of −log probs[i][p]; null with no positive. */
  readonly losses: readonly (number | null)[];
  /** How many anchors have a positive (the loss averages over these). */
  readonly anchors: number;
  /** The mean of the non-null losses. */
  readonly loss: number;
  /** ∂loss/∂embeddings, w.r.t. the raw (unnormalised) rows. */
  readonly grad: Matrix;
}

/**
 * The supervised contrastive loss of Khosla et al. (2020), "L_out": rows are L2-normalised,
 * sᵢⱼ = uᵢ · uⱼ, and for each anchor i with positives P(i) (the other rows with its label),
 * Lᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log( exp(sᵢₚ/τ) / Σ_{a≠i} exp(sᵢₐ/τ) ). The loss is the mean over
 * the anchors that have a positive; the others have no term (null), rather than NaN.
 * Gradient: ∂loss/∂sᵢⱼ = (pᵢⱼ − [j∈P(i)]/|P(i)|) / (M·τ) for the M anchors counted.
 *
 * @example
 * // Two rows of class 0 pointing the same way, one of class 1 orthogonal, τ = 1:
 * // each class-0 anchor: −log(e/(e + 1)) = log(1 + e^-1) ≈ 0.3133; the class-1 anchor: null
 * supconLoss(fromRows([[1, 0], [2, 0], [0, 1]]), [0, 0, 1], 1, source).losses
 */
export function supconLoss(
  embeddings: Matrix,
  labels: readonly number[],
  temperature: number,
  source: MessageParam,
): SupconResult {
  const n = embeddings.rows;
  if (labels.length !== n) throw new XentError('err.labelsLength', { got: labels.length, rows: n, source });
  const positives = labels.map((label, i) => labels.filter((other, j) => j !== i && other === label).length);
  const anchors = positives.filter((count) => count > 0).length;
  if (anchors === 0) throw new XentError('err.noPositives', { rows: n });
  const self = selfSimilarity(embeddings, source);
  const { probs, logProbs } = othersSoftmax(self.similarity, temperature);
  const losses: (number | null)[] = [];
  const gradSimilarity = zeros(n, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (positives[i] === 0) {
      losses.push(null);
      continue;
    }
    let total = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const positive = labels[j] === labels[i];
      if (positive) total -= at(logProbs, i, j);
      gradSimilarity.data[i * n + j] = (at(probs, i, j) - (positive ? 1 / positives[i] : 0)) / (anchors * temperature);
    }
    const loss = total / positives[i];
    losses.push(loss);
    sum += loss;
  }
  return {
    similarity: self.similarity,
    probs,
    positives,
    losses,
    anchors,
    loss: sum / anchors,
    grad: selfBackward(self, gradSimilarity),
  };
}
