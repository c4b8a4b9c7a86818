import type { DataMatrix } from '../report/report.js';
import { displaySafe } from './display-safe.js';
import { formatExact } from './number.js';

/** How a number is written in data formats: full precision unless the user chose decimals. */
export type NumberText = (x: number) => string;

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The header line of TSV or CSV output, without its newline. Column names are the input's
 * own, printed inert: a tab, a newline or an ESC in a name is written as `\t`, `\n`,
 * `\x1b` (src/format/display-safe.ts), so the line stays one line of as many fields, and
 * reads back as a header of the same width.
 */
export function delimitedHeader(labels: readonly string[], separator: '\t' | ','): string {
  return labels.map((label) => (separator === ',' ? csvField(displaySafe(label)) : displaySafe(label))).join(separator);
}

/**
 * The main result as TSV or CSV: a header row only when the input had column names (so
 * the output parses back as the same matrix), then one line per row.
 */
export function formatDelimited(data: DataMatrix, separator: '\t' | ',', number: NumberText): string {
  const lines: string[] = [];
  if (data.colLabels) lines.push(delimitedHeader(data.colLabels, separator));
  const integer = new Set(data.integerCols);
  // A whole number's shortest form is itself (3, -100, nan for none): -p is for fractions.
  const field = integer.size === 0 ? number : (x: number, j: number) => (integer.has(j) ? formatExact(x) : number(x));
  for (const row of data.rows) lines.push(row.map(field).join(separator));
  return lines.join('\n') + '\n';
}

/** `-f value`: the headline numbers, tab-separated, one group per line. */
export function formatValues(values: readonly (readonly number[])[], number: NumberText): string {
  return values.map((line) => line.map(number).join('\t')).join('\n') + '\n';
}
