// InfoNCE (src/ops/infonce/) against PyTorch (test/fixtures/oracle/infonce.json: MoCo's
// builder.py forward, float64, autograd gradients), against finite differences, in every
// format, and one bad input → one error key (CLI and library).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { infoNceLoss } from '../../src/index.js';
import { xent } from '../helpers/cli.js';
import { expectGradientRows, numericGradient } from '../helpers/finite-differences.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface InfoNceCase {
  id: string;
  temperature: number;
  logits?: number[][];
  query?: number[][];
  pos?: number[][];
  neg?: number[][];
  normalize?: boolean;
  expected: {
    loss: Num;
    losses: Num[];
    logits: Num[][];
    grad?: Num[][];
    grad_query?: Num[][];
    grad_pos?: Num[][];
    grad_neg?: Num[][];
  };
}

const text = (m: readonly (readonly number[])[]) => m.map((r) => r.join(',')).join('; ');

describe('infonce against PyTorch (MoCo)', () => {
  it.each(loadOracle<InfoNceCase>('infonce').cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const options = { temperature: c.temperature, ...(c.normalize === false ? { normalize: false } : {}) };
    const input = c.logits ?? { query: c.query!, pos: c.pos!, neg: c.neg! };
    const r = infoNceLoss(input, options);
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(r.losses, c.expected.losses, `${id} losses`);
    expectClose(r.logits, c.expected.logits, `${id} logits`);
    const argv = ['infonce', '-t', String(c.temperature), '-g', '-f', 'json'];
    if (c.normalize === false) argv.push('--no-normalize');
    if (c.logits) {
      expectClose(r.grad, c.expected.grad, `${id} grad`);
      argv.push(text(c.logits));
    } else {
      expectClose(r.gradQuery, c.expected.grad_query, `${id} grad_query`);
      expectClose(r.gradPos, c.expected.grad_pos, `${id} grad_pos`);
      expectClose(r.gradNeg, c.expected.grad_neg, `${id} grad_neg`);
      argv.push('--query', text(c.query!), '--pos', text(c.pos!), '--neg', text(c.neg!));
    }
    const json = JSON.parse((await xent(argv)).stdout);
    expectClose(json.loss, c.expected.loss, `${id} CLI loss`);
    if (c.logits) expectClose(json.grad, c.expected.grad, `${id} CLI grad`);
    else expectClose(json.grad_neg, c.expected.grad_neg, `${id} CLI grad_neg`);
  });
});

const value = fc.double({ min: -3, max: 3, noNaN: true });
const matrix = (n: number, c: number) =>
  fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: n, maxLength: n });
/** Rows far from zero (the normalisation's gradient grows as 1/‖x‖): the first entry is ±[0.5, 3]. */
const awayFromZero = (n: number, c: number) =>
  fc.array(
    fc
      .tuple(
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.boolean(),
        fc.array(value, { minLength: c - 1, maxLength: c - 1 }),
      )
      .map(([first, negative, rest]) => [negative ? -first : first, ...rest]),
    { minLength: n, maxLength: n },
  );

