// Big matrices in a terminal are shown as NumPy shows big arrays: the first and last rows
// and columns, "…" for the middle, and a note on how to see everything.
import type { Report, ReportRow, ReportTable } from './report.js';
import { textCell } from './report.js';

export interface Room {
  /** Body rows a table may show. */
  readonly rows: number;
  /** Value columns a table may show. */
  readonly cols: number;
}

export const GAP = '…';

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

function elideTable(table: ReportTable, room: Room): { table: ReportTable; elided: boolean } {
  if (table.cut) return { table, elided: true };
  const width = table.colLabels.length;
  const cols = keep(width, room.cols);
  const rows = keep(table.rows.length, room.rows);
  if (cols.length === width && rows.length === table.rows.length) return { table, elided: false };
  const pick = (row: ReportRow): ReportRow => ({
    label: row.label,
    cells: cols.map((j) => (j === null ? textCell(GAP, 'dim') : row.cells[j])),
  });
  return {
    elided: true,
    table: {
      ...table,
      colLabels: cols.map((j) => (j === null ? GAP : table.colLabels[j])),
      rows: rows.map((i) =>
        i === null ? { label: GAP, cells: cols.map(() => textCell(GAP, 'dim')) } : pick(table.rows[i]),
      ),
    },
  };
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
