// The element types xent reads from binary tensors, and how each becomes a double.
// float16/32/64, bfloat16, int8–64, uint8–64 and bool, in either byte order. Every one but
// 64-bit integers beyond 2^53 is held exactly by a double.
import { HOST_LITTLE } from '../../format/npy.js';

export interface Dtype {
  /** f: IEEE float, bf: bfloat16, i: signed, u: unsigned integer, b: bool. */
  readonly kind: 'f' | 'bf' | 'i' | 'u' | 'b';
  readonly size: 1 | 2 | 4 | 8;
  readonly little: boolean;
  /** As the file names it ('<f4', 'BF16'), for messages. */
  readonly name: string;
}

/** Writes `count` values from `bytes` at `offset` into `out` (from 0); returns how many 64-bit integers were beyond 2^53. */
export type Decoder = (bytes: Uint8Array, offset: number, count: number, out: Float64Array) => number;

type Viewable =
  | Float32ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor;

function viewOf(dtype: Dtype): Viewable | Float64ArrayConstructor | undefined {
  const { kind, size } = dtype;
  if (kind === 'f') return size === 4 ? Float32Array : size === 8 ? Float64Array : undefined;
  if (kind === 'i') return size === 1 ? Int8Array : size === 2 ? Int16Array : size === 4 ? Int32Array : undefined;
  if (kind === 'u' || kind === 'b')
    return size === 1 ? Uint8Array : size === 2 ? Uint16Array : size === 4 ? Uint32Array : undefined;
  return undefined;
}

/** Whether a row of this type in host order can be handed out as a view, with no copy. */
export function isHostFloat64(dtype: Dtype): boolean {
  return dtype.kind === 'f' && dtype.size === 8 && dtype.little === HOST_LITTLE;
}

/** Whether this is float32 in host order (converted by src/rows/tensors/float32-rows.ts). */
export function isHostFloat32(dtype: Dtype): boolean {
  return dtype.kind === 'f' && dtype.size === 4 && dtype.little === HOST_LITTLE;
}

/** float16 bits → its value (exact in a double). */
function halfToNumber(h: number): number {
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

let halfTable: Float64Array | undefined;
/** All 65 536 float16 values, made once when first needed (512 KB). */
function halves(): Float64Array {
  if (!halfTable) {
    halfTable = new Float64Array(65536);
    for (let h = 0; h < 65536; h++) halfTable[h] = halfToNumber(h);
  }
  return halfTable;
}

const TWO_53 = 2 ** 53;
const BF16 = new Float32Array(1);
const BF16_BITS = new Uint32Array(BF16.buffer);

export function decoderFor(dtype: Dtype): Decoder {
  const { kind, size, little } = dtype;
  const View = viewOf(dtype);
  if (View && (size === 1 || little === HOST_LITTLE)) {
    // The common case: a typed array over the bytes, converted by set() (aligned bytes), or
    // the bytes copied first to an aligned place.
    let aligned = new Uint8Array(0);
    return (bytes, offset, count, out) => {
      const at = bytes.byteOffset + offset;
      if (at % size === 0) {
        out.set(new View(bytes.buffer as ArrayBuffer, at, count));
      } else {
        if (aligned.length < count * size) aligned = new Uint8Array(count * size);
        aligned.set(bytes.subarray(offset, offset + count * size));
        out.set(new View(aligned.buffer, 0, count));
      }
      if (kind === 'b') for (let j = 0; j < count; j++) out[j] = out[j] === 0 ? 0 : 1;
      return 0;
    };
  }
  if (kind === 'f' && size === 2) {
    const table = halves();
    return (bytes, offset, count, out) => {
      for (let j = 0, k = offset; j < count; j++, k += 2)
        out[j] = table[little ? bytes[k] | (bytes[k + 1] << 8) : (bytes[k] << 8) | bytes[k + 1]];
      return 0;
    };
  }
  if (kind === 'bf') {
    // bfloat16 is the upper half of a float32.
    return (bytes, offset, count, out) => {
      for (let j = 0, k = offset; j < count; j++, k += 2) {
        BF16_BITS[0] = (little ? bytes[k] | (bytes[k + 1] << 8) : (bytes[k] << 8) | bytes[k + 1]) << 16;
        out[j] = BF16[0];
      }
      return 0;
    };
  }
  // The rest through a DataView: the other byte order, and 64-bit integers.
  return (bytes, offset, count, out) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * size);
    let inexact = 0;
    for (let j = 0; j < count; j++) {
      const k = j * size;
      let x: number;
      if (kind === 'f') x = size === 4 ? view.getFloat32(k, little) : view.getFloat64(k, little);
      else if (size === 8) {
        x = Number(kind === 'i' ? view.getBigInt64(k, little) : view.getBigUint64(k, little));
        if (Math.abs(x) > TWO_53) inexact++;
      } else if (kind === 'i')
        x = size === 1 ? view.getInt8(k) : size === 2 ? view.getInt16(k, little) : view.getInt32(k, little);
      else x = size === 1 ? view.getUint8(k) : size === 2 ? view.getUint16(k, little) : view.getUint32(k, little);
      out[j] = kind === 'b' ? (x === 0 ? 0 : 1) : x;
    }
    return inexact;
  };
}
