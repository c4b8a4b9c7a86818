// Reads a matrix from text in any notation people paste, detected as it goes:
//   plain        2 0.5 -1 / 1,2;3,4 / CSV or TSV with an optional header row, # comments
//   brackets     [1,2,3]  [[1,2],[3,4]]  (JSON, Python lists, NumPy's print without commas)
//   MATLAB       [2 0.5 -1; 0.3 1.8 0.2]  (rows split by ; or newlines inside one bracket)
//   wrappers     tensor([[...]], dtype=torch.float64, grad_fn=<...>)  array([...])
// The parser is fed text in chunks and hands out each row as soon as it ends, so a caller
// can stream a large input without holding its text; `parseMatrixText` collects the rows.
import { QUOTED_WHOLE, XentError, quotedText } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import type { Matrix } from '../matrix.js';
import { normalizeText } from './normalize.js';
import { DecimalReader, type NumberToken, readNumber } from './number.js';

export interface ParsedMatrix extends Matrix {
  /** Column names from a CSV/TSV header row, if the input had one. */
  readonly colLabels?: readonly string[];
}

/** Receives each row as it ends. The array is reused for the next row: copy what you keep. */
export type RowSink = (row: Float64Array, index: number) => void;

const OPENERS: Record<string, string> = { '[': ']', '(': ')' };
const NON_ASCII = /[^\x00-\x7f]/;
const WRAPPER_NAME = /^[A-Za-z_][\w.]*$/; // tensor, array, np.array, torch.tensor

/**
 * Brackets nested deeper than this are refused. A matrix needs two levels and NumPy prints
 * at most 64; the limit keeps the memory for open brackets bounded (100 MB of '[').
 */
export const MAX_DEPTH = 64;
/**
 * A first line of only words is held until its end, as a possible header row; beyond this
 * many characters it is refused (4 Mi: the names of some 500 000 columns).
 */
export const MAX_HEADER_CHARS = 1 << 22;
/** Characters kept of a token: all of a short one, the start of a long one (for messages). */
const TOKEN_KEPT = QUOTED_WHOLE;
const OTHER: NumberToken = { kind: 'other' };

/** A token read: its text (quotes taken off; only the start of a long one), its length, its value. */
interface Token {
  readonly text: string;
  readonly length: number;
  readonly read: NumberToken;
}

/** What ended a token: blank space (more may follow on its line), its line (or the input), or anything else. */
type TokenEnd = 'space' | 'line' | 'other';

/** A word that began a line of a file: an error, quoted or not once the rest of its line tells. */
interface PendingWord {
  readonly token: Token;
  readonly row: number;
  readonly col: number;
}

/**
 * Text built one character at a time, in flat pieces (a string grown by `+=` is a chain of
 * ~32 bytes per character until it is read), up to `limit` characters: past it, characters
 * are dropped and `full` says so.
 */
class TextBuilder {
  private readonly codes = new Uint16Array(1024);
  private used = 0;
  private pieces: string[] = [];
  length = 0;
  full = false;

  constructor(private readonly limit: number) {}

  add(code: number): void {
    if (this.length === this.limit) {
      this.full = true;
      return;
    }
    this.codes[this.used++] = code;
    this.length++;
    if (this.used === this.codes.length) this.spill();
  }

  text(): string {
    this.spill();
    return this.pieces.join('');
  }

  clear(): void {
    if (this.length === 0) return;
    this.pieces = [];
    this.used = 0;
    this.length = 0;
    this.full = false;
  }

  private spill(): void {
    // spread-ok: at most the 1024 codes of the buffer
    if (this.used > 0) this.pieces.push(String.fromCharCode(...this.codes.subarray(0, this.used)));
    this.used = 0;
  }
}

/** ASCII bytes that step() adds to the token (every other character does too, but U+FEFF). */
const TOKEN_BYTE = new Uint8Array(256);
for (let c = 0; c < 0x80; c++) TOKEN_BYTE[c] = ' \t\r\n,;#[]()'.includes(String.fromCharCode(c)) ? 0 : 1;

