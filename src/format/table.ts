import type TableConstructor from 'cli-table3';
import type { Cell, Report, ReportTable } from '../report/report.js';
import { cellText } from './cell-text.js';
import { heatLegend, heatLevel, heatRange, heatedCells } from './heatmap.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';
import { displayWidth, padEnd } from './width.js';
import { wrap } from './wrap.js';

const LEAD_WIDTH = 98;

let Table: typeof TableConstructor | undefined;

/**
 * Loads cli-table3, which is needed only when a table is printed: loading it costs a good
 * part of start-up time that TSV, CSV, JSON and value output do not need.
 */
export async function loadTableRenderer(): Promise<void> {
  Table ??= (await import('cli-table3')).default;
}

export interface TableOptions {
  readonly decimals: number;
  readonly style: Style;
  /** --heatmap: shade matrix cells; `legend` is the translated word for the legend line. */
  readonly heatmap?: { readonly legend: string };
}

function renderTable(table: ReportTable, { decimals, style, heatmap: asked }: TableOptions): string {
  const heatmap = table.heatmap ?? asked;
  const range = heatmap ? heatRange(table) : undefined;
  const heated = heatedCells(table);
  const render = (cell: Cell) =>
    range && heated(cell) ? cellText(cell, decimals, style, { level: heatLevel(cell.value, range), signed: range.diverging }) : cellText(cell, decimals, style);
  if (!Table) throw new Error('loadTableRenderer() must run before a table is formatted');
  const grid = new Table({
    head: [table.corner, ...table.colLabels].map((h) => style.header(h)),
    colAligns: ['left', ...table.colLabels.map(() => 'right' as const)],
    // compact: a rule under the header only; a matrix reads better as a block.
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of table.rows) {
    grid.push([row.label, ...row.cells.map(render)]);
  }
  // A lead paragraph is wrapped to fit a 100-column terminal; each language on its own lines.
  const parts = table.lead ? [table.lead.split('\n').flatMap((line) => wrap(line, LEAD_WIDTH)).join('\n')] : [];
  if (table.title) parts.push(style.title(table.title));
  parts.push(grid.toString());
  if (table.footnote) parts.push(style.dim(table.footnote));
  if (range && heatmap) parts.push(style.dim(heatLegend(range, style, heatmap.legend, decimals)));
  return parts.join('\n');
}

/** Tables, then the summary figures aligned in two columns, then notes. */
export function formatTable(report: Report, options: TableOptions): string {
  const blocks = report.tables.map((table) => renderTable(table, options));
  if (report.summary.length > 0) {
    const width = Math.max(...report.summary.map((line) => displayWidth(line.label)));
    blocks.push(
      report.summary
        .map((line) => {
          const value = typeof line.value === 'number' ? formatFixed(line.value, options.decimals) : line.value;
          return `${padEnd(line.label, width)}  ${options.style.title(value)}`;
        })
        .join('\n'),
    );
  }
  if (report.notes.length > 0) blocks.push(report.notes.map((n) => options.style.dim(n)).join('\n'));
  return blocks.join('\n\n') + '\n';
}
