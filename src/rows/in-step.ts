// Two inputs read row by row together (distill's --student and --teacher): row k of each
// reaches the caller at once, and neither input is ever held whole. Each input is read by
// parseInput, as a single input is; the one that gets ahead waits after its chunk until the
// other catches up, so at most a chunk of rows is kept, copied, on one side.
import { XentError } from '../core/errors.js';
import { rowView } from '../core/matrix.js';
import type { MessageParam } from '../i18n/messages.js';
import type { InputNote } from '../text/columns.js';
import { type OptionRows, parseInput } from './input.js';

/** One of the two inputs: its rows, and how messages name it (the option, and its file). */
export interface StepInput {
  readonly name: MessageParam;
  readonly rows: OptionRows;
}

/** What reading both found: their common shape, and the notes of each (the first's first). */
export interface InStepRead {
  readonly rows: number;
  readonly cols: number;
  readonly notes: readonly InputNote[];
}

/** How messages name an option's matrix: the option, with its file when it is one (@FILE). */
export function stepInputName(option: string, rows: OptionRows): MessageParam {
  return rows.kind === 'file'
    ? { key: 'source.optionFile', params: { option, source: rows.opened.source } }
    : { key: 'source.option', params: { option } };
}

/** Thrown into the reading of one input once the other has failed: it stops there, its file closed. */
const STOP = new Error('stopped: the other input failed');

interface Side {
  readonly input: StepInput;
  /** Rows read but not yet paired (copies), oldest first; only one side has any at a time. */
  readonly queue: Float64Array[];
  /** Row buffers paired already, to copy the next rows into. */
  readonly spare: Float64Array[];
  rows: number;
  bytes: number;
  done: boolean;
  notes: readonly InputNote[];
  wake?: () => void;
}

/**
 * Reads `first` and `second` in step: `onRows(a, b, index)` gets row `index` (0-based) of
 * each (views: copy what you keep). Both must have the same number of rows and of columns;
 * the error names the input that ends early or the row whose widths differ, and both inputs.
 * `between` runs after each chunk of either (to flush output, show progress), one at a time,
 * with the bytes read of both and the rows paired so far. An error in either input stops
 * the other; the first error found is thrown.
 */
export async function readInStep(
  first: StepInput,
  second: StepInput,
  onRows: (a: Float64Array, b: Float64Array, index: number) => void,
  between?: (bytes: number, rows: number) => Promise<void> | void,
): Promise<InStepRead> {
  const side = (input: StepInput): Side => ({
    input,
    queue: [],
    spare: [],
    rows: 0,
    bytes: 0,
    done: false,
    notes: [],
  });
  const sides = [side(first), side(second)] as const;
  let paired = 0;
  let cols = 0;
  let failure: { readonly error: unknown } | undefined;
  // The caller's `between`, one call at a time (it writes output, in order).
  let outer: Promise<void> = Promise.resolve();

  const wake = (s: Side) => {
    const w = s.wake;
    s.wake = undefined;
    w?.();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    for (const s of sides) wake(s);
  };
  const ended = (short: Side, long: Side) =>
    new XentError('err.inStep.rows', { short: short.input.name, rows: short.rows, long: long.input.name });
  const pair = (a: Float64Array, b: Float64Array) => {
    if (a.length !== b.length) {
      throw new XentError('err.inStep.width', {
        row: paired + 1,
        first: first.name,
        firstCols: a.length,
        second: second.name,
        secondCols: b.length,
      });
    }
    cols = a.length;
    onRows(a, b, paired);
    paired++;
  };

  const read = async (me: 0 | 1): Promise<void> => {
    const mine = sides[me];
    const other = sides[1 - me];
    const copies = mine.input.rows.kind === 'file';
    const sink = (row: Float64Array) => {
      if (failure) throw STOP;
      if (other.queue.length > 0) {
        const held = other.queue.shift()!;
        if (me === 0) pair(row, held);
        else pair(held, row);
        if (other.input.rows.kind === 'file') other.spare.push(held);
        if (other.queue.length === 0) wake(other);
      } else if (other.done) {
        mine.rows++;
        throw ended(other, mine);
      } else {
        // The reader reuses its row: a row that waits is copied.
        const spare = copies ? mine.spare.pop() : undefined;
        if (!copies) mine.queue.push(row);
        else if (spare?.length === row.length) {
          spare.set(row);
          mine.queue.push(spare);
        } else mine.queue.push(row.slice());
      }
      mine.rows++;
    };
    const step = async (bytes: number) => {
      if (failure) throw STOP;
      mine.bytes = bytes;
      const rows = paired;
      outer = outer.then(() => between?.(sides[0].bytes + sides[1].bytes, rows));
      await outer;
      // Ahead of the other: wait until it has paired what this side read.
      while (mine.queue.length > 0 && !other.done && !failure) {
        await new Promise<void>((resolve) => {
          mine.wake = resolve;
        });
      }
      if (failure) throw STOP;
    };
    const { rows } = mine.input;
    if (rows.kind === 'file') {
      const got = await parseInput(rows.opened, sink, step);
      mine.notes = got.notes;
    } else {
      const m = rows.matrix;
      for (let i = 0; i < m.rows; i++) {
        sink(rowView(m, i));
        await step(0);
      }
      mine.notes = m.notes ?? [];
    }
    mine.done = true;
    if (other.queue.length > 0) throw ended(mine, other);
    wake(other);
  };

  await Promise.allSettled([read(0).catch(fail), read(1).catch(fail)]);
  if (failure) throw failure.error;
  return { rows: paired, cols, notes: sides[0].notes.concat(sides[1].notes) };
}
