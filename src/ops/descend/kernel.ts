// Gradient descent on a loss, for watching it learn: plain steps x ← x − η·∂L/∂x with the
// closed-form gradients of cross-entropy and CLIP. Pure: each descent is a generator of its
// points, so a caller keeps what it prints (10 000 steps of a 50×50 matrix are 200 MB of
// matrices), and the same descent run again gives the same points. A descent that diverges
// (a large lr or scale) stops at the last step whose values are finite doubles: the
// trajectory is then shorter than asked.
import { XentError } from '../../core/errors.js';
import { type Matrix, at, mapMatrix, materialize, zeros } from '../../core/matrix.js';
import { type ClipRows, clipFromEmbeddingsByRow, clipLossByRow } from '../clip/kernel.js';
import { crossEntropy } from '../cross-entropy/kernel.js';

/** One point of the trajectory (step 0 is the start). */
export interface DescentPoint {
  readonly step: number;
  readonly loss: number;
  /** Mean probability of the positive: p(target) per row (ce), the diagonal of both softmaxes (clip). */
  readonly pPositive: number;
  /** Mean logit (ce) or similarity (clip) of the positive: the target / the diagonal. */
  readonly positive: number;
  /** Mean logit or similarity of the negatives: the other classes / off the diagonal. */
  readonly negative: number;
  /** The logits (ce, clip on a matrix) or similarities (clip on embeddings) at this step. */
  readonly matrix: Matrix;
}

function means(m: Matrix, isPositive: (i: number, j: number) => boolean): { positive: number; negative: number } {
  let pos = 0;
  let neg = 0;
  let np = 0;
  let nn = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      if (isPositive(i, j)) {
        pos += at(m, i, j);
        np++;
      } else {
        neg += at(m, i, j);
        nn++;
      }
    }
  }
  return { positive: pos / np, negative: nn > 0 ? neg / nn : NaN };
}

/** Every entry a finite double: the next step can be taken. */
function finite(m: Matrix): boolean {
  for (let k = 0; k < m.data.length; k++) if (!Number.isFinite(m.data[k])) return false;
  return true;
}

const step = (x: Matrix, g: Matrix, lr: number) => {
  const out = zeros(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) out.data[k] = x.data[k] - lr * g.data[k];
  return out;
};

/**
 * Descent on logits under the mean cross-entropy with class targets.
 *
 * @example
 * // [[2, 0.5, -1]], target 0, lr 1: the loss falls 0.2413 → 0.1737 → …
 * descendCrossEntropy(fromRows([[2, 0.5, -1]]), [0], 1, 5)
 */
export function descendCrossEntropy(
  logits: Matrix,
  targets: readonly number[],
  lr: number,
  steps: number,
): DescentPoint[] {
  return [...crossEntropyDescent(logits, targets, lr, steps)];
}

/** The points of {@link descendCrossEntropy}, one at a time. */
export function* crossEntropyDescent(
  logits: Matrix,
  targets: readonly number[],
  lr: number,
  steps: number,
): Generator<DescentPoint> {
  let z = logits;
  for (let s = 0; ; s++) {
    const r = crossEntropy(z, { kind: 'index', classes: targets }, { reduction: 'mean' });
    let p = 0;
    for (let i = 0; i < z.rows; i++) p += at(r.probs, i, targets[i]);
    yield { step: s, loss: r.loss, pPositive: p / z.rows, ...means(z, (i, j) => j === targets[i]), matrix: z };
    if (s === steps) return;
    z = step(z, r.grad, lr);
    if (!finite(z)) return;
  }
}

/** The mean probability of the positive pairs, both ways: the diagonal of each softmax. */
function diagonalProbability(r: ClipRows): number {
  const n = r.logits.rows;
  const i2t = new Float64Array(n);
  const t2i = new Float64Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    r.probsI2t.row(i, i2t);
    r.probsT2i.row(i, t2i);
    p += i2t[i] + t2i[i];
  }
  return p / (2 * n);
}

/** Descent on an N×N matrix x under CLIP's loss of scale·x (the gradient is scale·∂L/∂logits). */
export function descendClipMatrix(x: Matrix, scale: number, lr: number, steps: number): DescentPoint[] {
  return [...clipMatrixDescent(x, scale, lr, steps)];
}

/** The points of {@link descendClipMatrix}, one at a time. */
export function* clipMatrixDescent(x: Matrix, scale: number, lr: number, steps: number): Generator<DescentPoint> {
  let m = x;
  let logits = mapMatrix(m, (v) => scale * v);
  for (let s = 0; ; s++) {
    const r = clipLossByRow(logits);
    yield {
      step: s,
      loss: r.loss,
      pPositive: diagonalProbability(r),
      ...means(m, (i, j) => i === j),
      matrix: m,
    };
    if (s === steps) return;
    m = step(
      m,
      mapMatrix(materialize(r.gradLogits), (g) => scale * g),
      lr,
    );
    logits = mapMatrix(m, (v) => scale * v);
    if (!finite(logits)) return;
  }
}

/** Descent on the image and text embeddings themselves (the similarities are what moves). */
export function descendClipEmbeddings(
  image: Matrix,
  text: Matrix,
  scale: number,
  normalize: boolean,
  lr: number,
  steps: number,
): DescentPoint[] {
  return [...clipEmbeddingDescent(image, text, scale, normalize, lr, steps)];
}

/** The points of {@link descendClipEmbeddings}, one at a time. */
export function* clipEmbeddingDescent(
  image: Matrix,
  text: Matrix,
  scale: number,
  normalize: boolean,
  lr: number,
  steps: number,
): Generator<DescentPoint> {
  let u = image;
  let v = text;
  for (let s = 0; ; s++) {
    let r: ReturnType<typeof clipFromEmbeddingsByRow>;
    try {
      r = clipFromEmbeddingsByRow(u, v, scale, normalize);
    } catch (error) {
      // A later step whose similarities overflow (raw dot products): the descent ends before it.
      if (s > 0 && error instanceof XentError && error.key === 'err.logitOverflow') return;
      throw error;
    }
    yield {
      step: s,
      loss: r.loss,
      pPositive: diagonalProbability(r),
      ...means(r.similarity, (i, j) => i === j),
      matrix: r.similarity,
    };
    if (s === steps) return;
    const { gradImage, gradText } = r.gradients();
    u = step(u, gradImage, lr);
    v = step(v, gradText, lr);
    if (!finite(u) || !finite(v)) return;
  }
}