function isTokenChar(c: number): boolean {
  return c < 0x80 ? TOKEN_BYTE[c] === 1 : c !== 0xfeff;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

function isFile(source: MessageParam): boolean {
  return typeof source === 'object' && source.key === 'source.file';
}

/** A part read with `plainLines` holds brackets: the caller reads the input whole, in order. */
export class NotPlainLines extends Error {}

export class MatrixTextParser {
  // The token being read, in memory that does not grow with it: its first characters, its
  // length, its first and last characters and, once it is too long to keep, the decimal it
  // reads as so far (an opening quote left out: "1.5" reads as 1.5).
  private tokenHead = '';
  private tokenLength = 0;
  private tokenFirst = 0;
  private tokenLast = 0;
  private readonly longDecimal = new DecimalReader();
  /** A token too long to keep is still a wrapper's name (`tensor`, WRAPPER_NAME). */
  private longName = false;
  /** A word that began a line of a file, waiting for the rest of the line (see pushToken). */
  private pendingWord: PendingWord | undefined;
  // Where the character being read is, for errors that name a line and column.
  private line = 1;
  private lineStart = 0;
  private at = 0;
  /** Characters fed before the current chunk. */
  private consumed = 0;
  /** The row being read, reused from row to row (rows are handed out as views). */
  private rowBuf = new Float64Array(16);
  private rowLen = 0;
  private rowCount = 0;
  private cols = -1;
  /** Open brackets, innermost last: the closer expected, and where each was opened. */
  private readonly brackets: { opener: string; closer: string; row: number }[] = [];
  /** The bracket group at depth 1 holds nested groups (so newlines inside it do not split rows). */
  private nestedGroup = false;
  private lastWasComma = false;
  private inComment = false;
  /** A call such as `tensor(` … `)`: 'open' inside it, 'tail' after its data, skipping `, dtype=…`. */
  private wrapper: 'none' | 'open' | 'tail' = 'none';
  private wrapperRow = 0;
  /** The first plain line is held back until its end, to tell a header row from data. */
  private deferring = true;
  /** The first word held back (the only one an error can name). */
  private firstWord: Token | undefined;
  private readonly firstLine = new TextBuilder(MAX_HEADER_CHARS);
  private labels: string[] | undefined;
  /** The first token of a header row, for the error when a one-line input is all words. */
  private headerWord: Token | undefined;
  private sawNewline = false;

  /**
   * `part`: the text is one part of a larger input, read apart from the rest (in parallel).
   * `firstRow`: it starts after the first `firstRow` rows, read elsewhere: rows are numbered
   * from there and no header is looked for. `plainLines`: brackets are refused with
   * NotPlainLines, as a row in brackets may span lines and parts.
   */
  constructor(
    private readonly source: MessageParam,
    private readonly sink: RowSink,
    private readonly part: { readonly firstRow?: number; readonly plainLines?: boolean } = {},
  ) {
    if (part.firstRow !== undefined) {
      this.rowCount = part.firstRow;
      this.deferring = false;
    }
  }

  get columns(): number {
    return this.cols;
  }

  get colLabels(): readonly string[] | undefined {
    return this.labels;
  }

  /** Any text: normalises what people paste (full-width digits, Unicode minus), then reads it. */
  feed(chunk: string): void {
    const text = NON_ASCII.test(chunk) ? normalizeText(chunk) : chunk;
    const n = text.length;
    for (let k = 0; k < n; ) {
      if (isTokenChar(text.charCodeAt(k)) && this.readsTokens()) {
        // A run of token characters at once: the token's text is then a flat string.
        let end = k + 1;
        while (end < n && isTokenChar(text.charCodeAt(end))) end++;
        this.tokenRun(text, k, end);
        k = end;
        continue;
      }
      this.at = this.consumed + k;
      this.step(text[k]);
      k++;
    }
    this.consumed += n;
  }

  /**
   * ASCII bytes, the bulk of a large file, read without decoding: plain decimals straight
   * from the bytes (with the exact value Number() would give) and the separators between
   * them; anything else goes through step(). Stops at the first byte ≥ 0x80 and returns its
   * index (the caller decodes the rest as text), or the length when all was read.
   */
  feedAscii(bytes: Uint8Array): number {
    const n = bytes.length;
    // The fast path reads up to the chunk's last delimiter: a number before it always ends
    // inside the chunk, so its loops need no end-of-chunk checks. The few bytes after it
    // (the start of a number the next chunk ends) go through step().
    let limit = n;
    while (limit > 0 && !isDelimiter(bytes[limit - 1])) limit--;
    let k = 0;
    while (k < n) {
      if (k < limit && this.tokenLength === 0 && this.canScan()) {
        k = this.scanRun(bytes, k, limit);
        if (k >= n) break;
      }
      const c = bytes[k];
      if (c >= 0x80) {
        this.consumed += k;
        return k;
      }
      if (TOKEN_BYTE[c] === 1 && this.readsTokens()) {
        let end = k + 1;
        while (end < n && TOKEN_BYTE[bytes[end]] === 1) end++;
        this.tokenRun(bytes, k, end);
        k = end;
        continue;
      }
      this.at = this.consumed + k;
      this.step(String.fromCharCode(c));
      k++;
    }
    this.consumed += n;
    return n;
  }

  /**
   * The fast path, for the bulk of a large file: numbers, the separators between them and
   * the ends of plain lines, read in one tight loop with the row being filled held in
   * locals. Each byte it takes is handled exactly as step() would handle it; it stops at the
   * first byte it does not take (or a number it cannot read exactly) and returns its index.
   * `bytes[limit - 1]` is a delimiter.
   */
  private scanRun(bytes: Uint8Array, start: number, limit: number): number {
    let k = start;
    let row: Float64Array = this.rowBuf;
    let length = this.rowLen;
    let comma = this.lastWasComma;
    while (k < limit) {
      const c = bytes[k];
      if (c === 44) {
        comma = true;
        k++;
      } else if (c === 32 || c === 9 || c === 13) {
        k++;
      } else if (c === 10) {
        // Inside brackets a newline may or may not end a row: step() decides.
        if (this.brackets.length !== 0) break;
        this.rowLen = length;
        this.sawNewline = true;
        this.line++;
        this.lineStart = this.consumed + k + 1;
        this.endLine();
        row = this.rowBuf;
        length = this.rowLen;
        comma = this.lastWasComma;
        k++;
      } else {
        const end = scanDecimal(bytes, k, SCANNED);
        if (end < 0) break;
        if (length === row.length) row = this.growRow();
        row[length++] = SCANNED[0];
        comma = false;
        k = end;
      }
    }
    this.rowLen = length;
    this.lastWasComma = comma;
    return k;
  }

  /** Doubles the row buffer (kept out of the hot loop, which it would slow). */
  private growRow(): Float64Array {
    const bigger = allocate(this.rowBuf.length * 2, this.source);
    bigger.set(this.rowBuf);
    this.rowBuf = bigger;
    return bigger;
  }

  private canScan(): boolean {
    return !this.inComment && this.wrapper !== 'tail' && !this.deferring && this.pendingWord === undefined;
  }

  /** Rows handed out so far (counting from 0, or from a part's `firstRow`). */
  get rows(): number {
    return this.rowCount;
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    if (this.pendingWord) this.refusePending(true);
    if (this.wrapper === 'tail') this.unclosed('(', this.wrapperRow);
    this.flushToken('line');
    this.endLine();
    const open = this.brackets[this.brackets.length - 1];
    if (open) this.unclosed(open.opener, open.row);
    if (this.wrapper === 'open') this.unclosed('(', this.wrapperRow);
    if (this.rowCount === 0 && this.labels && this.headerWord && !this.sawNewline) {
      // One line of words (`xent softmax abc`) is a typo, not a header without data.
      this.refuse(this.headerWord, 1, 1, this.labels.length === 1 ? 'line' : 'other');
    }
    if (this.rowCount === 0) throw new XentError('err.empty', { source: this.source });
    if (this.labels && this.labels.length !== this.cols) {
      throw new XentError('err.headerWidth', { source: this.source, got: this.labels.length, expected: this.cols });
    }
    return this.cols;
  }

  private step(c: string): void {
    if (c === '\n') {
      this.line++;
      this.lineStart = this.at + 1;
    }
    if (this.pendingWord) {
      if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') return;
      this.refusePending(c === '\n');
    }
    if (this.inComment) {
      if (c === '\n') {
        this.inComment = false;
        this.newline();
      }
      return;
    }
    if (this.wrapper === 'tail') {
      // After the data of tensor([...]): skip ", dtype=…, requires_grad=True" up to ")".
      if (c === ')') this.wrapper = 'none';
      return;
    }
    if (this.deferring && this.brackets.length === 0 && c !== '\n') this.firstLine.add(c.charCodeAt(0));
    switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case '\ufeff': // a byte-order mark at the start of a file
        this.flushToken('space');
        return;
      case ',':
        this.flushToken('other');
        this.lastWasComma = true;
        return;
      case '\n':
        this.flushToken('line');
        this.sawNewline = true;
        this.newline();
        return;
      case ';':
        this.flushToken('other');
        if (this.brackets.length === 0) this.endLine();
        else this.endRow();
        return;
      case '#':
        this.flushToken('other');
        this.inComment = true;
        return;
      case '[':
      case '(':
        this.open(c);
        return;
      case ']':
      case ')':
        this.close(c);
        return;
      default:
        this.tokenChar(c);
    }
  }

  private tokenChar(c: string): void {
    this.tokenRun(c, 0, 1);
  }

  /** Where step() would add each character to the token (so a run of them may skip it). */
  private readsTokens(): boolean {
    return !this.inComment && this.wrapper !== 'tail' && this.pendingWord === undefined;
  }

  /** Characters start…end of `text` (a string, or ASCII bytes), all of them token characters. */
  private tokenRun(text: string | Uint8Array, start: number, end: number): void {
    const code = typeof text === 'string' ? (k: number) => text.charCodeAt(k) : (k: number) => text[k];
    if (this.deferring && this.brackets.length === 0) for (let k = start; k < end; k++) this.firstLine.add(code(k));
    if (this.tokenLength === 0) this.tokenFirst = code(start);
    this.tokenLast = code(end - 1);
    const kept = Math.max(0, Math.min(end - start, TOKEN_KEPT - this.tokenLength));
    if (kept > 0) {
      this.tokenHead +=
        typeof text === 'string'
          ? text.slice(start, start + kept)
          : // spread-ok: at most TOKEN_KEPT (100) codes
            String.fromCharCode.apply(null, text.subarray(start, start + kept) as unknown as number[]);
      this.tokenLength += kept;
    }
    for (let k = start + kept; k < end; k++) this.longChar(code(k));
  }

  /** A character of a token too long to keep: read on in a reader that sums its value, from its start. */
  private longChar(code: number): void {
    if (this.tokenLength === TOKEN_KEPT) {
      for (let k = isQuote(this.tokenFirst) ? 1 : 0; k < TOKEN_KEPT; k++) this.longDecimal.push(this.tokenHead.charCodeAt(k));
      this.longName = WRAPPER_NAME.test(this.tokenHead);
    }
    this.longDecimal.push(code);
    this.longName &&= code === 46 || code === 95 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    this.tokenLength++;
    this.tokenLast = code;
    // A first line past its limit is an error once a word is in it. A number ends the
    // holding back, so a long token that may still be one is read to its end.
    if (this.firstLine.full && this.deferring && !this.mayBeNumber()) this.headerTooLong();
  }

  /** The long token read so far may still turn out a number (a decimal, or one in quotes). */
  private mayBeNumber(): boolean {
    return this.longDecimal.alive() || (isQuote(this.tokenFirst) && this.tokenLast === this.tokenFirst);
  }

  private headerTooLong(): never {
    throw new XentError('err.headerTooLong', { source: this.source, max: MAX_HEADER_CHARS });
  }

  /** The token read, quotes taken off ("1.5" and '1.5' read as 1.5), and cleared for the next. */
  private takeToken(): Token {
    const head = this.tokenHead;
    const length = this.tokenLength;
    const quote = isQuote(this.tokenFirst);
    const quoted = quote && length >= 2 && this.tokenLast === this.tokenFirst;
    this.tokenHead = '';
    this.tokenLength = 0;
    if (length <= TOKEN_KEPT) {
      const text = quoted ? head.slice(1, -1) : head;
      return { text, length: text.length, read: readNumber(text) };
    }
    // A closing quote is not part of the number; a token with an unclosed one is a word.
    if (quoted) this.longDecimal.unpush();
    const read = (!quote || quoted) && this.longDecimal.accepted() ? this.longDecimal.value() : OTHER;
    this.longDecimal.reset();
    return { text: quoted ? head.slice(1) : head, length: quoted ? length - 2 : length, read };
  }

  private open(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    const isName = this.tokenLength > TOKEN_KEPT ? this.longName : WRAPPER_NAME.test(this.tokenHead);
    if (c === '(' && isName && this.wrapper === 'none' && this.brackets.length === 0 && this.rowLen === 0) {
      // `tensor(`, `array(`, `np.array(`: a call around the data.
      this.takeToken();
      this.deferring = false;
      this.firstLine.clear();
      this.wrapper = 'open';
      this.wrapperRow = this.rowCount + 1;
      return;
    }
    this.flushToken('other');
    if (this.rowLen > 0) this.unexpected(c);
    if (this.brackets.length === 0) this.endLine();
    this.deferring = false;
    if (this.brackets.length >= MAX_DEPTH) {
      throw new XentError('err.tooDeep', { source: this.source, max: MAX_DEPTH, line: this.line, column: this.at - this.lineStart + 1 });
    }
    this.brackets.push({ opener: c, closer: OPENERS[c], row: this.rowCount + 1 });
    if (this.brackets.length >= 2) this.nestedGroup = true;
  }

  private close(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    this.flushToken('other');
    if (this.brackets.length === 0) {
      if (c === ')' && this.wrapper === 'open') {
        this.endRow();
        this.wrapper = 'none';
        return;
      }
      this.unbalanced(c);
    }
    if (this.brackets[this.brackets.length - 1].closer !== c) this.unbalanced(c);
    this.endRow();
    this.brackets.pop();
    if (this.brackets.length === 0) {
      this.nestedGroup = false;
      if (this.wrapper === 'open') this.wrapper = 'tail';
    }
  }

  private newline(): void {
    const depth = this.brackets.length;
    if (depth === 0) this.endLine();
    else if (depth === 1 && !this.nestedGroup && !this.lastWasComma) this.endRow();
  }

  private flushToken(end: TokenEnd): void {
    if (this.tokenLength === 0) return;
    // Nothing before it on its line (or so it seems: a line such as `1;x` counts too).
    const startsLine = this.rowLen === 0 && !this.lastWasComma && this.brackets.length === 0 && this.wrapper === 'none';
    const token = this.takeToken();
    this.lastWasComma = false;
    if (this.deferring && this.rowCount === 0 && this.labels === undefined && this.wrapper === 'none') {
      if (token.read.kind === 'other') {
        if (this.firstLine.full) this.headerTooLong();
        this.firstWord ??= token;
        return;
      }
      // A number: the first line is data, not a header, and the fast path may take the rest.
      if (this.firstWord) this.refuse(this.firstWord, this.rowCount + 1, 1, 'other');
      this.deferring = false;
      this.firstLine.clear();
    }
    this.pushToken(token, this.rowLen + 1, startsLine ? end : 'other');
  }

  private pushToken(token: Token, col: number, end: TokenEnd): void {
    if (token.read.kind === 'number') {
      this.pushValue(token.read.value);
      return;
    }
    this.refuse(token, this.rowCount + 1, col, end);
  }

  /**
   * The error for a token that is not a number. A word that may be a whole line of a file
   * is not quoted (the file may be private: `--p @/etc/shadow`): `end` 'line' says it is,
   * 'space' that the rest of the line will tell (pendingWord), 'other' that it is not.
   */
  private refuse(token: Token, row: number, col: number, end: TokenEnd): void {
    const where = { token: quotedText(token.text, token.length), row, col, source: this.source };
    if (token.read.kind === 'nan') throw new XentError('err.nan', where);
    if (token.read.kind === 'overflow') throw new XentError('err.overflow', where);
    if (end === 'other' || !isFile(this.source)) throw new XentError('err.notNumber', where);
    this.pendingWord = { token, row, col };
    if (end === 'line') this.refusePending(true);
  }

  private refusePending(wholeLine: boolean): never {
    const { token, row, col } = this.pendingWord!;
    if (wholeLine) throw new XentError('err.notNumberLine', { row, col, length: token.length, source: this.source });
    throw new XentError('err.notNumber', { token: quotedText(token.text, token.length), row, col, source: this.source });
  }

  /** End of a line outside brackets: settle a held-back first line, then end the row. */
  private endLine(): void {
    if (this.deferring && this.firstWord) {
      // Only words were held back (a number ends the holding back): a header row.
      this.headerWord = this.firstWord;
      this.firstWord = undefined;
      this.deferring = false;
      this.labels = splitHeader(this.firstLine.text());
      this.firstLine.clear();
      return;
    }
    this.firstLine.clear();
    this.endRow();
  }

  private endRow(): void {
    this.lastWasComma = false;
    const length = this.rowLen;
    if (length === 0) return;
    this.rowLen = 0;
    if (this.cols < 0) this.cols = length;
    else if (length !== this.cols) {
      throw new XentError('err.ragged', { source: this.source, row: this.rowCount + 1, got: length, expected: this.cols });
    }
    this.sink(this.rowBuf.subarray(0, length), this.rowCount);
    this.rowCount++;
  }

  private pushValue(value: number): void {
    if (this.rowLen === this.rowBuf.length) this.growRow();
    this.rowBuf[this.rowLen++] = value;
  }

  private unclosed(token: string, row: number): never {
    throw new XentError('err.unclosed', { source: this.source, token, row });
  }

  private unbalanced(token: string): never {
    throw new XentError('err.unbalanced', { source: this.source, token, row: this.rowCount + 1 });
  }

  private unexpected(token: string): never {
    throw new XentError('err.unexpected', {
      source: this.source,
      token,
      row: this.rowCount + 1,
      col: this.rowLen + 1,
    });
  }
}

