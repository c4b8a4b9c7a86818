// The margin losses (src/ops/hinge/) and distillation (src/ops/distill/) against PyTorch
// (test/fixtures/oracle/hinge.json, distill.json: F.multi_margin_loss, CS231n's SVM,
// Crammer–Singer, T²·F.kl_div mixed with F.cross_entropy, float64, autograd gradients), against
// finite differences, in every format, and one bad input → one error key (CLI and library).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distillationLoss, hingeLoss } from '../../src/index.js';
import { fromRows, toRows } from '../../src/core/matrix.js';
import { distillationLoss as distillKernel } from '../../src/ops/distill/kernel.js';
import type { DistillReduction } from '../../src/ops/distill/spec.js';
import type { Reduction } from '../../src/ops/cross-entropy/kernel.js';
import type { HingeStyle } from '../../src/ops/hinge/spec.js';
import { xent } from '../helpers/cli.js';
import { expectGradientRows, numericGradient } from '../helpers/finite-differences.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface HingeCase {
  id: string;
  logits: number[][];
  target: number[];
  style: HingeStyle;
  p: 1 | 2;
  margin: number;
  weight?: number[];
  reduction: Reduction;
  expected: { loss: Num | Num[]; losses: Num[]; grad: Num[][] };
}

interface DistillCase {
  id: string;
  student: number[][];
  teacher: number[][];
  temperature: number;
  reduction: DistillReduction;
  target?: number[];
  alpha?: number;
  expected: { loss: Num | Num[][]; losses: Num[]; grad: Num[][] };
}

const text = (m: readonly (readonly number[])[]) => m.map((r) => r.join(',')).join('; ');

describe('hinge against PyTorch', () => {
  it.each(loadOracle<HingeCase>('hinge').cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const r = hingeLoss(c.logits, c.target, {
      style: c.style,
      p: c.p,
      margin: c.margin,
      ...(c.weight ? { weight: c.weight } : {}),
      reduction: c.reduction,
    });
    if (c.reduction !== 'none') expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(r.losses, c.expected.losses, `${id} losses`);
    expectClose(r.grad, c.expected.grad, `${id} grad`);
    // The CLI prints the same numbers.
    const argv = ['hinge', text(c.logits), '-y', c.target.join(','), '--style', c.style, '--p', String(c.p)];
    argv.push('--margin', String(c.margin), '-r', c.reduction, '-g', '-f', 'json');
    if (c.weight) argv.push('-w', c.weight.join(','));
    const json = JSON.parse((await xent(argv)).stdout);
    expectClose(json.losses, c.expected.losses, `${id} CLI losses`);
    expectClose(json.grad, c.expected.grad, `${id} CLI grad`);
  });
});

describe('distill against PyTorch', () => {
  it.each(loadOracle<DistillCase>('distill').cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const r = distillationLoss(c.student, c.teacher, {
      temperature: c.temperature,
      reduction: c.reduction,
      ...(c.target ? { target: c.target, alpha: c.alpha } : {}),
    });
    if (c.reduction === 'none') expectClose(r.elements, c.expected.loss, `${id} elements`);
    else expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(r.losses, c.expected.losses, `${id} losses`);
    expectClose(r.grad, c.expected.grad, `${id} grad`);
    const argv = ['distill', '--student', text(c.student), '--teacher', text(c.teacher)];
    argv.push('-t', String(c.temperature), '-r', c.reduction, '-g', '-f', 'json');
    if (c.target) argv.push('-y', c.target.join(','), '--alpha', String(c.alpha));
    const json = JSON.parse((await xent(argv)).stdout);
    if (c.reduction === 'none') expectClose(json.elements, c.expected.loss, `${id} CLI elements`);
    else expectClose(json.loss, c.expected.loss, `${id} CLI loss`);
    expectClose(json.grad, c.expected.grad, `${id} CLI grad`);
  });
});

const logit = fc.double({ min: -5, max: 5, noNaN: true });
const shape = fc.record({ n: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 2, max: 4 }) });
const matrix = (n: number, c: number) =>
  fc.array(fc.array(logit, { minLength: c, maxLength: c }), { minLength: n, maxLength: n });
const classes = (n: number, c: number) => fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n });

