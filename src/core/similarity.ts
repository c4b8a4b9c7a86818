import { XentError } from './errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Matrix, type RowSource, zeros } from './matrix.js';
import { dotRows, gradientProducts } from './matmul.js';
import { type Normalized, checkEmbeddings, l2Normalize, normalizeBackward } from './normalize.js';

export { dotRows };

/** Embeddings as they enter the dot products: unit rows, or the raw rows with --no-normalize. */
export interface Prepared {
  readonly raw: Matrix;
  readonly rows: Matrix;
  readonly normalized?: Normalized;
}

function prepare(raw: Matrix, normalize: boolean): Prepared {
  if (!normalize) return { raw, rows: raw };
  const normalized = l2Normalize(raw);
  return { raw, rows: normalized.unit, normalized };
}

/** From ∂L/∂(rows) to ∂L/∂(raw embeddings). */
function backToRaw(p: Prepared, gradRows: Matrix): Matrix {
  return p.normalized ? normalizeBackward(p.normalized, gradRows) : gradRows;
}

export interface PairSimilarity {
  readonly image: Prepared;
  readonly text: Prepared;
  /** sᵢⱼ = uᵢ · vⱼ (cosine similarity when normalised), before any scale or bias. */
  readonly similarity: Matrix;
}

/**
 * The similarity of each image i with each text j, for CLIP and SigLIP: both sets of
 * embeddings (one per row) are L2-normalised unless `normalize` is false, then
 * sᵢⱼ = uᵢ · vⱼ. Rejects different counts or dimensions, non-finite entries and (when
 * normalising) zero rows, naming the option each came from.
 *
 * @example
 * pairSimilarity(fromRows([[1, 0], [0, 2]]), fromRows([[1, 1], [0, 1]]), true).similarity
 * // [[0.7071, 0], [0.7071, 1]]
 */
export function pairSimilarity(image: Matrix, text: Matrix, normalize: boolean): PairSimilarity {
  const imageName = { key: 'source.option', params: { option: '--image' } } as const;
  const textName = { key: 'source.option', params: { option: '--text' } } as const;
  if (image.rows !== text.rows) throw new XentError('err.pairCount', { image: image.rows, text: text.rows });
  if (image.cols !== text.cols) throw new XentError('err.pairDim', { image: image.cols, text: text.cols });
  checkEmbeddings(image, imageName, normalize);
  checkEmbeddings(text, textName, normalize);
  const imageRows = prepare(image, normalize);
  const textRows = prepare(text, normalize);
  return { image: imageRows, text: textRows, similarity: dotRows(imageRows.rows, textRows.rows) };
}

/**
 * The logits scale·sᵢⱼ + bias of a pair's similarities. Raw dot products (--no-normalize) can
 * pass the largest double; such a logit is refused, naming the pair, as its loss would be nan.
 *
 * @example
 * pairLogits(fromRows([[0.5, -1]]), 10) // [[5, -10]]
 */
export function pairLogits(similarity: Matrix, scale: number, bias = 0): Matrix {
  const logits = zeros(similarity.rows, similarity.cols);
  for (let k = 0; k < similarity.data.length; k++) {
    const z = scale * similarity.data[k] + bias;
    if (!Number.isFinite(z)) {
      const row = Math.floor(k / similarity.cols) + 1;
      const col = (k % similarity.cols) + 1;
      throw new XentError('err.logitOverflow', { row, col, value: z > 0 ? 'inf' : z < 0 ? '-inf' : 'nan' });
    }
    logits.data[k] = z;
  }
  return logits;
}

/**
 * Backpropagation from g = ∂L/∂s (the gradient w.r.t. the similarity matrix, given row by
 * row) to the raw embeddings: ∂L/∂U = g·V, ∂L/∂V = gᵀ·U, then through the normalisation of
 * each row.
 */
export function pairBackward(pair: PairSimilarity, gradSimilarity: RowSource): { gradImage: Matrix; gradText: Matrix } {
  const { gRight, gtLeft } = gradientProducts(gradSimilarity, pair.text.rows, pair.image.rows);
  return { gradImage: backToRaw(pair.image, gRight), gradText: backToRaw(pair.text, gtLeft) };
}

export interface SelfSimilarity {
  readonly embeddings: Prepared;
  /** sᵢⱼ = uᵢ · uⱼ, the cosine similarity of rows i and j (1 on the diagonal). */
  readonly similarity: Matrix;
}

/**
 * The cosine similarity of every pair of rows of one batch, for NT-Xent and SupCon (raw dot
 * products when `normalize` is false, as SupContrast's loss takes its features). Rejects
 * non-finite entries and (normalised) zero rows, naming `source` (where the embeddings came from).
 *
 * @example
 * selfSimilarity(fromRows([[1, 0], [1, 1]]), source).similarity // [[1, 0.7071], [0.7071, 1]]
 */
export function selfSimilarity(embeddings: Matrix, source: MessageParam, normalize = true): SelfSimilarity {
  checkEmbeddings(embeddings, source, normalize);
  const prepared = prepare(embeddings, normalize);
  return { embeddings: prepared, similarity: dotRows(prepared.rows, prepared.rows) };
}

/**
 * From g = ∂L/∂s (given row by row) to the raw embeddings: s = U·Uᵀ gives ∂L/∂U = g·U + gᵀ·U
 * (two sums, added after), then the normalisation.
 */
export function selfBackward(self: SelfSimilarity, gradSimilarity: RowSource): Matrix {
  const u = self.embeddings.rows;
  const { gRight: a, gtLeft: b } = gradientProducts(gradSimilarity, u, u);
  for (let k = 0; k < a.data.length; k++) a.data[k] += b.data[k];
  return backToRaw(self.embeddings, a);
}
