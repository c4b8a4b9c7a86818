// Hugging Face's .safetensors: an 8-byte little-endian header length N, N bytes of JSON
// ({"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": …}),
// then the tensors' bytes, little-endian and in C order, at their offsets after the header.
// https://github.com/huggingface/safetensors#format
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { ByteStream } from './bytes.js';
import type { Dtype } from './dtype.js';
import { type TensorLayout, matrixOf, shapeText } from './rows.js';

/** The safetensors library refuses headers over 100 MB. */
const MAX_HEADER = 100_000_000;

const DTYPES: Record<string, Omit<Dtype, 'name' | 'little'>> = {
  F16: { kind: 'f', size: 2 },
  BF16: { kind: 'bf', size: 2 },
  F32: { kind: 'f', size: 4 },
  F64: { kind: 'f', size: 8 },
  I8: { kind: 'i', size: 1 },
  I16: { kind: 'i', size: 2 },
  I32: { kind: 'i', size: 4 },
  I64: { kind: 'i', size: 8 },
  U8: { kind: 'u', size: 1 },
  U16: { kind: 'u', size: 2 },
  U32: { kind: 'u', size: 4 },
  U64: { kind: 'u', size: 8 },
  BOOL: { kind: 'b', size: 1 },
};

/** Whether the first bytes are a safetensors header: a length below 2^32 (4 zero bytes, never in text), then '{'. */
export function looksLikeSafetensors(head: Uint8Array): boolean {
  return head.length >= 9 && head[4] === 0 && head[5] === 0 && head[6] === 0 && head[7] === 0 && head[8] === 0x7b;
}

interface Entry {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly offsets: readonly [number, number];
}

function headerError(source: MessageParam, detail: string): XentError {
  return new XentError('err.tensorHeader', { source, format: '.safetensors', detail });
}

/**
 * Reads the header and passes over the data up to the tensor named `member` (the only one
 * when none is named); returns its layout, `bytes` at its first byte.
 */
export async function openSafetensor(
  bytes: ByteStream,
  source: MessageParam,
  member: string | undefined,
): Promise<{ layout: TensorLayout; name: string }> {
  const lengthBytes = await bytes.read(8);
  const length = Number(new DataView(lengthBytes.buffer).getBigUint64(0, true));
  if (length > MAX_HEADER) throw headerError(source, `a header of ${length} bytes`);
  const raw = await bytes.read(length);
  if (raw.length < length) throw headerError(source, 'the header is cut off');
  const text = new TextDecoder().decode(raw);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw headerError(source, text.slice(0, 60));
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw headerError(source, text.slice(0, 60));
  const names = Object.keys(header).filter((name) => name !== '__metadata__');
  const name = chooseMember(names, member, source);
  const entry = entryOf(header[name], name, source);
  const kind = DTYPES[entry.dtype];
  if (!kind) {
    const why = /^C/.test(entry.dtype) ? 'tensor.why.complex' : 'tensor.why.other';
    throw new XentError('err.tensorDtype', { source, dtype: entry.dtype, why: { key: why } });
  }
  const layout: TensorLayout = {
    dtype: { ...kind, little: true, name: entry.dtype },
    shape: entry.shape,
    fortran: false,
  };
  const [begin, end] = entry.offsets;
  const needed = matrixOf(layout, source).bytes;
  if (end - begin !== needed) {
    throw new XentError('err.tensorOffsets', {
      source,
      name,
      shape: shapeText(entry.shape),
      dtype: entry.dtype,
      expected: needed,
      got: end - begin,
    });
  }
  const skipped = await bytes.skip(begin);
  if (skipped < begin) {
    throw new XentError('err.tensorTruncated', {
      source,
      shape: shapeText(entry.shape),
      dtype: entry.dtype,
      expected: needed,
      got: 0,
    });
  }
  return { layout, name };
}

function entryOf(value: unknown, name: string, source: MessageParam): Entry {
  const v = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  const isCount = (d: unknown) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0;
  if (
    !v ||
    typeof v.dtype !== 'string' ||
    !Array.isArray(v.shape) ||
    !v.shape.every(isCount) ||
    !Array.isArray(v.data_offsets) ||
    v.data_offsets.length !== 2 ||
    !v.data_offsets.every(isCount) ||
    v.data_offsets[1] < v.data_offsets[0]
  ) {
    throw headerError(source, `${name}: ${JSON.stringify(value)?.slice(0, 60)}`);
  }
  return { dtype: v.dtype, shape: v.shape as number[], offsets: v.data_offsets as [number, number] };
}

/** The member asked for, or the only one; the error lists what there is. */
export function chooseMember(names: readonly string[], member: string | undefined, source: MessageParam): string {
  if (member !== undefined) {
    if (names.includes(member)) return member;
    throw new XentError('err.tensorNoMember', { source, member, members: memberList(names) });
  }
  if (names.length === 1) return names[0];
  if (names.length === 0) throw new XentError('err.tensorNoArrays', { source });
  throw new XentError('err.tensorWhichMember', { source, members: memberList(names) });
}

/** Names for a message: the first 20, then how many more. */
function memberList(names: readonly string[]): MessageParam {
  if (names.length <= 20) return { list: names };
  return { key: 'tensor.moreMembers', params: { shown: { list: names.slice(0, 20) }, more: names.length - 20 } };
}
