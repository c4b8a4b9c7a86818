// The one check of distillation's inputs, on typed values: `xent distill` (its readSpec and
// run) and the library's distillationLoss call these.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkLogits, indexTargetClasses } from '../cross-entropy/validate.js';
import { checkTemperature } from '../softmax/validate.js';
import { DISTILL_CLI_NAMES, type DistillOptionNames, type DistillSettings, type DistillSpec } from './spec.js';

/** Hard labels and their weight go together: -y needs --alpha A, and A needs -y. */
export function checkHardLabelChoice(target: boolean, alpha: boolean, names: DistillOptionNames): void {
  if (target && !alpha)
    throw new XentError('err.distill.targetWithoutAlpha', { target: names.target, alpha: names.alpha }, true);
  if (alpha && !target)
    throw new XentError('err.distill.alphaWithoutTarget', { target: names.target, alpha: names.alpha }, true);
}

/** What can be checked before the logits are compared: T, A in [0, 1], 'none' without hard labels. */
export function checkDistillOptions(spec: DistillSettings, names: DistillOptionNames = DISTILL_CLI_NAMES): void {
  checkTemperature(spec.temperature);
  if (!spec.hard) return;
  const a = spec.hard.alpha;
  if (!(a >= 0 && a <= 1)) throw new XentError('err.distill.alpha', { option: names.alpha, value: a }, true);
  // F.cross_entropy's 'none' is one loss per row, F.kl_div's one per element: they do not add up.
  if (spec.reduction === 'none') throw new XentError('err.distill.noneWithTarget', { target: names.target }, true);
}

/**
 * The student's and the teacher's logits: the same shape, each row a softmax can take; the
 * hard labels one class per row. Gives the classes (0-based), or undefined without hard labels.
 */
export function checkDistillInput(
  spec: DistillSpec,
  names: DistillOptionNames = DISTILL_CLI_NAMES,
): number[] | undefined {
  const { student, teacher } = spec;
  if (student.rows !== teacher.rows || student.cols !== teacher.cols) {
    throw new XentError('err.distill.shape', {
      sRows: student.rows,
      sCols: student.cols,
      tRows: teacher.rows,
      tCols: teacher.cols,
      student: names.student,
      teacher: names.teacher,
    });
  }
  const source = (option: string): MessageParam => ({ key: 'source.option', params: { option } });
  checkLogits(student, source(names.student));
  checkLogits(teacher, source(names.teacher));
  if (!spec.hard) return undefined;
  // Without an ignore index every row has a class.
  return indexTargetClasses({ kind: 'index', given: spec.hard.given }, student, false, {
    target: names.target,
    weight: names.alpha,
  }) as number[];
}
