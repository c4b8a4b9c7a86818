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
    let k = 0;
    for (const ch of rest) {
      const cw = displayWidth(ch);
      if (w + cw > width) break;
      w += cw;
      k += ch.length;
      if (ch === ' ' && breakable(rest, k - 1)) cut = k - 1;
      // ，。；：、）written as escapes: the CLI bundle is ASCII, which Node reads fastest (scripts/build.mjs)
      else if (WIDE.test(ch) && !/[\uff0c\u3002\uff1b\uff1a\u3001\uff09]/.test(rest[k] ?? '')) cut = k;
    }
    if (rest[k] === ' ' && breakable(rest, k)) cut = k;
    if (cut <= 0) cut = k;
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
