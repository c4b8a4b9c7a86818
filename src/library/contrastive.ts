// clipLoss, sigLipLoss, ntXentLoss and supConLoss for library callers, with the options and
// defaults of `xent clip`, `siglip`, `ntxent` and `supcon`.
import { XentError } from '../errors.js';
import { type Matrix, zeros } from '../matrix.js';
import { clipFromEmbeddings, clipLoss as clipOf, clipRecall } from '../math/clip.js';
import { type Pairing, ntxentLoss } from '../math/ntxent.js';
import { siglipFromEmbeddings, siglipLoss } from '../math/siglip.js';
import { checkSoftmaxInput } from '../ops/softmax/validate.js';
import { supconLoss } from '../math/supcon.js';
import { type MatrixLike, choice, finite, positive, toList, toMatrix, toRows } from './input.js';

export type { Pairing };

/** Image and text embeddings, one per row; row i of each is a matching pair. */
export interface EmbeddingPair {
  readonly image: MatrixLike;
  readonly text: MatrixLike;
}

function isPair(x: MatrixLike | EmbeddingPair): x is EmbeddingPair {
  return typeof x === 'object' && x !== null && 'image' in x && 'text' in x;
}

function embeddings(pair: EmbeddingPair): { image: Matrix; text: Matrix } {
  return { image: toMatrix(pair.image, 'the image embeddings'), text: toMatrix(pair.text, 'the text embeddings') };
}

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

function scaleOf(options: ClipOptions): { scale: number; temperature?: number } {
  if (options.scale !== undefined && options.temperature !== undefined) throw new XentError('err.scaleAndTemperature');
  if (options.temperature !== undefined) {
    const temperature = positive(options.temperature, 'temperature', 1);
    return { scale: 1 / temperature, temperature };
  }
  return { scale: positive(options.scale, 'scale', 1) };
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
  if (isPair(input)) {
    const { image, text } = embeddings(input);
    const e = clipFromEmbeddings(image, text, scale, options.normalize !== false);
    result = e;
    extra = { similarity: toRows(e.similarity), gradImage: toRows(e.gradImage), gradText: toRows(e.gradText), gradScale: e.gradScale };
    if (temperature !== undefined) extra = { ...extra, gradTemperature: -e.gradScale / temperature ** 2 };
  } else {
    if (options.normalize !== undefined) throw new XentError('err.logitsOption', { option: 'normalize' });
    const m = toMatrix(input, 'the logits');
    const logits = zeros(m.rows, m.cols);
    for (let k = 0; k < m.data.length; k++) logits.data[k] = scale * m.data[k];
    checkSoftmaxInput(logits, 'row', 'the logits');
    checkSoftmaxInput(logits, 'col', 'the logits');
    result = clipOf(logits);
  }
  const n = result.logits.rows;
  const recall = clipRecall(result.logits, n >= 5 ? [1, 5] : [1]);
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
  if (isPair(input)) {
    const { image, text } = embeddings(input);
    const scale = positive(options.scale, 'scale', 10);
    const bias = finite(options.bias, 'bias', -10);
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
  for (const option of ['scale', 'bias', 'normalize'] as const) {
    if (options[option] !== undefined) throw new XentError('err.logitsOption', { option });
  }
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

export interface NtXentOptions {
  /** τ (`-t`); default 0.5. */
  readonly temperature?: number;
  /** Which rows are two views of one example: 'half' (i and i + N, default) or 'adjacent' (2k and 2k + 1). */
  readonly pairs?: Pairing;
}

export interface NtXentLossResult {
  /** Cosine similarity of every pair of rows. */
  readonly similarity: number[][];
  /** Each row's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** The positive partner of each row (0-based). */
  readonly partners: number[];
  /** −log probs[i][partner(i)], one per row. */
  readonly losses: number[];
  /** The mean over the 2N rows. */
  readonly loss: number;
  /** ∂loss/∂embeddings (raw, before normalisation). */
  readonly grad: number[][];
}

/**
 * SimCLR's NT-Xent loss, as `xent ntxent`: 2N embeddings (rows), L2-normalised; each row
 * classifies its partner among the other rows with logits cosine / τ. τ = 0.5 by default.
 *
 * @example
 * ntXentLoss([[1, 0], [0, 1]]).loss // 0: the partner is the only other row
 * ntXentLoss([[1, 0], [0.9, 0.2], [0, 1], [0.1, 1]], { pairs: 'adjacent', temperature: 0.1 }).grad
 */
export function ntXentLoss(embeddingRows: MatrixLike, options: NtXentOptions = {}): NtXentLossResult {
  const m = toMatrix(embeddingRows, 'the embeddings');
  const temperature = positive(options.temperature, 'temperature', 0.5);
  const pairs = choice(options.pairs, 'pairs', ['half', 'adjacent'], 'half');
  const r = ntxentLoss(m, temperature, pairs, 'the embeddings');
  return {
    similarity: toRows(r.similarity),
    probs: toRows(r.probs),
    partners: [...r.partners],
    losses: Array.from(r.losses),
    loss: r.loss,
    grad: toRows(r.grad),
  };
}

export interface SupConOptions {
  /** τ (`-t`); default 0.07, as the authors' SupConLoss. */
  readonly temperature?: number;
}

export interface SupConLossResult {
  readonly similarity: number[][];
  /** Each anchor's softmax over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** How many other rows share each anchor's label. */
  readonly positives: number[];
  /** Per anchor; null for an anchor without a positive (it has no term). */
  readonly losses: (number | null)[];
  /** How many anchors have a positive. */
  readonly anchors: number;
  /** The mean over the anchors that have a positive. */
  readonly loss: number;
  readonly grad: number[][];
}

/**
 * The supervised contrastive loss (Khosla et al. 2020, L_out), as `xent supcon`: one label
 * per row; each anchor's positives are the other rows with its label. τ = 0.07 by default.
 *
 * @example
 * const r = supConLoss([[1, 0], [2, 0], [0, 1]], [0, 0, 1], { temperature: 1 });
 * r.losses // [0.3133, 0.3133, null]: log(1 + e^-1) for each class-0 anchor
 */
export function supConLoss(embeddingRows: MatrixLike, labels: readonly number[], options: SupConOptions = {}): SupConLossResult {
  const m = toMatrix(embeddingRows, 'the embeddings');
  const list = toList(labels, 'labels');
  const temperature = positive(options.temperature, 'temperature', 0.07);
  const r = supconLoss(m, list, temperature, 'the embeddings');
  return {
    similarity: toRows(r.similarity),
    probs: toRows(r.probs),
    positives: [...r.positives],
    losses: [...r.losses],
    anchors: r.anchors,
    loss: r.loss,
    grad: toRows(r.grad),
  };
}
