// `-y col:NAME` (and bce's `--targets col:NAME`): the targets read from a column of the input
// itself, as the reader kept its cells (a number, or a word), turned into what the command's
// target option would have given: class numbers, supcon's labels, or bce's 0/1 values.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import type { ParsedMatrix } from '../text/matrix-text.js';

/**
 * How a command reads a target column. 'classes': a number is a class as the user numbers
 * them, a word names a class by its column's header name; 'labels': any values, equal or not
 * (supcon's); 'values': numbers only (bce's targets).
 */
export interface TargetColumnUse {
  /** The option as commander stores it ('target' for -y, --target). */
  readonly option: string;
  /** The option as the user spells it, for messages. */
  readonly flag: string;
  readonly kind: 'classes' | 'labels' | 'values';
}

/** The targets of each row of `input`, read from its target column's cells. */
export function targetsFromColumn(
  input: ParsedMatrix,
  use: TargetColumnUse,
  oneBased: boolean,
  source: MessageParam,
): number[] {
  const cells = input.targetCells ?? [];
  const col = input.targetColumn ?? 0;
  const where = (i: number, name: string) => ({ row: i + 1, source, name, col });
  if (use.kind === 'labels') {
    // Labels only need telling apart: words and numbers alike get ids by first appearance.
    if (cells.every((cell) => typeof cell === 'number')) return cells as number[];
    const ids = new Map<string, number>();
    return cells.map((cell) => {
      const key = String(cell);
      if (!ids.has(key)) ids.set(key, ids.size);
      return ids.get(key)!;
    });
  }
  return cells.map((cell, i) => {
    if (typeof cell === 'number') return cell;
    if (use.kind === 'values') throw new XentError('err.targetColumn.notNumber', where(i, cell));
    const names = input.colLabels;
    if (!names) throw new XentError('err.targetColumn.noNames', where(i, cell));
    const index = names.indexOf(cell);
    if (index < 0) throw new XentError('err.targetColumn.notClass', { ...where(i, cell), names: { list: names } });
    return index + (oneBased ? 1 : 0);
  });
}
