// Big matrices in a terminal are shown as NumPy shows big arrays: the first and last rows
// and columns, "…" for the middle, and a note on how to see everything. A marked cell (the
// most probable class, the positive pair) is the answer: when its column is left out, a last
// column headed "*" names the marked column of each row, so the answer is never cut.
import type { Cell, ReportRow, ReportTable, Report } from './report.js';
import { textCell } from './report.js';

export interface Room {
  /** Body rows a table may show. */
  readonly rows: number;
  /** Value columns a table may show. */
  readonly cols: number;
}

export const GAP = '…';
/** The header of the column that names the marked cells left out (the mark cellText draws). */
export const MARKED = '*';

/** Keeps `room` items of `count`: the first half and the last half, with null for the gap. */
export function keep(count: number, room: number): (number | null)[] {
  if (count <= room) return Array.from({ length: count }, (_, k) => k);
  const head = Math.ceil(room / 2);
  const tail = room - head;
  return [
    ...Array.from({ length: head }, (_, k) => k),
    null,
    ...Array.from({ length: tail }, (_, k) => count - tail + k),
  ];
}

const isMarked = (cell: Cell | undefined) => cell?.kind === 'number' && cell.mark === true;

/** The labels of a row's marked cells, joined (a tie marks two). */
export function markedLabels(
  cells: readonly (Cell | undefined)[] | ((j: number) => boolean),
  colLabels: readonly string[],
): string {
  const marked = typeof cells === 'function' ? cells : (j: number) => isMarked(cells[j]);
  const names: string[] = [];
  for (let j = 0; j < colLabels.length; j++) if (marked(j)) names.push(colLabels[j]);
  return names.join(', ');
}

/**
 * The table with only the value columns `picks` (null: a gap "…"). A table that already has
 * its column of marks keeps it last; otherwise one is added when a marked cell is left out.
 */
export function pickColumns(table: ReportTable, picks: readonly (number | null)[]): ReportTable {
  const own = table.markColumn === true ? table.colLabels.length - 1 : -1;
  const shown = new Set(picks);
  const hidesMark = own < 0 && table.rows.some((row) => row.cells.some((cell, j) => isMarked(cell) && !shown.has(j)));
  const chosen = own >= 0 ? [...picks, own] : picks; // spread-ok: one entry per shown column
  const gapRow = (row: ReportRow) => row.label === GAP && row.cells.every((c) => c.kind === 'text' && c.text === GAP);
  const rows = table.rows.map((row): ReportRow => {
    const cells = chosen.map((j) => (j === null ? textCell(GAP, 'dim') : row.cells[j]));
    if (hidesMark) cells.push(gapRow(row) ? textCell(GAP, 'dim') : textCell(markedLabels(row.cells, table.colLabels)));
    return { label: row.label, cells };
  });
  const colLabels = chosen.map((j) => (j === null ? GAP : table.colLabels[j]));
  if (hidesMark) colLabels.push(MARKED);
  return { ...table, colLabels, rows, ...(hidesMark ? { markColumn: true } : {}) };
}

function elideTable(table: ReportTable, room: Room): { table: ReportTable; elided: boolean } {
  if (table.cut) return { table, elided: true };
  const width = table.colLabels.length;
  // A table of named columns (a row's target, loss, ✓) is fitted to the width by the formatter, never cut in its middle.
  const cols = table.droppable ? keep(width, width) : keep(width, room.cols);
  const rows = keep(table.rows.length, room.rows);
  if (cols.length === width && rows.length === table.rows.length) return { table, elided: false };
  const gapRow: ReportRow = { label: GAP, cells: Array.from({ length: width }, () => textCell(GAP, 'dim')) };
  const shortened = { ...table, rows: rows.map((i) => (i === null ? gapRow : table.rows[i])) };
  return { elided: true, table: cols.length === width ? shortened : pickColumns(shortened, cols) };
}

/**
 * The report with every table cut to fit `room`; `note` (translated by the caller) is
 * added when anything was cut.
 */
export function elideReport(report: Report, room: Room, note: string): Report {
  let elided = false;
  const tables = report.tables.map((table) => {
    const result = elideTable(table, room);
    elided ||= result.elided;
    return result.table;
  });
  return elided ? { ...report, tables, notes: [...report.notes, note] } : report;
}
