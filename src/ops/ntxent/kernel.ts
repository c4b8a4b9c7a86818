import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, type RowSource, materialize } from '../../core/matrix.js';
import { XentError } from '../../core/errors.js';
import { selfBackward, selfSimilarity } from '../../core/similarity.js';
import { checkInvertibleTemperature } from '../softmax/validate.js';
import { sigmoid, softplus } from '../../core/sigmoid.js';
import { othersSoftmaxProbs } from '../softmax/others.js';
import { type Singletons, checkLogits, supconByRow } from '../supcon/kernel.js';
import { checkLabelCount } from '../supcon/validate.js';
import { checkEvenRows } from './validate.js';

/** Which rows are two views of one example: `half` pairs i with i + N, `adjacent` 2k with 2k + 1. */
export type Pairing = 'half' | 'adjacent';
export const PAIRINGS: readonly Pairing[] = ['half', 'adjacent'];

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
  /** Cosine similarity of every pair of rows (raw dot products with normalize false). */
  readonly similarity: Matrix;
  /** Each row's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: Matrix;
  /** The positive partner of each row (0-based). */
  readonly partners: readonly number[];
  /** −log probs[i][partner(i)] (× τ/τ_b), one per row; null for a row that is no anchor (contrast mode 'one'). */
  readonly losses: readonly (number | null)[];
  /** The mean of the losses over the anchors (SimCLR's reference code reports twice this). */
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

/** Which rows are anchors: every row ('all'), or the first view of each pair ('one', SupContrast's contrast_mode). */
export type ContrastMode = 'all' | 'one';
export const CONTRAST_MODES: readonly ContrastMode[] = ['all', 'one'];

/** SupContrast's conventions, as NT-Xent (its SimCLR mode) takes them. */
export interface NtxentConventions {
  /** The loss is multiplied by τ / this (SupContrast's base_temperature); × 1 when absent. */
  readonly baseTemperature?: number;
  readonly contrastMode?: ContrastMode;
  /** L2-normalise the rows first (default); false: raw dot products. */
  readonly normalize?: boolean;
}

/**
 * Whether row i (0-based) of `rows` = 2N is the first view of its pair: an anchor under contrast
 * mode 'one'.
 *
 * @example
 * firstView(2, 6, 'half') // true (rows 0–2 are the first views)
 * firstView(1, 6, 'adjacent') // false (row 0 is)
 */
export function firstView(i: number, rows: number, pairing: Pairing): boolean {
  return pairing === 'half' ? i < rows / 2 : i % 2 === 0;
}

/** The pair of each row as a label (its two views share it), and whether it is the pair's first view. */
function pairLabels(rows: number, pairing: Pairing): { labels: number[]; first: boolean[] } {
  const half = rows / 2;
  const labels = Array.from({ length: rows }, (_, i) => (pairing === 'half' ? i % half : Math.floor(i / 2)));
  const first = Array.from({ length: rows }, (_, i) => firstView(i, rows, pairing));
  return { labels, first };
}

/**
 * {@link ntxentLoss} holding one N×N matrix (the similarities): the probabilities are a
 * RowSource, the gradient is computed by `gradient()`, each entry as ntxentLoss computes it.
 * NT-Xent is SupCon with one positive per row, its partner: SupContrast computes SimCLR's
 * loss that way (labels=None), and so does this, with SupContrast's conventions.
 */
