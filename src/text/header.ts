// The first line of a text, held back until its end to tell a header row (column names)
// from data: a number in it makes it data, a line of only words is a header. Words held
// back are kept up to a limit, so that a huge first line cannot fill the memory.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Token, tokenError } from './tokens.js';

/**
 * A first line of only words is held until its end, as a possible header row; beyond this
 * many characters it is refused (4 Mi: the names of some 500 000 columns).
 */
export const MAX_HEADER_CHARS = 1 << 22;

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

/** What the first line may be: 'auto' (a line of words is a header), 'yes' (it is, whatever it holds), 'no' (never). */
export type HeaderMode = 'auto' | 'yes' | 'no';

/**
 * A word that ends a copied prefix (`z =`, `scores=`, `Input:`, `logits:`): a name and `=` or
 * `:`, or either alone; it and the words before it on the line are not data.
 */
let prefixEnd: RegExp | undefined; // made on first use, as src/text/columns.ts's labelWord
const isPrefixEnd = (text: string) => (prefixEnd ??= /^(?:(["']?)[\p{L}\p{N}_][\p{L}\p{N}_.-]*\1)?[:=]$/u).test(text);

/**
 * The first line while it is held back (`holding`), and what it turned out to be: the
 * column names of a header row (`labels`), or data. The reader adds each character of the
 * line and each token it ends, then says where the line ends. A prefix copied with the data
 * (`z = [1, 2]`, `logits:`) is dropped as it is read.
 */
export class FirstLine {
  /** Still holding the first line back: no number read yet (a number ends it). */
  holding = true;
  /** Column names, once the first line turned out to be a header row. */
  labels: string[] | undefined;
  /** The first word of a header row, for the error when a one-line input is all words. */
  private headerWord: Token | undefined;
  /** The first word held back (the only one an error can name). */
  private firstWord: Token | undefined;
  /** Tokens held back (words; with --header yes, numbers too). */
  private held = 0;
  /** A prefix was dropped (only one is: a second name is a header's or an error's). */
  private prefixDropped = false;
  /** The line began with a comma: an empty first cell, as pandas writes its index's name (`,0,1`). */
  private emptyFirstCell = false;
  private readonly text = new TextBuilder(MAX_HEADER_CHARS);

  constructor(
    private readonly source: MessageParam,
    private readonly mode: HeaderMode = 'auto',
    /** A file or stdin: a first line may name integer columns (see comma()). */
    private readonly table = false,
  ) {}

  /** A character of the line. */
  add(code: number): void {
    this.text.add(code);
  }

  /** Characters start…end of `text` (a string, or ASCII bytes). */
  addRun(text: string | Uint8Array, start: number, end: number): void {
    for (let k = start; k < end; k++) this.text.add(typeof text === 'string' ? text.charCodeAt(k) : text[k]);
  }

  /** The line held is past MAX_HEADER_CHARS: a word in it is an error (tooLong). */
  get full(): boolean {
    return this.text.full;
  }

  /**
   * A token of the line: a word is held back (it may be a column name) and 'held' returned.
   * A number makes the line data: returned is undefined, or the one word held before it
   * (`cat 3.2`: a row's label, or an error the reader tells); two words before it are an
   * error (row `row`, column 1). With --header yes every token is held.
   */
  take(token: Token, row: number): 'held' | Token | undefined {
    if (token.read.kind === 'other' || this.mode === 'yes' || this.emptyFirstCell) {
      if (this.text.full) this.tooLong();
      if (token.read.kind === 'other' && !this.prefixDropped && isPrefixEnd(token.text) && this.mode !== 'yes') {
        this.dropPrefix();
        return 'held';
      }
      this.firstWord ??= token;
      this.held++;
      return 'held';
    }
    const word = this.firstWord;
    if (word && this.held > 1) throw tokenError(word, row, 1, this.source);
    this.release();
    return word;
  }

  /**
   * A comma outside brackets. Before any token of the line it leaves the first cell empty: no
   * data row does that, a pandas header does (`,a,b` or `,0,1`), so the line is a header
   * whatever it holds (with --header auto; numbers are then names).
   */
  comma(): void {
    if (this.held === 0 && !this.prefixDropped && this.mode === 'auto' && this.table) this.emptyFirstCell = true;
  }

  /** No word is held yet. */
  isBlank(): boolean {
    return this.firstWord === undefined;
  }

  /**
   * The line holds data (a number, a bracket, a call): it is no longer held back. Given the
   * row `row` (a bracket or a call opens), a word held before the data is an error
   * (`abc tensor([1, 2])`), not dropped; a copied prefix (`z =`) was dropped already.
   */
  release(row?: number): void {
    if (row !== undefined && this.firstWord) throw tokenError(this.firstWord, row, 1, this.source);
    this.holding = false;
    this.firstWord = undefined;
    this.held = 0;
    this.text.clear();
  }

  /**
   * The end of a line outside brackets. Returns true when it was the first line and held only
   * words (a number ends the holding back): a header row, whose names are then `labels`. With
   * --header no, such a line is an error naming its first word.
   */
  endLine(refuseWord?: (word: Token) => never): boolean {
    if (!(this.holding && this.firstWord)) {
      this.text.clear();
      return false;
    }
    if (this.mode === 'no') {
      if (refuseWord) refuseWord(this.firstWord);
      throw tokenError(this.firstWord, 1, 1, this.source);
    }
    this.headerWord = this.firstWord;
    this.firstWord = undefined;
    this.holding = false;
    this.labels = splitHeader(this.text.text());
    this.text.clear();
    return true;
  }

  /**
   * The end of the input, after `rows` rows of data: a single line of words (`xent softmax
   * abc`) is a typo, not a header without data.
   */
  finish(rows: number, sawNewline: boolean): void {
    if (rows === 0 && this.labels && this.headerWord && !sawNewline && this.mode !== 'yes' && !this.emptyFirstCell) {
      throw tokenError(this.headerWord, 1, 1, this.source, this.labels.length === 1);
    }
  }

  tooLong(): never {
    throw new XentError('err.headerTooLong', { source: this.source, max: MAX_HEADER_CHARS });
  }

  /** `z =`, `logits:`: what was held is a name copied with the data, not a header. */
  private dropPrefix(): void {
    this.prefixDropped = true;
    this.firstWord = undefined;
    this.held = 0;
    this.text.clear();
  }
}

/**
 * Column names: split on commas or tabs when the line has them (CSV quoting respected:
 * "b,c" is one name), else on spaces.
 */
export function splitHeader(line: string): string[] {
  // A leading tab is kept: it leaves the first name empty (pandas' index, as TSV).
  const text = line.replace(/^\ufeff/, '').replace(/^[ \r\n]+|\s+$/g, '');
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
