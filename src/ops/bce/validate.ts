// The one check of binary cross-entropy's inputs, on typed values: `xent bce` (its readSpec
// and run) and the library's binaryCrossEntropy call these. Weights and probability input
// follow cross-entropy's rules (src/ops/cross-entropy/validate.ts).
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { Matrix } from '../../core/matrix.js';
import { type Shape, checkLabelSmoothing, checkProbabilityInput, checkWeights } from '../cross-entropy/validate.js';
import { BCE_CLI_NAMES, type BceOptionNames, type BceSpec } from './spec.js';

/** Targets are labels or probabilities: every value in [0, 1]. */
export function checkBceTargets(y: Matrix): void {
  for (let k = 0; k < y.data.length; k++) {
    if (!(y.data[k] >= 0 && y.data[k] <= 1)) {
      throw new XentError('err.bce.targetsRange', {
        value: y.data[k],
        row: Math.floor(k / y.cols) + 1,
        col: (k % y.cols) + 1,
      });
    }
  }
}

/** One target per element of the input. */
export function checkBceTargetsShape(y: Shape, input: Shape): void {
  if (y.rows !== input.rows || y.cols !== input.cols) {
    throw new XentError('err.bce.targetsShape', {
      gotRows: y.rows,
      gotCols: y.cols,
      rows: input.rows,
      cols: input.cols,
    });
  }
}

/** pos_weight: one per column. */
export function checkPosWeightCount(posWeight: ArrayLike<number>, cols: number): void {
  if (posWeight.length !== cols) throw new XentError('err.bce.posWeightCount', { got: posWeight.length, cols }, true);
}

/** Weights that broadcast over the input as PyTorch's do: 1×1, 1×C, N×1 or N×C. */
export function checkBceWeightShape(w: Shape, input: Shape): void {
  const fits = (w.rows === 1 || w.rows === input.rows) && (w.cols === 1 || w.cols === input.cols);
  if (!fits)
    throw new XentError('err.bce.weightShape', {
      gotRows: w.rows,
      gotCols: w.cols,
      rows: input.rows,
      cols: input.cols,
    });
}

/** What can be checked before the input is read: the targets' and the weights' values. */
export function checkBceOptions(spec: BceSpec, names: BceOptionNames = BCE_CLI_NAMES): void {
  checkBceTargets(spec.targets);
  if (spec.posWeight) checkWeights(spec.posWeight, names.posWeight);
  if (spec.weight) checkWeights(spec.weight.data, names.weight);
  if (spec.labelSmoothing !== undefined) checkLabelSmoothing(spec.labelSmoothing);
}

/** What needs the input: probabilities in [0, 1] with --probs, and every shape against it. */
export function checkBceInput(input: Matrix, spec: BceSpec, source: MessageParam): void {
  if (spec.inputIsProbs) checkProbabilityInput(input, source);
  checkBceTargetsShape(spec.targets, input);
  if (spec.posWeight) checkPosWeightCount(spec.posWeight, input.cols);
  if (spec.weight) checkBceWeightShape(spec.weight, input);
}
