// open_clip's ClipLoss with local_loss=True: the loss one rank computes from its own n images
// and texts against the whole batch gathered from every rank (W·n of each). Its two logits
// matrices are n × W·n and are not each other's transpose: image→text is the local images
// against every text, text→image the local texts against every image. The targets are offset by
// n·rank (open_clip's get_ground_truth): local pair i is global pair n·rank + i.
import { XentError } from '../../core/errors.js';
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import { l2Normalize, normalizeBackward } from '../../core/normalize.js';
import { softmaxInto } from '../softmax/kernel.js';

export interface ClipLocalResult {
  /** The local images' logits against every text (open_clip's logits_per_image), n × M. */
  readonly perImage: Matrix;
  /** The local texts' logits against every image (logits_per_text), n × M. */
  readonly perText: Matrix;
  /** Row i's positive is column i + offset. */
  readonly offset: number;
  /** Row softmax of perImage and of perText. */
  readonly probsI2t: Matrix;
  readonly probsT2i: Matrix;
  readonly lossesI2t: Float64Array;
  readonly lossesT2i: Float64Array;
  readonly lossI2t: number;
  readonly lossT2i: number;
  /** (lossI2t + lossT2i) / 2, as open_clip's total_loss. */
  readonly loss: number;
  /** ∂loss/∂perImage = (softmax − onehot)/(2n), and the same of perText. */
  readonly gradPerImage: Matrix;
  readonly gradPerText: Matrix;
}

/** The loss of a rank's two logits matrices (n × M each) toward column i + offset of row i. */
export function clipLocalLoss(perImage: Matrix, perText: Matrix, offset: number): ClipLocalResult {
  const { rows: n, cols: m } = perImage;
  if (perText.rows !== n || perText.cols !== m)
    throw new XentError('err.clip.textLogitsShape', {
      rows: n,
      cols: m,
      textRows: perText.rows,
      textCols: perText.cols,
    });
  if (!Number.isInteger(offset) || offset < 0 || offset + n > m)
    throw new XentError('err.clip.labelOffset', { offset, rows: n, cols: m }, true);
  const direction = (logits: Matrix) => {
    const probs = zeros(n, m);
    const logProbs = new Float64Array(m);
    const losses = new Float64Array(n);
    const grad = zeros(n, m);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      softmaxInto(rowView(logits, i), 1, rowView(probs, i), logProbs);
      losses[i] = -logProbs[i + offset];
      sum += losses[i];
      const g = rowView(grad, i);
      const p = rowView(probs, i);
      for (let j = 0; j < m; j++) g[j] = (p[j] - (j === i + offset ? 1 : 0)) / (2 * n);
    }
    return { probs, losses, grad, mean: sum / n };
  };
  const i2t = direction(perImage);
  const t2i = direction(perText);
  return {
    perImage,
    perText,
    offset,
    probsI2t: i2t.probs,
    probsT2i: t2i.probs,
    lossesI2t: i2t.losses,
    lossesT2i: t2i.losses,
    lossI2t: i2t.mean,
    lossT2i: t2i.mean,
    loss: (i2t.mean + t2i.mean) / 2,
    gradPerImage: i2t.grad,
    gradPerText: t2i.grad,
  };
}

/**
 * ∂loss/∂s of a rank's loss whose two matrices are s·x and s·x′ for given x and x′ (--text-logits):
 * Σᵢⱼ ∂loss/∂aᵢⱼ · xᵢⱼ + Σᵢⱼ ∂loss/∂bᵢⱼ · x′ᵢⱼ, that is Σ ∂loss/∂logit · logit / s over every entry of
 * both matrices (2·n·M terms; the square case's gradScaleOfMatrix over one matrix). Closed form: each
 * logit is s times its given entry, so ∂logit/∂s is that entry.
 *
 * @example
 * // One local row against 4 texts, its positive column 4 (offset 3), s = 2.
 * const x = fromRows([[2, 0.5, -1, 0.3]]);
 * const xText = fromRows([[1, 0, 0.4, -2]]);
 * const r = clipLocalLoss(mapMatrix(x, (v) => 2 * v), mapMatrix(xText, (v) => 2 * v), 3);
 * clipLocalGradScale(r, x, xText) // 2.1737…
 */
