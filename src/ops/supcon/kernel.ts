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
  /** Per anchor: the mean over its positives p of −log probs[i][p] (× τ/τ_b); null with no positive (0 with singletons 'zero') and for a row that is no anchor. */
  readonly losses: readonly (number | null)[];
  /** How many anchors the loss averages over: those with a positive (or every anchor, singletons 'zero'). */
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

/** What an anchor without a positive adds: nothing ('drop', xent and PML), or 0 to the mean ('zero', SupContrast's current code). */
export type Singletons = 'drop' | 'zero';
export const SINGLETONS: readonly Singletons[] = ['drop', 'zero'];

/**
 * The conventions the libraries differ by (see README, "Conventions of the libraries"):
 * SupContrast multiplies the loss by τ/base_temperature, may take only the first view of each
 * sample as anchors (contrast_mode='one'), uses raw dot products, and counts an anchor
 * without positives as 0 in the mean.
 */
export interface SupconConventions {
  /** The loss is multiplied by τ / this (SupContrast's base_temperature); τ when absent (× 1). */
  readonly baseTemperature?: number;
  /** Which rows are anchors (contrast_mode='one': the first view of each sample); every row when absent. */
  readonly anchors?: readonly boolean[];
  readonly singletons?: Singletons;
  /** L2-normalise the rows first (default); false: raw dot products. */
  readonly normalize?: boolean;
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
  conventions: SupconConventions = {},
): SupconRows {
  const n = embeddings.rows;
  checkLabelCount(labels.length, n, source);
  // The gradient carries 1/τ: a τ whose inverse overflows would print NaN.
  checkInvertibleTemperature(temperature);
  const isAnchor = (i: number) => conventions.anchors?.[i] ?? true;
  const positives = positiveCounts(labels);
  const withPositive = positives.filter((count, i) => count > 0 && isAnchor(i)).length;
  if (withPositive === 0) throw new XentError('err.noPositives', { rows: n });
  // The mean's denominator: the anchors with a positive, or every anchor ('zero').
  let anchors = withPositive;
  if (conventions.singletons === 'zero') anchors = labels.filter((_, i) => isAnchor(i)).length;
  const factor = temperature / (conventions.baseTemperature ?? temperature);
  const self = selfSimilarity(embeddings, source, conventions.normalize ?? true);
  if (conventions.normalize === false) checkLogits(self.similarity, temperature);
  const softmaxRow = othersSoftmaxRows(self.similarity, temperature);
  const logProbs = new Float64Array(n);
  const losses: (number | null)[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!isAnchor(i) || positives[i] === 0) {
      losses.push(isAnchor(i) && conventions.singletons === 'zero' ? 0 : null);
      continue;
    }
    softmaxRow(i, undefined, logProbs);
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i && labels[j] === labels[i]) total -= logProbs[j];
    const loss = (factor * total) / positives[i];
    losses.push(loss);
    sum += loss;
  }
  // ∂loss/∂sᵢⱼ = f·(pᵢⱼ − [j ∈ P(i)]/|P(i)|) / (M·τ) for an anchor with positives (f = τ/τ_b); 0 elsewhere.
  const gradSimilarity: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      if (!isAnchor(i) || positives[i] === 0) {
        into.fill(0);
        return;
      }
      softmaxRow(i, into, logProbs);
      for (let j = 0; j < n; j++) {
        const positive = labels[j] === labels[i];
        into[j] = j === i ? 0 : (factor * (into[j] - (positive ? 1 / positives[i] : 0))) / (anchors * temperature);
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

/** Raw dot products / τ past the largest double: refused, naming the pair, as the loss would be nan. */
export function checkLogits(similarity: Matrix, temperature: number): void {
  for (let k = 0; k < similarity.data.length; k++) {
    const z = similarity.data[k] / temperature;
    if (!Number.isFinite(z)) {
      const row = Math.floor(k / similarity.cols) + 1;
      const col = (k % similarity.cols) + 1;
      throw new XentError('err.logitOverflow', { row, col, value: z > 0 ? 'inf' : z < 0 ? '-inf' : 'nan' });
    }
  }
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
  conventions: SupconConventions = {},
): SupconResult {
  const { probs, gradient, ...rest } = supconByRow(embeddings, labels, temperature, source, conventions);
  return { ...rest, probs: materialize(probs), grad: gradient() };
}
