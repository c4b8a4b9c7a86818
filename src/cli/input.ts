// Where the matrix comes from: positional arguments, -i FILE (- for stdin), or a pipe.
import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type ParsedMatrix, parseMatrixText } from '../parse/matrix-text.js';

/** What the CLI needs from the outside world; the entry point supplies the real ones. */
export interface InputIo {
  readonly stdinIsTTY: boolean;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
}

/** Text from bytes, refusing binary files and invalid UTF-8 with the byte offset. */
export function decodeText(bytes: Uint8Array, source: MessageParam): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new XentError('err.binary', { source, offset: nul });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\ufffd');
    const offset = new TextEncoder().encode(loose.slice(0, Math.max(0, bad))).length;
    throw new XentError('err.badUtf8', { source, offset });
  }
}

interface FsError {
  code?: string;
  message?: string;
}

export async function readFileText(io: InputIo, path: string): Promise<{ text: string; source: MessageParam }> {
  if (path === '-') return { text: decodeText(await io.readStdin(), { key: 'source.stdin' }), source: { key: 'source.stdin' } };
  const source: MessageParam = { key: 'source.file', params: { path } };
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const { code, message } = error as FsError;
    if (code === 'ENOENT') throw new XentError('err.fileMissing', { path });
    if (code === 'EISDIR') throw new XentError('err.fileIsDir', { path });
    throw new XentError('err.fileUnreadable', { path, reason: code ?? message ?? String(error) });
  }
  return { text: decodeText(bytes, source), source };
}

export interface MatrixInput {
  readonly matrix: ParsedMatrix;
  readonly source: MessageParam;
}

/** The command's input matrix, from the first source that has one. */
export async function readMatrixInput(
  io: InputIo,
  args: readonly string[],
  inputFile: string | undefined,
  /** Shown in the no-input hint: the command's first example. */
  example: string,
): Promise<MatrixInput> {
  if (args.length > 0 && inputFile !== undefined) throw new XentError('err.inputTwice', {}, true);
  if (args.length > 0) {
    const source: MessageParam = { key: 'source.args' };
    return { matrix: parseMatrixText(args.join(' '), source), source };
  }
  if (inputFile === undefined && io.stdinIsTTY) throw new XentError('err.noInput', { example }, true);
  const { text, source } = await readFileText(io, inputFile ?? '-');
  return { matrix: parseMatrixText(text, source), source };
}

/** A matrix given to an option (--target-probs, --image): inline text, or @FILE. */
export async function readMatrixOption(io: InputIo, value: string, option: string): Promise<ParsedMatrix> {
  if (value.startsWith('@')) {
    const { text, source } = await readFileText(io, value.slice(1));
    return parseMatrixText(text, source);
  }
  return parseMatrixText(value, { key: 'source.option', params: { option } });
}
