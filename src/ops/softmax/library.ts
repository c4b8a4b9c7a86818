// softmax, logSoftmax and logSumExp for library callers: vectors in, vectors out;
// matrices in, number[][] out.
import { type Matrix, rowView, transpose } from '../../core/matrix.js';
import { logSumExp as logSumExpOf } from '../../core/log-sum-exp.js';
import {
  type MatrixLike,
  type Rows,
  type Vector,
  choice,
  isVector,
  toMatrix,
  toRows,
  inLibraryWords,
} from '../../core/library-input.js';
import { type Axis, softmax as softmaxOf } from './kernel.js';
import { checkLogSumExpInput, checkSoftmaxInput, checkTemperature } from './validate.js';

export type { Axis };

export interface SoftmaxOptions {
  /** Divide the logits by T first (`xent softmax -t`); default 1. Must be finite and > 0. */
  readonly temperature?: number;
  /** Normalise each row (default) or each column (`xent softmax --axis`). */
  readonly axis?: Axis;
}

// Options first, then the logits, as the CLI reads them: one bad input gives the same error.
function probabilities(logits: MatrixLike, options: SoftmaxOptions, log: boolean): number[] | number[][] {
  const temperature = options.temperature === undefined ? 1 : checkTemperature(options.temperature);
  const axis = choice(options.axis, 'axis', ['row', 'col'], 'row');
  const m = toMatrix(logits, 'the logits');
  checkSoftmaxInput(m, axis, 'the logits');
  const { probs, logProbs } = softmaxOf(m, temperature, axis);
  const rows = toRows(log ? logProbs : probs);
  return isVector(logits) ? rows[0] : rows;
}

/**
 * Softmax of a vector, or of each row (or column) of a matrix, of logits / T: what
 * `xent softmax` prints. Computed as PyTorch does (shift by the maximum), so large logits
 * are exact. +inf, and a row of only −inf, are rejected with an XentError.
 *
 * @example
 * softmax([2, 0.5, -1]) // [0.7856, 0.1753, 0.0391] (to 4 decimals)
 * softmax([[1000, 0, -1000]]) // [[1, 0, 0]]
 * softmax([2, 0.5, -1], { temperature: 0.5 }) // [0.9503, 0.0473, 0.0024]
 */
export function softmax(logits: Vector, options?: SoftmaxOptions): number[];
export function softmax(logits: Matrix | Rows, options?: SoftmaxOptions): number[][];
export function softmax(logits: MatrixLike, options?: SoftmaxOptions): number[] | number[][];
export function softmax(logits: MatrixLike, options: SoftmaxOptions = {}): number[] | number[][] {
  return inLibraryWords(() => {
    return probabilities(logits, options, false);
  });
}

/**
 * log softmax(logits / T), computed directly (exact where the probability underflows to 0):
 * what `xent softmax --log` prints. Same input, options and checks as {@link softmax}.
 *
 * @example
 * logSoftmax([2, 0.5, -1]) // [-0.2413, -1.7413, -3.2413]
 * logSoftmax([1000, 0]) // [0, -1000]
 */
export function logSoftmax(logits: Vector, options?: SoftmaxOptions): number[];
export function logSoftmax(logits: Matrix | Rows, options?: SoftmaxOptions): number[][];
export function logSoftmax(logits: MatrixLike, options?: SoftmaxOptions): number[] | number[][];
export function logSoftmax(logits: MatrixLike, options: SoftmaxOptions = {}): number[] | number[][] {
  return inLibraryWords(() => {
    return probabilities(logits, options, true);
  });
}

/**
 * log Σ exp(xᵢ) without overflow: of a vector (one number), or of each row (or column, with
 * `axis: 'col'`) of a matrix (a number[], one per row or column). Only −inf entries give −inf.
 *
 * @example
 * logSumExp([1e4, 1e4 - 1]) // 10000.313261687518
 * logSumExp([[0, 0], [1, 1]]) // [0.6931, 1.6931]
 */
export function logSumExp(values: Vector): number;
export function logSumExp(values: Matrix | Rows, options?: { readonly axis?: Axis }): number[];
export function logSumExp(values: MatrixLike, options?: { readonly axis?: Axis }): number | number[];
export function logSumExp(values: MatrixLike, options: { readonly axis?: Axis } = {}): number | number[] {
  return inLibraryWords(() => {
    const axis = isVector(values) ? 'row' : choice(options.axis, 'axis', ['row', 'col'], 'row');
    const m = toMatrix(values, 'the values');
    checkLogSumExpInput(m, axis, 'the values');
    if (isVector(values)) return logSumExpOf(m.data);
    const lines: Matrix = axis === 'row' ? m : transpose(m);
    const out = Array.from({ length: lines.rows }, (_, i) => logSumExpOf(rowView(lines, i)));
    return out;
  });
}
