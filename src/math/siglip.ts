import { XentError } from '../errors.js';
import { type Matrix, zeros } from '../matrix.js';
import { pairBackward, pairLogits, pairSimilarity } from './similarity.js';
import { sigmoid, softplus } from './sigmoid.js';

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
export function siglipLoss(logits: Matrix): SiglipResult {
  const n = logits.rows;
  if (n !== logits.cols) throw new XentError('err.notSquare', { command: 'siglip', rows: logits.rows, cols: logits.cols });
  const probs = zeros(n, n);
  const gradLogits = zeros(n, n);
  const rowLosses = new Float64Array(n);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const x = logits.data[k];
      const z = i === j ? 1 : -1;
      probs.data[k] = sigmoid(x);
      row += softplus(-z * x);
      gradLogits.data[k] = (-z * sigmoid(-z * x)) / n;
    }
    rowLosses[i] = row / n;
    loss += row;
  }
  return { logits, probs, rowLosses, loss: loss / n, gradLogits };
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
  const pair = pairSimilarity(image, text, normalize);
  const s = pair.similarity;
  const result = siglipLoss(pairLogits(s, scale, bias));
  const gradSimilarity = zeros(s.rows, s.cols);
  let gradScale = 0;
  let gradBias = 0;
  for (let k = 0; k < s.data.length; k++) {
    const g = result.gradLogits.data[k];
    gradSimilarity.data[k] = scale * g;
    gradScale += g * s.data[k];
    gradBias += g;
  }
  const { gradImage, gradText } = pairBackward(pair, gradSimilarity);
  return { ...result, similarity: s, gradImage, gradText, gradScale, gradBias };
}
