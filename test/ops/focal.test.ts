// The focal losses (src/ops/focal/) against PyTorch (test/fixtures/oracle/focal.json:
// torchvision's sigmoid_focal_loss and the softmax form, float64, autograd gradients), against
// finite differences, at their edges, and one bad input → one error key (CLI and library).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focalLoss } from '../../src/index.js';
import { fromRows, toRows } from '../../src/core/matrix.js';
import type { Reduction } from '../../src/ops/cross-entropy/kernel.js';
import { sigmoidFocalLoss, softmaxFocalLoss } from '../../src/ops/focal/kernel.js';
import { xent } from '../helpers/cli.js';
import { expectGradientRows, numericGradient } from '../helpers/finite-differences.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface FocalCase {
  id: string;
  logits: number[][];
  targets?: number[][];
  target?: number[];
  alpha?: number | number[];
  gamma: number;
  reduction: Reduction;
  expected: { loss: Num | Num[] | Num[][]; losses: Num[] | Num[][]; grad: Num[][] };
}

const oracle = loadOracle<FocalCase>('focal');

describe('focal losses against PyTorch', () => {
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s (kernel and library)', (id, c) => {
    const library = focalLoss(c.logits, {
      ...(c.targets ? { targets: c.targets } : { target: c.target! }),
      ...(c.alpha !== undefined ? { alpha: c.alpha } : {}),
      gamma: c.gamma,
      reduction: c.reduction,
    });
    if (c.reduction !== 'none') expectClose(library.loss, c.expected.loss, `${id} loss`);
    expectClose(library.losses, c.expected.losses, `${id} losses`);
    expectClose(library.grad, c.expected.grad, `${id} grad`);
  });

  it('covers both forms, every reduction, γ = 0, soft targets and α disabled', () => {
    const ids = oracle.cases.map((c) => c.id);
    expect(ids.some((id) => id.startsWith('focal-sigmoid'))).toBe(true);
    expect(ids.some((id) => id.startsWith('focal-softmax'))).toBe(true);
    expect(new Set(oracle.cases.map((c) => c.reduction))).toEqual(new Set(['mean', 'sum', 'none']));
    expect(oracle.cases.some((c) => c.gamma === 0)).toBe(true);
    expect(oracle.cases.some((c) => c.alpha === -1)).toBe(true);
    expect(oracle.cases.some((c) => c.targets?.flat().some((t) => t > 0 && t < 1))).toBe(true);
  });
});

const logit = fc.double({ min: -6, max: 6, noNaN: true });
const shape = fc.record({ n: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 2, max: 4 }) });
const matrix = (n: number, c: number, entry: fc.Arbitrary<number>) =>
  fc.array(fc.array(entry, { minLength: c, maxLength: c }), { minLength: n, maxLength: n });
const gamma = fc.constantFrom(0, 0.5, 1, 2, 3.5);

