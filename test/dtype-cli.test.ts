// --dtype and --naive on the command line: the replay beside float64 in every output, --expect
// judged against the format's result, --explain naming the step, and the refused combinations.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

const json = async (argv: string[]) => {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('softmax --dtype', () => {
  it('float16 of 12 0 −12: stable [1, 6.139e-6, 0]; naive [NaN, 0, 0] (exp(12) overflows)', async () => {
    const stable = await json(['softmax', '12', '0', '-12', '--dtype', 'float16']);
    expect(stable.probs_float16).toEqual([[1, 6.139278411865234e-6, 0]]);
    expect(stable.algorithm).toBe('stable');
    const naive = await json(['softmax', '12', '0', '-12', '--dtype', 'float16', '--naive']);
    expect(naive.probs_float16).toEqual([['nan', 0, 0]]);
    // The float64 result is kept beside it.
    expect((naive.probs as number[][])[0][0]).toBeCloseTo(0.9999938558, 9);
  });

  it('prints each entry in the format, in float64 and the ulps apart', async () => {
    const r = await xent(['softmax', '12', '0', '-12', '--dtype', 'float16', '--naive', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/probs\[0\]\[0\] │\s+nan │\s+0\.9999938558 │\s+NaN │/);
    expect(r.stdout).toMatch(/probs\[0\]\[1\] │\s+0 │\s+0\.000006144174602 │\s+103 │/);
    expect(r.stdout).toContain('--explain shows the step');
  });

  it('tsv has a row per entry: value, float64, ulps', async () => {
    const r = await xent(['softmax', '1', '2', '--dtype', 'bfloat16']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('bfloat16\tfloat64\tulps');
    expect(lines).toHaveLength(3);
    expect(Number(lines[1].split('\t')[0])).toBe(0.26953125);
  });

  it('a column softmax and a temperature replay too', async () => {
    const cols = await json(['softmax', '1,2;3,4', '--axis', 'col', '--dtype', 'float32']);
    const row = await json(['softmax', '1,3', '--dtype', 'float32']);
    expect((cols.probs_float32 as number[][])[0][0]).toBe((row.probs_float32 as number[][])[0][0]);
    expect((cols.probs_float32 as number[][])[1][0]).toBe((row.probs_float32 as number[][])[0][1]);
    const hot = await json(['softmax', '1', '2', '-t', '0.5', '--dtype', 'float16']);
    expect((hot.probs_float16 as number[][])[0][1]).toBe(0.880859375);
  });
});

describe('--expect with --dtype', () => {
  it('judges a bare value against the result in the format', async () => {
    const right = await xent(['softmax', '12', '0', '-12', '--dtype', 'float16', '--expect', '1,6.139e-6,0']);
    expect(right.code).toBe(0);
    // The float16 stable loss of [0, −20] toward class 1 is 20 exactly; the claim names its key too.
    const named = await xent([
      'ce',
      '0,-20',
      '-y',
      '1',
      '--dtype',
      'float16',
      '--expect',
      'loss_float16=20',
      '-f',
      'json',
    ]);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).expect.checks[0].quantity).toBe('loss_float16');
    const wrong = await xent(['ce', '0,-20', '-y', '1', '--dtype', 'float16', '--naive', '--expect', '20']);
    expect(wrong.code).toBe(1); // the naive float16 loss is inf
  });
});

describe('--explain with --dtype', () => {
  it('says where the value overflowed, in both languages', async () => {
    const en = await xent(['softmax', '12', '0', '-12', '--dtype', 'float16', '--naive', '--explain']);
    expect(en.stdout).toContain('162754.791 is beyond 65504, the largest float16: it becomes inf.');
    expect(en.stdout).toContain('Where it went: an overflow to inf first at step exp.');
    const zh = await xent(['softmax', '12', '0', '-12', '--dtype', 'float16', '--naive', '--explain', '-L', 'zh']);
    expect(zh.stdout).toContain('超过了 float16 的最大值 65504');
  });

  it('names the underflow of a stable float16 softmax and the step of the largest error otherwise', async () => {
    const r = await xent(['softmax', '12', '0', '-12', '--dtype', 'float16', '--explain']);
    expect(r.stdout).toContain('is below the smallest float16 (5.9605e-8): it becomes 0.');
    const ce = await xent(['ce', '2,0.5,-1', '-y', '0', '--dtype', 'bfloat16', '--explain']);
    expect(ce.stdout).toMatch(/the largest relative difference, [\d.e-]+, was\s+made at step/);
  });

  it('explains ce, bce and clip replays', async () => {
    for (const argv of [
      ['ce', '0,-20', '-y', '1', '--dtype', 'float16', '--naive'],
      ['bce', '12,-12', '--targets', '1,0', '--dtype', 'float16', '--naive'],
      ['clip', '2,0.5;0.3,1.8', '--dtype', 'bfloat16'],
    ]) {
      const r = await xent([...argv, '--explain']);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout).toContain('Where precision was lost');
    }
  });
});

describe('ce, bce and clip --dtype', () => {
  it('ce naive float16: exp(−20) underflows, p = 0, the loss is inf', async () => {
    const r = await json(['ce', '0,-20', '-y', '1', '--dtype', 'float16', '--naive']);
    expect(r.loss_float16).toBe('inf');
    expect(r.loss).toBeCloseTo(20, 6);
    const stable = await json(['ce', '0,-20', '-y', '1', '--dtype', 'float16']);
    expect(stable.loss_float16).toBe(20);
  });

  it('bce naive float16: σ(12) rounds to 1 and 0·log 0 is NaN; stable is finite', async () => {
    const naive = await json(['bce', '12', '--targets', '1', '--dtype', 'float16', '--naive']);
    expect(naive.loss_float16).toBe('nan');
    const stable = await json(['bce', '12', '--targets', '1', '--dtype', 'float16']);
    expect(stable.loss_float16).toBe(6.139278411865234e-6);
  });

  it('clip replays a logits matrix, scaled', async () => {
    const r = await json(['clip', '2,0.5;0.3,1.8', '-s', '10', '--dtype', 'float16']);
    expect(typeof r.loss_float16).toBe('number');
    expect(Math.abs((r.loss_float16 as number) - (r.loss as number))).toBeLessThan(1e-3);
  });
});

describe('refused', () => {
  it.each([
    [['softmax', '1', '2', '--naive'], '--naive replays the textbook formula in a format; give --dtype too'],
    [
      ['softmax', '1', '2', '--dtype', 'float8'],
      "option --dtype takes one of float32, float16, bfloat16, got 'float8'",
    ],
    [['ce', '0.5,0.5', '--probs', '-y', '0', '--dtype', 'float16'], '--dtype does not combine with --probs in xent ce'],
    [['ce', '1,2', '-y', '0', '-g', '--dtype', 'float16'], '--dtype does not combine with -g, --grad in xent ce'],
    [['bce', '1', '--targets', '1', '--base', '2', '--dtype', 'float16'], '--dtype does not combine with --base'],
    [
      ['clip', '--image', '1,0;0,1', '--text', '1,0;0,1', '--dtype', 'float16'],
      '--dtype does not combine with --image, --text',
    ],
  ])('%j', async (argv, message) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
