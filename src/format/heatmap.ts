// --heatmap: each matrix cell shaded by its value within the table's range. The shade is a
// background colour when the Style has colour, and a block character (░▒▓█) beside the
// number without: the shape of the matrix shows either way.
import type { Cell, ReportTable } from '../report/report.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';

export interface HeatRange {
  readonly lo: number;
  readonly hi: number;
  /** Signed values (gradients): shaded by magnitude, coloured by sign, around 0. */
  readonly diverging: boolean;
}

type NumberCell = Extract<Cell, { kind: 'number' }>;

/**
 * Which cells of a table are shaded: probabilities (bar) and gradients (signed); in a
 * table with neither (logits, similarities), every number. Extra columns such as a loss
 * are then left plain.
 */
export function heatedCells(table: ReportTable): (cell: Cell) => cell is NumberCell {
  const flagged = table.rows.some((r) => r.cells.some((c) => c.kind === 'number' && (c.bar || c.signed)));
  return (cell: Cell): cell is NumberCell =>
    cell.kind === 'number' && (!flagged || cell.bar === true || cell.signed === true);
}

/** The range of a table's shaded cells: [0, 1] for probabilities, ±max for gradients. */
export function heatRange(table: ReportTable): HeatRange | undefined {
  const heated = heatedCells(table);
  const cells = table.rows.flatMap((r) => r.cells.filter(heated)).filter((c) => Number.isFinite(c.value));
  if (cells.length === 0) return undefined;
  if (cells.every((c) => c.bar)) return { lo: 0, hi: 1, diverging: false };
  if (cells.some((c) => c.signed)) {
    const m = cells.reduce((most, c) => Math.max(most, Math.abs(c.value)), -Infinity);
    return { lo: -m, hi: m, diverging: true };
  }
  // reduce, not Math.max(...): a spread of every cell overflows the stack on a big table.
  const lo = cells.reduce((least, c) => Math.min(least, c.value), Infinity);
  const hi = cells.reduce((most, c) => Math.max(most, c.value), -Infinity);
  return { lo, hi, diverging: false };
}

/**
 * Where a value sits in the range: 0…1, or −1…1 for a diverging range (sign kept).
 *
 * @example
 * heatLevel(0.5, { lo: 0, hi: 1, diverging: false }) // 0.5
 */
export function heatLevel(value: number, range: HeatRange): number {
  if (Number.isNaN(value)) return 0;
  if (range.diverging) {
    const m = range.hi;
    return m > 0 ? Math.max(-1, Math.min(1, value / m)) : 0;
  }
  // In halves: hi − lo overflows for a range such as ±1e308.
  const span = range.hi / 2 - range.lo / 2;
  if (!(span > 0)) return 1;
  return Math.max(0, Math.min(1, (value / 2 - range.lo / 2) / span));
}

/** The legend under a shaded table: the range, and the shades from low to high. */
export function heatLegend(range: HeatRange, style: Style, label: string, decimals: number): string {
  const n = (x: number) => formatFixed(x, decimals);
  const levels = [0.125, 0.375, 0.625, 0.875];
  if (range.diverging) {
    const neg = [...levels]
      .reverse()
      .map((l) => style.swatch(-l, true))
      .join('');
    const pos = levels.map((l) => style.swatch(l, true)).join('');
    return `${label}: ${n(range.lo)} ${neg} 0 ${pos} ${n(range.hi)}`;
  }
  return `${label}: ${n(range.lo)} ${levels.map((l) => style.swatch(l)).join('')} ${n(range.hi)}`;
}
