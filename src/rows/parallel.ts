// Reading a large file on two cores (clip and ce -f value). The file is cut at line
// boundaries into pieces of rowLayout's rows (a fixed number, ~2.5 MB), counting lines; the
// main thread and a worker thread take pieces in turn from a shared counter and sum their rows
// (PieceSums). The worker sends each piece's state as it finishes it, the main thread folds
// them in piece order, and at the end adds the worker's per-row results: the same digits as a
// reading in order.
//
// A piece's first row is numbered from the lines before it, which is right only when every
// line is one data row (a header line first is allowed, and found beforehand). So each
// piece's rows are counted against its lines, and where they differ (a comment, a blank
// line), or a piece holds brackets (a row may then span lines, and pieces), the whole file
// is read again in order on one thread. Errors are reported as a reading in order would:
// the first bad piece in file order wins, and only once every piece before it checked out.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { XentError } from '../core/errors.js';
import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';
import { parseInput } from './input.js';
import { MatrixTextParser, NotPlainLines } from '../text/matrix-text.js';
import { rowLayout } from '../ops/clip/sums.js';
import { CHUNK, isRegularFile, rangeChunks, readRange } from './file-chunks.js';
import type { PartSizes, PartTask } from './plan.js';
import type { PieceSums } from '../core/piece-sums.js';
import { HEAD_BYTES, binaryKind } from './tensors/read.js';
import { ByteStream } from './tensors/bytes.js';
import type { Dtype } from './tensors/dtype.js';
import { npyLayoutOf } from './tensors/npy.js';
import { readTensorRows } from './tensors/rows.js';

/** Below this a second thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** Where the first two lines are looked for (a header, and the width of the first row). */
const HEADS = [256 * 1024, 4 * 1024 * 1024];

/** A byte range of the file, starting at a line. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  /** Rows before it, if every line (but a header) is one data row. */
  readonly firstRow: number;
  /** Rows it holds, if every line (but a header) is one data row. */
  readonly rows: number;
  /** Rows of a binary tensor (an .npy in C order), `cols` values of `dtype` each, rather than lines of text. */
  readonly tensor?: { readonly dtype: Dtype; readonly cols: number };
}

/** What reading a piece gave; plain data (it crosses threads). */
export type PieceOutcome =
  /** `width`: the length of its first row (−1 if it has none). */
  | { readonly kind: 'rows'; readonly rows: number; readonly width: number }
  | { readonly kind: 'error'; readonly key: MessageKey; readonly params: MessageParams; readonly width: number }
  | { readonly kind: 'brackets' };

/** What the worker sends: each piece's state as it ends, then its per-row results and what each piece gave. */
export type WorkerMessage =
  | { readonly kind: 'piece'; readonly state: unknown }
  | { readonly kind: 'done'; readonly rows: unknown; readonly outcomes: readonly (readonly [number, PieceOutcome])[] };

/** What the worker thread is started with (workerData); the pieces follow in a message. */
export interface WorkerStart {
  readonly path: string;
  readonly task: PartTask;
  /** Index of the next piece to take, shared by both threads. */
  readonly counter: Int32Array;
}

/**
 * Cuts a regular file of at least PARALLEL_MIN_BYTES into pieces of rowLayout's rows (the
 * width read from the first data row); undefined for other files.
 */
