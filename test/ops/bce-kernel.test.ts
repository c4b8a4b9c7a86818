// The maths of `xent bce` against PyTorch (test/fixtures/oracle/bce.json:
// F.binary_cross_entropy_with_logits in float64) and against finite differences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../../src/ops/bce/kernel.js';
import type { Reduction } from '../../src/ops/cross-entropy/kernel.js';
import { fromRows, toRows } from '../../src/core/matrix.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface BceCase {
  id: string;
  logits: number[][];
  targets: number[][];
  pos_weight?: number[];
  reduction: Reduction;
  expected: { loss: Num; losses: Num[][]; grad: Num[][] };
}

const oracle = loadOracle<BceCase>('bce');

describe('binaryCrossEntropy against PyTorch', () => {
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = binaryCrossEntropy(fromRows(c.logits), fromRows(c.targets), {
      posWeight: c.pos_weight,
      reduction: c.reduction,
    });
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    toRows(r.losses).forEach((row, i) => expectClose(row, c.expected.losses[i], `${id} losses[${i}]`));
    toRows(r.grad).forEach((row, i) => expectClose(row, c.expected.grad[i], `${id} grad[${i}]`));
  });
});

describe('binaryCrossEntropy edge cases', () => {
  it('is exact for saturated logits (no log(0))', () => {
    const r = binaryCrossEntropy(fromRows([[1000, -1000, 1000, -1000]]), fromRows([[1, 0, 0, 1]]), {
      reduction: 'none',
    });
    expect(Array.from(r.losses.data)).toEqual([0, 0, 1000, 1000]);
    expect(Array.from(r.grad.data, (g) => g + 0)).toEqual([0, 0, 1, -1]);
  });

  it('agrees with the logits form when given probabilities', () => {
    const z = [
      [0.3, -2, 4],
      [1, 0, -0.5],
    ];
    const y = fromRows([
      [1, 0, 0.25],
      [0, 1, 1],
    ]);
    const fromLogits = binaryCrossEntropy(fromRows(z), y, { posWeight: [2, 1, 0.5] });
    const p = fromRows(z.map((r) => r.map((x) => 1 / (1 + Math.exp(-x)))));
    const fromProbs = binaryCrossEntropy(p, y, { posWeight: [2, 1, 0.5], inputIsProbs: true });
    expect(Math.abs(fromProbs.loss - fromLogits.loss)).toBeLessThan(1e-14);
    // chain rule: ∂l/∂z = ∂l/∂p · p(1 − p)
    fromProbs.grad.data.forEach((g, k) => {
      const pk = p.data[k];
      expect(Math.abs(g * pk * (1 - pk) - fromLogits.grad.data[k])).toBeLessThan(1e-14);
    });
  });

  it('reports p = 0 with a positive target as inf', () => {
    const r = binaryCrossEntropy(fromRows([[0, 1]]), fromRows([[1, 1]]), { inputIsProbs: true, reduction: 'none' });
    expect(r.losses.data[0]).toBe(Infinity);
    expect(r.losses.data[1]).toBe(0);
  });

  it('broadcasts the weight per column, per row or per element', () => {
    const z = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const y = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const plain = binaryCrossEntropy(z, y, { reduction: 'none' }).losses.data;
    const col = binaryCrossEntropy(z, y, { reduction: 'none', weight: fromRows([[2, 3]]) }).losses.data;
    const row = binaryCrossEntropy(z, y, { reduction: 'none', weight: fromRows([[2], [3]]) }).losses.data;
    expect(Array.from(col)).toEqual([2 * plain[0], 3 * plain[1], 2 * plain[2], 3 * plain[3]]);
    expect(Array.from(row)).toEqual([2 * plain[0], 2 * plain[1], 3 * plain[2], 3 * plain[3]]);
  });
});

describe('binaryCrossEntropy properties', () => {
  const finite = fc.double({ min: -30, max: 30, noNaN: true });
  it('the gradient matches central finite differences; losses are ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(finite, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true })),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom<Reduction>('mean', 'sum'),
        (cells, reduction) => {
          const z = [cells.map((c) => c[0])];
          const y = fromRows([cells.map((c) => c[1])]);
          const posWeight = cells.map((c) => c[2]);
          const r = binaryCrossEntropy(fromRows(z), y, { posWeight, reduction });
          r.losses.data.forEach((l) => expect(l).toBeGreaterThanOrEqual(0));
          const h = 1e-5;
          z[0].forEach((_, j) => {
            const up = [[...z[0]]];
            const down = [[...z[0]]];
            up[0][j] += h;
            down[0][j] -= h;
            const f = (m: number[][]) => binaryCrossEntropy(fromRows(m), y, { posWeight, reduction }).loss;
            const numeric = (f(up) - f(down)) / (2 * h);
            expect(Math.abs(numeric - r.grad.data[j])).toBeLessThan(1e-6 * (1 + Math.abs(numeric)));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
