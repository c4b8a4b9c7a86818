// The grammar of the notations (src/text/notation.ts): where tokens, rows and lines end in
// each notation people paste, and which input it refuses, with what error.
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/core/matrix.js';
import { MatrixBuilder } from '../../src/text/matrix-builder.js';
import { MatrixTextParser, parseMatrixText } from '../../src/text/matrix-text.js';
import { NotPlainLines } from '../../src/text/notation.js';
import { thrown } from '../helpers/error-key.js';

const SRC = { key: 'source.args' } as const;
const FILE = { key: 'source.file', params: { path: 'm.txt' } } as const;
const rows = (text: string) => toRows(parseMatrixText(text, SRC));

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
    ['torch tensor', 'tensor([[ 2.0000,  0.5000, -1.0000],\n        [ 0.3000,  1.8000,  0.2000]])', M],
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
    [
      'infinities',
      'inf -inf Infinity -Infinity +inf INF',
      [[Infinity, -Infinity, Infinity, -Infinity, Infinity, Infinity]],
    ],
    ['quoted CSV numbers', '"2","0.5","-1"', [[2, 0.5, -1]]],
    ['trailing separators in brackets', '[[2,0.5,-1,],[0.3,1.8,0.2,],]', M],
    ['rows in brackets with commas between lines', '[2,0.5,-1],\n[0.3,1.8,0.2],\n', M],
    ['a trailing semicolon', '2,0.5,-1;0.3,1.8,0.2;', M],
    ['CR line endings', '2,0.5,-1\r0.3,1.8,0.2\r', M],
    ['CRLF line endings', '2,0.5,-1\r\n0.3,1.8,0.2\r\n', M],
    ['mixed line endings and a blank CR line', '2,0.5,-1\r\r\n0.3,1.8,0.2\n', M],
    ['a header with CR', 'a,b,c\r2,0.5,-1\r0.3,1.8,0.2', M],
    ['a comment ended by CR', '# logits\r2,0.5,-1\r0.3,1.8,0.2', M],
    ['CR in brackets', '[[2,0.5,-1],\r[0.3,1.8,0.2]]', M],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('a newline after a comma in one flat bracket group does not end the row', () => {
    expect(rows('[1,\n2]')).toEqual([[1, 2]]);
    expect(rows('[1\n2]')).toEqual([[1], [2]]);
  });
});

