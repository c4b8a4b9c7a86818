// The maths of `xent ce` against PyTorch (test/fixtures/oracle/cross_entropy.json: F.cross_entropy,
// and nll_loss(log p) for `probs_input`, in float64) and against finite differences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XentError } from '../../src/core/errors.js';
import { type CrossEntropyTargets, type Reduction, crossEntropy } from '../../src/ops/cross-entropy/kernel.js';
import { fromRows, toRows } from '../../src/core/matrix.js';
import { type CeCase, expectClose, loadOracle } from '../helpers/oracle.js';

const oracle = loadOracle<CeCase>('cross_entropy');

function targetsOf(c: CeCase): CrossEntropyTargets {
  if (c.target_probs) return { kind: 'probs', probs: fromRows(c.target_probs) };
  return { kind: 'index', classes: c.target!.map((y) => (y === c.ignore_index ? null : y)) };
}

describe('crossEntropy against PyTorch', () => {
  it('has cases', () => expect(oracle.cases.length).toBeGreaterThan(100));

  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const input = fromRows(c.logits ?? c.probs_input!);
    const result = crossEntropy(input, targetsOf(c), {
      weight: c.weight,
      labelSmoothing: c.label_smoothing,
      reduction: c.reduction,
      inputIsProbs: c.probs_input !== undefined,
    });
    expectClose(result.loss, c.expected.loss, `${id} loss`);
    expectClose(result.losses, c.expected.losses, `${id} losses`);
    // reduction 'none' gives the same per-row losses, no reduced loss, and the gradient of the sum
    const none = crossEntropy(input, targetsOf(c), {
      weight: c.weight,
      labelSmoothing: c.label_smoothing,
      reduction: 'none',
      inputIsProbs: c.probs_input !== undefined,
    });
    expectClose(none.losses, c.expected.losses, `${id} none losses`);
    expect(none.loss).toBeNaN();
    if (c.expected.grad) {
      toRows(result.grad).forEach((row, i) => expectClose(row, c.expected.grad![i], `${id} grad[${i}]`));
      if (c.reduction === 'sum') {
        toRows(none.grad).forEach((row, i) => expectClose(row, c.expected.grad![i], `${id} none grad[${i}]`));
      }
    }
    if (c.expected.probs) {
      toRows(result.probs).forEach((row, i) => expectClose(row, c.expected.probs![i], `${id} probs[${i}]`));
    }
  });
});

describe('crossEntropy edge cases', () => {
  it('says why a mean over nothing is undefined instead of returning NaN', () => {
    const logits = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(() => crossEntropy(logits, { kind: 'index', classes: [null, null] })).toThrow(XentError);
    try {
      crossEntropy(logits, { kind: 'index', classes: [0, 1] }, { weight: [0, 0] });
      expect.unreachable();
    } catch (error) {
      expect((error as XentError).key).toBe('err.ce.meanUndefined');
    }
    expect(crossEntropy(logits, { kind: 'index', classes: [null, null] }, { reduction: 'sum' }).loss).toBe(0);
  });

  it('reports p = 0 at the target as an infinite loss, with an infinite gradient', () => {
    const r = crossEntropy(
      fromRows([
        [0, 1],
        [0.5, 0.5],
      ]),
      { kind: 'index', classes: [0, 1] },
      { inputIsProbs: true },
    );
    expect(r.losses[0]).toBe(Infinity);
    expect(r.loss).toBe(Infinity);
    expect(r.grad.data[0]).toBe(-Infinity);
    expect(r.grad.data[1]).toBe(0);
  });

  it('treats a -inf logit as a masked class (0·log 0 = 0 for soft targets)', () => {
    const r = crossEntropy(fromRows([[-Infinity, 0, 0]]), { kind: 'probs', probs: fromRows([[0, 0.5, 0.5]]) });
    expect(r.losses[0]).toBeCloseTo(Math.log(2), 15);
    expect(Array.from(r.grad.data)).toEqual([0, 0, 0]);
  });

  it('divides the gradient by the temperature (it is w.r.t. the logits as given)', () => {
    const z = [[2, 0.5, -1]];
    const t2 = crossEntropy(fromRows(z), { kind: 'index', classes: [0] }, { temperature: 2 });
    const scaled = crossEntropy(fromRows([[1, 0.25, -0.5]]), { kind: 'index', classes: [0] });
    expectClose(t2.losses, scaled.losses);
    expectClose(
      t2.grad.data,
      Array.from(scaled.grad.data).map((g) => g / 2),
    );
  });
});

// ---- properties ----

