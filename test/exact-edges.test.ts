// Exactness at the edges, against references of 40 digits (test/fixtures/exact/generate.py,
// mpmath): a row of 10⁶ classes with one dominant logit keeps 1e-12 relative error in its
// log-sum-exp, its loss (however small) and Σp, in the whole-matrix and the streamed paths;
// class weights near a double's limits give the weighted mean they mean.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompensatedSum } from '../src/core/compensated.js';
import { fromRows } from '../src/core/matrix.js';
import { crossEntropy } from '../src/ops/cross-entropy/kernel.js';
import { CeSums } from '../src/ops/cross-entropy/sums.js';
import { softmaxInto } from '../src/ops/softmax/kernel.js';
import { logSumExp } from '../src/ops/softmax/library.js';
import { xent } from './helpers/cli.js';

interface WideCase {
  name: string;
  top: number;
  classes: number;
  zeros?: boolean;
  logSumExp: string;
  lossTarget0: string;
  lossTarget1: string;
}
const REFERENCE = JSON.parse(readFileSync(new URL('./fixtures/exact/reference.json', import.meta.url), 'utf8')) as {
  wide: WideCase[];
  weighted: { rows: number[][]; targets: number[]; cases: { weights: number[]; mean: string }[] };
};
const TOLERANCE = 1e-12;

/** The row generate.py describes: the same doubles (integers and correctly rounded quotients). */
function wideRow(c: WideCase): Float64Array {
  const row = new Float64Array(c.classes);
  row[0] = c.top;
  for (let k = 1; k < c.classes; k++) row[k] = c.zeros ? 0 : ((k * 7919) % 1000) / 100 - 5;
  return row;
}

function expectClose(actual: number, reference: string, what: string): void {
  const expected = Number(reference);
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  expect(relative, `${what}: ${actual} against ${reference} (relative error ${relative})`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

/** CeSums, the streamed path of `ce -f value`: the mean loss of one row. */
function streamedLoss(row: Float64Array, target: number, weight?: number[]): number {
  const sums = new CeSums(
    {
      targets: { kind: 'index', given: [target], ignoreIndex: -100 },
      oneBased: false,
      temperature: 1,
      labelSmoothing: 0,
      ...(weight ? { weight } : {}),
    },
    'the text',
    { pieceRows: () => 1 },
  );
  sums.add(row, 0);
  const { scaledTotal, scaledDenominator } = sums.totals();
  return scaledTotal / scaledDenominator;
}

describe.each(REFERENCE.wide)('$name', (c) => {
  const row = wideRow(c);
  const matrix = { rows: 1, cols: c.classes, data: row };

  it('log-sum-exp', () => {
    expectClose(logSumExp(row), c.logSumExp, 'logSumExp');
  });

  it('ce loss, whole matrix and streamed, for the dominant class and another', () => {
    expectClose(crossEntropy(matrix, { kind: 'index', classes: [0] }).loss, c.lossTarget0, 'whole, target 0');
    expectClose(crossEntropy(matrix, { kind: 'index', classes: [1] }).loss, c.lossTarget1, 'whole, target 1');
    expectClose(streamedLoss(row, 0), c.lossTarget0, 'streamed, target 0');
    expectClose(streamedLoss(row, 1), c.lossTarget1, 'streamed, target 1');
  });

  it('Σp is 1 within 1e-12 (summed exactly here)', () => {
    const probs = new Float64Array(c.classes);
    softmaxInto(row, 1, probs, new Float64Array(c.classes));
    const total = new CompensatedSum();
    for (const p of probs) total.add(p);
    expect(Math.abs(total.value() - 1)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('class weights near the limits of a double', () => {
  const { rows, targets, cases } = REFERENCE.weighted;
  it.each(cases)('-w $weights', async ({ weights, mean }) => {
    const whole = crossEntropy(fromRows(rows), { kind: 'index', classes: targets }, { weight: weights });
    expectClose(whole.loss, mean, 'whole');
    expect(whole.grad.data.every(Number.isFinite)).toBe(true);
    const r = await xent([
      'ce',
      rows.map((r) => r.join(',')).join(';'),
      '-y',
      targets.join(','),
      '-w',
      weights.join(','),
      '-f',
      'value',
    ]);
    expect(r.stderr).toBe('');
    expectClose(Number(r.stdout), mean, 'the CLI');
  });

  it('streamed, a row at a time', () => {
    const { weights, mean } = cases[0];
    const sums = new CeSums(
      {
        targets: { kind: 'index', given: targets, ignoreIndex: -100 },
        oneBased: false,
        temperature: 1,
        labelSmoothing: 0,
        weight: weights,
      },
      'the text',
      { pieceRows: () => 2 },
    );
    rows.forEach((r, i) => sums.add(Float64Array.from(r), i));
    const { scaledTotal, scaledDenominator } = sums.totals();
    expectClose(scaledTotal / scaledDenominator, mean, 'streamed');
  });

  it('the scale is a power of two: weights that differ by one give the same digits', () => {
    const plain = crossEntropy(fromRows(rows), { kind: 'index', classes: targets }, { weight: [2, 3] });
    const tiny = crossEntropy(
      fromRows(rows),
      { kind: 'index', classes: targets },
      { weight: [2 * 2 ** -700, 3 * 2 ** -700] },
    );
    expect(tiny.loss).toBe(plain.loss);
  });
});
