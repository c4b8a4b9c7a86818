import type { Report } from '../report/report.js';
import { formatDelimited, formatValues } from './delimited.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatExact, formatFixed } from './number.js';
import type { Style } from './style.js';
import { formatTable } from './table.js';

export const FORMATS = ['table', 'tsv', 'csv', 'json', 'markdown', 'value'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  readonly decimals: number;
  /** True when the user gave --precision: data formats then use it too. */
  readonly decimalsGiven: boolean;
  readonly style: Style;
  /** --heatmap (table format): shade matrix cells, with a legend titled `legend`. */
  readonly heatmap?: { readonly legend: string };
}

export function formatReport(report: Report, format: Format, options: FormatOptions): string {
  const number = options.decimalsGiven ? (x: number) => formatFixed(x, options.decimals) : formatExact;
  switch (format) {
    case 'table':
      return formatTable(report, options);
    case 'markdown':
      return formatMarkdown(report, options.decimals);
    case 'tsv':
      return formatDelimited(report.data, '\t', number);
    case 'csv':
      return formatDelimited(report.data, ',', number);
    case 'json':
      return formatJson(report.json);
    case 'value':
      return formatValues(report.values, formatExact);
  }
}
