// Brackets around the data, [ ] and ( ), and a call around them such as tensor( … ) or
// np.array( … ): which are open, what closes each, how deep they nest.
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';

/**
 * Brackets nested deeper than this are refused. A matrix needs two levels and NumPy prints
 * at most 64; the limit keeps the memory for open brackets bounded (100 MB of '[').
 */
export const MAX_DEPTH = 64;
const CLOSERS: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

export class Nesting {
  /** Open brackets, innermost last: the closer expected, and the row each was opened at. */
  private readonly open: { opener: string; closer: string; row: number }[] = [];
  /** The bracket at depth 1 holds nested ones (so newlines inside it do not split rows). */
  nested = false;
  /** A call such as `tensor(` … `)`: 'open' inside it, 'tail' after its data, skipping `, dtype=…`. */
  call: 'none' | 'open' | 'tail' = 'none';
  private callRow = 0;

  constructor(private readonly source: MessageParam) {}

  get depth(): number {
    return this.open.length;
  }

  /** A call around the data begins, before row `row`. */
  openCall(row: number): void {
    this.call = 'open';
    this.callRow = row;
  }

  /** Opens bracket `c` ('[', '(' or '{') before row `row`, at `line` and `column`: refused past MAX_DEPTH. */
  push(c: string, row: number, line: number, column: number): void {
    if (this.open.length >= MAX_DEPTH)
      throw new XentError('err.tooDeep', { source: this.source, max: MAX_DEPTH, line, column });
    this.open.push({ opener: c, closer: CLOSERS[c], row });
    if (this.open.length >= 2) this.nested = true;
  }

  /** `c` closes the innermost bracket (one is open). */
  closes(c: string): boolean {
    return this.open[this.open.length - 1].closer === c;
  }

  /** Closes the innermost bracket. The last one closed ends the data of a call. */
  pop(): void {
    this.open.pop();
    if (this.open.length > 0) return;
    this.nested = false;
    if (this.call === 'open') this.call = 'tail';
  }

  /** At the end of the input: a bracket or a call left open is an error. */
  finish(): void {
    const innermost = this.open[this.open.length - 1];
    if (innermost) this.unclosed(innermost.opener, innermost.row);
    if (this.call !== 'none') this.unclosed('(', this.callRow);
  }

  private unclosed(token: string, row: number): never {
    throw new XentError('err.unclosed', { source: this.source, token, row });
  }
}
