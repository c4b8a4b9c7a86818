// Reads a matrix from text in any notation people paste, detected as it goes:
//   plain        2 0.5 -1 / 1,2;3,4 / CSV or TSV with an optional header row, # comments
//   brackets     [1,2,3]  [[1,2],[3,4]]  (JSON, Python lists, NumPy's print without commas)
//   MATLAB       [2 0.5 -1; 0.3 1.8 0.2]  (rows split by ; or newlines inside one bracket)
//   wrappers     tensor([[...]], dtype=torch.float64, grad_fn=<...>)  array([...])
//   Mathematica  {{1, 2}, {3, 4}}, and NumPy 2's scalars [np.float32(0.1), np.float64(2.0)]
//   numbers      ratios 1/3 (exact, ratio.ts), 1.5*^-3, and 70% where probabilities are expected
//   JSON         {"logits": [[...]]}, one object per line (JSON Lines): json-records.ts
//   LaTeX        \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} and the like: latex.ts
// The parser is fed text in chunks and hands out each row as soon as it ends, so a caller
// can stream a large input without holding its text; `parseMatrixText` collects the rows.
// The parts: tokens.ts (the token being read), decimal.ts and number.ts (its value),
// header.ts (the first line), notation.ts (the grammar), matrix-builder.ts (the rows);
// detect.ts tells JSON and LaTeX, whose readers hand the grammar the plain text of their matrix.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { isDelimiter, scanDecimal } from './decimal.js';
import { DECIDE_CHARS, detectNotation, type FrontReader, frontReader } from './detect.js';
import { MatrixBuilder, type ParsedMatrix, type RowSink } from './matrix-builder.js';
import { normalizeText } from './normalize.js';
import { NotationReader, NotPlainLines, type TextPart } from './notation.js';
import type { ShapedExtras } from './columns.js';
import { isTokenChar, type Token, TOKEN_BYTE } from './tokens.js';

export { MatrixBuilder, type ParsedMatrix, type RowSink } from './matrix-builder.js';
export { NotPlainLines, type TextPart } from './notation.js';
export type { ColumnOptions } from './columns.js';

const NON_ASCII = /[^\x00-\x7f]/;
/** Where scanDecimal puts the value it read (a typed array: no object is written per number). */
const SCANNED = new Float64Array(1);
const ASCII = new TextDecoder('latin1');

export class MatrixTextParser {
  private readonly notation: NotationReader;
  /** Characters fed before the current chunk. */
  private consumed = 0;
  /** The start of the input, until its notation is told (detect.ts). */
  private deciding: boolean;
  private pending = '';
  /** The JSON or LaTeX reader the text goes through, if it is in one of those. */
  private front: FrontReader | undefined;

  /**
   * `part`: the text is one part of a larger input, read apart from the rest (in parallel).
   * `firstRow`: it starts after the first `firstRow` rows, read elsewhere: rows are numbered
   * from there and no header is looked for. `plainLines`: brackets are refused with
   * NotPlainLines, as a row in brackets may span lines and parts.
   */
  constructor(
    private readonly source: MessageParam,
    sink: RowSink,
    private readonly part: TextPart = {},
  ) {
    this.notation = new NotationReader(source, sink, part);
    // A part after the first continues an input whose notation was told at its start.
    this.deciding = part.firstRow === undefined;
  }

  get columns(): number {
    return this.notation.rows.cols;
  }

  get colLabels(): readonly string[] | undefined {
    return this.notation.colLabels;
  }

  /** Not plain lines of numbers: columns chosen, a header of integers or row labels found (see NotationReader). */
  get reshaped(): boolean {
    return this.notation.reshaped;
  }

  /** The row labels, targets and notes of a whole reading (`keepLabels`), after finish(). */
  extras(): ShapedExtras {
    return this.notation.layout.extras();
  }

  /** Rows handed out so far (counting from 0, or from a part's `firstRow`). */
  get rows(): number {
    return this.notation.rows.count;
  }

  /** Any text: normalises what people paste (full-width digits, Unicode minus), then reads it. */
  feed(chunk: string): void {
    const text = NON_ASCII.test(chunk) ? normalizeText(chunk) : chunk;
    if (this.front) this.front.feed(text);
    else if (this.deciding) this.decide(text, false);
    else this.read(text);
  }

  /** The start of the input, held until its notation is told, then read in it. */
  private decide(text: string, complete: boolean): void {
    this.pending += text;
    const notation = detectNotation(this.pending, complete);
    if (notation === undefined) return;
    this.deciding = false;
    const held = this.pending;
    this.pending = '';
    if (notation === 'plain') {
      if (this.part.key !== undefined)
        throw new XentError('err.json.keyNotJson', { source: this.source, key: this.part.key });
      this.read(held);
      return;
    }
    // A JSON object or a LaTeX matrix may span lines, and parts.
    if (this.part.plainLines) throw new NotPlainLines();
    this.front = frontReader(notation, this.source, (plain) => this.read(plain), this.part.key);
    this.front.feed(held);
  }

  /** Text in the plain notations (normalised). */
  private read(text: string): void {
    const notation = this.notation;
    const n = text.length;
    for (let k = 0; k < n; ) {
      if (isTokenChar(text.charCodeAt(k)) && notation.readsTokens()) {
        // A run of token characters at once: the token's text is then a flat string.
        let end = k + 1;
        while (end < n && isTokenChar(text.charCodeAt(end))) end++;
        notation.tokenRun(text, k, end);
        k = end;
        continue;
      }
      notation.step(text[k], this.consumed + k);
      k++;
    }
    this.consumed += n;
  }

