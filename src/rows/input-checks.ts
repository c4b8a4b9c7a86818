// Checks of the input's shape and values that a command asks for (src/commands/command.ts:
// classesInRows, logitsInRows), made row by row as the rows are read, streamed or whole.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { isDistributionRow } from '../ops/entropy/validate.js';

/**
 * Refuses a column vector (`[2; 0.5; -1]`, one number per line: `rows` ≥ 2 rows of one
 * column) where each row is one item's classes: every probability would be 1 and every loss
 * 0, whatever the numbers. Called as soon as the second row is read when streaming.
 */
export function refuseColumnVector(rows: number, cols: number, source: MessageParam, command: string): void {
  if (cols === 1 && rows >= 2) throw new XentError('err.columnVector', { source, command });
}

/**
 * Whether every row read is a probability distribution (entries in [0, 1], sum 1): logits
 * that are probabilities given by mistake. Once a row is not, the rest are not looked at.
 */
export class DistributionRows {
  private all = true;
  private rows = 0;

  add(row: ArrayLike<number>): void {
    if (this.all) this.all = isDistributionRow(row);
    this.rows++;
  }

  /** Rows were read and every one was a distribution. */
  get every(): boolean {
    return this.all && this.rows > 0;
  }
}
