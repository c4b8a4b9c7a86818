// clipLoss for library callers, with the options, defaults and checks of `xent clip`.
import { XentError } from '../../core/errors.js';
import { type Matrix, mapMatrix, materialize } from '../../core/matrix.js';
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
import { type Library, presetFor } from '../presets.js';
import { pairMatch } from '../siglip/kernel.js';
import { checkSoftmaxInput } from '../softmax/validate.js';
import {
  LIBRARY_SCALE_NAMES,
  type ScaleOrTemperature,
  checkClipInputChoice,
  checkClipLogits,
  checkScaleOrTemperature,
} from './validate.js';
import { type ClipRows, clipFromEmbeddingsByRow, clipLossByRow } from './kernel.js';
import { clipLocalFromEmbeddings, clipLocalGradScale, clipLocalLoss } from './local.js';
import {
  clipRecall,
  clipRecallMatching,
  gradLogScale,
  gradScaleOfMatrix,
  gradTemperature,
  recallKs,
} from './metrics.js';

export interface ClipOptions {
  /** Multiply the logits (or cosine similarities) by s (`-s`); default 1, or the preset's. Not with `temperature`. */
  readonly scale?: number;
  /** Or divide by T: scale = 1/T (`-t`). */
  readonly temperature?: number;
  /** For embeddings: L2-normalise the rows first (default true; `--no-normalize` is false). */
  readonly normalize?: boolean;
  /** One label per pair (`--labels`): image i and text j match when their labels are equal (several positives). */
  readonly labels?: readonly number[];
  /** open_clip's local_loss from the whole batch's embeddings (`--world-size`, `--rank`): this rank's rows scored. */
  readonly worldSize?: number;
  readonly rank?: number;
  /** A rank's text→image logits (`--text-logits`), n × M beside the input's image→text ones. */
  readonly textLogits?: MatrixLike;
  /** With textLogits: row i's positive is column i + this (`--label-offset`; n·rank in open_clip); default 0. */
  readonly labelOffset?: number;
  /** A library's initial scale (`--as`): 'open_clip' (1/0.07) or 'hf' (e^2.6592); scale or temperature still win. */
  readonly preset?: Library;
}

/** Options of one rank's local loss: the batch's embeddings with worldSize and rank, or two logits matrices. */
export type ClipLocalEmbeddingOptions = ClipOptions & { readonly worldSize: number; readonly rank: number };
export type ClipLocalLogitsOptions = ClipOptions & { readonly textLogits: MatrixLike };

export interface ClipLossResult {
  /** The logits the loss was computed from (after the scale). */
  readonly logits: number[][];
  /** Softmax of each row (image i over the texts) and of each column (text j over the images). */
  readonly probsI2t: number[][];
  readonly probsT2i: number[][];
  /** −log of the diagonal entry (with labels, the mean over the row's positives), per image (row) and per text (column). */
  readonly lossesI2t: number[];
  readonly lossesT2i: number[];
  readonly lossI2t: number;
  readonly lossT2i: number;
  /** (lossI2t + lossT2i) / 2. */
  readonly loss: number;
  /** Recall@K in each direction, K = 1 (and 5 from 5 pairs on): { 1: 0.67, 5: 1 }. */
  readonly recallI2t: Readonly<Record<number, number>>;
  readonly recallT2i: Readonly<Record<number, number>>;
  /** The multiplier applied (given, 1/T, or the preset's). */
  readonly scale: number;
  /** ∂loss/∂logits. */
  readonly gradLogits: number[][];
  /** ∂loss/∂s: through the embeddings, or Σ (∂loss/∂logits)·x for a given matrix x (logits s·x). */
  readonly gradScale: number;
  /** ∂loss/∂log s = s·∂loss/∂s: the gradient open_clip and Hugging Face apply to logit_scale. */
  readonly gradLogScale: number;
  /** With `temperature`: ∂loss/∂T = −∂loss/∂scale / T². */
  readonly gradTemperature?: number;
  /** From embeddings only: the similarities before the scale, ∂loss/∂ each raw embedding. */
  readonly similarity?: number[][];
  readonly gradImage?: number[][];
  readonly gradText?: number[][];
}