describe('the closed-form gradients are the finite differences', () => {
  it('sigmoid form, logits and probabilities, soft targets, every α', () => {
    fc.assert(
      fc.property(
        shape.chain(({ n, c }) =>
          fc.tuple(matrix(n, c, logit), matrix(n, c, fc.double({ min: 0, max: 1, noNaN: true })), gamma),
        ),
        fc.constantFrom(undefined, 0.25, 0.8),
        fc.boolean(),
        ([z, t, g], alpha, probs) => {
          const x = probs ? z.map((r) => r.map((v) => 0.05 + 0.9 / (1 + Math.exp(-v)))) : z;
          const options = { alpha, gamma: g, reduction: 'mean' as const, inputIsProbs: probs };
          const f = (m: number[][]) => sigmoidFocalLoss(fromRows(m), fromRows(t), options).loss;
          const analytic = toRows(sigmoidFocalLoss(fromRows(x), fromRows(t), options).grad);
          expectGradientRows(analytic, numericGradient(f, x), 'sigmoid focal');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('softmax form, logits and probabilities, α per class', () => {
    fc.assert(
      fc.property(
        shape.chain(({ n, c }) =>
          fc.tuple(
            matrix(n, c, logit),
            fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: c, maxLength: c }),
            gamma,
          ),
        ),
        fc.boolean(),
        ([z, y, alpha, g], probs) => {
          const x = probs ? z.map((r) => r.map((v) => 0.05 + 0.9 / (1 + Math.exp(-v)))) : z;
          const options = { alpha, gamma: g, reduction: 'sum' as const, inputIsProbs: probs };
          const f = (m: number[][]) => softmaxFocalLoss(fromRows(m), y, options).loss;
          const analytic = toRows(softmaxFocalLoss(fromRows(x), y, options).grad);
          expectGradientRows(analytic, numericGradient(f, x), 'softmax focal');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('focal edge cases', () => {
  it('γ = 0 without α is the cross-entropy (bce and ce)', async () => {
    const bce = JSON.parse((await xent(['bce', '2,-1; 0.5,3', '--targets', '1,0; 0,1', '-g', '-f', 'json'])).stdout);
    const focal = JSON.parse(
      (
        await xent([
          'focal',
          '2,-1; 0.5,3',
          '--targets',
          '1,0; 0,1',
          '--alpha',
          '-1',
          '--gamma',
          '0',
          '-g',
          '-f',
          'json',
        ])
      ).stdout,
    );
    expectClose(focal.loss, bce.loss, 'loss');
    expectClose(focal.grad, bce.grad, 'grad');
    const ce = JSON.parse((await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-g', '-f', 'json'])).stdout);
    const soft = JSON.parse(
      (await xent(['focal', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '--gamma', '0', '-g', '-f', 'json'])).stdout,
    );
    expectClose(soft.losses, ce.losses, 'losses');
    expectClose(soft.grad, ce.grad, 'grad');
  });

  it('is exact for saturated logits: no log(0), no NaN', () => {
    const r = sigmoidFocalLoss(fromRows([[1000, -1000, 1000, -1000]]), fromRows([[1, 0, 0, 1]]), {
      alpha: 0.25,
      gamma: 2,
      reduction: 'none',
    });
    expect(Array.from(r.losses.data)).toEqual([0, 0, 750, 250]);
    expect(Array.from(r.grad.data, (g) => g + 0)).toEqual([0, 0, 0.75, -0.25]);
    const s = softmaxFocalLoss(fromRows([[1000, 0, -1000]]), [0], { gamma: 0.5, reduction: 'sum' });
    expect(s.loss).toBe(0);
    expect(Array.from(s.grad.data).every(Number.isFinite)).toBe(true);
    const far = softmaxFocalLoss(fromRows([[1000, 0, -1000]]), [2], { gamma: 2, reduction: 'sum' });
    expect(far.loss).toBe(2000);
  });

  it('the doc examples', () => {
    const r = sigmoidFocalLoss(fromRows([[2, -1]]), fromRows([[1, 0]]), { alpha: 0.25, gamma: 2, reduction: 'none' });
    expect(r.losses.data[0]).toBeCloseTo(0.00045, 5);
    expect(r.losses.data[1]).toBeCloseTo(0.016994, 5);
    expect(focalLoss([[2, 0.5, -1]], { target: [0] }).loss).toBeCloseTo(0.011093, 6);
  });

  it('every output format', async () => {
    const argv = ['focal', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2'];
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    expect((await xent([...argv, '-f', 'value'])).stdout).toBe(`${json.loss}\n`);
    expect((await xent([...argv, '-f', 'tsv'])).stdout.split('\n')[1].split('\t')).toEqual([
      '0',
      String(json.probs[0][0]),
      String(json.losses[0]),
      '1',
    ]);
    expect((await xent([...argv, '-f', 'csv'])).stdout).toContain(',');
    for (const format of ['table', 'markdown']) {
      const r = await xent([...argv, '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('0.7254');
    }
    const zh = await xent([...argv, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('每一行的焦点损失');
    const none = await xent(['focal', '2,-1; 0.5,3', '--targets', '1,0; 0,1', '-r', 'none', '-f', 'value']);
    expect(none.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('--expect checks the loss, --explain works the row through', async () => {
    const argv = ['focal', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2'];
    expect((await xent([...argv, '--expect', '0.7254'])).code).toBe(0);
    expect((await xent([...argv, '--expect', '0.80'])).code).toBe(1);
    const explained = await xent([...argv, '--explain', '--row', '2']);
    expect(explained.stdout).toContain('row 2 of 2');
    expect(explained.stdout).toContain('1.4397');
    const binary = await xent(['focal', '2,-1', '--targets', '1,0', '--explain'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(binary.stdout).toContain('焦点损失的逐步计算');
  });
});

describe('focal: one bad input, one error key', () => {
  const Z = '2,-1,0.5; -3,4,0';
  const Y = '1,0,1; 0,1,0';
  const cases: [string, string, string[], () => unknown][] = [
    ['no targets', 'err.focal.noTargets', [Z], () => focalLoss([[1, 2]], {})],
    [
      'both kinds of target',
      'err.focal.twoTargets',
      [Z, '--targets', Y, '-y', '0,1'],
      () => focalLoss([[1, 2]], { targets: [[1, 0]], target: [0] }),
    ],
    [
      'a negative γ',
      'err.focal.gamma',
      [Z, '--targets', Y, '--gamma', '-1'],
      () => focalLoss([[1, 2]], { targets: [[1, 0]], gamma: -1 }),
    ],
    [
      'α above 1 (sigmoid)',
      'err.focal.alphaRange',
      [Z, '--targets', Y, '--alpha', '1.5'],
      () => focalLoss([[1, 2]], { targets: [[1, 0]], alpha: 1.5 }),
    ],
    [
      'a list of α (sigmoid)',
      'err.focal.alphaList',
      [Z, '--targets', Y, '--alpha', '0.2,0.3'],
      () => focalLoss([[1, 2]], { targets: [[1, 0]], alpha: [0.2, 0.3] }),
    ],
    [
      'α of the wrong count (softmax)',
      'err.focal.alphaCount',
      [Z, '-y', '0,1', '--alpha', '1,2'],
      () => focalLoss([[1, 2, 3]], { target: [0], alpha: [1, 2] }),
    ],
    [
      'a negative α in a list (softmax)',
      'err.ce.weightBad',
      [Z, '-y', '0,1', '--alpha', '1,-2,1'],
      () => focalLoss([[1, 2, 3]], { target: [0], alpha: [1, -2, 1] }),
    ],
    ['a class out of range', 'err.ce.targetRange', [Z, '-y', '0,3'], () => focalLoss([[1, 2, 3]], { target: [3] })],
    [
      'too few classes',
      'err.ce.targetCount',
      [Z, '-y', '0'],
      () =>
        focalLoss(
          [
            [1, 2],
            [3, 4],
          ],
          { target: [0] },
        ),
    ],
    [
      'targets of the wrong shape',
      'err.bce.targetsShape',
      [Z, '--targets', '1,0,1'],
      () => focalLoss([[1, 2]], { targets: [[1, 0, 1]] }),
    ],
    [
      'a target above 1',
      'err.bce.targetsRange',
      [Z, '--targets', '1,0,2; 0,1,0'],
      () => focalLoss([[1, 2]], { targets: [[1, 2]] }),
    ],
    [
      'a probability above 1',
      'err.ce.probsRange',
      ['0.5,1.5', '--probs', '--targets', '1,0'],
      () => focalLoss([[0.5, 1.5]], { targets: [[1, 0]], probs: true }),
    ],
    ['+inf logit (softmax)', 'err.posInf', ['1,inf', '-y', '0'], () => focalLoss([[1, Infinity]], { target: [0] })],
  ];
  it.each(cases)('%s', async (_what, key, argv, library) => {
    expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['focal', ...argv, '-f', format])), format).toBe(key);
  });
});
