// Writing to a file descriptor, checked to its last byte. Only the entry points (src/main.ts,
// src/main-quick.ts) use this.
//
// Node writes to a stdout that is a file or a device (`> out.json`, `> /dev/full`) with
// fs.writeSync and ignores how many bytes the kernel took: on a disk that fills mid-write the
// kernel takes what fits, the rest is dropped and nothing is reported. So xent writes every
// output but a terminal itself, looping until every byte is taken or the kernel says why not
// (ENOSPC, EIO, EFBIG, EPIPE…). Pipes too: Node's stream for a pipe writes synchronously on
// Linux as well, and creating process.stdout (with the stream modules it loads) was a fifth
// of xent's start-up. Terminals go through Node's stream, which knows their width.
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';

/** Writes `bytes` at the descriptor's position, all of it, or throws the kernel's error. */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  let idle = 0;
  while (offset < bytes.length) {
    let written: number;
    try {
      written = writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A descriptor in non-blocking mode (set by another process sharing it) that is full
      // for the moment: wait a little and go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      written = 0;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
    offset += written;
    // write(2) takes nothing only when it cannot go on; its error comes with the next call,
    // but a descriptor that keeps taking nothing would loop for ever.
    idle = written === 0 ? idle + 1 : 0;
    if (idle > 10_000) throw Object.assign(new Error('EIO: the output takes no more bytes, write'), { code: 'EIO' });
  }
}

/**
 * True when fd is a terminal. Node's tty module is asked only about a character device other
 * than /dev/null (loading it brings Node's streams): a file, a pipe or /dev/null is none.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // a closed descriptor, or no /dev/null to compare with: ask the tty module
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** Why a write failed, for err.writeFailed: "ENOSPC: no space left on device, write" → "no space left on device". */
export function writeFailureReason(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '').replace(/, \w+$/, '') : String(error);
}

/**
 * True when stdout was closed (`xent … >&-`): Node then opens /dev/null as fd 1 itself, so
 * writes succeed and vanish. On Linux that descriptor is read-write, while a user's
 * `> /dev/null` is write-only. Elsewhere this cannot be told and is not checked.
 */
export function stdoutWasClosed(): boolean {
  try {
    const flags = /flags:\s*(\d+)/.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    const O_ACCMODE = 3;
    const O_RDWR = 2;
    return (
      flags !== undefined &&
      (parseInt(flags, 8) & O_ACCMODE) === O_RDWR &&
      fstatSync(1).rdev === statSync('/dev/null').rdev
    );
  } catch {
    return false;
  }
}
