// Every notation of the same matrix gives the same digits: the matrix [[2, 0.5, -1], [0.3, 1.8, 0.2]]
// written as people paste it (CSV, TSV, brackets, PyTorch, NumPy, LaTeX, Mathematica, JSON,
// JSON Lines, fractions), through arguments, stdin and -i FILE. Then each new notation's own
// rules: exact ratios, percentages, NumPy scalars, JSON fields and --key, LaTeX around the matrix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestDouble, readRatio } from '../../src/text/ratio.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { readNumber } from '../../src/text/number.js';
import { latexToPlain } from '../../src/text/latex.js';
import { xent } from '../helpers/cli.js';

const NOTATIONS: Record<string, string> = {
  csv: '2,0.5,-1\n0.3,1.8,0.2\n',
  tsv: '2\t0.5\t-1\n0.3\t1.8\t0.2\n',
  whitespace: '2 0.5 -1\n0.3 1.8 0.2\n',
  semicolons: '2, 0.5, -1; 0.3, 1.8, 0.2',
  brackets: '[[2, 0.5, -1], [0.3, 1.8, 0.2]]',
  MATLAB: '[2 0.5 -1; 0.3 1.8 0.2]',
  'NumPy print': '[[ 2.   0.5 -1. ]\n [ 0.3  1.8  0.2]]',
  'NumPy array()': 'array([[ 2. ,  0.5, -1. ],\n       [ 0.3,  1.8,  0.2]])',
  'NumPy 2 scalars':
    '[[np.float64(2.0), np.float64(0.5), np.float64(-1.0)], [np.float64(0.3), np.float64(1.8), np.float64(0.2)]]',
  'torch tensor()': 'tensor([[ 2.0000,  0.5000, -1.0000],\n        [ 0.3000,  1.8000,  0.2000]], dtype=torch.float64)',
  'torch scalars': '[[tensor(2.), tensor(0.5000), tensor(-1.)], [tensor(0.3000), tensor(1.8000), tensor(0.2000)]]',
  'LaTeX bmatrix': '$$\\begin{bmatrix} 2 & 0.5 & -1 \\\\ 0.3 & 1.8 & 0.2 \\end{bmatrix}$$',
  'LaTeX pmatrix, lines': '\\begin{pmatrix}\n  2 & 0.5 & -1 \\\\\n  0.3 & 1.8 & 0.2\n\\end{pmatrix}\n',
  'LaTeX array, \\left[ \\right]':
    'z = \\left[\\begin{array}{ccc} 2 & \\frac{1}{2} & -1 \\\\ 0.3 & 1.8 & 0.2 \\end{array}\\right]',
  'LaTeX matrix, $…$': '$\\begin{matrix} 2 & 0.5 & - 1 \\\\ \\frac{3}{10} & \\dfrac{9}{5} & \\tfrac15 \\end{matrix}$',
  'LaTeX, cells only': '2 & 0.5 & -1 \\\\ 0.3 & 1.8 & 0.2',
  Mathematica: '{{2, 0.5, -1}, {0.3, 1.8, 0.2}}',
  'Mathematica *^': '{{2., 5.*^-1, -1.}, {3.*^-1, 1.8, 2*^-1}}',
  JSON: '{"logits": [[2, 0.5, -1], [0.3, 1.8, 0.2]]}',
  'JSON, pretty': '{\n  "step": 7,\n  "logits": [\n    [2, 0.5, -1],\n    [0.3, 1.8, 0.2]\n  ]\n}\n',
  'JSON Lines': '{"step": 1, "logits": [2, 0.5, -1]}\n{"step": 2, "logits": [0.3, 1.8, 0.2]}\n',
  'a JSON list of objects': '[{"logits": [2, 0.5, -1]}, {"logits": [0.3, 1.8, 0.2]}]',
  'Python dict of a tensor': "{'logits': tensor([[2., 0.5, -1.], [0.3, 1.8, 0.2]])}",
  fractions: '2/1, 1/2, -1/1\n3/10, 9/5, 1/5\n',
};

describe('every notation of the same matrix gives the same digits', () => {
  const commands = [
    ['softmax', '-f', 'tsv'],
    ['ce', '-y', '0,1', '-f', 'json'],
  ];
  it.each(commands)('%s', async (...argv) => {
    const expected = await xent([...argv, '-i', 'm.txt'], { files: { 'm.txt': NOTATIONS.csv } });
    expect(expected.code).toBe(0);
    for (const [name, text] of Object.entries(NOTATIONS)) {
      const viaFile = await xent([...argv, '-i', 'm.txt'], { files: { 'm.txt': text } });
      const viaStdin = await xent(argv, { stdin: text });
      const viaArgs = await xent([...argv, text]);
      const bare = (out: string) => out.replace(/\n\s*"source".*$/m, '');
      expect({ name, ...viaFile, stdout: bare(viaFile.stdout) }).toEqual({
        name,
        ...expected,
        stdout: bare(expected.stdout),
      });
      expect({ name, ...viaStdin }, 'stdin').toEqual({ name, ...expected });
      expect({ name, ...viaArgs }, 'arguments').toEqual({ name, ...expected });
    }
  });
});

