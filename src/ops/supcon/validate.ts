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

/** SupContrast's base_temperature τ_b: finite and above 0 (`option` names it; `text` is what was written). */
export function checkBaseTemperature(value: number, option: string, text?: string): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new XentError('err.positive', { option, value: text ?? value }, true);
  return value;
}

/** The views per sample of contrast mode 'one': a whole number, 2 or more. */
export function checkViews(value: number, option: string, text?: string): number {
  if (!Number.isInteger(value) || value < 2) throw new XentError('err.views', { option, value: text ?? value }, true);
  return value;
}

/**
 * Which rows are anchors in contrast mode 'one': the first of V views, SupContrast's rows
 * stacked view by view; V must divide the rows.
 *
 * @example
 * firstViewAnchors(4, 2) // [true, true, false, false]
 */
export function firstViewAnchors(rows: number, views: number): boolean[] {
  if (rows % views !== 0) throw new XentError('err.viewsRows', { rows, views }, true);
  return Array.from({ length: rows }, (_, i) => i < rows / views);
}
