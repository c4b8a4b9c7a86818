// What a command hands to the formatters: everything already computed and already in the
// user's language, but not yet laid out. Formatters turn one Report into text for each
// output format; they never compute and never print. A large matrix in a report is a
// LazyList of its rows: made as the formatter writes it, never held as nested arrays.
import { type Matrix, type RowSource, rowView } from '../core/matrix.js';

import type { MessageKey, MessageParams } from '../i18n/messages.js';
import type { Chart } from './chart.js';
import type { Translator } from '../i18n/translator.js';

export type Tone = 'good' | 'bad' | 'dim';

export type Cell =
  | {
      readonly kind: 'number';
      readonly value: number;
      /** Draw a bar of length value (for probabilities in [0, 1]). */
      readonly bar?: boolean;
      /** The cell to notice in its row: the most probable class, the target. */
      readonly mark?: boolean;
      /** Colour by sign (gradients): positive and negative told apart. */
      readonly signed?: boolean;
    }
  | { readonly kind: 'text'; readonly text: string; readonly tone?: Tone };

export interface ReportRow {
  readonly label: string;
  readonly cells: readonly Cell[];
}

export interface ReportTable {
  /** A paragraph printed above the title (the prose of a lesson such as `xent demo`). */
  readonly lead?: string;
  readonly title?: string;
  /** Header of the row-label column. */
  readonly corner: string;
  readonly colLabels: readonly string[];
  readonly rows: readonly ReportRow[];
  /** A line printed under this table (what a mark means, the unit). */
  readonly footnote?: string;
  /** Shade the cells as --heatmap does, even without it; `legend` names the legend line. */
  readonly heatmap?: { readonly legend: string };
  /** Made already cut to a terminal's room (see elideReport), by a command that shows a large matrix. */
  readonly cut?: boolean;
  /**
   * A table of named columns (target, p(target), loss, ✓), not a matrix: the columns that may
   * be left out when it is too wide for the terminal, the first listed first. The others
   * hold the answer and always stay. Without it, a too-wide table loses its middle columns.
   */
  readonly droppable?: readonly number[];
  /** The last column names each row's marked cells, whose columns were left out (src/report/elide.ts). */
  readonly markColumn?: boolean;
}

export interface SummaryLine {
  readonly label: string;
  readonly value: number | string;
}

/** The main result as plain numbers: what tsv and csv print, and what xent reads back. */
export interface DataMatrix {
  readonly colLabels?: readonly string[];
  /** Arrays, or a LazyList of rows made as they are written. */
  readonly rows: Iterable<ArrayLike<number>>;
  /**
   * Columns of whole numbers (a target class, a step, a 0/1 flag): written as integers
   * whatever -p says (2, not 2.000).
   */
  readonly integerCols?: readonly number[];
}

/**
 * A list whose items are made each time it is read, one at a time: the rows of a matrix
 * computed from another (softmax, gradient), the steps of a descent. JSON writes it as an
 * array; --expect reads it as one.
 */
export class LazyList<T> implements Iterable<T> {
  constructor(private readonly items: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.items()[Symbol.iterator]();
  }
}

/** The rows of a held matrix, as views (no copy). */
export function matrixRows(m: Matrix): LazyList<Float64Array> {
  return new LazyList(function* () {
    for (let i = 0; i < m.rows; i++) yield rowView(m, i);
  });
}

/** The rows of a RowSource, each computed when it is reached (a new array each: a reader may keep it). */
export function sourceRows(source: RowSource): LazyList<Float64Array> {
  return new LazyList(function* () {
    for (let i = 0; i < source.rows; i++) {
      const row = new Float64Array(source.cols);
      source.row(i, row);
      yield row;
    }
  });
}

/** A value computed once, when first asked for (a gradient that only some outputs print). */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export interface Report {
  readonly tables: readonly ReportTable[];
  readonly summary: readonly SummaryLine[];
  readonly notes: readonly string[];
  readonly data: DataMatrix;
  /** The headline numbers for `-f value`, one line per inner array (or per row of a LazyList). */
  readonly values: Iterable<ArrayLike<number>>;
  /** Every result, for `-f json`; numbers may be non-finite (written as "inf", "-inf", "nan"). */
  readonly json: Readonly<Record<string, unknown>>;
  /** Things the user should know that are not errors; printed on stderr as "xent: warning: …". */
  readonly warnings?: readonly Warning[];
  /** The command's notes already say why a result is inf; otherwise the CLI adds a general one. */
  readonly infExplained?: boolean;
  /** Pictures of the result: drawn under the tables (table format), and written by --plot FILE.svg. */
  readonly charts?: readonly Chart[];
}

export function numberCell(value: number, extra: Omit<Extract<Cell, { kind: 'number' }>, 'kind' | 'value'> = {}): Cell {
  return { kind: 'number', value, ...extra };
}

export function textCell(text: string, tone?: Tone): Cell {
  return tone ? { kind: 'text', text, tone } : { kind: 'text', text };
}

/** A warning in the user's language, and its kind (the message key): the CLI caps each kind. */
export interface Warning {
  readonly kind: MessageKey;
  readonly text: string;
}

export function warning(t: Translator, kind: MessageKey, params: MessageParams = {}): Warning {
  return { kind, text: t.t(kind, params) };
}
