// A binary tensor's data as rows: a 2-D array as it is, a 1-D array as one row, a 0-D array
// as one value, and more dimensions flattened to rows of the last one (with a note). In C
// order each row is handed out as its bytes arrive (a view when they are already doubles);
// in Fortran order a row's values are spread over the whole data, which is held first.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { InputNote } from '../../text/columns.js';
import { TURN_BYTES, nextTurn } from '../chunks.js';
import type { ByteStream } from './bytes.js';
import { type Dtype, decoderFor, isHostFloat32, isHostFloat64 } from './dtype.js';
import { float32Rows } from './float32-rows.js';

export interface TensorLayout {
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  /** Column-major (NumPy's fortran_order). */
  readonly fortran: boolean;
}

// InputNote (text/columns.ts): something the user should know about how the input was read (a warning).
export type { InputNote } from '../../text/columns.js';

export interface TensorRows {
  readonly rows: number;
  readonly cols: number;
  readonly notes: readonly InputNote[];
}

export type RowSink = (row: Float64Array, index: number) => void;

/** A shape as people write it: 4096×4096, (3,) as 3, () as a scalar's 1. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? '()' : shape.join('×');
}

/** The sum of the values in four running sums (four adds at once, where one waits for the last). */
function sumOf(values: Float64Array): number {
  const n = values.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    a += values[j];
    b += values[j + 1];
    c += values[j + 2];
    d += values[j + 3];
  }
  for (; j < n; j++) a += values[j];
  return a + b + c + d;
}

/** Rows and columns of a shape, and how many bytes its data takes. */
export function matrixOf(layout: TensorLayout, source: MessageParam): { rows: number; cols: number; bytes: number } {
  const { shape, dtype } = layout;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  let rows = 1;
  for (let d = 0; d < shape.length - 1; d++) rows *= shape[d];
  const bytes = rows * cols * dtype.size;
  if (!Number.isSafeInteger(bytes)) {
    throw new XentError('err.tensorTooLarge', { source, shape: shapeText(shape), dtype: dtype.name });
  }
  return { rows, cols, bytes };
}

/**
 * Reads the data of `layout` from `bytes` (its header already read), handing each row to
 * `sink`. `exact`: the data must end the input (a .npy); else what follows is left unread
 * (the other tensors of a .safetensors).
 */
