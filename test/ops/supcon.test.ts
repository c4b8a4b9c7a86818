// SupCon's one validator (src/ops/supcon/validate.ts): the same bad input gets the same error
// key from the CLI and the library.
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { xent } from '../helpers/cli.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';

const ROWS = [
  [1, 0],
  [0.8, 0.6],
  [0, 1],
  [0.6, 0.8],
];
const LABELS = [0, 0, 1, 1];
const inline = (rows: readonly (readonly number[])[]) =>
  rows.map((r) => r.map((v) => (v === Infinity ? 'inf' : String(v))).join(',')).join(';');

const CASES: readonly {
  name: string;
  key: MessageKey;
  rows: number[][];
  labels: number[];
  argv?: string[];
  temperature?: number;
}[] = [
  { name: 'too few labels', key: 'err.labelsLength', rows: ROWS, labels: [0, 0, 1] },
  { name: 'too many labels', key: 'err.labelsLength', rows: ROWS, labels: [0, 0, 1, 1, 2] },
  { name: 'no anchor with a positive', key: 'err.noPositives', rows: ROWS, labels: [0, 1, 2, 3] },
  {
    name: 'a zero embedding',
    key: 'err.zeroEmbedding',
    rows: [
      [1, 0],
      [0, 0],
      [0, 1],
      [0.6, 0.8],
    ],
    labels: LABELS,
  },
  {
    name: 'an infinite entry',
    key: 'err.embeddingNotFinite',
    rows: [
      [1, 0],
      [Infinity, 0],
      [0, 1],
      [0.6, 0.8],
    ],
    labels: LABELS,
  },
  { name: 'a temperature of 0', key: 'err.temperature', rows: ROWS, labels: LABELS, argv: ['-t', '0'], temperature: 0 },
  {
    name: 'an infinite temperature',
    key: 'err.temperature',
    rows: ROWS,
    labels: LABELS,
    argv: ['-t', 'inf'],
    temperature: Infinity,
  },
];

describe('supcon: one bad input, one error key, from the CLI and the library', () => {
  it.each(CASES)('$name', async ({ key, rows, labels, argv = [], temperature }) => {
    expect(keyOfCliError(await xent(['supcon', inline(rows), '--labels', labels.join(','), ...argv]))).toBe(key);
    expect(keyOfCliError(await xent(['supcon', inline(rows), '-y', labels.join(','), ...argv, '-f', 'json']))).toBe(
      key,
    );
    expect(await keyOf(() => xentLib.supConLoss(rows, labels, temperature === undefined ? {} : { temperature }))).toBe(
      key,
    );
  });
  it('--labels is required', async () => {
    expect(keyOfCliError(await xent(['supcon', inline(ROWS)]))).toBe('err.labelsMissing');
  });
});
