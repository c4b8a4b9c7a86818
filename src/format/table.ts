import type { Cell, Report, ReportTable } from '../report/report.js';
import { type Align, drawBox } from './box.js';
import { cellText } from './cell-text.js';
import { displaySafe, displaySafeLines } from './display-safe.js';
import { heatLegend, heatLevel, heatRange, heatedCells } from './heatmap.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';
import { displayWidth, padEnd } from './width.js';
import { wrap } from './wrap.js';
import { type ChartLook, renderCharts } from './chart.js';

const LEAD_WIDTH = 98;

export interface TableOptions {
  readonly decimals: number;
  readonly style: Style;
  /** --heatmap: shade matrix cells; `legend` is the translated word for the legend line. */
  readonly heatmap?: { readonly legend: string };
  /** How the report's charts are drawn; absent: ASCII, 80 columns. */
  readonly chart?: ChartLook;
}

function renderTable(table: ReportTable, { decimals, style, heatmap: asked }: TableOptions): string {
  const heatmap = table.heatmap ?? asked;
  const range = heatmap ? heatRange(table) : undefined;
  const heated = heatedCells(table);
  const render = (cell: Cell) =>
    range && heated(cell)
      ? cellText(cell, decimals, style, { level: heatLevel(cell.value, range), signed: range.diverging })
      : cellText(cell, decimals, style);
  // Labels may come from the input's header: printed inert (src/format/display-safe.ts).
  const head = [table.corner, ...table.colLabels].map((h) => style.header(displaySafe(h)));
  const cellAt = (i: number, j: number) => {
    const row = table.rows[i];
    if (j === 0) return displaySafe(row.label);
    const cell = row.cells[j - 1];
    return cell ? render(cell) : '';
  };
  const aligns = head.map((_, j): Align => (j === 0 ? 'left' : 'right'));
  // A lead paragraph is wrapped to fit a 100-column terminal; each language on its own lines.
  const lead = table.lead && displaySafeLines(table.lead);
  const parts = lead
    ? [
        lead
          .split('\n')
          .flatMap((line) => wrap(line, LEAD_WIDTH))
          .join('\n'),
      ]
    : [];
  if (table.title) parts.push(style.title(displaySafeLines(table.title)));
  parts.push(drawBox(head, table.rows.length, cellAt, aligns));
  if (table.footnote) parts.push(style.dim(displaySafeLines(table.footnote)));
  if (range && heatmap) parts.push(style.dim(heatLegend(range, style, heatmap.legend, decimals)));
  return parts.join('\n');
}

/** Tables, then the summary figures aligned in two columns, then notes. */
export function formatTable(report: Report, options: TableOptions): string {
  const blocks = report.tables.map((table) => renderTable(table, options));
  for (const chart of renderCharts(report.charts, options.chart ?? { width: 80, ascii: true })) blocks.push(chart);
  if (report.summary.length > 0) {
    const labels = report.summary.map((line) => displaySafe(line.label));
    const width = labels.reduce((widest, label) => Math.max(widest, displayWidth(label)), 0);
    blocks.push(
      report.summary
        .map((line, k) => {
          const value =
            typeof line.value === 'number' ? formatFixed(line.value, options.decimals) : displaySafe(line.value);
          return `${padEnd(labels[k], width)}  ${options.style.title(value)}`;
        })
        .join('\n'),
    );
  }
  if (report.notes.length > 0) blocks.push(report.notes.map((n) => options.style.dim(displaySafeLines(n))).join('\n'));
  return blocks.join('\n\n') + '\n';
}
