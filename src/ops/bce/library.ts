// binaryCrossEntropy for library callers, with the options, defaults and checks of
// `xent bce`: the same validator (validate.ts), the same kernel.
import { fromRows } from '../../core/matrix.js';
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { NATS } from '../../core/units.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { binaryCrossEntropy as bceOf } from './kernel.js';
import { elementAccuracy } from './metrics.js';
import { type BceOptionNames, type BceSpec, kernelOptions } from './spec.js';
import { checkBceInput, checkBceOptions } from './validate.js';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
/** The library's option names, in its errors. */
const NAMES: BceOptionNames = { posWeight: 'posWeight', weight: 'weight' };

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
  /** Keras's label smoothing ε in [0, 1] (`--label-smoothing`): targets y·(1 − ε) + ε/2. */
  readonly labelSmoothing?: number;
  /** Keras's BinaryCrossentropy (`--per-row`): a loss per row, the mean over its elements; 'sum' adds the rows. */
  readonly perRow?: boolean;
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
  /** ∂loss/∂input (logits, or the probabilities with `probs`); for 'none', of Σ losses (of Σ rowLosses with `perRow`). */
  readonly grad: number[][];
  /** With `perRow`: each row's loss, the mean over its elements (Keras's losses). */
  readonly rowLosses?: number[];
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
  return inLibraryWords(() => {
    const inputIsProbs = options.probs === true;
    const m = toMatrix(input, inputIsProbs ? 'the probabilities' : 'the logits');
    const reduction = choice(options.reduction, 'reduction', REDUCTIONS, 'mean');
    const { weight } = options;
    const spec: BceSpec = {
      targets: toMatrix(targets, 'the targets'),
      ...(options.posWeight !== undefined ? { posWeight: toList(options.posWeight, 'posWeight') } : {}),
      ...(weight !== undefined
        ? { weight: typeof weight === 'number' ? fromRows([[weight]]) : toMatrix(weight, 'weight') }
        : {}),
      reduction,
      inputIsProbs,
      ...(options.labelSmoothing !== undefined ? { labelSmoothing: options.labelSmoothing } : {}),
      ...(options.perRow === true ? { perRow: true } : {}),
      unit: NATS,
      grad: true,
    };
    checkBceOptions(spec, NAMES);
    checkBceInput(m, spec, inputIsProbs ? 'the probabilities' : 'the logits');
    const result = bceOf(m, spec.targets, kernelOptions(spec));
    return {
      probs: toRows(result.probs),
      losses: toRows(result.losses),
      loss: result.loss,
      meanLoss: result.meanLoss,
      accuracy: elementAccuracy(result.probs, spec.targets),
      grad: toRows(result.grad),
      ...(result.rowLosses ? { rowLosses: Array.from(result.rowLosses) } : {}),
    };
  });
}
