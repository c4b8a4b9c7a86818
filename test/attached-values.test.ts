// Option values written in the option's own token (`--expect=0.79,0.18`, `-y0,2`,
// `--weight=1,1,3`, `-t0.5`) and values that start with "-" (`--p -inf,1`) are the option's
// value, never matrix data, and never read again as another option (`-inf` as `-i nf`).
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

describe('attached option values', () => {
  it.each([
    [
      ['ce', '1,2;3,4', '-y0,1', '-f', 'value'],
      ['ce', '1,2;3,4', '-y', '0,1', '-f', 'value'],
    ],
    [
      ['ce', '1,2;3,4', '--target=0,1', '-f', 'value'],
      ['ce', '1,2;3,4', '-y', '0,1', '-f', 'value'],
    ],
    [
      ['ce', '1,2,3', '-y', '0', '--weight=1,1,3', '-f', 'value'],
      ['ce', '1,2,3', '-y', '0', '-w', '1,1,3', '-f', 'value'],
    ],
    [
      ['ce', '1,2,3', '-y', '0', '-w1,1,3', '-f', 'value'],
      ['ce', '1,2,3', '-y', '0', '-w', '1,1,3', '-f', 'value'],
    ],
    [
      ['softmax', '1', '2', '-t0.5'],
      ['softmax', '1', '2', '-t', '0.5'],
    ],
    [
      ['softmax', '1', '2', '--temperature=0.5'],
      ['softmax', '1', '2', '-t', '0.5'],
    ],
    [
      ['supcon', '1,0;0,1;1,1', '--labels=0,0,1', '-f', 'value'],
      ['supcon', '1,0;0,1;1,1', '--labels', '0,0,1', '-f', 'value'],
    ],
    [
      ['kl', '--p=0.5,0.5', '--q=0.9,0.1', '-f', 'value'],
      ['kl', '--p', '0.5,0.5', '--q', '0.9,0.1', '-f', 'value'],
    ],
  ])('%j is read as %j', async (attached, apart) => {
    const expected = await xent(apart);
    expect(expected.code, expected.stderr).toBe(0);
    expect(await xent(attached)).toEqual(expected);
  });

  it('--expect=VALUES is the claim, not data', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--expect=0.79,0.18,0.039']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('0.79');
    const wrong = await xent(['softmax', '2', '0.5', '-1', '--expect=0.5,0.18,0.04']);
    expect(wrong.code).toBe(1);
  });

  it('matrix data that starts with "-" is still data', async () => {
    expect(await xent(['softmax', '-1,2;3,-4'])).toEqual(await xent(['softmax', '--', '-1,2;3,-4']));
    expect(await xent(['softmax', '-inf', '0'])).toEqual({ code: 0, stdout: '0\t1\n', stderr: '' });
  });
});

describe('option values that start with "-"', () => {
  it('kl --p -inf,1 is the value of --p (refused as a distribution, not read as -i nf,1)', async () => {
    const r = await xent(['kl', '--p', '-inf,1', '--q', '0.5,0.5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--p/);
    expect(r.stderr).not.toMatch(/takes no arguments|nf,1/);
  });

  it.each([
    [
      ['softmax', '1', '2', '-t', '-1'],
      ['softmax', '1', '2', '--temperature=-1'],
    ],
    [
      ['ce', '1,2,3', '-y', '0', '-w', '-inf,1,1'],
      ['ce', '1,2,3', '-y', '0', '--weight=-inf,1,1'],
    ],
    [
      ['ce', '1,2;3,4', '-y', '-1,0'],
      ['ce', '1,2;3,4', '--target=-1,0'],
    ],
  ])('%j reads its value as %j does', async (apart, attached) => {
    const r = await xent(apart);
    expect(r.code).toBe(2);
    expect(r).toEqual(await xent(attached));
    expect(r.stderr).not.toMatch(/--input|takes no arguments/);
  });
});
