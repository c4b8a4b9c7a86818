// The one check of the focal losses' inputs, on typed values: `xent focal` (its readSpec and
// run) and the library's focalLoss call these. Targets, probabilities and weights follow bce's
// and cross-entropy's rules, with their error keys.
import { XentError } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkBceTargets, checkBceTargetsShape } from '../bce/validate.js';
import {
  checkLogits,
  checkProbabilityInput,
  checkProbabilityRow,
  checkWeights,
  indexTargetClasses,
} from '../cross-entropy/validate.js';
import { checkSoftmaxRow } from '../softmax/validate.js';
import { DEFAULT_ALPHA, FOCAL_CLI_NAMES, type FocalOptionNames, type FocalSpec } from './spec.js';

/** One kind of target: --targets (sigmoid, per element) or -y (softmax, per row), given once. */
export function checkFocalTargetChoice(binary: boolean, classes: boolean): void {
  if (binary && classes) throw new XentError('err.focal.twoTargets', {}, true);
  if (!binary && !classes) throw new XentError('err.focal.noTargets', {}, true);
}

/** γ: a finite number ≥ 0 (a negative γ would weight the easy examples up, without bound). */
export function checkGamma(gamma: number, option: string): void {
  if (!(gamma >= 0) || !Number.isFinite(gamma)) throw new XentError('err.focal.gamma', { option, value: gamma }, true);
}

/**
 * α as the sigmoid form takes it: one number in [0, 1] (1 − α weights the negatives, so α > 1
 * would make their loss negative); α < 0 has already been read as "no α".
 */
export function checkBinaryAlpha(alpha: readonly number[], option: string): void {
  if (alpha.length !== 1) throw new XentError('err.focal.alphaList', { option, got: alpha.length }, true);
  const a = alpha[0];
  if (!(a >= 0 && a <= 1)) throw new XentError('err.focal.alphaRange', { option, value: a }, true);
}

/** α of the softmax form: one for every class, or one per class (checked against the input). */
export function checkClassAlphaCount(alpha: readonly number[], classes: number, option: string): void {
  if (alpha.length !== 1 && alpha.length !== classes)
    throw new XentError('err.focal.alphaCount', { option, got: alpha.length, classes }, true);
}

/** α_c of each of `classes` classes: the list as given, or its one value for every class. */
export function alphaPerClass(alpha: readonly number[] | undefined, classes: number): number[] | undefined {
  if (alpha === undefined) return undefined;
  return alpha.length === 1 ? new Array<number>(classes).fill(alpha[0]) : [...alpha];
}

/** What can be checked before the input is read: γ, α's values, the binary targets' values. */
export function checkFocalOptions(spec: FocalSpec, names: FocalOptionNames = FOCAL_CLI_NAMES): void {
  checkGamma(spec.gamma, names.gamma);
  if (spec.targets.kind === 'binary') {
    checkBceTargets(spec.targets.targets);
    if (spec.alpha) checkBinaryAlpha(spec.alpha, names.alpha);
  } else if (spec.alpha) {
    checkWeights(spec.alpha, names.alpha);
  }
}

/**
 * What needs the input: probabilities in [0, 1] with --probs (else logits a softmax can take,
 * for the softmax form), the targets' shape or classes, α's count. Gives the class of each row
 * for the softmax form (0-based), undefined for the sigmoid form.
 */
export function checkFocalInput(
  input: Matrix,
  spec: FocalSpec,
  source: MessageParam,
  names: FocalOptionNames = FOCAL_CLI_NAMES,
): number[] | undefined {
  if (spec.inputIsProbs) checkProbabilityInput(input, source);
  else if (spec.targets.kind === 'class') checkLogits(input, source);
  return checkFocalShape(spec, input, names);
}

/**
 * Row `index` (0-based) of a streamed input, as checkFocalInput checks each row of a whole
 * one: probabilities in [0, 1] with --probs, else (softmax form) logits a softmax can take.
 */
export function checkFocalRow(row: ArrayLike<number>, index: number, spec: FocalSpec, source: MessageParam): void {
  if (spec.inputIsProbs) checkProbabilityRow(row, index, source);
  else if (spec.targets.kind === 'class') checkSoftmaxRow(row, index, source);
}

/**
 * What checkFocalInput checks once every row is (a streamed input: once the rows are
 * counted): the targets' shape (sigmoid form), or α's count and a class per row (softmax form).
 */
export function checkFocalShape(
  spec: FocalSpec,
  shape: { readonly rows: number; readonly cols: number },
  names: FocalOptionNames = FOCAL_CLI_NAMES,
): number[] | undefined {
  if (spec.targets.kind === 'binary') {
    checkBceTargetsShape(spec.targets.targets, shape);
    return undefined;
  }
  if (spec.alpha) checkClassAlphaCount(spec.alpha, shape.cols, names.alpha);
  // Without an ignore index every row has a class.
  return indexTargetClasses({ kind: 'index', given: spec.targets.given }, shape, false, {
    target: names.target,
    weight: names.alpha,
  }) as number[];
}

/**
 * α as given (`--alpha`), in the spec's terms: absent, the sigmoid form's default 0.25 (the
 * softmax form has none); one negative number disables it, as torchvision's α < 0 does.
 */
export function resolveAlpha(
  given: readonly number[] | undefined,
  kind: FocalSpec['targets']['kind'],
): readonly number[] | undefined {
  if (given === undefined) return kind === 'binary' ? [DEFAULT_ALPHA] : undefined;
  return given.length === 1 && given[0] < 0 ? undefined : given;
}
