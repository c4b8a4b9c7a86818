// `-f npy`: the main result matrix as a NumPy .npy file (version 1.0, float64, C order),
// which np.load reads back. The header names the shape before the data, so the rows are
// gathered first (into blocks of doubles, as large as the matrix, not as its text).
import { XentError } from '../core/errors.js';
import type { DataMatrix } from '../report/report.js';

/** Whether this machine stores numbers little-endian (every one NumPy runs on but a few). */
export const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The first bytes of every .npy file: "\x93NUMPY". */
export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** Doubles per block: 1 MB. */
const BLOCK_VALUES = 1 << 17;

/** The magic, version 1.0, the header's length and the header, padded to 64 bytes as NumPy does. */
export function npyHeader(shape: readonly number[]): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '${HOST_LITTLE ? '<' : '>'}f8', 'fortran_order': False, 'shape': (${dims}), }`;
  const unpadded = 10 + dict.length + 1;
  const text = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const header = new Uint8Array(10 + text.length);
  header.set(NPY_MAGIC);
  header.set([1, 0, text.length & 0xff, text.length >> 8], NPY_MAGIC.length);
  for (let k = 0; k < text.length; k++) header[10 + k] = text.charCodeAt(k);
  return header;
}

/** The .npy bytes of `data`'s rows: the header, then blocks of the values. */
export function* npyPieces(data: DataMatrix): Generator<Uint8Array> {
  const blocks: { values: Float64Array; used: number }[] = [];
  let block = new Float64Array(BLOCK_VALUES);
  let used = 0;
  let rows = 0;
  let cols = -1;
  for (const row of data.rows) {
    if (cols < 0) cols = row.length;
    else if (row.length !== cols) {
      throw new XentError('err.internal', { message: `-f npy: row ${rows + 1} has ${row.length} values, not ${cols}` });
    }
    for (let j = 0; j < row.length; j++) {
      if (used === block.length) {
        blocks.push({ values: block, used });
        block = new Float64Array(BLOCK_VALUES);
        used = 0;
      }
      block[used++] = row[j];
    }
    rows++;
  }
  blocks.push({ values: block, used });
  yield npyHeader([rows, Math.max(cols, 0)]);
  for (const { values, used } of blocks) {
    if (used > 0) yield new Uint8Array(values.buffer, 0, used * 8);
  }
}
