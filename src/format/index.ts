import type { Report } from '../report/report.js';
import { delimitedPieces, valuesPieces } from './delimited.js';
import { jsonPieces } from './json.js';
import { formatLatex } from './latex.js';
import { formatMarkdown } from './markdown.js';
import { formatExact, formatFixed } from './number.js';
import type { Style } from './style.js';
import type { ChartLook } from './chart.js';
import { type TableFit, formatTable } from './table.js';

export const FORMATS = ['table', 'tsv', 'csv', 'json', 'markdown', 'latex', 'value', 'npy'] as const;
export type Format = (typeof FORMATS)[number];
/** Formats whose output is bytes rather than text. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set(['npy']);
export { npyPieces } from './npy.js';

export interface FormatOptions {
  readonly decimals: number;
  /** True when the user gave --precision: data formats then use it too. */
  readonly decimalsGiven: boolean;
  readonly style: Style;
  /** --heatmap (table format): shade matrix cells, with a legend titled `legend`. */
  readonly heatmap?: { readonly legend: string };
  /** The terminal's width in columns, when the output goes to one (prose is wrapped to it). */
  readonly width?: number;
  /** How the report's charts are drawn (table format); absent: ASCII, 80 columns. */
  readonly chart?: ChartLook;
  /** Tables too wide for `width` are made narrower (not with --full), saying so in these words. */
  readonly fit?: TableFit;
}

/** Formats that print a report's tables, summary and notes (the others print its data). */
export const TEXT_FORMATS: ReadonlySet<Format> = new Set(['table', 'markdown', 'latex']);

/**
 * The report in `format`, in pieces to be written in order: tsv, csv and json a line or a
 * row at a time, so that a large result is written as it is made.
 */
export function reportPieces(report: Report, format: Format, options: FormatOptions): Iterable<string> {
  const number = options.decimalsGiven ? (x: number) => formatFixed(x, options.decimals) : formatExact;
  switch (format) {
    case 'table':
      return [formatTable(report, options)];
    case 'markdown':
      return [formatMarkdown(report, options.decimals)];
    case 'latex':
      return [formatLatex(report, options.decimals)];
    case 'tsv':
      return delimitedPieces(report.data, '\t', number);
    case 'csv':
      return delimitedPieces(report.data, ',', number);
    case 'json':
      return jsonPieces(report.json);
    case 'value':
      return valuesPieces(report.values, formatExact);
    case 'npy':
      // Bytes, not text: written through npyPieces (src/format/npy.ts).
      throw new Error('-f npy is not text');
  }
}
