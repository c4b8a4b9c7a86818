// LaTeX matrices as articles write them: \begin{bmatrix} 2 & 0.5 & -1 \\ … \end{bmatrix}
// (pmatrix, matrix, Bmatrix, vmatrix, smallmatrix, array with its column spec {ccc}), with or
// without \left[ … \right] and $…$ / $$…$$ / \[…\], an optional `z =` before it, numbers
// as fractions \frac{a}{b} (read exactly, see ratio.ts) and \infty. Only the matrix is read:
// any other text around it is an error, never dropped. Pasted LaTeX is short: it is held
// whole and turned into the plain notation (`&` → `,`, `\\` → a new row) for the matrix reader.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';

/** The environments that hold a matrix. */
const MATRIX_ENV = /^(?:[pbBvV]?matrix|smallmatrix|array)\*?$/;
const BEGIN_ENV = /\\begin\s*\{([^{}]*)\}/g;
/** More than any pasted matrix: a larger LaTeX input is refused rather than held. */
export const MAX_LATEX_CHARS = 1 << 26;
/** \frac inside \frac inside …: deeper is refused (it would only exhaust the stack). */
const MAX_NESTING = 32;

const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
/** Sizes of delimiters: the delimiter after them is dropped with them. */
const DELIMITER_SIZES = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
]);
/** Commands that are blank space, or rules and styles that change no number. */
const BLANK_COMMANDS = new Set([
  'quad',
  'qquad',
  'enspace',
  'thinspace',
  'medspace',
  'thickspace',
  'hline',
  'toprule',
  'midrule',
  'bottomrule',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'nonumber',
  'notag',
]);
/** Fonts and text boxes around a number: their argument is read. */
const TRANSPARENT = new Set([
  'mathbf',
  'mathrm',
  'mathit',
  'mathsf',
  'mathnormal',
  'boldsymbol',
  'bm',
  'text',
  'textrm',
  'mbox',
]);

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff';
}

/** Where the matrix is in the text: its body, and the text before and after it. */
interface Located {
  readonly before: string;
  readonly body: string;
  readonly after: string;
  /** In an environment (its newlines are blank space; rows end at \\), or the whole text. */
  readonly environment: boolean;
}

/** The index just after the group `{…}` that opens at `open` (nested groups counted), or -1. */
function groupEnd(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k + 1;
  }
  return -1;
}

/** After blank space from `k`: an optional `[…]` (as \begin{bmatrix*}[r] and \\[2pt] have), skipped. */
function skipOptional(text: string, k: number): number {
  let j = k;
  while (j < text.length && isBlank(text[j])) j++;
  if (text[j] !== '[') return k;
  const close = text.indexOf(']', j);
  return close < 0 ? k : close + 1;
}

function locate(text: string, source: MessageParam): Located {
  for (const m of text.matchAll(BEGIN_ENV)) {
    const name = m[1].trim();
    if (!MATRIX_ENV.test(name)) continue;
    let start = m.index + m[0].length;
    start = skipOptional(text, start);
    if (name.startsWith('array')) {
      // The column spec, {ccc} or {c|cc}.
      let j = start;
      while (j < text.length && isBlank(text[j])) j++;
      if (text[j] === '{') start = groupEnd(text, j) < 0 ? start : groupEnd(text, j);
    }
    const endPattern = new RegExp(`\\\\end\\s*\\{\\s*${name.replace('*', '\\*')}\\s*\\}`, 'g');
    endPattern.lastIndex = start;
    const end = endPattern.exec(text);
    if (!end) throw new XentError('err.latex.noEnd', { source, env: name });
    return {
      before: text.slice(0, m.index),
      body: text.slice(start, end.index),
      after: text.slice(end.index + end[0].length),
      environment: true,
    };
  }
  return { before: '', body: text, after: '', environment: false };
}

/**
 * What is left of the text around the matrix once delimiters are taken out ($, \[ \], \left[
 * \right], brackets, other environments such as equation, blank space, a final period).
 */
function leftover(text: string): string {
  return text
    .replace(/\\(?:begin|end)\s*\{[^{}]*\}/g, ' ')
    .replace(/\\(?:left|right|[bB]igg?[lr]?)\s*(?:\\[{}|]|\\[A-Za-z]+|[^\s\\])?/g, ' ')
    .replace(/\\[[\]()]/g, ' ')
    .replace(/[$[\](){}|]/g, ' ')
    .replace(/%[^\n]*/g, ' ')
    .trim()
    .replace(/[.,;]$/, '')
    .trim();
}

/** The text outside the matrix is only delimiters, and before it an optional `name =`. */
function checkAround({ before, after }: Located, source: MessageParam): void {
  const head = leftover(before);
  const tail = leftover(after);
  const stray = head !== '' && !head.endsWith('=') ? head : tail;
  if (stray !== '') {
    const token = stray.split(/\s+/)[0];
    throw new XentError('err.latex.outside', { source, token });
  }
}

