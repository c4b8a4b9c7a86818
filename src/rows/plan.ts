// A command that can work row by row for some options and formats, so that a large input
// is never held whole: rows go to `onRow` as the parser reads them, text is written as it
// is produced, and `finish` gives what is left to print.
import type { Format } from '../format/index.js';
import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';
import type { PieceSums } from '../core/piece-sums.js';
import type { CeRows } from '../ops/cross-entropy/sums.js';
import type { StepInput } from './in-step.js';
import type { OptionRows } from './input.js';
import type { Spill } from './spill.js';

export interface StreamOutput {
  write(text: string): void;
}

export interface StreamContext {
  readonly format: Format;
  /** Decimals for data formats when the user gave --precision; undefined: full precision. */
  readonly decimals?: number;
  readonly source: MessageParam;
  readonly out: StreamOutput;
  /** The input is a named file, which can be read a second time (a plan with firstPass needs it). */
  readonly rereadable?: boolean;
  /** A temporary file for what a plan keeps out of memory (closed by the caller once the run ends). */
  readonly openSpill?: () => Spill;
}

/** What a reading of the input found beside its rows: the row labels, when the plan keeps them. */
export interface ReadingExtras {
  readonly rowLabels?: readonly string[];
}

/** A reading of the whole input before the last (a file only: see StreamContext.rereadable). */
export interface StreamPass {
  onRow(row: Float64Array, index: number, colLabels: readonly string[] | undefined): void;
  end(rows: number, cols: number, extras: ReadingExtras): void;
}

export interface StreamPlan {
  /** One row of the input; `row` is reused by the parser, so copy what you keep. */
  onRow(row: Float64Array, index: number, colLabels: readonly string[] | undefined): void;
  /**
   * After the last row: the text still to print, at once or in pieces (written as they come,
   * for a large result). `extras`: what the reading kept (see keepsRowLabels).
   */
  finish(rows: number, cols: number, extras?: ReadingExtras): string | Iterable<string>;
  /**
   * After finish: the warnings the whole-matrix path gives for this input (rows of
   * probabilities that do not sum to 1), in its order, as catalogue keys and parameters.
   */
  warnings?(): readonly { readonly key: MessageKey; readonly params: MessageParams }[];
  /** A blank line outside brackets after `rowsBefore` rows (sequence breaks, for `xent lm`). */
  onBlankLine?(rowsBefore: number): void;
  /** Each reading keeps the rows' labels (an index column) for `end` and `finish`: O(rows). */
  readonly keepsRowLabels?: boolean;
  /**
   * Readings of the whole input before the one that calls onRow (a file only: see
   * StreamContext.rereadable), in order: what a later row needs from an earlier one, in
   * O(rows + cols), or output in sections, each a reading (JSON's lists). The first reading
   * is where the input is checked, before anything is written; every later one must find
   * the rows and columns it found.
   */
  readonly firstPasses?: readonly StreamPass[];
  /**
   * A plan whose sums two threads can compute over pieces of a file (src/rows/parallel.ts):
   * what each thread computes, and how the plan takes the sums of the whole file.
   */
  readonly parallel?: {
    readonly task: PartTask;
    adopt(sums: PieceSums): void;
  };
}

/** What a thread computes over its pieces of a file: plain data (it crosses threads). */
export type PartTask = ClipTask | CeTask;

interface TaskBase {
  readonly source: MessageParam;
  /** Smaller blocks, pieces and file-size threshold than the defaults: tests, to share small files. */
  readonly sizes?: PartSizes;
}

export interface ClipTask extends TaskBase {
  readonly kind: 'clip';
  readonly scale: number;
}

/**
 * `xent ce -y … -f value`: the typed values of its spec that the rows need (the targets and
 * weights are checked against the rows as they come, and once they are counted).
 */
export interface CeTask extends TaskBase, CeRows {
  readonly kind: 'ce';
}

export interface PartSizes {
  readonly blockValues: number;
  readonly pieceValues: number;
  readonly minBytes: number;
}

/**
 * What a command's readSpec gets when the run may go row by row (no report, sweep or chart
 * needs its data whole): the output format, and a matrix option opened rather than read, for
 * a command whose data are two option matrices read in step (distill's).
 */
export interface OptionRowsContext {
  readonly format: Format;
  open(value: string, option: string): OptionRows;
}

/** What an in-step plan writes with: a StreamContext without a main input. */
export type InStepContext = Pick<StreamContext, 'format' | 'decimals' | 'out'>;

/**
 * A plan over two matrices its command's options give, read together row by row
 * (src/rows/in-step.ts: the same shape, checked as they come, neither held whole).
 */
export interface InStepPlan {
  readonly inputs: readonly [StepInput, StepInput];
  /** Row `index` of each; views, reused by the readers: copy what you keep. */
  onRows(a: Float64Array, b: Float64Array, index: number): void;
  /** After the last row: the text still to print. */
  finish(rows: number, cols: number): string;
}
