import { rowView } from '../../core/matrix.js';
import type { MessageParam } from '../../i18n/messages.js';
import { rowClass } from '../cross-entropy/validate.js';
import { softmaxInto } from '../softmax/kernel.js';
import { type FocalElement, type FocalRow, reduceFocal, sigmoidFocalElement, softmaxFocalRow } from './kernel.js';
import type { FocalSpec } from './spec.js';
import { checkFocalRow, checkFocalShape } from './validate.js';

/**
 * The losses of `xent focal -f value` as rows stream by, in O(columns) memory beyond the
 * options (the sigmoid form's --targets matrix is an option, held as it was read). Each row's
 * or element's loss comes from the kernel's own row and element functions (softmaxFocalRow,
 * sigmoidFocalElement) and the losses are summed in row order, so the digits are the whole
 * matrix's. The checks are checkFocalInput's, with its errors and in its order: each row as it
 * comes, the targets' shape or classes and α's count once the rows are counted. A row whose
 * target (or shape) will be refused stops the losses there (`onRow` is not called again):
 * finish() then throws.
 *
 * @example
 * const sums = new FocalSums({ targets: { kind: 'class', given: [0] }, gamma: 2, reduction: 'mean', … }, source);
 * sums.add(Float64Array.of(2, 0.5, -1), 0);
 * sums.finish(1, 3).loss; // ≈ 0.011093
 */
export class FocalSums {
  private total = 0;
  /** A row met what finish() will refuse: no more losses. */
  private refused = false;
  private probs = new Float64Array(0);
  private logProbs = new Float64Array(0);
  private losses = new Float64Array(0);
  private readonly row: FocalRow = { s: 0, logS: 0, rest: 0, modulator: 0, loss: 0 };
  private readonly element: FocalElement = {
    p: 0,
    q: 0,
    ce: 0,
    dce: 0,
    dm: 0,
    m: 0,
    modulator: 0,
    alphaT: 0,
    loss: 0,
  };

  constructor(
    private readonly spec: FocalSpec,
    private readonly source: MessageParam,
    /** Each row's losses, in order: one (softmax form) or one per element (sigmoid form); reused. */
    private readonly onRow?: (losses: Float64Array) => void,
  ) {}

  add(input: Float64Array, i: number): void {
    checkFocalRow(input, i, this.spec, this.source);
    if (this.refused) return;
    const cols = input.length;
    const { targets, alpha, gamma, inputIsProbs } = this.spec;
    if (i === 0) this.losses = new Float64Array(targets.kind === 'binary' ? cols : 1);
    if (targets.kind === 'binary') {
      const t = targets.targets;
      if (cols !== t.cols || i >= t.rows) {
        this.refused = true;
        return;
      }
      const given = rowView(t, i);
      const options = { ...(alpha ? { alpha: alpha[0] } : {}), gamma, inputIsProbs };
      for (let j = 0; j < cols; j++) {
        sigmoidFocalElement(input[j], given[j], options, this.element);
        this.losses[j] = this.element.loss;
        this.total += this.element.loss;
      }
    } else {
      const y = rowClass({ kind: 'index', given: targets.given }, i, cols, false);
      if (y === undefined || (alpha !== undefined && alpha.length !== 1 && alpha.length !== cols)) {
        this.refused = true;
        return;
      }
      if (!inputIsProbs && this.probs.length !== cols) {
        this.probs = new Float64Array(cols);
        this.logProbs = new Float64Array(cols);
      }
      if (!inputIsProbs) softmaxInto(input, 1, this.probs, this.logProbs);
      const a = alpha ? alpha[alpha.length === 1 ? 0 : y] : 1;
      softmaxFocalRow(
        inputIsProbs ? input : this.probs,
        inputIsProbs ? undefined : this.logProbs,
        y,
        a,
        gamma,
        this.row,
      );
      this.losses[0] = this.row.loss;
      this.total += this.row.loss;
    }
    this.onRow?.(this.losses);
  }

  /** After the last row: the checks that need the count, then the reduced loss (in nats). */
  finish(rows: number, cols: number): { loss: number; meanLoss: number } {
    checkFocalShape(this.spec, { rows, cols });
    const count = this.spec.targets.kind === 'binary' ? rows * cols : rows;
    return { loss: reduceFocal(this.total, count, this.spec.reduction), meanLoss: this.total / count };
  }
}
