import { displayWidth } from './width.js';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * A sentence broken into lines of at most `width` columns: at spaces, or after any wide
 * (CJK) character, which may end a line in Chinese.
 */
export function wrap(sentence: string, width: number): string[] {
  const lines: string[] = [];
  let rest = sentence;
  while (displayWidth(rest) > width) {
    let w = 0;
    let cut = -1;
    // The last space of all: where a formula that fills the line is broken rather than inside a word.
    let space = -1;
    let k = 0;
    for (const ch of rest) {
      const cw = displayWidth(ch);
      if (w + cw > width) break;
      w += cw;
      k += ch.length;
      if (ch === ' ' && k > 1) space = k - 1;
      if (ch === ' ' && breakable(rest, k - 1)) cut = k - 1;
      // ，。；：、）written as escapes: the CLI bundle is ASCII, which Node reads fastest (scripts/build.mjs)
      else if (WIDE.test(ch) && !/[\uff0c\u3002\uff1b\uff1a\u3001\uff09]/.test(rest[k] ?? '')) cut = k;
    }
    if (rest[k] === ' ') {
      space = k;
      if (breakable(rest, k)) cut = k;
    }
    if (cut <= 0) cut = space > 0 ? space : k;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

const GLUE = /[=\u2212+\u00d7/\u00b7]/; // = − + × / ·

/** A space inside a formula ("p = 0.78", "−log 0.78") is not a place to break a line. */
function breakable(text: string, at: number): boolean {
  if (GLUE.test(text[at - 1] ?? '') || GLUE.test(text[at + 1] ?? '')) return false;
  return !/(?:log|(?:^|[\s(])p)$/.test(text.slice(Math.max(0, at - 5), at));
}

/** The fewest columns of text a hung line keeps. */
const MIN_HUNG = 20;

/**
 * How far the later lines of a wrapped line are indented: under its text, past its own
 * indentation, a list number ("1. ") and a first column set off by two spaces or more
 * ("  xent clip --explain    what it does"), when that leaves MIN_HUNG columns of text.
 */
function hangOf(line: string, width: number): string {
  const lead = /^(\s*(?:\d+\.\s+|[-\u2022]\s+)?)(\S.*?\s{2,}(?=\S))?/.exec(line);
  const own = lead?.[1] ?? '';
  const column = own + (lead?.[2] ?? '');
  const fits = (text: string) => displayWidth(text) <= width - MIN_HUNG;
  return ' '.repeat(fits(column) ? displayWidth(column) : fits(own) ? displayWidth(own) : 0);
}

/**
 * One line of prose wrapped at `width` columns, its later lines hung under its text (or by
 * `hang` when it has no indentation of its own); a command line ("$ xent …") is continued
 * with backslashes instead, as a shell reads it.
 */
export function wrapLine(line: string, width: number, hang = ''): string[] {
  if (displayWidth(line) <= width) return [line];
  if (/^\s*\$ /.test(line)) return shellLines(line, width);
  const indent = hangOf(line, width) || hang;
  const [first, ...rest] = wrap(line, width);
  const later = rest.length > 0 ? wrap(rest.join(' '), width - indent.length) : [];
  return [first, ...later.map((part) => indent + part)]; // spread-ok: a paragraph's lines
}

/**
 * A command line too wide for `width`, continued on the next lines with a backslash, broken
 * at spaces outside quotes; each later line is indented under the command.
 */
export function shellLines(line: string, width: number): string[] {
  const indent = ' '.repeat(((/^\s*\$ /.exec(line) ?? [''])[0].length || 2) + 4);
  const words = line.trimStart().match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [line];
  const lines: string[] = [];
  let current = (/^\s*/.exec(line) ?? [''])[0];
  let wordsOnLine = 0;
  for (const word of words) {
    const next = wordsOnLine === 0 ? current + word : `${current} ${word}`;
    if (wordsOnLine > 1 && displayWidth(next) + 2 > width) {
      lines.push(`${current} \\`);
      current = indent + word;
      wordsOnLine = 1;
    } else {
      current = next;
      wordsOnLine++;
    }
  }
  lines.push(current);
  return lines;
}
