// The sums of `xent distill` as the student's and the teacher's rows stream by together
// (src/rows/in-step.ts), in O(columns) memory: the digits of distillLosses, from its row
// function and its sums in its order.
import type { MessageParam } from '../../i18n/messages.js';
import { rowLoss } from '../cross-entropy/kernel.js';
import { indexTargetClasses, rowClass } from '../cross-entropy/validate.js';
import { softmaxInto } from '../softmax/kernel.js';
import { checkSoftmaxRow } from '../softmax/validate.js';
import { type DistillRowScratch, distillRow } from './kernel.js';
import { DISTILL_CLI_NAMES, type DistillOptionNames, type DistillSettings } from './spec.js';

/** One row's share of the loss, in nats: its KL (not × T²), its cross-entropy with the hard label, its loss. */
export interface DistillRowLoss {
  readonly kl: number;
  readonly ce?: number;
  readonly loss: number;
}

/**
 * Each row's KL(softmax(t/T) ‖ softmax(s/T)), cross-entropy with its hard label (at T = 1)
 * and share of the loss, and the sums the reduction takes, as rows come: what distillLosses
 * computes of a whole matrix, digit for digit. The checks are the whole-matrix path's
 * (validate.ts) row by row: each row of logits as it comes (the student's, then the
 * teacher's); the hard labels once the rows are counted, by indexTargetClasses. A row whose
 * label that check will refuse gives no loss (add returns undefined), nor does any after it.
 */
export class DistillSums {
  private scratch: DistillRowScratch = { q: new Float64Array(0), logQ: new Float64Array(0), logP: new Float64Array(0) };
  /** The student's log-probabilities at T = 1 and the one-hot target row, for the cross-entropy. */
  private logP1 = new Float64Array(0);
  private oneHot = new Float64Array(0);
  private klTotal = 0;
  private ceTotal = 0;
  private refused = false;
  private readonly studentSource: MessageParam;
  private readonly teacherSource: MessageParam;

  constructor(
    private readonly spec: Pick<DistillSettings, 'temperature' | 'reduction' | 'hard'>,
    private readonly names: DistillOptionNames = DISTILL_CLI_NAMES,
  ) {
    // The whole-matrix path's words: checkDistillInput names each matrix by its option.
    this.studentSource = { key: 'source.option', params: { option: names.student } };
    this.teacherSource = { key: 'source.option', params: { option: names.teacher } };
  }

  /** Row `index` (0-based) of each, of one width (the caller checks that). */
  add(student: Float64Array, teacher: Float64Array, index: number): DistillRowLoss | undefined {
    checkSoftmaxRow(student, index, this.studentSource);
    checkSoftmaxRow(teacher, index, this.teacherSource);
    const cols = student.length;
    if (this.scratch.q.length !== cols) {
      this.scratch = { q: new Float64Array(cols), logQ: new Float64Array(cols), logP: new Float64Array(cols) };
      this.logP1 = new Float64Array(cols);
      this.oneHot = new Float64Array(cols);
    }
    const { hard, temperature: T } = this.spec;
    let ce: number | undefined;
    if (hard) {
      const y = this.refused ? undefined : rowClass({ kind: 'index', given: hard.given }, index, cols, false);
      if (y === undefined) {
        this.refused = true;
        return undefined;
      }
      // crossEntropy's row at T = 1 with a one-hot target: −Σ_c a_c·log p_c.
      softmaxInto(student, 1, undefined, this.logP1);
      this.oneHot[y] = 1;
      ce = rowLoss(this.oneHot, this.logP1);
      this.oneHot[y] = 0;
    }
    const kl = distillRow(student, teacher, T, this.scratch);
    this.klTotal += kl;
    const a = hard ? hard.alpha : 0;
    const t2 = T * T;
    if (ce !== undefined) this.ceTotal += ce;
    const loss = (ce !== undefined ? a * ce : 0) + (1 - a) * t2 * kl;
    return ce !== undefined ? { kl, ce, loss } : { kl, loss };
  }

  /** The reduced loss of `rows` rows of `cols` classes (NaN for 'none'), once the hard labels are checked. */
  finish(rows: number, cols: number): number {
    const { hard, temperature: T, reduction } = this.spec;
    if (hard) {
      indexTargetClasses({ kind: 'index', given: hard.given }, { rows, cols }, false, {
        target: this.names.target,
        weight: this.names.alpha,
      });
    }
    const t2 = T * T;
    const klScale = reduction === 'batchmean' ? 1 / rows : reduction === 'mean' ? 1 / (rows * cols) : 1;
    const ceScale = reduction === 'sum' || reduction === 'none' ? 1 : 1 / rows;
    const a = hard ? hard.alpha : 0;
    return reduction === 'none' ? NaN : (1 - a) * t2 * this.klTotal * klScale + (hard ? a * this.ceTotal * ceScale : 0);
  }
}
