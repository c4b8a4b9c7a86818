// Reads a matrix from text in any notation people paste, detected as it goes:
//   plain        2 0.5 -1 / 1,2;3,4 / CSV or TSV with an optional header row, # comments
//   brackets     [1,2,3]  [[1,2],[3,4]]  (JSON, Python lists, NumPy's print without commas)
//   MATLAB       [2 0.5 -1; 0.3 1.8 0.2]  (rows split by ; or newlines inside one bracket)
//   wrappers     tensor([[...]], dtype=torch.float64, grad_fn=<...>)  array([...])
// The parser is fed text in chunks and hands out each row as soon as it ends, so a caller
// can stream a large input without holding its text; `parseMatrixText` collects the rows.
import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import type { Matrix } from '../matrix.js';
import { normalizeText } from './normalize.js';
import { readNumber } from './number.js';

export interface ParsedMatrix extends Matrix {
  /** Column names from a CSV/TSV header row, if the input had one. */
  readonly colLabels?: readonly string[];
}

/** Receives each row as it ends. The array is reused for the next row: copy what you keep. */
export type RowSink = (row: Float64Array, index: number) => void;

const OPENERS: Record<string, string> = { '[': ']', '(': ')' };
const NON_ASCII = /[^\x00-\x7f]/;
const WRAPPER_NAME = /^[A-Za-z_][\w.]*$/; // tensor, array, np.array, torch.tensor

interface DeferredToken {
  text: string;
  col: number;
}

/** A part read with `plainLines` holds brackets: the caller reads the input whole, in order. */
export class NotPlainLines extends Error {}

export class MatrixTextParser {
  private token = '';
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
  private deferred: DeferredToken[] = [];
  private firstLine = '';
  private labels: string[] | undefined;
  /** The first token of a header row, for the error when a one-line input is all words. */
  private headerToken = '';
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
    for (let k = 0; k < text.length; k++) this.step(text[k]);
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
      if (k < limit && this.token === '' && this.canScan()) {
        k = this.scanRun(bytes, k, limit);
        if (k >= n) break;
      }
      const c = bytes[k];
      if (c >= 0x80) return k;
      this.step(String.fromCharCode(c));
      k++;
    }
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
    const bigger = new Float64Array(this.rowBuf.length * 2);
    bigger.set(this.rowBuf);
    this.rowBuf = bigger;
    return bigger;
  }

  private canScan(): boolean {
    return !this.inComment && this.wrapper !== 'tail' && !this.deferring;
  }

  /** Rows handed out so far (counting from 0, or from a part's `firstRow`). */
  get rows(): number {
    return this.rowCount;
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    if (this.wrapper === 'tail') this.unclosed('(', this.wrapperRow);
    this.flushToken();
    this.endLine();
    const open = this.brackets[this.brackets.length - 1];
    if (open) this.unclosed(open.opener, open.row);
    if (this.wrapper === 'open') this.unclosed('(', this.wrapperRow);
    if (this.rowCount === 0 && this.labels && !this.sawNewline) {
      // One line of words (`xent softmax abc`) is a typo, not a header without data.
      throw new XentError('err.notNumber', { token: this.headerToken, row: 1, col: 1, source: this.source });
    }
    if (this.rowCount === 0) throw new XentError('err.empty', { source: this.source });
    if (this.labels && this.labels.length !== this.cols) {
      throw new XentError('err.headerWidth', { source: this.source, got: this.labels.length, expected: this.cols });
    }
    return this.cols;
  }

  private step(c: string): void {
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
    if (this.deferring && this.brackets.length === 0 && c !== '\n') this.firstLine += c;
    switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case '\ufeff': // a byte-order mark at the start of a file
        this.flushToken();
        return;
      case ',':
        this.flushToken();
        this.lastWasComma = true;
        return;
      case '\n':
        this.flushToken();
        this.sawNewline = true;
        this.newline();
        return;
      case ';':
        this.flushToken();
        if (this.brackets.length === 0) this.endLine();
        else this.endRow();
        return;
      case '#':
        this.flushToken();
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
        this.token += c;
    }
  }

  private open(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    const name = this.token;
    if (c === '(' && WRAPPER_NAME.test(name) && this.wrapper === 'none' && this.brackets.length === 0 && this.rowLen === 0) {
      // `tensor(`, `array(`, `np.array(`: a call around the data.
      this.token = '';
      this.deferring = false;
      this.firstLine = '';
      this.wrapper = 'open';
      this.wrapperRow = this.rowCount + 1;
      return;
    }
    this.flushToken();
    if (this.rowLen > 0) this.unexpected(c);
    if (this.brackets.length === 0) this.endLine();
    this.deferring = false;
    this.brackets.push({ opener: c, closer: OPENERS[c], row: this.rowCount + 1 });
    if (this.brackets.length >= 2) this.nestedGroup = true;
  }

  private close(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    this.flushToken();
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

  private flushToken(): void {
    let text = this.token;
    if (text === '') return;
    this.token = '';
    this.lastWasComma = false;
    if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
      text = text.slice(1, -1);
    }
    if (this.deferring && this.rowCount === 0 && this.labels === undefined && this.wrapper === 'none') {
      if (readNumber(text).kind === 'other') {
        this.deferred.push({ text, col: this.deferred.length + 1 });
        return;
      }
      // A number: the first line is data, not a header, and the fast path may take the rest.
      const word = this.deferred[0];
      if (word) this.pushToken(word.text, word.col);
      this.deferring = false;
      this.firstLine = '';
    }
    this.pushToken(text, this.rowLen + 1);
  }

  private pushToken(text: string, col: number): void {
    const read = readNumber(text);
    if (read.kind === 'number') {
      this.pushValue(read.value);
      return;
    }
    const where = { token: text, row: this.rowCount + 1, col, source: this.source };
    if (read.kind === 'nan') throw new XentError('err.nan', where);
    if (read.kind === 'overflow') throw new XentError('err.overflow', where);
    throw new XentError('err.notNumber', where);
  }

  /** End of a line outside brackets: settle a held-back first line, then end the row. */
  private endLine(): void {
    if (this.deferring && this.deferred.length > 0) {
      // Only words were held back (a number ends the holding back): a header row.
      this.headerToken = this.deferred[0].text;
      this.deferred = [];
      this.deferring = false;
      this.labels = splitHeader(this.firstLine);
      this.firstLine = '';
      return;
    }
    this.firstLine = '';
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

/** Grows a row-major Float64Array as rows arrive. */
export class MatrixBuilder {
  private data = new Float64Array(64);
  private length = 0;
  rows = 0;

  readonly add: RowSink = (row) => {
    if (this.length + row.length > this.data.length) {
      const bigger = new Float64Array(Math.max(this.data.length * 2, this.length + row.length));
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
  const builder = new MatrixBuilder();
  const parser = new MatrixTextParser(source, builder.add);
  if (NON_ASCII.test(text)) parser.feed(text);
  else parser.feedAscii(new TextEncoder().encode(text));
  const cols = parser.finish();
  return builder.build(cols, parser.colLabels);
}
