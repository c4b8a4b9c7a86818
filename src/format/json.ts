import { LazyList } from '../report/report.js';
import { formatExact } from './number.js';

// What JSON.stringify leaves raw that a terminal would act on (src/format/display-safe.ts): DEL,
// C1 controls, bidi controls and marks, and U+2028/U+2029. They can only be inside strings,
// where \uXXXX reads back as the same character.
const RAW_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** A string as JSON, with what a terminal would act on escaped. */
const jsonString = (text: string) => JSON.stringify(text).replace(RAW_UNSAFE, unicodeEscape);

// How xent lays JSON out: two spaces of indent, as JSON.stringify(value, null, 2), except that
// an array holding only numbers, strings, booleans and nulls (none with a bracket or brace in
// its text) is written on one line, so a matrix reads as rows. The text is made in pieces,
// at most a row (or BATCH numbers) at a time, so that a large result is written as it is
// made instead of being built as one string.

/** Numbers per piece of a long flat array: short strings stay out of V8's large-object space. */
const BATCH = 2048;

/** What JSON.stringify would write for a leaf, or undefined for a value it leaves out. */
function leafText(v: unknown): string | undefined {
  switch (typeof v) {
    case 'number':
      // Non-finite numbers as the strings "inf", "-inf", "nan"; -0 as 0, as JSON.stringify.
      return Number.isFinite(v) ? String(v) : `"${formatExact(v)}"`;
    case 'string':
      return jsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return v === null ? 'null' : undefined;
  }
}

function isLeaf(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'bigint');
}

/** A list's items: typed arrays and LazyLists are written as arrays. */
function listItems(v: unknown): Iterable<unknown> | undefined {
  if (Array.isArray(v) || v instanceof Float64Array || v instanceof LazyList) return v as Iterable<unknown>;
  return undefined;
}

function withToJson(v: unknown, key: string): unknown {
  const toJSON = (v as { toJSON?: unknown } | null)?.toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(v, key) : v;
}

/**
 * JSON with every number at full precision (JavaScript's shortest round-trip form) and
 * non-finite numbers as the strings "inf", "-inf", "nan", in pieces to be written in order.
 * Typed arrays and LazyLists become lists.
 */
export function* jsonPieces(value: Readonly<Record<string, unknown>>): Generator<string> {
  yield* valuePieces(value, '', '');
  yield '\n';
}