/** Where scanDecimal puts the value it read (a typed array: no object is written per number). */
const SCANNED = new Float64Array(1);
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 1e22

/** Characters that may end a number token. */
function isDelimiter(c: number): boolean {
  // space \t \n \r , ; ] ) #
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 59 || c === 93 || c === 41 || c === 35;
}

/**
 * Reads a plain decimal (-12.345, .5, 7e-3) starting at `start` when it has at most 15
 * digits and a small exponent, and is followed by a delimiter. Its value is then m / 10^k or
 * m · 10^k with m and 10^k exact doubles, one correctly rounded operation: the same double
 * as Number(token). Returns the end index, or -1 when the token must go the general way.
 * The caller guarantees a delimiter at or after `start`, so every loop stops in bounds.
 */
function scanDecimal(bytes: Uint8Array, start: number, out: Float64Array): number {
  let k = start;
  let c = bytes[k];
  const negative = c === 45;
  if (negative || c === 43) c = bytes[++k];
  // Digits, leading zeros included (a rare long token like 0.0000000000001234 then goes the
  // general way): at most 15 keep the mantissa an exact integer below 2⁵³. The first 9 are
  // summed as an int32, which is quicker than a double's multiply-add; any more as a double.
  let small = 0;
  let digits = 0;
  let fraction = 0; // digits after the point
  let d = (c - 48) >>> 0;
  while (d <= 9 && digits < 9) {
    small = (small * 10 + d) | 0;
    digits++;
    d = (bytes[++k] - 48) >>> 0;
  }
  let mantissa = small;
  while (d <= 9) {
    mantissa = mantissa * 10 + d;
    digits++;
    d = (bytes[++k] - 48) >>> 0;
  }
  if (bytes[k] === 46) {
    d = (bytes[++k] - 48) >>> 0;
    if (digits < 9) {
      while (d <= 9 && digits < 9) {
        small = (small * 10 + d) | 0;
        digits++;
        fraction++;
        d = (bytes[++k] - 48) >>> 0;
      }
      mantissa = small;
    }
    while (d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      fraction++;
      d = (bytes[++k] - 48) >>> 0;
    }
  }
  c = bytes[k];
  if (digits === 0 || digits > 15) return -1;
  // An exponent is rare in data: read apart, so that this function stays small enough for
  // V8 to inline into the loop that calls it.
  if (c === 101 || c === 69) return scanExponent(bytes, k, mantissa, fraction, negative, out);
  if (!isDelimiter(c)) return -1;
  return setValue(mantissa, -fraction, negative, out) ? k : -1;
}

