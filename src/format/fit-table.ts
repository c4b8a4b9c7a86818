// A table too wide for the terminal is made narrower in steps, each losing less than the
// next: its bars go first (decoration), then the columns that are not the answer. A table
// of named columns (ReportTable.droppable) loses the ones it lists, in its order; a matrix
// loses its middle columns ("…"), and a marked cell left out is named in a last column.
import { GAP, keep, pickColumns } from '../report/elide.js';
import type { ReportTable } from '../report/report.js';

export interface Fitted {
  readonly table: ReportTable;
  /** Draw the bars of probabilities (false: they were left out to fit). */
  readonly bars: boolean;
  /** The headers of the named columns left out. */
  readonly dropped: readonly string[];
  /** Middle columns were left out ("…" marks them). */
  readonly cut: boolean;
}

/** Columns a boxed table takes when its columns' contents are `widths` wide (one space each side, a rule between). */
export function boxWidth(widths: readonly number[]): number {
  let total = 1;
  for (const w of widths) total += w + 3;
  return total;
}

/**
 * `table` fitted to `width` columns. `measure(table, bars)` gives the content width of each
 * column, the row labels' first. A table that cannot be made to fit keeps what holds the
 * answer and is drawn wider.
 */
export function fitTable(
  table: ReportTable,
  width: number,
  measure: (table: ReportTable, bars: boolean) => number[],
): Fitted {
  if (boxWidth(measure(table, true)) <= width) return { table, bars: true, dropped: [], cut: false };
  const widths = measure(table, false);
  let total = boxWidth(widths);
  if (total <= width) return { table, bars: false, dropped: [], cut: false };
  if (table.droppable) {
    const gone = new Set<number>();
    for (const j of table.droppable) {
      if (total <= width) break;
      if (j < 0 || j >= table.colLabels.length || gone.has(j)) continue;
      gone.add(j);
      total -= widths[j + 1] + 3;
    }
    const picks = table.colLabels.map((_, j) => j).filter((j) => !gone.has(j));
    const dropped = table.colLabels.filter((_, j) => gone.has(j));
    return { table: gone.size > 0 ? pickColumns(table, picks) : table, bars: false, dropped, cut: false };
  }
  // A matrix: keep its first and last columns, as many as fit, and the column of marks.
  const own = table.markColumn === true ? table.colLabels.length - 1 : -1;
  const real = table.colLabels.map((_, j) => j).filter((j) => j !== own && table.colLabels[j] !== GAP);
  const fixed = widths[0] + (own >= 0 ? widths[own + 1] + 3 : 0) + (GAP.length + 3);
  for (let k = real.length - 1; k >= 1; k--) {
    const picks = keep(real.length, k).map((p) => (p === null ? null : real[p]));
    let estimate = 1 + fixed;
    for (const j of picks) if (j !== null) estimate += widths[j + 1] + 3;
    if (estimate > width && k > 1) continue;
    const cut = pickColumns(table, picks);
    // The column of marks a cut adds makes it wider than the estimate.
    if (k === 1 || boxWidth(measure(cut, false)) <= width) return { table: cut, bars: false, dropped: [], cut: true };
  }
  return { table, bars: false, dropped: [], cut: false };
}
