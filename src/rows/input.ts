// Where the matrix comes from: positional arguments, -i FILE (- for stdin), or a pipe.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { MatrixBuilder, MatrixTextParser, type ParsedMatrix, parseMatrixText } from '../text/matrix-text.js';

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
}

/** Where the main input comes from, not yet read. */
export interface OpenedInput {
  readonly source: MessageParam;
  readonly chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** The file's path, when the input is a named file (not stdin or arguments). */
  readonly path?: string;
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
): OpenedInput {
  if (args.length > 0 && inputFile !== undefined) throw new XentError('err.inputTwice', {}, true);
  if (args.length > 0) return { source: { key: 'source.args' }, chunks: once(args.join(' ')) };
  if (inputFile === undefined && io.stdinIsTTY) throw new XentError('err.noInput', { example }, true);
  return openFile(io, inputFile ?? '-');
}

/** A file ('-' for stdin) to read in chunks, as -i and @FILE read it. */
function openFile(io: InputIo, path: string): OpenedInput {
  if (path === '-') {
    return { source: { key: 'source.stdin' }, chunks: io.openInput?.('-') ?? whole(() => io.readStdin()) };
  }
  return {
    source: { key: 'source.file', params: { path } },
    chunks: withFileErrors(io.openInput?.(path) ?? whole(() => io.readFile(path)), path),
    path,
  };
}

async function* withFileErrors(chunks: AsyncIterable<Uint8Array>, path: string): AsyncIterable<Uint8Array> {
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
  { source, chunks }: OpenedInput,
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
    readonly onBlankLine?: (rowsBefore: number) => void;
  },
): Promise<{ rows: number; cols: number; colLabels?: readonly string[] }> {
  let rows = part?.firstRow ?? 0;
  const parser: MatrixTextParser = new MatrixTextParser(
    source,
    (row, index) => {
      rows = index + 1;
      sink(row, index, parser.colLabels);
    },
    part,
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
  return { rows, cols, colLabels: parser.colLabels };
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
): Promise<MatrixInput> {
  const builder = new MatrixBuilder(opened.source);
  const { cols, colLabels } = await parseInput(opened, builder.add, onProgress, { onBlankLine: builder.blankLine });
  return { matrix: builder.build(cols, colLabels), source: opened.source };
}

/**
 * A matrix given to an option (--target-probs, --image): inline text, or @FILE, read in
 * chunks as -i is (a NUL byte, invalid UTF-8 and every limit of the parser found as it
 * goes: `@/dev/zero` is refused at its first byte, not read until memory runs out).
 */
export async function readMatrixOption(io: InputIo, value: string, option: string): Promise<ParsedMatrix> {
  if (value.startsWith('@')) return (await readMatrix(openFile(io, value.slice(1)))).matrix;
  return parseMatrixText(value, { key: 'source.option', params: { option } });
}
