// Text the user wrote (a CSV header, a file name, a token in an error) is printed with the
// characters a terminal would act on written as visible escapes: an ESC in a header could
// otherwise reset the terminal or rewrite the screen, a C1 control (U+009B is a CSI on
// many terminals) does the same in one character, and a bidi override makes the rest of a
// line read backwards ("evil\u202egnp.exe" looks like "evilexe.png").

/**
 * C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E, U+200F, U+061C) and the
 * line and paragraph separators (U+2028, U+2029), which some viewers take for line breaks.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LINE_BREAKS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * `text` with every character a terminal would act on written as an escape (`\x1b`,
 * `\x9b`, `\u202e`; `\n`, `\r`, `\t` by name), so it prints as one inert line.
 *
 * @example
 * displaySafe('a\u001bcb') // "a\\x1bcb"
 */
export function displaySafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * The same for a sentence or a paragraph of xent's own that may hold user text: its line
 * breaks are kept (a message in two languages is two lines), everything else is escaped.
 */
export function displaySafeLines(text: string): string {
  return text.replace(UNSAFE_BUT_LINE_BREAKS, escapeChar);
}
