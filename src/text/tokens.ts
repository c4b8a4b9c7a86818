// The tokens of the text reader: which characters make them up, and the token being read,
// fed in runs of characters as chunks arrive, kept in memory that does not grow with it.
// What ends a token (blank space, separators, brackets, comments) is notation.ts's to tell.
import { QUOTED_WHOLE, XentError, quotedText } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { DecimalReader } from './decimal.js';
import { finiteOrOverflow, type NumberToken, readNumber } from './number.js';

/** A word that may open a call around the data: tensor, array, np.array, torch.tensor. */
const WRAPPER_NAME = /^[A-Za-z_][\w.]*$/;
/** The mark NumPy and PyTorch print for the numbers a summarised print leaves out: `...`, `…`. */
const ELLIPSIS = /^(?:\.{3,}|\u2026+)$/;
/** A call around one number in a list: NumPy 2's scalars (`np.float32(0.1)`) and PyTorch's (`tensor(0.5)`). */
const SCALAR_NAME =
  /^(?:(?:np|numpy)\.(?:float(?:16|32|64|96|128)|u?int(?:8|16|32|64)|longdouble|double|single|half)|(?:torch\.)?tensor)$/;
/** Characters kept of a token: all of a short one, the start of a long one (for messages). */
const TOKEN_KEPT = QUOTED_WHOLE;
const OTHER: NumberToken = { kind: 'other' };

/** ASCII bytes that a token is made of (every other character is too, but U+FEFF). */
export const TOKEN_BYTE = new Uint8Array(256);
for (let c = 0; c < 0x80; c++) TOKEN_BYTE[c] = ' \t\r\n,;#[](){}'.includes(String.fromCharCode(c)) ? 0 : 1;

export function isTokenChar(c: number): boolean {
  return c < 0x80 ? TOKEN_BYTE[c] === 1 : c !== 0xfeff;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** The character at `k` of a string, or of ASCII bytes. */
function codeAt(text: string | Uint8Array, k: number): number {
  return typeof text === 'string' ? text.charCodeAt(k) : text[k];
}

/** A token read: its text (quotes taken off; only the start of a long one), its length, its value. */
export interface Token {
  readonly text: string;
  readonly length: number;
  readonly read: NumberToken;
}

/** What ended a token: blank space (more may follow on its line), its line (or the input), or anything else. */
export type TokenEnd = 'space' | 'line' | 'other';

export function isFile(source: MessageParam): boolean {
  return typeof source === 'object' && 'key' in source && source.key === 'source.file';
}

/**
 * The error for a token that is not a number, at `row` and `col` of `source`. A word that is
 * the whole of its line (`wholeLine`) of a file is not quoted: the file may be private
 * (`--p @/etc/shadow`).
 */
export function tokenError(token: Token, row: number, col: number, source: MessageParam, wholeLine = false): XentError {
  const where = { token: quotedText(token.text, token.length), row, col, source };
  if (token.read.kind === 'nan') return new XentError('err.nan', where);
  if (token.read.kind === 'overflow') return new XentError('err.overflow', where);
  if (ELLIPSIS.test(token.text)) return new XentError('err.summarised', where);
  if (token.read.kind === 'percent') return new XentError('err.percentNotHere', where);
  if (token.read.kind === 'zeroDivision') return new XentError('err.zeroDivision', where);
  if (wholeLine && isFile(source))
    return new XentError('err.notNumberLine', { row, col, length: token.length, source });
  return new XentError('err.notNumber', where);
}

/**
 * The token being read: its first characters, its length, its first and last characters
 * and, once it is too long to keep, the decimal it reads as so far (an opening quote left
 * out: "1.5" reads as 1.5) and whether it is still a wrapper's name.
 */
export class TokenText {
  private head = '';
  private count = 0;
  private first = 0;
  private last = 0;
  private readonly longDecimal = new DecimalReader();
  /** A token too long to keep is still a wrapper's name (`tensor`, WRAPPER_NAME). */
  private longName = false;

  /** Characters read of the token (0: none, between tokens). */
  get length(): number {
    return this.count;
  }

  /**
   * Adds characters start…end of `text` (a string, or ASCII bytes), all of them token
   * characters. With `refuseWords` (a first line past its limit), stops and returns false at
   * the first character after which a token too long to keep can no longer be a number.
   */
  append(text: string | Uint8Array, start: number, end: number, refuseWords: boolean): boolean {
    if (this.count === 0) this.first = codeAt(text, start);
    this.last = codeAt(text, end - 1);
    const kept = Math.max(0, Math.min(end - start, TOKEN_KEPT - this.count));
    if (kept > 0) {
      this.head +=
        typeof text === 'string'
          ? text.slice(start, start + kept)
          : // spread-ok: at most TOKEN_KEPT (100) codes
            String.fromCharCode.apply(null, text.subarray(start, start + kept) as unknown as number[]);
      this.count += kept;
    }
    for (let k = start + kept; k < end; k++) {
      this.longChar(codeAt(text, k));
      if (refuseWords && !this.mayBeNumber()) return false;
    }
    return true;
  }

  /** The token is a wrapper's name, as in `tensor(`. */
  isName(): boolean {
    return this.count > TOKEN_KEPT ? this.longName : WRAPPER_NAME.test(this.head);
  }

  /** The token is the name of a scalar's call, as in `np.float32(`. */
  isScalarName(): boolean {
    return this.count <= TOKEN_KEPT && SCALAR_NAME.test(this.head);
  }

  /** The token read, quotes taken off ("1.5" and '1.5' read as 1.5), and cleared for the next. */
  take(): Token {
    const head = this.head;
    const length = this.count;
    const quote = isQuote(this.first);
    const quoted = quote && length >= 2 && this.last === this.first;
    this.head = '';
    this.count = 0;
    if (length <= TOKEN_KEPT) {
      const text = quoted ? head.slice(1, -1) : head;
      return { text, length: text.length, read: readNumber(text) };
    }
    // A closing quote is not part of the number; a token with an unclosed one is a word.
    if (quoted) this.longDecimal.unpush();
    const read = (!quote || quoted) && this.longDecimal.accepted() ? finiteOrOverflow(this.longDecimal.value()) : OTHER;
    this.longDecimal.reset();
    return { text: quoted ? head.slice(1) : head, length: quoted ? length - 2 : length, read };
  }

  /** A character of a token too long to keep: read on in a reader that sums its value, from its start. */
  private longChar(code: number): void {
    if (this.count === TOKEN_KEPT) {
      for (let k = isQuote(this.first) ? 1 : 0; k < TOKEN_KEPT; k++) this.longDecimal.push(this.head.charCodeAt(k));
      this.longName = WRAPPER_NAME.test(this.head);
    }
    this.longDecimal.push(code);
    this.longName &&=
      code === 46 || code === 95 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    this.count++;
    this.last = code;
  }

  /** The long token read so far may still turn out a number (a decimal, or one in quotes). */
  private mayBeNumber(): boolean {
    return this.longDecimal.alive() || (isQuote(this.first) && this.last === this.first);
  }
}
