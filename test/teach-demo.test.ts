import { describe, expect, it } from 'vitest';
import { makeStyle } from '../src/cli/color.js';
import { heatLegend, heatLevel } from '../src/format/heatmap.js';
import { shadeChar } from '../src/format/style.js';
import { plainStyle } from '../src/format/style.js';
import { displayWidth } from '../src/format/width.js';
import { xent } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';

describe('xent demo: the lesson', () => {
  it.each(['en', 'zh'])('golden text (%s), colour off', async (lang) => {
    const r = await xent(['demo', '--lang', lang]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectGolden(`demo.${lang}.txt`, r.stdout);
  });
  it.each(['en', 'zh', 'both'])('fits a 100-column terminal (%s)', async (lang) => {
    const r = await xent(['demo', '--lang', lang], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });
  it('prints the lesson in a pipe too, and the same on a terminal without colour', async () => {
    const pipe = await xent(['demo']);
    const tty = await xent(['demo'], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    expect(pipe.stdout).toBe(tty.stdout);
    expect(pipe.stdout).toContain('2.0000* █');
  });
  it("checks the article's claimed 0.71 / 0.23 / 0.06 and 0.34, beside the true values, and diagnoses the loss", async () => {
    const r = await xent(['demo']);
    expect(r.stdout).toContain('│ 1 │  0.71 │  0.7856 │ ✗ wrong │');
    expect(r.stdout).toContain('│ 3 │  0.06 │  0.0391 │ ✗ wrong │');
    expect(r.stdout).toContain('│ 1 │  0.34 │  0.2413 │ ✗ wrong │');
    expect(r.stdout).toContain('0.34 = −ln 0.71 = 0.3425: your p(positive) was 0.71; it is 0.7856');
    const zh = await xent(['demo', '-L', 'zh']);
    expect(zh.stdout).toContain('0.34 = −ln 0.71 = 0.3425：你的 p(正样本对) 是 0.71，正确值是 0.7856');
    // The lesson itself ends well: a lesson is not a failed check.
    expect(r.code).toBe(0);
  });
  it('-f json gives every number, the descent included', async () => {
    const json = JSON.parse((await xent(['demo', '-f', 'json'])).stdout);
    expect(json.loss).toBeCloseTo(0.32268134, 7);
    expect(json.descent.trajectory).toHaveLength(4);
    expect(json.final_loss).toBeLessThan(json.loss);
  });
});

describe('--heatmap', () => {
  it('without colour: a shade character beside each number and a legend', async () => {
    const r = await xent(['softmax', '2,0.5,-1; 0.3,1.8,0.2', '--heatmap', '-f', 'table']);
    expect(r.stdout).toBe(
      [
        'Probability (softmax of each row)',
        '┌─────┬────────────┬────────────┬────────────┐',
        '│ row │          0 │          1 │          2 │',
        '├─────┼────────────┼────────────┼────────────┤',
        '│ 1   │  0.7856* █ │  0.1753  ░ │  0.0391  ░ │',
        '│ 2   │  0.1566  ░ │  0.7017* ▓ │  0.1417  ░ │',
        '└─────┴────────────┴────────────┴────────────┘',
        '* marks the most probable class in each row',
        'shade: 0.0000 ░▒▓█ 1.0000',
        '',
      ].join('\n'),
    );
  });
  it('gradients shade by magnitude around 0', async () => {
    const r = await xent(['clip', '--example', '-g', '--heatmap', '-f', 'table']);
    expect(r.stdout).toContain('shade: -0.1067 █▓▒░ 0 ░▒▓█ 0.1067');
  });
  it('with colour: background colours, no shade characters', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--heatmap', '-f', 'table', '--color']);
    expect(r.stdout).toContain('\u001b[48;5;');
    expect(r.stdout).not.toContain('░');
  });
  it('NO_COLOR falls back to characters', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '--heatmap'], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    expect(r.stdout).toContain('0.7856* █');
  });
  it('levels, shades and legends', async () => {
    expect(heatLevel(0.5, { lo: 0, hi: 1, diverging: false })).toBe(0.5);
    // A range as wide as the doubles themselves (hi − lo would overflow): still a level.
    expect(heatLevel(1e308, { lo: -1e308, hi: 1e308, diverging: false })).toBe(1);
    expect(heatLevel(0, { lo: -1e308, hi: 1e308, diverging: false })).toBe(0.5);
    expect(heatLevel(-0.05, { lo: -0.1, hi: 0.1, diverging: true })).toBe(-0.5);
    expect([0, 0.3, 0.6, 1].map(shadeChar).join('')).toBe('░▒▓█');
    expect(heatLegend({ lo: -1, hi: 2, diverging: false }, plainStyle, 'shade', 2)).toBe('shade: -1.00 ░▒▓█ 2.00');
    expect((await makeStyle(true)).swatch(1)).toContain('\u001b[48;5;');
  });
});
