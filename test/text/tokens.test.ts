// The token being read (src/text/tokens.ts): fed in runs from chunks, kept in bounded
// memory, its quotes taken off, and the error for one that is not a number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTokenChar, TOKEN_BYTE, TokenText, tokenError } from '../../src/text/tokens.js';
import { readNumber } from '../../src/text/number.js';

const SRC = { key: 'source.args' } as const;
const FILE = { key: 'source.file', params: { path: 'f.txt' } } as const;

/** The token of `text` fed in pieces cut at `cuts`, as a string or as bytes. */
function tokenOf(text: string, cuts: number[] = [], asBytes = false) {
  const token = new TokenText();
  const data = asBytes ? new TextEncoder().encode(text) : text;
  let from = 0;
  for (const to of [...cuts, text.length]) {
    if (to > from) token.append(data, from, to, false);
    from = to;
  }
  return token;
}

describe('TokenText', () => {
  it('reads a token the same whatever its pieces, as text or as bytes', () => {
    const unit = fc.constantFrom(...'0123456789.eE+-"\'abx_');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 260 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (text, raw, asBytes) => {
          const cuts = [...new Set(raw.map((c) => c % text.length))].sort((a, b) => a - b);
          const whole = tokenOf(text).take();
          expect(tokenOf(text, cuts, asBytes).take(), JSON.stringify({ text, cuts })).toEqual(whole);
          if (text.length <= 100) {
            const unquoted = /^(["'])(.*)\1$/s.exec(text)?.[2] ?? text;
            expect(whole).toEqual({ text: unquoted, length: unquoted.length, read: readNumber(unquoted) });
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the start of a long token and reads on its value', () => {
    const digits = `1${'0'.repeat(299)}`;
    expect(tokenOf(digits).take()).toEqual({
      text: digits.slice(0, 100),
      length: 300,
      read: { kind: 'number', value: 1e299 },
    });
    expect(tokenOf(`"${digits}"`).take()).toEqual({
      text: `"${digits}`.slice(1, 100),
      length: 300,
      read: { kind: 'number', value: 1e299 },
    });
    expect(tokenOf(`"${digits}`).take().read).toEqual({ kind: 'other' });
    expect(tokenOf(`${digits}0e10`).take().read).toEqual({ kind: 'overflow' });
    expect(tokenOf(`${digits}x`).take()).toMatchObject({ length: 301, read: { kind: 'other' } });
  });

  it('is cleared by take()', () => {
    const token = tokenOf('12');
    expect(token.length).toBe(2);
    token.take();
    expect(token.length).toBe(0);
    token.append('3', 0, 1, false);
    expect(token.take().read).toEqual({ kind: 'number', value: 3 });
  });

  it.each([
    ['tensor', true],
    ['np.array', true],
    ['_x9', true],
    ['9x', false],
    ['"tensor"', false],
    [`torch${'_'.repeat(200)}tensor`, true],
    [`torch${'_'.repeat(200)}-`, false],
  ])('%s is a wrapper name: %s', (text, name) => {
    expect(tokenOf(text).isName()).toBe(name);
  });

  it('with refuseWords, stops where a long token can no longer be a number', () => {
    const word = 'a'.repeat(150);
    expect(new TokenText().append(word, 0, 150, true)).toBe(false);
    expect(new TokenText().append(word, 0, 150, false)).toBe(true);
    expect(new TokenText().append('1'.repeat(150), 0, 150, true)).toBe(true);
    // A word in quotes may still be a quoted number while its last character is the quote.
    expect(new TokenText().append(`"${'1'.repeat(149)}"`, 0, 151, true)).toBe(true);
  });
});

describe('token characters', () => {
  it('are all but blank space, separators, brackets and braces, comments and U+FEFF', () => {
    const stops = Array.from({ length: 128 }, (_, c) => c).filter((c) => TOKEN_BYTE[c] === 0);
    expect(
      String.fromCharCode(...stops)
        .split('')
        .sort(),
    ).toEqual([...' \t\r\n,;#[](){}'].sort());
    expect([isTokenChar(0x41), isTokenChar(0x2c), isTokenChar(0xe9), isTokenChar(0xfeff)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('tokenError', () => {
  const token = (text: string) => ({ text, length: text.length, read: readNumber(text) });

  it.each([
    ['a word', 'abc', 'err.notNumber'],
    ['NaN', 'NaN', 'err.nan'],
    ['a decimal beyond a double', '1e999', 'err.overflow'],
  ])('%s', (_name, text, key) => {
    expect(tokenError(token(text), 2, 3, SRC)).toMatchObject({
      key,
      params: { token: text, row: 2, col: 3, source: SRC },
    });
  });

  it('a whole line of a file is not quoted (nan and overflow still are)', () => {
    expect(tokenError(token('secret'), 4, 1, FILE, true)).toMatchObject({
      key: 'err.notNumberLine',
      params: { row: 4, col: 1, length: 6, source: FILE },
    });
    expect(tokenError(token('secret'), 4, 1, FILE, true).params).not.toHaveProperty('token');
    expect(tokenError(token('secret'), 4, 1, SRC, true).key).toBe('err.notNumber');
    expect(tokenError(token('nan'), 4, 1, FILE, true).key).toBe('err.nan');
  });

  it('quotes only the start of a long token, with its length', () => {
    const long = { text: 'x'.repeat(100), length: 5000, read: { kind: 'other' } as const };
    expect(tokenError(long, 1, 1, SRC).params.token).toEqual({
      key: 'token.cut',
      params: { head: 'x'.repeat(40), length: 5000 },
    });
  });
});
