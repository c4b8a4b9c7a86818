// Where the matrix comes from: positional arguments, -i FILE (- for stdin), or a pipe.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import {
  type ColumnOptions,
  MatrixBuilder,
  MatrixTextParser,
  type ParsedMatrix,
  parseMatrixText,
  type TextPart,
} from '../text/matrix-text.js';
import type { InputNote } from '../text/columns.js';
import { type ChunkHint, type HintedIterator, SyncChunks } from './chunks.js';
import { ByteStream } from './tensors/bytes.js';
import type { RandomAccess } from './tensors/npz.js';
import { HEAD_BYTES, binaryKind, mayBeBinary, readBinary } from './tensors/read.js';

export type { InputNote } from '../text/columns.js';

/** What the CLI needs from the outside world; the entry point supplies the real ones. */
export interface InputIo {
  readonly stdinIsTTY: boolean;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * The bytes of a file ('-' for stdin) in chunks, so a large input is never held whole.
   * Without it, the file is read at once through readFile / readStdin.
   */
  openInput?(path: string): AsyncIterable<Uint8Array>;
  /** Whether a file exists (to tell `-i file.npz:NAME` from a file named so). */
  exists?(path: string): boolean;
  /** A regular file to read by position (an .npz's members are listed at its end); undefined for others. */
  openRange?(path: string): RandomAccess | undefined;
  /**
   * Whether the file can be read again from its start (a regular file; not a pipe, a FIFO,
   * `<(…)` or /dev/stdin on one). Without it a named file is (readFile reads it whole each time).
   */
  rereadable?(path: string): boolean;
}

interface FsError {
  code?: string;
  message?: string;
}

/** An fs error as the message a user should see. */
function fileError(error: unknown, path: string): XentError {
  const { code, message } = error as FsError;
  if (code === 'ENOENT') return new XentError('err.fileMissing', { path });
  if (code === 'EISDIR') return new XentError('err.fileIsDir', { path });
  // readFile of 2 GiB or more (only where no chunked reader is given: -i and @FILE read in chunks).
  if (code === 'ERR_FS_FILE_TOO_LARGE') return new XentError('err.fileTooLarge', { path });
  return new XentError('err.fileUnreadable', { path, reason: code ?? message ?? String(error) });
}

export interface MatrixInput {
  readonly matrix: ParsedMatrix;
  readonly source: MessageParam;
  /** How a binary input was read, for the user (a 3-D array flattened to rows). */
  readonly notes?: readonly InputNote[];
}

/** Where the main input comes from, not yet read. */
export interface OpenedInput {
  readonly source: MessageParam;
  readonly chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** The file's path, when the input is a named file (not stdin or arguments). */
  readonly path?: string;
  /** How its text is read: a JSON field (`key`), percentages (`percent`). */
  readonly reading?: Pick<TextPart, 'key' | 'percent'>;
  /** The array asked for in an archive (`-i file.npz:NAME`, `@model.safetensors:NAME`). */
  readonly member?: string;
  /** The file by position, if it is a regular file. */
  readonly random?: () => RandomAccess | undefined;
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

async function* whole(read: () => Promise<Uint8Array>): AsyncIterable<Uint8Array> {
  yield await read();
}

/** The command's input, from the first source that has one: arguments, -i FILE, a pipe. */
export function openMatrixInput(
  io: InputIo,
  args: readonly string[],
  inputFile: string | undefined,
  /** Shown in the no-input hint: the command's first example. */
  example: string,
  reading?: OpenedInput['reading'],
): OpenedInput {
  if (args.length > 0 && inputFile !== undefined) throw new XentError('err.inputTwice', {}, true);
  if (args.length > 0) return { source: { key: 'source.args' }, chunks: once(args.join(' ')), reading };
  if (inputFile === undefined && io.stdinIsTTY) throw new XentError('err.noInput', { example }, true);
  return openFile(io, inputFile ?? '-', reading);
}

/** How messages name a file ('-': stdin). */
function fileSource(path: string): MessageParam {
  return path === '-' ? { key: 'source.stdin' } : { key: 'source.file', params: { path } };
}

/**
 * `file.npz:NAME` as the file and the member, when no file has the whole name and the file
 * before the last ':' exists (`-:NAME` for stdin).
 */
function splitMember(io: InputIo, path: string): { path: string; member?: string } {
  const colon = path.lastIndexOf(':');
  if (colon <= 0 || colon === path.length - 1 || !io.exists || io.exists(path)) return { path };
  const file = path.slice(0, colon);
  if (file !== '-' && !io.exists(file)) return { path };
  return { path: file, member: path.slice(colon + 1) };
}

/** A file ('-' for stdin) to read in chunks, as -i and @FILE read it. */
function openFile(io: InputIo, named: string, reading?: OpenedInput['reading']): OpenedInput {
  const { path, member } = splitMember(io, named);
  const asked = member !== undefined ? { member } : {};
  if (path === '-') {
    return {
      source: fileSource(path),
      chunks: io.openInput?.('-') ?? whole(() => io.readStdin()),
      reading,
      ...asked,
    };
  }
  return {
    source: fileSource(path),
    chunks: withFileErrors(io.openInput?.(path) ?? whole(() => io.readFile(path)), path),
    path,
    reading,
    ...asked,
    random: io.openRange ? () => io.openRange?.(path) : undefined,
  };
}

/** The chunks with an fs error turned into the message a user should see (pulled synchronously still, if they were). */
function withFileErrors(chunks: AsyncIterable<Uint8Array>, path: string): AsyncIterable<Uint8Array> {
  if (chunks instanceof SyncChunks) return new SyncChunks(() => fileErrorsNow(chunks, path));
  return fileErrorsLater(chunks, path);
}

function* fileErrorsNow(
  chunks: Iterable<Uint8Array>,
  path: string,
): Generator<Uint8Array, void, ChunkHint | undefined> {
  try {
    yield* chunks;
  } catch (error) {
    throw fileError(error, path);
  }
}

async function* fileErrorsLater(chunks: AsyncIterable<Uint8Array>, path: string): AsyncIterable<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw fileError(error, path);
  }
}