const finite = fc.double({ min: -20, max: 20, noNaN: true, noDefaultInfinity: true });
const shape = fc.record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 2, max: 5 }) });
const problem = shape.chain(({ rows, cols }) =>
  fc.record({
    logits: fc.array(fc.array(finite, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    target: fc.array(fc.integer({ min: 0, max: cols - 1 }), { minLength: rows, maxLength: rows }),
    weight: fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: cols, maxLength: cols }), {
      nil: undefined,
    }),
    eps: fc.constantFrom(0, 0.1, 0.5),
    reduction: fc.constantFrom<Reduction>('mean', 'sum', 'none'),
    temperature: fc.constantFrom(1, 0.5, 2),
  }),
);

function totalLoss(
  logits: number[][],
  p: { target: number[]; weight?: number[]; eps: number; reduction: Reduction; temperature: number },
): number {
  const r = crossEntropy(
    fromRows(logits),
    { kind: 'index', classes: p.target },
    {
      weight: p.weight,
      labelSmoothing: p.eps,
      reduction: p.reduction,
      temperature: p.temperature,
    },
  );
  return p.reduction === 'none' ? r.losses.reduce((a, b) => a + b, 0) : r.loss;
}

describe('crossEntropy properties', () => {
  it('the gradient matches central finite differences', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = crossEntropy(
          fromRows(p.logits),
          { kind: 'index', classes: p.target },
          {
            weight: p.weight,
            labelSmoothing: p.eps,
            reduction: p.reduction,
            temperature: p.temperature,
          },
        );
        const h = 1e-5;
        p.logits.forEach((row, i) =>
          row.forEach((_, j) => {
            const up = p.logits.map((r2) => [...r2]);
            const down = p.logits.map((r2) => [...r2]);
            up[i][j] += h;
            down[i][j] -= h;
            const numeric = (totalLoss(up, p) - totalLoss(down, p)) / (2 * h);
            expect(Math.abs(numeric - r.grad.data[i * row.length + j])).toBeLessThan(1e-6 * (1 + Math.abs(numeric)));
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('mean cross-entropy: every gradient row sums to 0; the loss is ≥ 0', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = crossEntropy(
          fromRows(p.logits),
          { kind: 'index', classes: p.target },
          { weight: p.weight, labelSmoothing: p.eps },
        );
        expect(r.loss).toBeGreaterThanOrEqual(0);
        r.losses.forEach((l) => expect(l).toBeGreaterThanOrEqual(0));
        toRows(r.grad).forEach((row) => expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it('shifting all logits of a row changes nothing', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: -50, max: 50, noNaN: true }), fc.nat(), (p, shift, which) => {
        const opts = { weight: p.weight, labelSmoothing: p.eps, reduction: p.reduction, temperature: p.temperature };
        const row = which % p.logits.length;
        const shifted = p.logits.map((r, i) => (i === row ? r.map((x) => x + shift) : r));
        const a = crossEntropy(fromRows(p.logits), { kind: 'index', classes: p.target }, opts);
        const b = crossEntropy(fromRows(shifted), { kind: 'index', classes: p.target }, opts);
        a.losses.forEach((l, i) => expect(Math.abs(l - b.losses[i])).toBeLessThan(1e-9 * (1 + l)));
        a.grad.data.forEach((g, k) => expect(Math.abs(g - b.grad.data[k])).toBeLessThan(1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it('soft targets and probability input: the gradient matches central finite differences', () => {
    const row = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 3 }),
        fc.array(row, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom(0, 0.2),
        (x, q, probsInput, eps) => {
          const n = x.length;
          const normalise = (r: number[]) => r.map((v) => v / r.reduce((a, b) => a + b, 0));
          const input = probsInput ? x.map(normalise) : x.map((r) => r.map((v) => 4 * v - 2));
          const targets: CrossEntropyTargets = { kind: 'probs', probs: fromRows(q.slice(0, n).map(normalise)) };
          const opts = { labelSmoothing: eps, inputIsProbs: probsInput, weight: [1, 2, 0.5] };
          const r = crossEntropy(fromRows(input), targets, opts);
          const h = 1e-6;
          input.forEach((rowValues, i) =>
            rowValues.forEach((_, j) => {
              const up = input.map((r2) => [...r2]);
              const down = input.map((r2) => [...r2]);
              up[i][j] += h;
              down[i][j] -= h;
              const numeric =
                (crossEntropy(fromRows(up), targets, opts).loss - crossEntropy(fromRows(down), targets, opts).loss) /
                (2 * h);
              expect(Math.abs(numeric - r.grad.data[i * 3 + j])).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
