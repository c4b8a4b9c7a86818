// SigLIP's one validator (src/ops/siglip/validate.ts): the same bad input gets the same error
// key from the CLI and the library.
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { xent } from '../helpers/cli.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';

const IMAGE = [
  [1, 0],
  [0.6, 0.8],
];
const TEXT = [
  [0.9, 0.1],
  [0, 1],
];
const inline = (rows: readonly (readonly number[])[]) =>
  rows.map((r) => r.map((v) => (v === Infinity ? 'inf' : String(v))).join(',')).join(';');
const pairArgs = (image = IMAGE, text = TEXT) => ['--image', inline(image), '--text', inline(text)];

const CASES: readonly { name: string; key: MessageKey; argv: string[]; library: () => unknown }[] = [
  {
    name: 'a non-square logits matrix',
    key: 'err.notSquare',
    argv: ['1,2,3;4,5,6'],
    library: () =>
      xentLib.sigLipLoss([
        [1, 2, 3],
        [4, 5, 6],
      ]),
  },
  {
    name: 'a zero embedding with normalisation',
    key: 'err.zeroEmbedding',
    argv: pairArgs([
      [1, 0],
      [0, 0],
    ]),
    library: () =>
      xentLib.sigLipLoss({
        image: [
          [1, 0],
          [0, 0],
        ],
        text: TEXT,
      }),
  },
  {
    name: 'embeddings of different sizes',
    key: 'err.pairDim',
    argv: pairArgs(IMAGE, [
      [1, 0, 0],
      [0, 1, 0],
    ]),
    library: () =>
      xentLib.sigLipLoss({
        image: IMAGE,
        text: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      }),
  },
  {
    name: 'a different number of images and texts',
    key: 'err.pairCount',
    argv: pairArgs([
      [1, 0],
      [0, 1],
      [1, 1],
    ]),
    library: () =>
      xentLib.sigLipLoss({
        image: [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        text: TEXT,
      }),
  },
  {
    name: 'a scale of 0',
    key: 'err.positive',
    argv: [...pairArgs(), '-s', '0'],
    library: () => xentLib.sigLipLoss({ image: IMAGE, text: TEXT }, { scale: 0 }),
  },
  {
    name: 'an infinite scale',
    key: 'err.positive',
    argv: [...pairArgs(), '-s', 'inf'],
    library: () => xentLib.sigLipLoss({ image: IMAGE, text: TEXT }, { scale: Infinity }),
  },
  {
    name: 'an infinite bias',
    key: 'err.finiteOption',
    argv: [...pairArgs(), '--bias=-inf'],
    library: () => xentLib.sigLipLoss({ image: IMAGE, text: TEXT }, { bias: -Infinity }),
  },
  {
    name: 'a scale with a ready logits matrix',
    key: 'err.logitsOption',
    argv: ['1,2;3,4', '-s', '2'],
    library: () =>
      xentLib.sigLipLoss(
        [
          [1, 2],
          [3, 4],
        ],
        { scale: 2 },
      ),
  },
  {
    name: 'a bias with a ready logits matrix',
    key: 'err.logitsOption',
    argv: ['1,2;3,4', '-b', '2'],
    library: () =>
      xentLib.sigLipLoss(
        [
          [1, 2],
          [3, 4],
        ],
        { bias: 2 },
      ),
  },
  {
    name: 'a NaN logit',
    key: 'err.nan',
    argv: ['1,nan;3,4'],
    library: () =>
      xentLib.sigLipLoss([
        [1, NaN],
        [3, 4],
      ]),
  },
];

describe('siglip: one bad input, one error key, from the CLI and the library', () => {
  it.each(CASES)('$name', async ({ key, argv, library }) => {
    expect(keyOfCliError(await xent(['siglip', ...argv]))).toBe(key);
    expect(keyOfCliError(await xent(['siglip', ...argv, '-f', 'json']))).toBe(key);
    expect(await keyOf(library)).toBe(key);
  });
  it('the CLI and the library compute the same loss', async () => {
    const cli = JSON.parse((await xent(['siglip', ...pairArgs(), '-s', '20', '-b', '-5', '-f', 'json'])).stdout) as {
      loss: number;
    };
    expect(cli.loss).toBe(xentLib.sigLipLoss({ image: IMAGE, text: TEXT }, { scale: 20, bias: -5 }).loss);
  });
});
