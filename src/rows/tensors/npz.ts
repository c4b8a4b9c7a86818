// NumPy's .npz: a zip archive of .npy members (np.savez stores them, np.savez_compressed
// deflates them). The members are listed from the archive's central directory at its end,
// so the file is read by position: a regular file in place, anything else (a pipe) held first.
// Zip64 (which NumPy uses for every member) is read too; a member's CRC-32 is checked.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';

/**
 * A deflated member's bytes, inflated. node:zlib and node:stream are required here, when an
 * archive first needs them: loading them at every start was a tenth of xent's start-up.
 */
function inflated(pieces: Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const { Readable } = require('node:stream') as typeof import('node:stream');
  const { createInflateRaw } = require('node:zlib') as typeof import('node:zlib');
  return Readable.from(pieces).pipe(createInflateRaw());
}

export const ZIP_MAGIC = [0x50, 0x4b];

/** A file read by position. */
export interface RandomAccess {
  readonly size: number;
  /** `length` bytes from `position` (fewer at the end); the bytes are the caller's. */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

export interface ZipMember {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const u16 = (b: Uint8Array, k: number) => b[k] | (b[k + 1] << 8);
const u32 = (b: Uint8Array, k: number) => (b[k] | (b[k + 1] << 8) | (b[k + 2] << 16) | (b[k + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, k: number) => u32(b, k) + u32(b, k + 4) * 2 ** 32;

function corrupt(source: MessageParam, detail: string): XentError {
  return new XentError('err.tensorHeader', { source, format: '.npz', detail });
}

/** The members of the archive, from its central directory. */
export function zipMembers(file: RandomAccess, source: MessageParam): ZipMember[] {
  const tailLength = Math.min(file.size, 22 + 65535);
  const tail = file.read(file.size - tailLength, tailLength);
  let end = -1;
  for (let k = tail.length - 22; k >= 0; k--) {
    if (u32(tail, k) === 0x06054b50) {
      end = k;
      break;
    }
  }
  if (end < 0) throw corrupt(source, 'no end of central directory (cut off?)');
  let count = u16(tail, end + 10);
  let directorySize = u32(tail, end + 12);
  let directoryOffset = u32(tail, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    const locatorAt = file.size - tailLength + end - 20;
    if (locatorAt < 0) throw corrupt(source, 'no zip64 end locator');
    const locator = file.read(locatorAt, 20);
    if (u32(locator, 0) !== 0x07064b50) throw corrupt(source, 'no zip64 end locator');
    const record = file.read(u64(locator, 8), 56);
    if (u32(record, 0) !== 0x06064b50) throw corrupt(source, 'no zip64 end record');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
  }
  const directory = file.read(directoryOffset, directorySize);
  if (directory.length < directorySize) throw corrupt(source, 'the central directory is cut off');
  const members: ZipMember[] = [];
  let k = 0;
  for (let n = 0; n < count; n++) {
    if (k + 46 > directory.length || u32(directory, k) !== 0x02014b50)
      throw corrupt(source, `directory entry ${n + 1}`);
    const nameLength = u16(directory, k + 28);
    const extraLength = u16(directory, k + 30);
    const commentLength = u16(directory, k + 32);
    const name = new TextDecoder().decode(directory.subarray(k + 46, k + 46 + nameLength));
    let compressedSize = u32(directory, k + 20);
    let size = u32(directory, k + 24);
    let localOffset = u32(directory, k + 42);
    // Zip64: the real values of the fields set to 0xffffffff, in this order, in extra field 1.
    const extra = directory.subarray(k + 46 + nameLength, k + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = u16(extra, e);
      const length = u16(extra, e + 2);
      if (id === 1) {
        let at = e + 4;
        if (size === 0xffffffff) {
          size = u64(extra, at);
          at += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(extra, at);
          at += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(extra, at);
      }
      e += 4 + length;
    }
    members.push({
      name,
      flags: u16(directory, k + 8),
      method: u16(directory, k + 10),
      crc: u32(directory, k + 16),
      compressedSize,
      size,
      localOffset,
    });
    k += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** How a member is named on the command line: NumPy's key, without '.npy'. */
export function memberKey(name: string): string {
  return name.endsWith('.npy') ? name.slice(0, -4) : name;
}

const PIECE = 1 << 20;

/** A member's bytes, inflated if deflated, in chunks; its size and CRC-32 checked at its end. */
export async function* memberChunks(
  file: RandomAccess,
  member: ZipMember,
  source: MessageParam,
): AsyncIterable<Uint8Array> {
  const key = memberKey(member.name);
  if (member.flags & 1) throw new XentError('err.npzMethod', { source, member: key, method: 'encrypted' });
  if (member.method !== 0 && member.method !== 8) {
    throw new XentError('err.npzMethod', { source, member: key, method: String(member.method) });
  }
  const local = file.read(member.localOffset, 30);
  if (local.length < 30 || u32(local, 0) !== 0x04034b50) throw corrupt(source, `${key}: no local header`);
  const start = member.localOffset + 30 + u16(local, 26) + u16(local, 28);
  function* compressed(): Generator<Uint8Array> {
    for (let at = 0; at < member.compressedSize; at += PIECE) {
      const piece = file.read(start + at, Math.min(PIECE, member.compressedSize - at));
      if (piece.length === 0) return;
      yield piece;
    }
  }
  const damaged = () => new XentError('err.npzDamaged', { source, member: key });
  let crc = 0;
  let size = 0;
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
    member.method === 0 ? compressed() : inflated(compressed());
  try {
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } catch (error) {
    if (error instanceof XentError) throw error;
    throw damaged();
  }
  if (size !== member.size || crc !== member.crc) throw damaged();
}

let table: Int32Array | undefined;
/** zlib's CRC-32 (Node 20.15 and later), else the same from a table. */
function crc32(bytes: Uint8Array, previous: number): number {
  const native = (require('node:zlib') as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native) return native(bytes, previous);
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~previous;
  for (let k = 0; k < bytes.length; k++) c = table[(c ^ bytes[k]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Bytes held in memory, read by position. */
export function heldBytes(bytes: Uint8Array): RandomAccess {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length), close() {} };
}
