// sigLipLoss for library callers, with the options, defaults and checks of `xent siglip`.
import {
  type EmbeddingPair,
  type MatrixLike,
  embeddingPair,
  isEmbeddingPair,
  toList,
  toMatrix,
  toRows,
  inLibraryWords,
} from '../../core/library-input.js';
import { materialize } from '../../core/matrix.js';
import { gradLogScale } from '../clip/metrics.js';
import { type Library, presetFor } from '../presets.js';
import { checkFinite, checkLogitsOnlyOptions, checkScale } from './validate.js';
import { type SiglipRows, siglipFromEmbeddingsByRow, siglipLossByRow } from './kernel.js';

/** SigLIP's initial scale t and bias b (the paper's t' = log 10, b = −10). */
const DEFAULT_SCALE = 10;
const DEFAULT_BIAS = -10;

export interface SigLipOptions {
  /** The scale t (`-s`); default 10. Embeddings only. */
  readonly scale?: number;
  /** The bias b (`-b`); default −10. Embeddings only. */
  readonly bias?: number;
  /** L2-normalise the embeddings first (default true). Embeddings only. */
  readonly normalize?: boolean;
  /** One label per pair (`--labels`): image i and text j match (target +1) when their labels are equal. */
  readonly labels?: readonly number[];
  /** A library's initial t and b (`--as`): 'open_clip' or 'hf' (10 and −10, xent's defaults too). */
  readonly preset?: Library;
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
  /** ∂loss/∂log t = t·∂loss/∂t: the gradient open_clip and Hugging Face apply to logit_scale. */
  readonly gradLogScale?: number;
  /** ∂loss/∂b, the gradient of their logit_bias. */
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
  return inLibraryWords(() => {
    const preset = presetFor('siglip', options.preset, 'preset');
    const labels = options.labels === undefined ? undefined : toList(options.labels, 'labels');
    if (isEmbeddingPair(input)) {
      const { image, text } = embeddingPair(input);
      const scale = checkScale({ value: options.scale ?? preset.scale ?? DEFAULT_SCALE }, 'scale');
      const bias = checkFinite({ value: options.bias ?? preset.bias ?? DEFAULT_BIAS }, 'bias');
      const e = siglipFromEmbeddingsByRow(image, text, scale, bias, options.normalize !== false, labels);
      const g = e.gradients();
      return {
        ...plainSiglip(e),
        similarity: toRows(e.similarity),
        gradImage: toRows(g.gradImage),
        gradText: toRows(g.gradText),
        gradScale: g.gradScale,
        gradLogScale: gradLogScale(g.gradScale, scale),
        gradBias: g.gradBias,
      };
    }
    checkLogitsOnlyOptions((['scale', 'bias', 'normalize'] as const).filter((option) => options[option] !== undefined));
    return plainSiglip(siglipLossByRow(toMatrix(input, 'the logits'), labels));
  });
}

function plainSiglip(r: SiglipRows): SigLipLossResult {
  return {
    logits: toRows(r.logits),
    probs: toRows(materialize(r.probs)),
    rowLosses: Array.from(r.rowLosses),
    loss: r.loss,
    gradLogits: toRows(materialize(r.gradLogits)),
  };
}
