import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { RandomAccess } from './tensors/npz.js';

/**
 * Bytes read at a time, into one buffer reused: small enough to stay in the CPU's cache
 * between the read and the parse (4 MB reads were twice as slow here, and fresh buffers
 * slower still).
 */
export const CHUNK = 64 * 1024;

/** A byte range of an open file, read into `buffer` (its start if the range is shorter). */
export function readRange(fd: number, start: number, end: number, buffer: Uint8Array): Uint8Array {
  let filled = 0;
  while (filled < end - start) {
    const got = readSync(fd, buffer, filled, end - start - filled, start + filled);
    if (got <= 0) break;
    filled += got;
  }
  return buffer.subarray(0, filled);
}

/** A byte range in chunks of CHUNK bytes, each read into `buffer` (reused: the parser keeps no bytes). */
export function* rangeChunks(fd: number, start: number, end: number, buffer: Uint8Array): Iterable<Uint8Array> {
  for (let position = start; position < end; ) {
    const chunk = readRange(fd, position, Math.min(end, position + CHUNK), buffer);
    if (chunk.length === 0) return;
    yield chunk;
    position += chunk.length;
  }
}

/**
 * Whether `path` names a regular file, told without opening it: opening a named pipe waits
 * for a writer, and opening it twice (once to look, once to read) loses what the writer
 * wrote in between. Only a regular file has a size and may be read by position or by two
 * threads; a FIFO, /dev/stdin on a pipe, a device or a socket is a stream, read once.
 */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A file's bytes in chunks, for a reading in order. A regular file is read as rangeChunks
 * reads it, with a turn of the event loop every megabyte (for Ctrl-C); anything else (a
 * pipe, a device) as a stream, opened without blocking the event loop (a FIFO's open waits
 * for its writer, and Ctrl-C must still work meanwhile).
 */
export async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  if (!isRegularFile(path)) {
    // A missing or unreadable path fails here too, with the error of its open().
    yield* createReadStream(path, { highWaterMark: 1 << 20 });
    return;
  }
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) {
      // Replaced by something else since it was looked at: read what was opened, as a stream.
      yield* createReadStream(path, { fd, autoClose: false, highWaterMark: 1 << 20 });
      return;
    }
    const buffer = new Uint8Array(CHUNK);
    let sinceTurn = 0;
    for (const chunk of rangeChunks(fd, 0, Number.MAX_SAFE_INTEGER, buffer)) {
      yield chunk;
      sinceTurn += chunk.length;
      if (sinceTurn >= 1 << 20) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** A regular file to read by position (src/rows/tensors/npz.ts), or undefined for anything else. */
export function fileByPosition(path: string): RandomAccess | undefined {
  if (!isRegularFile(path)) return undefined;
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read: (position, length) =>
      readRange(
        fd,
        position,
        Math.min(size, position + length),
        new Uint8Array(Math.max(0, Math.min(length, size - position))),
      ),
    close: () => closeSync(fd),
  };
}
