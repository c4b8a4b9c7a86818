// Rows to a matrix: the row being read (filled number by number, checked against the width
// of the first), and the row-major matrix the rows are gathered into. Both grow as the input
// does, within what a typed array can hold.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import type { Matrix } from '../core/matrix.js';
import type { ColumnLayout, ShapedExtras } from './columns.js';

export interface ParsedMatrix extends Matrix, Partial<ShapedExtras> {
  /** Column names from a CSV/TSV header row, if the input had one. */
  readonly colLabels?: readonly string[];
  /**
   * Where blank lines separate the rows: the number of rows before each (0 < b < rows,
   * increasing), when the input had such lines; `xent lm` reads them as sequence breaks.
   */
  readonly breaks?: readonly number[];
}

const NO_TEXTS: readonly (string | undefined)[] = [];

/** Receives each row as it ends. The array is reused for the next row: copy what you keep. */
export type RowSink = (row: Float64Array, index: number) => void;

/**
 * A Float64Array of `length`, or the error that says the input holds too many numbers (V8
 * refuses typed arrays of 2³² elements and more, and allocations the machine cannot make).
 */
function allocate(length: number, source: MessageParam): Float64Array<ArrayBuffer> {
  try {
    return new Float64Array(length);
  } catch (error) {
    if (error instanceof RangeError)
      throw new XentError('err.tooManyValues', { source, count: Math.floor(length / 2) });
    throw error;
  }
}

/**
 * The row being read, reused from row to row: each is handed to the sink as a view when it
 * ends, shaped by the column layout (data columns only) when that is active. The reader's
 * fast path fills `values` and `length` itself, calling grow() when full.
 */
export class RowBuffer {
  values = new Float64Array(16);
  length = 0;
  /** Rows handed out so far (counting from `firstRow`). */
  count: number;
  /** The width of the first row, which every other must have (-1 before it). */
  cols = -1;
  /** The width of the rows handed out (the data columns'), once the first is. */
  private width = -1;
  /** Words of the row's columns that are not data, by column (a label, a class name). */
  private readonly texts: (string | undefined)[] = [];
  private textCount = 0;
  /**
   * Given, row 1 is held back while `accepts` it (0, 1, 2, …), until row 2 tells: a row
   * with a fraction makes it the header (`adopt`), else it is data.
   */
  integerHeader: { accepts(row: Float64Array): boolean; adopt(row: Float64Array): void } | undefined;
  private held: Float64Array | undefined;

  constructor(
    private readonly source: MessageParam,
    private readonly sink: RowSink,
    firstRow = 0,
    private readonly layout?: ColumnLayout,
  ) {
    this.count = firstRow;
  }

  /** Row 1 is held back, a possible header of integers. */
  get holdsFirstRow(): boolean {
    return this.held !== undefined;
  }

  push(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  /** A word in a column that is not data: kept as text, NaN in the row. */
  pushText(text: string): void {
    this.texts[this.length] = text;
    this.textCount++;
    this.push(NaN);
  }

  /** Doubles the buffer (kept out of the hot loop, which it would slow). */
  grow(): Float64Array {
    const bigger = allocate(this.values.length * 2, this.source);
    bigger.set(this.values);
    this.values = bigger;
    return bigger;
  }

  /** Ends the row: hands it out unless it is empty; a row of another width is an error. */
  end(): void {
    const length = this.length;
    if (length === 0) return;
    this.length = 0;
    if (this.cols < 0) this.cols = length;
    else if (length !== this.cols) {
      throw new XentError('err.ragged', { source: this.source, row: this.count + 1, got: length, expected: this.cols });
    }
    const row = this.values.subarray(0, length);
    if (this.integerHeader !== undefined && this.holdsBack(row)) return;
    this.hand(row, this.texts);
  }

  private hand(row: Float64Array, texts: readonly (string | undefined)[]): void {
    const layout = this.layout;
    if (this.width < 0) this.width = layout ? layout.settle(row.length) : row.length;
    const shaped = layout?.active ? layout.shape(row, texts) : row;
    if (this.textCount > 0) {
      this.texts.length = 0;
      this.textCount = 0;
    }
    this.sink(shaped, this.count);
    this.count++;
  }

  /**
   * Row 1 of 0, 1, 2, … is held back (counted, so that row 2's errors name row 2); row 2
   * decides what it was. True when `row` is held.
   */
  private holdsBack(row: Float64Array): boolean {
    const gate = this.integerHeader!;
    const held = this.held;
    if (held === undefined) {
      if (this.count === 0 && this.textCount === 0 && gate.accepts(row)) {
        this.held = row.slice();
        this.count = 1;
        return true;
      }
      this.integerHeader = undefined;
      return false;
    }
    this.held = undefined;
    this.integerHeader = undefined;
    this.count = 0;
    if (row.some((x) => !Number.isInteger(x))) gate.adopt(held);
    else this.hand(held, NO_TEXTS);
    return false;
  }

  /**
   * At the end of the input: returns the width of the rows handed out, or says there was
   * no row, or that `labels` name another number of columns.
   */
  finish(labels: readonly string[] | undefined): number {
    const held = this.held;
    if (held !== undefined) {
      // A single row of 0, 1, 2, …: data (no rows below it to name).
      this.held = undefined;
      this.count = 0;
      this.hand(held, NO_TEXTS);
    }
    if (this.count === 0) throw new XentError('err.empty', { source: this.source });
    if (labels && labels.length !== this.cols) {
      throw new XentError('err.headerWidth', { source: this.source, got: labels.length, expected: this.cols });
    }
    return this.width < 0 ? this.cols : this.width;
  }
}

/** Grows a row-major Float64Array as rows arrive. */
export class MatrixBuilder {
  private data = new Float64Array(64);
  private length = 0;
  rows = 0;
  private readonly breaks: number[] = [];

  /** `source`: the input, for the error when its numbers do not fit in memory. */
  constructor(private readonly source: MessageParam = 'the text') {}

  readonly add: RowSink = (row) => {
    if (this.length + row.length > this.data.length) {
      const bigger = allocate(Math.max(this.data.length * 2, this.length + row.length), this.source);
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(row, this.length);
    this.length += row.length;
    this.rows++;
  };

  /** A blank line after `rowsBefore` rows (several in a row, or before the first row, count once or not at all). */
  readonly blankLine = (rowsBefore: number): void => {
    if (rowsBefore > 0 && this.breaks[this.breaks.length - 1] !== rowsBefore) this.breaks.push(rowsBefore);
  };

  build(cols: number, colLabels?: readonly string[], extras?: ShapedExtras): ParsedMatrix {
    // A view, not a copy: a large matrix is held once.
    const data = this.data.subarray(0, this.length);
    const matrix: ParsedMatrix = colLabels
      ? { rows: this.rows, cols, data, colLabels }
      : { rows: this.rows, cols, data };
    // Blank lines after the last row separate nothing.
    const breaks = this.breaks.filter((b) => b < this.rows);
    const broken = breaks.length > 0 ? { ...matrix, breaks } : matrix;
    if (!extras || (extras.notes.length === 0 && !extras.rowLabels && !extras.targetCells)) return broken;
    const { notes, ...rest } = extras;
    return { ...broken, ...rest, ...(notes.length > 0 ? { notes } : {}) };
  }
}
