import { XentError } from './errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Matrix, zeros } from './matrix.js';

export interface Normalized {
  /** Each row divided by its L2 norm: uᵢ = xᵢ / ‖xᵢ‖. */
  readonly unit: Matrix;
  /** ‖xᵢ‖ of each row. */
  readonly norms: Float64Array;
}

/**
 * Rejects embeddings that cannot be used: a non-finite entry, or (when they are to be
 * normalised) a row of zeros, which has no direction. `what` names the matrix (the
 * option it came from), rows and columns are counted from 1.
 */
export function checkEmbeddings(x: Matrix, what: MessageParam, normalize: boolean): void {
  for (let i = 0; i < x.rows; i++) {
    let allZero = true;
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[i * x.cols + j];
      if (!Number.isFinite(v))
        throw new XentError('err.embeddingNotFinite', {
          what,
          row: i + 1,
          col: j + 1,
          value: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf',
        });
      if (v !== 0) allZero = false;
    }
    if (normalize && allZero) throw new XentError('err.zeroEmbedding', { what, row: i + 1 });
  }
}

/**
 * L2 normalisation of each row, uᵢ = xᵢ / ‖xᵢ‖ (as torch.nn.functional.normalize, but a zero
 * row is the caller's to reject: it gives NaN here, not PyTorch's clamped zero vector).
 * The norm is computed with a scaled sum of squares, so 1e200 and 1e-200 entries neither
 * overflow nor underflow.
 *
 * @example
 * l2Normalize(fromRows([[3, 4]])) // unit [[0.6, 0.8]], norms [5]
 */
export function l2Normalize(x: Matrix): Normalized {
  const unit = zeros(x.rows, x.cols);
  const norms = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let biggest = 0;
    for (let j = 0; j < x.cols; j++) biggest = Math.max(biggest, Math.abs(x.data[i * x.cols + j]));
    let sum = 0;
    for (let j = 0; j < x.cols; j++) sum += (x.data[i * x.cols + j] / biggest) ** 2;
    const norm = biggest * Math.sqrt(sum);
    norms[i] = norm;
    for (let j = 0; j < x.cols; j++) unit.data[i * x.cols + j] = x.data[i * x.cols + j] / norm;
  }
  return { unit, norms };
}

/**
 * The gradient through the normalisation (its vector–Jacobian product): given g = ∂L/∂uᵢ,
 * ∂L/∂xᵢ = (g − (g·uᵢ) uᵢ) / ‖xᵢ‖ — the part of g along uᵢ is removed, because moving xᵢ along
 * itself does not change uᵢ.
 *
 * @example
 * // x = [3, 4] (u = [0.6, 0.8], ‖x‖ = 5), g = [1, 0]: (g − 0.6·u) / 5 = [0.128, −0.096]
 * normalizeBackward(l2Normalize(fromRows([[3, 4]])), fromRows([[1, 0]]))
 */
export function normalizeBackward({ unit, norms }: Normalized, gradUnit: Matrix): Matrix {
  const out = zeros(unit.rows, unit.cols);
  for (let i = 0; i < unit.rows; i++) {
    let along = 0;
    for (let j = 0; j < unit.cols; j++) along += gradUnit.data[i * unit.cols + j] * unit.data[i * unit.cols + j];
    for (let j = 0; j < unit.cols; j++) {
      const k = i * unit.cols + j;
      out.data[k] = (gradUnit.data[k] - along * unit.data[k]) / norms[i];
    }
  }
  return out;
}
