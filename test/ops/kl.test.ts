// ONE validator of kl's inputs (src/ops/kl/validate.ts): P and Q must have one shape, and each
// row of each be a distribution. The same bad input gives the same key whether P and Q are
// written inline or read from @FILE, in any format, and from the validator itself. The
// library has no kl, so there is no library path.
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/core/matrix.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { checkKlInputs } from '../../src/ops/kl/validate.js';
import { xent } from '../helpers/cli.js';
import { keyOfCliError, thrown } from '../helpers/error-key.js';

interface BadPair {
  readonly what: string;
  readonly p: string;
  readonly q: string;
  readonly rows?: { p: number[][]; q: number[][] };
  readonly key: MessageKey;
}

const bad: BadPair[] = [
  {
    what: 'Q of another shape',
    p: '0.5,0.5',
    q: '0.2,0.3,0.5',
    rows: { p: [[0.5, 0.5]], q: [[0.2, 0.3, 0.5]] },
    key: 'err.kl.shape',
  },
  {
    what: 'one row more in P',
    p: '0.5,0.5; 1,0',
    q: '0.5,0.5',
    rows: {
      p: [
        [0.5, 0.5],
        [1, 0],
      ],
      q: [[0.5, 0.5]],
    },
    key: 'err.kl.shape',
  },
  {
    what: 'a negative entry in P',
    p: '1.5,-0.5',
    q: '0.5,0.5',
    rows: { p: [[1.5, -0.5]], q: [[0.5, 0.5]] },
    key: 'err.dist.negative',
  },
  {
    what: 'Q summing to 1.1',
    p: '0.5,0.5',
    q: '0.5,0.6',
    rows: { p: [[0.5, 0.5]], q: [[0.5, 0.6]] },
    key: 'err.dist.sum',
  },
  { what: '+inf in Q', p: '0.5,0.5', q: 'inf,0', rows: { p: [[0.5, 0.5]], q: [[Infinity, 0]] }, key: 'err.dist.sum' },
  { what: 'a NaN in P', p: 'nan,1', q: '0.5,0.5', key: 'err.nan' },
  { what: 'no numbers in Q', p: '1', q: '[[]]', key: 'err.empty' },
];

describe.each(bad)('kl with $what', ({ p, q, rows, key }) => {
  it('inline and @FILE, in every format', async () => {
    const files = { 'p.csv': p.replace(/;\s*/g, '\n'), 'q.csv': q.replace(/;\s*/g, '\n') };
    for (const format of ['table', 'json', 'tsv', 'value']) {
      expect(keyOfCliError(await xent(['kl', '--p', p, '--q', q, '-f', format]))).toBe(key);
      expect(
        keyOfCliError(await xent(['kl', '--p', '@p.csv', '--q', '@q.csv', '-f', format, '--base', '2'], { files })),
      ).toBe(key);
    }
  });
  // NaN and "no numbers" are the parser's to refuse: only text can carry them.
  if (rows) {
    it('the validator', () => {
      expect(thrown(() => checkKlInputs(fromRows(rows.p), fromRows(rows.q), { p: 'P', q: 'Q' })).key).toBe(key);
    });
  }
});

describe('kl: the spec is read once, before anything is computed', () => {
  it.each([
    [['kl', '--p', '0.5,0.5'], 'err.kl.missing'],
    [['kl', '--q', '0.5,0.5'], 'err.kl.missing'],
    [['kl', '--p', '1,0', '--q', '1,0', '--base', '3'], 'err.badChoice'],
    [['kl', '--example', '--p', '1,0', '--q', '1,0'], 'err.kl.input'],
    [['kl', '--p', '@missing.csv', '--q', '1,0'], 'err.fileMissing'],
  ] as const)('%j', async (argv, key) => {
    expect(keyOfCliError(await xent([...argv]))).toBe(key);
  });
  it('P is checked before Q, and the message names the option', async () => {
    const r = await xent(['kl', '--p', '0.5,0.4', '--q', '0.5,0.6']);
    expect(r.stderr).toBe(
      'xent: error: row 1 of option --p sums to 0.9, off by 0.1; each row must be a probability distribution summing to 1 (within 0.001)\n',
    );
  });
});
