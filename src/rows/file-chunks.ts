import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { type ChunkHint, type HintedIterator, SyncChunks, hintedLength } from './chunks.js';
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

/**
 * A byte range in chunks of CHUNK bytes (or fewer, where a hint asks), each read into
 * `buffer` (reused: the parser keeps no bytes).
 */
export function* rangeChunks(
  fd: number,
  start: number,
  end: number,
  buffer: Uint8Array,
): Generator<Uint8Array, void, ChunkHint | undefined> {
  let hint: ChunkHint | undefined;
  for (let position = start; position < end; ) {
    const chunk = readRange(fd, position, Math.min(end, position + hintedLength(CHUNK, hint)), buffer);
    if (chunk.length === 0) return;
    hint = yield chunk;
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
 * A file's bytes in chunks, for a reading in order. A regular file's are read by readSync as
 * they are pulled (SyncChunks: a binary reader takes them synchronously, `for await` with a
 * turn of the event loop every megabyte, for Ctrl-C); anything else (a pipe, a device) comes
 * as a stream, opened without blocking the event loop (a FIFO's open waits for its writer,
 * and Ctrl-C must still work meanwhile).
 */
export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return isRegularFile(path) ? new SyncChunks(() => new FileChunkIterator(path)) : streamChunks(path);
}

/** Opened when first pulled: a missing or unreadable path fails then, with the error of its open(). */
async function* streamChunks(path: string): AsyncIterable<Uint8Array> {
  yield* createReadStream(path, { highWaterMark: 1 << 20 });
}

/**
 * A file read in order into one buffer, opened when first pulled. An object rather than a
 * generator: it is pulled a thousand times in 64 MB, and V8 optimises it at little cost.
 */
class FileChunkIterator implements HintedIterator<Uint8Array> {
  private fd = -1;
  private position = 0;
  /** Replaced by something else since it was looked at (a FIFO): what was opened is read in order. */
  private regular = true;
  private closed = false;
  private readonly buffer = new Uint8Array(CHUNK);

  constructor(private readonly path: string) {}

  next(hint?: ChunkHint): IteratorResult<Uint8Array> {
    if (this.closed) return { value: undefined, done: true };
    let got: number;
    try {
      if (this.fd < 0) {
        this.fd = openSync(this.path, 'r');
        this.regular = fstatSync(this.fd).isFile();
      }
      // null: from where the last read ended, waiting for the bytes of a pipe.
      got = readSync(this.fd, this.buffer, 0, hintedLength(CHUNK, hint), this.regular ? this.position : null);
    } catch (error) {
      this.return();
      throw error;
    }
    if (got <= 0) return this.return();
    this.position += got;
    return { value: this.buffer.subarray(0, got), done: false };
  }

  return(): IteratorResult<Uint8Array> {
    if (!this.closed) {
      this.closed = true;
      if (this.fd >= 0) closeSync(this.fd);
    }
    return { value: undefined, done: true };
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
