import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../src/matrix.js';
import { logSumExp } from '../src/math/log-sum-exp.js';
import { type Axis, softmax } from '../src/math/softmax.js';
import { expectClose, loadOracle, type Num } from './helpers/oracle.js';

interface SoftmaxCase {
  id: string;
  logits: Num[][];
  temperature: number;
  axis: Axis;
  expected: { probs: Num[][]; log_probs: Num[][] };
}

const oracle = loadOracle<SoftmaxCase>('softmax');
const num = (x: Num) => (x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x === 'nan' ? NaN : x);

describe('softmax against PyTorch (float64)', () => {
  it('has cases', () => expect(oracle.cases.length).toBeGreaterThan(10));
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = softmax(fromRows(c.logits.map((r) => r.map(num))), c.temperature, c.axis);
    expectClose(toRows(result.probs), c.expected.probs, `${c.id} probs`);
    expectClose(toRows(result.logProbs), c.expected.log_probs, `${c.id} log_probs`);
  });
});

describe('softmax edge cases', () => {
  it('[100, 100] is [0.5, 0.5]', () => {
    expect(toRows(softmax(fromRows([[100, 100]])).probs)).toEqual([[0.5, 0.5]]);
  });
  it('[-1000, 1000] is [0, 1]', () => {
    const r = softmax(fromRows([[-1000, 1000]]));
    expect(toRows(r.probs)).toEqual([[0, 1]]);
    expect(toRows(r.logProbs)).toEqual([[-2000, 0]]);
  });
  it('[1000, 0, -1000] is exact, with exact log-probabilities', () => {
    const r = softmax(fromRows([[1000, 0, -1000]]));
    expect(toRows(r.probs)).toEqual([[1, 0, 0]]);
    expect(toRows(r.logProbs)).toEqual([[0, -1000, -2000]]);
  });
  it('[1e4, 1e4 - 1] matches the closed form', () => {
    const r = softmax(fromRows([[1e4, 1e4 - 1]]));
    const p0 = 1 / (1 + Math.exp(-1));
    expectClose(toRows(r.probs)[0], [p0, 1 - p0]);
    expectClose(toRows(r.logProbs)[0], [-Math.log1p(Math.exp(-1)), -1 - Math.log1p(Math.exp(-1))]);
  });
  it('a -inf logit is a masked class with probability 0', () => {
    const r = softmax(fromRows([[1, -Infinity, 2]]));
    expect(toRows(r.probs)[0][1]).toBe(0);
    expect(toRows(r.logProbs)[0][1]).toBe(-Infinity);
    expectClose(toRows(r.probs)[0][0] + toRows(r.probs)[0][2], 1);
  });
  it('a single class has probability 1', () => {
    expect(toRows(softmax(fromRows([[-7]])).probs)).toEqual([[1]]);
  });
  it('temperature divides the logits', () => {
    expect(toRows(softmax(fromRows([[2, 4]]), 2).probs)).toEqual(toRows(softmax(fromRows([[1, 2]])).probs));
  });
  it('axis col is the softmax of each column', () => {
    const r = softmax(fromRows([[0, 5], [0, 5]]), 1, 'col');
    expect(toRows(r.probs)).toEqual([[0.5, 0.5], [0.5, 0.5]]);
  });
  it('logSumExp handles huge and masked inputs', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

describe('softmax properties', () => {
  const row = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });
  it('rows sum to 1 and log-probabilities are logs of probabilities', () => {
    fc.assert(
      fc.property(row, (z) => {
        const r = softmax(fromRows([z]));
        const p = toRows(r.probs)[0];
        const lp = toRows(r.logProbs)[0];
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        p.forEach((pi, i) => expect(Math.abs(Math.exp(lp[i]) - pi)).toBeLessThan(1e-15));
      }),
    );
  });
  it('shifting a row by a constant changes nothing', () => {
    fc.assert(
      fc.property(row, fc.double({ min: -100, max: 100, noNaN: true }), (z, c) => {
        const a = toRows(softmax(fromRows([z])).probs)[0];
        const b = toRows(softmax(fromRows([z.map((x) => x + c)])).probs)[0];
        a.forEach((ai, i) => expect(Math.abs(ai - b[i])).toBeLessThan(1e-12));
      }),
    );
  });
});