describe('the closed-form gradients are the finite differences', () => {
  it('logits, every reduction', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 })).chain(([n, c]) => matrix(n, c)),
        fc.constantFrom(1, 0.5, 2),
        fc.constantFrom('mean' as const, 'sum' as const),
        (z, temperature, reduction) => {
          const f = (m: number[][]) => infoNceLoss(m, { temperature, reduction }).loss;
          expectGradientRows(infoNceLoss(z, { temperature, reduction }).grad!, numericGradient(f, z), 'infonce');
        },
      ),
      { numRuns: 50 },
    );
  });

  it('embeddings, through the normalisation, w.r.t. each of the three', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }))
          .chain(([n, k, d]) => fc.tuple(awayFromZero(n, d), awayFromZero(n, d), awayFromZero(k, d))),
        fc.boolean(),
        ([query, pos, neg], normalize) => {
          const options = { temperature: 0.5, normalize };
          const r = infoNceLoss({ query, pos, neg }, options);
          expectGradientRows(
            r.gradQuery!,
            numericGradient((m) => infoNceLoss({ query: m, pos, neg }, options).loss, query),
            'query',
          );
          expectGradientRows(
            r.gradPos!,
            numericGradient((m) => infoNceLoss({ query, pos: m, neg }, options).loss, pos),
            'pos',
          );
          expectGradientRows(
            r.gradNeg!,
            numericGradient((m) => infoNceLoss({ query, pos, neg: m }, options).loss, neg),
            'neg',
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('infonce: known numbers and every format', () => {
  it('one query: −log(e² / (e² + 1 + e)); chance ln 3', async () => {
    const r = infoNceLoss([[2, 0, 1]]);
    expect(r.loss).toBeCloseTo(-Math.log(Math.exp(2) / (Math.exp(2) + 1 + Math.E)), 14);
    const json = JSON.parse((await xent(['infonce', '2,0,1', '-f', 'json'])).stdout);
    expect(json.chance).toBeCloseTo(Math.log(3), 15);
    expect(json.loss_over_chance).toBeCloseTo(r.loss / Math.log(3), 14);
    // Embeddings take MoCo's T = 0.07 unless told.
    const moco = JSON.parse(
      (await xent(['infonce', '--query', '1,0', '--pos', '1,0', '--neg', '0,1', '-f', 'json'])).stdout,
    );
    expect(moco.temperature).toBe(0.07);
    expect(moco.logits).toEqual([[1 / 0.07, 0]]);
  });

  it.each([
    ['logits', ['infonce', '0.9,0.1,-0.3,0.2; 0.5,0.6,0.4,-0.1', '-t', '0.5']],
    ['embeddings', ['infonce', '--query', '1,0; 0.6,0.8', '--pos', '0.9,0.1; 0.5,0.9', '--neg', '0,1; -1,0; 0.7,-0.7']],
  ])('%s: value, tsv, csv, json, table, markdown, zh, --expect, --explain', async (_name, argv) => {
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    expect((await xent([...argv, '-f', 'value'])).stdout).toBe(`${json.loss}\n`);
    const tsv = (await xent([...argv, '-f', 'tsv'])).stdout.trim().split('\n');
    expect(tsv[0]).toBe('p_positive\tloss\tcorrect');
    expect(Number(tsv[2].split('\t')[1])).toBe(json.losses[1]);
    expect((await xent([...argv, '-f', 'csv'])).stdout.split('\n')[1].split(',')).toHaveLength(3);
    for (const format of ['table', 'markdown']) {
      const r = await xent([...argv, '-f', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(json.loss.toFixed(4));
    }
    const zh = await xent([...argv, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('每个查询的 InfoNCE 损失');
    expect((await xent([...argv, '--expect', json.loss.toFixed(3)])).code).toBe(0);
    expect((await xent([...argv, '--expect', (json.loss + 0.5).toFixed(3)])).code).toBe(1);
    const explained = await xent([...argv, '--explain', '--row', '2']);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('query 2 of 2');
    expect(explained.stdout).toContain(json.losses[1].toFixed(4));
  });
});

describe('infonce: one bad input, one error key', () => {
  const E = ['--query', '1,0; 0,1', '--pos', '1,0; 0,1', '--neg', '1,1'];
  const cases: [string, string, string[], (() => unknown) | undefined][] = [
    ['--query without --neg', 'err.infonce.missing', ['--query', '1,0', '--pos', '1,0'], undefined],
    ['one column', 'err.infonce.oneColumn', ['1; 2'], () => infoNceLoss([[1], [2]])],
    [
      'positives of another count',
      'err.infonce.count',
      ['--query', '1,0; 0,1', '--pos', '1,0', '--neg', '1,1'],
      () =>
        infoNceLoss({
          query: [
            [1, 0],
            [0, 1],
          ],
          pos: [[1, 0]],
          neg: [[1, 1]],
        }),
    ],
    [
      'negatives of another dimension',
      'err.infonce.dim',
      ['--query', '1,0', '--pos', '1,0', '--neg', '1,1,1'],
      () => infoNceLoss({ query: [[1, 0]], pos: [[1, 0]], neg: [[1, 1, 1]] }),
    ],
    [
      'a zero query',
      'err.zeroEmbedding',
      ['--query', '0,0', '--pos', '1,0', '--neg', '1,1'],
      () => infoNceLoss({ query: [[0, 0]], pos: [[1, 0]], neg: [[1, 1]] }),
    ],
    ['a matrix and embeddings', 'err.matrixAndEmbeddings', ['1,2', ...E], undefined],
    ['a zero temperature', 'err.temperature', ['1,2', '-t', '0'], () => infoNceLoss([[1, 2]], { temperature: 0 })],
    ['+inf logit', 'err.posInf', ['1,inf'], () => infoNceLoss([[1, Infinity]])],
  ];
  it.each(cases)('%s', async (_what, key, argv, library) => {
    if (library) expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['infonce', ...argv, '-f', format])), format).toBe(key);
  });
});
