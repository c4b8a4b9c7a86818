// The grammar of the notations (listed in matrix-text.ts), a character at a time: where
// each token, row and line ends, where brackets and calls open and close, which words are
// errors. Tokens are read by TokenText, the first line by FirstLine, rows by RowBuffer.
import { XentError, quotedText } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { Nesting } from './brackets.js';
import { type ColumnOptions, ColumnLayout } from './columns.js';
import { FirstLine } from './header.js';
import { RowBuffer, type RowSink } from './matrix-builder.js';
import { isFile, type Token, type TokenEnd, TokenText, tokenError } from './tokens.js';

/** How a text is read: a part of a larger input (see the MatrixTextParser constructor). */
export interface TextPart {
  readonly firstRow?: number;
  readonly plainLines?: boolean;
  /**
   * Told each number token as it is read, in order (--expect judges a value by the digits
   * it was written with). Only text fed with feed() is read token by token.
   */
  readonly numberToken?: (token: Token) => void;
  /** The numbers are probabilities: `70%` reads as 0.7 (elsewhere it is refused). */
  readonly percent?: boolean;
  /** The field of a JSON object to read (a dotted path: `outputs.logits`), see json-records.ts. */
  readonly key?: string;
  /** The user's choice of columns, header and row labels (--cols, --header, …); auto-detection without. */
  readonly columns?: ColumnOptions;
  /** Keep each row's label and target (a whole reading); a streamed one does not. */
  readonly keepLabels?: boolean;
  /**
   * Told of each blank line outside brackets, with the number of rows before it (`xent lm`
   * reads sequences separated by blank lines). A line of spaces is blank; a comment is not.
   */
  readonly onBlankLine?: (rowsBefore: number) => void;
}

/** A file or standard input: where tables come from (pandas' CSVs), and where their hints help. */
function isTableSource(source: MessageParam): boolean {
  return isFile(source) || (typeof source === 'object' && 'key' in source && source.key === 'source.stdin');
}

/** A first row of exactly 0…C−1 or 1…C (C ≥ 2): pandas' integer column names, if rows of fractions follow. */
function isIntegerRun(row: Float64Array): boolean {
  if (row.length < 2 || (row[0] !== 0 && row[0] !== 1)) return false;
  for (let k = 1; k < row.length; k++) if (row[k] !== row[0] + k) return false;
  return true;
}

/** A part read with `plainLines` holds brackets: the caller reads the input whole, in order. */
export class NotPlainLines extends Error {}

/**
 * Reads the text a character (or a run of token characters) at a time, as MatrixTextParser
 * feeds it, and hands each row to the sink as it ends. Its fast path (scanRun) fills `rows`
 * itself where canScan() says it may.
 */
export class NotationReader {
  private readonly token = new TokenText();
  readonly header: FirstLine;
  readonly rows: RowBuffer;
  /** Which columns are data, row labels, targets or left out (see columns.ts). */
  readonly layout: ColumnLayout;
  private readonly nesting: Nesting;
  /** The last separator was a comma (a newline after it, in brackets, does not end the row). */
  lastWasComma = false;
  /** The last character was a tab: a second one leaves a field empty (`1\t\t3`, a spreadsheet's empty cell). */
  lastWasTab = false;
  /** A word that began a line of a file: an error, quoted or not once the rest of its line tells (see refuse). */
  private pendingWord: { readonly token: Token; readonly row: number; readonly col: number } | undefined;
  // Where the line being read starts, for errors that name a line and column.
  private line = 1;
  private lineStart = 0;
  private inComment = false;
  private sawNewline = false;
  /**
   * Where the last CR was (an index in the whole input): a CR ends a line as LF does (old Mac
   * files), and an LF right after it is the rest of a CRLF, not a blank line. An index, not a
   * flag, so that a chunk may end between the two.
   */
  crAt = -2;
  /** A bracket closed since the row ended: a comma after it separates rows (`[1],[2]`), not fields. */
  private afterBracket = false;
  /** The first line, still held back, began with an empty field (`,1,2`): an error once a number shows it is data. */
  private leadingEmptyField = false;
  /**
   * A scalar's call inside brackets, `np.float32(0.1)` or `tensor(0.5)`: 'open' around its
   * number, 'tail' after it (skipping `, dtype=…`) up to its `)`.
   */
  private scalarCall: 'none' | 'open' | 'tail' = 'none';
  /** The row's length when the scalar's call opened: it must add one number. */
  private scalarStart = 0;
  /** Nothing but blank space on the line so far (the fast path clears it too). */
  lineBlank = true;

