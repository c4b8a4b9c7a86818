// The input's columns (src/text/columns.ts, as the reader applies them): pandas' index and
// integer column names, row labels in the first column, copied prefixes, --cols, --drop-cols,
// --index-col, --header and -y col:NAME. Each case is read whole and in chunks of every size
// (as a stream is): the same rows, labels and notes, or the same error.
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/core/matrix.js';
import { type ColumnOptions, readColumnOptions, readColumnRefs, targetColumnRef } from '../../src/text/columns.js';
import { MatrixBuilder } from '../../src/text/matrix-builder.js';
import { MatrixTextParser, type ParsedMatrix, parseMatrixText } from '../../src/text/matrix-text.js';
import { thrown } from '../helpers/error-key.js';

const FILE = { key: 'source.file', params: { path: 'm.csv' } } as const;
const STDIN = { key: 'source.stdin' } as const;
const ARGS = { key: 'source.args' } as const;
type Source = typeof FILE | typeof STDIN | typeof ARGS;

/** What a reading gives, as plain data. */
function summary(m: ParsedMatrix) {
  return {
    rows: toRows(m),
    colLabels: m.colLabels,
    rowLabels: m.rowLabels,
    targets: m.targetCells,
    notes: m.notes?.map((n) => n.key),
  };
}

/** The text fed `size` characters at a time, as chunks of a stream arrive. */
function inChunks(text: string, source: Source, columns: ColumnOptions, size: number): ParsedMatrix {
  const builder = new MatrixBuilder(source);
  const parser = new MatrixTextParser(source, builder.add, { columns, keepLabels: true });
  const bytes = new TextEncoder().encode(text);
  for (let k = 0; k < bytes.length; k += size) parser.feedAscii(bytes.subarray(k, k + size));
  const cols = parser.finish();
  return builder.build(cols, parser.colLabels, parser.extras());
}

/** Read whole and in chunks of 1, 2, 3 and 7 characters: the same result, or the same error. */
function read(text: string, source: Source = FILE, columns: ColumnOptions = {}) {
  const whole = outcome(() => summary(parseMatrixText(text, source, { columns })));
  for (const size of [1, 2, 3, 7]) {
    expect(
      outcome(() => summary(inChunks(text, source, columns, size))),
      `chunks of ${size}`,
    ).toEqual(whole);
  }
  return whole;
}

function outcome<T>(f: () => T): T | { error: string; params: unknown } {
  try {
    return f();
  } catch (error) {
    const { key, params } = thrown(() => {
      throw error;
    });
    return { error: key, params };
  }
}

