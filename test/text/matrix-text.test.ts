// The text reader's public face (src/text/matrix-text.ts): fed in chunks of text or of
// ASCII bytes (the fast path), it reads the same matrix wherever the chunks are cut, and
// hands out each row as soon as it ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XentError } from '../../src/core/errors.js';
import { toRows } from '../../src/core/matrix.js';
import { MatrixBuilder, MatrixTextParser, parseMatrixText } from '../../src/text/matrix-text.js';

const SRC = { key: 'source.args' } as const;

describe('reading in chunks', () => {
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

  it('ends rows at CR, LF and CRLF alike, wherever the chunks are cut (between a CR and its LF too)', () => {
    const text = 'a,b\r\n1,2\r\n3,4\r5,6\r\r\n7,8\n';
    const expected = [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ];
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= text.length; cut++) {
      for (const asBytes of [false, true]) {
        const builder = new MatrixBuilder();
        const parser = new MatrixTextParser(SRC, builder.add);
        if (asBytes) {
          parser.feedAscii(bytes.subarray(0, cut));
          parser.feedAscii(bytes.subarray(cut));
        } else {
          parser.feed(text.slice(0, cut));
          parser.feed(text.slice(cut));
        }
        const m = builder.build(parser.finish(), parser.colLabels);
        expect(toRows(m), `cut at ${cut}, ${asBytes ? 'bytes' : 'text'}`).toEqual(expected);
        expect(m.colLabels).toEqual(['a', 'b']);
      }
    }
  });

  it('refuses an empty field wherever the chunks are cut, naming its row and column', () => {
    for (const [text, row, col] of [
      ['1,2,3\n4,,6\n', 2, 2],
      ['1,2,3\r\n4,5,\r\n', 2, 3],
      ['1,2,3\n,5,6\n', 2, 1],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      for (let cut = 0; cut <= text.length; cut++) {
        const parser = new MatrixTextParser(SRC, () => {});
        let error: unknown;
        try {
          parser.feedAscii(bytes.subarray(0, cut));
          parser.feedAscii(bytes.subarray(cut));
          parser.finish();
        } catch (e) {
          error = e;
        }
        expect(error, `${JSON.stringify(text)} cut at ${cut}`).toBeInstanceOf(XentError);
        expect((error as XentError).key).toBe('err.emptyField');
        expect((error as XentError).params).toMatchObject({ row, col });
      }
    }
  });

  it('reads bytes (the fast path) as it reads text, wherever the chunks are cut', () => {
    // Text from pieces that exercise both paths: numbers it reads fast and ones it cannot
    // (17 digits, big exponents, inf), separators, comments, brackets, a header, and errors.
    const piece = fc.constantFrom(
      '1',
      '-2.5',
      '0.000001',
      '+.5',
      '3e-4',
      '1E+2',
      '12345678901234567',
      '1e400',
      '-inf',
      'x',
      ',',
      ', ',
      ' ',
      '\t',
      '\r\n',
      '\r',
      '\n',
      '# c\n',
      '[',
      ']',
      ';',
      '-',
      '.',
      '1e',
      '1.5.2',
    );
    const text = fc
      .tuple(fc.constantFrom('', 'a,b\n', '[[', 'tensor(['), fc.array(piece, { maxLength: 40 }))
      .map(([head, parts]) => head + parts.join(''));
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

  it('feedAscii stops at the first byte past ASCII; the rest is read as text', () => {
    const builder = new MatrixBuilder();
    const parser = new MatrixTextParser(SRC, builder.add);
    const bytes = new TextEncoder().encode('1 2\n3 −4\n');
    const stop = parser.feedAscii(bytes);
    expect(stop).toBe(6);
    expect([parser.rows, parser.columns]).toEqual([1, 2]);
    parser.feed(new TextDecoder().decode(bytes.subarray(stop)));
    expect(toRows(builder.build(parser.finish()))).toEqual([
      [1, 2],
      [3, -4],
    ]);
  });

  it('parseMatrixText reads text whole, by either path', () => {
    expect(toRows(parseMatrixText('x,y\n1,2\n', SRC))).toEqual([[1, 2]]);
    expect(parseMatrixText('x,y\n1,2\n', SRC).colLabels).toEqual(['x', 'y']);
    expect(toRows(parseMatrixText('x,y\n1,−2\n', SRC))).toEqual([[1, -2]]);
  });
});