/** Turns the body of a matrix into the plain notation: cells split by ',', rows by newlines. */
class BodyWriter {
  private k = 0;
  private out = '';

  constructor(
    private readonly text: string,
    private readonly environment: boolean,
    private readonly source: MessageParam,
    private readonly depth: number,
  ) {
    if (depth > MAX_NESTING) throw new XentError('err.latex.tooDeep', { source, max: MAX_NESTING });
  }

  write(): string {
    const text = this.text;
    while (this.k < text.length) {
      const c = text[this.k++];
      if (c === '\\') this.command();
      else if (c === '&') this.out += ',';
      else if (c === '{' || c === '}' || c === '$') continue;
      else if (c === '%') this.skipComment();
      else if (c === '~') this.out += ' ';
      else if (c === '\n' && this.environment) this.out += ' ';
      else if (c === '-' || c === '+') {
        // `- 0.5` is one number: the sign is written up against it.
        this.out += c;
        while (this.k < text.length && (text[this.k] === ' ' || text[this.k] === '\t')) this.k++;
      } else this.out += c;
    }
    return this.out;
  }

  private skipComment(): void {
    const end = this.text.indexOf('\n', this.k);
    this.k = end < 0 ? this.text.length : end;
  }

  private command(): void {
    const text = this.text;
    const first = text[this.k];
    if (first === undefined) {
      this.out += '\\';
      return;
    }
    if (!isLetter(first)) {
      this.k++;
      if (first === '\\') {
        this.out += '\n';
        this.k = skipOptional(text, this.k);
      } else if (first === '%') this.out += '%';
      else if ('[]()'.includes(first))
        return; // display maths, \[ … \]
      else if (',;:! '.includes(first)) this.out += ' ';
      else this.out += `\\${first}`;
      return;
    }
    const start = this.k;
    while (this.k < text.length && isLetter(text[this.k])) this.k++;
    const name = text.slice(start, this.k);
    if (FRACTIONS.has(name)) {
      const num = this.argument();
      const den = this.argument();
      this.out += `${num.trim()}/${den.trim()}`;
    } else if (name === 'infty') this.out += 'inf';
    else if (DELIMITER_SIZES.has(name)) this.skipDelimiter();
    else if (BLANK_COMMANDS.has(name)) this.out += ' ';
    else if (TRANSPARENT.has(name)) this.out += this.argument();
    else if (name === 'begin' || name === 'end') {
      const close = text.indexOf('}', this.k);
      throw new XentError('err.latex.nested', { source: this.source, token: text.slice(start - 1, close + 1) });
    } else this.out += `\\${name}`;
  }

  /** A command's argument: a group {…} or one character, written in the plain notation. */
  private argument(): string {
    const text = this.text;
    while (this.k < text.length && isBlank(text[this.k])) this.k++;
    if (text[this.k] === '{') {
      const end = groupEnd(text, this.k);
      if (end < 0) throw new XentError('err.latex.unclosed', { source: this.source });
      const inner = text.slice(this.k + 1, end - 1);
      this.k = end;
      return new BodyWriter(inner, true, this.source, this.depth + 1).write();
    }
    if (this.k >= text.length) throw new XentError('err.latex.unclosed', { source: this.source });
    return text[this.k++];
  }

  /** The delimiter after \left, \right, \big…: a character, or \{ \| \lbrack and the like. */
  private skipDelimiter(): void {
    const text = this.text;
    while (this.k < text.length && isBlank(text[this.k])) this.k++;
    if (text[this.k] !== '\\') {
      this.k++;
      return;
    }
    this.k++;
    if (isLetter(text[this.k] ?? '')) while (this.k < text.length && isLetter(text[this.k])) this.k++;
    else this.k++;
  }
}

/** A LaTeX matrix as the plain notation the matrix reader reads (rows on lines, cells split by commas). */
export function latexToPlain(text: string, source: MessageParam): string {
  const located = locate(text, source);
  checkAround(located, source);
  return `${new BodyWriter(located.body, located.environment, source, 0).write()}\n`;
}

/** Holds a LaTeX input until its end, then hands the plain text to `emit`. */
export class LatexText {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(
    private readonly source: MessageParam,
    private readonly emit: (text: string) => void,
  ) {}

  feed(text: string): void {
    this.length += text.length;
    if (this.length > MAX_LATEX_CHARS)
      throw new XentError('err.latex.tooLong', { source: this.source, max: MAX_LATEX_CHARS });
    this.parts.push(text);
  }

  finish(): void {
    this.emit(latexToPlain(this.parts.join(''), this.source));
  }
}

/**
 * Whether the start of an input is LaTeX: it opens with `\` or `$`, or its first line has a
 * backslash (\begin, \frac, \\), or an `&` and no comma or tab.
 */
export function looksLikeLatex(firstLine: string): boolean {
  const start = firstLine.trimStart()[0];
  if (start === '\\' || start === '$') return true;
  if (firstLine.includes('\\')) return true;
  return firstLine.includes('&') && !/[,\t]/.test(firstLine);
}
