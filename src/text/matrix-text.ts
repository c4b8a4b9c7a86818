// Reads a matrix from text in any notation people paste, detected as it goes:
//   plain        2 0.5 -1 / 1,2;3,4 / CSV or TSV with an optional header row, # comments
//   brackets     [1,2,3]  [[1,2],[3,4]]  (JSON, Python lists, NumPy's print without commas)
//   MATLAB       [2 0.5 -1; 0.3 1.8 0.2]  (rows split by ; or newlines inside one bracket)
//   wrappers     tensor([[...]], dtype=torch.float64, grad_fn=<...>)  array([...])
// The parser is fed text in chunks and hands out each row as soon as it ends, so a caller
// can stream a large input without holding its text; `parseMatrixText` collects the rows.
// The parts: tokens.ts (the token being read), decimal.ts and number.ts (its value),
// header.ts (the first line), notation.ts (the grammar), matrix-builder.ts (the rows).
import type { MessageParam } from '../i18n/messages.js';
import { isDelimiter, scanDecimal } from './decimal.js';
import { MatrixBuilder, type ParsedMatrix, type RowSink } from './matrix-builder.js';
import { normalizeText } from './normalize.js';
import { NotationReader, type TextPart } from './notation.js';
import { isTokenChar, TOKEN_BYTE } from './tokens.js';

export { MatrixBuilder, type ParsedMatrix, type RowSink } from './matrix-builder.js';
export { NotPlainLines } from './notation.js';

const NON_ASCII = /[^\x00-\x7f]/;
/** Where scanDecimal puts the value it read (a typed array: no object is written per number). */
const SCANNED = new Float64Array(1);

export class MatrixTextParser {
  private readonly notation: NotationReader;
  /** Characters fed before the current chunk. */
  private consumed = 0;

  /**
   * `part`: the text is one part of a larger input, read apart from the rest (in parallel).
   * `firstRow`: it starts after the first `firstRow` rows, read elsewhere: rows are numbered
   * from there and no header is looked for. `plainLines`: brackets are refused with
   * NotPlainLines, as a row in brackets may span lines and parts.
   */
  constructor(source: MessageParam, sink: RowSink, part: TextPart = {}) {
    this.notation = new NotationReader(source, sink, part);
  }

  get columns(): number {
    return this.notation.rows.cols;
  }

  get colLabels(): readonly string[] | undefined {
    return this.notation.header.labels;
  }

  /** Rows handed out so far (counting from 0, or from a part's `firstRow`). */
  get rows(): number {
    return this.notation.rows.count;
  }

  /** Any text: normalises what people paste (full-width digits, Unicode minus), then reads it. */
  feed(chunk: string): void {
    const text = NON_ASCII.test(chunk) ? normalizeText(chunk) : chunk;
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
    let blank = notation.lineBlank;
    while (k < limit) {
      const c = bytes[k];
      if (c === 44) {
        comma = true;
        blank = false;
        k++;
      } else if (c === 32 || c === 9 || c === 13) {
        k++;
      } else if (c === 10) {
        // Inside brackets a newline may or may not end a row: step() decides.
        if (notation.depth !== 0) break;
        rows.length = length;
        notation.lineBlank = blank;
        notation.newlineAt(this.consumed + k);
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
    notation.lineBlank = blank;
    return k;
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    return this.notation.finish();
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
