// What --expect reads: one or more entries, each a quantity (or the command's headline) and
// the values claimed for it, in any notation xent reads its input in. The grammar:
//
//   EXPECT := ENTRY ((',' | ';') ENTRY)*
//   ENTRY  := [NAME INDEX* '='] VALUES        only the first entry may leave out NAME=
//   NAME   := a quantity of the report (loss, probs, p_target, grad …), or an alias of one
//   INDEX  := '[' INT (',' INT)* ']'         counted from 0; a negative one from the end
//   VALUES := numbers in any notation the input takes: 0.79,0.18  [0.79 0.18]  array([…])
//
// A comma or semicolon outside brackets starts a new entry only where a NAME= follows it, so
// `probs=0.79,0.18,0.04; loss=0.24` is two entries and `probs=0.79,0.18;0.15,0.70` is one.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { parseMatrixTokens } from '../text/matrix-text.js';
import { normalizeText } from '../text/normalize.js';
import type { Token } from '../text/tokens.js';

export interface ClaimedValue {
  /** As the user wrote it (normalised), for the check table and TSV. */
  readonly text: string;
  readonly value: number;
  /**
   * Half a unit of the last digit written (0.005 for 0.24); undefined for a value written
   * without digits to count (inf, a fraction): it means itself exactly.
   */
  readonly half?: number;
  /** Digits after the decimal point as written (after the exponent is applied). */
  readonly decimals: number;
  /** Significant digits written (0.6600: 4); Infinity for an exact value. */
  readonly digits: number;
}

export interface Claim {
  /** The entry as written, for messages. */
  readonly text: string;
  /** The quantity named with `NAME=`, or undefined for the command's headline. */
  readonly quantity?: string;
  /** The entry of the quantity (`probs[0][1]`), counted from 0; empty: all of it. */
  readonly index: readonly number[];
  readonly values: readonly ClaimedValue[];
}

const HEAD = /^\s*([A-Za-z_][\w.-]*)((?:\s*\[[^\]=]*\])*)\s*=/s;
const DIGITS = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const SOURCE: MessageParam = { key: 'source.option', params: { option: '--expect' } };

/** The entries of one --expect text, split where a NAME= follows a separator outside brackets. */
export function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0 && HEAD.test(text.slice(k + 1))) {
      entries.push(text.slice(start, k));
      start = k + 1;
    }
  }
  entries.push(text.slice(start));
  return entries;
}

/** Every entry of one --expect text. */
export function parseClaims(text: string): Claim[] {
  const normal = normalizeText(text);
  return splitEntries(normal).map((entry) => parseEntry(entry.trim(), text));
}

/**
 * Every entry of one --expect text, as parseClaims reads them, where an entry's values may be in
 * a file: `--expect @FILE` or `--expect probs=@FILE` (the file's text in any notation).
 */
export async function readClaims(text: string, readFile: (path: string) => Promise<string>): Promise<Claim[]> {
  const claims: Claim[] = [];
  for (const entry of splitEntries(text)) {
    const head = HEAD.exec(entry);
    const body = (head ? entry.slice(head[0].length) : entry).trim();
    const written = body.startsWith('@') ? `${head ? head[0] : ''}${await readFile(body.slice(1))}` : entry;
    claims.push(parseEntry(normalizeText(written).trim(), text));
  }
  return claims;
}

function parseEntry(entry: string, whole: string): Claim {
  const head = HEAD.exec(entry);
  const body = head ? entry.slice(head[0].length) : entry;
  if (body.trim() === '') throw new XentError('err.expect.empty', { value: whole }, true);
  const index = head ? readIndex(head[2], entry) : [];
  const values = readValues(body);
  return head ? { text: entry, quantity: head[1], index, values } : { text: entry, index, values };
}

/** `[0][1]` or `[0, 1]`: whole numbers, each its own dimension. */
function readIndex(text: string, entry: string): number[] {
  const index: number[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    for (const part of m[1].split(',')) {
      if (!/^\s*-?\d+\s*$/.test(part)) throw new XentError('err.expect.index', { entry }, true);
      index.push(Number(part));
    }
  }
  return index;
}

/** The numbers of an entry, read by the input's own reader, each with the digits it was written with. */
function readValues(body: string): ClaimedValue[] {
  const { matrix, tokens } = parseMatrixTokens(body, SOURCE);
  const values: ClaimedValue[] = [];
  // A notation that makes a value of more than one token (a fraction written apart) has no
  // token of that value: such a value is taken as exact.
  let next = 0;
  for (const value of matrix.data) {
    const token: Token | undefined = tokens[next];
    if (token && Object.is(token.read.kind === 'number' ? token.read.value : NaN, value)) {
      values.push(claimedValue(token.length > token.text.length ? '' : token.text, value));
      next++;
    } else values.push(exactValue(String(value), value));
  }
  return values;
}

/** A value as written: how precisely, by its digits. */
export function claimedValue(text: string, value: number): ClaimedValue {
  // (A token too long to keep whole, '', is surely past seven digits: judged as exact.)
  const m = text === '' ? null : DIGITS.exec(text);
  if (!m || !Number.isFinite(value)) return exactValue(text || String(value), value);
  const decimals = (m[2] ?? '').length - Number(m[3] ?? 0);
  const significant = `${m[1]}${m[2] ?? ''}`.replace(/^0+/, '');
  return {
    text,
    value,
    half: 0.5 * 10 ** -decimals,
    decimals: Math.max(0, decimals),
    digits: significant.length > 0 ? significant.length : 1,
  };
}

function exactValue(text: string, value: number): ClaimedValue {
  return { text, value, decimals: 0, digits: Infinity };
}

/** Does a claim ask for a gradient (which some commands compute only with --grad)? */
export function wantsGradient(claims: readonly Claim[]): boolean {
  return claims.some((c) => c.quantity !== undefined && /^grad/i.test(c.quantity.trim()));
}
