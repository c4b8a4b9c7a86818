import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XentError } from '../src/errors.js';
import { toRows } from '../src/matrix.js';
import { MatrixBuilder, MatrixTextParser, parseMatrixText } from '../src/parse/matrix-text.js';
import { readNumber } from '../src/parse/number.js';

const SRC = { key: 'source.args' } as const;
const rows = (text: string) => toRows(parseMatrixText(text, SRC));

function errorOf(text: string): XentError {
  try {
    parseMatrixText(text, SRC);
  } catch (error) {
    if (error instanceof XentError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

const M = [
  [2, 0.5, -1],
  [0.3, 1.8, 0.2],
];

describe('notations', () => {
  it.each([
    ['spaces', '2 0.5 -1', [[2, 0.5, -1]]],
    ['commas', '2,0.5,-1', [[2, 0.5, -1]]],
    ['tabs', '2\t0.5\t-1', [[2, 0.5, -1]]],
    ['commas and spaces', '2, 0.5, -1', [[2, 0.5, -1]]],
    ['semicolon rows', '2,0.5,-1; 0.3,1.8,0.2', M],
    ['newline rows', '2 0.5 -1\n0.3 1.8 0.2\n', M],
    ['CRLF rows', '2 0.5 -1\r\n0.3 1.8 0.2\r\n', M],
    ['blank lines and comments', '# logits\n\n2 0.5 -1  # first\n\n# gap\n0.3 1.8 0.2\n', M],
    ['CSV', '2,0.5,-1\n0.3,1.8,0.2\n', M],
    ['TSV', '2\t0.5\t-1\n0.3\t1.8\t0.2\n', M],
    ['JSON vector', '[2, 0.5, -1]', [[2, 0.5, -1]]],
    ['JSON matrix', '[[2, 0.5, -1], [0.3, 1.8, 0.2]]', M],
    ['pretty JSON', '[\n  [2, 0.5, -1],\n  [0.3, 1.8, 0.2]\n]\n', M],
    ['pretty JSON vector', '[\n  2,\n  0.5,\n  -1\n]', [[2, 0.5, -1]]],
    ['Python list', '[[2.0, 0.5, -1.0], [0.3, 1.8, 0.2]]', M],
    [
      'torch tensor',
      'tensor([[ 2.0000,  0.5000, -1.0000],\n        [ 0.3000,  1.8000,  0.2000]])',
      M,
    ],
    [
      'torch tensor with dtype and grad',
      'tensor([[ 2.0000,  0.5000, -1.0000],\n        [ 0.3000,  1.8000,  0.2000]], dtype=torch.float64,\n       requires_grad=True)',
      M,
    ],
    ['torch tensor with grad_fn', 'tensor([[2., 0.5, -1.], [0.3, 1.8, 0.2]], grad_fn=<SoftmaxBackward0>)', M],
    ['torch 1-D tensor', 'tensor([ 2.0000,  0.5000, -1.0000])', [[2, 0.5, -1]]],
    ['numpy array repr', 'array([[ 2. ,  0.5, -1. ],\n       [ 0.3,  1.8,  0.2]])', M],
    ['numpy print', '[[ 2.   0.5 -1. ]\n [ 0.3  1.8  0.2]]', M],
    ['np.array call', 'np.array([[2, 0.5, -1], [0.3, 1.8, 0.2]])', M],
    ['MATLAB', '[2 0.5 -1; 0.3 1.8 0.2]', M],
    ['MATLAB multi-line', '[2 0.5 -1\n 0.3 1.8 0.2]', M],
    ['Python tuples', '((2, 0.5, -1), (0.3, 1.8, 0.2))', M],
    ['Unicode minus', '2 0.5 −1', [[2, 0.5, -1]]],
    ['full-width comma and semicolon', '2，0.5，-1；0.3，1.8，0.2', M],
    ['ideographic comma', '2、0.5、-1', [[2, 0.5, -1]]],
    ['full-width digits', '２ ０.５ －１', [[2, 0.5, -1]]],
    ['non-breaking spaces', '2\u00a00.5\u202f-1', [[2, 0.5, -1]]],
    ['ideographic space', '2\u30000.5\u3000-1', [[2, 0.5, -1]]],
    ['byte-order mark', '\ufeff2 0.5 -1', [[2, 0.5, -1]]],
    ['number forms', '.5 5. +1 1e-3 1E+3 -0', [[0.5, 5, 1, 0.001, 1000, -0]]],
    ['infinities', 'inf -inf Infinity -Infinity +inf INF', [[Infinity, -Infinity, Infinity, -Infinity, Infinity, Infinity]]],
    ['quoted CSV numbers', '"2","0.5","-1"', [[2, 0.5, -1]]],
    ['trailing separators', '2,0.5,-1,\n0.3,1.8,0.2,;', M],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

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

  it('gives the same matrix whatever the chunk boundaries', () => {
    const text = 'a,b,c\n# c\n1.5,-2e-3,inf\n4,5,6\n';
    for (let size = 1; size <= text.length; size++) {
      const builder = new MatrixBuilder();
      const parser = new MatrixTextParser(SRC, builder.add);
      for (let k = 0; k < text.length; k += size) parser.feed(text.slice(k, k + size));
      const m = builder.build(parser.finish(), parser.colLabels);
      expect(toRows(m)).toEqual([
        [1.5, -0.002, Infinity],
        [4, 5, 6],
      ]);
      expect(m.colLabels).toEqual(['a', 'b', 'c']);
    }
  });

  it('reads bytes (the fast path) as it reads text, wherever the chunks are cut', () => {
    // Text from pieces that exercise both paths: numbers it reads fast and ones it cannot
    // (17 digits, big exponents, inf), separators, comments, brackets, a header, and errors.
    const piece = fc.constantFrom('1', '-2.5', '0.000001', '+.5', '3e-4', '1E+2', '12345678901234567', '1e400', '-inf', 'x', ',', ', ', ' ', '\t', '\r\n', '\n', '# c\n', '[', ']', ';', '-', '.', '1e', '1.5.2');
    const text = fc.tuple(fc.constantFrom('', 'a,b\n', '[[', 'tensor(['), fc.array(piece, { maxLength: 40 })).map(([head, parts]) => head + parts.join(''));
    const outcome = (feed: (parser: MatrixTextParser) => void) => {
      const builder = new MatrixBuilder();
      const parser = new MatrixTextParser(SRC, builder.add);
      try {
        feed(parser);
        const m = builder.build(parser.finish(), parser.colLabels);
        return { rows: toRows(m), labels: m.colLabels };
      } catch (error) {
        if (error instanceof XentError) return { key: error.key, params: error.params };
        throw error;
      }
    };
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cutsRaw) => {
        const bytes = new TextEncoder().encode(t);
        const cuts = [...new Set(cutsRaw.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const asText = outcome((p) => p.feed(t));
        const asBytes = outcome((p) => {
          let from = 0;
          for (const to of [...cuts, bytes.length]) {
            expect(p.feedAscii(bytes.subarray(from, to))).toBe(to - from);
            from = to;
          }
        });
        expect(asBytes, JSON.stringify({ t, cuts })).toEqual(asText);
      }),
      { numRuns: 3000 },
    );
  });

  it('hands out each row as soon as it ends', () => {
    const seen: number[][] = [];
    const parser = new MatrixTextParser(SRC, (row) => seen.push(Array.from(row)));
    parser.feed('1 2\n3 ');
    expect(seen).toEqual([[1, 2]]);
    parser.feed('4\n');
    expect(seen).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['a word among numbers', '1 abc 2', 'err.notNumber', { token: 'abc', row: 1, col: 2 }],
    ['a word in a later row', '1 2\n3 x', 'err.notNumber', { token: 'x', row: 2, col: 2 }],
    ['a header mixed with numbers', 'a,2,3\n1,2,3', 'err.notNumber', { token: 'a', row: 1, col: 1 }],
    ['NaN', '1 NaN 2', 'err.nan', { token: 'NaN', row: 1, col: 2 }],
    ['nan in a tensor', 'tensor([1., nan])', 'err.nan', { token: 'nan', row: 1, col: 2 }],
    ['ragged rows', '1 2 3; 4 5', 'err.ragged', { row: 2, got: 2, expected: 3 }],
    ['ragged JSON', '[[1,2],[3]]', 'err.ragged', { row: 2, got: 1, expected: 2 }],
    ['nothing', '', 'err.empty', {}],
    ['only comments', '# a\n# b\n', 'err.empty', {}],
    ['only a header', 'a,b,c\n', 'err.empty', {}],
    ['empty brackets', '[[]]', 'err.empty', {}],
    ['unclosed bracket', '[[1,2],[3,4]', 'err.unclosed', { token: '[', row: 1 }],
    ['unclosed inner bracket', '[[1,2],\n[3,4', 'err.unclosed', { token: '[', row: 2 }],
    ['a number beyond a double', '1 1e309', 'err.overflow', { token: '1e309', row: 1, col: 2 }],
    ['stray closing bracket', '1 2]', 'err.unbalanced', { token: ']' }],
    ['mismatched brackets', '[1, 2)', 'err.unbalanced', { token: ')' }],
    ['unclosed call', 'tensor([1, 2]', 'err.unclosed', { token: '(', row: 1 }],
    ['a number then a bracket', '[1, [2]]', 'err.unexpected', { token: '[', row: 1, col: 2 }],
    ['header width', 'a,b\n1,2,3', 'err.headerWidth', { got: 2, expected: 3 }],
    ['hex', '0x10', 'err.notNumber', { token: '0x10' }],
    ['numpy ellipsis', '[1, 2, ..., 9]', 'err.notNumber', { token: '...' }],
  ])('%s', (_name, text, key, params) => {
    const error = errorOf(text);
    expect(error.key).toBe(key);
    expect(error.params).toMatchObject(params);
  });
});

describe('readNumber', () => {
  it.each(['1', '-1', '+1', '.5', '5.', '1e-3', '1E+3', '-0', '123456789012345678901234567890', '4.9e-324', '1.7976931348623157e308'])(
    '%s reads as Number(%s)',
    (token) => {
      expect(readNumber(token)).toEqual({ kind: 'number', value: Number(token) });
    },
  );
  it.each(['', '.', 'e5', '1e', '--1', '1.2.3', '0x1f', '1_000', 'abc', '1,5'])('%s is not a number', (token) => {
    expect(readNumber(token).kind).toBe('other');
  });
});

describe('every number parses to exactly Number(token)', () => {
  // On the second line, where the fast path reads numbers (the first line is held back).
  // A token that Number() reads as ±inf although written as a finite decimal (1e309) is
  // refused as beyond a double, not read as inf.
  const parseOne = (token: string) => {
    if (!Number.isFinite(Number(token))) {
      expect(errorOf(`0 0\n${token} 0\n`).key, token).toBe('err.overflow');
      return Number(token);
    }
    return parseMatrixText(`0 0\n${token} 0\n`, SRC).data[2];
  };
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('random doubles in every notation', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 0, max: 20 }), (x, digits) => {
        const forms = [String(x), x.toExponential(), x.toFixed(Math.min(digits, 20)), x.toPrecision(Math.max(1, digits)), x.toExponential(Math.min(digits, 20)).toUpperCase()];
        for (const token of forms) expect(Object.is(parseOne(token), Number(token)), token).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('random decimal strings', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 22 });
    const token = fc
      .tuple(fc.constantFrom('', '-', '+'), digits, fc.boolean(), digits, fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 400 }))))
      .map(([sign, int, point, frac, exp]) => `${sign}${int}${point ? '.' : ''}${frac}${exp ? `${exp[0]}${exp[1]}${exp[2]}` : ''}`)
      .filter((t) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t));
    fc.assert(
      fc.property(token, (t) => {
        expect(Object.is(parseOne(t), Number(t)), t).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('whole rows take the same path as single tokens', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 20 }), fc.constantFrom(',', ' ', '\t', ', '), (xs, sep) => {
        const text = `${xs.map(String).join(sep)}\n${xs.map((x) => x.toFixed(6)).join(sep)}\n`;
        const m = toRows(parseMatrixText(text, SRC));
        expect(m[0].every((v, i) => Object.is(v, Number(String(xs[i]))))).toBe(true);
        expect(m[1].every((v, i) => Object.is(v, Number(xs[i].toFixed(6))))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