  constructor(
    private readonly source: MessageParam,
    sink: RowSink,
    private readonly part: TextPart,
  ) {
    this.layout = new ColumnLayout(part.columns ?? {}, source, part.keepLabels === true);
    this.rows = new RowBuffer(source, sink, part.firstRow, this.layout);
    const mode = this.layout.headerMode;
    this.header = new FirstLine(source, mode, isTableSource(source));
    this.nesting = new Nesting(source);
    if (part.firstRow !== undefined) this.header.holding = false;
    else if (mode === 'auto' && isTableSource(source)) {
      this.rows.integerHeader = { accepts: isIntegerRun, adopt: (first) => this.adoptIntegerHeader(first) };
    }
  }

  /** The column names of the rows handed out (the data columns', once the layout is settled). */
  get colLabels(): readonly string[] | undefined {
    return this.layout.settled ? this.layout.colLabels : this.header.labels;
  }

  /**
   * The input is not read as plain lines of numbers: a header of integers or row labels was
   * found, or the columns were chosen (a reading in parallel pieces cannot tell them).
   */
  get reshaped(): boolean {
    return this.layout.active || this.layout.notes.length > 0 || this.rows.holdsFirstRow;
  }

  /** Row 1 (0, 1, …) turned out to name the columns: rows of fractions follow it. */
  private adoptIntegerHeader(first: Float64Array): void {
    const labels = Array.from(first, (x) => String(x));
    this.header.labels = labels;
    this.layout.rebind(labels);
    this.layout.note('warn.input.integerHeader', {
      source: this.source,
      first: labels[0],
      last: labels[labels.length - 1],
    });
  }

  /** Brackets open. */
  get depth(): number {
    return this.nesting.depth;
  }

  /** Where step() would add each character to the token (so a run of them may skip it). */
  readsTokens(): boolean {
    return (
      !this.inComment && this.nesting.call !== 'tail' && this.scalarCall !== 'tail' && this.pendingWord === undefined
    );
  }

  /** Where numbers and separators may be read the fast way (MatrixTextParser.scanRun), as step() reads them. */
  canScan(): boolean {
    return (
      this.token.length === 0 &&
      !this.inComment &&
      this.nesting.call !== 'tail' &&
      !this.header.holding &&
      this.pendingWord === undefined &&
      this.scalarCall === 'none'
    );
  }

  /** Characters start…end of `text` (a string, or ASCII bytes), all of them token characters. */
  tokenRun(text: string | Uint8Array, start: number, end: number): void {
    this.lastWasTab = false;
    // (The first line is held back only until a bracket opens.)
    this.lineBlank = false;
    const holding = this.header.holding;
    if (holding) this.header.addRun(text, start, end);
    // A first line past its limit is an error once a word is in it. A number ends the
    // holding back, so a long token that may still be one is read to its end.
    if (!this.token.append(text, start, end, holding && this.header.full)) this.header.tooLong();
  }

  /** Any other character; `at`: its index in the whole input. */
  step(c: string, at: number): void {
    const afterTab = this.lastWasTab;
    this.lastWasTab = c === '\t';
    if (c === '\r') {
      this.crAt = at;
      c = '\n';
    } else if (c === '\n' && at === this.crAt + 1) return;
    if (c === '\n') {
      this.line++;
      this.lineStart = at + 1;
      this.lineEnds();
    } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') this.lineBlank = false;
    if (this.pendingWord) {
      if (c === ' ' || c === '\t' || c === '\ufeff') return;
      this.refusePending(c === '\n');
    }
    if (this.inComment) {
      if (c === '\n') {
        this.inComment = false;
        this.newline();
      }
      return;
    }
    if (this.nesting.call === 'tail') {
      // After the data of tensor([...]): skip ", dtype=…, requires_grad=True" up to ")".
      if (c === ')') this.nesting.call = 'none';
      return;
    }
    if (this.scalarCall === 'tail') {
      if (c === ')') this.scalarCall = 'none';
      return;
    }
    // (A `;` ends the line: not a character of its names.)
    if (this.header.holding && c !== '\n' && c !== ';') this.header.add(c.charCodeAt(0));
    switch (c) {
      case '\t':
        if (afterTab && this.token.length === 0 && this.rows.length > 0 && !this.header.holding) {
          throw new XentError('err.emptyTabField', {
            source: this.source,
            row: this.rows.count + 1,
            col: this.rows.length + 1,
          });
        }
        this.flushToken('space');
        return;
      case ' ':
      case '\ufeff': // a byte-order mark at the start of a file
        this.flushToken('space');
        return;
      case ',':
        this.flushToken('other');
        if (this.scalarCall === 'open') this.endScalar(',');
        else this.comma();
        return;
      case '\n':
        this.flushToken('line');
        this.sawNewline = true;
        this.newline();
        return;
      case ';':
        this.flushToken('other');
        if (this.nesting.depth === 0) this.endLine();
        else this.endRow();
        return;
      case '#':
        this.flushToken('other');
        this.inComment = true;
        return;
      case '[':
      case '(':
      case '{': // Mathematica's braces, {{1, 2}, {3, 4}}
        this.open(c, at);
        return;
      case ']':
      case ')':
      case '}':
        this.close(c);
        return;
      default:
        this.tokenRun(c, 0, 1);
    }
  }

