// Gradient descent on a loss, for watching it learn: plain steps x ← x − η·∂L/∂x with the
// closed-form gradients of cross-entropy and CLIP. Pure: the trajectory is returned. A
// descent that diverges (a large lr or scale) stops at the last step whose values are finite
// doubles: the trajectory is then shorter than asked.
import { XentError } from '../errors.js';
import { type Matrix, at, mapMatrix, zeros } from '../matrix.js';
import { clipFromEmbeddings, clipLoss } from './clip.js';
import { crossEntropy } from '../ops/cross-entropy/kernel.js';

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
export function descendCrossEntropy(logits: Matrix, targets: readonly number[], lr: number, steps: number): DescentPoint[] {
  const out: DescentPoint[] = [];
  let z = logits;
  for (let s = 0; ; s++) {
    const r = crossEntropy(z, { kind: 'index', classes: targets }, { reduction: 'mean' });
    let p = 0;
    for (let i = 0; i < z.rows; i++) p += at(r.probs, i, targets[i]);
    out.push({ step: s, loss: r.loss, pPositive: p / z.rows, ...means(z, (i, j) => j === targets[i]), matrix: z });
    if (s === steps) return out;
    z = step(z, r.grad, lr);
    if (!finite(z)) return out;
  }
}

function diagonalProbability(probsI2t: Matrix, probsT2i: Matrix): number {
  let p = 0;
  for (let i = 0; i < probsI2t.rows; i++) p += at(probsI2t, i, i) + at(probsT2i, i, i);
  return p / (2 * probsI2t.rows);
}

/** Descent on an N×N matrix x under CLIP's loss of scale·x (the gradient is scale·∂L/∂logits). */
export function descendClipMatrix(x: Matrix, scale: number, lr: number, steps: number): DescentPoint[] {
  const out: DescentPoint[] = [];
  let m = x;
  let logits = mapMatrix(m, (v) => scale * v);
  for (let s = 0; ; s++) {
    const r = clipLoss(logits);
    out.push({
      step: s,
      loss: r.loss,
      pPositive: diagonalProbability(r.probsI2t, r.probsT2i),
      ...means(m, (i, j) => i === j),
      matrix: m,
    });
    if (s === steps) return out;
    m = step(m, mapMatrix(r.gradLogits, (g) => scale * g), lr);
    logits = mapMatrix(m, (v) => scale * v);
    if (!finite(logits)) return out;
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
  const out: DescentPoint[] = [];
  let u = image;
  let v = text;
  for (let s = 0; ; s++) {
    let r: ReturnType<typeof clipFromEmbeddings>;
    try {
      r = clipFromEmbeddings(u, v, scale, normalize);
    } catch (error) {
      // A later step whose similarities overflow (raw dot products): the descent ends before it.
      if (s > 0 && error instanceof XentError && error.key === 'err.logitOverflow') return out;
      throw error;
    }
    out.push({
      step: s,
      loss: r.loss,
      pPositive: diagonalProbability(r.probsI2t, r.probsT2i),
      ...means(r.similarity, (i, j) => i === j),
      matrix: r.similarity,
    });
    if (s === steps) return out;
    u = step(u, r.gradImage, lr);
    v = step(v, r.gradText, lr);
    if (!finite(u) || !finite(v)) return out;
  }
}
