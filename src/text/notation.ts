// The grammar of the notations (listed in matrix-text.ts), a character at a time: where
// each token, row and line ends, where brackets and calls open and close, which words are
// errors. Tokens are read by TokenText, the first line by FirstLine, rows by RowBuffer.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { Nesting } from './brackets.js';
import { FirstLine } from './header.js';
import { RowBuffer, type RowSink } from './matrix-builder.js';
import { isFile, type Token, type TokenEnd, TokenText, tokenError } from './tokens.js';

/** How a text is read: a part of a larger input (see the MatrixTextParser constructor). */
export interface TextPart {
  readonly firstRow?: number;
  readonly plainLines?: boolean;
  /**
   * Told of each blank line outside brackets, with the number of rows before it (`xent lm`
   * reads sequences separated by blank lines). A line of spaces is blank; a comment is not.
   */
  readonly onBlankLine?: (rowsBefore: number) => void;
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
  private readonly nesting: Nesting;
  /** The last separator was a comma (a newline after it, in brackets, does not end the row). */
  lastWasComma = false;
  /** A word that began a line of a file: an error, quoted or not once the rest of its line tells (see refuse). */
  private pendingWord: { readonly token: Token; readonly row: number; readonly col: number } | undefined;
  // Where the line being read starts, for errors that name a line and column.
  private line = 1;
  private lineStart = 0;
  private inComment = false;
  private sawNewline = false;
  /** Nothing but blank space on the line so far (the fast path clears it too). */
  lineBlank = true;

  constructor(
    private readonly source: MessageParam,
    sink: RowSink,
    private readonly part: TextPart,
  ) {
    this.rows = new RowBuffer(source, sink, part.firstRow);
    this.header = new FirstLine(source);
    this.nesting = new Nesting(source);
    if (part.firstRow !== undefined) this.header.holding = false;
  }

  /** Brackets open. */
  get depth(): number {
    return this.nesting.depth;
  }

  /** Where step() would add each character to the token (so a run of them may skip it). */
  readsTokens(): boolean {
    return !this.inComment && this.nesting.call !== 'tail' && this.pendingWord === undefined;
  }

  /** Where numbers and separators may be read the fast way (MatrixTextParser.scanRun), as step() reads them. */
  canScan(): boolean {
    return (
      this.token.length === 0 &&
      !this.inComment &&
      this.nesting.call !== 'tail' &&
      !this.header.holding &&
      this.pendingWord === undefined
    );
  }

  /** Characters start…end of `text` (a string, or ASCII bytes), all of them token characters. */
  tokenRun(text: string | Uint8Array, start: number, end: number): void {
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
    if (c === '\n') {
      this.line++;
      this.lineStart = at + 1;
      this.lineEnds();
    } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') this.lineBlank = false;
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
    if (this.nesting.call === 'tail') {
      // After the data of tensor([...]): skip ", dtype=…, requires_grad=True" up to ")".
      if (c === ')') this.nesting.call = 'none';
      return;
    }
    if (this.header.holding && c !== '\n') this.header.add(c.charCodeAt(0));
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
        if (this.nesting.depth === 0) this.endLine();
        else this.endRow();
        return;
      case '#':
        this.flushToken('other');
        this.inComment = true;
        return;
      case '[':
      case '(':
        this.open(c, at);
        return;
      case ']':
      case ')':
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
    return this.rows.finish(this.header.labels);
  }

  private open(c: string, at: number): void {
    if (this.part.plainLines) throw new NotPlainLines();
    const nesting = this.nesting;
    if (c === '(' && this.token.isName() && nesting.call === 'none' && nesting.depth === 0 && this.rows.length === 0) {
      // `tensor(`, `array(`, `np.array(`: a call around the data.
      this.token.take();
      this.header.release();
      nesting.openCall(this.rows.count + 1);
      return;
    }
    this.flushToken('other');
    if (this.rows.length > 0) this.unexpected(c);
    if (nesting.depth === 0) this.endLine();
    this.header.release();
    nesting.push(c, this.rows.count + 1, this.line, at - this.lineStart + 1);
  }

  private close(c: string): void {
    if (this.part.plainLines) throw new NotPlainLines();
    this.flushToken('other');
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
    nesting.pop();
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
    // back (the fast path may take the rest).
    if (this.header.holding && this.header.holds(token, this.rows.count + 1)) return;
    this.pushToken(token, this.rows.length + 1, startsLine ? end : 'other');
  }

  private pushToken(token: Token, col: number, end: TokenEnd): void {
    if (token.read.kind === 'number') {
      this.rows.push(token.read.value);
      return;
    }
    this.refuse(token, this.rows.count + 1, col, end);
  }

  /**
   * A token that is not a number. A word that begins a line of a file, ended by blank space,
   * waits for the rest of its line to tell whether it is the whole line (see tokenError).
   */
  private refuse(token: Token, row: number, col: number, end: TokenEnd): void {
    if (end !== 'space' || token.read.kind !== 'other' || !isFile(this.source))
      throw tokenError(token, row, col, this.source, end === 'line');
    this.pendingWord = { token, row, col };
  }

  private refusePending(wholeLine: boolean): never {
    const { token, row, col } = this.pendingWord!;
    throw tokenError(token, row, col, this.source, wholeLine);
  }

  /** End of a line outside brackets: settle a held-back first line, else end the row. */
  private endLine(): void {
    if (!this.header.endLine()) this.endRow();
  }

  private endRow(): void {
    this.lastWasComma = false;
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
