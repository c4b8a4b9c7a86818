// crossEntropy and binaryCrossEntropy for library callers, with the options, defaults and
// checks of `xent ce` and `xent bce`.
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import { type Matrix, fromRows, rowView } from '../matrix.js';
import { binaryCrossEntropy as bceOf } from '../ops/bce/kernel.js';
import { type CrossEntropyTargets, type Reduction, crossEntropy as ceOf } from '../ops/cross-entropy/kernel.js';
import { checkSoftmaxInput } from '../math/softmax-input.js';
import { inTopK } from '../ops/cross-entropy/metrics.js';
import {
  type MatrixLike,
  checkProbabilities,
  checkWeights,
  choice,
  isVector,
  positive,
  sameShape,
  toList,
  toMatrix,
  toRows,
} from './input.js';

export type { Reduction };

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
/** PyTorch's ignore_index: a target of −100 is ignored unless told otherwise. */
const DEFAULT_IGNORE_INDEX = -100;

export interface CrossEntropyOptions {
  /** Class weights w_c, one per class, finite and ≥ 0 (`-w`); all 1 when absent. */
  readonly weight?: readonly number[];
  /** A class target equal to this is ignored: loss 0, left out of 'mean' (`--ignore-index`); default −100. */
  readonly ignoreIndex?: number;
  /** Label smoothing ε in [0, 1] (`--label-smoothing`); default 0. */
  readonly labelSmoothing?: number;
  /** 'mean' (default), 'sum' or 'none' (`-r`). */
  readonly reduction?: Reduction;
  /** Divide the logits by T before the softmax (`-t`); default 1. Not with `probs`. */
  readonly temperature?: number;
  /** The input rows are probabilities already (`--probs`): ℓ = log p. */
  readonly probs?: boolean;
  /** Class targets count from 1 (`--one-based`). */
  readonly oneBased?: boolean;
}

export interface CrossEntropyResult {
  /** softmax(z / T) of each row (the input itself with `probs`). */
  readonly probs: number[][];
  /** log of probs, computed directly. */
  readonly logProbs: number[][];
  /** Each row's loss as reduction 'none' gives it: weighted, 0 for an ignored row. */
  readonly losses: number[];
  /** The reduced loss: 'mean' or 'sum' of the losses; NaN for 'none'. */
  readonly loss: number;
  /** The 'mean' loss whatever the reduction (NaN when nothing is counted). */
  readonly meanLoss: number;
  /** Share of counted rows whose target is the unique arg-max. */
  readonly accuracy: number;
  /** exp(meanLoss). */
  readonly perplexity: number;
  /** ∂loss/∂input (∂Σ losses for 'none'), w.r.t. the logits as given, or the probabilities with `probs`. */
  readonly grad: number[][];
}

/** The class targets: one index per row (or 'diag'), checked as `xent ce -y` checks them. */
function indexTargets(target: readonly number[] | Float64Array | 'diag', m: Matrix, options: CrossEntropyOptions): (number | null)[] {
  const { rows, cols } = m;
  if (target === 'diag') {
    if (rows > cols) throw new XentError('err.ce.diag', { rows, classes: cols });
    return Array.from({ length: rows }, (_, i) => i);
  }
  const ignoreIndex = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  if (!Number.isInteger(ignoreIndex)) throw new XentError('err.ce.ignoreInteger', { value: formatExact(ignoreIndex) });
  const offset = options.oneBased ? 1 : 0;
  const given = toList(target, 'target', { expected: rows, why: 'one class per row of the logits' });
  return given.map((v, i) => {
    if (v === ignoreIndex) return null;
    if (!Number.isInteger(v)) throw new XentError('err.ce.targetInteger', { value: formatExact(v), row: i + 1 });
    const c = v - offset;
    if (c < 0 || c >= cols) {
      throw new XentError('err.ce.targetRange', { value: v, row: i + 1, classes: cols, min: offset, max: cols - 1 + offset });
    }
    return c;
  });
}