describe('bad input', () => {
  it.each([
    ['a word among numbers', '1 abc 2', 'err.notNumber', { token: 'abc', row: 1, col: 2 }],
    ['a word in a later row', '1 2\n3 x', 'err.notNumber', { token: 'x', row: 2, col: 2 }],
    ['NaN', '1 NaN 2', 'err.nan', { token: 'NaN', row: 1, col: 2 }],
    ['nan in a tensor', 'tensor([1., nan])', 'err.nan', { token: 'nan', row: 1, col: 2 }],
    ['unclosed bracket', '[[1,2],[3,4]', 'err.unclosed', { token: '[', row: 1 }],
    ['unclosed inner bracket', '[[1,2],\n[3,4', 'err.unclosed', { token: '[', row: 2 }],
    ['a number beyond a double', '1 1e309', 'err.overflow', { token: '1e309', row: 1, col: 2 }],
    ['stray closing bracket', '1 2]', 'err.unbalanced', { token: ']' }],
    ['mismatched brackets', '[1, 2)', 'err.unbalanced', { token: ')' }],
    ['unclosed call', 'tensor([1, 2]', 'err.unclosed', { token: '(', row: 1 }],
    ['a number then a bracket', '[1, [2]]', 'err.unexpected', { token: '[', row: 1, col: 2 }],
    ['hex', '0x10', 'err.notNumber', { token: '0x10' }],
    ['numpy ellipsis', '[1, 2, ..., 9]', 'err.summarised', { token: '...', row: 1, col: 3 }],
    ['numpy ellipsis without commas', '[1. 2. ... 9.]', 'err.summarised', { token: '...', row: 1, col: 3 }],
    ['a Unicode ellipsis', 'tensor([1., …, 9.])', 'err.summarised', { token: '…', row: 1, col: 2 }],
    ['a summarised row of a 2-D print', '[[1. 2.]\n ...\n [3. 4.]]', 'err.summarised', { token: '...', row: 2 }],
    ['an empty field', '1,,3', 'err.emptyField', { row: 1, col: 2 }],
    ['an empty field with blanks', '1, ,3', 'err.emptyField', { row: 1, col: 2 }],
    ['an empty last field', '1,2,\n3,4,', 'err.emptyField', { row: 1, col: 3 }],
    ['an empty last field at the end', '1,2\n3,4,', 'err.emptyField', { row: 2, col: 3 }],
    ['an empty last field before ;', '1,2,;3,4', 'err.emptyField', { row: 1, col: 3 }],
    ['an empty first field', '1,2\n,3', 'err.emptyField', { row: 2, col: 1 }],
    ['an empty first field on the first line', ',1,2', 'err.emptyField', { row: 1, col: 1 }],
    ['a line of empty fields', '1,2\n,\n3,4', 'err.emptyField', { row: 2, col: 1 }],
    ['an empty field under a header', 'a,b,c\n1,2,3\n4,,6', 'err.emptyField', { row: 2, col: 2 }],
    ['an empty field after CR', '1,2\r3,,4', 'err.emptyField', { row: 2, col: 2 }],
    ['an empty field in brackets', '[1, , 2]', 'err.emptyField', { row: 1, col: 2 }],
    ['an empty first field in brackets', '[[1, 2], [, 3]]', 'err.emptyField', { row: 2, col: 1 }],
    ['a word before a call', 'abc tensor([1, 2])', 'err.notNumber', { token: 'abc', row: 1, col: 1 }],
    ['a word before a bracket', 'abc [1, 2]', 'err.notNumber', { token: 'abc', row: 1, col: 1 }],
  ])('%s', (_name, text, key, params) => {
    const error = thrown(() => parseMatrixText(text, SRC));
    expect(error.key).toBe(key);
    expect(error.params).toMatchObject(params);
  });

  it('a word that is a whole line of a file is not quoted; one with more on its line is', () => {
    expect(thrown(() => parseMatrixText('1 2\nsecret\n', FILE))).toEqual({
      key: 'err.notNumberLine',
      params: { row: 2, col: 1, length: 6, source: FILE },
    });
    expect(thrown(() => parseMatrixText('1 2\nsecret  \n', FILE)).key).toBe('err.notNumberLine');
    expect(thrown(() => parseMatrixText('1 2\nsecret 2\n', FILE)).params).toMatchObject({
      token: 'secret',
      row: 2,
      col: 1,
    });
    // Not a file: the word is quoted whatever its line holds.
    expect(thrown(() => parseMatrixText('1 2\nsecret\n', SRC)).params).toMatchObject({
      token: 'secret',
      row: 2,
      col: 1,
    });
  });
});

describe('parts of a larger input', () => {
  const read = (text: string, part: { firstRow?: number; plainLines?: boolean }) => {
    const builder = new MatrixBuilder(SRC);
    const parser = new MatrixTextParser(SRC, builder.add, part);
    parser.feed(text);
    return builder.build(parser.finish(), parser.colLabels);
  };

  it('plainLines refuses brackets, which may span parts', () => {
    expect(() => read('1 2\n[3 4]\n', { plainLines: true })).toThrow(NotPlainLines);
    expect(() => read('1 2)\n', { plainLines: true })).toThrow(NotPlainLines);
    expect(toRows(read('1 2\n3 4\n', { plainLines: true }))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('firstRow numbers rows from there and looks for no header', () => {
    expect(thrown(() => read('1 2\n3 x\n', { firstRow: 10 })).params).toMatchObject({ token: 'x', row: 12, col: 2 });
    expect(thrown(() => read('a b\n1 2\n', { firstRow: 10 })).params).toMatchObject({ token: 'a', row: 11, col: 1 });
  });
});
