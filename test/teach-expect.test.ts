import { describe, expect, it } from 'vitest';
import { isRight, parseClaim, readClaimedValue } from '../src/teach/expect.js';
import { xent } from './helpers/cli.js';

const right = (claimed: string, actual: number) => isRight(readClaimedValue(claimed), actual);

describe('a claimed value is judged at the precision it was written', () => {
  it.each([
    ['0.24', 0.24131129665715703, true],
    ['0.2413', 0.24131129665715703, true],
    ['0.2414', 0.24131129665715703, false],
    ['0.785', 0.7855970345892759, false], // 0.7856 is 0.0006 away: more than half of 0.001
    ['0.786', 0.7855970345892759, true],
    ['0.79', 0.7855970345892759, true],
    ['0.8', 0.7855970345892759, true],
    ['0.78', 0.7855970345892759, false],
    ['1', 0.7855970345892759, true], // a whole number allows ±0.5
    ['1.0', 0.7855970345892759, false],
    ['0.24', 0.245, true], // both ends of [0.235, 0.245] count
    ['0.24', 0.235, true],
    ['0.24', 0.2451, false],
    ['-0.21', -0.2144, true],
    ['-0.22', -0.2144, false],
    ['0.21', -0.2144, false],
    ['−0.21', -0.2144, true], // the Unicode minus, as pasted from notes
    ['2.4e-1', 0.2413, true],
    ['2413e-4', 0.2413, true],
    ['1e-3', 0.0012, true],
    ['1e-3', 0.0016, false],
    ['inf', Infinity, true],
    ['inf', 1e308, false],
    ['1e308', Infinity, false],
    ['-inf', -Infinity, true],
    ['-inf', Infinity, false],
    ['nan', NaN, true],
    ['0', NaN, false],
  ])('%s against %d: %s', (claimed, actual, expected) => {
    const text = claimed.replace('−', '-');
    expect(right(text, actual)).toBe(expected);
  });

  it('reads a quantity name and any notation', () => {
    expect(parseClaim('probs=[0.79, 0.18, 0.04]')).toMatchObject({
      quantity: 'probs',
      values: [{ value: 0.79 }, { value: 0.18 }, { value: 0.04 }],
    });
    expect(parseClaim('0.79 0.18；0.04'.replace('；', ';'))).toMatchObject({
      values: [{ value: 0.79 }, { value: 0.18 }, { value: 0.04 }],
    });
    expect(parseClaim('loss=−0.5').values[0].value).toBe(-0.5);
  });
});

describe('xent … --expect: exit code 0 when all right, 1 when any is wrong, 2 for bad input', () => {
  it('softmax checks the probabilities by default', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18,0.04']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'yours\tcorrect\tright\n0.79\t0.7855970345892759\t1\n0.18\t0.1752903921400367\t1\n0.04\t0.039112573270687456\t1\n',
    );
  });
  it('a wrong value: exit 1, marked wrong, the correct value shown', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.785,0.18,0.04', '-f', 'table']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('│ 1 │ 0.785 │ 0.78560 │ ✗ wrong │');
    expect(r.stdout).toContain('checked  2 of 3 right');
  });
  it('ce checks the loss by default; -r none the losses', async () => {
    expect((await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', '0.24'])).code).toBe(0);
    expect((await xent(['ce', '2,0.5,-1', '-y', '0', '--expect', '0.25'])).code).toBe(1);
    expect((await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-r', 'none', '--expect', '0.24,0.35'])).code).toBe(
      0,
    );
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
      'probs=0.79,0.18,0.04',
      '--expect',
      'grad=-0.21,0.18,0.04',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.expect).toMatchObject({ all_right: true, right: 7, total: 7 });
    expect(json.expect.checks.map((c: { quantity: string }) => c.quantity)).toEqual(['loss', 'probs', 'grad']);
  });
  it('clip checks the symmetric loss; other quantities by name', async () => {
    expect((await xent(['clip', '--example', '--expect', '0.32'])).code).toBe(0);
    expect((await xent(['clip', '--example', '--expect', 'loss_i2t=0.3265'])).code).toBe(0);
    expect(
      (await xent(['clip', '--example', '--expect', 'grad=-0.07,0.06,0.02,0.05,-0.11,0.06,0.03,0.06,-0.1'])).code,
    ).toBe(0);
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
  it.each([
    [
      ['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18'],
      'xent: error: --expect: probs has 3 value(s), but 2 were given; give one value for each',
    ],
    [
      ['ce', '2,0.5,-1', '-y', '0', '--expect', 'foo=1'],
      "xent: error: --expect: there is no quantity 'foo' here; choose one of:",
    ],
    [['softmax', '1', '2', '--expect', 'abc'], "xent: error: option --expect takes a number, got 'abc'"],
    [['softmax', '1', '2', '--expect', 'probs='], "xent: error: option --expect got no numbers in 'probs='"],
    [['demo', '--expect', '1'], 'xent: error: xent demo has nothing to check with --expect'],
  ])('%j: exit 2', async (argv, message) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0].startsWith(message)).toBe(true);
  });
  it('errors in Chinese', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18', '-L', 'zh']);
    expect(r.stderr.split('\n')[0]).toBe('xent: 错误: --expect：probs 有 3 个值，但给出了 2 个；请每个值给一个');
  });
});
