import { type Matrix, type RowSource, mapRows, materialize } from '../../core/matrix.js';
import { pairBackward, pairLogits, pairSimilarity } from '../../core/similarity.js';
import { sigmoid, softplus } from '../../core/sigmoid.js';
import { XentError } from '../../core/errors.js';
import { checkSiglipShape } from './validate.js';

export interface SiglipResult {
  readonly logits: Matrix;
  /** σ(logitsᵢⱼ): the model's probability that image i and text j match. */
  readonly probs: Matrix;
  /** Each image's share of the loss: Σⱼ softplus(−zᵢⱼ·logitsᵢⱼ) / N (they add up to the loss). */
  readonly rowLosses: Float64Array;
  /** −Σᵢⱼ log σ(zᵢⱼ · logitsᵢⱼ) / N, zᵢⱼ = +1 on the diagonal, −1 elsewhere. */
  readonly loss: number;
  /** ∂loss/∂logitsᵢⱼ = −zᵢⱼ · σ(−zᵢⱼ · logitsᵢⱼ) / N. */
  readonly gradLogits: Matrix;
}

/** A SigLIP result with its N×N parts computed a row at a time when read (each as {@link siglipLoss} computes it). */
export interface SiglipRows extends Omit<SiglipResult, 'probs' | 'gradLogits'> {
  readonly probs: RowSource;
  readonly gradLogits: RowSource;
}

/** {@link siglipLoss} in O(N) memory beyond the logits: the probabilities and gradient are RowSources. */
export function siglipLossByRow(logits: Matrix, labels?: readonly number[]): SiglipRows {
  const n = logits.rows;
  checkSiglipShape(logits.rows, logits.cols);
  // zᵢⱼ = +1 for a matching pair: the diagonal, or (--labels) every pair of one label.
  const match = pairMatch(n, labels);
  const rowLosses = new Float64Array(n);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) {
      const z = match(i, j) ? 1 : -1;
      row += softplus(-z * logits.data[i * n + j]);
    }
    rowLosses[i] = row / n;
    loss += row;
  }
  const probs: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      for (let j = 0; j < n; j++) into[j] = sigmoid(logits.data[i * n + j]);
    },
  };
  const gradLogits: RowSource = {
    rows: n,
    cols: n,
    row(i, into) {
      for (let j = 0; j < n; j++) {
        const z = match(i, j) ? 1 : -1;
        into[j] = (-z * sigmoid(-z * logits.data[i * n + j])) / n;
      }
    },
  };
  return { logits, probs, rowLosses, loss: loss / n, gradLogits };
}

/**
 * SigLIP's pairwise sigmoid loss of an N×N logits matrix (diagonal = matching pairs):
 * every pair is a binary classification, −log σ(z·x) = softplus(−z·x), summed and divided
 * by N (the batch size, as in the paper). Stable for any finite logit.
 *
 * @example
 * // logits [[10, -10], [-10, 10]]: every pair is right with margin 10,
 * // loss = 4 · softplus(-10) / 2 = 2 · log(1 + e^-10) ≈ 9.0796e-5
 * siglipLoss(fromRows([[10, -10], [-10, 10]])).loss
 */
export function siglipLoss(logits: Matrix, labels?: readonly number[]): SiglipResult {
  return held(siglipLossByRow(logits, labels));
}

function held<T extends SiglipRows>(r: T): Omit<T, 'probs' | 'gradLogits'> & SiglipResult {
  return { ...r, probs: materialize(r.probs), gradLogits: materialize(r.gradLogits) };
}

export interface SiglipEmbeddingResult extends SiglipResult {
  /** sᵢⱼ = uᵢ · vⱼ before scale and bias. */
  readonly similarity: Matrix;
  readonly gradImage: Matrix;
  readonly gradText: Matrix;
  /** ∂loss/∂t = Σᵢⱼ (∂loss/∂logitsᵢⱼ) · sᵢⱼ. */
  readonly gradScale: number;
  /** ∂loss/∂b = Σᵢⱼ ∂loss/∂logitsᵢⱼ. */
  readonly gradBias: number;
}

/** SigLIP from embeddings, its gradients w.r.t. the embeddings, t and b computed only when asked for. */
export interface SiglipEmbeddingRows extends SiglipRows {
  readonly similarity: Matrix;
  gradients(): Pick<SiglipEmbeddingResult, 'gradImage' | 'gradText' | 'gradScale' | 'gradBias'>;
}

/** {@link siglipFromEmbeddings} with RowSources, and `gradients()` computed when called. */
export function siglipFromEmbeddingsByRow(
  image: Matrix,
  text: Matrix,
  scale: number,
  bias: number,
  normalize = true,
  labels?: readonly number[],
): SiglipEmbeddingRows {
  const pair = pairSimilarity(image, text, normalize);
  const s = pair.similarity;
  const result = siglipLossByRow(pairLogits(s, scale, bias), labels);
  return {
    ...result,
    similarity: s,
    gradients() {
      const g = new Float64Array(s.cols);
      let gradScale = 0;
      let gradBias = 0;
      for (let i = 0; i < s.rows; i++) {
        result.gradLogits.row(i, g);
        for (let j = 0; j < s.cols; j++) {
          gradScale += g[j] * s.data[i * s.cols + j];
          gradBias += g[j];
        }
      }
      const { gradImage, gradText } = pairBackward(
        pair,
        mapRows(result.gradLogits, (v) => scale * v),
      );
      return { gradImage, gradText, gradScale, gradBias };
    },
  };
}

/**
 * SigLIP from embeddings: logits = t · normalize(image) · normalize(text)ᵀ + b, then
 * {@link siglipLoss}; gradients w.r.t. the raw embeddings, t and b.
 *
 * @example
 * // One pair pointing the same way, t = 10, b = -10: logit 0, loss = log 2 ≈ 0.6931
 * siglipFromEmbeddings(fromRows([[1, 2]]), fromRows([[2, 4]]), 10, -10).loss
 */
export function siglipFromEmbeddings(
  image: Matrix,
  text: Matrix,
  scale: number,
  bias: number,
  normalize = true,
): SiglipEmbeddingResult {
  const { gradients, ...rows } = siglipFromEmbeddingsByRow(image, text, scale, bias, normalize);
  return { ...held(rows), ...gradients() };
}

/**
 * Whether image i and text j are a matching pair: i = j, or with labels (one per pair, image i
 * and text i sharing label i) every image and text of one label, as when a batch holds several
 * captions of one image. A NaN label matches nothing but its own pair.
 */
export function pairMatch(n: number, labels?: readonly number[]): (i: number, j: number) => boolean {
  if (!labels) return (i, j) => i === j;
  if (labels.length !== n) throw new XentError('err.clip.labelCount', { count: labels.length, rows: n }, true);
  return (i, j) => i === j || labels[i] === labels[j];
}
