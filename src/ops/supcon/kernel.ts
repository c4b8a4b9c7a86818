import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, type RowSource, materialize } from '../../core/matrix.js';
import { othersSoftmaxProbs, othersSoftmaxRows } from '../softmax/others.js';
import { selfBackward, selfSimilarity } from '../../core/similarity.js';
import { checkInvertibleTemperature } from '../softmax/validate.js';
import { checkLabelCount } from './validate.js';

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

/** A SupCon result whose probabilities are computed a row at a time and whose gradient is computed when asked for. */
export interface SupconRows extends Omit<SupconResult, 'probs' | 'grad'> {
  readonly probs: RowSource;
  /** ∂loss/∂embeddings (raw rows): two N×N by N×D products, made when called. */
  gradient(): Matrix;
}

/** How many other rows share each row's label. */
function positiveCounts(labels: readonly number[]): number[] {
  const count = new Map<number, number>();
  for (const label of labels) count.set(label, (count.get(label) ?? 0) + 1);
  // A NaN label matches no row, itself included (NaN !== NaN).
  return labels.map((label) => (Number.isNaN(label) ? 0 : count.get(label)! - 1));
}

/**
 * {@link supconLoss} holding one N×N matrix (the similarities): the probabilities are a
 * RowSource, the gradient is computed by `gradient()`, each entry as supconLoss computes it.
 */
export function supconByRow(
  embeddings: Matrix,
  labels: readonly number[],
  temperature: number,
  source: MessageParam,
): SupconRows {
  const n = embeddings.rows;
  checkLabelCount(labels.length, n, source);
  // The gradient carries 1/τ: a τ whose inverse overflows would print NaN.
  checkInvertibleTemperature(temperature);
  const positives = positiveCounts(labels);
  const anchors = positives.filter((count) => count > 0).length;
  if (anchors === 0) throw new XentError('err.noPositives', { rows: n });
  const self = selfSimilarity(embeddings, source);
  const softmaxRow = othersSoftmaxRows(self.similarity, temperature);
  const logProbs = new Float64Array(n);
  const losses: (number | null)[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (positives[i] === 0) {
      losses.push(null);
      continue;
    }
    softmaxRow(i, undefined, logProbs);
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i && labels[j] === labels[i]) total -= logProbs[j];
    const loss = total / positives[i];
    losses.push(loss);
    sum += loss;
  }
  // ∂loss/∂sᵢⱼ = (pᵢⱼ − [j ∈ P(i)]/|P(i)|) / (M·τ) for an anchor with positives; 0 elsewhere.
  const gradSimilarity: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      if (positives[i] === 0) {
        into.fill(0);
        return;
      }
      softmaxRow(i, into, logProbs);
      for (let j = 0; j < n; j++) {
        const positive = labels[j] === labels[i];
        into[j] = j === i ? 0 : (into[j] - (positive ? 1 / positives[i] : 0)) / (anchors * temperature);
      }
    },
  };
  return {
    similarity: self.similarity,
    probs: othersSoftmaxProbs(self.similarity, temperature),
    positives,
    losses,
    anchors,
    loss: sum / anchors,
    gradient: () => selfBackward(self, gradSimilarity),
  };
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
  const { probs, gradient, ...rest } = supconByRow(embeddings, labels, temperature, source);
  return { ...rest, probs: materialize(probs), grad: gradient() };
}
