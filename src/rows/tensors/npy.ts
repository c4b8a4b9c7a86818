// NumPy's .npy format (versions 1, 2 and 3): the magic "\x93NUMPY", the version, the length
// of the header, the header (a Python dict literal: descr, fortran_order, shape), padded so
// the data starts on a multiple of 16 or 64 bytes, then the data.
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { ByteStream } from './bytes.js';
import type { Dtype } from './dtype.js';
import type { TensorLayout } from './rows.js';
import { NPY_MAGIC } from '../../format/npy.js';

export { NPY_MAGIC } from '../../format/npy.js';

/** The longest header read (NumPy itself refuses more than 10 000 bytes by default). */
const MAX_HEADER = 1 << 20;

function headerError(source: MessageParam, detail: string): XentError {
  return new XentError('err.tensorHeader', { source, format: '.npy', detail });
}

/** Reads the magic, version and header from `bytes`; leaves it at the first byte of the data. */
export async function readNpyHeader(bytes: ByteStream, source: MessageParam): Promise<TensorLayout> {
  const start = await bytes.read(8);
  if (start.length < 8)
    throw new XentError('err.tensorTruncated', { source, shape: '?', dtype: '?', expected: 10, got: start.length });
  if (!NPY_MAGIC.every((b, k) => start[k] === b)) throw headerError(source, 'not an .npy array');
  const major = start[6];
  if (major < 1 || major > 3) throw headerError(source, `version ${major}.${start[7]}`);
  const lengthBytes = await bytes.read(major === 1 ? 2 : 4);
  if (lengthBytes.length < (major === 1 ? 2 : 4)) throw headerError(source, 'no header length');
  const view = new DataView(lengthBytes.buffer);
  const length = major === 1 ? view.getUint16(0, true) : view.getUint32(0, true);
  if (length > MAX_HEADER) throw headerError(source, `a header of ${length} bytes`);
  const raw = await bytes.read(length);
  if (raw.length < length) throw headerError(source, 'the header is cut off');
  const text = headerText(raw, major);
  return layoutOfHeader(text, source);
}

/**
 * The layout of the .npy whose first bytes are `head`, and where its data starts, read at
 * once (a file cut into pieces for two threads); undefined if `head` is too short.
 */
export function npyLayoutOf(
  head: Uint8Array,
  source: MessageParam,
): { layout: TensorLayout; dataStart: number } | undefined {
  if (head.length < 12 || !NPY_MAGIC.every((b, k) => head[k] === b)) return undefined;
  const major = head[6];
  if (major < 1 || major > 3) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  const lengthEnd = major === 1 ? 10 : 12;
  const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (head.length < lengthEnd + length) return undefined;
  const text = headerText(head.subarray(lengthEnd, lengthEnd + length), major);
  return { layout: layoutOfHeader(text, source), dataStart: lengthEnd + length };
}

/**
 * A header's text: UTF-8 in version 3, else latin1 (as TextDecoder reads it: windows-1252).
 * ASCII, as NumPy writes it, is read byte by byte: the first latin1 TextDecoder.decode of a
 * process took 1 to 10 ms, a good part of a 67 MB .npy's first read.
 */
function headerText(raw: Uint8Array, major: number): string {
  let text = '';
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] >= 0x80) return new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(raw);
    text += String.fromCharCode(raw[k]);
  }
  return text;
}

/** The dict of an .npy header as its layout. */
export function layoutOfHeader(text: string, source: MessageParam): TensorLayout {
  let value: PyValue;
  try {
    value = parsePython(text.trim());
  } catch {
    throw headerError(source, text.trim());
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof PyTuple) {
    throw headerError(source, text.trim());
  }
  const dict = value as Record<string, PyValue>;
  const { descr, fortran_order: fortran, shape } = dict;
  if (typeof fortran !== 'boolean') throw headerError(source, text.trim());
  if (
    !(shape instanceof PyTuple) ||
    !shape.items.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    throw headerError(source, text.trim());
  }
  if (typeof descr !== 'string') {
    // A list of fields: a structured array (records), not numbers.
    throw new XentError('err.tensorDtype', { source, dtype: 'structured', why: { key: 'tensor.why.structured' } });
  }
  return { dtype: npyDtype(descr, source), shape: shape.items as number[], fortran };
}

/** A NumPy type string ('<f8', '|b1', '>i4') as a Dtype, or the error naming what it is. */
export function npyDtype(descr: string, source: MessageParam): Dtype {
  const m = /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(descr);
  const order = m?.[1] ?? '';
  const code = m?.[2] ?? '';
  const size = Number(m?.[3] ?? 0);
  // '|' and '=' are for one-byte types (and native order, little on every machine NumPy writes for here).
  const little = order !== '>';
  const numeric: Record<string, Dtype['kind']> = { f: 'f', i: 'i', u: 'u', b: 'b' };
  const kind = numeric[code];
  const sizes: Record<string, number[]> = { f: [2, 4, 8], i: [1, 2, 4, 8], u: [1, 2, 4, 8], b: [1] };
  if (kind && sizes[code].includes(size)) return { kind, size: size as Dtype['size'], little, name: descr };
  const why =
    code === 'c'
      ? 'tensor.why.complex'
      : code === 'O'
        ? 'tensor.why.object'
        : code === 'U' || code === 'S' || code === 'a'
          ? 'tensor.why.text'
          : code === 'M' || code === 'm'
            ? 'tensor.why.time'
            : 'tensor.why.other';
  throw new XentError('err.tensorDtype', { source, dtype: descr, why: { key: why } });
}

// The few Python literals an .npy header holds.
class PyTuple {
  constructor(readonly items: PyValue[]) {}
}
type PyValue = string | number | boolean | null | PyValue[] | PyTuple | { [key: string]: PyValue };

function parsePython(text: string): PyValue {
  let k = 0;
  const space = () => {
    while (k < text.length && /\s/.test(text[k])) k++;
  };
  const fail = (): never => {
    throw new Error(`at ${k}`);
  };
  const value = (): PyValue => {
    space();
    const c = text[k];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, k + 1);
      if (end < 0) fail();
      const s = text.slice(k + 1, end);
      k = end + 1;
      return s;
    }
    if (c === '{' || c === '[' || c === '(') {
      const close = c === '{' ? '}' : c === '[' ? ']' : ')';
      k++;
      const items: PyValue[] = [];
      const dict: Record<string, PyValue> = {};
      for (;;) {
        space();
        if (text[k] === close) {
          k++;
          break;
        }
        const item = value();
        if (c === '{') {
          space();
          if (text[k] !== ':' || typeof item !== 'string') fail();
          k++;
          dict[item as string] = value();
        } else items.push(item);
        space();
        if (text[k] === ',') k++;
        else if (text[k] !== close) fail();
      }
      return c === '{' ? dict : c === '[' ? items : new PyTuple(items);
    }
    const word = /^[-+\w.]+/.exec(text.slice(k))?.[0] ?? fail();
    k += word.length;
    if (word === 'True' || word === 'False') return word === 'True';
    if (word === 'None') return null;
    // Shapes are ints; NumPy may write them as 3L (Python 2).
    const n = Number(word.replace(/L$/, ''));
    if (!Number.isFinite(n)) fail();
    return n;
  };
  const result = value();
  space();
  if (k !== text.length) fail();
  return result;
}
