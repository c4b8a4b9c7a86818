import type { DataMatrix } from '../report/report.js';

/** How a number is written in data formats: full precision unless the user chose decimals. */
export type NumberText = (x: number) => string;

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The main result as TSV or CSV: a header row only when the input had column names (so
 * the output parses back as the same matrix), then one line per row.
 */
export function formatDelimited(data: DataMatrix, separator: '\t' | ',', number: NumberText): string {
  const field = separator === ',' ? csvField : (text: string) => text.replace(/[\t\n\r]/g, ' ');
  const lines: string[] = [];
  if (data.colLabels) lines.push(data.colLabels.map(field).join(separator));
  for (const row of data.rows) lines.push(row.map(number).join(separator));
  return lines.join('\n') + '\n';
}

/** `-f value`: the headline numbers, tab-separated, one group per line. */
export function formatValues(values: readonly (readonly number[])[], number: NumberText): string {
  return values.map((line) => line.map(number).join('\t')).join('\n') + '\n';
}
