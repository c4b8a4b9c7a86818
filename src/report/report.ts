// What a command hands to the formatters: everything already computed and already in the
// user's language, but not yet laid out. Formatters turn one Report into text for each
// output format; they never compute and never print.

import type { MessageKey, MessageParams } from '../i18n/messages.js';
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
}

export interface SummaryLine {
  readonly label: string;
  readonly value: number | string;
}

/** The main result as plain numbers: what tsv and csv print, and what xent reads back. */
export interface DataMatrix {
  readonly colLabels?: readonly string[];
  readonly rows: readonly (readonly number[])[];
  /**
   * Columns of whole numbers (a target class, a step, a 0/1 flag): written as integers
   * whatever -p says (2, not 2.000).
   */
  readonly integerCols?: readonly number[];
}

export interface Report {
  readonly tables: readonly ReportTable[];
  readonly summary: readonly SummaryLine[];
  readonly notes: readonly string[];
  readonly data: DataMatrix;
  /** The headline numbers for `-f value`, one line per inner array. */
  readonly values: readonly (readonly number[])[];
  /** Every result, for `-f json`; numbers may be non-finite (written as "inf", "-inf", "nan"). */
  readonly json: Readonly<Record<string, unknown>>;
  /** Things the user should know that are not errors; printed on stderr as "xent: warning: …". */
  readonly warnings?: readonly Warning[];
  /** The command's notes already say why a result is inf; otherwise the CLI adds a general one. */
  readonly infExplained?: boolean;
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
