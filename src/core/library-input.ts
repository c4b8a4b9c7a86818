// What the library accepts and returns: a Matrix, plain nested arrays, or a flat array for
// one vector; results come back as plain arrays. These adapters also check what a caller
// passes, with the same messages as the CLI where the CLI has one.
import { catalogue, type MessageKey, type MessageParam, type MessageParams } from '../i18n/messages.js';
import { makeTranslator } from '../i18n/translator.js';
import { XentError } from './errors.js';
import { type Matrix, rowView, zeros } from './matrix.js';

/** One vector: a flat array (a 1×n matrix). */
export type Vector = readonly number[] | Float64Array;
/** A matrix as plain rows, `[[1, 2], [3, 4]]`. */
export type Rows = readonly (readonly number[])[];
/** A matrix as the library takes it: a {@link Matrix}, rows as arrays, or one row as a flat array. */
export type MatrixLike = Matrix | Rows | Vector;

function isMatrix(x: unknown): x is Matrix {
  return typeof x === 'object' && x !== null && 'data' in x && (x as Matrix).data instanceof Float64Array;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array of mixed entries';
  return typeof x;
}

/**
 * A Matrix from any {@link MatrixLike}: a Matrix is used as it is (not copied), `number[][]`
 * is copied row by row, a flat `number[]` is one row. Rows must be equally long and entries
 * numbers (±inf allowed, NaN not: `err.nan`, as the CLI says), else XentError names `what`, the row
 * and the column (1-based).
 *
 * @example
 * toMatrix([[1, 2], [3, 4]]) // { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 * toMatrix([2, 0.5, -1]) // { rows: 1, cols: 3, … }
 */
export function toMatrix(x: MatrixLike, what = 'the matrix'): Matrix {
  let m: Matrix;
  if (isMatrix(x)) {
    if (x.data.length !== x.rows * x.cols) {
      throw new XentError('err.lib.length', {
        what,
        got: x.data.length,
        expected: x.rows * x.cols,
        why: `one per element of a ${x.rows}×${x.cols} matrix`,
      });
    }
    m = x;
  } else if (x instanceof Float64Array || (Array.isArray(x) && x.every((v) => typeof v !== 'object'))) {
    const flat = x as ArrayLike<number>;
    m = zeros(flat.length === 0 ? 0 : 1, flat.length);
    for (let j = 0; j < flat.length; j++) m.data[j] = entry(flat[j], what, 1, j + 1);
  } else if (Array.isArray(x) && x.every((row) => Array.isArray(row) || row instanceof Float64Array)) {
    const rows = x as readonly (readonly number[])[];
    const cols = rows[0]?.length ?? 0;
    m = zeros(rows.length, cols);
    rows.forEach((row, i) => {
      if (row.length !== cols)
        throw new XentError('err.ragged', { row: i + 1, source: what, got: row.length, expected: cols });
      for (let j = 0; j < cols; j++) m.data[i * cols + j] = entry(row[j], what, i + 1, j + 1);
    });
  } else {
    throw new XentError('err.lib.notMatrix', { what, got: describe(x) });
  }
  if (m.data.length === 0) throw new XentError('err.empty', { source: what });
  for (let k = 0; k < m.data.length; k++) {
    if (Number.isNaN(m.data[k])) throw nanError(what, Math.floor(k / m.cols) + 1, (k % m.cols) + 1);
  }
  return m;
}

/** NaN as the CLI's parser reports it (`err.nan`), so that the same bad value has one key. */
function nanError(what: string, row: number, col: number): XentError {
  return new XentError('err.nan', { token: 'NaN', row, col, source: what });
}

function entry(value: unknown, what: string, row: number, col: number): number {
  if (typeof value !== 'number') {
    throw new XentError('err.lib.entry', { what, row, col, value: JSON.stringify(value) ?? String(value) });
  }
  if (Number.isNaN(value)) throw nanError(what, row, col);
  return value;
}

/** True when a caller passed one vector (a flat array), so that results can be flat too. */
export function isVector(x: MatrixLike): boolean {
  return x instanceof Float64Array || (Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'number'));
}

/**
 * A Matrix as plain rows, `number[][]`: what every matrix in a library result is.
 *
 * @example
 * toRows(toMatrix([[1, 2], [3, 4]])) // [[1, 2], [3, 4]]
 */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(rowView(m, i)));
  return out;
}

/** A list of numbers (targets, labels, weights), checked: each a number (its length is the caller's check). */
export function toList(x: ArrayLike<number>, what: string): number[] {
  const list = Array.from(x);
  for (let j = 0; j < list.length; j++) entry(list[j], what, 1, j + 1);
  return list;
}

/** One of a fixed set of words (a reduction, an axis), as the CLI checks it. */
export function choice<T extends string>(value: T | undefined, option: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value))
    throw new XentError('err.badChoice', { option, choices: { list: choices }, value: String(value) });
  return value;
}

/** Image and text embeddings, one per row; row i of each is a matching pair. */
export interface EmbeddingPair {
  readonly image: MatrixLike;
  readonly text: MatrixLike;
}

export function isEmbeddingPair(x: MatrixLike | EmbeddingPair): x is EmbeddingPair {
  return typeof x === 'object' && x !== null && 'image' in x && 'text' in x;
}

export function embeddingPair(pair: EmbeddingPair): { image: Matrix; text: Matrix } {
  return { image: toMatrix(pair.image, 'the image embeddings'), text: toMatrix(pair.text, 'the text embeddings') };
}

/**
 * Runs a library function so that its errors speak the library's language. The checks are
 * the CLI's (one validator per operation), and some of their texts name what a CLI user typed
 * (`-t, --temperature`, `--target-probs`, `xent focal needs …`): an XentError thrown inside
 * gets, as its message, the text of `lib.` + its key where the catalogue has one
 * (src/i18n/catalog/library.ts), with a source named by a flag (`option --image`) named as the
 * library's parameter (`option image`). Its key, its parameters and the CLI's text stay.
 *
 * @example
 * inLibraryWords(() => checkTemperature(0)) // throws err.temperature: "… got '0' (option temperature)"
 */
export function inLibraryWords<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof XentError) inLibraryText(error);
    throw error;
  }
}

/** The library's name of a CLI flag: its long form in camel case (`-w, --weight` → weight, `--text-logits` → textLogits). */
export function libraryName(flag: string): string {
  const long = flag.split(',').pop()!.trim().replace(/^-+/, '');
  return long.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** A source given as `option --FLAG`, as the library names it; other parameters as they are. */
function libraryParam(value: MessageParam): MessageParam {
  if (typeof value !== 'object' || !('key' in value) || value.key !== 'source.option') return value;
  const option = value.params?.option;
  return typeof option === 'string' && option.startsWith('-')
    ? { key: 'source.option', params: { option: libraryName(option) } }
    : value;
}

function inLibraryText(error: XentError): void {
  const variant = `lib.${error.key}`;
  const params: MessageParams = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [name, libraryParam(value)]),
  );
  const changed = Object.keys(params).some((name) => params[name] !== error.params[name]);
  if (!(variant in catalogue.en) && !changed) return;
  const text = makeTranslator('en').t((variant in catalogue.en ? variant : error.key) as MessageKey, params);
  if (error.stack) error.stack = error.stack.replace(error.message, text);
  error.message = text;
}