  /**
   * A newline the fast path read outside brackets, at index `at`: the row in `rows` ends
   * with its line (the first line is no longer held back, see canScan).
   */
  newlineAt(at: number): void {
    this.sawNewline = true;
    this.line++;
    this.lineStart = at + 1;
    this.lineEnds();
    this.endRow();
  }

  /** A line ends: tells the part's listener if it was blank (outside brackets). */
  private lineEnds(): void {
    if (this.lineBlank && this.part.onBlankLine && this.nesting.depth === 0 && this.rows.length === 0)
      this.part.onBlankLine(this.rows.count);
    this.lineBlank = true;
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    if (this.pendingWord) this.refusePending(true);
    this.flushToken('line');
    this.endLine();
    this.nesting.finish();
    this.header.finish(this.rows.count, this.sawNewline);
    return this.rows.finish(this.layout.active ? undefined : this.header.labels);
  }

  private open(c: string, at: number): void {
    if (this.part.plainLines) throw new NotPlainLines();
    const nesting = this.nesting;
    if (c === '(' && this.token.isName() && nesting.call === 'none' && nesting.depth === 0 && this.rows.length === 0) {
      // `tensor(`, `array(`, `np.array(`: a call around the data.
      this.token.take();
      this.header.release(this.rows.count + 1);
      nesting.openCall(this.rows.count + 1);
      return;
    }
    if (c === '(' && nesting.depth > 0 && this.scalarCall === 'none' && this.token.isScalarName()) {
      // `[np.float32(0.1), np.float64(2.0)]`: the number is the decimal printed (0.1), not
      // the float32 nearest it (0.100000001490116…), as a user who pastes it means it.
      this.token.take();
      this.scalarCall = 'open';
      this.scalarStart = this.rows.length;
      return;
    }
    this.flushToken('other');
    if (this.scalarCall !== 'none') this.unexpected(c);
    if (this.rows.length > 0) this.unexpected(c);
    // A word before it on the first line is an error (`abc [1, 2]`), not a column name.
    this.header.release(this.rows.count + 1);
    if (nesting.depth === 0) this.endLine();
    this.afterBracket = false;
    nesting.push(c, this.rows.count + 1, this.line, at - this.lineStart + 1);
  }

  private close(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    this.flushToken('other');
    if (this.scalarCall === 'open') {
      if (c !== ')') this.unexpected(c);
      this.endScalar(c);
      this.scalarCall = 'none';
      return;
    }
    const nesting = this.nesting;
    if (nesting.depth === 0) {
      if (c === ')' && nesting.call === 'open') {
        this.endRow();
        nesting.call = 'none';
        return;
      }
      this.unbalanced(c);
    }
    if (!nesting.closes(c)) this.unbalanced(c);
    this.endRow();
    this.afterBracket = true;
    nesting.pop();
  }

  /**
   * A comma: an error when the field before it is empty (`1,,3`, `,1`: pandas writes a
   * missing value so), unless a bracket just closed (`[1],[2]`). In a first line held back
   * (it may be a header), an empty first field is an error only once a number shows it is data.
   */
  private comma(): void {
    if (this.header.holding && this.nesting.depth === 0) this.header.comma();
    if (this.header.holding) {
      if (this.header.isBlank()) this.leadingEmptyField = true;
    } else if (this.lastWasComma || (this.rows.length === 0 && !this.afterBracket)) {
      throw this.emptyField(this.lastWasComma ? this.rows.length + 1 : 1);
    }
    this.lastWasComma = true;
  }

  private emptyField(col: number): XentError {
    return new XentError('err.emptyField', { source: this.source, row: this.rows.count + 1, col });
  }

