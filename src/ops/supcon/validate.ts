// The one check of SupCon's inputs, on typed values: `xent supcon` (its readSpec and run)
// and the library's supConLoss call these, so the same bad input gets the same error key.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkTemperature } from '../softmax/validate.js';

export { checkTemperature };

/** One label per row (embedding). */
export function checkLabelCount(labels: number, rows: number, source: MessageParam): void {
  if (labels !== rows) throw new XentError('err.labelsLength', { got: labels, rows, source });
}
