// A piped input copied to a temporary file as it is read, so that a plan reading its input
// twice (retrieval's ranks: src/commands/streams/retrieval.ts) can read a pipe twice too, in
// bounded memory; or binary data a plan keeps out of memory (the rows of softmax -f json:
// src/rows/held-rows.ts). The file is created under os.tmpdir() (TMPDIR) with a unique name, readable
// by its owner only, and unlinked at once: its bytes live as long as the descriptor, which the
// kernel closes whatever ends the process (an error, Ctrl-C, kill -9), so nothing is left
// behind. Where an open file cannot be unlinked (Windows without POSIX semantics), it is
// removed when the spill is closed instead.
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XentError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { CHUNK, rangeChunks, readRange } from './file-chunks.js';

export interface Spill {
  /** The input's bytes as they arrive, each chunk copied to the file before it is passed on. */
  copy(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncIterable<Uint8Array | string>;
  /** The bytes copied so far, read back from the file in chunks (with a turn of the event loop every megabyte). */
  readBack(): AsyncIterable<Uint8Array>;
  /** Appends bytes to the file. */
  write(bytes: Uint8Array): void;
  /** Fills `buffer` with the file's bytes from byte `position` on (the file must hold them). */
  readAt(position: number, buffer: Uint8Array): void;
  /** Closes the file (and removes it, if it could not be unlinked when made). Safe to call twice. */
  close(): void;
}

/** "ENOSPC: no space left on device, write" → "no space left on device". */
function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return message ? message.replace(/^[A-Z]+: /, '').replace(/, \w+( '[^']*')?$/, '') : (code ?? String(error));
}

function spillError(dir: string, error: unknown): XentError {
  return new XentError('err.spillWrite', { dir, reason: reasonOf(error) }, false, EXIT.output);
}

/** A new temporary file under `dir` (default os.tmpdir()): see the top of this file. */
export function openSpill(dir: string = tmpdir()): Spill {
  let fd = -1;
  let path = '';
  for (let attempt = 0; fd < 0; attempt++) {
    path = join(dir, `xent-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      // 'wx+': created here and now (never someone else's file or a symlink planted at the name).
      fd = openSync(path, 'wx+', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw spillError(dir, error);
    }
  }
  let linked = true;
  try {
    unlinkSync(path);
    linked = false;
  } catch {
    // Removed at close instead.
  }
  let size = 0;
  let open = true;
  const write = (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done, size + done);
      } catch (error) {
        throw spillError(dir, error);
      }
    }
    size += bytes.length;
  };
  return {
    async *copy(chunks) {
      for await (const chunk of chunks) {
        write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        yield chunk;
      }
    },
    write,
    readAt(position, buffer) {
      let got: number;
      try {
        got = position + buffer.length <= size ? readRange(fd, position, position + buffer.length, buffer).length : -1;
      } catch (error) {
        throw spillError(dir, error);
      }
      // Only this process has the file (unlinked, or private to its owner): bytes missing is a bug.
      if (got !== buffer.length) throw new Error(`temporary file: ${buffer.length} bytes at ${position}, ${got} read`);
    },
    async *readBack() {
      const buffer = new Uint8Array(CHUNK);
      let sinceTurn = 0;
      for (const chunk of rangeChunks(fd, 0, size, buffer)) {
        yield chunk;
        sinceTurn += chunk.length;
        if (sinceTurn >= 1 << 20) {
          sinceTurn = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      if (linked) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
    },
  };
}