export interface ClipLocalLossResult {
  /** The local images' logits against every text (open_clip's logits_per_image), n × M. */
  readonly logitsPerImage: number[][];
  /** The local texts' logits against every image (logits_per_text), n × M. */
  readonly logitsPerText: number[][];
  /** Row i's positive is column i + this. */
  readonly labelOffset: number;
  /** Row softmax of each. */
  readonly probsI2t: number[][];
  readonly probsT2i: number[][];
  readonly lossesI2t: number[];
  readonly lossesT2i: number[];
  readonly lossI2t: number;
  readonly lossT2i: number;
  /** (lossI2t + lossT2i) / 2, as open_clip's total_loss on this rank. */
  readonly loss: number;
  readonly scale: number;
  readonly gradLogitsPerImage: number[][];
  readonly gradLogitsPerText: number[][];
  /**
   * ∂loss/∂s: through the embeddings, or for two given matrices x, x′ (logits s·x, s·x′)
   * Σ ∂loss/∂logitsPerImage · x + Σ ∂loss/∂logitsPerText · x′ (each logit / s).
   */
  readonly gradScale: number;
  /** ∂loss/∂log s = s·∂loss/∂s: the gradient open_clip applies to logit_scale. */
  readonly gradLogScale: number;
  /** With `temperature`: ∂loss/∂T = −∂loss/∂scale / T². */
  readonly gradTemperature?: number;
  /** From embeddings only: ∂loss/∂ every raw embedding of the batch. */
  readonly gradImage?: number[][];
  readonly gradText?: number[][];
}

/** -s or -t as `xent clip` checks them (validate.ts): the same rule, the same keys. */
function scaleOf(options: ClipOptions, fallback: number): ScaleOrTemperature {
  const given = (value: number | undefined) => (value === undefined ? undefined : { value });
  return checkScaleOrTemperature(
    { scale: given(options.scale), temperature: given(options.temperature) },
    fallback,
    LIBRARY_SCALE_NAMES,
  );
}

/**
 * CLIP's symmetric InfoNCE loss, as `xent clip`: from an N×N logits matrix (row i = image
 * i, column j = text j, positives on the diagonal), multiplied by `scale` (default 1), or
 * from `{ image, text }` embeddings: logits = scale · normalize(image) · normalize(text)ᵀ,
 * with gradients back to the raw embeddings, the scale and its log (open_clip's logit_scale).
 * With `worldSize` and `rank` (embeddings) or `textLogits` (logits), one rank of open_clip's
 * local_loss: a ClipLocalLossResult.
 *
 * @example
 * clipLoss([[2, 0.5, -1], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]).loss // 0.32268134…
 * const r = clipLoss({ image: [[1, 0], [0, 1]], text: [[2, 0], [0, 3]] }, { scale: 10 });
 * r.loss // log(1 + e^-10) ≈ 4.54e-5; r.gradImage, r.gradText, r.gradScale, r.gradLogScale
 * clipLoss({ image, text }, { worldSize: 2, rank: 1, preset: 'open_clip' }).gradLogScale
 */