/** The text of `value` at an indent of `indent` (its first line already placed). */
function* valuePieces(value: unknown, indent: string, key: string): Generator<string> {
  const v = withToJson(value, key);
  const items = listItems(v);
  if (items) {
    yield* listPieces(items, indent);
    return;
  }
  if (isLeaf(v)) {
    yield leafText(v) ?? 'null';
    return;
  }
  const inner = indent + '  ';
  let first = true;
  for (const [k, member] of Object.entries(v as object)) {
    const m = withToJson(member, k);
    if (!listItems(m) && isLeaf(m) && leafText(m) === undefined) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${jsonString(k)}: `;
    first = false;
    yield* valuePieces(m, inner, k);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * A list: on one line while its items are leaves without brackets or braces, else one item
 * per line. Items are looked at as they come; a list found not to be flat after some flat
 * items writes those again, one per line (they are kept as text until the list ends).
 */
function* listPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  // A row of a matrix: only numbers, none with a bracket, written as TSV writes a line.
  if (items instanceof Float64Array) {
    yield* numberPieces(items);
    return;
  }
  const inner = indent + '  ';
  // Leaf texts not yet written, while the list may still be flat.
  let pending: string[] = [];
  let flat = true;
  let count = 0;
  let k = 0;
  for (const raw of items) {
    const item = withToJson(raw, String(k++));
    if (flat && isLeaf(item) && !listItems(item)) {
      const text = leafText(item) ?? 'null';
      if (!/[[\]{}]/.test(text)) {
        pending.push(text);
        continue;
      }
    }
    if (flat) {
      // Not flat after all: what was kept goes out one per line.
      flat = false;
      for (const text of pending) yield `${count++ === 0 ? '[\n' : ',\n'}${inner}${text}`;
      pending = [];
    }
    yield `${count++ === 0 ? '[\n' : ',\n'}${inner}`;
    yield* valuePieces(item, inner, String(k - 1));
  }
  if (!flat) {
    yield `\n${indent}]`;
    return;
  }
  if (pending.length === 0) {
    yield '[]';
    return;
  }
  if (pending.length <= BATCH) {
    yield `[${pending.join(', ')}]`;
    return;
  }
  for (let start = 0; start < pending.length; start += BATCH) {
    const part = pending.slice(start, start + BATCH).join(', ');
    yield start === 0 ? `[${part}` : `, ${part}`;
  }
  yield ']';
}

/**
 * A plain array of doubles (V8's packed double elements), reused for each part of a row:
 * JSON.stringify writes such an array's numbers straight into its output, where String(x)
 * makes a string for each (about twice as slow, and garbage for the collector).
 */
let doubles: number[] = [];

/**
 * The numbers values[start..end) as `[a,b,c]`, or undefined if one is not finite (JSON.stringify
 * writes null for it). The text of each finite number is String(x)'s: JSON.stringify's is
 * ToString(x) by the standard (ECMA-262 SerializeJSONProperty), -0 as 0 included.
 */
function stringified(values: Float64Array, start: number, end: number): string | undefined {
  const n = end - start;
  if (doubles.length !== n) doubles = new Array<number>(n).fill(0.5);
  let finite = true;
  for (let k = 0; k < n; k++) {
    const x = values[start + k];
    // x - x is NaN for ±inf and NaN.
    if (x - x !== 0) finite = false;
    doubles[k] = x;
  }
  return finite ? JSON.stringify(doubles) : undefined;
}

/** The numbers values[start..end) joined by ', ', non-finite ones as the strings "inf", "-inf", "nan". */
function numbersText(values: Float64Array, start: number, end: number, texts: string[]): string {
  const fast = stringified(values, start, end);
  // ',' only separates numbers here (no number's text has one).
  if (fast !== undefined) return fast.slice(1, -1).replaceAll(',', ', ');
  if (end - start !== texts.length) texts.length = end - start;
  for (let k = start; k < end; k++) {
    const x = values[k];
    texts[k - start] = Number.isFinite(x) ? String(x) : `"${formatExact(x)}"`;
  }
  return texts.join(', ');
}

/** A Float64Array on one line, in pieces of BATCH numbers. */
function* numberPieces(values: Float64Array): Generator<string> {
  if (values.length === 0) {
    yield '[]';
    return;
  }
  const texts: string[] = [];
  for (let start = 0; start < values.length; start += BATCH) {
    const end = Math.min(values.length, start + BATCH);
    const part = numbersText(values, start, end, texts);
    yield start === 0
      ? end === values.length
        ? `[${part}]`
        : `[${part}`
      : end === values.length
        ? `, ${part}]`
        : `, ${part}`;
  }
}

/**
 * An object written member by member as its values become known (a streamed result, whose
 * lists of rows are read from a file row by row): the text jsonPieces gives for the same
 * object at once, piece for piece.
 */
export class JsonObjectPieces {
  private members = 0;
  private items = 0;

  /** A member whose value is at hand (left out, as by jsonPieces, if JSON has no text for it). */
  *member(key: string, value: unknown): Generator<string> {
    const m = withToJson(value, key);
    if (!listItems(m) && isLeaf(m) && leafText(m) === undefined) return;
    yield this.key(key);
    yield* valuePieces(m, '  ', key);
  }

  /** Opens a member that is a list of rows: row() gives each, then closeList(). */
  openList(key: string): string {
    this.items = 0;
    return this.key(key);
  }

  /** The next row of the open list. */
  *row(values: Float64Array): Generator<string> {
    yield `${this.items++ === 0 ? '[\n' : ',\n'}    `;
    yield* numberPieces(values);
  }

  closeList(): string {
    return this.items === 0 ? '[]' : '\n  ]';
  }

  /** The end of the object (and of the text). */
  end(): string {
    return this.members === 0 ? '{}\n' : '\n}\n';
  }

  private key(key: string): string {
    return `${this.members++ === 0 ? '{\n' : ',\n'}  ${jsonString(key)}: `;
  }
}

/** The whole JSON text at once (small results). */
export function formatJson(value: Readonly<Record<string, unknown>>): string {
  let text = '';
  for (const piece of jsonPieces(value)) text += piece;
  return text;
}