export function cutIntoPieces(path: string, sizes?: PartSizes): Piece[] | undefined {
  // Looked at before it is opened: a FIFO opened here would lose its data (see isRegularFile).
  if (!isRegularFile(path)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size < (sizes?.minBytes ?? PARALLEL_MIN_BYTES)) return undefined;
    const size = stat.size;
    const kind = binaryKind(readRange(fd, 0, HEAD_BYTES, new Uint8Array(HEAD_BYTES)));
    if (kind === 'npy') return npyPieces(fd, size, sizes);
    // The other binary tensors are read in order (src/rows/tensors/), not cut at lines.
    if (kind) return undefined;
    let first: { header: number; width: number } | undefined;
    for (const head of HEADS) first ??= firstLines(readRange(fd, 0, head, Buffer.allocUnsafe(head)));
    if (!first) return undefined;
    const pieceRows = rowLayout(first.width, sizes?.blockValues, sizes?.pieceValues).pieceRows;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const pieces: Piece[] = [];
    let start = 0;
    let rowsBefore = 0;
    let lines = 0;
    let endsInNewline = false;
    for (let position = 0; position < size; ) {
      const got = readSync(fd, buffer, 0, CHUNK, position);
      if (got <= 0) break;
      const bytes = buffer.subarray(0, got);
      for (let k = bytes.indexOf(10); k >= 0; k = bytes.indexOf(10, k + 1)) {
        lines++;
        const rows = start === 0 ? lines - first.header : lines;
        if (rows === pieceRows) {
          const end = position + k + 1;
          pieces.push({ start, end, firstRow: rowsBefore, rows });
          rowsBefore += rows;
          start = end;
          lines = 0;
        }
      }
      position += got;
      endsInNewline = bytes[got - 1] === 10;
    }
    // The rest: its lines, and one more if the file does not end with a newline.
    if (start < size) pieces.push({ start, end: size, firstRow: rowsBefore, rows: lines + (endsInNewline ? 0 : 1) });
    return pieces.length >= 2 ? pieces : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * An .npy cut into pieces of whole rows: only a 2-D array in C order of a type a double holds
 * exactly, whose file is as long as its header says; any other is read in order (which
 * says what is wrong with it, or notes how it was read).
 */
function npyPieces(fd: number, size: number, sizes?: PartSizes): Piece[] | undefined {
  const head = readRange(fd, 0, CHUNK, new Uint8Array(CHUNK));
  const found = npyLayoutOf(head, { key: 'source.stdin' });
  if (!found) return undefined;
  const { layout, dataStart } = found;
  const { dtype, shape } = layout;
  if (layout.fortran || shape.length !== 2 || (dtype.size === 8 && dtype.kind !== 'f')) return undefined;
  const [rows, cols] = shape;
  const rowBytes = cols * dtype.size;
  if (rows === 0 || cols === 0 || dataStart + rows * rowBytes !== size) return undefined;
  const { pieceRows } = rowLayout(cols, sizes?.blockValues, sizes?.pieceValues);
  const pieces: Piece[] = [];
  for (let firstRow = 0; firstRow < rows; firstRow += pieceRows) {
    const count = Math.min(pieceRows, rows - firstRow);
    const start = dataStart + firstRow * rowBytes;
    pieces.push({ start, end: start + count * rowBytes, firstRow, rows: count, tensor: { dtype, cols } });
  }
  return pieces.length >= 2 ? pieces : undefined;
}

/**
 * Read as the parser would, the start of a file: whether its first line is a header row
 * (column names), and the width of its first data row; undefined if neither line is plain.
 */
function firstLines(bytes: Uint8Array): { header: number; width: number } | undefined {
  const newline = bytes.indexOf(10);
  const second = newline < 0 ? -1 : bytes.indexOf(10, newline + 1);
  if (second < 0) return undefined;
  let width = -1;
  let rowsAfterFirstLine = -1;
  const parser = new MatrixTextParser(
    { key: 'source.stdin' },
    (row) => {
      if (width < 0) width = row.length;
    },
    { plainLines: true },
  );
  // Bytes as the parser's fast path reads them; text from the first byte that is not ASCII.
  const feed = (line: Uint8Array) => {
    const stop = parser.feedAscii(line);
    if (stop < line.length) parser.feed(new TextDecoder().decode(line.subarray(stop)));
  };
  try {
    feed(bytes.subarray(0, newline + 1));
    rowsAfterFirstLine = parser.rows;
    feed(bytes.subarray(newline + 1, second + 1));
  } catch {
    return undefined;
  }
  // A header of integers, row labels: the pieces could not tell them; read in order.
  if (width < 0 || parser.reshaped) return undefined;
  return { header: rowsAfterFirstLine === 0 && parser.colLabels !== undefined ? 1 : 0, width };
}

/** Reads one piece into `sums`. Piece 0 is read as the start of the input (it may have a header). */
async function readPiece(
  fd: number,
  buffer: Uint8Array,
  piece: Piece,
  index: number,
  sums: PieceSums,
  source: MessageParam,
): Promise<PieceOutcome> {
  let width = -1;
  try {
    if (piece.tensor) {
      const { dtype, cols } = piece.tensor;
      const layout = { dtype, shape: [piece.rows, cols], fortran: false };
      const rows = new ByteStream(rangeChunks(fd, piece.start, piece.end, buffer));
      await readTensorRows(rows, layout, source, (row, i) => sums.add(row, i), false, undefined, piece.firstRow);
      return { kind: 'rows', rows: piece.rows, width: cols };
    }
    const { rows } = await parseInput(
      { source, chunks: rangeChunks(fd, piece.start, piece.end, buffer) },
      (row, i) => {
        if (width < 0) width = row.length;
        sums.add(row, i);
      },
      undefined,
      index === 0 ? { plainLines: true } : { firstRow: piece.firstRow, plainLines: true, startByte: piece.start },
    );
    return { kind: 'rows', rows: rows - (index === 0 ? 0 : piece.firstRow), width };
  } catch (error) {
    if (error instanceof NotPlainLines) return { kind: 'brackets' };
    if (!(error instanceof XentError)) throw error;
    // A piece of only comments or blank lines has no rows; the count of lines tells.
    if (error.key === 'err.empty') return { kind: 'rows', rows: 0, width: -1 };
    return { kind: 'error', key: error.key, params: error.params, width };
  }
}

/**
 * One thread's share of the pieces, summed into `sums`: it takes the next piece from `take()`
 * until none are left, and stops both threads at its first bad piece (the pieces before it
 * were all taken, and will be read to the end).
 */
export async function readShare(
  path: string,
  source: MessageParam,
  sums: PieceSums,
  pieces: readonly Piece[],
  take: () => number,
  stop: () => void,
  afterPiece?: (piece: Piece) => Promise<void>,
): Promise<[number, PieceOutcome][]> {
  const outcomes: [number, PieceOutcome][] = [];
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let index = take(); index < pieces.length; index = take()) {
      const outcome = await readPiece(fd, buffer, pieces[index], index, sums, source);
      outcomes.push([index, outcome]);
      if (outcome.kind !== 'rows') {
        stop();
        break;
      }
      await afterPiece?.(pieces[index]);
    }
  } finally {
    closeSync(fd);
  }
  sums.endPiece();
  return outcomes;
}

