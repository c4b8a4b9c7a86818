import type { MessageParam } from '../../i18n/messages.js';
import { rowClass } from '../cross-entropy/validate.js';
import { type HingeRow, hingeRow, reduceHinge } from './kernel.js';
import type { HingeSpec } from './spec.js';
import { checkHingeShape, checkScoreRow } from './validate.js';

/**
 * The losses of `xent hinge -f value` as rows stream by, in O(columns) memory: each row's
 * loss from hingeRow (what multiClassHinge computes for it) and their sum in row order, so
 * the digits are the whole matrix's. The checks are checkHingeInput's, with its errors and in
 * its order: each row's scores as it comes; the number of classes, the weights' count and
 * the targets once the rows are counted. A row whose target (or shape) will be refused
 * stops the losses there (`onLoss` is not called again): finish() then throws.
 *
 * @example
 * const sums = new HingeSums({ target: [0], style: 'ww', p: 1, margin: 1, reduction: 'sum', grad: false }, source);
 * sums.add(Float64Array.of(3.2, 5.1, -1.7), 0);
 * sums.finish(1, 3).loss; // 2.9
 */
export class HingeSums {
  private total = 0;
  /** A row met what finish() will refuse: no more losses. */
  private refused = false;
  private readonly row: HingeRow = { loss: 0, violations: 0 };

  constructor(
    private readonly spec: HingeSpec,
    private readonly source: MessageParam,
    /** Each row's loss, in order (`-r none`). */
    private readonly onLoss?: (loss: number) => void,
  ) {}

  add(scores: Float64Array, i: number): void {
    checkScoreRow(scores, i, this.source);
    if (this.refused) return;
    const cols = scores.length;
    const { weight } = this.spec;
    const y = rowClass({ kind: 'index', given: this.spec.target }, i, cols, false);
    if (cols < 2 || (weight !== undefined && weight.length !== cols) || y === undefined) {
      this.refused = true;
      return;
    }
    hingeRow(scores, y, this.spec, this.row);
    this.total += this.row.loss;
    this.onLoss?.(this.row.loss);
  }

  /** After the last row: the checks that need the count, then the reduced loss and the mean. */
  finish(rows: number, cols: number): { loss: number; meanLoss: number } {
    checkHingeShape(this.spec, { rows, cols }, this.source);
    return { loss: reduceHinge(this.total, rows, this.spec.reduction), meanLoss: this.total / rows };
  }
}