describe('ratios: the double nearest the quotient of two decimals', () => {
  /** a/b exactly, against the doubles around `value`: none of them is nearer (ties to even). */
  function isNearest(value: number, num: bigint, den: bigint): boolean {
    // value = m · 2^e exactly; compare |value − num/den| with its neighbours', all in integers.
    const exact = (x: number): [bigint, bigint] => {
      if (x === 0) return [0n, 1n];
      let e = 0;
      let m = x;
      while (!Number.isInteger(m)) {
        m *= 2;
        e++;
      }
      return [BigInt(m), 1n << BigInt(e)];
    };
    const distance = (x: number) => {
      const [p, q] = exact(x);
      const d = p * den - num * q;
      return [d < 0n ? -d : d, q * den] as const;
    };
    const [d0, q0] = distance(value);
    for (const other of [value - Number.EPSILON * value, value + Number.EPSILON * value]) {
      const [d1, q1] = distance(other);
      if (d1 * q0 < d0 * q1) return false;
    }
    return true;
  }

  it('is exact where dividing two doubles is not (0.1/0.3 is 1/3)', () => {
    expect(0.1 / 0.3).not.toBe(1 / 3);
    expect(readNumber('0.1/0.3')).toEqual({ kind: 'number', value: 1 / 3 });
    expect(readNumber('9/25')).toEqual({ kind: 'number', value: 0.36 });
    expect(readNumber('-1/3')).toEqual({ kind: 'number', value: -1 / 3 });
    expect(readNumber('1e-3/4e2')).toEqual({ kind: 'number', value: 2.5e-6 });
  });

  it('agrees with exact rational arithmetic on random integers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (num, den) => {
        const value = nearestDouble(num, den);
        expect(isNearest(value, num, den)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds subnormals, the smallest double and overflow as IEEE 754 does', () => {
    expect(readNumber('5e-324/1')).toEqual({ kind: 'number', value: 5e-324 });
    expect(readNumber('1e-323/3')).toEqual({ kind: 'number', value: Number('3.3e-324') });
    expect(readNumber('1/1e400')).toEqual({ kind: 'number', value: 0 });
    expect(readNumber('1e308/0.01')).toEqual({ kind: 'overflow' });
    expect(readNumber('1/0')).toEqual({ kind: 'zeroDivision' });
    expect(readRatio('1/3/4').kind).toBe('none');
    expect(readRatio('a/3').kind).toBe('none');
  });
});

