import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../text/matrix-text.js';

/** Rows are numbered from 1, as in error messages, unless the input named them (its row labels). */
export function rowLabels(count: number, names?: readonly string[]): string[] {
  if (names && names.length === count) return [...names];
  return Array.from({ length: count }, (_, i) => String(i + 1));
}

/** The corner of a table whose rows are the input's: the header's name of its row labels, else "row". */
export function rowCorner(t: Translator, input: ParsedMatrix): string {
  return input.rowLabels && input.rowLabelName ? input.rowLabelName : t.label('label.row');
}

/** The input's row labels for a JSON report (`row_labels`), when it has them. */
export function rowLabelsJson(input: ParsedMatrix): { row_labels?: readonly string[] } {
  return input.rowLabels ? { row_labels: input.rowLabels } : {};
}

/** Classes are numbered from 0, as PyTorch targets are, unless the input named its columns. */
export function classLabels(input: ParsedMatrix): string[] {
  return input.colLabels ? [...input.colLabels] : Array.from({ length: input.cols }, (_, j) => String(j));
}
