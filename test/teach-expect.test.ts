import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { claimedValue, parseClaims } from '../src/teach/expect.js';
import { type Float32Scale, judge } from '../src/teach/expect-judge.js';
import { displayWidth } from '../src/format/width.js';
import { xent } from './helpers/cli.js';

const SMALL: Float32Scale = { classes: 3, magnitude: 1 };
const verdict = (claimed: string, actual: number, scale = SMALL) =>
  judge(claimedValue(claimed, Number(claimed.replace(/^(-?)inf$/, '$1Infinity'))), actual, scale).verdict;

/** The check of a run as JSON: verdicts and diagnoses by value. */
async function checked(argv: string[]) {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout);
  const items = json.expect.checks.flatMap(
    (c: { items: { verdict: string; diagnosis: { mistake: string }[] }[] }) => c.items,
  );
  return {
    code: r.code,
    verdicts: items.map((i: { verdict: string }) => i.verdict),
    mistakes: items.map((i: { diagnosis: { mistake: string }[] }) => i.diagnosis.map((d) => d.mistake)),
  };
}

describe('a claimed value is judged at the digits written, never coarser than two significant digits', () => {
  it.each([
    ['0.24', 0.24131129665715703, 'right'],
    ['0.2413', 0.24131129665715703, 'right'],
    ['0.2414', 0.24131129665715703, 'wrong'],
    ['0.785', 0.7855970345892759, 'wrong'], // 0.0006 away: more than half of 0.001
    ['0.786', 0.7855970345892759, 'right'],
    ['0.79', 0.7855970345892759, 'right'],
    ['0.8', 0.7855970345892759, 'wrong'], // one digit: judged as 0.80
    ['1', 0.7855970345892759, 'wrong'], // judged as 1.00, not ±0.5
    ['0', 0.32268133940523935, 'wrong'],
    ['2', 1.7413112966571571, 'wrong'],
    ['1.7', 1.7413112966571571, 'right'],
    ['0.04', 0.039112573270687456, 'wrong'],
    ['0.039', 0.039112573270687456, 'right'],
    ['1200', 1234, 'wrong'],
    ['1.2e3', 1234, 'right'],
    ['0.24', 0.245, 'right'], // both ends of [0.235, 0.245] count
    ['0.24', 0.235, 'right'],
    ['0.24', 0.2451, 'wrong'],
    ['-0.21', -0.2144, 'right'],
    ['0.21', -0.2144, 'wrong'],
    ['2.4e-1', 0.2413, 'right'],
    ['2413e-4', 0.2413, 'right'],
    ['1e-3', 0.0012, 'wrong'],
    ['1.2e-3', 0.0012, 'right'],
    ['inf', Infinity, 'right'],
    ['inf', 1e308, 'wrong'],
    ['1e308', Infinity, 'wrong'],
    ['-inf', -Infinity, 'right'],
    ['-inf', Infinity, 'wrong'],
    ['0', NaN, 'wrong'],
    // A zero within float32's error of the computation: right to float32 precision.
    ['0', 1e-17, 'float32'],
  ])('%s against %d: %s', (claimed, actual, expected) => {
    expect(verdict(claimed, actual)).toBe(expected);
  });

  it('seven digits or more: within float32 rounding of the computation', () => {
    // TF's documented tf.nn.softmax_cross_entropy_with_logits([4, 2, 1], [1, 0, 0]) = 0.16984604 (float32).
    const scale = { classes: 3, magnitude: 5 };
    expect(verdict('0.16984604', 0.16984601955628567, scale)).toBe('float32');
    expect(verdict('0.1698460', 0.16984601955628567, scale)).toBe('right');
    expect(verdict('0.16994604', 0.16984601955628567, scale)).toBe('wrong');
  });
});

