// Reading a large file in two halves at once, on two cores: the main thread parses the first
// half while a worker thread parses the second and sends back its sums (see ClipSums). The
// cut is at a line; the worker numbers its rows from the count of lines before the cut, and
// the main thread checks that count against the rows it read (a header, a comment or a blank
// line makes them differ): if they differ, the second half is read again here, in order.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { XentError } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import { parseInput } from '../cli/input.js';
import { ClipSums, type ClipSumsState } from './clip-sums.js';
import { PART_FLAG, type PartTask } from './plan.js';

/** Below this a second thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const BLOCK = 4 * 1024 * 1024;

export interface Split {
  /** Byte offset of the first line of the second half. */
  readonly at: number;
  /** Newlines before it: the row count of the first half if every line is one data row. */
  readonly linesBefore: number;
  readonly size: number;
}

/** Where to cut a regular file in two at a line boundary; undefined for small or odd files. */
export function splitFile(path: string): Split | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size < PARALLEL_MIN_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(BLOCK);
    const middle = Math.floor(stat.size / 2);
    const got = readSync(fd, buffer, 0, BLOCK, middle);
    const newline = buffer.subarray(0, got).indexOf(10);
    if (newline < 0) return undefined;
    const at = middle + newline + 1;
    let linesBefore = 0;
    for (let position = 0; position < at; position += BLOCK) {
      const n = readSync(fd, buffer, 0, Math.min(BLOCK, at - position), position);
      for (let k = buffer.indexOf(10, 0); k >= 0 && k < n; k = buffer.indexOf(10, k + 1)) linesBefore++;
    }
    return at < stat.size ? { at, linesBefore, size: stat.size } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export type PartResult =
  | { readonly ok: true; readonly rows: number; readonly cols: number; readonly state: ClipSumsState }
  | { readonly ok: false; readonly key: MessageKey; readonly params: MessageParams; readonly cols: number };

function fileBytes(path: string, start: number, end: number): AsyncIterable<Uint8Array> {
  return createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 });
}

/** The worker's side: read the part, return its sums (or the error, as data). */
export async function runPartTask(task: PartTask): Promise<PartResult> {
  const sums = new ClipSums(task.scale, task.source);
  let width = -1;
  try {
    const { rows, cols } = await parseInput(
      { source: task.source, chunks: fileBytes(task.path, task.start, task.end) },
      (row, i) => {
        if (width < 0) width = row.length;
        sums.add(row, i);
      },
      undefined,
      { firstRow: task.firstRow },
    );
    return { ok: true, rows, cols, state: sums.state() };
  } catch (error) {
    if (error instanceof XentError) {
      // A part with no rows (trailing blank lines) is not an error here.
      if (error.key === 'err.empty') return { ok: true, rows: task.firstRow, cols: -1, state: sums.state() };
      return { ok: false, key: error.key, params: error.params, cols: width };
    }
    throw error;
  }
}

/**
 * The main thread's side: start a worker on `script` (the CLI's own entry) for the task.
 * worker_threads is loaded here, not at start-up.
 */
export async function startPart(script: string, task: PartTask): Promise<{ result: Promise<PartResult>; cancel(): void }> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(script, { argv: [PART_FLAG], workerData: { xentPart: task }, stdout: false, stderr: false });
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { result, cancel: () => void worker.terminate() };
}