describe('percentages: where probabilities are expected', () => {
  it('reads 70% as 70/100 in a probability input, refuses it elsewhere', async () => {
    expect(readNumber('70%')).toEqual({ kind: 'percent', value: 0.7 });
    expect(readNumber('12.5%')).toEqual({ kind: 'percent', value: 0.125 });
    expect(Array.from(parseMatrixText('70%, 30%', 'the text', { percent: true }).data)).toEqual([0.7, 0.3]);
    expect(() => parseMatrixText('70%, 30%', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.percentNotHere' }),
    );
    const same = async (argv: string[], percents: string[]) => {
      expect((await xent([...argv, ...percents])).stdout).toBe((await xent(argv)).stdout);
    };
    await same(['entropy', '0.7,0.3', '-f', 'tsv'], []);
    expect((await xent(['entropy', '70%,30%', '-f', 'tsv'])).stdout).toBe(
      (await xent(['entropy', '0.7,0.3', '-f', 'tsv'])).stdout,
    );
    expect((await xent(['ce', '--probs', '-y', '0', '70%,30%', '-f', 'value'])).stdout).toBe(
      (await xent(['ce', '--probs', '-y', '0', '0.7,0.3', '-f', 'value'])).stdout,
    );
    expect((await xent(['ce', '2,1', '--target-probs', '90%,10%', '-f', 'value'])).stdout).toBe(
      (await xent(['ce', '2,1', '--target-probs', '0.9,0.1', '-f', 'value'])).stdout,
    );
    expect((await xent(['kl', '--p', '50%,50%', '--q', '90%,10%', '-f', 'tsv'])).stdout).toBe(
      (await xent(['kl', '--p', '0.5,0.5', '--q', '0.9,0.1', '-f', 'tsv'])).stdout,
    );
    const refused = await xent(['ce', '-y', '0', '70%,30%']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("'70%' at row 1, column 1 of the arguments is a percentage");
  });
});

describe('NumPy 2 and PyTorch scalars', () => {
  it('np.float32(0.1) is the decimal printed (0.1), not the float32 value', () => {
    expect(Array.from(parseMatrixText('[np.float32(0.1), np.float64(2.0), np.int64(3)]', 'the text').data)).toEqual([
      0.1, 2, 3,
    ]);
  });
  it('a call holds one number', () => {
    expect(() => parseMatrixText('[np.float64(1 2)]', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.unexpected' }),
    );
    expect(() => parseMatrixText('[np.float64()]', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.unexpected' }),
    );
    // A word first in a row may be its label (`cat 3.2`): the '(' after it is what is wrong.
    expect(() => parseMatrixText('[foo(1)]', 'the text')).toThrow(expect.objectContaining({ key: 'err.unexpected' }));
  });
});

describe('JSON objects and JSON Lines', () => {
  const read = (text: string, key?: string) => {
    const m = parseMatrixText(text, 'the text', key === undefined ? {} : { key });
    return { rows: m.rows, cols: m.cols, data: Array.from(m.data) };
  };
  it('--key picks a field by its dotted path', () => {
    const text = '{"outputs": {"logits": [[1, 2]], "hidden": [[3, 4]]}, "labels": [0]}';
    expect(read(text, 'outputs.logits')).toEqual({ rows: 1, cols: 2, data: [1, 2] });
    expect(read(text, 'labels')).toEqual({ rows: 1, cols: 1, data: [0] });
  });
  it('an ambiguous object lists the fields holding numbers', () => {
    expect(() => read('{"logits": [1, 2], "labels": [0, 1]}')).toThrow(
      expect.objectContaining({
        key: 'err.json.ambiguous',
        params: expect.objectContaining({ keys: { list: ['logits', 'labels'] } }),
      }),
    );
  });
  it('a key not there lists the keys found; strings, numbers and nested lists of words are not numbers', () => {
    expect(() => read('{"a": 1, "b": "x", "c": ["u", "v"], "d": [1]}', 'e')).toThrow(
      expect.objectContaining({
        key: 'err.json.keyMissing',
        params: expect.objectContaining({ keys: { list: ['a', 'b', 'c', 'd'] } }),
      }),
    );
    expect(read('{"a": 1, "b": "x", "c": ["u", "v"], "d": [1]}')).toEqual({ rows: 1, cols: 1, data: [1] });
    expect(() => read('{"step": 1}')).toThrow(expect.objectContaining({ key: 'err.json.noNumbers' }));
  });
  it('each line of JSON Lines must have the field the first chose', () => {
    expect(() => read('{"logits": [1, 2]}\n{"scores": [3, 4]}\n')).toThrow(
      expect.objectContaining({
        key: 'err.json.keyMissing',
        params: expect.objectContaining({ line: 2, key: 'logits' }),
      }),
    );
  });
  it('is held an object at a time: a log of many lines streams', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `{"step": ${i}, "logits": [${i % 7}, 1, 2]}`).join('\n');
    const r = await xent(['softmax', '-f', 'tsv'], { stdin: lines });
    expect(r.stdout.trim().split('\n')).toHaveLength(2000);
  });
  it('--key on an input that is not JSON, or with no input to read, is an error', async () => {
    expect(() => read('1,2', 'logits')).toThrow(expect.objectContaining({ key: 'err.json.keyNotJson' }));
    expect((await xent(['kl', '--p', '1', '--q', '1', '--key', 'a'])).code).toBe(2);
  });
  it('a broken object names where', () => {
    expect(() => read('{"a": [1, 2]')).toThrow(expect.objectContaining({ key: 'err.json.unclosed' }));
    expect(() => read('{"a" [1]}')).toThrow(
      expect.objectContaining({
        key: 'err.json.unexpected',
        params: expect.objectContaining({ token: '[', line: 1, column: 6 }),
      }),
    );
  });
});

describe('LaTeX', () => {
  it('is turned into rows and cells; text around the matrix is refused, not dropped', () => {
    expect(latexToPlain('\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}', 'the text')).toBe('1,2\n3,4\n');
    expect(latexToPlain('\\begin{bmatrix*}[r] 1 & -\\infty \\end{bmatrix*}.', 'the text')).toBe(' 1 , -inf \n');
    expect(() => latexToPlain('$\\begin{bmatrix} 1 \\end{bmatrix} + 2$', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.latex.outside', params: expect.objectContaining({ token: '+' }) }),
    );
    expect(() => latexToPlain('\\begin{bmatrix} 1 & 2', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.latex.noEnd' }),
    );
    expect(() => parseMatrixText('\\begin{bmatrix} 1 & 2 \\cdot 10^{3} \\end{bmatrix}', 'the text')).toThrow(
      expect.objectContaining({ key: 'err.notNumber' }),
    );
  });
});
