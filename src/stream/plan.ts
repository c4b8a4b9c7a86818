// A command that can work row by row for some options and formats, so that a large input
// is never held whole: rows go to `onRow` as the parser reads them, text is written as it
// is produced, and `finish` gives what is left to print.
import type { Format } from '../format/index.js';
import type { MessageParam } from '../i18n/messages.js';
import type { OptionValues } from '../commands/command.js';

export interface StreamOutput {
  write(text: string): void;
}

export interface StreamContext {
  readonly format: Format;
  readonly options: OptionValues;
  /** Decimals for data formats when the user gave --precision; undefined: full precision. */
  readonly decimals?: number;
  readonly source: MessageParam;
  readonly out: StreamOutput;
}

export interface StreamPlan {
  /** One row of the input; `row` is reused by the parser, so copy what you keep. */
  onRow(row: Float64Array, index: number, colLabels: readonly string[] | undefined): void;
  /** After the last row: the text still to print. */
  finish(rows: number, cols: number): string;
  /**
   * A plan whose sums can be computed for a later part of a file in a worker thread and
   * merged (src/stream/parallel.ts): the task to send, and how to fold its result in.
   */
  readonly parallel?: {
    task(part: FilePart): PartTask;
    merge(state: unknown): void;
  };
}

/** A byte range of a file, starting at a line, whose first row is row `firstRow` (0-based). */
export interface FilePart {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly firstRow: number;
}

/** The argument that starts the CLI's entry as a worker thread for a part (with workerData). */
export const PART_FLAG = '--xent-worker-part';

/** What a worker thread computes: plain data (it crosses threads). */
export type PartTask = FilePart & { readonly kind: 'clip'; readonly scale: number; readonly source: MessageParam };

export type StreamPlanner = (context: StreamContext) => StreamPlan | undefined;

/** Option names (as commander stores them) that every command may have without changing its maths. */
export const NEUTRAL_OPTIONS = new Set(['input', 'format', 'precision', 'lang', 'color']);

/** True when every option given is neutral or in `supported`. */
export function onlyOptions(options: OptionValues, supported: readonly string[]): boolean {
  return Object.entries(options).every(
    ([name, value]) => value === undefined || NEUTRAL_OPTIONS.has(name) || supported.includes(name),
  );
}
