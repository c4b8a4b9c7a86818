// NT-Xent's one validator (src/ops/ntxent/validate.ts): the same bad input gets the same error
// key from the CLI and the library.
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import type { Pairing } from '../../src/ops/ntxent/kernel.js';
import { xent } from '../helpers/cli.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';

const VIEWS = [
  [1, 0],
  [0, 1],
  [0.9, 0.2],
  [0.1, 1],
];
const inline = (rows: readonly (readonly number[])[]) =>
  rows.map((r) => r.map((v) => (v === Infinity ? 'inf' : String(v))).join(',')).join(';');

const CASES: readonly {
  name: string;
  key: MessageKey;
  rows: number[][];
  argv?: string[];
  options?: { temperature?: number; pairs?: Pairing };
}[] = [
  { name: 'an odd number of rows', key: 'err.oddRows', rows: VIEWS.slice(0, 3) },
  {
    name: 'a zero embedding',
    key: 'err.zeroEmbedding',
    rows: [
      [1, 0],
      [0, 0],
      [0.9, 0.2],
      [0.1, 1],
    ],
  },
  {
    name: 'an infinite entry',
    key: 'err.embeddingNotFinite',
    rows: [
      [1, 0],
      [Infinity, 0],
      [0.9, 0.2],
      [0.1, 1],
    ],
  },
  { name: 'a temperature of 0', key: 'err.temperature', rows: VIEWS, argv: ['-t', '0'], options: { temperature: 0 } },
  {
    name: 'a negative temperature',
    key: 'err.temperature',
    rows: VIEWS,
    argv: ['-t', '-0.5'],
    options: { temperature: -0.5 },
  },
  {
    name: 'an infinite temperature',
    key: 'err.temperature',
    rows: VIEWS,
    argv: ['-t', 'inf'],
    options: { temperature: Infinity },
  },
  {
    name: 'a bad pairing',
    key: 'err.badChoice',
    rows: VIEWS,
    argv: ['--pairs', 'odd'],
    options: { pairs: 'odd' as Pairing },
  },
];

describe('ntxent: one bad input, one error key, from the CLI and the library', () => {
  it.each(CASES)('$name', async ({ key, rows, argv = [], options = {} }) => {
    expect(keyOfCliError(await xent(['ntxent', inline(rows), ...argv]))).toBe(key);
    expect(
      keyOfCliError(
        await xent(['ntxent', ...argv, '-f', 'json'], {
          stdin:
            rows
              .map((r) => r.join(','))
              .join('\n')
              .replace('Infinity', 'inf') + '\n',
        }),
      ),
    ).toBe(key);
    expect(await keyOf(() => xentLib.ntXentLoss(rows, options))).toBe(key);
  });
  it('a temperature of 5e-324 is divided by, not inverted: the loss is computed the same way', async () => {
    const cli = await xent(['ntxent', inline(VIEWS), '-t', '5e-324', '-f', 'json']);
    const lib = await keyOf(() => xentLib.ntXentLoss(VIEWS, { temperature: 5e-324 }));
    expect(cli.code === 0 ? 'no error' : keyOfCliError(cli)).toBe(lib);
  });
});
