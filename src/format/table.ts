import type { Cell, Report, ReportTable } from '../report/report.js';
import { type Align, drawBox } from './box.js';
import { cellText } from './cell-text.js';
import { displaySafe, displaySafeLines } from './display-safe.js';
import { fitTable } from './fit-table.js';
import { heatLegend, heatLevel, heatRange, heatedCells } from './heatmap.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';
import { displayWidth, padEnd } from './width.js';
import { wrapLine } from './wrap.js';
import { type ChartLook, renderCharts } from './chart.js';

/** The width a lead paragraph and a footnote are wrapped to when the terminal's is not known (a pipe, a file). */
const PIPE_WIDTH = 100;

/** What a table says when it was made narrower to fit the terminal (in the user's language). */
export interface TableFit {
  /** The note under a table that lost named columns, given their headers. */
  readonly dropped: (columns: readonly string[]) => string;
  /** The report's note when a matrix lost its middle columns. */
  readonly elided: string;
  /** The report's note when a column headed * names the marked cells left out. */
  readonly marked: string;
}

export interface TableOptions {
  readonly decimals: number;
  readonly style: Style;
  /** --heatmap: shade matrix cells; `legend` is the translated word for the legend line. */
  readonly heatmap?: { readonly legend: string };
  /** How the report's charts are drawn; absent: ASCII, 80 columns. */
  readonly chart?: ChartLook;
  /** The terminal's width: prose is wrapped to it, and with `fit` tables are made to fit it. */
  readonly width?: number;
  readonly fit?: TableFit;
}

/** Each line of `text` (a language a line) wrapped at `width` columns: at spaces, or between Chinese characters. */
export function wrapLines(text: string, width: number, hang = ''): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, hang))
    .join('\n');
}

function renderTable(
  table: ReportTable,
  { decimals, style, heatmap: asked, width, fit }: TableOptions,
): { text: string; cut: boolean; marked: boolean } {
  const heatmap = table.heatmap ?? asked;
  const range = heatmap ? heatRange(table) : undefined;
  const heated = heatedCells(table);
  const renderer =
    (bars: boolean) =>
    (cell: Cell): string => {
      if (range && heated(cell))
        return cellText(cell, decimals, style, { level: heatLevel(cell.value, range), signed: range.diverging });
      return cellText(!bars && cell.kind === 'number' && cell.bar ? { ...cell, bar: false } : cell, decimals, style);
    };
  // Labels may come from the input's header: printed inert (src/format/display-safe.ts).
  const headOf = (shown: ReportTable) => [shown.corner, ...shown.colLabels].map((h) => style.header(displaySafe(h)));
  const cellOf = (shown: ReportTable, render: (cell: Cell) => string) => (i: number, j: number) => {
    const row = shown.rows[i];
    if (j === 0) return displaySafe(row.label);
    const cell = row.cells[j - 1];
    return cell ? render(cell) : '';
  };
  const measure = (shown: ReportTable, bars: boolean): number[] => {
    const widths = headOf(shown).map(displayWidth);
    const cellAt = cellOf(shown, renderer(bars));
    for (let i = 0; i < shown.rows.length; i++)
      for (let j = 0; j < widths.length; j++) widths[j] = Math.max(widths[j], displayWidth(cellAt(i, j)));
    return widths;
  };
  const fitted =
    fit && width !== undefined ? fitTable(table, width, measure) : { table, bars: true, dropped: [], cut: false };
  const shown = fitted.table;
  const head = headOf(shown);
  const aligns = head.map((_, j): Align => (j === 0 ? 'left' : 'right'));
  // Prose is wrapped to the terminal; without one, a lead paragraph and a footnote are (to 100 columns).
  const prose = (text: string, unknown?: number) => {
    const at = width ?? unknown;
    return at === undefined ? displaySafeLines(text) : wrapLines(displaySafeLines(text), at);
  };
  const parts = shown.lead ? [prose(shown.lead, PIPE_WIDTH)] : [];
  if (shown.title) parts.push(style.title(prose(shown.title)));
  parts.push(drawBox(head, shown.rows.length, cellOf(shown, renderer(fitted.bars)), aligns));
  if (shown.footnote) parts.push(style.dim(prose(shown.footnote, PIPE_WIDTH)));
  if (fit && fitted.dropped.length > 0) parts.push(style.dim(prose(fit.dropped(fitted.dropped))));
  if (range && heatmap) parts.push(style.dim(heatLegend(range, style, heatmap.legend, decimals)));
  return { text: parts.join('\n'), cut: fitted.cut, marked: shown.markColumn === true };
}

/** Tables, then the summary figures aligned in two columns, then notes. */
export function formatTable(report: Report, options: TableOptions): string {
  let cut = false;
  let marked = false;
  const blocks = report.tables.map((table) => {
    const drawn = renderTable(table, options);
    cut ||= drawn.cut;
    marked ||= drawn.marked;
    return drawn.text;
  });
  for (const chart of renderCharts(report.charts, options.chart ?? { width: 80, ascii: true })) blocks.push(chart);
  if (report.summary.length > 0) {
    const labels = report.summary.map((line) => displaySafe(line.label));
    const width = labels.reduce((widest, label) => Math.max(widest, displayWidth(label)), 0);
    blocks.push(
      report.summary
        .map((line, k) => {
          const value =
            typeof line.value === 'number' ? formatFixed(line.value, options.decimals) : displaySafe(line.value);
          const aligned = `${padEnd(labels[k], width)}  ${options.style.title(value)}`;
          const room = options.width;
          if (room === undefined || width + 2 + displayWidth(value) <= room) return aligned;
          // Too wide to align in the terminal: this line's value follows its label, or goes under it.
          if (displayWidth(labels[k]) + 2 + displayWidth(value) <= room)
            return `${labels[k]}  ${options.style.title(value)}`;
          return `${wrapLines(labels[k], room, '  ')}\n  ${options.style.title(value)}`;
        })
        .join('\n'),
    );
  }
  const notes = report.notes.slice();
  const { fit } = options;
  if (fit && cut && !notes.includes(fit.elided)) notes.push(fit.elided);
  if (fit && marked) notes.push(fit.marked);
  // Notes are not wrapped when the width is unknown (a pipe): each stays one line, for grep.
  // Wrapped, a note's later lines are indented, so that each note is seen to start.
  const note = (text: string) =>
    options.width === undefined ? displaySafeLines(text) : wrapLines(displaySafeLines(text), options.width, '  ');
  if (notes.length > 0) blocks.push(notes.map((n) => options.style.dim(note(n))).join('\n'));
  return blocks.join('\n\n') + '\n';
}