/**
 * Parses an input chunk by chunk, handing each row to `sink` as it ends; `between` runs
 * after each chunk (to flush output, show progress). Binary data and invalid UTF-8 are
 * refused with the byte offset (1-based, as `cmp` counts).
 */
export async function parseInput(
  opened: OpenedInput,
  sink: (row: Float64Array, index: number, colLabels: readonly string[] | undefined) => void,
  between?: (bytes: number, rows: number) => Promise<void> | void,
  /**
   * The input is a part of a file read apart from the rest (see MatrixTextParser), starting
   * at byte `startByte` of it (for the offsets errors name).
   */
  part?: {
    readonly firstRow?: number;
    readonly plainLines?: boolean;
    readonly startByte?: number;
    /** The user's --cols, --drop-cols, --index-col, --header, -y col:NAME. */
    readonly columns?: ColumnOptions;
    /** Keep each row's label and target (a whole reading). */
    readonly keepLabels?: boolean;
    /** Given the parser once the input is read (for what a whole reading keeps). */
    readonly onParsed?: (parser: MatrixTextParser) => void;
    readonly onBlankLine?: (rowsBefore: number) => void;
  },
): Promise<{ rows: number; cols: number; colLabels?: readonly string[]; notes: readonly InputNote[] }> {
  // A whole input may be a binary tensor, told by its first bytes (a piece of a file is text).
  const isPiece = part?.firstRow !== undefined || part?.startByte !== undefined || part?.plainLines === true;
  const { head, chunks } = isPiece ? { head: undefined, chunks: opened.chunks } : await peek(opened.chunks);
  const kind = head && binaryKind(head);
  if (kind) {
    const { rows, cols, notes } = await readBinary(
      kind,
      new ByteStream(chunks as AsyncIterable<Uint8Array>),
      opened,
      (row, index) => sink(row, index, undefined),
      between,
    );
    return { rows, cols, notes };
  }
  if (opened.member !== undefined) {
    throw new XentError('err.tensorNotArchive', { source: opened.source, member: opened.member, format: 'text' });
  }
  const { source, reading } = opened;
  let rows = part?.firstRow ?? 0;
  const parser: MatrixTextParser = new MatrixTextParser(
    source,
    (row, index) => {
      rows = index + 1;
      sink(row, index, parser.colLabels);
    },
    reading ? { ...part, ...reading } : part,
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = part?.startByte ?? 0;
  // ASCII is read as bytes, without decoding; from the first other byte on, as text.
  let ascii = true;
  let last: Uint8Array = new Uint8Array();
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      parser.feed(chunk);
      continue;
    }
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new XentError('err.binary', { source, offset: offset + nul + 1 });
    let rest = chunk;
    if (ascii) {
      const bom = offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      const stop = bom + parser.feedAscii(chunk.subarray(bom));
      rest = chunk.subarray(stop);
      ascii = rest.length === 0;
    }
    if (rest.length > 0) {
      let text: string;
      try {
        text = decoder.decode(rest, { stream: true });
      } catch {
        throw new XentError('err.badUtf8', {
          source,
          offset: offset + (chunk.length - rest.length) + badUtf8Offset(rest) + 1,
        });
      }
      parser.feed(text);
    }
    last = chunk;
    offset += chunk.length;
    await between?.(offset, rows);
  }
  try {
    parser.feed(decoder.decode());
  } catch {
    // The input ends inside a multi-byte character: name the byte that character starts at.
    throw new XentError('err.badUtf8', { source, offset: offset - incompleteTail(last) + 1 });
  }
  const cols = parser.finish();
  part?.onParsed?.(parser);
  return { rows, cols, colLabels: parser.colLabels, notes: parser.extras().notes };
}

