import Table from 'cli-table3';
import type { Report, ReportTable } from '../report/report.js';
import { cellText } from './cell-text.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';
import { displayWidth, padEnd } from './width.js';

export interface TableOptions {
  readonly decimals: number;
  readonly style: Style;
}

function renderTable(table: ReportTable, { decimals, style }: TableOptions): string {
  const grid = new Table({
    head: [table.corner, ...table.colLabels].map((h) => style.header(h)),
    colAligns: ['left', ...table.colLabels.map(() => 'right' as const)],
    // compact: a rule under the header only; a matrix reads better as a block.
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of table.rows) {
    grid.push([row.label, ...row.cells.map((cell) => cellText(cell, decimals, style))]);
  }
  const parts = table.title ? [style.title(table.title)] : [];
  parts.push(grid.toString());
  if (table.footnote) parts.push(style.dim(table.footnote));
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
