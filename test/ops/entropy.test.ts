// ONE validator of entropy's input (src/ops/entropy/validate.ts): the same bad distribution
// gives the same error key however it reaches `xent entropy` (arguments, stdin, -i FILE; any
// format) and from the validator itself. The library has no entropy, so there is no library path.
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/core/matrix.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { checkDistributions } from '../../src/ops/entropy/validate.js';
import { xent } from '../helpers/cli.js';
import { keyOfCliError, thrown } from '../helpers/error-key.js';

interface BadDistribution {
  readonly what: string;
  readonly text: string;
  /** The same rows as numbers, for the validator; absent where only text carries it (NaN, no numbers: the parser's). */
  readonly rows?: number[][];
  readonly key: MessageKey;
}

const bad: BadDistribution[] = [
  {
    what: 'a negative entry',
    text: '0.5,0.5; 1.5,-0.5',
    rows: [
      [0.5, 0.5],
      [1.5, -0.5],
    ],
    key: 'err.dist.negative',
  },
  {
    what: '-inf',
    text: '1,0; -inf,1',
    rows: [
      [1, 0],
      [-Infinity, 1],
    ],
    key: 'err.dist.negative',
  },
  { what: 'a row summing to 0.9', text: '0.5,0.4', rows: [[0.5, 0.4]], key: 'err.dist.sum' },
  { what: '+inf', text: '0.5,inf', rows: [[0.5, Infinity]], key: 'err.dist.sum' },
  {
    what: 'a row of zeros',
    text: '1,0; 0,0',
    rows: [
      [1, 0],
      [0, 0],
    ],
    key: 'err.dist.sum',
  },
  { what: 'a NaN', text: '0.5,nan', key: 'err.nan' },
  { what: 'no numbers', text: '[[]]', key: 'err.empty' },
];

describe.each(bad)('entropy of $what', ({ text, rows, key }) => {
  const lines = text.replace(/;\s*/g, '\n') + '\n';
  it('the arguments, stdin and -i FILE, in every format', async () => {
    for (const format of ['table', 'json', 'tsv', 'value']) {
      expect(keyOfCliError(await xent(['entropy', text, '-f', format]))).toBe(key);
      expect(keyOfCliError(await xent(['entropy', '-f', format], { stdin: lines }))).toBe(key);
      expect(
        keyOfCliError(
          await xent(['entropy', '-i', 'p.csv', '-f', format, '--base', '2'], { files: { 'p.csv': lines } }),
        ),
      ).toBe(key);
    }
  });
  if (rows) {
    it('the validator', () => {
      expect(thrown(() => checkDistributions(fromRows(rows), 'p')).key).toBe(key);
    });
  }
});

describe('entropy: the validator says what the CLI says', () => {
  it('the same row, column and value', async () => {
    const r = await xent(['entropy', '0.5,0.5; 1.5,-0.5']);
    expect(r.stderr).toBe(
      'xent: error: the entry -0.5 at row 2, column 2 of the arguments is negative; a probability distribution has entries ≥ 0\n',
    );
    expect(
      thrown(() =>
        checkDistributions(
          fromRows([
            [0.5, 0.5],
            [1.5, -0.5],
          ]),
          { key: 'source.args' },
        ),
      ),
    ).toEqual({
      key: 'err.dist.negative',
      params: { source: { key: 'source.args' }, value: -0.5, row: 2, col: 2 },
    });
  });
  it('a sum off by float noise only is shown to 10 digits; an infinite one as inf', async () => {
    expect((await xent(['entropy', '0.3,0.3,0.3'])).stderr).toContain('sums to 0.9, off by 0.1;');
    expect((await xent(['entropy', '0.5,inf'])).stderr).toContain('sums to inf, off by inf;');
    expect((await xent(['entropy', '1,0; -inf,1'])).stderr).toContain('the entry -inf at row 2, column 1');
  });
  it('--base is read once, with the options: a bad one before any input is read', async () => {
    expect(keyOfCliError(await xent(['entropy', '-i', 'missing.csv', '--base', '3']))).toBe('err.badChoice');
  });
});