describe('the four verdicts of issue 15, and the digits frameworks print', () => {
  it.each([
    [
      ['softmax', '2', '0.5', '-1', '--expect', '1,0,0'],
      ['wrong', 'wrong', 'wrong'],
    ],
    [['clip', '--example', '--expect', '0'], ['wrong']],
    [['ce', '2,0.5,-1', '-y', '1', '--expect', '2'], ['wrong']],
    // TF's documented float32 output of softmax_cross_entropy_with_logits.
    [
      ['ce', '4,2,1; 0,5,1', '--target-probs', '1,0,0; 0,0.8,0.2', '-r', 'none', '--expect', '0.16984604,0.82474494'],
      ['float32', 'float32'],
    ],
    // float32 .item() of PyTorch-style log_softmax, computed with NumPy float32:
    //   z = np.array([2, .5, -1], np.float32); -(z - z.max() - np.log(np.exp(z - z.max()).sum()))[2]
    [['ce', '2,0.5,-1', '-y', '2', '--expect', '3.2413113117218018'], ['float32']],
    [['ce', '2,0.5,-1', '-y', '1', '--expect', '1.7413111925125122'], ['float32']],
    [['ce', '0.1,-2.3,1.7,3.2', '-y', '1', '--expect', '5.740799903869629'], ['float32']],
    // 4e-4 off relatively, but 4e-8 absolutely: float32's log(1 + 2e-5) next to logits of 10.
    [['ce', '10,0,0', '-y', '0', '--expect', '9.083335316972807e-05'], ['float32']],
    [
      ['softmax', '2', '0.5', '-1', '--expect', '0.7855970859527588,0.17529039084911346,0.039112575352191925'],
      ['float32', 'float32', 'float32'],
    ],
    // Sixteen digits off in the fifth: wrong, whatever precision.
    [['ce', '2,0.5,-1', '-y', '2', '--expect', '3.2413213117218018'], ['wrong']],
  ])('%j', async (argv, verdicts) => {
    const r = await checked(argv);
    expect(r.verdicts).toEqual(verdicts);
    expect(r.code).toBe(verdicts.includes('wrong') ? 1 : 0);
  });

  it('the verdict and the note say which rule judged', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '2', '--expect', '3.2413113117218018', '-f', 'table']);
    expect(r.stdout).toContain('✓ right to float32 precision');
    expect(r.stdout).toMatch(
      /3\.2413113117218018 stands for 3\.24130\d+ to 3\.24131\d+: float32 rounding,\s+±\d\.\de-6/,
    );
    const one = await xent(['softmax', '2', '0.5', '-1', '--expect', '1,0,0', '-f', 'table']);
    expect(one.stdout).toContain('1. 1 is judged as 0.995 to 1.005: two significant digits of 0.79');
    const written = await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', '0.24', '-f', 'table']);
    expect(written.stdout).toContain('1. 0.24 stands for 0.235 to 0.245 (the digits you wrote)');
  });

  it('a random row: its value rounded to 2–9 significant digits is right; a float32 computation of it too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 2, max: 9 }),
        async (logits, pick, digits) => {
          const target = pick % logits.length;
          const argv = ['ce', logits.join(','), '-y', String(target)];
          const loss = JSON.parse((await xent([...argv, '-f', 'json'])).stdout).loss as number;
          const rounded = await checked([...argv, '--expect', loss.toPrecision(digits)]);
          expect(rounded.verdicts).toEqual(['right']);
          const float32 = await checked([...argv, '--expect', String(float32Loss(logits, target))]);
          expect(float32.verdicts[0]).not.toBe('wrong');
          expect(float32.mistakes).toEqual([[]]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** PyTorch's cross_entropy in float32 (every operation rounded to float32), as .item() prints it. */
function float32Loss(logits: readonly number[], target: number): number {
  const f = Math.fround;
  const z = logits.map(f);
  const max = z.reduce((a, b) => Math.max(a, b));
  let sum = f(0);
  for (const x of z) sum = f(sum + f(Math.exp(f(x - max))));
  return f(-f(f(z[target] - max) - f(Math.log(sum))));
}

describe('--tol and --rtol set the judgement', () => {
  it.each([
    [['--tol', '0.01'], '0.25', 'tolerance'],
    [['--tol', '0.001'], '0.25', 'wrong'],
    [['--rtol', '0.05'], '0.25', 'tolerance'],
    [['--rtol', '0.01'], '0.25', 'wrong'],
    [['--tol', '0.005', '--rtol', '0.02'], '0.25', 'tolerance'],
    // A tolerance replaces the digits: 1 is right within 0.8 of 0.2413.
    [['--tol', '0.8'], '1', 'tolerance'],
  ])('%j, %s for 0.2413', async (options, claim, expected) => {
    const r = await checked(['ce', '2,0.5,-1', '-y', '0', '--expect', claim, ...options]);
    expect(r.verdicts).toEqual([expected]);
  });
  it('the note gives the interval', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', '0.25', '--tol', '0.01', '-f', 'table']);
    expect(r.stdout).toContain('✓ right within the tolerance');
    expect(r.stdout).toContain('0.25 stands for 0.240 to 0.260: --tol/--rtol, ±0.01');
  });
});

describe('entries: NAME[i][j]=VALUES, several in one --expect', () => {
  it('reads names, indices and every notation of the input', () => {
    expect(parseClaims('probs[0][1]=0.18, loss=0.24; p_target=0.79')).toMatchObject([
      { quantity: 'probs', index: [0, 1], values: [{ value: 0.18 }] },
      { quantity: 'loss', index: [], values: [{ value: 0.24 }] },
      { quantity: 'p_target', values: [{ value: 0.79 }] },
    ]);
    // A semicolon followed by numbers is a row of the same entry.
    expect(parseClaims('probs=0.79,0.18;0.15,0.70')[0].values.map((v) => v.value)).toEqual([0.79, 0.18, 0.15, 0.7]);
    expect(parseClaims('array([0.79, 0.18, 0.04])')[0].values.map((v) => v.text)).toEqual(['0.79', '0.18', '0.04']);
    expect(parseClaims('tensor([0.2413], dtype=torch.float32)')[0].values.map((v) => v.value)).toEqual([0.2413]);
    expect(parseClaims('probs[0, -1]＝０.０４'.replace('＝', '='))[0]).toMatchObject({ index: [0, -1] });
    expect(parseClaims('loss=−0.5')[0].values[0].value).toBe(-0.5);
  });

  it('checks one entry, a row, p_target and a row of losses', async () => {
    const two = ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2'];
    expect((await checked([...two, '--expect', 'probs[0][0]=0.79'])).verdicts).toEqual(['right']);
    expect((await checked([...two, '--expect', 'probs[1]=0.16,0.70,0.14'])).verdicts).toEqual([
      'right',
      'right',
      'right',
    ]);
    expect((await checked([...two, '--expect', 'p_target=0.79,0.14'])).verdicts).toEqual(['right', 'right']);
    expect((await checked([...two, '-r', 'none', '--expect', 'losses[1]=1.95'])).verdicts).toEqual(['right']);
    expect((await checked([...two, '--expect', 'probs[-1][-1]=0.14; loss=1.1'])).verdicts).toEqual(['right', 'right']);
    // One row of logits is a vector too: probs[1] is its entry 1.
    expect((await checked(['softmax', '2', '0.5', '-1', '--expect', 'probs[1]=0.18'])).verdicts).toEqual(['right']);
  });

  it('TSV keeps the digits written', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', 'probs=0.7856,0.1753,0.0391; loss=0.2400']);
    expect(r.stdout).toBe(
      'yours\tcorrect\tright\n0.7856\t0.7855970345892759\t1\n0.1753\t0.1752903921400367\t1\n' +
        '0.0391\t0.039112573270687456\t1\n0.2400\t0.24131129665715703\t0\n',
    );
  });

  it.each([
    [
      ['ce', '2,0.5,-1', '-y', '0', '--expect', 'probs[0][3]=0.1'],
      "'probs[0][3]=0.1' is out of range: the quantity has shape 1×3",
    ],
    [['ce', '2,0.5,-1', '-y', '0', '--expect', 'probs[a]=0.1'], "the index in 'probs[a]=0.1' must be whole numbers"],
    [
      ['ce', '2,0.5,-1', '-y', '0', '--expect', 'loss[0][0]=0.1'],
      "'loss[0][0]=0.1' is out of range: the quantity has shape 1",
    ],
    [['ce', '2,0.5,-1', '-y', '0', '--expect', '0.24', '--tol', '-1'], "option --tol takes a number ≥ 0, got '-1'"],
    [['ce', '2,0.5,-1', '-y', '0', '--tol', '0.1'], '--tol sets how --expect judges; give --expect too'],
    [
      ['ce', '2,0.5,-1', '-y', '0', '--expect', 'loss=0.24; probs='],
      "option --expect got no numbers in 'loss=0.24; probs='",
    ],
    [['softmax', '1', '2', '--expect', 'abc'], "'abc' at row 1, column 1 of option --expect is not a number"],
  ])('%j: exit 2', async (argv, message) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(message);
  });
});

