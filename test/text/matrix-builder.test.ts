// Rows to a matrix (src/text/matrix-builder.ts): every row as wide as the first, rows
// handed out as they end, gathered row-major.
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/core/matrix.js';
import { MatrixBuilder, RowBuffer } from '../../src/text/matrix-builder.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { thrown } from '../helpers/error-key.js';

const SRC = { key: 'source.args' } as const;

describe('bad input', () => {
  it.each([
    ['ragged rows', '1 2 3; 4 5', 'err.ragged', { row: 2, got: 2, expected: 3 }],
    ['ragged JSON', '[[1,2],[3]]', 'err.ragged', { row: 2, got: 1, expected: 2 }],
    ['nothing', '', 'err.empty', {}],
    ['only comments', '# a\n# b\n', 'err.empty', {}],
    ['only a header', 'a,b,c\n', 'err.empty', {}],
    ['empty brackets', '[[]]', 'err.empty', {}],
    ['header width', 'a,b\n1,2,3', 'err.headerWidth', { got: 2, expected: 3 }],
  ])('%s', (_name, text, key, params) => {
    const error = thrown(() => parseMatrixText(text, SRC));
    expect(error.key).toBe(key);
    expect(error.params).toMatchObject(params);
  });
});

describe('RowBuffer', () => {
  const collect = (firstRow?: number) => {
    const seen: [number, number[]][] = [];
    const rows = new RowBuffer(SRC, (row, index) => seen.push([index, Array.from(row)]), firstRow);
    return { rows, seen };
  };

  it('hands out each row that has numbers, numbered from firstRow, growing as needed', () => {
    const { rows, seen } = collect(5);
    for (let k = 0; k < 40; k++) rows.push(k);
    rows.end();
    rows.end(); // an empty row is no row
    expect(seen).toEqual([[5, Array.from({ length: 40 }, (_, k) => k)]]);
    expect([rows.count, rows.cols, rows.length]).toEqual([6, 40, 0]);
  });

  it('a row of another width is an error naming its row', () => {
    const { rows } = collect(2);
    rows.push(1);
    rows.push(2);
    rows.end();
    rows.push(3);
    expect(thrown(() => rows.end())).toEqual({
      key: 'err.ragged',
      params: { source: SRC, row: 4, got: 1, expected: 2 },
    });
  });

  it('finish: the width, or no rows, or a header of another width', () => {
    const { rows } = collect();
    expect(thrown(() => rows.finish(undefined))).toEqual({ key: 'err.empty', params: { source: SRC } });
    rows.push(1);
    rows.push(2);
    rows.end();
    expect(rows.finish(['a', 'b'])).toBe(2);
    expect(thrown(() => rows.finish(['a']))).toEqual({
      key: 'err.headerWidth',
      params: { source: SRC, got: 1, expected: 2 },
    });
  });
});

describe('MatrixBuilder', () => {
  it('gathers rows row-major, with column labels when given', () => {
    const builder = new MatrixBuilder(SRC);
    for (let k = 0; k < 50; k++) builder.add(new Float64Array([k, -k]), k);
    const m = builder.build(2, ['x', 'y']);
    expect([m.rows, m.cols, m.colLabels]).toEqual([50, 2, ['x', 'y']]);
    expect(toRows(m)[49]).toEqual([49, -49]);
    expect('colLabels' in builder.build(2)).toBe(false);
  });
});
