// clip --explain of one rank's local_loss (--world-size/--rank, or --text-logits/--label-offset):
// over random W, R, n (and rectangles with random offsets), every equality printed holds at the
// precision printed, every named number is the report's (-f json -g of the same run), every
// direction the sign of its gradient entry, and each sentence's claim is checked on its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';
import {
  type ExplainJson,
  checkArithmetic,
  checkDirections,
  expectPrinted,
  formulas,
  fromSubscript,
  jsonNumber,
  lastNumber,
} from './helpers/explain-check.js';

/** Inputs have at most 2 decimals, so a number printed with fewer than 3 is exact. */
const EXACT_BELOW = 3;

async function run(argv: string[], lang = 'en') {
  const r = await xent([...argv, '-f', 'json', '--lang', lang]);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { explanation: ExplainJson };
}

const decimalText = (x: number) => String(Math.round(x * 100) / 100);
const matrixText = (m: number[][]) => m.map((row) => row.map(decimalText).join(',')).join(';');
const small = fc.integer({ min: -30, max: 30 }).map((v) => v / 10);
const rowsOf = (count: number, cols: number, value = small) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: count, maxLength: count });
const embeddingRows = (count: number) =>
  rowsOf(
    count,
    2,
    fc.integer({ min: -9, max: 9 }).map((v) => v / 10),
  ).filter((rows) => rows.every((r) => r.some((v) => v !== 0)));

const sub = (k: number) => [...String(k)].map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('');
const unitless = (s: string) => s.replace(/ (bits|bans|nats)$/, '');
const textOf = (e: ExplainJson) => e.steps.flatMap((s) => s.lines.filter((l) => l.kind === 'text').map((l) => l.text));
const matrix = (v: unknown) => (v as unknown[][]).map((row) => row.map(jsonNumber));

function formulaStarting(e: ExplainJson, prefix: string): string {
  const found = formulas(e).filter((f) => f.text.startsWith(prefix));
  expect(found.length, prefix).toBeGreaterThan(0);
  return found[0].text;
}

/** `∂L/∂a₁₃ = … = v` lines: entry name → printed value. */
function gradientByName(e: ExplainJson): Map<string, number> {
  const out = new Map<string, number>();
  for (const { text } of formulas(e)) {
    const m = /^∂L\/∂([ab]\S+) = .* = (\S+)$/.exec(text);
    if (m && !text.includes('Σ')) out.set(m[1], lastNumber(m[2]));
  }
  return out;
}

/**
 * What every local explanation must say, checked against the report of the same run: the rank's
 * rows and offset, p and q of the positive, the row's losses, the two means and their average,
 * the chance level ln N and the loss over it, the gradient of the row in both matrices, the
 * direction of each descent step and sign sentence. Returns the local row (0-based) and n, N.
 */
