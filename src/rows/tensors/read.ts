// Binary tensors as input: told from text by their first bytes, whatever the file's name,
// and read as rows without the text parser.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { ByteStream } from './bytes.js';
import { NPY_MAGIC, readNpyHeader } from './npy.js';
import { type RandomAccess, ZIP_MAGIC, heldBytes, memberChunks, memberKey, zipMembers } from './npz.js';
import { type RowSink, type TensorRows, readTensorRows } from './rows.js';
import { chooseMember, looksLikeSafetensors, openSafetensor } from './safetensors.js';

export type BinaryKind = 'npy' | 'npz' | 'safetensors';

/** Bytes enough to tell the kinds apart. */
export const HEAD_BYTES = 9;

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, k) => head[k] === b);

/** The binary format the first bytes of an input announce, if any. */
export function binaryKind(head: Uint8Array): BinaryKind | undefined {
  if (startsWith(head, NPY_MAGIC)) return 'npy';
  // A local file header, or the end record of an empty archive.
  if (startsWith(head, ZIP_MAGIC) && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6)))
    return 'npz';
  if (looksLikeSafetensors(head)) return 'safetensors';
  return undefined;
}

/**
 * Whether an input that starts with `prefix` (shorter than HEAD_BYTES) may still be binary:
 * text is told at once, without waiting for more bytes (a slow pipe's first line is read as
 * it comes).
 */
export function mayBeBinary(prefix: Uint8Array): boolean {
  const prefixOf = (magic: readonly number[]) => magic.every((b, k) => k >= prefix.length || prefix[k] === b);
  if (prefixOf(NPY_MAGIC) || prefixOf(ZIP_MAGIC)) return true;
  // .safetensors: a header length under 2^32 (its library allows 100 MB) is 4 zero bytes from byte 4 on.
  for (let k = 4; k < Math.min(prefix.length, 8); k++) if (prefix[k] !== 0) return false;
  return prefix.length < 4 || prefix[3] <= 0x05;
}

export interface BinaryInput {
  readonly source: MessageParam;
  /** The array asked for (`-i file.npz:NAME`). */
  readonly member?: string;
  /** The file by position, if it is a regular file (an .npz is read from its end). */
  readonly random?: () => RandomAccess | undefined;
}

/** A pipe's .npz held in memory: at most this many bytes. */
const MAX_HELD = 2 ** 31;

/** Reads the tensor of a binary input of `kind` from `stream` (at its first byte), row by row. */
export async function readBinary(
  kind: BinaryKind,
  stream: ByteStream,
  { source, member, random }: BinaryInput,
  sink: RowSink,
  between?: (bytes: number, rows: number) => Promise<void> | void,
): Promise<TensorRows> {
  if (kind === 'npy') {
    if (member !== undefined) throw new XentError('err.tensorNotArchive', { source, member, format: '.npy' });
    return readTensorRows(stream, await readNpyHeader(stream, source), source, sink, true, between);
  }
  if (kind === 'safetensors') {
    const { layout, name } = await openSafetensor(stream, source, member);
    const tensor = { key: 'source.member', params: { source, member: name } } as const;
    const read = await readTensorRows(stream, layout, tensor, sink, false, between);
    await stream.close();
    return read;
  }
  let file = random?.();
  if (file) await stream.close();
  else file = heldBytes(await holdAll(stream, source));
  try {
    const members = zipMembers(file, source);
    const key = chooseMember(
      members.map((m) => memberKey(m.name)),
      member,
      source,
    );
    const found = members.find((m) => memberKey(m.name) === key)!;
    const inner = { key: 'source.member', params: { source, member: key } } as const;
    const npy = new ByteStream(memberChunks(file, found, source));
    return await readTensorRows(npy, await readNpyHeader(npy, inner), inner, sink, true, between);
  } finally {
    file.close();
  }
}

async function holdAll(stream: ByteStream, source: MessageParam): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (let piece = await stream.take(1 << 20); piece; piece = await stream.take(1 << 20)) {
    pieces.push(piece.slice());
    size += piece.length;
    if (size > MAX_HELD) throw new XentError('err.npzTooLarge', { source });
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.length;
  }
  return all;
}
