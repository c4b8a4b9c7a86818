// distillationLoss for library callers, with the options, defaults and checks of `xent
// distill`: the same validator (validate.ts), the same kernel.
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { NATS } from '../../core/units.js';
import { distillationLoss as distillOf } from './kernel.js';
import { DISTILL_REDUCTIONS, type DistillOptionNames, type DistillReduction, type DistillSpec } from './spec.js';
import { checkDistillInput, checkDistillOptions, checkHardLabelChoice } from './validate.js';

/** The library's option names, in its errors. */
const NAMES: DistillOptionNames = { student: 'student', teacher: 'teacher', target: 'target', alpha: 'alpha' };

export interface DistillationOptions {
  /** T > 0 (`-t`), default 1. */
  readonly temperature?: number;
  /** 'batchmean' (default: Σ / N), 'mean' (Σ / (N·C), PyTorch's default), 'sum' or 'none'. */
  readonly reduction?: DistillReduction;
  /** Hard labels, a class per row (0-based) or 'diag' (`-y`); needs `alpha`. */
  readonly target?: readonly number[] | 'diag';
  /** A in [0, 1]: A·CE(hard labels) + (1 − A)·T²·KL (`--alpha`); needs `target`. */
  readonly alpha?: number;
}

export interface DistillationResult {
  readonly teacherProbs: number[][];
  readonly studentProbs: number[][];
  /** KL(softmax(t/T) ‖ softmax(s/T)) per row, not scaled by T². */
  readonly kl: number[];
  /** T²·F.kl_div(reduction='none'): each element. */
  readonly elements: number[][];
  /** Each row's share of the loss; their sum is the 'sum' loss. */
  readonly losses: number[];
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  /** ∂loss/∂student logits (∂Σ losses for 'none'). */
  readonly grad: number[][];
}

/**
 * Knowledge distillation as `xent distill`: T²·KL(softmax(t/T) ‖ softmax(s/T)) with F.kl_div's
 * reductions, optionally mixed with the cross-entropy of hard labels; gradient w.r.t. the student.
 *
 * @example
 * distillationLoss([[1, 0]], [[0, 1]], { temperature: 2 }).loss // 0.4898
 */
export function distillationLoss(
  student: MatrixLike,
  teacher: MatrixLike,
  options: DistillationOptions = {},
): DistillationResult {
  return inLibraryWords(() => {
    checkHardLabelChoice(options.target !== undefined, options.alpha !== undefined, NAMES);
    const { target, alpha } = options;
    const spec: DistillSpec = {
      student: toMatrix(student, 'the student logits'),
      teacher: toMatrix(teacher, 'the teacher logits'),
      temperature: options.temperature ?? 1,
      ...(target !== undefined && alpha !== undefined
        ? { hard: { given: target === 'diag' ? 'diag' : toList(target, 'target'), alpha } }
        : {}),
      reduction: choice(options.reduction, 'reduction', DISTILL_REDUCTIONS, 'batchmean'),
      unit: NATS,
      grad: true,
    };
    checkDistillOptions(spec, NAMES);
    const classes = checkDistillInput(spec, NAMES);
    const r = distillOf(spec.student, spec.teacher, {
      temperature: spec.temperature,
      reduction: spec.reduction,
      ...(classes && spec.hard ? { hard: { classes, alpha: spec.hard.alpha } } : {}),
    });
    return {
      teacherProbs: toRows(r.teacherProbs),
      studentProbs: toRows(r.studentProbs),
      kl: Array.from(r.kl),
      elements: toRows(r.elements),
      losses: Array.from(r.losses),
      loss: r.loss,
      grad: toRows(r.grad),
    };
  });
}
