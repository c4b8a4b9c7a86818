// What `xent focal` and the library derive from a focal loss: the kernel's result for the
// spec, and the accuracy (per element at 0.5 for the sigmoid form, arg-max for the softmax form).
import type { Matrix } from '../../core/matrix.js';
import { elementAccuracy } from '../bce/metrics.js';
import { accuracyOf, inTopK } from '../cross-entropy/metrics.js';
import { rowView, zeros } from '../../core/matrix.js';
import { argmaxRows } from '../softmax/kernel.js';
import { type SigmoidFocalResult, type SoftmaxFocalResult, sigmoidFocalLoss, softmaxFocalLoss } from './kernel.js';
import type { FocalSpec } from './spec.js';
import { alphaPerClass } from './validate.js';

export type FocalEvaluation =
  | { readonly kind: 'binary'; readonly result: SigmoidFocalResult; readonly accuracy: number }
  | {
      readonly kind: 'class';
      readonly result: SoftmaxFocalResult;
      /** Each row's target class, 0-based. */
      readonly classes: readonly number[];
      /** Each row's arg-max (the first on ties). */
      readonly predicted: readonly number[];
      /** Whether the target is the unique arg-max. */
      readonly correct: readonly boolean[];
      readonly accuracy: number;
    };

/**
 * The focal loss the spec asks for, on an input its validator has passed (`classes`: what
 * checkFocalInput gave, for the softmax form).
 *
 * @example
 * evaluateFocal(fromRows([[2, 0.5, -1]]), spec, [0]).result.loss // ≈ 0.011093 (γ = 2, no α)
 */
export function evaluateFocal(input: Matrix, spec: FocalSpec, classes: readonly number[] | undefined): FocalEvaluation {
  const { gamma, reduction, inputIsProbs } = spec;
  if (spec.targets.kind === 'binary') {
    const targets = spec.targets.targets;
    const result = sigmoidFocalLoss(input, targets, { alpha: spec.alpha?.[0], gamma, reduction, inputIsProbs });
    return { kind: 'binary', result, accuracy: elementAccuracy(result.probs, targets) };
  }
  const ys = classes ?? [];
  const result = softmaxFocalLoss(input, ys, {
    alpha: alphaPerClass(spec.alpha, input.cols),
    gamma,
    reduction,
    inputIsProbs,
  });
  const correct = ys.map((y, i) => inTopK(rowView(input, i), y, 1));
  return {
    kind: 'class',
    result,
    classes: ys,
    predicted: argmaxRows(input),
    correct,
    accuracy: accuracyOf(correct),
  };
}

/**
 * The chance level of a focal loss: the loss of equal logits (p = 0.5 per element for the
 * sigmoid form, 1/C per class for the softmax form: what a model that knows nothing
 * predicts) with the same targets, α, γ and reduction, computed by the kernel itself. 'none'
 * gets the mean, the figure its mean loss is compared with.
 *
 * @example
 * // One positive element, α = 0.25, γ = 2: 0.25 · 0.5² · ln 2 ≈ 0.0433
 * focalChance(fromRows([[3]]), spec, undefined)
 */
export function focalChance(input: Matrix, spec: FocalSpec, classes: readonly number[] | undefined): number {
  const equal = evaluateFocal(zeros(input.rows, input.cols), { ...spec, inputIsProbs: false }, classes).result;
  return spec.reduction === 'none' ? equal.meanLoss : equal.loss;
}