function checkLocal(json: Record<string, unknown>, e: ExplainJson, row: number, argv: string[]) {
  const where = argv.join(' ');
  const perImage = matrix(json.logits_per_image);
  const n = perImage.length;
  const N = perImage[0].length;
  const offset = Number(json.label_offset);
  const r = row - 1;
  const g = offset + r; // the positive column, 0-based
  expect(checkArithmetic(e, EXACT_BELOW), where).toBeGreaterThan(6);
  expect(e.title).toBe(`open_clip’s local_loss, explained for local row ${row} of ${n} (pair ${g + 1} of ${N})`);
  expect(lastNumber(formulaStarting(e, 'local row '))).toBe(g + 1);
  const text = textOf(e).join('\n');
  expect(text, where).toContain(`the positive in column offset + i = ${g + 1}.`);
  expect(text).toContain(`a softmax along row ${row} of logits_per_text, the positive in the same column ${g + 1}.`);
  // p and q of the positive (the first P = … is image → text, the second text → image).
  const ps = formulas(e).filter((f) => f.text.startsWith('P = '));
  expect(ps.length).toBe(2);
  expectPrinted(lastNumber(ps[0].text), matrix(json.probs_i2t)[r][g], 4, ps[0].text);
  expectPrinted(lastNumber(ps[1].text), matrix(json.probs_t2i)[r][g], 4, ps[1].text);
  for (const [dir, key] of [
    ['i→t', 'losses_i2t'],
    ['t→i', 'losses_t2i'],
  ] as const) {
    const line = formulaStarting(e, `ℓ${sub(row)}(${dir}) = `);
    expectPrinted(lastNumber(unitless(line)), jsonNumber((json[key] as unknown[])[r]), 4, line);
    const mean = formulaStarting(e, `L(${dir}) = `);
    expect(mean, 'the mean over the n local rows').toMatch(new RegExp(`\\) / ${n} = `));
    expectPrinted(lastNumber(mean), jsonNumber(json[key === 'losses_i2t' ? 'loss_i2t' : 'loss_t2i']), 4, mean);
  }
  const total = formulaStarting(e, 'L = ');
  expectPrinted(lastNumber(unitless(total)), jsonNumber(json.loss), 4, total);
  // The chance level: log N of the N columns, and the loss over it, as the report's.
  const chance = formulas(e).find((f) => / N = \S+ \d+ = /.test(f.text) && !f.text.startsWith('L '))!;
  expect(chance.text).toContain(` ${N} = `);
  expectPrinted(lastNumber(unitless(chance.text)), jsonNumber(json.chance), 4, chance.text);
  if (N > 1) {
    const ratio = formulaStarting(e, 'L / ');
    expectPrinted(lastNumber(ratio), jsonNumber(json.loss_over_chance), 4, ratio);
  }
  expect(text).toContain(`Each direction is F.cross_entropy’s mean over this rank’s n = ${n} local rows`);
  expect(text).toContain(`divided by 2n = ${2 * n} for the mean`);
  expect(text).toContain(`(not by 2N = ${2 * N}:`);
  // The row's gradient in both matrices: every entry shown is the report's, the positive always shown.
  const grads = { a: matrix(json.grad_logits_per_image)[r], b: matrix(json.grad_logits_per_text)[r] };
  const byName = gradientByName(e);
  const sep = N >= 10 ? ',' : '';
  const entry = (name: string) => {
    const letter = name[0] as 'a' | 'b';
    const [i, j] = sep
      ? name.slice(1).split(',').map(fromSubscript)
      : [row, fromSubscript(name.slice(1 + sub(row).length))];
    expect(i, name).toBe(row);
    return grads[letter][j - 1];
  };
  for (const letter of ['a', 'b'] as const) {
    expect(byName.has(`${letter}${sub(row)}${sep}${sub(g + 1)}`), `the positive ${letter}`).toBe(true);
    for (let j = 0; j < N; j++) {
      const name = `${letter}${sub(row)}${sep}${sub(j + 1)}`;
      if (byName.has(name)) expectPrinted(byName.get(name)!, grads[letter][j], 4, name);
      else expect(N, `${name} left out`).toBeGreaterThan(7);
    }
  }
  checkDirections(e, entry, 1, 4);
  if (formulas(e).some((f) => f.text.startsWith('∂L/∂scale = (')))
    expect(text).toContain(`this rank’s 2 · n · N = 2 · ${n} · ${N} entries`);
  // After one step of both matrices (η = 1): p of the positive and the rank's loss, recomputed here.
  const logSoftmax = (z: number[]) => {
    const m = Math.max(...z);
    const lse = m + Math.log(z.reduce((acc, v) => acc + Math.exp(v - m), 0));
    return z.map((v) => v - lse);
  };
  const step = (m: number[][], gm: number[][]) => m.map((row, k) => row.map((v, j) => v - gm[k][j]));
  const a2 = step(perImage, matrix(json.grad_logits_per_image));
  const b2 = step(matrix(json.logits_per_text), matrix(json.grad_logits_per_text));
  const perUnit = jsonNumber(json.chance) / Math.log(N) || 1; // the unit's factor (1 in nats)
  const mean = (m: number[][]) => m.reduce((acc, row, k) => acc - logSoftmax(row)[offset + k], 0) / n;
  const lossAfter = ((mean(a2) + mean(b2)) / 2) * perUnit;
  const after =
    /loss (?:falls to|rises to|stays at) (\S+?)(?: bits| bans| nats)?[ ;].*now picks text (\d+) with p = (\S+) \(before (\S+?)\)\./s.exec(
      text,
    );
  expect(after, 'the sentence after the step').not.toBeNull();
  expectPrinted(Number(after![1]), lossAfter, 4, after![0]);
  expect(Number(after![2])).toBe(g + 1);
  expectPrinted(Number(after![3]), Math.exp(logSoftmax(a2[r])[g]), 4, after![0]);
  expectPrinted(Number(after![4]), matrix(json.probs_i2t)[r][g], 4, after![0]);
  return { n, N, offset, g };
}

