// One validator for binary cross-entropy (src/ops/bce/validate.ts): the same bad input gets
// the same error key from the CLI, in every format, and from the library.
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../../src/index.js';
import { xent } from '../helpers/cli.js';
import { keyOfCliError, keyOf } from '../helpers/error-key.js';

const Z = [
  [2, -1, 0.5],
  [-3, 4, 0],
];
const Y = [
  [1, 0, 1],
  [0, 1, 0],
];
const text = (m: readonly (readonly number[])[]) => m.map((r) => r.join(',')).join('; ');

describe('bce: one bad input, one error key', () => {
  const cases: [string, string, string[], () => unknown][] = [
    [
      'a target above 1',
      'err.bce.targetsRange',
      ['--targets', '1,0,1; 0,2,0'],
      () =>
        binaryCrossEntropy(Z, [
          [1, 0, 1],
          [0, 2, 0],
        ]),
    ],
    [
      'a negative target',
      'err.bce.targetsRange',
      ['--targets', '1,0,-1; 0,1,0'],
      () =>
        binaryCrossEntropy(Z, [
          [1, 0, -1],
          [0, 1, 0],
        ]),
    ],
    [
      'an infinite target',
      'err.bce.targetsRange',
      ['--targets', '1,0,inf; 0,1,0'],
      () =>
        binaryCrossEntropy(Z, [
          [1, 0, Infinity],
          [0, 1, 0],
        ]),
    ],
    [
      'targets of the wrong shape',
      'err.bce.targetsShape',
      ['--targets', '1,0,1'],
      () => binaryCrossEntropy(Z, [[1, 0, 1]]),
    ],
    [
      'pos_weight of the wrong length',
      'err.bce.posWeightCount',
      ['--targets', text(Y), '--pos-weight', '1,2'],
      () => binaryCrossEntropy(Z, Y, { posWeight: [1, 2] }),
    ],
    [
      'a negative pos_weight',
      'err.ce.weightBad',
      ['--targets', text(Y), '--pos-weight', '1,-2,1'],
      () => binaryCrossEntropy(Z, Y, { posWeight: [1, -2, 1] }),
    ],
    [
      'weights of the wrong shape',
      'err.bce.weightShape',
      ['--targets', text(Y), '-w', '1,2'],
      () => binaryCrossEntropy(Z, Y, { weight: [1, 2] }),
    ],
    [
      'a negative weight',
      'err.ce.weightBad',
      ['--targets', text(Y), '-w', '1;-1'],
      () => binaryCrossEntropy(Z, Y, { weight: [[1], [-1]] }),
    ],
    [
      'a weight of inf',
      'err.ce.weightBad',
      ['--targets', text(Y), '-w', 'inf'],
      () => binaryCrossEntropy(Z, Y, { weight: Infinity }),
    ],
    [
      'a probability above 1 with --probs',
      'err.ce.probsRange',
      ['--probs', '--targets', text(Y)],
      () =>
        binaryCrossEntropy(
          [
            [0.5, 1.5, 0],
            [0, 1, 0],
          ],
          Y,
          { probs: true },
        ),
    ],
  ];
  it.each(cases)('%s', async (_what, key, argv, library) => {
    const input = argv[0] === '--probs' ? '0.5,1.5,0; 0,1,0' : text(Z);
    expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['bce', input, ...argv, '-f', format])), format).toBe(key);
  });

  it('the CLI and the library word the same error alike, with their own option names', async () => {
    const r = await xent(['bce', text(Z), '--targets', text(Y), '--pos-weight', '1,-2,1']);
    expect(r.stderr.split('\n')[0]).toBe(
      'xent: error: option --pos-weight: the weight -2 at position 2 is not allowed; weights are finite numbers ≥ 0',
    );
    expect(() => binaryCrossEntropy(Z, Y, { posWeight: [1, -2, 1] })).toThrow(
      'option posWeight: the weight -2 at position 2 is not allowed; weights are finite numbers ≥ 0',
    );
    const range = await xent(['bce', text(Z), '--targets', '1,0,1; 0,2,0']);
    let libraryText = '';
    try {
      binaryCrossEntropy(Z, [
        [1, 0, 1],
        [0, 2, 0],
      ]);
    } catch (error) {
      libraryText = (error as Error).message;
    }
    // The same words; the library names its parameter (test/library-errors.test.ts), the CLI its flag.
    expect(libraryText).toBe('targets: the value 2 at row 2, column 2 is outside [0, 1]');
    expect(range.stderr).toBe('xent: error: option --targets: the value 2 at row 2, column 2 is outside [0, 1]\n');
  });
});
