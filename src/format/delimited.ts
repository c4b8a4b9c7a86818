import type { DataMatrix } from '../report/report.js';

/** How a number is written in data formats: full precision unless the user chose decimals. */
export type NumberText = (x: number) => string;

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The main result as TSV or CSV: a header row only when the input had column names (so
 * the output parses back as the same matrix), then one line per row. In pieces of at most
 * a line, to be written as they are made (a large matrix is never one string).
 */
export function* delimitedPieces(data: DataMatrix, separator: '\t' | ',', number: NumberText): Generator<string> {
  const field = separator === ',' ? csvField : (text: string) => text.replace(/[\t\n\r]/g, ' ');
  if (data.colLabels) yield data.colLabels.map(field).join(separator) + '\n';
  let any = data.colLabels !== undefined;
  for (const row of data.rows) {
    const cells = new Array<string>(row.length);
    for (let j = 0; j < row.length; j++) cells[j] = number(row[j]);
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