/**
 * The main thread's side: starts a worker thread on `workerScript` (dist/xent-part.cjs), reads
 * its own share, folds the worker's pieces in as they come, and returns the sums of the whole
 * file. Undefined when the file is not one to read this way (small, not a regular file, or
 * not one data row per line): the caller then reads it in order. worker_threads is loaded
 * here, not at start-up.
 */
export async function readInParallel(
  path: string,
  source: MessageParam,
  task: PartTask,
  workerScript: string,
  between: (bytes: number, rows: number) => Promise<void>,
  /** The task's sums for this thread (the caller knows which operation; this engine knows none). */
  sums: PieceSums,
): Promise<{ rows: number; cols: number; sums: PieceSums } | undefined> {
  // A pipe, a device or a socket is read once, in order, by the caller; nothing is opened here.
  if (!isRegularFile(path)) return undefined;
  const { Worker } = await import('node:worker_threads');
  // Piece 0 is the main thread's; the worker starts at 1.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  counter[0] = 1;
  const take = () => Atomics.add(counter, 0, 1);
  const stop = () => Atomics.store(counter, 0, 1 << 30);
  // Started first: it boots while the file is cut.
  const start: WorkerStart = { path, task, counter };
  const worker = new Worker(workerScript, { workerData: start, stdout: false, stderr: false });
  const theirs = new Promise<Extract<WorkerMessage, { kind: 'done' }> | undefined>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'piece') sums.foldPiece(message.state);
      else resolve(message);
    });
    // A worker that cannot run leaves its pieces unread: the file is then read in order.
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  try {
    const pieces = cutIntoPieces(path, task.sizes);
    if (!pieces) return undefined;
    worker.postMessage(pieces);
    let first = true;
    const mine = await readShare(
      path,
      source,
      sums,
      pieces,
      () => {
        // The main thread's first piece is piece 0; after that it takes the next free one.
        if (!first) return take();
        first = false;
        return 0;
      },
      stop,
      async (piece) => {
        await between(piece.end, piece.firstRow + piece.rows);
        // Lets the worker's pieces in, and a Ctrl-C.
        await new Promise((resolve) => setImmediate(resolve));
      },
    );
    const other = await theirs;
    const outcomes: (PieceOutcome | undefined)[] = [];
    for (const [index, outcome] of [...mine, ...(other?.outcomes ?? [])]) outcomes[index] = outcome;
    const total = checkPieces(pieces, outcomes, source);
    if (!total) return undefined;
    if (other) sums.addRows(other.rows);
    return { ...total, sums };
  } finally {
    void worker.terminate();
  }
}

/**
 * The pieces' outcomes in file order: the matrix's size, the error a reading in order would
 * report first (thrown), or undefined when the file must be read in order after all.
 */
export function checkPieces(
  pieces: readonly Piece[],
  outcomes: readonly (PieceOutcome | undefined)[],
  source: MessageParam,
): { rows: number; cols: number } | undefined {
  let cols = -1;
  let rows = 0;
  for (let index = 0; index < pieces.length; index++) {
    const outcome = outcomes[index];
    // Unread (the worker failed) or holding brackets.
    if (!outcome || outcome.kind === 'brackets') return undefined;
    if (outcome.width >= 0) {
      if (cols < 0) cols = outcome.width;
      // The piece's first row already breaks the width: an earlier error than any inside it.
      else if (outcome.width !== cols)
        throw new XentError('err.ragged', { source, row: rows + 1, got: outcome.width, expected: cols });
    }
    if (outcome.kind === 'error') throw new XentError(outcome.key, outcome.params);
    // Rows numbered from lines are right only if the lines before were all data rows.
    if (index < pieces.length - 1 && outcome.rows !== pieces[index].rows) return undefined;
    rows += outcome.rows;
  }
  return cols < 0 ? undefined : { rows, cols };
}