/**
 * Cross-entropy of each row of logits against its target, as PyTorch's F.cross_entropy and
 * `xent ce`: the per-row losses, the reduced loss, accuracy, perplexity and the gradient in
 * closed form ((Σ a)·p − a for effective target a, divided by the 'mean' denominator).
 *
 * `target` is a class index per row (a flat array, like `xent ce -y`), `'diag'` (row i is
 * class i), or a probability distribution per row (a Matrix or number[][] of the logits'
 * shape, like `--target-probs`). Defaults: reduction 'mean', ignoreIndex −100, no
 * smoothing, T = 1. 'mean' divides by the summed weight of the counted targets.
 *
 * @example
 * const r = crossEntropy([[2, 0.5, -1], [0.3, 1.8, 0.2]], [0, 1]);
 * r.losses // [0.2413, 0.3542] (to 4 decimals)
 * r.loss // 0.2978 (mean); r.accuracy // 1; r.perplexity // 1.3468
 * r.grad // [[-0.1072, 0.0876, 0.0196], [0.0783, -0.1491, 0.0708]]
 * crossEntropy([[2, 1]], [[0.9, 0.1]]).loss // soft target
 */
export function crossEntropy(
  logits: MatrixLike,
  target: readonly number[] | Float64Array | 'diag' | MatrixLike,
  options: CrossEntropyOptions = {},
): CrossEntropyResult {
  const m = toMatrix(logits, 'the logits');
  const reduction = choice(options.reduction, 'reduction', REDUCTIONS, 'mean');
  const inputIsProbs = options.probs === true;
  if (inputIsProbs && options.temperature !== undefined) throw new XentError('err.ce.probsTemperature');
  const temperature = positive(options.temperature, 'temperature', 1);
  if (inputIsProbs) checkProbabilities(m, 'the probabilities');
  else checkSoftmaxInput(m, 'row', 'the logits');
  let weight: number[] | undefined;
  if (options.weight !== undefined) {
    weight = toList(options.weight, 'weight', { expected: m.cols, why: 'one per class (column of the logits)' });
    checkWeights(weight, 'weight');
  }
  const labelSmoothing = options.labelSmoothing ?? 0;
  if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) throw new XentError('err.ce.smoothing', { value: formatExact(labelSmoothing) });

  let targets: CrossEntropyTargets;
  let classes: (number | null)[];
  if (target === 'diag' || isVector(target as MatrixLike)) {
    classes = indexTargets(target as readonly number[] | 'diag', m, options);
    targets = { kind: 'index', classes };
  } else {
    if (options.ignoreIndex !== undefined) throw new XentError('err.ce.ignoreSoft');
    const q = toMatrix(target as MatrixLike, 'the target probabilities');
    sameShape(q, 'the target probabilities', m, 'the logits');
    for (let k = 0; k < q.data.length; k++) {
      if (!(q.data[k] >= 0 && q.data[k] < Infinity)) {
        throw new XentError('err.ce.targetProbsBad', { value: formatExact(q.data[k]), row: Math.floor(k / q.cols) + 1, col: (k % q.cols) + 1 });
      }
    }
    targets = { kind: 'probs', probs: q };
    classes = Array.from({ length: q.rows }, (_, i) => argmax(rowView(q, i)));
  }

  const result = ceOf(m, targets, { weight, labelSmoothing, reduction, temperature, inputIsProbs });
  const correct = classes.map((c, i) => (c === null ? null : inTopK(rowView(m, i), c, 1)));
  const counted = correct.filter((c) => c !== null).length;
  return {
    probs: toRows(result.probs),
    logProbs: toRows(result.logProbs),
    losses: Array.from(result.losses),
    loss: result.loss,
    meanLoss: result.meanLoss,
    accuracy: correct.filter((c) => c === true).length / counted,
    perplexity: result.meanDenominator > 0 ? Math.exp(result.meanLoss) : NaN,
    grad: toRows(result.grad),
  };
}

function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}