describe('clip --explain of one rank’s local_loss', () => {
  it('--world-size W --rank R: every number is the report’s, over random W, R, n', async () => {
    const worldCase = fc
      .record({ W: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) })
      .chain(({ W, n }) =>
        fc.record({
          W: fc.constant(W),
          n: fc.constant(n),
          R: fc.integer({ min: 0, max: W - 1 }),
          image: embeddingRows(W * n),
          text: embeddingRows(W * n),
          scale: fc.constantFrom('-s 1', '-s 5', '-s 10', '-t 0.5'),
          normalize: fc.boolean(),
          base: fc.option(fc.constantFrom('2', '10', 'e'), { nil: undefined }),
          row: fc.integer({ min: 1, max: n }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(worldCase, async (o) => {
        const argv = ['clip', '--image', matrixText(o.image), '--text', matrixText(o.text)];
        argv.push('--world-size', String(o.W), '--rank', String(o.R), ...o.scale.split(' '), '-g');
        argv.push('--explain', '--row', String(o.row));
        if (!o.normalize) argv.push('--no-normalize');
        if (o.base) argv.push('--base', o.base);
        const json = await run(argv);
        const e = json.explanation;
        const { offset, N } = checkLocal(json, e, o.row, argv);
        expect(N).toBe(o.W * o.n);
        expect(offset).toBe(o.R * o.n);
        expect(lastNumber(formulaStarting(e, 'n = N / W = '))).toBe(o.n);
        expect(lastNumber(formulaStarting(e, 'offset = rank · n = '))).toBe(o.R * o.n);
        expect(textOf(e).join('\n')).toContain(
          `rank ${o.R} holds n = N / W = ${o.n} of them, pairs ${offset + 1} to ${offset + o.n}.`,
        );
        // The scale's gradient and log scale's: the report's.
        const scale = formulas(e).find((f) => f.text.startsWith('∂L/∂scale = (') && !f.text.includes('Σ'))!;
        expectPrinted(lastNumber(scale.text), jsonNumber(json.grad_scale), 4, scale.text);
        expect(textOf(e).join('\n')).toContain('what -g prints as grad_logit_scale.');
        const logScale = formulaStarting(e, '∂L/∂log scale = ');
        expectPrinted(lastNumber(logScale), jsonNumber(json.grad_logit_scale), 4, logScale);
      }),
      { numRuns: 50 },
    );
  });

  it('--text-logits and --label-offset: every number is the report’s, over random n × N and offsets', async () => {
    const givenCase = fc
      .record({ n: fc.integer({ min: 1, max: 3 }), N: fc.integer({ min: 1, max: 9 }) })
      .filter(({ n, N }) => N >= n)
      .chain(({ n, N }) =>
        fc.record({
          perImage: rowsOf(n, N),
          perText: rowsOf(n, N),
          offset: fc.integer({ min: 0, max: N - n }),
          scale: fc.constantFrom(1, 1, 2),
          base: fc.option(fc.constantFrom('2', '10'), { nil: undefined }),
          row: fc.integer({ min: 1, max: n }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(givenCase, async (o) => {
        const argv = ['clip', matrixText(o.perImage), '--text-logits', matrixText(o.perText)];
        argv.push('--label-offset', String(o.offset), '-s', String(o.scale), '-g', '--explain', '--row', String(o.row));
        if (o.base) argv.push('--base', o.base);
        const json = await run(argv);
        const e = json.explanation;
        const { offset } = checkLocal(json, e, o.row, argv);
        expect(offset).toBe(o.offset);
        expect(textOf(e).join('\n')).toContain(
          `its n = ${o.perImage.length} images against all N = ${o.perImage[0].length} texts`,
        );
        expect(textOf(e).join('\n')).toContain(`offset = --label-offset = ${o.offset} (n · rank`);
        // -g gives ∂L/∂s of the two given matrices (logits s·x, s·x′): a central difference of the loss in s.
        const h = 1e-6;
        const at = async (s: number) =>
          jsonNumber(
            (
              await run([
                'clip',
                matrixText(o.perImage),
                '--text-logits',
                matrixText(o.perText),
                '--label-offset',
                String(o.offset),
                '-s',
                String(s),
                ...(o.base ? ['--base', o.base] : []),
              ])
            ).loss,
          );
        const slope = ((await at(o.scale + h)) - (await at(o.scale - h))) / (2 * h);
        const gradScale = jsonNumber(json.grad_scale);
        expect(Math.abs(gradScale - slope), `grad_scale ${gradScale} vs difference ${slope}`).toBeLessThan(
          1e-6 * (1 + Math.abs(slope)),
        );
        expect(jsonNumber(json.grad_logit_scale)).toBeCloseTo(o.scale * gradScale, 12);
        const scale = formulas(e).find((f) => f.text.startsWith('∂L/∂scale = (') && !f.text.includes('Σ'));
        if (o.scale === 1) {
          expect(scale, 'logits as given: no scale step').toBeUndefined();
          return;
        }
        // The explanation's figures are the report's, and it says -g prints them.
        expectPrinted(lastNumber(scale!.text), gradScale, 4, scale!.text);
        const logScale = formulaStarting(e, '∂L/∂log scale = ');
        expectPrinted(lastNumber(logScale), jsonNumber(json.grad_logit_scale), 4, logScale);
        expect(textOf(e).join('\n')).toContain('what -g prints as grad_logit_scale.');
      }),
      { numRuns: 50 },
    );
  });

  it('many columns (N ≥ 10): entries named a₂,₁₁, the row elided around its positive', async () => {
    const row = (k: number) => Array.from({ length: 12 }, (_, j) => ((j * 7 + k * 5) % 11) / 4 - 1).join(',');
    for (const [offset, r] of [
      [10, 2],
      [0, 1],
      [5, 2],
    ]) {
      const argv = [
        'clip',
        `${row(1)};${row(2)}`,
        '--text-logits',
        `${row(3)};${row(4)}`,
        '--label-offset',
        String(offset),
      ];
      argv.push('-s', '3', '-g', '--explain', '--row', String(r));
      const json = await run(argv);
      checkLocal(json, json.explanation, r, argv);
      const logits = formulas(json.explanation).find((f) => f.text.startsWith(`a${sub(r)}ⱼ = [`))!;
      expect(logits.text).toContain('…');
    }
  });

  it('the sentences’ claims: the ranks’ mean is the batch’s loss and ∂L/∂scale, logits_per_text is a column', async () => {
    const batch = fc
      .record({ W: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 2 }) })
      .chain(({ W, n }) =>
        fc.record({
          W: fc.constant(W),
          n: fc.constant(n),
          image: embeddingRows(W * n),
          text: embeddingRows(W * n),
          scale: fc.constantFrom(1, 5, 10),
        }),
      );
    await fc.assert(
      fc.asyncProperty(batch, async (o) => {
        const pair = ['--image', matrixText(o.image), '--text', matrixText(o.text), '-s', String(o.scale), '-g'];
        const whole = await run(['clip', ...pair]);
        const logits = matrix(whole.logits);
        let loss = 0;
        let gradScale = 0;
        for (let R = 0; R < o.W; R++) {
          const rank = await run(['clip', ...pair, '--world-size', String(o.W), '--rank', String(R)]);
          loss += jsonNumber(rank.loss) / o.W;
          gradScale += jsonNumber(rank.grad_scale) / o.W;
          // Row i of logits_per_text is column R·n + i of the batch's image → text logits.
          matrix(rank.logits_per_text).forEach((row, i) =>
            row.forEach((v, j) => expect(v).toBeCloseTo(logits[j][R * o.n + i], 12)),
          );
        }
        expect(loss).toBeCloseTo(jsonNumber(whole.loss), 12);
        expect(gradScale).toBeCloseTo(jsonNumber(whole.grad_scale), 12);
      }),
      { numRuns: 25 },
    );
    // Equal logits (a model that knows nothing): p = 1/N for the positive, the loss log N, the chance level.
    for (const [n, N] of [
      [1, 4],
      [2, 6],
      [3, 3],
    ]) {
      const zeros = Array.from({ length: n }, () => Array(N).fill(0).join(',')).join(';');
      const json = await run(['clip', zeros, '--text-logits', zeros, '--label-offset', String(N - n)]);
      expect(jsonNumber(json.loss)).toBeCloseTo(Math.log(N), 14);
      expect(jsonNumber(json.chance)).toBeCloseTo(Math.log(N), 14);
    }
  });

  it('Chinese has every sentence (no key left untranslated)', async () => {
    const pair = ['--image', '1,0; 0.6,0.8; 0.2,0.9; 0.5,0.5', '--text', '0.9,0.1; 0,1; 0.5,0.5; 1,0.2'];
    for (const extra of [
      [...pair, '--world-size', '2', '--rank', '1', '-t', '0.2', '--no-normalize'],
      [...pair, '--world-size', '2', '--rank', '0', '--base', '2'],
      ['2,0.5,-1,0.3', '--text-logits', '1,0,0.4,-2', '--label-offset', '3', '-s', '2', '--base', '10'],
    ]) {
      const argv = ['clip', '--explain'];
      const en = await run([...argv, ...extra]);
      const zh = await run([...argv, ...extra], 'zh');
      const lines = (x: ExplainJson) => x.steps.flatMap((s) => s.lines);
      expect(lines(zh.explanation).length).toBe(lines(en.explanation).length);
      for (const [k, line] of lines(zh.explanation).entries()) {
        if (line.kind !== 'text') continue;
        expect(line.text).not.toBe(lines(en.explanation)[k].text);
        expect(line.text, 'no English sentence').toMatch(/[\u4e00-\u9fff]/);
        expect(line.text).not.toMatch(/\{\w+\}/);
      }
      expect(zh.explanation.title).toMatch(/^open_clip 的 local_loss：/);
    }
  });
});
