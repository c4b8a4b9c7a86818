// The one check of NT-Xent's inputs, on typed values: `xent ntxent` (its readSpec and run)
// and the library's ntXentLoss call these, so the same bad input gets the same error key.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkTemperature } from '../softmax/validate.js';

export { checkTemperature };

/** 2N rows: every row has one partner view. */
export function checkEvenRows(rows: number, source: MessageParam): void {
  if (rows % 2 !== 0) throw new XentError('err.oddRows', { rows, source });
}
