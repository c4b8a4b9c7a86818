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
 * the output parses back as the same matrix), then one line per row. In pieces of at most
 * a line, to be written as they are made (a large matrix is never one string).
 */
export function* delimitedPieces(data: DataMatrix, separator: '\t' | ',', number: NumberText): Generator<string> {
  if (data.colLabels) yield delimitedHeader(data.colLabels, separator) + '\n';
  const integer = new Set(data.integerCols);
  // A whole number's shortest form is itself (3, -100, nan for none): -p is for fractions.
  const field = integer.size === 0 ? number : (x: number, j: number) => (integer.has(j) ? formatExact(x) : number(x));
  let any = data.colLabels !== undefined;
  for (const row of data.rows) {
    const cells = new Array<string>(row.length);
    for (let j = 0; j < row.length; j++) cells[j] = field(row[j], j);
    yield cells.join(separator) + '\n';
    any = true;
  }
  // No line at all is still one (empty) line, as before.
  if (!any) yield '\n';
}

export function formatDelimited(data: DataMatrix, separator: '\t' | ',', number: NumberText): string {
  let text = '';
  for (const piece of delimitedPieces(data, separator, number)) text += piece;
  return text;
}

/** `-f value`: the headline numbers, tab-separated, one group per line, in pieces of a line. */
export function* valuesPieces(values: Iterable<ArrayLike<number>>, number: NumberText): Generator<string> {
  yield* delimitedPieces({ rows: values }, '\t', number);
}