export async function readTensorRows(
  bytes: ByteStream,
  layout: TensorLayout,
  source: MessageParam,
  sink: RowSink,
  exact: boolean,
  between?: (bytes: number, rows: number) => Promise<void> | void,
  /** The rows before these, read elsewhere (a piece of a file read by two threads). */
  firstRow = 0,
  /** `wasm: false`: float32 through the JavaScript path alone (tests compare the two). */
  options: { readonly wasm?: boolean } = {},
): Promise<TensorRows> {
  const { dtype, shape } = layout;
  const { rows, cols, bytes: dataBytes } = matrixOf(layout, source);
  const notes: InputNote[] = [];
  if (shape.length > 2 && rows * cols > 0 && firstRow === 0) {
    notes.push({ key: 'warn.tensorFlattened', params: { source, shape: shapeText(shape), rows, cols } });
  }
  const decode = decoderFor(dtype);
  const checksNan = dtype.kind === 'f' || dtype.kind === 'bf';
  const row = new Float64Array(cols);
  let inexact = 0;
  let index = firstRow;
  const nanAt = (col: number) => new XentError('err.nan', { token: 'nan', row: index + 1, col: col + 1, source });
  const emit = (values: Float64Array) => {
    if (checksNan && Number.isNaN(sumOf(values))) {
      // A NaN makes the sum NaN (so may inf − inf): only then is each value looked at.
      for (let j = 0; j < values.length; j++) if (Number.isNaN(values[j])) throw nanAt(j);
    }
    sink(values, index++);
  };
  const truncated = (got: number) =>
    new XentError('err.tensorTruncated', {
      source,
      shape: shapeText(shape),
      dtype: dtype.name,
      expected: dataBytes,
      got,
    });

  if (layout.fortran && shape.length > 1 && rows * cols > 0) {
    // Column-major: the whole data first, then each row gathered from it.
    const all = new Float64Array(rows * cols);
    const data = await bytes.read(dataBytes);
    if (data.length < dataBytes) throw truncated(data.length);
    inexact += decode(data, 0, rows * cols, all);
    // The element at C-order index (i0, …, in) sits at Σ i_d · stride_d, stride_d = Π shape[<d].
    const strides: number[] = [];
    for (let d = 0, s = 1; d < shape.length; s *= shape[d], d++) strides.push(s);
    const leading = shape.slice(0, -1);
    const at = new Array<number>(leading.length).fill(0);
    const last = strides[shape.length - 1];
    for (let i = 0; i < rows; i++) {
      let base = 0;
      for (let d = 0; d < leading.length; d++) base += at[d] * strides[d];
      for (let j = 0; j < cols; j++) row[j] = all[base + j * last];
      emit(row);
      // The next index of the leading dimensions, the last one fastest (C order).
      for (let d = leading.length - 1; d >= 0; d--) {
        if (++at[d] < leading[d]) break;
        at[d] = 0;
      }
    }
  } else {
    const rowBytes = cols * dtype.size;
    const asView = isHostFloat64(dtype);
    // float32 in the host's order: converted and checked for NaN in one pass, where it can be.
    const floats = isHostFloat32(dtype) && cols > 0 ? float32Rows(cols, options.wasm !== false) : undefined;
    const staged = new Uint8Array(rowBytes);
    let filled = 0;
    let left = dataBytes;
    // One function for the type, chosen once: each is small for V8 to optimise, and so is `cut`, which calls it.
    const decoded = (from: Uint8Array, offset: number) => {
      inexact += decode(from, offset, cols, row);
      emit(row);
    };
    const rowAt = asView
      ? (from: Uint8Array, offset: number) => {
          if ((from.byteOffset + offset) % 8 === 0) emit(new Float64Array(from.buffer, from.byteOffset + offset, cols));
          else decoded(from, offset);
        }
      : floats
        ? (from: Uint8Array, offset: number) => {
            const { row: values, nan } = floats.convert(from, offset);
            if (nan >= 0) throw nanAt(nan);
            sink(values, index++);
          }
        : decoded;
    // A chunk's rows; the start of a row its end cuts is staged for the next.
    const cut = (piece: Uint8Array) => {
      let k = 0;
      if (filled > 0) {
        // The rest of a row the last chunk cut.
        const n = Math.min(rowBytes - filled, piece.length);
        staged.set(piece.subarray(0, n), filled);
        filled += n;
        k = n;
        if (filled === rowBytes) {
          rowAt(staged, 0);
          filled = 0;
        }
      }
      for (; k + rowBytes <= piece.length; k += rowBytes) rowAt(piece, k);
      if (k < piece.length) {
        staged.set(piece.subarray(k), 0);
        filled = piece.length - k;
      }
    };
    // The chunks at hand, up to `limit` bytes: a source pulled synchronously (a regular file) is
    // read here, with no await between its chunks; this loop stays small, and hot, apart
    // from the async loop below, which turns once a megabyte.
    const cutNow = (limit: number): number => {
      let got = 0;
      for (let piece = bytes.takeNow(limit); piece; piece = bytes.takeNow(limit - got)) {
        cut(piece);
        got += piece.length;
      }
      return got;
    };
    bytes.alignChunks(rowBytes);
    let sinceTurn = 0;
    while (left > 0) {
      let got = cutNow(Math.min(left, TURN_BYTES));
      if (got === 0) {
        const piece = await bytes.take(left);
        if (!piece) throw truncated(dataBytes - left);
        cut(piece);
        got = piece.length;
      }
      left -= got;
      await between?.(bytes.offset, index);
      sinceTurn += got;
      if (sinceTurn >= TURN_BYTES) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
  }
  if (exact && (await bytes.hasMore())) {
    const extra = await bytes.skip(Number.MAX_SAFE_INTEGER);
    throw new XentError('err.tensorTrailing', { source, shape: shapeText(shape), dtype: dtype.name, extra });
  }
  if (index === firstRow) throw new XentError('err.tensorEmpty', { source, shape: shapeText(shape) });
  if (inexact > 0) notes.push({ key: 'warn.tensorInexact', params: { source, count: inexact } });
  return { rows, cols, notes };
}
