// The one check of cross-entropy's inputs, on typed values. `xent ce` (its readSpec and run),
// the library's crossEntropy, `descend`'s ce path and the streaming sums (CeSums, and the
// plan once the rows are counted) all call these, so the same bad input gets the same error
// key, whichever way it came in. Each throws a XentError naming what, where and the value.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, rowView } from '../../core/matrix.js';
import { checkSoftmaxInput, checkTemperature } from '../softmax/validate.js';
import type { CrossEntropyTargets } from './kernel.js';
import { CLI_NAMES, type CeOptionNames, type CeSpec, type IndexTargets } from './spec.js';

/** The size of the input a check needs. */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** Probabilities are not divided by a temperature: -t with --probs is refused, not ignored. */
export function checkProbsTemperature(inputIsProbs: boolean, temperatureGiven: boolean): void {
  if (inputIsProbs && temperatureGiven) throw new XentError('err.ce.probsTemperature', {}, true);
}

/** One kind of target: class indices or distributions, given once; --ignore-index only with classes. */
export function checkTargetChoice(given: {
  readonly index: boolean;
  readonly soft: boolean;
  readonly ignoreIndex: boolean;
}): void {
  if (given.index && given.soft) throw new XentError('err.ce.twoTargets', {}, true);
  if (!given.index && !given.soft) throw new XentError('err.ce.noTarget', {}, true);
  if (given.soft && given.ignoreIndex) throw new XentError('err.ce.ignoreSoft', {}, true);
}

/** Label smoothing ε in [0, 1]. */
export function checkLabelSmoothing(eps: number): void {
  if (!(eps >= 0 && eps <= 1)) throw new XentError('err.ce.smoothing', { value: eps }, true);
}

/** The ignored target is a class-like number: a whole number. */
export function checkIgnoreIndex(ignoreIndex: number): void {
  if (!Number.isInteger(ignoreIndex)) throw new XentError('err.ce.ignoreInteger', { value: ignoreIndex }, true);
}

/** Weights (ce's class weights, bce's weights and pos_weight): finite and ≥ 0; `index` in the error is 1-based. */
export function checkWeights(values: ArrayLike<number>, option: string): void {
  for (let k = 0; k < values.length; k++) {
    const w = values[k];
    if (!(w >= 0) || !Number.isFinite(w))
      throw new XentError('err.ce.weightBad', { option, value: w, index: k + 1 }, true);
  }
}

/** One class weight per class (column of the input). */
export function checkClassWeightCount(weights: ArrayLike<number>, classes: number, option: string): void {
  if (weights.length !== classes)
    throw new XentError('err.ce.weightCount', { option, got: weights.length, classes }, true);
}

/** The k of top-k accuracy: whole numbers ≥ 1. */
export function checkTopK(ks: readonly number[]): void {
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new XentError('err.ce.topK', { value: k }, true);
}

/** A k above the number of classes would count every row as a hit. */
export function checkTopKClasses(ks: readonly number[], classes: number): void {
  for (const k of ks) if (k > classes) throw new XentError('err.ce.topKClasses', { k, classes }, true);
}

/** Target distributions: finite entries ≥ 0 (rows need not sum to 1: that is a warning). */
export function checkTargetProbs(q: Matrix): void {
  for (let k = 0; k < q.data.length; k++) {
    if (!(q.data[k] >= 0 && q.data[k] < Infinity)) {
      throw new XentError('err.ce.targetProbsBad', {
        value: q.data[k],
        row: Math.floor(k / q.cols) + 1,
        col: (k % q.cols) + 1,
      });
    }
  }
}

/** One target distribution per row, over the input's classes. */
export function checkTargetProbsShape(q: Shape, input: Shape): void {
  if (q.rows !== input.rows || q.cols !== input.cols) {
    throw new XentError('err.ce.targetProbsShape', {
      gotRows: q.rows,
      gotCols: q.cols,
      rows: input.rows,
      cols: input.cols,
    });
  }
}

/**
 * Class targets against the input: one per row (or the diagonal, which needs a class per
 * row), each a whole number naming a class in the user's numbering, or the ignore index.
 * Gives each row's class, 0-based, or null for an ignored row.
 */
export function indexTargetClasses(
  targets: IndexTargets,
  input: Shape,
  oneBased: boolean,
  names: CeOptionNames = CLI_NAMES,
): (number | null)[] {
  const { rows, cols } = input;
  const { given, ignoreIndex } = targets;
  if (given === 'diag') {
    if (rows > cols) throw new XentError('err.ce.diag', { rows, classes: cols }, true);
    return Array.from({ length: rows }, (_, i) => i);
  }
  if (given.length !== rows)
    throw new XentError('err.ce.targetCount', { option: names.target, got: given.length, rows }, true);
  const offset = oneBased ? 1 : 0;
  return given.map((v, i) => {
    if (v === ignoreIndex) return null;
    if (!Number.isInteger(v)) throw new XentError('err.ce.targetInteger', { value: v, row: i + 1 });
    const c = v - offset;
    if (c < 0 || c >= cols) {
      throw new XentError('err.ce.targetRange', {
        value: v,
        row: i + 1,
        classes: cols,
        min: offset,
        max: cols - 1 + offset,
      });
    }
    return c;
  });
}

/**
 * The class (0-based) of row `i` of a streamed input with `cols` classes, or undefined where
 * indexTargetClasses, once the rows are counted, will refuse the targets (one missing, not an
 * integer, out of range, 'diag' past the last class) or the row is ignored.
 */