/** A run of each command and where its headline is in its JSON. */
const HEADLINE_RUNS: Readonly<Record<string, string[]>> = {
  softmax: ['softmax', '2', '0.5', '-1'],
  ce: ['ce', '2,0.5,-1', '-y', '0'],
  bce: ['bce', '0.3,-1', '--targets', '1,0'],
  clip: ['clip', '--example'],
  siglip: ['siglip', '--example'],
  ntxent: ['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1', '-t', '0.5'],
  supcon: ['supcon', '1,0; 0.8,0.6; 0,1; 0.6,0.8', '--labels', '0,0,1,1', '-t', '0.5'],
  entropy: ['entropy', '0.5,0.3,0.2'],
  kl: ['kl', '--p', '0.5,0.5', '--q', '0.9,0.1'],
  descend: ['descend', '2,0.5,-1', '-y', '0', '--steps', '2'],
  demo: ['demo'],
  focal: ['focal', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,1,0'],
  distill: ['distill', '--student', '2,0.5,-1; 0.3,1.8,0.2', '--teacher', '3,1,-2; 0,2.5,1', '-t', '4'],
  hinge: ['hinge', '3.2,5.1,-1.7; 1.3,4.9,2.0', '-y', '0,1'],
  lm: ['lm', '2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1', '-y', '0,1,2,1', '--seq-len', '2'],
  infonce: ['infonce', '0.9,0.1,-0.3,0.2; 0.5,0.6,0.4,-0.1', '-t', '0.07'],
  retrieval: ['retrieval', '0.9,0.1,0.3; 0.2,0.8,0.4; 0.5,0.6,0.7'],
};

describe('a bare value goes to the headline of every command', () => {
  it.each(COMMANDS.map((c) => c.name))('%s', async (name) => {
    const run = HEADLINE_RUNS[name];
    expect(run, `add a run of ${name} to HEADLINE_RUNS`).toBeDefined();
    const command = COMMANDS.find((c) => c.name === name)!;
    const json = JSON.parse((await xent([...run, '-f', 'json'])).stdout);
    const headline = command.abilities.headline({}, json);
    const values = [json[headline]].flat(2) as number[];
    const r = await xent([...run, '--expect', values.map((v) => v.toPrecision(6)).join(','), '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).expect.checks[0].quantity).toBe(headline);
  });
});

describe('diagnosis: a wrong claim that a common mistake reproduces is named', () => {
  it.each([
    ['log base 10', ['ce', '2,0.5,-1', '-y', '0', '--expect', '0.1048'], 'logBase'],
    ['log base 2', ['ce', '2,0.5,-1', '-y', '0', '--expect', '0.3481'], 'logBase'],
    ['p instead of −log p', ['ce', '2,0.5,-1', '-y', '0', '--expect', '0.79'], 'p'],
    ['the sum instead of the mean', ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '--expect', '0.60'], 'sum'],
    ['the wrong class', ['ce', '2,0.5,-1', '-y', '1', '--expect', '0.24'], 'class'],
    ['T multiplied', ['ce', '2,0.5,-1', '-y', '0', '-t', '2', '--expect', '0.051'], 'temperature'],
    ['T multiplied (softmax)', ['softmax', '2', '0.5', '-1', '-t', '2', '--expect', 'probs[0]=0.95'], 'temperature'],
    ['a sign', ['ce', '2,0.5,-1', '-y', '0', '--expect', 'grad=0.21,-0.18,-0.04'], 'sign'],
    ['log₁₀ in log-probabilities', ['softmax', '2', '0.5', '-1', '--expect', 'log_probs[0]=-0.1048'], 'logBase'],
    ['a rounded p carried on', ['ce', '2,0.5,-1', '-y', '0', '--expect', '0.22'], 'rounded'],
    ['two directions added', ['clip', '--example', '--expect', '0.65'], 'directions'],
    ['bits for nats (entropy)', ['entropy', '0.5,0.3,0.2', '--expect', '1.485'], 'logBase'],
  ])('%s', async (_name, argv, mistake) => {
    const r = await checked(argv);
    expect(r.code).toBe(1);
    expect(r.mistakes.flat()).toContain(mistake);
  });

  it("the article's 0.34 = −log 0.71: your p(positive) was 0.71; it is 0.7856", async () => {
    const argv = ['clip', '--example', '--expect', 'probs_i2t[0]=0.71,0.23,0.06; losses_i2t[0]=0.34', '-f', 'table'];
    const r = await xent(argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0.34 = −ln 0.71 = 0.3425: your p(positive) was 0.71; it is 0.7856');
    const ce = await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', 'p_target=0.71; loss=0.34', '-f', 'table']);
    expect(ce.stdout).toContain('your p(target) was 0.71; it is 0.7856');
  });

  it('in Chinese', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', '0.1048', '-f', 'table', '-L', 'zh']);
    expect(r.stdout).toContain('0.1048 来自这个错误：用 log₁₀ 代替 ln（得 0.10480）');
  });

  it('a right claim never gets a diagnosis; a wrong one only from a mistake that reproduces it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        async (tenths, pick, digits, nudge) => {
          const logits = tenths.map((x) => x / 10);
          const target = pick % logits.length;
          const argv = ['ce', logits.join(','), '-y', String(target)];
          const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
          const loss = json.loss as number;
          // A value near the loss, right or wrong: a diagnosis names a mistake whose value it matches.
          const claim = (loss * (1 + nudge / 20)).toPrecision(digits);
          const r = await xent([...argv, '--expect', claim, '-f', 'json']);
          const item = JSON.parse(r.stdout).expect.checks[0].items[0];
          if (item.right) expect(item.diagnosis).toEqual([]);
          for (const d of item.diagnosis) {
            const written = claimedValue(claim, Number(claim));
            expect(judge(written, d.value, { classes: 8, magnitude: 3 }).verdict).not.toBe('wrong');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('xent … --expect: exit codes and the check table', () => {
  it('softmax checks the probabilities by default', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18,0.039']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'yours\tcorrect\tright\n0.79\t0.7855970345892759\t1\n0.18\t0.1752903921400367\t1\n0.039\t0.039112573270687456\t1\n',
    );
  });
  it('a wrong value: exit 1, marked wrong, the correct value shown', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.785,0.18,0.039', '-f', 'table']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('│ 1 │ 0.785 │ 0.78560 │ ✗ wrong │');
    expect(r.stdout).toContain('checked  2 of 3 right');
  });
  it('named quantities, several at once; a gradient is computed without -g', async () => {
    const r = await xent([
      'ce',
      '2,0.5,-1',
      '-y',
      '0',
      '--expect',
      'loss=0.24',
      '--expect',
      'probs=0.79,0.18,0.039',
      '--expect',
      'grad=-0.21,0.18,0.039',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.expect).toMatchObject({ all_right: true, right: 7, total: 7 });
    expect(json.expect.checks.map((c: { quantity: string }) => c.quantity)).toEqual(['loss', 'probs', 'grad']);
  });
  it('inf and -inf are checked exactly', async () => {
    expect((await xent(['softmax', '1', '-inf', '--log', '--expect', '0,-inf'])).code).toBe(0);
    expect((await xent(['softmax', '1', '-inf', '--log', '--expect', '0,-1000'])).code).toBe(1);
  });
  it('with --explain the check follows the derivation', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '--explain', '--expect', '0.25']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/L = −log\(0\.7856\)[\s\S]*Check of loss/);
  });
  it.each([60, 80])(
    'the check fits a terminal of %i columns, its notes wrapped under their numbers',
    async (columns) => {
      const r = await xent(['clip', '--example', '--expect', 'probs_i2t[0]=0.71,0.23,0.06; losses_i2t[0]=0.34'], {
        tty: true,
        columns,
        env: { LANG: 'C', NO_COLOR: '1' },
      });
      const check = r.stdout.slice(r.stdout.indexOf('Check of'));
      for (const line of check.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      expect(check).toMatch(/\n3\. 0\.06 is judged as 0\.0595 to 0\.0605: two significant( \S+)*\n {3}\S/);
    },
  );
  it.each([
    [
      ['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18'],
      'xent: error: --expect: probs has 3 value(s), but 2 were given; give one value for each',
    ],
    [
      ['ce', '2,0.5,-1', '-y', '0', '--expect', 'foo=1'],
      "xent: error: --expect: there is no quantity 'foo' here; choose one of:",
    ],
    [['softmax', '1', '2', '--expect', 'probs='], "xent: error: option --expect got no numbers in 'probs='"],
  ])('%j: exit 2', async (argv, message) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0].startsWith(message)).toBe(true);
  });
  it('errors in Chinese', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18', '-L', 'zh']);
    expect(r.stderr.split('\n')[0]).toBe(
      'xent: 错误：--expect：probs 有 3 个值，但给出了 2 个；请为每个值给出一个期望值',
    );
  });
});