/** The exponent part of scanDecimal's number (`e` at `k`); the same rules and result. */
function scanExponent(bytes: Uint8Array, k: number, mantissa: number, fraction: number, negative: boolean, out: Float64Array): number {
  let c = bytes[++k];
  const expNegative = c === 45;
  if (expNegative || c === 43) c = bytes[++k];
  let exponent = 0;
  let expDigits = 0;
  while (c >= 48 && c <= 57 && expDigits < 4) {
    exponent = exponent * 10 + (c - 48);
    expDigits++;
    c = bytes[++k];
  }
  if (expDigits === 0 || (c >= 48 && c <= 57) || !isDelimiter(c)) return -1;
  return setValue(mantissa, (expNegative ? -exponent : exponent) - fraction, negative, out) ? k : -1;
}

/** mantissa · 10^scale into out[0] when that is one correctly rounded operation (|scale| ≤ 22). */
function setValue(mantissa: number, scale: number, negative: boolean, out: Float64Array): boolean {
  if (scale < -22 || scale > 22) return false;
  const magnitude = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
  out[0] = negative ? -magnitude : magnitude;
  return true;
}

/**
 * Column names: split on commas or tabs when the line has them (CSV quoting respected:
 * "b,c" is one name), else on spaces.
 */
function splitHeader(line: string): string[] {
  const text = line.replace(/^\ufeff/, '').trim();
  if (!/[,\t]/.test(text)) return text.split(/\s+/).map((p) => p.replace(/^(["'])(.*)\1$/, '$2'));
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',' || c === '\t') {
      names.push(field.trim());
      field = '';
    } else field += c;
  }
  names.push(field.trim());
  return names;
}

/**
 * A Float64Array of `length`, or the error that says the input holds too many numbers (V8
 * refuses typed arrays of 2³² elements and more, and allocations the machine cannot make).
 */
function allocate(length: number, source: MessageParam): Float64Array<ArrayBuffer> {
  try {
    return new Float64Array(length);
  } catch (error) {
    if (error instanceof RangeError) throw new XentError('err.tooManyValues', { source, count: Math.floor(length / 2) });
    throw error;
  }
}

/** Grows a row-major Float64Array as rows arrive. */
export class MatrixBuilder {
  private data = new Float64Array(64);
  private length = 0;
  rows = 0;

  /** `source`: the input, for the error when its numbers do not fit in memory. */
  constructor(private readonly source: MessageParam = 'the text') {}

  readonly add: RowSink = (row) => {
    if (this.length + row.length > this.data.length) {
      const bigger = allocate(Math.max(this.data.length * 2, this.length + row.length), this.source);
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(row, this.length);
    this.length += row.length;
    this.rows++;
  };

  build(cols: number, colLabels?: readonly string[]): ParsedMatrix {
    // A view, not a copy: a large matrix is held once.
    const data = this.data.subarray(0, this.length);
    return colLabels ? { rows: this.rows, cols, data, colLabels } : { rows: this.rows, cols, data };
  }
}

export function parseMatrixText(text: string, source: MessageParam): ParsedMatrix {
  const builder = new MatrixBuilder(source);
  const parser = new MatrixTextParser(source, builder.add);
  if (NON_ASCII.test(text)) parser.feed(text);
  else parser.feedAscii(new TextEncoder().encode(text));
  const cols = parser.finish();
  return builder.build(cols, parser.colLabels);
}