type Chunks = OpenedInput['chunks'];

/**
 * The first HEAD_BYTES bytes of an input (fewer if it is shorter; undefined for text given
 * as a string), and its chunks again from the start (SyncChunks still, from a source pulled
 * synchronously). Small first chunks are copied: a file's reader fills its buffer again for the next.
 */
async function peek(chunks: Chunks): Promise<{ head?: Uint8Array; chunks: Chunks }> {
  if (Symbol.iterator in chunks) {
    const iterator = chunks[Symbol.iterator]() as HintedIterator<Uint8Array | string>;
    const { head, taken, done } = peekNow(iterator);
    return { head, chunks: new SyncChunks(() => replayNow(taken, iterator, done)) };
  }
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: (Uint8Array | string)[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    if (take(taken, next.value)) return { chunks: replay(taken, iterator, false) };
    size += next.value.length;
    if (size < HEAD_BYTES && !mayBeBinary(concatenated(taken as Uint8Array[], size))) break;
  }
  return { head: concatenated(taken as Uint8Array[], HEAD_BYTES), chunks: replay(taken, iterator, done) };
}

/** peek's loop over a source pulled synchronously. */
function peekNow(iterator: Iterator<Uint8Array | string>): {
  head?: Uint8Array;
  taken: (Uint8Array | string)[];
  done: boolean;
} {
  const taken: (Uint8Array | string)[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = iterator.next();
    if (next.done) return { head: concatenated(taken as Uint8Array[], HEAD_BYTES), taken, done: true };
    if (take(taken, next.value)) return { taken, done: false };
    size += next.value.length;
    if (size < HEAD_BYTES && !mayBeBinary(concatenated(taken as Uint8Array[], size))) break;
  }
  return { head: concatenated(taken as Uint8Array[], HEAD_BYTES), taken, done: false };
}

/** Keeps a chunk peek looked at (copied unless it is the first and long enough); true for text given as a string. */
function take(taken: (Uint8Array | string)[], chunk: Uint8Array | string): boolean {
  if (typeof chunk === 'string') {
    taken.push(chunk);
    return true;
  }
  taken.push(taken.length > 0 || chunk.length < HEAD_BYTES ? chunk.slice() : chunk);
  return false;
}

/** The first `length` bytes of the pieces (fewer if they hold fewer). */
function concatenated(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const total = pieces.reduce((n, piece) => n + piece.length, 0);
  const out = new Uint8Array(Math.min(total, length));
  let at = 0;
  for (const piece of pieces) {
    if (at >= out.length) break;
    out.set(piece.subarray(0, out.length - at), at);
    at += Math.min(piece.length, out.length - at);
  }
  return out;
}

async function* replay(
  taken: readonly (Uint8Array | string)[],
  iterator: AsyncIterator<Uint8Array | string>,
  done: boolean,
): AsyncIterable<Uint8Array | string> {
  yield* taken;
  if (done) return;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    // Stopped early (an error in the data): the file is closed.
    await iterator.return?.();
  }
}

