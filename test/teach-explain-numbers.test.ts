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
  checkDirections,
  checkRest,
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
    // ε/(C − 1) on the other classes instead of PyTorch's ε/C, and Keras's sample weights.
    others: fc.boolean(),
    sampleWeights: fc.boolean(),
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
      rowWeights: fc.array(fc.constantFrom(0, 0.5, 1, 2), { minLength: o.N, maxLength: o.N }),
      row: fc.integer({ min: 1, max: o.N }),
    }),
  )
  .filter(({ o, classes }) => o.soft || o.reduction !== 'mean' || classes.some((y) => y !== null));

describe('--explain ce: every number is the computed one, every direction its sign', () => {
  it('random option combinations', async () => {
    await fc.assert(
      fc.asyncProperty(ceCase, async ({ o, logits, probRows, softRows, classes, classWeights, rowWeights, row }) => {
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
        if (o.others) argv.push('--smoothing-style', 'others');
        const sample = o.sampleWeights ? rowWeights : undefined;
        if (sample) argv.push('--sample-weight', sample.join(','));
        if (o.temperature !== undefined && !o.probs) argv.push('-t', String(o.temperature));
        if (o.base !== undefined) argv.push('--base', o.base);
        const { json, e } = await explainJson(argv);
        const d = o.decimals;
        const r = row - 1;
        const checked = checkArithmetic(e, EXACT_BELOW);
        const ignored = !o.soft && classes[r] === null;
        if (!ignored) expect(checked, argv.join(' ')).toBeGreaterThan(o.probs ? 1 : 4);

        // What 'mean' divides by: Σ w_y over the rows counted (their count unweighted), N for soft
        // targets; with Keras's sample weights, the rows counted.
        const den = o.soft
          ? o.N
          : classes.reduce<number>((s, y) => (y === null ? s : s + (weight && !sample ? weight[y] : 1)), 0);
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

const small = fc.integer({ min: -30, max: 30 }).map((v) => v / 10);

describe('--explain entropy and kl: every term and sum is the computed one', () => {
  it('entropy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((N) =>
          fc.record({
            rows: fc.array(distribution(3, false), { minLength: N, maxLength: N }),
            base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
            row: fc.integer({ min: 1, max: N }),
          }),
        ),
        async ({ rows, base, row }) => {
          const argv = ['entropy', matrixText(rows), '--row', String(row)];
          if (base) argv.push('--base', base);
          const { json, e } = await explainJson(argv);
          expect(checkArithmetic(e, EXACT_BELOW)).toBeGreaterThan(4);
          const h = (json.entropy as number[]).map(jsonNumber);
          const named = formulas(e).find((f) => /^H[₀-₉]* = /.test(f.text) && f.step < e.steps.length)!;
          expectPrinted(lastNumber(named.text.replace(/ (bits|bans|nats)$/, '')), h[row - 1], 4, named.text);
          const perplexity = formulas(e).find((f) => /^(e|2|10)\^H = /.test(f.text))!;
          expectPrinted(
            lastNumber(perplexity.text),
            jsonNumber((json.perplexity as number[])[row - 1]),
            4,
            perplexity.text,
          );
          checkRest(e, 'H', h, jsonNumber(json.mean_entropy), rows.length, 4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('kl: distributions, logits or a log target, and every reduction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }).chain((N) =>
          fc.record({
            p: fc.array(distribution(3, false), { minLength: N, maxLength: N }),
            positiveP: fc.array(distribution(3, true), { minLength: N, maxLength: N }),
            q: fc.array(distribution(3, true), { minLength: N, maxLength: N }),
            a: fc.array(fc.array(small, { minLength: 3, maxLength: 3 }), { minLength: N, maxLength: N }),
            b: fc.array(fc.array(small, { minLength: 3, maxLength: 3 }), { minLength: N, maxLength: N }),
            inputs: fc.constantFrom('probs', 'probs', 'logits', 'log-target'),
            temperature: fc.option(fc.constantFrom(0.5, 2, 4), { nil: undefined }),
            reduction: fc.option(fc.constantFrom('batchmean', 'mean', 'sum', 'none'), { nil: undefined }),
            base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
            row: fc.integer({ min: 1, max: N }),
          }),
        ),
        async (o) => {
          const N = o.p.length;
          const argv = ['kl', '--row', String(o.row)];
          if (o.inputs === 'logits') {
            argv.push('--p', matrixText(o.a), '--q', matrixText(o.b), '--logits');
            if (o.temperature !== undefined) argv.push('-t', String(o.temperature));
          } else if (o.inputs === 'log-target') {
            const logs = o.positiveP.map((r) => r.map((v) => String(Math.log(v))).join(',')).join(';');
            argv.push('--p', logs, '--q', matrixText(o.q), '--log-target');
          } else argv.push('--p', matrixText(o.p), '--q', matrixText(o.q));
          if (o.reduction) argv.push('-r', o.reduction);
          if (o.base) argv.push('--base', o.base);
          const { json, e } = await explainJson(argv);
          expect(checkArithmetic(e, EXACT_BELOW), argv.join(' ')).toBeGreaterThan(
            o.inputs === 'probs' ? 5 : o.inputs === 'log-target' ? 6 : 9,
          );
          const kl = (json.kl as number[]).map(jsonNumber);
          const strip = (s: string) => s.replace(/ (bits|bans|nats)$/, '');
          const named = formulas(e).find((f) => /^KL[₀-₉]* = /.test(f.text) && f.step < e.steps.length)!;
          expectPrinted(lastNumber(strip(named.text)), kl[o.row - 1], 4, named.text);
          const hp = formulas(e).find((f) => f.text.startsWith('H(P) = '))!;
          expectPrinted(lastNumber(strip(hp.text)), jsonNumber((json.entropy as number[])[o.row - 1]), 4, hp.text);
          const cross = formulas(e).find((f) => f.text.startsWith('H(P, Q) = −'))!;
          expectPrinted(
            lastNumber(strip(cross.text)),
            jsonNumber((json.cross_entropy as number[])[o.row - 1]),
            4,
            cross.text,
          );
          if (o.inputs !== 'probs') {
            // The distributions the derivation makes are those the divergence took: H(P) from them.
            const made = formulas(e).find((f) => /^P = .* = \[/.test(f.text))!;
            const P = /= \[([^\]]*)\]$/.exec(made.text)![1].split(', ').map(readPrinted);
            const h = P.reduce((s, v) => (v > 0 ? s - v * Math.log(v) : s), 0);
            const unit = o.base === '2' ? Math.LN2 : o.base === '10' ? Math.LN10 : 1;
            expect(Math.abs(h / unit - jsonNumber((json.entropy as number[])[o.row - 1])), made.text).toBeLessThan(
              2e-3,
            );
          }
          const rest = formulas(e).filter((f) => f.step === e.steps.length);
          if (o.reduction === undefined) {
            checkRest(e, 'KL', kl, jsonNumber(json.mean_kl), N, 4);
          } else if (o.reduction === 'none') {
            const line = rest.find((f) => /^KL[₀-₉]*ⱼ = \[/.test(f.text))!;
            const printed = /\[([^\]]*)\]/.exec(line.text)![1].split(', ').map(readPrinted);
            const elements = (json.elements as unknown[][])[o.row - 1].map(jsonNumber);
            printed.forEach((v, j) => {
              expectPrinted(v, elements[j], 4, line.text);
            });
          } else {
            // The reported loss and what it divides by: the rows (batchmean), the elements (mean), nothing (sum).
            const total = rest.find((f) => f.text.startsWith('L = '))!;
            expect(total, JSON.stringify(rest)).toBeDefined();
            expectPrinted(lastNumber(strip(total.text)), jsonNumber(json.loss), 4, total.text);
            const den = /\) \/ (\S+) = /.exec(total.text)?.[1];
            expect(den === undefined ? undefined : Number(den), total.text).toBe(
              o.reduction === 'sum' ? undefined : o.reduction === 'batchmean' ? N : 3 * N,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('--explain bce: every number is the computed one, every direction its sign', () => {
  it('random option combinations', async () => {
    const bceCase = fc
      .record({ N: fc.integer({ min: 1, max: 3 }), C: fc.integer({ min: 1, max: 4 }) })
      .chain(({ N, C }) =>
        fc.record({
          N: fc.constant(N),
          C: fc.constant(C),
          logits: fc.array(fc.array(small, { minLength: C, maxLength: C }), { minLength: N, maxLength: N }),
          probs: fc.array(
            fc.array(
              fc.integer({ min: 1, max: 19 }).map((v) => v / 20),
              { minLength: C, maxLength: C },
            ),
            {
              minLength: N,
              maxLength: N,
            },
          ),
          targets: fc.array(fc.array(fc.constantFrom(0, 1, 1, 0, 0.3), { minLength: C, maxLength: C }), {
            minLength: N,
            maxLength: N,
          }),
          posWeight: fc.option(fc.array(fc.constantFrom(0.5, 1, 3), { minLength: C, maxLength: C }), {
            nil: undefined,
          }),
          weight: fc.option(fc.array(fc.constantFrom(0.5, 1, 2), { minLength: C, maxLength: C }), { nil: undefined }),
          inputIsProbs: fc.boolean(),
          reduction: fc.constantFrom('mean', 'sum', 'none'),
          base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
          row: fc.integer({ min: 1, max: N }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(bceCase, async (o) => {
        const argv = ['bce', matrixText(o.inputIsProbs ? o.probs : o.logits), '--targets', matrixText(o.targets)];
        argv.push('-g', '-r', o.reduction, '--row', String(o.row));
        if (o.inputIsProbs) argv.push('--probs');
        if (o.posWeight) argv.push('--pos-weight', o.posWeight.join(','));
        if (o.weight) argv.push('-w', o.weight.join(','));
        if (o.base) argv.push('--base', o.base);
        const { json, e } = await explainJson(argv);
        const r = o.row - 1;
        expect(checkArithmetic(e, EXACT_BELOW), argv.join(' ')).toBeGreaterThan(2 * o.C);
        const share = o.reduction === 'mean' ? o.N * o.C : 1;
        const grad = Array.from((json.grad as unknown[][])[r], jsonNumber);
        const losses = Array.from(json.losses as unknown[][], (row) => Array.from(row, jsonNumber));
        const probs = Array.from((json.probs as unknown[][])[r], jsonNumber);
        const alone = o.N === 1 && (o.C === 1 || o.reduction !== 'mean');
        const L = alone ? 'L' : `L${'₀₁₂₃₄₅₆₇₈₉'[o.row]}`;
        const steps = formulas(e).filter((f) => f.step < e.steps.length);
        let anchors = 0;
        for (const { text } of steps) {
          const element = /^ℓ([₀-₉]+) = /.exec(text);
          if (element) {
            expectPrinted(lastNumber(text), losses[r][fromSubscript(element[1])], 4, text);
            anchors++;
          }
          if (text.startsWith(`${L} = `)) {
            const sum = losses[r].reduce((a, b) => a + b, 0);
            expectPrinted(lastNumber(text.replace(/ (bits|bans|nats)$/, '')), sum, 4, text);
            anchors++;
          }
          const entry = new RegExp(`^∂${L}/∂[zp]([₀-₉]+) = `).exec(text);
          if (entry) {
            expectPrinted(lastNumber(text), grad[fromSubscript(entry[1])] * share, 4, text);
            anchors++;
          }
          const p = /^p([₀-₉]+) = σ/.exec(text);
          if (p) expectPrinted(lastNumber(text), probs[fromSubscript(p[1])], 4, text);
        }
        expect(anchors, argv.join(' ')).toBeGreaterThanOrEqual(2 * o.C + 1);
        checkDirections(e, (name) => grad[fromSubscript(name.slice(1))], share, 4);
        const rowTotals = losses.map((row) => row.reduce((a, b) => a + b, 0));
        if (!alone)
          checkRest(e, 'L', rowTotals, o.reduction === 'none' ? undefined : jsonNumber(json.loss), o.N * o.C, 4);
      }),
      { numRuns: 100 },
    );
  });
});

/** The value a formula line `∂L/∂<name> = … = v` gives, by name. */
function gradientByName(e: ExplainJson): Map<string, number> {
  const out = new Map<string, number>();
  for (const { text } of formulas(e)) {
    const m = /^∂L\/∂(\S+) = .* = (\S+)$/.exec(text);
    if (m && !text.includes('[')) out.set(m[1], readPrinted(m[2]));
  }
  return out;
}

const cosines = (m: number[][]) => {
  const norm = m.map((r) => Math.sqrt(r.reduce((a, v) => a + v * v, 0)));
  return m.map((a, i) => m.map((b, j) => a.reduce((s, v, c) => s + v * b[c], 0) / (norm[i] * norm[j])));
};

const embeddingRows = (n: number, dims: number) =>
  fc
    .array(
      fc.array(
        fc.integer({ min: -9, max: 9 }).map((v) => v / 10),
        { minLength: dims, maxLength: dims },
      ),
      {
        minLength: n,
        maxLength: n,
      },
    )
    .filter((rows) => rows.every((r) => r.some((v) => v !== 0)));

describe('--explain siglip, ntxent, supcon: every number is the computed one, every direction its sign', () => {
  it('clip, with several positives (--labels), from logits or from embeddings', async () => {
    const clipCase = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        logits: fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        image: embeddingRows(n, 2),
        text: embeddingRows(n, 2),
        fromEmbeddings: fc.boolean(),
        scale: fc.constantFrom(1, 5, 10),
        labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
        base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
        row: fc.integer({ min: 1, max: n }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(clipCase, async (o) => {
        const argv = o.fromEmbeddings
          ? ['clip', '--image', matrixText(o.image), '--text', matrixText(o.text), '-s', String(o.scale)]
          : ['clip', matrixText(o.logits), '-s', String(o.scale)];
        argv.push('-g', '--row', String(o.row), '--labels', o.labels.join(','));
        if (o.base) argv.push('--base', o.base);
        const { json, e } = await explainJson(argv);
        expect(checkArithmetic(e, EXACT_BELOW), argv.join(' ')).toBeGreaterThan(3 * o.n);
        const r = o.row - 1;
        const sub = (k: number) => '₀₁₂₃₄₅₆₇₈₉'[k];
        // The row's positives, named in both directions, their probabilities and the two losses.
        const positives = o.labels.map((_, j) => j).filter((j) => o.labels[j] === o.labels[r]);
        const text = e.steps.flatMap((s) => s.lines.map((l) => l.text)).join('\n');
        expect(text, argv.join(' ')).toContain(`here ${positives.map((j) => j + 1).join(', ')}.`);
        const probOf = (prefix: string) => formulas(e).find((f) => f.text.startsWith(prefix) && !f.text.includes('Σ'))!;
        const pI2t = json.probs_i2t as unknown[][];
        const pT2i = json.probs_t2i as unknown[][];
        for (const j of positives) {
          const p = probOf(`p${sub(o.row)}${sub(j + 1)} = `);
          expectPrinted(lastNumber(p.text), jsonNumber(pI2t[r][j]), 4, p.text);
          const q = probOf(`q${sub(j + 1)}${sub(o.row)} = `);
          expectPrinted(lastNumber(q.text), jsonNumber(pT2i[j][r]), 4, q.text);
        }
        const unitless = (s: string) => s.replace(/ (bits|bans|nats)$/, '');
        for (const [dir, key] of [
          ['i→t', 'losses_i2t'],
          ['t→i', 'losses_t2i'],
        ] as const) {
          const line = formulas(e).find((l) => l.text.startsWith(`ℓ${sub(o.row)}(${dir}) = `))!;
          expectPrinted(lastNumber(unitless(line.text)), jsonNumber((json[key] as unknown[])[r]), 4, line.text);
        }
        const grad = Array.from((json.grad_logits as unknown[][])[r], jsonNumber);
        const byName = gradientByName(e);
        const name = (j: number) => `s${sub(o.row)}${sub(j + 1)}`;
        grad.forEach((g, j) => {
          expect(byName.has(name(j)), name(j)).toBe(true);
          expectPrinted(byName.get(name(j))!, g, 4, name(j));
        });
        checkDirections(e, (n) => grad[fromSubscript(n.slice(2)) - 1], 1, 4);
        const total = formulas(e).find((l) => l.text.startsWith('L = '));
        expectPrinted(lastNumber(unitless(total!.text)), jsonNumber(json.loss), 4, total!.text);
      }),
      { numRuns: 60 },
    );
  });

  it('siglip, from logits or from embeddings', async () => {
    const siglipCase = fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        logits: fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        image: embeddingRows(n, 2),
        text: embeddingRows(n, 2),
        fromEmbeddings: fc.boolean(),
        scale: fc.constantFrom(1, 5, 10),
        bias: fc.constantFrom(0, -2, -10),
        library: fc.constantFrom(undefined, undefined, 'open_clip', 'hf'),
        // Several matching pairs: every pair of one label.
        labels: fc.option(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }), { nil: undefined }),
        base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
        row: fc.integer({ min: 1, max: n }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(siglipCase, async (o) => {
        const argv = o.fromEmbeddings
          ? [
              'siglip',
              '--image',
              matrixText(o.image),
              '--text',
              matrixText(o.text),
              ...(o.library ? ['--as', o.library] : ['-s', String(o.scale), '-b', String(o.bias)]),
            ]
          : ['siglip', matrixText(o.logits)];
        argv.push('-g', '--row', String(o.row));
        if (o.base) argv.push('--base', o.base);
        if (o.labels) argv.push('--labels', o.labels.join(','));
        const { json, e } = await explainJson(argv);
        expect(checkArithmetic(e, EXACT_BELOW), argv.join(' ')).toBeGreaterThan(3 * o.n);
        const r = o.row - 1;
        const grad = Array.from((json.grad_logits as unknown[][])[r], jsonNumber);
        const byName = gradientByName(e);
        const name = (j: number) => `x${'₀₁₂₃₄₅₆₇₈₉'[o.row]}${'₀₁₂₃₄₅₆₇₈₉'[j + 1]}`;
        grad.forEach((g, j) => {
          expect(byName.has(name(j)), name(j)).toBe(true);
          expectPrinted(byName.get(name(j))!, g, 4, name(j));
        });
        checkDirections(e, (n) => grad[fromSubscript(n.slice(2)) - 1], 1, 4);
        if (o.fromEmbeddings) {
          // The scale's and the bias's gradients, and log scale's (what open_clip and hf learn).
          const named = (prefix: string) =>
            formulas(e).find((f) => f.text.startsWith(prefix) && !f.text.includes('Σ'))!;
          expectPrinted(lastNumber(named('∂L/∂t = ').text), jsonNumber(json.grad_scale), 4, 'grad_scale');
          expectPrinted(
            lastNumber(named('∂L/∂log t = ').text),
            jsonNumber(json.grad_logit_scale),
            4,
            'grad_logit_scale',
          );
          const bias = formulas(e).find((f) => f.text.startsWith('∂L/∂b = '))!;
          expectPrinted(lastNumber(bias.text), jsonNumber(json.grad_bias), 4, 'grad_bias');
          const line = formulas(e).find((f) => /^x[₀-₉]+ = /.test(f.text))!;
          const printed = /= \[([^\]]*)\]$/.exec(line.text)![1].split(', ').map(readPrinted);
          printed.forEach((v, j) => {
            expectPrinted(v, jsonNumber((json.logits as unknown[][])[r][j]), 4, line.text);
          });
        }
        const total = formulas(e).find((f) => f.step === e.steps.length && f.text.startsWith('L = '));
        if (total)
          expectPrinted(lastNumber(total.text.replace(/ (bits|bans|nats)$/, '')), jsonNumber(json.loss), 4, total.text);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['ntxent', 'supcon'])('%s, with the conventions of the libraries', async (command) => {
    const othersCase = fc.integer({ min: 2, max: 3 }).chain((half) =>
      fc.record({
        rows: embeddingRows(2 * half, 3),
        labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2 * half, maxLength: 2 * half }),
        temperature: fc.constantFrom(0.5, 1, 0.2),
        adjacent: fc.boolean(),
        // SupContrast's conventions, SimCLR's reported figure, PML's labels (ntxent), singletons as 0 (supcon).
        baseTemperature: fc.option(fc.constantFrom(0.07, 0.5, 1), { nil: undefined, freq: 2 }),
        contrastOne: fc.boolean(),
        noNormalize: fc.boolean(),
        simclr: fc.boolean(),
        pml: fc.constantFrom(false, false, true),
        zero: fc.boolean(),
        base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
        row: fc.integer({ min: 1, max: 2 * half }),
      }),
    );
    const hasPositive = (labels: number[], i: number) => labels.some((l, j) => j !== i && l === labels[i]);
    await fc.assert(
      fc.asyncProperty(
        othersCase.filter((o) => {
          const n = o.rows.length;
          if (command === 'ntxent') return !o.pml || o.labels.some((_, i) => hasPositive(o.labels, i));
          const anchors = o.labels.map((_, i) => i).filter((i) => !o.contrastOne || i < n / 2);
          return anchors.some((i) => hasPositive(o.labels, i));
        }),
        async (o) => {
          const n = o.rows.length;
          const pml = command === 'ntxent' && o.pml;
          // SimCLR has no labels: ntxent refuses --as simclr with PML's --labels.
          const simclr = command === 'ntxent' && o.simclr && !pml;
          const argv = [command, matrixText(o.rows), '-t', String(o.temperature), '--row', String(o.row)];
          if (command === 'ntxent' && !pml && o.adjacent) argv.push('--pairs', 'adjacent');
          if (command === 'supcon' || pml) argv.push('--labels', o.labels.join(','));
          if (!pml && o.baseTemperature !== undefined) argv.push('--base-temperature', String(o.baseTemperature));
          if (!pml && o.contrastOne) argv.push('--contrast-mode', 'one');
          if (o.noNormalize) argv.push('--no-normalize');
          if (simclr) argv.push('--as', 'simclr');
          if (command === 'supcon' && o.zero) argv.push('--singletons', 'zero');
          if (o.base) argv.push('--base', o.base);
          const { json, e } = await explainJson(argv);
          const i = o.row - 1;
          const losses = (json.losses as unknown[]).map((v) => (v === null ? null : jsonNumber(v)));
          const noTerm = losses[i] === null || (losses[i] === 0 && o.zero && !hasPositive(o.labels, i));
          expect(checkArithmetic(e, EXACT_BELOW), argv.join(' ')).toBeGreaterThan(noTerm ? -1 : 3 * (n - 1));
          // The similarities (cosines, or raw dot products) and the softmax over the other rows, from the test's own.
          const s = o.noNormalize
            ? o.rows.map((r) => r.reduce((a, v, c) => a + v * o.rows[i][c], 0))
            : cosines(o.rows)[i];
          const exps = s.map((v, j) => (j === i ? 0 : Math.exp(v / o.temperature)));
          const sum = exps.reduce((a, b) => a + b, 0);
          const negatives = exps.reduce((a, v, j) => (j !== i && o.labels[j] !== o.labels[i] ? a + v : a), 0);
          const unit = o.base === '2' ? Math.LN2 : o.base === '10' ? Math.LN10 : 1;
          let anchors = 0;
          for (const { text } of formulas(e)) {
            const sim = /^s([₀-₉])([₀-₉]) = /.exec(text);
            if (sim) {
              expectPrinted(lastNumber(text), s[fromSubscript(sim[2]) - 1], 4, text);
              anchors++;
            }
            const p = /^p([₀-₉])([₀-₉]) = /.exec(text);
            if (p) {
              expectPrinted(lastNumber(text), exps[fromSubscript(p[2]) - 1] / sum, 4, text);
              anchors++;
            }
            // PML: each positive pair's loss, its softmax over the positive and the negatives only.
            const pair = /^ℓ([₀-₉])([₀-₉]) = /.exec(text);
            if (pair) {
              const e = exps[fromSubscript(pair[2]) - 1];
              expectPrinted(lastNumber(text), -Math.log(e / (e + negatives)) / unit, 4, text);
              anchors++;
            }
            const emb = /^∂L\/∂x([₀-₉]) = \[(.*)\]$/.exec(text);
            if (emb) {
              emb[2].split(', ').forEach((v, c) => {
                expectPrinted(readPrinted(v), jsonNumber((json.grad as unknown[][])[i][c]), 4, text);
              });
              anchors++;
            }
            if (new RegExp(`^L${'₀₁₂₃₄₅₆₇₈₉'[o.row]} = `).test(text) && !noTerm) {
              expectPrinted(lastNumber(text.replace(/ (bits|bans|nats)$/, '')), losses[i]!, 4, text);
              anchors++;
            }
            if (text.startsWith('L_SimCLR = '))
              expectPrinted(lastNumber(text.replace(/ (bits|bans|nats)$/, '')), jsonNumber(json.simclr_loss), 4, text);
          }
          if (!noTerm) expect(anchors, argv.join(' ')).toBeGreaterThanOrEqual(pml ? n + 1 : 2 * (n - 1) + 2);
          expect(formulas(e).some((f) => f.text.startsWith('L_SimCLR = '))).toBe(simclr);
          // τ/base_temperature said with its factor, contrast mode one with its anchors.
          const prose = e.steps
            .flatMap((step) => step.lines)
            .concat(e.rest?.lines ?? [])
            .map((l) => l.text)
            .join(' ');
          if (!pml && o.baseTemperature !== undefined && !noTerm)
            expect(prose).toContain(
              `τ / base_temperature = ${o.temperature.toFixed(1)} / ${o.baseTemperature === 0.07 ? '0.07' : o.baseTemperature.toFixed(1)}`,
            );
          if (!pml && o.contrastOne) expect(prose).toContain('anchors are the first view only');
          const byName = gradientByName(e);
          checkDirections(e, (name) => byName.get(name)!, 1, 4);
          const counted = losses.filter((l) => l !== null).length;
          checkRest(
            e,
            'L',
            losses.map((l) => l ?? NaN),
            jsonNumber(json.loss),
            pml ? jsonNumber(json.pairs) : counted,
            4,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