  private newline(): void {
    const depth = this.nesting.depth;
    if (depth === 0) this.endLine();
    else if (depth === 1 && !this.nesting.nested && !this.lastWasComma) this.endRow();
  }

  private flushToken(end: TokenEnd): void {
    if (this.token.length === 0) return;
    // Nothing before it on its line (or so it seems: a line such as `1;x` counts too).
    const startsLine =
      this.rows.length === 0 && !this.lastWasComma && this.nesting.depth === 0 && this.nesting.call === 'none';
    const token = this.token.take();
    this.lastWasComma = false;
    // A word of a first line held back may be a column name; a number ends the holding
    // back (the fast path may take the rest), and a word held before it is data after all.
    if (this.header.holding) {
      const held = this.header.take(token, this.rows.count + 1);
      if (held === 'held') return;
      if (this.leadingEmptyField) throw this.emptyField(1);
      if (held !== undefined) this.pushToken(held, 1, 'other');
    }
    this.pushToken(token, this.rows.length + 1, startsLine ? end : 'other');
  }

  /** The number of a scalar's call is read: it held exactly one; `c` ends it (',' starts its tail). */
  private endScalar(c: string): void {
    if (this.rows.length !== this.scalarStart + 1) this.unexpected(c);
    this.scalarCall = 'tail';
  }

  private pushToken(token: Token, col: number, end: TokenEnd): void {
    const read = token.read;
    if (read.kind === 'number' || (read.kind === 'percent' && this.part.percent)) {
      this.rows.push(read.value);
      this.part.numberToken?.(token);
      return;
    }
    this.refuse(token, this.rows.count + 1, col, end);
  }

  /**
   * A token that is not a number. A word that begins a line of a file, ended by blank space,
   * waits for the rest of its line to tell whether it is the whole line (see tokenError).
   */
  private refuse(token: Token, row: number, col: number, end: TokenEnd): void {
    // A word in a column of row labels or targets, or one left out, is kept as its text;
    // a word in column 1 of the first row makes that column the row labels (`cat 3.2`).
    const layout = this.layout;
    // (Not a word that is its whole line: a row of only a label has no data.)
    const firstCell = this.rows.count === 0 && col === 1 && token.read.kind === 'other' && end !== 'line';
    const refuseLater = (wholeLine: boolean) => {
      throw this.wordError(token, row, 1, wholeLine);
    };
    if (layout.isText(col - 1) || (firstCell && layout.adoptLabelColumn(token.text, refuseLater))) {
      this.rows.pushText(token.text);
      return;
    }
    if (end !== 'space' || token.read.kind !== 'other' || !isFile(this.source))
      throw this.wordError(token, row, col, end === 'line');
    this.pendingWord = { token, row, col };
  }

  private refusePending(wholeLine: boolean): never {
    const { token, row, col } = this.pendingWord!;
    throw this.wordError(token, row, col, wholeLine);
  }

  /**
   * The error for a token that is not a number, in a data column. In a table (a file, stdin)
   * a word is likely a label or an id: the error gives the options that say so. The column
   * is named by its number, which a part of a file read apart from its header knows too.
   */
  private wordError(token: Token, row: number, col: number, wholeLine: boolean): XentError {
    const plain = tokenError(token, row, col, this.source, wholeLine);
    if (plain.key !== 'err.notNumber' || !isTableSource(this.source)) return plain;
    return new XentError('err.notNumberInColumn', {
      token: quotedText(token.text, token.length),
      row,
      col,
      source: this.source,
    });
  }

  /**
   * End of a line outside brackets: settle a held-back first line, else end the row. A comma
   * last on the line leaves its last field empty (`1,2,`), unless it follows a bracket.
   */
  private endLine(): void {
    if (this.lastWasComma && !this.afterBracket && !this.header.holding) throw this.emptyField(this.rows.length + 1);
    const isHeader = this.header.endLine((word) => {
      throw this.wordError(word, this.rows.count + 1, 1, false);
    });
    if (isHeader) {
      this.leadingEmptyField = false;
      this.layout.bind(this.header.labels);
    } else this.endRow();
  }

  private endRow(): void {
    this.lastWasComma = false;
    this.afterBracket = false;
    this.rows.end();
  }

  private unbalanced(token: string): never {
    throw new XentError('err.unbalanced', { source: this.source, token, row: this.rows.count + 1 });
  }

  private unexpected(token: string): never {
    throw new XentError('err.unexpected', {
      source: this.source,
      token,
      row: this.rows.count + 1,
      col: this.rows.length + 1,
    });
  }
}
