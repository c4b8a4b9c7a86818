// sigLipLoss for library callers, with the options, defaults and checks of `xent siglip`.
import {
  type EmbeddingPair,
  type MatrixLike,
  embeddingPair,
  isEmbeddingPair,
  toMatrix,
  toRows,
} from '../../core/library-input.js';
import { checkFinite, checkLogitsOnlyOptions, checkScale } from './validate.js';
import { siglipFromEmbeddings, siglipLoss } from './kernel.js';

export interface SigLipOptions {
  /** The scale t (`-s`); default 10. Embeddings only. */
  readonly scale?: number;
  /** The bias b (`-b`); default −10. Embeddings only. */
  readonly bias?: number;
  /** L2-normalise the embeddings first (default true). Embeddings only. */
  readonly normalize?: boolean;
}

export interface SigLipLossResult {
  readonly logits: number[][];
  /** σ(logit): the probability that image i and text j match. */
  readonly probs: number[][];
  /** Each image's share of the loss (they add up to the loss). */
  readonly rowLosses: number[];
  /** −Σᵢⱼ log σ(zᵢⱼ · logitsᵢⱼ) / N, zᵢⱼ = +1 on the diagonal, −1 elsewhere. */
  readonly loss: number;
  readonly gradLogits: number[][];
  /** From embeddings only. */
  readonly similarity?: number[][];
  readonly gradImage?: number[][];
  readonly gradText?: number[][];
  readonly gradScale?: number;
  readonly gradBias?: number;
}

/**
 * SigLIP's pairwise sigmoid loss, as `xent siglip`: from a ready N×N logits matrix (used as
 * given), or from `{ image, text }` embeddings with logits = t · normalize(image) ·
 * normalize(text)ᵀ + b, t = 10 and b = −10 by default, with gradients to the raw
 * embeddings, t and b.
 *
 * @example
 * sigLipLoss([[10, -10], [-10, 10]]).loss // 2 · log(1 + e^-10) ≈ 9.0796e-5
 * sigLipLoss({ image: [[1, 2]], text: [[2, 4]] }).loss // logit 0: log 2 ≈ 0.6931
 */
export function sigLipLoss(input: MatrixLike | EmbeddingPair, options: SigLipOptions = {}): SigLipLossResult {
  if (isEmbeddingPair(input)) {
    const { image, text } = embeddingPair(input);
    const scale = options.scale === undefined ? 10 : checkScale({ value: options.scale }, 'scale');
    const bias = options.bias === undefined ? -10 : checkFinite({ value: options.bias }, 'bias');
    const e = siglipFromEmbeddings(image, text, scale, bias, options.normalize !== false);
    return {
      ...plainSiglip(e),
      similarity: toRows(e.similarity),
      gradImage: toRows(e.gradImage),
      gradText: toRows(e.gradText),
      gradScale: e.gradScale,
      gradBias: e.gradBias,
    };
  }
  checkLogitsOnlyOptions((['scale', 'bias', 'normalize'] as const).filter((option) => options[option] !== undefined));
  return plainSiglip(siglipLoss(toMatrix(input, 'the logits')));
}

function plainSiglip(r: ReturnType<typeof siglipLoss>): SigLipLossResult {
  return {
    logits: toRows(r.logits),
    probs: toRows(r.probs),
    rowLosses: Array.from(r.rowLosses),
    loss: r.loss,
    gradLogits: toRows(r.gradLogits),
  };
}