export function clipLoss(input: EmbeddingPair, options: ClipLocalEmbeddingOptions): ClipLocalLossResult;
export function clipLoss(input: MatrixLike, options: ClipLocalLogitsOptions): ClipLocalLossResult;
export function clipLoss(input: MatrixLike | EmbeddingPair, options?: ClipOptions): ClipLossResult;
export function clipLoss(
  input: MatrixLike | EmbeddingPair,
  options: ClipOptions = {},
): ClipLossResult | ClipLocalLossResult {
  return inLibraryWords(() => {
    const preset = presetFor('clip', options.preset, 'preset');
    const embeddings = isEmbeddingPair(input);
    checkClipInputChoice({
      embeddings,
      worldSize: options.worldSize !== undefined,
      rank: options.rank !== undefined,
      textLogits: options.textLogits !== undefined,
      labelOffset: options.labelOffset !== undefined,
      labels: options.labels !== undefined,
    });
    const { scale, temperature } = scaleOf(options, preset.scale ?? 1);
    if (!embeddings && options.normalize !== undefined)
      throw new XentError('err.logitsOption', { option: 'normalize' });
    if (options.worldSize !== undefined || options.textLogits !== undefined)
      return localLoss(input, options, scale, temperature);
    const labels = options.labels === undefined ? undefined : toList(options.labels, 'labels');
    let result: ClipRows;
    let x: Matrix | undefined;
    let extra: Partial<ClipLossResult> = {};
    let gradScale: number;
    if (isEmbeddingPair(input)) {
      const { image, text } = embeddingPair(input);
      const e = clipFromEmbeddingsByRow(image, text, scale, options.normalize !== false, labels);
      const g = e.gradients();
      result = e;
      gradScale = g.gradScale;
      extra = { similarity: toRows(e.similarity), gradImage: toRows(g.gradImage), gradText: toRows(g.gradText) };
    } else {
      x = toMatrix(input, 'the logits');
      const logits = mapMatrix(x, (v) => scale * v);
      checkClipLogits(logits, 'the logits');
      result = clipLossByRow(logits, labels);
      gradScale = gradScaleOfMatrix(result.gradLogits, x);
    }
    const n = result.logits.rows;
    const ks = recallKs(n);
    const recall = labels ? clipRecallMatching(result.logits, ks, pairMatch(n, labels)) : clipRecall(result.logits, ks);
    return {
      logits: toRows(result.logits),
      probsI2t: toRows(materialize(result.probsI2t)),
      probsT2i: toRows(materialize(result.probsT2i)),
      lossesI2t: Array.from(result.lossesI2t),
      lossesT2i: Array.from(result.lossesT2i),
      lossI2t: result.lossI2t,
      lossT2i: result.lossT2i,
      loss: result.loss,
      recallI2t: Object.fromEntries(recall.i2t),
      recallT2i: Object.fromEntries(recall.t2i),
      scale,
      gradLogits: toRows(materialize(result.gradLogits)),
      gradScale,
      gradLogScale: gradLogScale(gradScale, scale),
      ...(temperature !== undefined ? { gradTemperature: gradTemperature(gradScale, temperature) } : {}),
      ...extra,
    };
  });
}

/** One rank of open_clip's local_loss, as `xent clip --world-size/--rank` or `--text-logits/--label-offset`. */
function localLoss(
  input: MatrixLike | EmbeddingPair,
  options: ClipOptions,
  scale: number,
  temperature: number | undefined,
): ClipLocalLossResult {
  let embeddingGradients: Pick<ClipLocalLossResult, 'gradImage' | 'gradText'> = {};
  let r: ReturnType<typeof clipLocalLoss>;
  let gradScale: number;
  if (isEmbeddingPair(input)) {
    const { image, text } = embeddingPair(input);
    const e = clipLocalFromEmbeddings(
      image,
      text,
      scale,
      options.normalize !== false,
      options.worldSize!,
      options.rank!,
    );
    r = e;
    gradScale = e.gradScale;
    embeddingGradients = { gradImage: toRows(e.gradImage), gradText: toRows(e.gradText) };
  } else {
    const x = toMatrix(input, 'the logits');
    const xText = toMatrix(options.textLogits!, 'textLogits');
    const perImage = mapMatrix(x, (v) => scale * v);
    const perText = mapMatrix(xText, (v) => scale * v);
    checkSoftmaxInput(perImage, 'row', 'the logits');
    checkSoftmaxInput(perText, 'row', 'textLogits');
    r = clipLocalLoss(perImage, perText, options.labelOffset ?? 0);
    gradScale = clipLocalGradScale(r, x, xText);
  }
  return {
    logitsPerImage: toRows(r.perImage),
    logitsPerText: toRows(r.perText),
    labelOffset: r.offset,
    probsI2t: toRows(r.probsI2t),
    probsT2i: toRows(r.probsT2i),
    lossesI2t: Array.from(r.lossesI2t),
    lossesT2i: Array.from(r.lossesT2i),
    lossI2t: r.lossI2t,
    lossT2i: r.lossT2i,
    loss: r.loss,
    scale,
    gradLogitsPerImage: toRows(r.gradPerImage),
    gradLogitsPerText: toRows(r.gradPerText),
    gradScale,
    gradLogScale: gradLogScale(gradScale, scale),
    ...(temperature !== undefined ? { gradTemperature: gradTemperature(gradScale, temperature) } : {}),
    ...embeddingGradients,
  };
}