  /**
   * ASCII bytes, the bulk of a large file, read without decoding: plain decimals straight
   * from the bytes (with the exact value Number() would give) and the separators between
   * them; anything else goes through the notation's step(). Stops at the first byte ≥ 0x80
   * and returns its index (the caller decodes the rest as text), or the length when all was read.
   */
  feedAscii(bytes: Uint8Array): number {
    // JSON and LaTeX are read as text (the caller decodes what is not taken here).
    if (this.front) return 0;
    if (this.deciding) {
      // The start, a line at a time, as text until the notation is told (a line is enough).
      let k = 0;
      while (this.deciding && k < bytes.length) {
        const most = Math.min(bytes.length, k + DECIDE_CHARS);
        let end = k;
        while (end < most && bytes[end] < 0x80 && bytes[end] !== 10) end++;
        const nonAscii = end < most && bytes[end] >= 0x80;
        if (end < most && !nonAscii) end++;
        this.feed(ASCII.decode(bytes.subarray(k, end)));
        k = end;
        if (nonAscii) return k;
      }
      if (this.front || k === bytes.length) return k;
      return k + this.feedAscii(bytes.subarray(k));
    }
    const notation = this.notation;
    const n = bytes.length;
    // The fast path reads up to the chunk's last delimiter: a number before it always ends
    // inside the chunk, so its loops need no end-of-chunk checks. The few bytes after it
    // (the start of a number the next chunk ends) go through step().
    let limit = n;
    while (limit > 0 && !isDelimiter(bytes[limit - 1])) limit--;
    let k = 0;
    while (k < n) {
      if (k < limit && notation.canScan()) {
        k = this.scanRun(bytes, k, limit);
        if (k >= n) break;
      }
      const c = bytes[k];
      if (c >= 0x80) {
        this.consumed += k;
        return k;
      }
      if (TOKEN_BYTE[c] === 1 && notation.readsTokens()) {
        let end = k + 1;
        while (end < n && TOKEN_BYTE[bytes[end]] === 1) end++;
        notation.tokenRun(bytes, k, end);
        k = end;
        continue;
      }
      notation.step(String.fromCharCode(c), this.consumed + k);
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
    const notation = this.notation;
    const rows = notation.rows;
    let k = start;
    let row: Float64Array = rows.values;
    let length = rows.length;
    let comma = notation.lastWasComma;
    let tab = notation.lastWasTab;
    let blank = notation.lineBlank;
    while (k < limit) {
      const c = bytes[k];
      if (c === 9) {
        // A second tab leaves a field empty (a spreadsheet's empty cell): step() decides.
        if (tab) break;
        tab = true;
        k++;
        continue;
      }
      tab = false;
      if (c === 44) {
        // A second comma, or one starting a row, may leave a field empty: step() decides.
        if (comma || length === 0) break;
        comma = true;
        blank = false;
        k++;
      } else if (c === 32) {
        k++;
      } else if (c === 10 || c === 13) {
        // Inside brackets a newline may or may not end a row, and after a comma the last
        // field is empty: step() decides. CR ends a line; an LF right after it is its CRLF.
        if (notation.depth !== 0 || comma) break;
        const at = this.consumed + k;
        if (c === 13) notation.crAt = at;
        else if (at === notation.crAt + 1) {
          k++;
          continue;
        }
        rows.length = length;
        notation.lineBlank = blank;
        notation.newlineAt(at);
        row = rows.values;
        length = rows.length;
        comma = notation.lastWasComma;
        blank = true;
        k++;
      } else {
        const end = scanDecimal(bytes, k, SCANNED);
        if (end < 0) break;
        if (length === row.length) row = rows.grow();
        row[length++] = SCANNED[0];
        comma = false;
        blank = false;
        k = end;
      }
    }
    rows.length = length;
    notation.lastWasComma = comma;
    notation.lastWasTab = tab;
    notation.lineBlank = blank;
    return k;
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    if (this.deciding) this.decide('', true);
    this.front?.finish();
    return this.notation.finish();
  }
}

/** `part`: how the text is read (see TextPart: `percent`, `key`, `columns`); labels are kept. */
export function parseMatrixText(text: string, source: MessageParam, part: TextPart = {}): ParsedMatrix {
  const builder = new MatrixBuilder(source);
  const parser = new MatrixTextParser(source, builder.add, { keepLabels: true, ...part });
  if (NON_ASCII.test(text)) parser.feed(text);
  else {
    // ASCII: a byte is a character. JSON and LaTeX are read as text from where it stops.
    const stop = parser.feedAscii(new TextEncoder().encode(text));
    if (stop < text.length) parser.feed(text.slice(stop));
  }
  const cols = parser.finish();
  return builder.build(cols, parser.colLabels, parser.extras());
}

/**
 * A short text (an option's value) read token by token: the matrix, and each number's token
 * as it was written, in order (what --expect judges a value's precision by).
 */
export function parseMatrixTokens(text: string, source: MessageParam): { matrix: ParsedMatrix; tokens: Token[] } {
  const builder = new MatrixBuilder(source);
  const tokens: Token[] = [];
  const parser = new MatrixTextParser(source, builder.add, { numberToken: (token) => tokens.push(token) });
  parser.feed(text);
  const cols = parser.finish();
  return { matrix: builder.build(cols, parser.colLabels), tokens };
}