export function rowClass(targets: IndexTargets, i: number, cols: number, oneBased: boolean): number | undefined {
  const { given, ignoreIndex } = targets;
  const raw = given === 'diag' ? i + (oneBased ? 1 : 0) : given[i];
  if (raw === undefined || raw === ignoreIndex) return undefined;
  const c = raw - (oneBased ? 1 : 0);
  return Number.isInteger(c) && c >= 0 && c < cols ? c : undefined;
}

/** Class targets with no ignore index (descend): every row has a class. */
export function classTargets(given: IndexTargets['given'], input: Shape, oneBased: boolean): number[] {
  // Without an ignore index no row is null.
  return indexTargetClasses({ kind: 'index', given }, input, oneBased) as number[];
}

/** Row `index` (0-based) of an input given as probabilities: what checkProbabilityInput checks of it. */
export function checkProbabilityRow(row: ArrayLike<number>, index: number, source: MessageParam): void {
  for (let j = 0; j < row.length; j++) {
    const p = row[j];
    if (!(p >= 0 && p <= 1)) throw new XentError('err.ce.probsRange', { value: p, row: index + 1, col: j + 1, source });
  }
}

/** Input given as probabilities: every value in [0, 1]. */
export function checkProbabilityInput(m: Matrix, source: MessageParam): void {
  for (let i = 0; i < m.rows; i++) checkProbabilityRow(rowView(m, i), i, source);
}

/** Logits: softmax's own check of each row (no +inf, not every entry −inf). */
export function checkLogits(m: Matrix, source: MessageParam): void {
  checkSoftmaxInput(m, 'row', source);
}

/**
 * What can be checked before the input is read: the temperature, the weights' values, ε,
 * the ignore index, the target distributions' entries, the k of top-k.
 */
export function checkCeOptions(spec: CeSpec, names: CeOptionNames = CLI_NAMES): void {
  checkTemperature(spec.temperature);
  if (spec.weight) checkWeights(spec.weight, names.weight);
  checkLabelSmoothing(spec.labelSmoothing);
  if (spec.targets.kind === 'index' && spec.targets.ignoreIndex !== undefined)
    checkIgnoreIndex(spec.targets.ignoreIndex);
  if (spec.targets.kind === 'probs') checkTargetProbs(spec.targets.probs);
  checkTopK(spec.topK);
  if (spec.sampleWeight) checkWeights(spec.sampleWeight, names.sampleWeight ?? '--sample-weight');
}

/**
 * What needs the input, in the order a streamed reading meets it (the weights' count at the
 * first row, each row's values, the targets once the rows are counted), so that the
 * whole-matrix path and the streaming path report the same first error. Gives the targets
 * as the kernel takes them.
 */
export function checkCeInput(
  input: Matrix,
  spec: CeSpec,
  source: MessageParam,
  names: CeOptionNames = CLI_NAMES,
): CrossEntropyTargets {
  if (spec.weight) checkClassWeightCount(spec.weight, input.cols, names.weight);
  if (spec.inputIsProbs) checkProbabilityInput(input, source);
  else checkLogits(input, source);
  return checkCeShape(spec, input, names);
}

/**
 * The last part of checkCeInput, once the rows are counted (a streamed reading calls it
 * after its last row): the targets against the rows and classes, the k of top-k against the
 * classes, one sample weight per row, another class for ε/(C − 1). Gives the targets as the
 * kernel takes them.
 */
export function checkCeShape(
  spec: Pick<CeSpec, 'targets' | 'oneBased' | 'topK' | 'sampleWeight' | 'smoothingStyle' | 'labelSmoothing'>,
  input: Shape,
  names: CeOptionNames = CLI_NAMES,
): CrossEntropyTargets {
  let targets: CrossEntropyTargets;
  if (spec.targets.kind === 'index') {
    targets = { kind: 'index', classes: indexTargetClasses(spec.targets, input, spec.oneBased, names) };
  } else {
    checkTargetProbsShape(spec.targets.probs, input);
    targets = spec.targets;
  }
  checkTopKClasses(spec.topK, input.cols);
  if (spec.sampleWeight && spec.sampleWeight.length !== input.rows)
    throw new XentError(
      'err.ce.sampleWeightCount',
      { option: names.sampleWeight ?? '--sample-weight', count: spec.sampleWeight.length, rows: input.rows },
      true,
    );
  // ε/(C − 1) needs another class to spread over.
  if (spec.smoothingStyle === 'others' && spec.labelSmoothing > 0 && input.cols < 2)
    throw new XentError('err.ce.othersOneClass', { option: names.smoothingStyle ?? '--smoothing-style' }, true);
  return targets;
}

/** Rows of probabilities pasted with 4 decimals may be off by a few 1e-4; more than this is a warning. */
export const SUM_TOLERANCE = 1e-3;

/** A row's sum as rowsNotSummingToOne takes it: in order, from 0. */
export function rowSum(row: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < row.length; j++) sum += row[j];
  return sum;
}

/** Rows of `m` whose sum is further than `tolerance` from 1 (1-based), with their sums. */
export function rowsNotSummingToOne(m: Matrix, tolerance: number): { row: number; sum: number }[] {
  const off: { row: number; sum: number }[] = [];
  for (let i = 0; i < m.rows; i++) {
    const sum = rowSum(rowView(m, i));
    if (Math.abs(sum - 1) > tolerance) off.push({ row: i + 1, sum });
  }
  return off;
}