export function ntxentByRow(
  embeddings: Matrix,
  temperature: number,
  pairing: Pairing,
  source: MessageParam,
  conventions: NtxentConventions = {},
): NtxentRows {
  const n = embeddings.rows;
  checkEvenRows(n, source);
  // The gradient carries 1/τ: a τ whose inverse overflows would print NaN.
  checkInvertibleTemperature(temperature);
  const { labels, first } = pairLabels(n, pairing);
  const r = supconByRow(embeddings, labels, temperature, source, {
    ...(conventions.baseTemperature !== undefined ? { baseTemperature: conventions.baseTemperature } : {}),
    ...(conventions.contrastMode === 'one' ? { anchors: first } : {}),
    normalize: conventions.normalize ?? true,
  });
  return {
    similarity: r.similarity,
    probs: r.probs,
    partners: Array.from({ length: n }, (_, i) => partnerOf(i, n, pairing)),
    losses: r.losses,
    loss: r.loss,
    gradient: r.gradient,
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
  conventions: NtxentConventions = {},
): NtxentResult {
  const { probs, gradient, ...rest } = ntxentByRow(embeddings, temperature, pairing, source, conventions);
  return { ...rest, probs: materialize(probs), grad: gradient() };
}

/** NT-Xent with several positives per row, as pytorch-metric-learning computes it. */
export interface PairNtxentRows {
  readonly similarity: Matrix;
  /** Each row's softmax over the other rows (for the table; the loss's denominators leave the other positives out). */
  readonly probs: RowSource;
  /** How many other rows share each row's label. */
  readonly positives: readonly number[];
  /** Per anchor: the mean of its pairs' losses; null with no positive (0 with singletons 'zero'). */
  readonly losses: readonly (number | null)[];
  /** How many (anchor, positive) pairs there are. */
  readonly pairs: number;
  /** How many terms the loss averages over: the pairs, and with singletons 'zero' each anchor alone too. */
  readonly terms: number;
  /** The sum over every positive pair, over `terms`. */
  readonly loss: number;
  gradient(): Matrix;
}

/**
 * pytorch-metric-learning's NTXentLoss with labels: every ordered pair (i, p) of rows with one
 * label (p ≠ i) is a positive pair, and its loss is
 * ℓᵢₚ = −log( e^{sᵢₚ/τ} / (e^{sᵢₚ/τ} + Σ_{n: label ≠ label(i)} e^{sᵢₙ/τ}) ):
 * the other positives of i are not in the denominator (SupCon's keeps them). The loss is the
 * mean over all positive pairs (its MeanReducer over "pos_pair" losses), not over rows. PML
 * adds the smallest double (1e-308) inside the log; that changes nothing above it.
 *
 * Gradient: with LNᵢ = log Σₙ e^{sᵢₙ/τ} and aᵢₚ = sᵢₚ/τ, ℓᵢₚ = softplus(LNᵢ − aᵢₚ), so
 * ∂ℓᵢₚ/∂sᵢₚ = −σ(LNᵢ − aᵢₚ)/τ and ∂ℓᵢₚ/∂sᵢₙ = e^{sᵢₙ/τ − logaddexp(aᵢₚ, LNᵢ)}/τ; each over the
 * pair count P, carried back through s = U·Uᵀ and the normalisation.
 *
 * An anchor whose label no other row has forms no pair: PML's mean over pairs leaves it out
 * (`singletons` 'drop', the default); 'zero' counts it as one term of 0, dividing by P + S for
 * S such anchors (its own row's loss 0, not null). It is a negative of the other rows either way.
 *
 * @example
 * // Rows 1, 2 share a label, row 3 does not: each of the 2 pairs sees only row 3 as a negative.
 * pairNtxentByRow(fromRows([[1, 0], [0.8, 0.6], [0, 1]]), [0, 0, 1], 0.5, source).loss
 */
export function pairNtxentByRow(
  embeddings: Matrix,
  labels: readonly number[],
  temperature: number,
  source: MessageParam,
  normalize = true,
  singletons: Singletons = 'drop',
): PairNtxentRows {
  const n = embeddings.rows;
  checkLabelCount(labels.length, n, source);
  const same = (i: number, j: number) => labels[i] === labels[j] && !Number.isNaN(labels[i]);
  const positives = Array.from({ length: n }, (_, i) => {
    let count = 0;
    for (let j = 0; j < n; j++) if (j !== i && same(i, j)) count++;
    return count;
  });
  const pairs = positives.reduce((a, b) => a + b, 0);
  if (pairs === 0) throw new XentError('err.noPositives', { rows: n });
  const alone = singletons === 'zero' ? positives.filter((count) => count === 0).length : 0;
  const terms = pairs + alone;
  const self = selfSimilarity(embeddings, source, normalize);
  if (!normalize) checkLogits(self.similarity, temperature);
  const s = self.similarity;
  const logit = (i: number, j: number) => s.data[i * n + j] / temperature;
  // log Σ over each row's negatives (−inf with none: every pair's loss is then 0).
  const negatives = Array.from({ length: n }, (_, i) => {
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i && !same(i, j) && logit(i, j) > max) max = logit(i, j);
    if (max === -Infinity) return -Infinity;
    let sum = 0;
    for (let j = 0; j < n; j++) if (j !== i && !same(i, j)) sum += Math.exp(logit(i, j) - max);
    return max + Math.log(sum);
  });
  const losses: (number | null)[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (positives[i] === 0) {
      losses.push(singletons === 'zero' ? 0 : null);
      continue;
    }
    let rowTotal = 0;
    for (let p = 0; p < n; p++) if (p !== i && same(i, p)) rowTotal += softplus(negatives[i] - logit(i, p));
    losses.push(rowTotal / positives[i]);
    total += rowTotal;
  }
  const gradSimilarity: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      into.fill(0);
      if (positives[i] === 0) return;
      // log Σₚ 1/(e^{aᵢₚ} + e^{LNᵢ}): each negative's share of every pair's denominator, in logs
      // (e^{sᵢₙ/τ} alone can overflow where the quotient does not).
      let logShare = -Infinity;
      for (let p = 0; p < n; p++) {
        if (p === i || !same(i, p)) continue;
        into[p] = -sigmoid(negatives[i] - logit(i, p)) / (terms * temperature);
        logShare = logAddExp(-logAddExp(logit(i, p), negatives[i]), logShare);
      }
      for (let j = 0; j < n; j++)
        if (j !== i && !same(i, j)) into[j] = Math.exp(logit(i, j) + logShare) / (terms * temperature);
    },
  };
  return {
    similarity: s,
    probs: othersSoftmaxProbs(s, temperature),
    positives,
    losses,
    pairs,
    terms,
    loss: total / terms,
    gradient: () => selfBackward(self, gradSimilarity),
  };
}

/** log(e^a + e^b), without overflow. */
function logAddExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (a === -Infinity) return b;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}
