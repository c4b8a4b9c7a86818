// ∂loss/∂s of one rank's local_loss from its two given logits matrices (--text-logits, issue #16):
// the closed form Σ ∂loss/∂logit · logit / s over both matrices (clipLocalGradScale), the library's
// gradScale, gradLogScale and gradTemperature, and the CLI's grad_scale, grad_logit_scale and
// grad_temperature (JSON and the summary), each against a central difference of the loss in s (or T)
// over random shapes, offsets and scales, and against --explain's ∂L/∂scale of the same run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import { fromRows, mapMatrix } from '../../src/core/matrix.js';
import { clipLocalGradScale, clipLocalLoss } from '../../src/ops/clip/local.js';
import { xent } from '../helpers/cli.js';
import { jsonNumber } from '../helpers/explain-check.js';

const entry = fc.double({ min: -4, max: 4, noNaN: true });
const rowsOf = (n: number, m: number) =>
  fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n });

/** A rank's n × M matrices (M ≥ n), an offset that leaves every positive inside, a scale. */
const rankCase = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 7 }) })
  .filter(({ n, m }) => m >= n)
  .chain(({ n, m }) =>
    fc.record({
      x: rowsOf(n, m),
      xText: rowsOf(n, m),
      offset: fc.integer({ min: 0, max: m - n }),
      scale: fc.double({ min: 0.1, max: 20, noNaN: true }),
    }),
  );

/** A central difference of f at v > 0, its step relative to v. */
function slope(f: (v: number) => number, v: number): number {
  const h = 1e-6 * Math.abs(v);
  return (f(v + h) - f(v - h)) / (2 * h);
}

