// clipLoss for library callers, with the options, defaults and checks of `xent clip`.
import { XentError } from '../../core/errors.js';
import { zeros } from '../../core/matrix.js';
import {
  type EmbeddingPair,
  type MatrixLike,
  embeddingPair,
  isEmbeddingPair,
  toMatrix,
  toRows,
} from '../../core/library-input.js';
import { LIBRARY_SCALE_NAMES, type ScaleOrTemperature, checkClipLogits, checkScaleOrTemperature } from './validate.js';
import { clipFromEmbeddings, clipLoss as clipOf } from './kernel.js';
import { clipRecall, gradTemperature, recallKs } from './metrics.js';

export interface ClipOptions {
  /** Multiply the logits (or cosine similarities) by s (`-s`); default 1. Not with `temperature`. */
  readonly scale?: number;
  /** Or divide by T: scale = 1/T (`-t`). */
  readonly temperature?: number;
  /** For embeddings: L2-normalise the rows first (default true; `--no-normalize` is false). */
  readonly normalize?: boolean;
}

export interface ClipLossResult {
  /** The logits the loss was computed from (after the scale). */
  readonly logits: number[][];
  /** Softmax of each row (image i over the texts) and of each column (text j over the images). */
  readonly probsI2t: number[][];
  readonly probsT2i: number[][];
  /** −log of the diagonal entry, per image (row) and per text (column). */
  readonly lossesI2t: number[];
  readonly lossesT2i: number[];
  readonly lossI2t: number;
  readonly lossT2i: number;
  /** (lossI2t + lossT2i) / 2. */
  readonly loss: number;
  /** Recall@K in each direction, K = 1 (and 5 from 5 pairs on): { 1: 0.67, 5: 1 }. */
  readonly recallI2t: Readonly<Record<number, number>>;
  readonly recallT2i: Readonly<Record<number, number>>;
  /** ∂loss/∂logits. */
  readonly gradLogits: number[][];
  /** From embeddings only: the similarities before the scale, ∂loss/∂ each raw embedding, ∂loss/∂scale. */
  readonly similarity?: number[][];
  readonly gradImage?: number[][];
  readonly gradText?: number[][];
  readonly gradScale?: number;
  /** With `temperature`: ∂loss/∂T = −∂loss/∂scale / T². */
  readonly gradTemperature?: number;
}

/** -s or -t as `xent clip` checks them (validate.ts): the same rule, the same keys. */
function scaleOf(options: ClipOptions): ScaleOrTemperature {
  const given = (value: number | undefined) => (value === undefined ? undefined : { value });
  return checkScaleOrTemperature(
    { scale: given(options.scale), temperature: given(options.temperature) },
    1,
    LIBRARY_SCALE_NAMES,
  );
}

/**
 * CLIP's symmetric InfoNCE loss, as `xent clip`: from an N×N logits matrix (row i = image
 * i, column j = text j, positives on the diagonal), multiplied by `scale` (default 1), or
 * from `{ image, text }` embeddings: logits = scale · normalize(image) · normalize(text)ᵀ,
 * with gradients back to the raw embeddings and the scale.
 *
 * @example
 * clipLoss([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]).loss // 0.32268134…
 * const r = clipLoss({ image: [[1, 0], [0, 1]], text: [[2, 0], [0, 3]] }, { scale: 10 });
 * r.loss // log(1 + e^-10) ≈ 4.54e-5; r.gradImage, r.gradText, r.gradScale
 */
export function clipLoss(input: MatrixLike | EmbeddingPair, options: ClipOptions = {}): ClipLossResult {
  const { scale, temperature } = scaleOf(options);
  let result: ReturnType<typeof clipOf>;
  let extra: Partial<ClipLossResult> = {};
  if (isEmbeddingPair(input)) {
    const { image, text } = embeddingPair(input);
    const e = clipFromEmbeddings(image, text, scale, options.normalize !== false);
    result = e;
    extra = {
      similarity: toRows(e.similarity),
      gradImage: toRows(e.gradImage),
      gradText: toRows(e.gradText),
      gradScale: e.gradScale,
    };
    if (temperature !== undefined) extra = { ...extra, gradTemperature: gradTemperature(e.gradScale, temperature) };
  } else {
    if (options.normalize !== undefined) throw new XentError('err.logitsOption', { option: 'normalize' });
    const m = toMatrix(input, 'the logits');
    const logits = zeros(m.rows, m.cols);
    for (let k = 0; k < m.data.length; k++) logits.data[k] = scale * m.data[k];
    checkClipLogits(logits, 'the logits');
    result = clipOf(logits);
  }
  const n = result.logits.rows;
  const recall = clipRecall(result.logits, recallKs(n));
  return {
    logits: toRows(result.logits),
    probsI2t: toRows(result.probsI2t),
    probsT2i: toRows(result.probsT2i),
    lossesI2t: Array.from(result.lossesI2t),
    lossesT2i: Array.from(result.lossesT2i),
    lossI2t: result.lossI2t,
    lossT2i: result.lossT2i,
    loss: result.loss,
    recallI2t: Object.fromEntries(recall.i2t),
    recallT2i: Object.fromEntries(recall.t2i),
    gradLogits: toRows(result.gradLogits),
    ...extra,
  };
}
