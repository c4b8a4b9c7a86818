// The one check of the margin losses' inputs, on typed values: `xent hinge` (its readSpec and
// run) and the library's hingeLoss call these.
import { XentError } from '../../core/errors.js';
import { type Matrix, rowView } from '../../core/matrix.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkClassWeightCount, checkWeights, indexTargetClasses } from '../cross-entropy/validate.js';
import { HINGE_CLI_NAMES, type HingeOptionNames, type HingeSpec } from './spec.js';

/** The power of the hinge: 1 or 2, as F.multi_margin_loss takes it. */
export function checkHingePower(p: number, option: string): 1 | 2 {
  if (p !== 1 && p !== 2) throw new XentError('err.hinge.p', { option, value: p }, true);
  return p;
}

/** Δ: any finite number (PyTorch takes any; 0 asks only for the right order). */
export function checkMargin(margin: number, option: string): void {
  if (!Number.isFinite(margin)) throw new XentError('err.hinge.margin', { option, value: margin }, true);
}

/** Row `index` (0-based) of the scores: every score finite (inf − inf has no margin). */
export function checkScoreRow(row: ArrayLike<number>, index: number, source: MessageParam): void {
  for (let j = 0; j < row.length; j++) {
    if (!Number.isFinite(row[j]))
      throw new XentError('err.hinge.notFinite', { value: row[j], row: index + 1, col: j + 1, source });
  }
}

/** At least two classes to compare: checked once every score is known finite. */
export function checkClassCount(cols: number, source: MessageParam): void {
  if (cols < 2) throw new XentError('err.hinge.oneClass', { source });
}

/** What can be checked before the input is read: p, Δ, the weights' values. */
export function checkHingeOptions(spec: HingeSpec, names: HingeOptionNames = HINGE_CLI_NAMES): void {
  checkHingePower(spec.p, names.p);
  checkMargin(spec.margin, names.margin);
  if (spec.weight) checkWeights(spec.weight, names.weight);
}

/** What needs the input: finite scores, one weight per class, a class per row. Gives the classes, 0-based. */
export function checkHingeInput(
  input: Matrix,
  spec: HingeSpec,
  source: MessageParam,
  names: HingeOptionNames = HINGE_CLI_NAMES,
): number[] {
  for (let i = 0; i < input.rows; i++) checkScoreRow(rowView(input, i), i, source);
  return checkHingeShape(spec, input, source, names);
}

/**
 * What checkHingeInput checks once every row's scores are known finite (a streamed input:
 * once the rows are counted): two classes or more, one weight per class, a class per row.
 */
export function checkHingeShape(
  spec: HingeSpec,
  shape: { readonly rows: number; readonly cols: number },
  source: MessageParam,
  names: HingeOptionNames = HINGE_CLI_NAMES,
): number[] {
  checkClassCount(shape.cols, source);
  if (spec.weight) checkClassWeightCount(spec.weight, shape.cols, names.weight);
  // Without an ignore index every row has a class.
  return indexTargetClasses({ kind: 'index', given: spec.target }, shape, false, names) as number[];
}
