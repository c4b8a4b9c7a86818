// The first line, held back to tell a header row from data (src/text/header.ts).
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/core/matrix.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { FirstLine, MAX_HEADER_CHARS, splitHeader } from '../../src/text/header.js';
import { readNumber } from '../../src/text/number.js';
import type { Token } from '../../src/text/tokens.js';
import { thrown } from '../helpers/error-key.js';

const SRC = { key: 'source.args' } as const;
const FILE = { key: 'source.file', params: { path: 'h.csv' } } as const;
const token = (text: string): Token => ({ text, length: text.length, read: readNumber(text) });

describe('header rows', () => {
  it('keeps a CSV header as column labels', () => {
    const m = parseMatrixText('cat,dog,bird\n1,2,3\n4,5,6\n', SRC);
    expect(m.colLabels).toEqual(['cat', 'dog', 'bird']);
    expect(toRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('keeps header names with spaces and quotes', () => {
    const m = parseMatrixText('"big cat"\tdog\n1\t2\n', SRC);
    expect(m.colLabels).toEqual(['big cat', 'dog']);
  });

  it('reads a header after leading comments', () => {
    expect(parseMatrixText('# made by a script\nx y\n1 2', SRC).colLabels).toEqual(['x', 'y']);
  });

  it('a header mixed with numbers is an error naming its word', () => {
    const error = thrown(() => parseMatrixText('a,2,3\n1,2,3', SRC));
    expect(error.key).toBe('err.notNumber');
    expect(error.params).toMatchObject({ token: 'a', row: 1, col: 1 });
  });
});

describe('splitHeader', () => {
  it.each([
    ['commas', 'a,b,c', ['a', 'b', 'c']],
    ['tabs', 'a\tb', ['a', 'b']],
    ['spaces', '  x   y z ', ['x', 'y', 'z']],
    ['CSV quoting', 'a,"b,c", d', ['a', 'b,c', 'd']],
    ['doubled quotes', '"say ""hi""",b', ['say "hi"', 'b']],
    ['quoted words between spaces', `"x" 'y'`, ['x', 'y']],
    ['a byte-order mark', '\ufeffa,b', ['a', 'b']],
    ['an empty name', 'a,,b', ['a', '', 'b']],
  ])('%s', (_name, line, names) => {
    expect(splitHeader(line)).toEqual(names);
  });
});

describe('FirstLine', () => {
  const held = (text: string) => {
    const line = new FirstLine(SRC);
    line.addRun(text, 0, text.length);
    for (const word of text.split(/[\s,]+/).filter(Boolean)) line.take(token(word), 1);
    return line;
  };

  it('a line of words is a header row once it ends', () => {
    const line = held('a, b');
    expect(line.holding).toBe(true);
    expect(line.endLine()).toBe(true);
    expect(line.labels).toEqual(['a', 'b']);
    expect(line.holding).toBe(false);
    // Lines after it are data.
    expect(line.endLine()).toBe(false);
  });

  it('a number makes the line data, and two words before it an error', () => {
    const line = held('a b');
    expect(thrown(() => line.take(token('1'), 3))).toMatchObject({
      key: 'err.notNumber',
      params: { token: 'a', row: 3, col: 1 },
    });
    const data = new FirstLine(SRC);
    expect(data.take(token('1'), 1)).toBeUndefined();
    expect(data.holding).toBe(false);
    expect(data.endLine()).toBe(false);
    expect(data.labels).toBeUndefined();
  });

  it('a line of nothing but blank space and comments is not a header', () => {
    const line = new FirstLine(SRC);
    line.addRun('   ', 0, 3);
    expect(line.endLine()).toBe(false);
    expect(line.holding).toBe(true);
  });

  it('a single line of words is refused at the end: quoted, or not when it is all of a line of a file', () => {
    const finish = (source: typeof SRC | typeof FILE, text: string) => {
      const line = new FirstLine(source);
      line.addRun(text, 0, text.length);
      for (const word of text.split(' ')) line.take(token(word), 1);
      line.endLine();
      return thrown(() => line.finish(0, false));
    };
    expect(finish(SRC, 'abc')).toMatchObject({ key: 'err.notNumber', params: { token: 'abc', row: 1, col: 1 } });
    expect(finish(FILE, 'abc')).toMatchObject({ key: 'err.notNumberLine', params: { row: 1, col: 1, length: 3 } });
    expect(finish(FILE, 'abc def')).toMatchObject({ key: 'err.notNumber', params: { token: 'abc' } });
    // With a newline or a data row after it, it is a header.
    const line = held('a b');
    line.endLine();
    expect(() => line.finish(0, true)).not.toThrow();
    expect(() => line.finish(1, false)).not.toThrow();
  });

  it('words past MAX_HEADER_CHARS are refused', () => {
    const line = new FirstLine(SRC);
    const long = 'w'.repeat(MAX_HEADER_CHARS + 1);
    line.addRun(long, 0, long.length);
    expect(line.full).toBe(true);
    expect(thrown(() => line.take(token('w'), 1))).toEqual({
      key: 'err.headerTooLong',
      params: { source: SRC, max: MAX_HEADER_CHARS },
    });
  });

  it('one word before a number is handed back: data after all (a row label, or the reader refuses it)', () => {
    const line = held('cat');
    expect(line.take(token('3.2'), 1)).toMatchObject({ text: 'cat' });
    expect(line.holding).toBe(false);
  });

  it.each([['z ='], ['z='], ['scores ='], ['Input:'], ['logits:'], ['Logits of batch 3:']])(
    'a copied prefix %j is dropped: the line is still held, with nothing in it',
    (prefix) => {
      const line = held(prefix);
      expect(line.holding).toBe(true);
      expect(line.endLine()).toBe(false);
      expect(line.take(token('1'), 1)).toBeUndefined();
    },
  );

  it('--header yes holds numbers too; --header no refuses a line of words', () => {
    const yes = new FirstLine(SRC, 'yes');
    yes.addRun('0,1,2', 0, 5);
    for (const n of ['0', '1', '2']) expect(yes.take(token(n), 1)).toBe('held');
    expect(yes.endLine()).toBe(true);
    expect(yes.labels).toEqual(['0', '1', '2']);
    const no = new FirstLine(SRC, 'no');
    no.addRun('a,b', 0, 3);
    no.take(token('a'), 1);
    no.take(token('b'), 1);
    expect(thrown(() => no.endLine())).toMatchObject({ key: 'err.notNumber', params: { token: 'a', row: 1, col: 1 } });
  });
});
