// Numeric edge cases with exact expectations, each worked out by hand in its comment: the ends of
// float64 (±1e308, subnormals, overflow to inf), masks next to huge logits, a single class, one
// row, a million columns, extreme temperatures, label smoothing 0 and 1, probabilities of exactly
// 0 and 1. Where a result is undefined xent stops and says why; where it is inf, a note says why.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

async function ok(argv: string[], stdin?: string) {
  const r = await xent(argv, { stdin });
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function json(argv: string[]) {
  return JSON.parse(await ok([...argv, '-f', 'json'])) as Record<string, unknown>;
}

describe('softmax at the ends of float64', () => {
  it.each([
    // e^(−2e308) = 0 next to e^0 = 1
    [['1e308', '-1e308'], '1\t0\n'],
    // equal logits, however large or small: 1/2 each
    [['1e308', '1e308'], '0.5\t0.5\n'],
    [['-1e308', '-1e308'], '0.5\t0.5\n'],
    // subnormal logits differ from 0 by less than 1e-323: e^(5e-324) = 1 exactly in float64
    [['5e-324', '0'], '0.5\t0.5\n'],
    [['-5e-324', '5e-324'], '0.5\t0.5\n'],
    [['2.2250738585072014e-308', '-2.2250738585072014e-308'], '0.5\t0.5\n'],
    // a −inf mask next to a huge logit: the mask gets exactly 0, the huge one all of it
    [['1', '-inf', '1e308'], '0\t0\t1\n'],
    [['-inf', '1e308', '-1e308'], '0\t1\t0\n'],
    // C = 1: the only class has probability 1
    [['7'], '1\n'],
    [['-1e308'], '1\n'],
  ])('softmax %j', async (args, out) => {
    expect(await ok(['softmax', ...args])).toBe(out);
  });

  it('log-probabilities of a mask next to a huge logit: 1 − 1e308 = −1e308 exactly, −inf, 0', async () => {
    expect((await json(['softmax', '1', '-inf', '1e308', '--log'])).log_probs).toEqual([[-1e308, '-inf', 0]]);
  });

  it('a row of only −inf is undefined (every class masked), not NaN', async () => {
    const r = await xent(['softmax', '1,2; -inf,-inf']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'xent: error: softmax is undefined for row 2: every logit is -inf, so every class is masked and nothing is left to normalise\n',
    });
  });

  it('+inf is inf/inf, undefined', async () => {
    const r = await xent(['softmax', '1', 'inf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'xent: error: +inf at row 1, column 2 of the arguments: softmax of +inf is inf/inf, undefined; use a large finite number instead\n',
    );
  });

  it('one row of 10⁶ columns: ce of a million equal logits is ln 10⁶', async () => {
    const n = 1_000_000;
    expect(await ok(['ce', '-y', '0', '-f', 'value'], '0 '.repeat(n - 1) + '0')).toBe(`${Math.log(n)}\n`);
  });
});

describe('temperatures', () => {
  it('T = 1e-6: (1 − 2)/1e-6 = −10⁶, so p = [e^−10⁶ = 0, 1] and log p = [−10⁶, 0]', async () => {
    expect(await ok(['softmax', '1', '2', '-t', '1e-6'])).toBe('0\t1\n');
    expect((await json(['softmax', '1', '2', '-t', '1e-6', '--log'])).log_probs).toEqual([[-1e6, 0]]);
    // ce's loss for class 0 is −log p₀ = 10⁶ + log(1 + e^−10⁶) = 10⁶
    expect(await ok(['ce', '1', '2', '-y', '0', '-t', '1e-6', '-f', 'value'])).toBe('1000000\n');
  });

  it('T = 1e-6 with logits near 1e308 does not overflow to NaN: z/T would be inf, (z − max)/T is not', async () => {
    expect(await ok(['softmax', '1e308', '0', '-t', '1e-6'])).toBe('1\t0\n');
    expect(await ok(['softmax', '1e308', '-1e308', '1e308', '-t', '1e-6'])).toBe('0.5\t0\t0.5\n');
    // −1e308/1e-6 = −inf for every logit: shifted first, both are 0, so 1/2 each
    expect(await ok(['softmax', '-1e308', '-1e308', '-t', '1e-6'])).toBe('0.5\t0.5\n');
  });

  it('T = 1e6: p = σ(±1e-6) = 1/2 ∓ 2.5e-7', async () => {
    expect(await ok(['softmax', '1', '2', '-t', '1e6'])).toBe('0.49999975\t0.50000025\n');
  });

  it('T = 1e308: [1e308, −1e308]/T = [1, −1] (z₁ − z₀ = −2e308 would overflow), p = [σ(2), σ(−2)]', async () => {
    expect(await ok(['softmax', '1e308', '-1e308', '-t', '1e308'])).toBe(
      `${1 / (1 + Math.exp(-2))}\t${1 / (1 + Math.exp(2))}\n`,
    );
  });

  it('a temperature so small that the scale 1/T overflows is refused by the contrastive losses', async () => {
    const r = await xent(['clip', '1,0;0,1', '-t', '5e-324']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "xent: error: the temperature '5e-324' is too small: the scale 1/T is larger than the largest float64 number (about 1.8e308) (option -t, --temperature)\nTry 'xent clip --help'.\n",
    });
  });
});