export function clipLocalGradScale(r: ClipLocalResult, x: Matrix, xText: Matrix): number {
  let sum = 0;
  for (let k = 0; k < x.data.length; k++)
    sum += r.gradPerImage.data[k] * x.data[k] + r.gradPerText.data[k] * xText.data[k];
  return sum;
}

export interface ClipLocalEmbeddingResult extends ClipLocalResult {
  /** ∂loss/∂(every image) and ∂loss/∂(every text), w.r.t. the raw embeddings of the whole batch. */
  readonly gradImage: Matrix;
  readonly gradText: Matrix;
  readonly gradScale: number;
}

/**
 * Rank `rank` of `worldSize`: the batch's W·n image and text embeddings (rows rank·n … rank·n +
 * n − 1 are this rank's), L2-normalised unless `normalize` is false, logits s·(local)·(all)ᵀ
 * each way, and the gradients of this rank's loss w.r.t. every embedding and s. The mean of the
 * W ranks' losses is the loss of the whole batch (each image row is scored on one rank).
 *
 * @example
 * // Two ranks of one pair each: rank 1's image 1 against texts 0 and 1, its target column 1.
 * clipLocalFromEmbeddings(image, text, 10, true, 2, 1).offset // 1
 */
export function clipLocalFromEmbeddings(
  image: Matrix,
  text: Matrix,
  scale: number,
  normalize: boolean,
  worldSize: number,
  rank: number,
): ClipLocalEmbeddingResult {
  const total = image.rows;
  if (text.rows !== total || !Number.isInteger(worldSize) || worldSize < 1 || total % worldSize !== 0)
    throw new XentError('err.clip.worldSize', { rows: total, textRows: text.rows, worldSize }, true);
  if (!Number.isInteger(rank) || rank < 0 || rank >= worldSize)
    throw new XentError('err.clip.rank', { rank, worldSize }, true);
  const n = total / worldSize;
  const from = rank * n;
  const u = normalize ? l2Normalize(image) : undefined;
  const v = normalize ? l2Normalize(text) : undefined;
  const imageRows = u ? u.unit : image;
  const textRows = v ? v.unit : text;
  const d = imageRows.cols;
  const dot = (a: Matrix, i: number, b: Matrix, j: number) => {
    let sum = 0;
    for (let k = 0; k < d; k++) sum += a.data[i * d + k] * b.data[j * d + k];
    return sum;
  };
  const perImage = zeros(n, total);
  const perText = zeros(n, total);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < total; j++) {
      perImage.data[i * total + j] = scale * dot(imageRows, from + i, textRows, j);
      perText.data[i * total + j] = scale * dot(textRows, from + i, imageRows, j);
    }
  }
  // Raw dot products (--no-normalize) times s can pass the largest double: refused, as the loss would be nan.
  for (const m of [perImage, perText])
    for (let k = 0; k < m.data.length; k++)
      if (!Number.isFinite(m.data[k]))
        throw new XentError('err.logitOverflow', {
          row: Math.floor(k / total) + 1,
          col: (k % total) + 1,
          value: m.data[k] > 0 ? 'inf' : m.data[k] < 0 ? '-inf' : 'nan',
        });
  const r = clipLocalLoss(perImage, perText, from);
  // ∂loss/∂(unit rows): perImage = s·U_L·Vᵀ and perText = s·V_L·Uᵀ.
  const gu = zeros(total, d);
  const gv = zeros(total, d);
  let gradScale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < total; j++) {
      const gi = r.gradPerImage.data[i * total + j];
      const gt = r.gradPerText.data[i * total + j];
      gradScale += (gi * perImage.data[i * total + j] + gt * perText.data[i * total + j]) / scale;
      for (let k = 0; k < d; k++) {
        gu.data[(from + i) * d + k] += scale * gi * textRows.data[j * d + k];
        gv.data[j * d + k] += scale * gi * imageRows.data[(from + i) * d + k];
        gv.data[(from + i) * d + k] += scale * gt * imageRows.data[j * d + k];
        gu.data[j * d + k] += scale * gt * textRows.data[(from + i) * d + k];
      }
    }
  }
  return {
    ...r,
    gradImage: u ? normalizeBackward(u, gu) : gu,
    gradText: v ? normalizeBackward(v, gv) : gv,
    gradScale,
  };
}