describe('the closed-form gradients are the finite differences', () => {
  it('hinge, every style and p (away from the kinks)', () => {
    fc.assert(
      fc.property(
        shape.chain(({ n, c }) => fc.tuple(matrix(n, c), classes(n, c))),
        fc.constantFrom<HingeStyle>('ww', 'torch', 'cs'),
        fc.constantFrom(1, 2),
        ([z, y], style, p) => {
          // A term within 1e-4 of 0 (or two tied rivals) would straddle a kink.
          const nearKink = z.some((row, i) =>
            row.some(
              (v, j) =>
                j !== y[i] &&
                (Math.abs(1 - row[y[i]] + v) < 1e-4 ||
                  row.some((w, k) => k !== j && k !== y[i] && Math.abs(v - w) < 1e-4)),
            ),
          );
          fc.pre(!nearKink);
          const f = (m: number[][]) => hingeLoss(m, y, { style, p, reduction: 'mean' }).loss;
          expectGradientRows(
            hingeLoss(z, y, { style, p, reduction: 'mean' }).grad,
            numericGradient(f, z),
            `hinge ${style}`,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('distill, with and without hard labels, every reduction', () => {
    fc.assert(
      fc.property(
        shape.chain(({ n, c }) => fc.tuple(matrix(n, c), matrix(n, c), classes(n, c))),
        fc.constantFrom(0.5, 1, 4),
        fc.constantFrom<DistillReduction>('batchmean', 'mean', 'sum'),
        fc.constantFrom(undefined, 0, 0.3, 1),
        ([s, t, y], T, reduction, alpha) => {
          const hard = alpha === undefined ? undefined : { classes: y, alpha };
          const f = (m: number[][]) =>
            distillKernel(fromRows(m), fromRows(t), { temperature: T, reduction, hard }).loss;
          const r = distillKernel(fromRows(s), fromRows(t), { temperature: T, reduction, hard });
          expectGradientRows(toRows(r.grad), numericGradient(f, s), 'distill');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('hinge and distill: known numbers and every format', () => {
  it("CS231n's example: 2.9, 0 and 12.9, mean 5.27", async () => {
    const json = JSON.parse(
      (await xent(['hinge', '3.2,5.1,-1.7; 1.3,4.9,2.0; 2.2,2.5,-3.1', '-y', '0,1,2', '-f', 'json'])).stdout,
    );
    expectClose(
      json.losses,
      [2.9, 0, 12.9].map((v, i) => (i === 0 ? 2.8999999999999995 : v)),
      'losses',
    );
    expect(json.loss).toBeCloseTo(5.2667, 4);
    // F.multi_margin_loss is the same sum divided by C = 3.
    expect(hingeLoss([[3.2, 5.1, -1.7]], [0], { style: 'torch' }).loss).toBeCloseTo(2.9 / 3, 14);
    expect(hingeLoss([[3.2, 5.1, -1.7]], [0], { style: 'cs' }).loss).toBeCloseTo(2.9, 14);
  });

  it("F.kl_div's mean is C times smaller than batchmean", () => {
    const s = [[2, 0.5, -1, 0, 1]];
    const t = [[3, 1, -2, 0.5, 0]];
    const batchmean = distillationLoss(s, t, { temperature: 2 }).loss;
    const mean = distillationLoss(s, t, { temperature: 2, reduction: 'mean' }).loss;
    expect(batchmean / mean).toBeCloseTo(5, 12);
    expect(distillationLoss([[1, 0]], [[0, 1]], { temperature: 2 }).loss).toBeCloseTo(0.4898, 4);
  });

  it.each([
    ['hinge', ['hinge', '3.2,5.1,-1.7; 1.3,4.9,2.0', '-y', '0,1']],
    ['distill', ['distill', '--student', '2,0.5,-1; 0.3,1.8,0.2', '--teacher', '3,1,-2; 0,2.5,1', '-t', '4']],
  ])('%s: value, tsv, csv, json, table, markdown, zh, --expect, --explain', async (_name, argv) => {
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    expect((await xent([...argv, '-f', 'value'])).stdout).toBe(`${json.loss}\n`);
    const tsv = (await xent([...argv, '-f', 'tsv'])).stdout.trim().split('\n');
    expect(tsv).toHaveLength(3);
    expect(tsv[1].split('\t').map(Number)).toContain(json.losses[0]);
    expect((await xent([...argv, '-f', 'csv'])).stdout.split('\n')[1]).toContain(',');
    for (const format of ['table', 'markdown']) {
      const r = await xent([...argv, '-f', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(json.loss.toFixed(4));
    }
    const zh = await xent([...argv, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toMatch(/每一行的(间隔|蒸馏)损失/);
    expect((await xent([...argv, '--expect', json.loss.toFixed(3)])).code).toBe(0);
    expect((await xent([...argv, '--expect', (json.loss + 0.5).toFixed(3)])).code).toBe(1);
    const explained = await xent([...argv, '--explain', '--row', '2']);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('row 2 of 2');
    expect(explained.stdout).toContain(json.losses[1].toFixed(4));
  });
});

describe('hinge and distill: one bad input, one error key', () => {
  const S = '3.2,5.1,-1.7; 1.3,4.9,2.0';
  const hingeCases: [string, string, string[], () => unknown][] = [
    ['no target', 'err.hinge.noTarget', [S], () => keyOfNothing()],
    ['p = 3', 'err.hinge.p', [S, '-y', '0,1', '--p', '3'], () => hingeLoss([[1, 2]], [0], { p: 3 })],
    [
      'an infinite margin',
      'err.hinge.margin',
      [S, '-y', '0,1', '--margin', 'inf'],
      () => hingeLoss([[1, 2]], [0], { margin: Infinity }),
    ],
    ['an infinite score', 'err.hinge.notFinite', ['1,inf', '-y', '0'], () => hingeLoss([[1, Infinity]], [0])],
    ['one class', 'err.hinge.oneClass', ['1; 2', '-y', '0,0'], () => hingeLoss([[1], [2]], [0, 0])],
    ['a class out of range', 'err.ce.targetRange', [S, '-y', '0,3'], () => hingeLoss([[1, 2]], [2])],
    [
      'weights of the wrong count',
      'err.ce.weightCount',
      [S, '-y', '0,1', '-w', '1,2'],
      () => hingeLoss([[1, 2, 3]], [0], { weight: [1, 2] }),
    ],
    [
      'a negative weight',
      'err.ce.weightBad',
      [S, '-y', '0,1', '-w', '1,-2,1'],
      () => hingeLoss([[1, 2, 3]], [0], { weight: [1, -2, 1] }),
    ],
    [
      'a bad style',
      'err.badChoice',
      [S, '-y', '0,1', '--style', 'svm'],
      () => hingeLoss([[1, 2]], [0], { style: 'svm' as HingeStyle }),
    ],
  ];
  it.each(hingeCases)('hinge: %s', async (_what, key, argv, library) => {
    if (key !== 'err.hinge.noTarget') expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['hinge', ...argv, '-f', format])), format).toBe(key);
  });

  const ST = ['--student', '2,0.5,-1; 0.3,1.8,0.2', '--teacher', '3,1,-2; 0,2.5,1'];
  const distillCases: [string, string, string[], () => unknown][] = [
    ['no teacher', 'err.distill.missing', ['--student', '1,2'], () => keyOfNothing()],
    ['a positional matrix', 'err.distill.input', [...ST, '-i', 'x.txt'], () => keyOfNothing()],
    [
      'shapes that differ',
      'err.distill.shape',
      ['--student', '1,2', '--teacher', '1,2,3'],
      () => distillationLoss([[1, 2]], [[1, 2, 3]]),
    ],
    [
      '-y without --alpha',
      'err.distill.targetWithoutAlpha',
      [...ST, '-y', '0,1'],
      () => distillationLoss([[1, 2]], [[1, 2]], { target: [0] }),
    ],
    [
      '--alpha without -y',
      'err.distill.alphaWithoutTarget',
      [...ST, '--alpha', '0.5'],
      () => distillationLoss([[1, 2]], [[1, 2]], { alpha: 0.5 }),
    ],
    [
      'A above 1',
      'err.distill.alpha',
      [...ST, '-y', '0,1', '--alpha', '1.5'],
      () => distillationLoss([[1, 2]], [[1, 2]], { target: [0], alpha: 1.5 }),
    ],
    [
      'none with hard labels',
      'err.distill.noneWithTarget',
      [...ST, '-y', '0,1', '--alpha', '0.5', '-r', 'none'],
      () => distillationLoss([[1, 2]], [[1, 2]], { target: [0], alpha: 0.5, reduction: 'none' }),
    ],
    [
      'a zero temperature',
      'err.temperature',
      [...ST, '-t', '0'],
      () => distillationLoss([[1, 2]], [[1, 2]], { temperature: 0 }),
    ],
    [
      '+inf teacher logit',
      'err.posInf',
      ['--student', '1,2', '--teacher', '1,inf'],
      () => distillationLoss([[1, 2]], [[1, Infinity]]),
    ],
    [
      'a class out of range',
      'err.ce.targetRange',
      [...ST, '-y', '0,5', '--alpha', '0.5'],
      () => distillationLoss([[1, 2]], [[1, 2]], { target: [5], alpha: 0.5 }),
    ],
    [
      'a bad reduction',
      'err.badChoice',
      [...ST, '-r', 'avg'],
      () => distillationLoss([[1, 2]], [[1, 2]], { reduction: 'avg' as DistillReduction }),
    ],
  ];
  it.each(distillCases)('distill: %s', async (_what, key, argv, library) => {
    if (!['err.distill.missing', 'err.distill.input'].includes(key)) expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['distill', ...argv, '-f', format], { files: { 'x.txt': '1,2' } })), format).toBe(
        key,
      );
  });
});

/** A case the library cannot meet (an option only the CLI has). */
function keyOfNothing(): never {
  throw new Error('not a library case');
}