function expectNear(actual: number, expected: number, what: string) {
  const tol = 1e-6 * (1 + Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('clip --text-logits: ∂loss/∂s in closed form', () => {
  it('clipLocalGradScale is the slope of the loss in s', () => {
    fc.assert(
      fc.property(rankCase, ({ x, xText, offset, scale }) => {
        const a = fromRows(x);
        const b = fromRows(xText);
        const lossAt = (s: number) =>
          clipLocalLoss(
            mapMatrix(a, (v) => s * v),
            mapMatrix(b, (v) => s * v),
            offset,
          ).loss;
        const r = clipLocalLoss(
          mapMatrix(a, (v) => scale * v),
          mapMatrix(b, (v) => scale * v),
          offset,
        );
        const g = clipLocalGradScale(r, a, b);
        expectNear(g, slope(lossAt, scale), 'dL/ds');
        // The same sum written as the brief's Σ ∂L/∂logit · logit / s.
        let bySum = 0;
        for (let k = 0; k < a.data.length; k++)
          bySum += (r.gradPerImage.data[k] * r.perImage.data[k] + r.gradPerText.data[k] * r.perText.data[k]) / scale;
        expect(g).toBeCloseTo(bySum, 10);
      }),
      { numRuns: 200 },
    );
  });

  it('the library gives gradScale, gradLogScale = s·gradScale and, with a temperature, gradTemperature', () => {
    fc.assert(
      fc.property(rankCase, fc.boolean(), ({ x, xText, offset, scale }, byTemperature) => {
        const temperature = 1 / scale;
        const options = byTemperature ? { temperature } : { scale };
        const r = xentLib.clipLoss(x, { textLogits: xText, labelOffset: offset, ...options });
        const lossAtScale = (s: number) =>
          xentLib.clipLoss(x, { textLogits: xText, labelOffset: offset, scale: s }).loss;
        expectNear(r.gradScale, slope(lossAtScale, r.scale), 'gradScale');
        expect(r.gradLogScale).toBeCloseTo(r.scale * r.gradScale, 10);
        if (byTemperature) {
          const lossAtT = (t: number) =>
            xentLib.clipLoss(x, { textLogits: xText, labelOffset: offset, temperature: t }).loss;
          expectNear(r.gradTemperature!, slope(lossAtT, temperature), 'gradTemperature');
        } else expect(r.gradTemperature).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('the embeddings case (--world-size) keeps its gradScale, now a required field', () => {
    const image = [
      [1, 0],
      [0.6, 0.8],
      [0.2, 0.9],
      [0.5, 0.5],
    ];
    const text = [
      [0.9, 0.1],
      [0, 1],
      [0.5, 0.5],
      [1, 0.2],
    ];
    const at = (s: number) => xentLib.clipLoss({ image, text }, { worldSize: 2, rank: 1, scale: s });
    expectNear(
      at(5).gradScale,
      slope((s) => at(s).loss, 5),
      'gradScale',
    );
    expect(at(5).gradLogScale).toBeCloseTo(5 * at(5).gradScale, 12);
  });
});

const text = (m: number[][]) => m.map((row) => row.join(',')).join(';');

async function json(argv: string[]) {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('xent clip --text-logits -g prints grad_scale and grad_logit_scale', () => {
  it('JSON: the library’s figures, in the unit asked for; with -t also grad_temperature', async () => {
    const cases = fc.sample(rankCase, { numRuns: 20, seed: 16 });
    for (const [k, { x, xText, offset, scale }] of cases.entries()) {
      const byTemperature = k % 2 === 1;
      const base = k % 3 === 2 ? ['--base', '2'] : [];
      const sOrT = byTemperature ? ['-t', String(1 / scale)] : ['-s', String(scale)];
      const argv = ['clip', text(x), '--text-logits', text(xText), '--label-offset', String(offset), ...sOrT, '-g'];
      const out = await json([...argv, ...base]);
      const lib = xentLib.clipLoss(x, {
        textLogits: xText,
        labelOffset: offset,
        ...(byTemperature ? { temperature: 1 / scale } : { scale }),
      });
      const f = base.length ? 1 / Math.LN2 : 1;
      expect(jsonNumber(out.grad_scale)).toBeCloseTo(lib.gradScale * f, 10);
      expect(jsonNumber(out.grad_logit_scale)).toBeCloseTo(lib.gradLogScale * f, 10);
      if (byTemperature) expect(jsonNumber(out.grad_temperature)).toBeCloseTo(lib.gradTemperature! * f, 10);
      else expect(out.grad_temperature).toBeUndefined();
    }
  });

  it('without -g there is none; with -g the table’s summary has the two lines (and ∂loss/∂T with -t)', async () => {
    const argv = ['clip', '2,0.5,-1,0.3', '--text-logits', '1,0,0.4,-2', '--label-offset', '3'];
    const plain = await json([...argv, '-s', '2']);
    expect(plain.grad_scale).toBeUndefined();
    expect(plain.grad_logit_scale).toBeUndefined();
    const withGrad = await json([...argv, '-s', '2', '-g']);
    expect(jsonNumber(withGrad.grad_scale)).toBeCloseTo(2.17365118195504, 12);
    expect(jsonNumber(withGrad.grad_logit_scale)).toBeCloseTo(4.34730236391008, 12);
    const table = await xent([...argv, '-t', '0.5', '-g', '-f', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/∂loss\/∂scale +2\.1737\n/);
    expect(table.stdout).toMatch(/∂loss\/∂log scale \(logit_scale\) +4\.3473\n/);
    expect(table.stdout).toMatch(/∂loss\/∂T +-8\.6946\n/);
    const zh = await xent([...argv, '-s', '2', '-g', '-f', 'table', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/2\.1737\n/);
    expect(zh.stdout).toMatch(/4\.3473\n/);
    const markdown = await xent([...argv, '-s', '2', '-g', '-f', 'markdown']);
    expect(markdown.stdout).toContain('2.1737');
    expect(markdown.stdout).toContain('4.3473');
  });

  it('--explain’s ∂L/∂scale and ∂L/∂log scale are the report’s grad_scale and grad_logit_scale', async () => {
    const argv = ['clip', '2,0.5,-1,0.3;0.1,1.2,-0.4,0.8', '--text-logits', '1,0,0.4,-2;0.3,-0.2,1.5,0.6'];
    const out = await json([...argv, '--label-offset', '1', '-s', '3', '-g', '--explain', '--row', '2']);
    const lines = (out.explanation as { steps: { lines: { kind: string; text: string }[] }[] }).steps.flatMap(
      (s) => s.lines,
    );
    const last = (prefix: string) => {
      const line = lines.find((l) => l.text.startsWith(prefix) && !l.text.includes('Σ'))!;
      return Number(line.text.split(' = ').pop()!.replace('−', '-'));
    };
    expect(last('∂L/∂scale = (')).toBeCloseTo(jsonNumber(out.grad_scale), 4);
    expect(last('∂L/∂log scale = ')).toBeCloseTo(jsonNumber(out.grad_logit_scale), 4);
    expect(lines.map((l) => l.text).join('\n')).toContain('what -g prints as grad_logit_scale.');
  });
});
