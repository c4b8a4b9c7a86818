// What `xent distill` computes, as its options read into typed values (distillCommand.readSpec).
import type { Matrix } from '../../core/matrix.js';
import type { InfoUnit } from '../../core/units.js';

/**
 * F.kl_div's reductions: 'batchmean' Σ / N (the KL per sample, the default here), 'mean'
 * Σ / (N·C) (PyTorch's default, C times smaller), 'sum', 'none' (each element).
 */
export type DistillReduction = 'batchmean' | 'mean' | 'sum' | 'none';
export const DISTILL_REDUCTIONS: readonly DistillReduction[] = ['batchmean', 'mean', 'sum', 'none'];

/** The catalogue's sentence saying what each reduction divides by (its params: rows, cols, count). */
export const DISTILL_REDUCTION_NOTES = {
  batchmean: 'distill.note.batchmean',
  mean: 'distill.note.mean',
  sum: 'distill.note.sum',
  none: 'distill.note.none',
} as const;

/** Hard labels mixed in: A·CE(student, y) + (1 − A)·T²·KL. */
export interface HardLabels {
  /** The class of each row as given (0-based, or 'diag'), checked against the input later. */
  readonly given: 'diag' | readonly number[];
  /** A in [0, 1]: the weight of the cross-entropy with the hard labels. */
  readonly alpha: number;
}

/** Everything of a DistillSpec but its two matrices: what each row is computed with. */
export interface DistillSettings {
  /** T > 0: both are divided by it before the softmax (`-t`, default 1). */
  readonly temperature: number;
  readonly hard?: HardLabels;
  readonly reduction: DistillReduction;
  readonly unit: InfoUnit;
  readonly grad: boolean;
}

export interface DistillSpec extends DistillSettings {
  /** The student's and the teacher's logits, one row per sample (`--student`, `--teacher`). */
  readonly student: Matrix;
  readonly teacher: Matrix;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface DistillOptionNames {
  readonly student: string;
  readonly teacher: string;
  readonly target: string;
  readonly alpha: string;
}

export const DISTILL_CLI_NAMES: DistillOptionNames = {
  student: '--student',
  teacher: '--teacher',
  target: '-y, --target',
  alpha: '--alpha',
};
