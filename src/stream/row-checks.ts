import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';

/**
 * The checks of `checkSoftmaxInput`, for one row as it streams by: no +inf, and not every
 * entry −inf. Same messages, same positions.
 */
export function checkSoftmaxRow(row: ArrayLike<number>, index: number, source: MessageParam): void {
  let allMasked = true;
  for (let j = 0; j < row.length; j++) {
    if (row[j] === Infinity) throw new XentError('err.posInf', { row: index + 1, col: j + 1, source });
    if (row[j] !== -Infinity) allMasked = false;
  }
  if (allMasked) throw new XentError('err.allNegInf', { line: { key: 'where.row', params: { index: index + 1 } } });
}