export interface BinaryCrossEntropyOptions {
  /** PyTorch's pos_weight: a weight on the positive term, one per column (`--pos-weight`). */
  readonly posWeight?: readonly number[];
  /**
   * Weights broadcast like PyTorch (`-w`): a number (every element), a flat array (one per
   * column, 1×C), a column N×1 ([[1], [2]]) or N×C. All 1 when absent.
   */
  readonly weight?: number | MatrixLike;
  /** 'mean' over all N·C elements (default), 'sum' or 'none'. */
  readonly reduction?: Reduction;
  /** The input holds probabilities in [0, 1] instead of logits (`--probs`). */
  readonly probs?: boolean;
}

export interface BinaryCrossEntropyResult {
  /** σ(z) of each element, or the input itself with `probs`. */
  readonly probs: number[][];
  /** Per-element losses (weighted), as reduction 'none' gives them. */
  readonly losses: number[][];
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  /** Σ losses / (N·C), whatever the reduction. */
  readonly meanLoss: number;
  /** Share of elements where p > 0.5 agrees with target > 0.5. */
  readonly accuracy: number;
  /** ∂loss/∂input (logits, or the probabilities with `probs`); for 'none', of Σ losses. */
  readonly grad: number[][];
}

/**
 * Binary (multi-label) cross-entropy of each element, as PyTorch's
 * F.binary_cross_entropy_with_logits (or F.binary_cross_entropy with `probs`) and
 * `xent bce`: computed through softplus, so ±1000 logits give exact losses. `targets` has
 * the input's shape, each value in [0, 1]. Default reduction 'mean' over all elements.
 *
 * @example
 * const r = binaryCrossEntropy([[2, -1]], [[1, 0]]);
 * r.losses // [[0.1269, 0.3133]] (to 4 decimals)
 * r.loss // 0.2201
 * r.grad // [[-0.0596, 0.1345]]: (σ(z) − y) / 2
 */
export function binaryCrossEntropy(
  input: MatrixLike,
  targets: MatrixLike,
  options: BinaryCrossEntropyOptions = {},
): BinaryCrossEntropyResult {
  const m = toMatrix(input, options.probs ? 'the probabilities' : 'the logits');
  const reduction = choice(options.reduction, 'reduction', REDUCTIONS, 'mean');
  const inputIsProbs = options.probs === true;
  if (inputIsProbs) checkProbabilities(m, 'the probabilities');
  const y = toMatrix(targets, 'the targets');
  if (y.rows !== m.rows || y.cols !== m.cols) {
    throw new XentError('err.bce.targetsShape', { gotRows: y.rows, gotCols: y.cols, rows: m.rows, cols: m.cols });
  }
  for (let k = 0; k < y.data.length; k++) {
    if (!(y.data[k] >= 0 && y.data[k] <= 1)) {
      throw new XentError('err.bce.targetsRange', { value: formatExact(y.data[k]), row: Math.floor(k / y.cols) + 1, col: (k % y.cols) + 1 });
    }
  }
  let posWeight: number[] | undefined;
  if (options.posWeight !== undefined) {
    posWeight = toList(options.posWeight, 'posWeight');
    if (posWeight.length !== m.cols) throw new XentError('err.bce.posWeightCount', { got: posWeight.length, cols: m.cols });
    checkWeights(posWeight, 'posWeight');
  }
  let weight: Matrix | undefined;
  if (options.weight !== undefined) {
    weight = typeof options.weight === 'number' ? fromRows([[options.weight]]) : toMatrix(options.weight, 'weight');
    const fits = (weight.rows === 1 || weight.rows === m.rows) && (weight.cols === 1 || weight.cols === m.cols);
    if (!fits) throw new XentError('err.bce.weightShape', { gotRows: weight.rows, gotCols: weight.cols, rows: m.rows, cols: m.cols });
    checkWeights(weight.data, 'weight');
  }
  const result = bceOf(m, y, { posWeight, weight, reduction, inputIsProbs });
  let hits = 0;
  for (let k = 0; k < m.data.length; k++) if (result.probs.data[k] > 0.5 === y.data[k] > 0.5) hits++;
  return {
    probs: toRows(result.probs),
    losses: toRows(result.losses),
    loss: result.loss,
    meanLoss: result.meanLoss,
    accuracy: hits / m.data.length,
    grad: toRows(result.grad),
  };
}

