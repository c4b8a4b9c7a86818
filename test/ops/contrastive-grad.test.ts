// Every closed-form gradient of the contrastive losses against central finite differences,
// on random inputs (fast-check), and the seed example.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Matrix, fromRows } from '../../src/core/matrix.js';
import { clipFromEmbeddings, clipLoss } from '../../src/ops/clip/kernel.js';
import { l2Normalize, normalizeBackward } from '../../src/core/normalize.js';
import { ntxentLoss } from '../../src/ops/ntxent/kernel.js';
import { siglipFromEmbeddings, siglipLoss } from '../../src/ops/siglip/kernel.js';
import { logSigmoid, sigmoid, softplus } from '../../src/core/sigmoid.js';
import { supconLoss } from '../../src/ops/supcon/kernel.js';

const source = { key: 'source.args' } as const;
const H = 1e-6;

/** ∂f/∂x by central differences, entry by entry. */
function numeric(f: (x: Matrix) => number, x: Matrix): Float64Array {
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < x.data.length; k++) {
    const plus = { ...x, data: Float64Array.from(x.data) };
    const minus = { ...x, data: Float64Array.from(x.data) };
    plus.data[k] += H;
    minus.data[k] -= H;
    out[k] = (f(plus) - f(minus)) / (2 * H);
  }
  return out;
}

function expectGradient(analytic: ArrayLike<number>, f: (x: Matrix) => number, x: Matrix, what: string): void {
  const approx = numeric(f, x);
  for (let k = 0; k < approx.length; k++) {
    const allowed = 1e-6 + 1e-5 * Math.abs(approx[k]);
    expect(Math.abs(analytic[k] - approx[k]) <= allowed, `${what}[${k}]: ${analytic[k]} vs ${approx[k]}`).toBe(true);
  }
}

/** n rows of d entries with 0.3 ≤ |x| ≤ 2 (every row has norm ≥ 0.3: normalisation stays well-conditioned). */
const entry = fc
  .tuple(fc.double({ min: 0.3, max: 2, noNaN: true }), fc.boolean())
  .map(([x, minus]) => (minus ? -x : x));
const embeddings = (n: number, d: number) =>
  fc
    .array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: n, maxLength: n })
    .map((rows) => fromRows(rows));

const sizes = fc.record({ n: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 4 }) });
const runs = { numRuns: 30 };

describe('normalisation', () => {
  it('normalizeBackward is the gradient of Σ g·normalize(x)', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ n, d }) => fc.tuple(embeddings(n, d), embeddings(n, d))),
        ([x, g]) => {
          const f = (m: Matrix) => l2Normalize(m).unit.data.reduce((s, u, k) => s + u * g.data[k], 0);
          expectGradient(normalizeBackward(l2Normalize(x), g).data, f, x, 'normalize');
        },
      ),
      runs,
    );
  });

  it('keeps huge and tiny rows exact', () => {
    const unit = Array.from(
      l2Normalize(
        fromRows([
          [3e200, 4e200],
          [3e-200, 4e-200],
        ]),
      ).unit.data,
    );
    [0.6, 0.8, 0.6, 0.8].forEach((e, k) => expect(unit[k]).toBeCloseTo(e, 15));
  });
});

describe('clip gradients', () => {
  it('w.r.t. the logits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => embeddings(n, n)),
        (logits) => expectGradient(clipLoss(logits).gradLogits.data, (m) => clipLoss(m).loss, logits, 'logits'),
      ),
      runs,
    );
  });

  it('w.r.t. the raw embeddings and the scale, normalised or not', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ n, d }) => fc.tuple(embeddings(n, d), embeddings(n, d))),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.boolean(),
        ([image, text], scale, normalize) => {
          const r = clipFromEmbeddings(image, text, scale, normalize);
          expectGradient(r.gradImage.data, (m) => clipFromEmbeddings(m, text, scale, normalize).loss, image, 'image');
          expectGradient(r.gradText.data, (m) => clipFromEmbeddings(image, m, scale, normalize).loss, text, 'text');
          const s = fromRows([[scale]]);
          expectGradient([r.gradScale], (m) => clipFromEmbeddings(image, text, m.data[0], normalize).loss, s, 'scale');
        },
      ),
      runs,
    );
  });

  it('gives 0.32268134… on the seed example', () => {
    const r = clipLoss(
      fromRows([
        [2.0, 0.5, -1.0],
        [0.3, 1.8, 0.2],
        [-0.5, 0.4, 1.5],
      ]),
    );
    expect(r.loss).toBeCloseTo(0.32268134, 8);
  });
});

describe('siglip gradients', () => {
  it('w.r.t. the logits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => embeddings(n, n)),
        (logits) => expectGradient(siglipLoss(logits).gradLogits.data, (m) => siglipLoss(m).loss, logits, 'logits'),
      ),
      runs,
    );
  });

  it('w.r.t. the raw embeddings, the scale and the bias', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ n, d }) => fc.tuple(embeddings(n, d), embeddings(n, d))),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 2, noNaN: true }),
        fc.boolean(),
        ([image, text], t, b, normalize) => {
          const loss = (i: Matrix, x: Matrix, tt: number, bb: number) =>
            siglipFromEmbeddings(i, x, tt, bb, normalize).loss;
          const r = siglipFromEmbeddings(image, text, t, b, normalize);
          expectGradient(r.gradImage.data, (m) => loss(m, text, t, b), image, 'image');
          expectGradient(r.gradText.data, (m) => loss(image, m, t, b), text, 'text');
          expectGradient([r.gradScale], (m) => loss(image, text, m.data[0], b), fromRows([[t]]), 'scale');
          expectGradient([r.gradBias], (m) => loss(image, text, t, m.data[0]), fromRows([[b]]), 'bias');
        },
      ),
      runs,
    );
  });

  it('is stable for huge logits', () => {
    const r = siglipLoss(
      fromRows([
        [1000, -1000],
        [1000, -1000],
      ]),
    );
    // Pair (2,1) is wrong by 1000: softplus(1000) = 1000; pair (2,2) wrong by 1000 too.
    expect(r.loss).toBe(1000);
    expect(Array.from(r.gradLogits.data)).toEqual([-0, 0, 0.5, -0.5]);
    expect(softplus(-1000)).toBe(0);
    expect(logSigmoid(-800)).toBe(-800);
    expect(sigmoid(-800)).toBe(0);
  });
});

describe('ntxent and supcon gradients', () => {
  it('ntxent w.r.t. the raw embeddings, both pairings', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ n, d }) => embeddings(2 * n, d)),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.constantFrom('half' as const, 'adjacent' as const),
        (x, tau, pairing) => {
          const r = ntxentLoss(x, tau, pairing, source);
          expectGradient(r.grad.data, (m) => ntxentLoss(m, tau, pairing, source).loss, x, 'ntxent');
        },
      ),
      runs,
    );
  });

  it('supcon w.r.t. the raw embeddings, with anchors lacking positives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(
            embeddings(n, 3),
            fc
              .array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n })
              .filter((ls) => new Set(ls).size < ls.length),
          ),
        ),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        ([x, labels], tau) => {
          const r = supconLoss(x, labels, tau, source);
          expectGradient(r.grad.data, (m) => supconLoss(m, labels, tau, source).loss, x, 'supcon');
          labels.forEach((label, i) => {
            const alone = labels.filter((l) => l === label).length === 1;
            expect(r.losses[i] === null).toBe(alone);
          });
        },
      ),
      runs,
    );
  });
});
