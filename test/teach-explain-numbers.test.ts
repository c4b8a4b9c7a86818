// Property tests of --explain: over random option combinations, every equality printed holds at
// the precision printed, the named results equal the command's JSON (-f json --grad), and every
// "raises / lowers" matches the sign of its gradient entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';
import {
  type ExplainJson,
  checkArithmetic,
  descentClaim,
  expectPrinted,
  formulas,
  fromSubscript,
  jsonNumber,
  lastNumber,
  readPrinted,
  signClaims,
} from './helpers/explain-check.js';

/** Inputs have at most 2 decimals, so a number printed with fewer than 3 is exact. */
const EXACT_BELOW = 3;

async function explainJson(argv: string[]) {
  const r = await xent([...argv, '--explain', '-f', 'json', '--lang', 'en']);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  const json = JSON.parse(r.stdout) as Record<string, unknown> & { explanation: ExplainJson };
  return { json, e: json.explanation };
}

const decimalText = (x: number) => String(Math.round(x * 100) / 100);
const matrixText = (m: number[][]) => m.map((row) => row.map(decimalText).join(',')).join(';');

/** A distribution with 1 or 2 decimals that sums to exactly 1: k_c / 10, or k_c / 20, with every entry > 0 when `positive`. */
const distribution = (C: number, positive: boolean) =>
  fc
    .array(fc.integer({ min: positive ? 1 : 0, max: 6 }), { minLength: C, maxLength: C })
    .filter((k) => k.some((v) => v > 0))
    .map((k) => {
      const total = k.reduce((a, b) => a + b, 0);
      // Round to 2 decimals, the last entry taking the remainder, so the row sums to 1 within 0.001.
      const p = k.map((v) => Math.round((v / total) * 100) / 100);
      p[p.length - 1] = Math.round((1 - p.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
      return p;
    })
    .filter((p) => p.every((v) => (positive ? v > 0 : v >= 0)));

const ceCase = fc
  .record({
    N: fc.integer({ min: 1, max: 4 }),
    C: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    soft: fc.boolean(),
    probs: fc.boolean(),
    weights: fc.option(fc.constantFrom(0.5, 1, 2, 3), { nil: undefined }),
    smoothing: fc.option(fc.constantFrom(0.05, 0.1, 0.3), { nil: undefined }),
    reduction: fc.constantFrom('mean', 'sum', 'none'),
    temperature: fc.option(fc.constantFrom(0.5, 2, 3), { nil: undefined }),
    base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
    oneBased: fc.boolean(),
    decimals: fc.constantFrom(4, 4, 6),
  })
  .chain((o) =>
    fc.record({
      o: fc.constant(o),
      logits: fc.array(fc.array(fc.integer({ min: -30, max: 30 }), { minLength: o.C, maxLength: o.C }), {
        minLength: o.N,
        maxLength: o.N,
      }),
      probRows: fc.array(distribution(o.C, true), { minLength: o.N, maxLength: o.N }),
      softRows: fc.array(distribution(o.C, false), { minLength: o.N, maxLength: o.N }),
      classes: fc.array(fc.option(fc.integer({ min: 0, max: o.C - 1 }), { nil: null, freq: 4 }), {
        minLength: o.N,
        maxLength: o.N,
      }),
      classWeights: fc.array(fc.constantFrom(0.5, 1, 2, 3), { minLength: o.C, maxLength: o.C }),
      row: fc.integer({ min: 1, max: o.N }),
    }),
  )
  .filter(({ o, classes }) => o.soft || o.reduction !== 'mean' || classes.some((y) => y !== null));

describe('--explain ce: every number is the computed one, every direction its sign', () => {
  it('random option combinations', async () => {
    await fc.assert(
      fc.asyncProperty(ceCase, async ({ o, logits, probRows, softRows, classes, classWeights, row }) => {
        const input = o.probs ? matrixText(probRows) : matrixText(logits.map((r) => r.map((v) => v / 10)));
        const argv = ['ce', input, '--grad', '-r', o.reduction, '-p', String(o.decimals), '--row', String(row)];
        const offset = o.oneBased ? 1 : 0;
        if (o.soft) argv.push('--target-probs', matrixText(softRows));
        else argv.push('-y', classes.map((y) => (y === null ? -100 : y + offset)).join(','));
        if (o.oneBased) argv.push('--one-based');
        if (o.probs) argv.push('--probs');
        const weight = o.weights !== undefined ? classWeights : undefined;
        if (weight) argv.push('-w', weight.join(','));
        if (o.smoothing !== undefined) argv.push('--label-smoothing', String(o.smoothing));
        if (o.temperature !== undefined && !o.probs) argv.push('-t', String(o.temperature));
        if (o.base !== undefined) argv.push('--base', o.base);
        const { json, e } = await explainJson(argv);
        const d = o.decimals;
        const r = row - 1;
        const checked = checkArithmetic(e, EXACT_BELOW);
        const ignored = !o.soft && classes[r] === null;
        if (!ignored) expect(checked, argv.join(' ')).toBeGreaterThan(o.probs ? 1 : 4);

        // What 'mean' divides by: Σ w_y over the rows counted (their count unweighted), N for soft targets.
        const den = o.soft ? o.N : classes.reduce<number>((s, y) => (y === null ? s : s + (weight ? weight[y] : 1)), 0);
        const share = o.reduction === 'mean' ? den : 1;
        const losses = (json.losses as unknown[]).map(jsonNumber);
        const grad = (json.grad as unknown[][])[r].map(jsonNumber);
        const probs = (json.probs as unknown[][])[r].map(jsonNumber);
        const alone = o.N === 1 && (o.reduction !== 'mean' || den === 1);
        const L = alone ? 'L' : `L${'₀₁₂₃₄₅₆₇₈₉'[row]}`;
        const all = formulas(e);
        const stepsOnly = all.filter((f) => f.step < e.steps.length);
        let anchors = 0;
        for (const { text } of stepsOnly) {
          // The row's loss.
          if (text.startsWith(`${L} = `)) {
            expectPrinted(lastNumber(text), losses[r], d, text);
            anchors++;
          }
          // Each gradient entry, as the row's own (× the share) and in the reported loss's gradient.
          const entry = new RegExp(`^∂${L}/∂[zp]([₀-₉]+) = `).exec(text);
          if (entry) {
            const c = fromSubscript(entry[1]) - offset;
            expectPrinted(lastNumber(text), grad[c] * share, d, text);
            anchors++;
          }
          const shared = /^∂\S+\/∂[zp] \/ (\S+) = \[(.*)\]$/.exec(text);
          if (shared) {
            expect(Number(shared[1]), text).toBeCloseTo(den, 5);
            shared[2].split(', ').forEach((v, c) => {
              expectPrinted(readPrinted(v), grad[c], d, text);
            });
            anchors++;
          }
          // The probabilities.
          const p = /^p([₀-₉]+) = .* = (\S+)$/.exec(text);
          if (p && !text.includes('exp('))
            expectPrinted(lastNumber(text), probs[fromSubscript(p[1]) - offset], d, text);
          const target = /^P\(target\) = /.exec(text);
          if (target && !o.soft) expectPrinted(lastNumber(text), probs[classes[r]!], d, text);
          // The softmax's Jacobian: ∂p_k/∂zⱼ = p_k(δ_kj − pⱼ).
          const jac = /^∂p([₀-₉]+)\/∂z = \[(.*)\]$/.exec(text);
          if (jac) {
            const k = fromSubscript(jac[1]) - offset;
            jac[2].split(', ').forEach((v, j) => {
              expectPrinted(
                readPrinted(v),
                (probs[k] * ((k === j ? 1 : 0) - probs[j])) / (o.temperature ?? 1),
                d,
                text,
              );
            });
          }
          // One step of descent: up where the entry is negative, by η·|entry|.
          const step = descentClaim(text);
          if (step) {
            const c = fromSubscript(step.name.slice(1)) - offset;
            expect(step.up, text).toBe(grad[c] <= 0);
            expectPrinted(step.by, Math.abs(grad[c] * share), d, text);
            anchors++;
          }
        }
        if (!ignored) expect(anchors, argv.join(' ')).toBeGreaterThan(o.probs ? 1 : 3);
        // Which way descent moves each logit, as the sentence says.
        for (const claim of signClaims(e)) {
          const value = (name: string) => grad[fromSubscript(name.slice(1)) - offset];
          for (const n of claim.raises) expect(value(n), `raises ${n}`).toBeLessThan(0);
          for (const n of claim.lowers) expect(value(n), `lowers ${n}`).toBeGreaterThan(0);
          for (const n of claim.stays) expect(value(n), `leaves ${n}`).toBe(0);
          if (claim.most) expect(value(claim.most)).toBe(Math.max(...claim.lowers.map(value)));
        }
        // The reported loss and what it divides by.
        const rest = all.filter((f) => f.step === e.steps.length);
        for (const { text } of rest) {
          const each = /^L(\S+) = (\S+)/.exec(text);
          if (each && each[1] !== '') {
            const i = fromSubscript(each[1].replace('←', '')) - 1;
            if (!Number.isNaN(i) && i >= 0) expectPrinted(readPrinted(each[2]), losses[i], d, text);
          }
          const total = /^L = .*\/ (\S+) = (\S+)$/.exec(text.replace(/ (bits|bans|nats)$/, ''));
          if (total) {
            expect(Number(total[1]), text).toBeCloseTo(den, 5);
            expectPrinted(readPrinted(total[2]), jsonNumber(json.loss), d, text);
          }
        }
        const moves = e.steps.flatMap((s) => s.lines).filter((l) => /the loss (falls|rises) to/.test(l.text));
        for (const l of moves) {
          const [, how, after, before] =
            /the loss (falls|rises) to (\S+)(?: bits| bans| nats)? \(before (\S+?)(?: bits| bans| nats)?\)/.exec(
              l.text,
            )!;
          if (how === 'falls') expect(readPrinted(after)).toBeLessThanOrEqual(readPrinted(before));
          else expect(readPrinted(after)).toBeGreaterThanOrEqual(readPrinted(before));
        }
      }),
      { numRuns: 120 },
    );
  });
});