/** replay, for a source pulled synchronously (an object, not a generator: one layer less for each chunk); iterated once. */
function replayNow(
  taken: readonly (Uint8Array | string)[],
  iterator: HintedIterator<Uint8Array | string>,
  done: boolean,
): HintedIterator<Uint8Array | string> {
  let k = 0;
  return {
    next: (hint?: ChunkHint) =>
      k < taken.length ? { value: taken[k++], done: false } : done ? { value: undefined, done } : iterator.next(hint),
    // Stopped early (an error in the data): the file is closed.
    return: (value?: unknown) => {
      k = taken.length;
      done = true;
      iterator.return?.();
      return { value, done: true };
    },
  };
}

/** Where in a chunk the first invalid UTF-8 byte is, 0-based (approximately, for the message). */
function badUtf8Offset(chunk: Uint8Array): number {
  const loose = new TextDecoder('utf-8').decode(chunk);
  const bad = loose.indexOf('\ufffd');
  if (bad < 0) return chunk.length - incompleteTail(chunk);
  return new TextEncoder().encode(loose.slice(0, bad)).length;
}

/** How many bytes at the end of `chunk` begin a multi-byte character that is cut off (0 to 3). */
function incompleteTail(chunk: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, chunk.length); k++) {
    const b = chunk[chunk.length - k];
    if (b < 0x80) return 0;
    if (b >= 0xc0) return k;
  }
  return 0;
}

/** The command's input matrix, held once as a Float64Array. */
export async function readMatrix(
  opened: OpenedInput,
  onProgress?: (bytes: number, rows: number) => void,
  columns?: ColumnOptions,
): Promise<MatrixInput> {
  const builder = new MatrixBuilder(opened.source);
  let extras: ReturnType<MatrixTextParser['extras']> | undefined;
  const { cols, colLabels, notes } = await parseInput(opened, builder.add, onProgress, {
    columns,
    keepLabels: true,
    onBlankLine: builder.blankLine,
    onParsed: (parser) => {
      extras = parser.extras();
    },
  });
  const matrix = builder.build(cols, colLabels, extras);
  // How a binary input was read (a 3-D array flattened to rows) travels with the matrix, as the reader's notes do.
  return { matrix: extras || notes.length === 0 ? matrix : { ...matrix, notes }, source: opened.source };
}

/**
 * The text of a file ('-' for stdin) named by an option whose value is text (`--expect
 * @FILE`), refused as -i refuses it: missing, a directory, binary, not UTF-8.
 */
export async function readFileText(io: InputIo, path: string): Promise<string> {
  const source = fileSource(path);
  let bytes: Uint8Array;
  try {
    bytes = await (path === '-' ? io.readStdin() : io.readFile(path));
  } catch (error) {
    throw fileError(error, path);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new XentError('err.binary', { source, offset: nul + 1 });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new XentError('err.badUtf8', { source, offset: badUtf8Offset(bytes) + 1 });
  }
}

/**
 * A matrix given to an option (--target-probs, --image): inline text, or @FILE, read in
 * chunks as -i is (a NUL byte, invalid UTF-8 and every limit of the parser found as it
 * goes: `@/dev/zero` is refused at its first byte, not read until memory runs out).
 * `probabilities`: it holds probabilities, so `70%` reads as 0.7.
 */
export async function readMatrixOption(
  io: InputIo,
  value: string,
  option: string,
  probabilities = false,
): Promise<ParsedMatrix> {
  const reading = probabilities ? { percent: true } : undefined;
  if (value.startsWith('@')) return (await readMatrix(openFile(io, value.slice(1), reading))).matrix;
  return parseMatrixText(value, { key: 'source.option', params: { option } }, reading);
}

/**
 * A matrix given to an option, to be read row by row: @FILE opened but not read (its rows
 * come as parseInput reads them), inline text read at once (it is short: it fits on a
 * command line), as readMatrixOption reads it.
 */
export type OptionRows =
  | { readonly kind: 'file'; readonly opened: OpenedInput }
  | { readonly kind: 'held'; readonly matrix: ParsedMatrix };

/** {@link OptionRows} of an option's value (see readMatrixOption), for a command that reads it in step with another. */
export function openMatrixOption(io: InputIo, value: string, option: string): OptionRows {
  if (value.startsWith('@')) return { kind: 'file', opened: openFile(io, value.slice(1)) };
  return { kind: 'held', matrix: parseMatrixText(value, { key: 'source.option', params: { option } }) };
}
