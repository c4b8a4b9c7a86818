// Columns a string takes in a terminal: East Asian wide and full-width characters and emoji
// take two, combining marks and other zero-width characters none, colour codes none. The
// rule is string-width's (which cli-table3 used) for the characters xent prints, so tables
// keep their widths; printable ASCII, nearly all of a table, is counted without a lookup.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
// Made on first use, as every pattern with a Unicode property (\p{…}): V8 builds its set of
// characters with ICU when the pattern is created, a measurable part of every start, and
// most runs print no character beyond ASCII.
let zeroWidth: RegExp | undefined;
let emoji: RegExp | undefined;

/** [first, last] code points that take two columns (East Asian Wide and Fullwidth). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x3247],
  [0x3250, 0x4dbf],
  [0x4e00, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x1b000, 0x1b001],
  [0x1f200, 0x1f251],
  [0x20000, 0x3fffd],
];

function measure(point: number): number {
  if (point < 0x20 || (point >= 0x7f && point <= 0x9f)) return 0;
  const ch = String.fromCodePoint(point);
  if ((zeroWidth ??= /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u).test(ch)) return 0;
  if ((emoji ??= /^\p{Emoji_Presentation}$/u).test(ch)) return 2;
  return WIDE_RANGES.some(([lo, hi]) => point >= lo && point <= hi) ? 2 : 1;
}

// Widths of the Basic Multilingual Plane as they are met, plus one (0: not measured yet).
const bmpWidths = new Uint8Array(0x10000);

/** The columns one code point takes: 0, 1 or 2. */
export function codePointWidth(point: number): number {
  if (point > 0xffff) return measure(point);
  let known = bmpWidths[point];
  if (known === 0) known = bmpWidths[point] = measure(point) + 1;
  return known - 1;
}

export function displayWidth(text: string): number {
  if (text.includes('\u001b')) text = text.replace(ANSI, '');
  let width = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x20 && code < 0x7f) {
      width++;
      continue;
    }
    const point = text.codePointAt(k)!;
    if (point > 0xffff) k++;
    width += codePointWidth(point);
  }
  return width;
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
