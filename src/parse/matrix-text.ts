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

export type RowSink = (row: Float64Array, index: number) => void;

const OPENERS: Record<string, string> = { '[': ']', '(': ')' };
const WRAPPER_NAME = /^[A-Za-z_][\w.]*$/; // tensor, array, np.array, torch.tensor

interface DeferredToken {
  text: string;
  col: number;
}

export class MatrixTextParser {
  private token = '';
  private row: number[] = [];
  private rowCount = 0;
  private cols = -1;
  private readonly brackets: string[] = [];
  /** The bracket group at depth 1 holds nested groups (so newlines inside it do not split rows). */
  private nestedGroup = false;
  private lastWasComma = false;
  private inComment = false;
  /** A call such as `tensor(` … `)`: 'open' inside it, 'tail' after its data, skipping `, dtype=…`. */
  private wrapper: 'none' | 'open' | 'tail' = 'none';
  private wrapperDepth = 0;
  /** The first plain line is held back until its end, to tell a header row from data. */
  private deferring = true;
  private deferred: DeferredToken[] = [];
  private firstLine = '';
  private labels: string[] | undefined;
  /** The first token of a header row, for the error when a one-line input is all words. */
  private headerToken = '';
  private sawNewline = false;

  constructor(
    private readonly source: MessageParam,
    private readonly sink: RowSink,
  ) {}

  get columns(): number {
    return this.cols;
  }

  get colLabels(): readonly string[] | undefined {
    return this.labels;
  }

  feed(chunk: string): void {
    const text = normalizeText(chunk);
    for (let k = 0; k < text.length; k++) this.step(text[k]);
  }

  /** Ends the input; returns the number of columns. */
  finish(): number {
    if (this.wrapper === 'tail') this.unbalanced('(');
    this.flushToken();
    this.endLine();
    if (this.brackets.length > 0) this.unbalanced(this.brackets[this.brackets.length - 1]);
    if (this.wrapper === 'open') this.unbalanced('(');
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
    const name = this.token;
    if (c === '(' && WRAPPER_NAME.test(name) && this.wrapper === 'none' && this.brackets.length === 0 && this.row.length === 0) {
      // `tensor(`, `array(`, `np.array(`: a call around the data.
      this.token = '';
      this.deferring = false;
      this.firstLine = '';
      this.wrapper = 'open';
      this.wrapperDepth = 0;
      return;
    }
    this.flushToken();
    if (this.row.length > 0) this.unexpected(c);
    if (this.brackets.length === 0) this.endLine();
    this.deferring = false;
    this.brackets.push(OPENERS[c]);
    if (this.brackets.length >= 2) this.nestedGroup = true;
  }

  private close(c: string): void {
    this.flushToken();
    if (this.brackets.length === 0) {
      if (c === ')' && this.wrapper === 'open') {
        this.endRow();
        this.wrapper = 'none';
        return;
      }
      this.unbalanced(c);
    }
    if (this.brackets[this.brackets.length - 1] !== c) this.unbalanced(c);
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
      this.deferred.push({ text, col: this.deferred.length + 1 });
      return;
    }
    this.pushToken(text, this.row.length + 1);
  }

  private pushToken(text: string, col: number): void {
    const read = readNumber(text);
    if (read.kind === 'number') {
      this.row.push(read.value);
      return;
    }
    const where = { token: text, row: this.rowCount + 1, col, source: this.source };
    if (read.kind === 'nan') throw new XentError('err.nan', where);
    throw new XentError('err.notNumber', where);
  }

  /** End of a line outside brackets: settle a held-back first line, then end the row. */
  private endLine(): void {
    if (this.deferring && this.deferred.length > 0) {
      const tokens = this.deferred;
      this.deferred = [];
      this.deferring = false;
      if (tokens.every((tok) => readNumber(tok.text).kind === 'other')) {
        this.labels = splitHeader(this.firstLine);
        this.headerToken = tokens[0].text;
        this.firstLine = '';
        return;
      }
      for (const tok of tokens) this.pushToken(tok.text, tok.col);
    }
    this.firstLine = '';
    this.endRow();
  }

  private endRow(): void {
    this.lastWasComma = false;
    if (this.row.length === 0) return;
    const values = this.row;
    this.row = [];
    if (this.cols < 0) this.cols = values.length;
    else if (values.length !== this.cols) {
      throw new XentError('err.ragged', {
        source: this.source,
        row: this.rowCount + 1,
        got: values.length,
        expected: this.cols,
      });
    }
    this.sink(Float64Array.from(values), this.rowCount);
    this.rowCount++;
  }

  private unbalanced(token: string): never {
    throw new XentError('err.unbalanced', { source: this.source, token, row: this.rowCount + 1 });
  }

  private unexpected(token: string): never {
    throw new XentError('err.unexpected', {
      source: this.source,
      token,
      row: this.rowCount + 1,
      col: this.row.length + 1,
    });
  }
}

/** Column names: split on commas or tabs when the line has them, else on spaces. */
function splitHeader(line: string): string[] {
  const text = line.replace(/^\ufeff/, '').trim();
  const parts = /[,\t]/.test(text) ? text.split(/[,\t]/) : text.split(/\s+/);
  return parts.map((p) => p.trim().replace(/^(["'])(.*)\1$/, '$2'));
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
    const data = this.data.slice(0, this.length);
    return colLabels ? { rows: this.rows, cols, data, colLabels } : { rows: this.rows, cols, data };
  }
}

export function parseMatrixText(text: string, source: MessageParam): ParsedMatrix {
  const builder = new MatrixBuilder();
  const parser = new MatrixTextParser(source, builder.add);
  parser.feed(text);
  const cols = parser.finish();
  return builder.build(cols, parser.colLabels);
}
