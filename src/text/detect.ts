// Which notation an input is in, told from its start: JSON objects (json-records.ts), LaTeX
// (latex.ts), or everything the plain reader reads (numbers, CSV, brackets, braces, calls).
// The decision needs at most the first line, and never more than DECIDE_CHARS characters.
import type { MessageParam } from '../i18n/messages.js';
import { JsonRecords } from './json-records.js';
import { LatexText, looksLikeLatex } from './latex.js';

/** The start of an input looked at, at most. */
export const DECIDE_CHARS = 4096;

export type Notation = 'plain' | 'json' | 'latex';

/** A reader in front of the plain one: it is fed the text, and hands the plain reader its matrix. */
export interface FrontReader {
  feed(text: string): void;
  finish(): void;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff';
}

function nextFilled(text: string, from: number): number {
  let k = from;
  while (k < text.length && isBlank(text[k])) k++;
  return k;
}

/**
 * The notation of an input that starts with `start`; undefined while more of it is needed
 * (`complete`: there is no more).
 *   `{"…` `{'…` `{}` `[{`  JSON objects, one or more (JSON Lines), or a JSON list of them
 *   `\` or `$` first, or a first line with a backslash, or with `&` and no comma or tab: LaTeX
 */
export function detectNotation(start: string, complete: boolean): Notation | undefined {
  const enough = complete || start.length >= DECIDE_CHARS;
  const first = nextFilled(start, 0);
  if (first === start.length) return enough ? 'plain' : undefined;
  // An object opens with a key (or closes at once); a list of objects with an object.
  let at = first;
  if (start[at] === '[') {
    at = nextFilled(start, at + 1);
    if (at === start.length) return enough ? 'plain' : undefined;
    if (start[at] !== '{') return 'plain';
  }
  if (start[at] === '{') {
    const next = nextFilled(start, at + 1);
    if (next === start.length) return enough ? 'plain' : undefined;
    const d = start[next];
    return d === '"' || d === "'" || d === '}' ? 'json' : 'plain';
  }
  const newline = start.indexOf('\n', first);
  if (newline < 0 && !enough) return undefined;
  return looksLikeLatex(start.slice(first, newline < 0 ? start.length : newline)) ? 'latex' : 'plain';
}

/** The reader in front of the plain one for `notation`; `emit` feeds the plain reader. */
export function frontReader(
  notation: Exclude<Notation, 'plain'>,
  source: MessageParam,
  emit: (text: string) => void,
  key: string | undefined,
): FrontReader {
  return notation === 'json' ? new JsonRecords(source, emit, key) : new LatexText(source, emit);
}