describe('cross-entropy', () => {
  it('C = 1: p = 1, loss 0, gradient 0', async () => {
    const r = await json(['ce', '5', '-y', '0', '-g']);
    expect(r).toMatchObject({ probs: [[1]], losses: [0], loss: 0, grad: [[0]], perplexity: 1 });
  });

  it('label smoothing 0 is no smoothing; 1 makes the target uniform: −(log p₀ + log p₁)/2', async () => {
    const plain = await ok(['ce', '1', '2', '-y', '0', '-f', 'value']);
    expect(plain).toBe('1.3132616875182228\n'); // log(1 + e) − 1 + 1 = softplus(1)
    expect(await ok(['ce', '1', '2', '-y', '0', '--label-smoothing', '0', '-f', 'value'])).toBe(plain);
    // (1.3132616875182228 + 0.31326168751822286) / 2
    expect(await ok(['ce', '1', '2', '-y', '0', '--label-smoothing', '1', '-f', 'value'])).toBe('0.8132616875182228\n');
    expect(await ok(['ce', '1', '2', '-y', '1', '--label-smoothing', '1', '-f', 'value'])).toBe('0.8132616875182228\n');
  });

  it('--probs with p(target) = 1 gives loss 0; with p(target) = 0, inf and a note saying why', async () => {
    expect(await ok(['ce', '1', '0', '--probs', '-y', '0', '-f', 'value'])).toBe('0\n');
    expect(await ok(['ce', '0', '1', '--probs', '-y', '0', '-f', 'value'])).toBe('inf\n');
    const table = await ok(['ce', '0', '1', '--probs', '-y', '0', '-f', 'table']);
    expect(table).toContain(
      'loss = inf in row(s) 1: a class the target puts weight on has probability 0 in the input, and −log 0 = inf',
    );
  });

  it('a masked target (−inf) or one 2e308 below the others: loss inf with a note', async () => {
    for (const args of [
      ['1', '-inf'],
      ['1e308', '-1e308'],
    ]) {
      expect(await ok(['ce', ...args, '-y', '1', '-f', 'value'])).toBe('inf\n');
      const table = await ok(['ce', ...args, '-y', '1', '-f', 'table']);
      expect(table).toContain(
        'loss = inf in row(s) 1: a class the target puts weight on has probability 0 (its logit is −inf',
      );
    }
    const zh = await xent(['ce', '1', '-inf', '-y', '1', '-f', 'table', '-L', 'zh']);
    expect(zh.stdout).toContain('第 1 行的损失 = inf：目标有权重的某个类别概率为 0');
  });

  it('every target ignored under mean is 0/0: an error, not NaN', async () => {
    const r = await xent(['ce', '1', '2', '-y', '-100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xent: error: reduction 'mean' is 0\/0 here/);
  });
});

describe('binary cross-entropy, entropy, divergence', () => {
  it('bce of logits ±1e308: softplus gives the exact loss, never log 0', async () => {
    expect(await ok(['bce', '1e308', '--targets', '0', '-f', 'value'])).toBe('1e+308\n');
    expect(await ok(['bce', '-1e308', '--targets', '0', '-f', 'value'])).toBe('0\n');
    expect(await ok(['bce', '1e308', '--targets', '1', '-f', 'value'])).toBe('0\n');
  });

  it('bce --probs of exactly 0 and 1: 0 where it agrees with the target, inf (with a note) where not', async () => {
    expect(await ok(['bce', '1,0', '--probs', '--targets', '1,0', '-f', 'value'])).toBe('0\n');
    expect(await ok(['bce', '0', '--probs', '--targets', '1', '-f', 'value'])).toBe('inf\n');
    const table = await ok(['bce', '0', '--probs', '--targets', '1', '-f', 'table']);
    expect(table).toContain(
      'loss = inf in row(s) 1: a given probability is 0 where the target is > 0, or 1 where it is < 1, and −log 0 = inf',
    );
  });

  it('entropy of a certain outcome is 0, also with C = 1 (0 · log 0 = 0)', async () => {
    expect(await ok(['entropy', '0', '1', '-f', 'value'])).toBe('0\n');
    expect(await ok(['entropy', '1', '-f', 'value'])).toBe('0\n');
  });

  it('KL(P‖Q) with Q = 0 where P > 0 is inf, with a note', async () => {
    expect(await ok(['kl', '--p', '0.5,0.5', '--q', '1,0', '-f', 'value'])).toBe('inf\n');
    expect(await ok(['kl', '--p', '0.5,0.5', '--q', '1,0', '-f', 'table'])).toContain(
      'KL(P‖Q) = inf in row(s) 1: P has mass where Q has none',
    );
  });
});

describe('contrastive losses and descent', () => {
  it('clip of a single pair: both softmaxes are over one entry, loss 0', async () => {
    expect(await ok(['clip', '5', '-f', 'value'])).toBe('0\n');
  });

  it('descend with one class has no negative to push down: an error, not NaN', async () => {
    for (const argv of [
      ['descend', '5', '-y', '0'],
      ['descend', '5'],
    ]) {
      const r = await xent(argv);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'xent: error: descend needs at least 2 classes (for clip, 2 pairs): with one there is no negative to push down, and the loss is 0 at every step\n',
      });
    }
  });

  it('descend whose values overflow shows inf → inf, never NaN', async () => {
    const table = await ok(['descend', '0,1e308,0; 0,0,0; 0,1e308,0', '-f', 'table']);
    expect(table).not.toMatch(/nan/i);
    expect(table).toMatch(/change of the negatives\s+inf → inf/);
  });

  it('--expect of a subnormal does not crash the check table (it asked for 326 decimals)', async () => {
    // The loss is 0: a claim this near it is within float32 rounding.
    const r = await xent(['clip', '0', '--expect', '2.2250738585072014e-308', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('right to float32 precision');
    expect((await xent(['clip', '0', '--expect', '2.2250738585072014e-3', '-f', 'table'])).code).toBe(1);
  });

  it('--explain with a step from −∞ says how far it moved, not NaN', async () => {
    const out = await ok(['clip', '1e308,0,-inf; 0,0,0; 0,0,0', '--explain']);
    expect(out).not.toMatch(/nan/i);
    expect(await ok(['ce', '1,-inf,0', '-y', '0', '--explain'])).not.toMatch(/nan/i);
  });
});