describe('pandas to_csv with its index', () => {
  it('an empty first header cell: the first column is row labels, said in a note', () => {
    expect(read(',a,b,c\n0,1.5,2,0.5\n1,0.3,0.2,3\n')).toEqual({
      rows: [
        [1.5, 2, 0.5],
        [0.3, 0.2, 3],
      ],
      colLabels: ['a', 'b', 'c'],
      rowLabels: ['0', '1'],
      targets: undefined,
      notes: ['warn.input.indexColumn'],
    });
  });

  it('row names under an empty header cell are labels too, in any source', () => {
    const r = read(',a,b\ncat,1,2\ndog,3,4\n', ARGS);
    expect(r).toMatchObject({
      rowLabels: ['cat', 'dog'],
      colLabels: ['a', 'b'],
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('a MultiIndex: every leading empty header cell is an index column, joined in the label', () => {
    expect(read(',,a,b\nx,0,1,2\ny,1,3,4\n')).toMatchObject({
      rowLabels: ['x / 0', 'y / 1'],
      colLabels: ['a', 'b'],
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('--index-col none: the column is data, under its empty name', () => {
    expect(read(',a\n0,1.5\n1,2\n', FILE, { indexCol: 'none' })).toMatchObject({
      rows: [
        [0, 1.5],
        [1, 2],
      ],
      colLabels: ['', 'a'],
      rowLabels: undefined,
    });
  });

  it('--index-col by name or number: that column is the row labels, wherever it is', () => {
    const text = 'a,id,b\n1,x7,2\n3,x8,4\n';
    for (const indexCol of [readColumnRefs('id', '--index-col'), readColumnRefs('2', '--index-col')]) {
      expect(read(text, FILE, { indexCol })).toMatchObject({
        rows: [
          [1, 2],
          [3, 4],
        ],
        colLabels: ['a', 'b'],
        rowLabels: ['x7', 'x8'],
        notes: undefined,
      });
    }
  });
});

describe('a header of integers (pandas writes integer column names)', () => {
  it('0…C−1 above a row with a fraction: a header, said in a note', () => {
    for (const source of [FILE, STDIN]) {
      expect(read('0,1,2\n1.5,2,0.5\n3,4,5\n', source)).toEqual({
        rows: [
          [1.5, 2, 0.5],
          [3, 4, 5],
        ],
        colLabels: ['0', '1', '2'],
        rowLabels: undefined,
        targets: undefined,
        notes: ['warn.input.integerHeader'],
      });
    }
  });

  it('1…C counts too; with pandas index too', () => {
    expect(read('1,2\n0.5,0.5\n')).toMatchObject({ rows: [[0.5, 0.5]], colLabels: ['1', '2'] });
    expect(read(',0,1\n0,0.5,1.5\n1,2,3\n')).toMatchObject({
      rows: [
        [0.5, 1.5],
        [2, 3],
      ],
      colLabels: ['0', '1'],
      rowLabels: ['0', '1'],
    });
  });

  it.each([
    [
      'integers below it',
      '0,1,2\n3,4,5\n',
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ],
    ['no row below it', '0,1,2\n', [[0, 1, 2]]],
    [
      'not a run from 0 or 1',
      '0,2,3\n0.5,1,2\n',
      [
        [0, 2, 3],
        [0.5, 1, 2],
      ],
    ],
    ['one column', '0\n0.5\n', [[0], [0.5]]],
  ])('%s: data', (_name, text, rows) => {
    expect(read(text)).toMatchObject({ rows, colLabels: undefined, notes: undefined });
  });

  it('typed in the arguments it is data (nobody types a header of integers)', () => {
    expect(read('0 1 2; 0.5 0.2 0.1', ARGS)).toMatchObject({
      rows: [
        [0, 1, 2],
        [0.5, 0.2, 0.1],
      ],
      colLabels: undefined,
    });
  });

  it('--header no reads it as data; --header yes makes any first line the header', () => {
    expect(read('0,1,2\n1.5,2,0.5\n', FILE, { header: 'no' })).toMatchObject({
      rows: [
        [0, 1, 2],
        [1.5, 2, 0.5],
      ],
      colLabels: undefined,
    });
    expect(read('5,6\n1,2\n', ARGS, { header: 'yes' })).toMatchObject({ rows: [[1, 2]], colLabels: ['5', '6'] });
  });

  it('--header no: a first line of words is an error naming its first word', () => {
    expect(read('a,b\n1,2\n', FILE, { header: 'no' })).toMatchObject({
      error: 'err.notNumberInColumn',
      params: { token: 'a', row: 1, col: 1 },
    });
  });

  it('a row 2 error names row 2 while row 1 is held back', () => {
    expect(read('0,1\n0.5,x\n', STDIN)).toMatchObject({ error: 'err.notNumberInColumn', params: { row: 2, col: 2 } });
    expect(read('0,1\n0.5\n', STDIN)).toMatchObject({ error: 'err.ragged', params: { row: 2 } });
  });
});

describe('row labels in the first column', () => {
  it.each([
    ['spaces', 'cat 3.2 1\ndog 5.1 2\n'],
    ['commas', 'cat,3.2,1\ndog,5.1,2\n'],
    ['tabs', 'cat\t3.2\t1\ndog\t5.1\t2\n'],
    ['quoted', '"cat",3.2,1\n"dog",5.1,2\n'],
  ])('%s: the words are row labels, said in a note', (_name, text) => {
    for (const source of [FILE, STDIN, ARGS]) {
      expect(read(text, source)).toEqual({
        rows: [
          [3.2, 1],
          [5.1, 2],
        ],
        colLabels: undefined,
        rowLabels: ['cat', 'dog'],
        targets: undefined,
        notes: ['warn.input.labelColumn'],
      });
    }
  });

  it("under a header: its first name is the labels' own (kept for the corner) or missing (R's write.table)", () => {
    const named = parseMatrixText('name,a,b\ncat,1,2\ndog,3,4\n', FILE);
    expect(named).toMatchObject({ colLabels: ['a', 'b'], rowLabels: ['cat', 'dog'], rowLabelName: 'name' });
    expect(read('a,b\ncat,1,2\ndog,3,4\n')).toMatchObject({ colLabels: ['a', 'b'], rowLabels: ['cat', 'dog'] });
  });

  it('a later row that begins with a number: the first word was an error after all', () => {
    expect(read('a,2,3\n1,2,3\n', ARGS)).toMatchObject({
      error: 'err.notNumber',
      params: { token: 'a', row: 1, col: 1 },
    });
    expect(read('cat 1 2\n3 4 5\n')).toMatchObject({
      error: 'err.notNumberInColumn',
      params: { token: 'cat', row: 1 },
    });
  });

  it('not a label: a word that is not a name (2kg, 0x10), one in another column, a row of one word', () => {
    expect(read('2kg 1', ARGS)).toMatchObject({ error: 'err.notNumber', params: { token: '2kg' } });
    expect(read('1 cat 2', ARGS)).toMatchObject({ error: 'err.notNumber', params: { token: 'cat', col: 2 } });
    expect(read('1,2\ncat,3\n')).toMatchObject({ error: 'err.notNumberInColumn', params: { token: 'cat', row: 2 } });
    expect(read('a\nsecret\n')).toMatchObject({ error: 'err.notNumberLine', params: { row: 1, col: 1 } });
  });

  it('--index-col none refuses them', () => {
    expect(read('cat 3.2\ndog 5.1\n', FILE, { indexCol: 'none' })).toMatchObject({
      error: 'err.notNumberInColumn',
      params: { token: 'cat', row: 1, col: 1 },
    });
  });
});

describe('copied prefixes', () => {
  it.each([
    ['z = [1, 2, 3]'],
    ['z=[1, 2, 3]'],
    ['scores = 1 2 3'],
    ['Input: [1, 2, 3]'],
    ['logits:\n1 2 3\n'],
    ['logits: tensor([1., 2., 3.])'],
    ['"logits": [1, 2, 3]'],
    ['Logits of batch 3:\n1,2,3\n'],
  ])('%j: the numbers alone', (text) => {
    for (const source of [FILE, ARGS])
      expect(read(text, source)).toMatchObject({ rows: [[1, 2, 3]], colLabels: undefined });
  });

  it('a prefix line above a header: the header is read', () => {
    expect(read('logits:\na,b\n1,2\n')).toMatchObject({ rows: [[1, 2]], colLabels: ['a', 'b'] });
  });

  it('not a prefix: a word with other characters (a line of /etc/shadow), a second prefix', () => {
    expect(read('root:$6$x:1::\n1 2\n')).toMatchObject({ error: 'err.headerWidth' });
    expect(read('x = y = 1 2')).toMatchObject({ error: 'err.notNumber' });
  });
});

describe('--cols, --drop-cols and the target column', () => {
  const TEXT = 'id,file,a,b,label\n7,x.png,1,2,b\n8,y.png,3,1,a\n';
  const refs = (value: string) => readColumnRefs(value, '--cols');

  it('names, numbers and ranges pick the same columns', () => {
    for (const columns of [
      { dropCols: refs('id,file,label') },
      { dropCols: refs('1-2,5') },
      { cols: refs('a,b') },
      { cols: refs('3-4') },
      { cols: refs('3,b') },
    ]) {
      expect(read(TEXT, FILE, columns), JSON.stringify(columns)).toMatchObject({
        rows: [
          [1, 2],
          [3, 1],
        ],
        colLabels: ['a', 'b'],
      });
    }
  });

  it('--cols keeps the order given; an open range runs to the last column', () => {
    expect(read('a,b,c\n1,2,3\n', FILE, { cols: refs('c,a') })).toMatchObject({
      rows: [[3, 1]],
      colLabels: ['c', 'a'],
    });
    expect(read('1,2,3\n', FILE, { cols: refs('2-') })).toMatchObject({ rows: [[2, 3]] });
  });

  it('-y col:NAME keeps each row target cell: a word as written, a number as read', () => {
    const target = targetColumnRef('col:label', '-y')!;
    expect(read(TEXT, FILE, { dropCols: refs('id,file'), target })).toMatchObject({
      rows: [
        [1, 2],
        [3, 1],
      ],
      colLabels: ['a', 'b'],
      targets: ['b', 'a'],
    });
    expect(read('1,2,0\n3,4,1\n', FILE, { target: targetColumnRef('col:3', '-y')! })).toMatchObject({
      rows: [
        [1, 2],
        [3, 4],
      ],
      targets: [0, 1],
    });
  });

  it.each([
    ['a name without a header', '1,2\n', { cols: refs('a') }, 'err.columnNoHeader'],
    ['a name the header lacks', 'a,b\n1,2\n', { cols: refs('c') }, 'err.columnUnknown'],
    ['a name twice in the header', 'a,a\n1,2\n', { cols: refs('a') }, 'err.columnAmbiguous'],
    ['a column past the last', '1,2\n', { dropCols: refs('3') }, 'err.columnBeyond'],
    [
      'a column chosen twice',
      '1,2,3\n',
      { cols: refs('1,2'), target: targetColumnRef('col:2', '-y')! },
      'err.columnTwice',
    ],
    ['the same column twice in --cols', '1,2\n', { cols: refs('1,1') }, 'err.columnTwice'],
    ['nothing left', '1,2\n', { dropCols: refs('1-2') }, 'err.noDataColumns'],
    ['a header of another width', 'a,b\n1,2,3\n', {}, 'err.headerWidth'],
    ['a header two short of labelled rows', 'a\nx,1,2\n', {}, 'err.headerWidth'],
  ])('%s: an error', (_name, text, columns, key) => {
    expect(read(text, FILE, columns)).toMatchObject({ error: key });
  });

  it('option text: numbers from 1, ranges, quoted names; 0 and bad ranges refused', () => {
    expect(readColumnRefs('2-4, label,"0",3-', '--cols')).toEqual([
      { kind: 'position', from: 2, to: 4 },
      { kind: 'name', name: 'label' },
      { kind: 'name', name: '0' },
      { kind: 'position', from: 3, to: Infinity },
    ]);
    expect(thrown(() => readColumnRefs('0,1', '--cols')).key).toBe('err.columnZero');
    expect(thrown(() => readColumnRefs('4-2', '--cols')).key).toBe('err.columnList');
    expect(thrown(() => readColumnRefs('a,,b', '--cols')).key).toBe('err.columnList');
    expect(targetColumnRef('0,2,1', '-y')).toBeUndefined();
    expect(thrown(() => targetColumnRef('col:2-3', '-y')).key).toBe('err.columnList');
    expect(thrown(() => readColumnOptions({ header: 'maybe' })).key).toBe('err.badChoice');
    expect(readColumnOptions({ indexCol: 'NONE', header: 'Yes' })).toEqual({ indexCol: 'none', header: 'yes' });
  });
});
