// Temperature sweeps (-t with several values), --hist and --plot, through the CLI.
import { describe, expect, it } from 'vitest';
import { readTemperatures } from '../src/text/temperatures.js';
import type { XentError } from '../src/core/errors.js';
import { expectErrorInBothLanguages, tsvRows, xent } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { parseXml } from './helpers/xml.js';

const entropyOf = (p: number[]) => p.reduce((h, v) => (v > 0 ? h - v * Math.log(v) : h), 0);

describe('reading a sweep', () => {
  it.each([
    ['0.5,1,2,5,10', [0.5, 1, 2, 5, 10]],
    ['10, 1 ,0.1', [10, 1, 0.1]],
    ['0.1:10:log:3', [0.1, 1, 10]],
    ['0.1:10:LOG:5', [0.1, 0.316228, 1, 3.16228, 10]],
    ['0.5:2:lin:4', [0.5, 1, 1.5, 2]],
    ['1:2:lin:2', [1, 2]],
  ])('%s', (text, values) => expect(readTemperatures(text)).toEqual(values));
  it('a log range is evenly spaced in log T, its ends exact', () => {
    const ts = readTemperatures('0.01:100:log:50');
    expect(ts.length).toBe(50);
    expect(ts[0]).toBe(0.01);
    expect(ts[49]).toBe(100);
    const steps = ts.slice(1).map((v, k) => Math.log(v / ts[k]));
    for (const s of steps) expect(s).toBeCloseTo(steps[0], 4);
  });
  it.each([
    ['0.1:10:log', 'err.sweep.range'],
    ['0.1:10:cubic:4', 'err.sweep.range'],
    ['0.1:10:log:x', 'err.sweep.range'],
    ['0.1:10:log:2.5', 'err.sweep.range'],
    ['10:0.1:log:4', 'err.sweep.order'],
    ['1:1:lin:3', 'err.sweep.order'],
    ['0.1:10:log:1', 'err.sweep.count'],
    ['0.1:10:log:51', 'err.sweep.count'],
    ['0:10:lin:4', 'err.temperature'],
    ['-1,2', 'err.temperature'],
    ['1,,2', 'err.temperature'],
    ['1,inf', 'err.temperature'],
    ['1,x', 'err.temperature'],
    ['1,2,1', 'err.sweep.twice'],
    [Array.from({ length: 51 }, (_, k) => k + 1).join(','), 'err.sweep.count'],
  ])('%s is refused (%s)', (text, key) => {
    try {
      readTemperatures(text);
      expect.unreachable();
    } catch (error) {
      expect((error as XentError).key).toBe(key);
    }
  });
});

describe('xent softmax, ce, distill, clip -t LIST: a row per temperature', () => {
  it('softmax: each row is the softmax at that T, with its entropy', async () => {
    const ts = [0.5, 1, 2, 5, 10];
    const r = await xent(['softmax', '2', '0.5', '-1', '-t', ts.join(',')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const [header, ...lines] = r.stdout.trim().split('\n');
    expect(header).toBe('temperature\tp_0\tp_1\tp_2\tentropy');
    const rows = tsvRows(lines.join('\n'));
    expect(rows.map((row) => row[0])).toEqual(ts);
    for (const [k, t] of ts.entries()) {
      const single = tsvRows((await xent(['softmax', '2', '0.5', '-1', '-t', String(t)])).stdout)[0];
      expect(rows[k].slice(1, 4)).toEqual(single);
      expect(rows[k][4]).toBeCloseTo(entropyOf(single), 14);
    }
    // The entropy grows with T: the probabilities flatten.
    for (let k = 1; k < rows.length; k++) expect(rows[k][4]).toBeGreaterThan(rows[k - 1][4]);
  });
  it('ce on two rows: a line per (temperature, row), the loss of each as ce -r none gives it', async () => {
    const m = '2,0.5,-1; 0.3,1.8,0.2';
    const r = await xent(['ce', m, '-y', '0,1', '-t', '0.5:2:lin:4']);
    expect(r.stderr).toBe('');
    const [header, ...lines] = r.stdout.trim().split('\n');
    expect(header).toBe('temperature\trow\tp_0\tp_1\tp_2\tentropy\tloss');
    const rows = tsvRows(lines.join('\n'));
    expect(rows.length).toBe(8);
    for (const [k, t] of [0.5, 1, 1.5, 2].entries()) {
      const single = JSON.parse((await xent(['ce', m, '-y', '0,1', '-t', String(t), '-f', 'json'])).stdout);
      for (const i of [0, 1]) {
        const row = rows[2 * k + i];
        expect(row.slice(0, 2)).toEqual([t, i + 1]);
        expect(row.slice(2, 5)).toEqual(single.probs[i]);
        expect(row[6]).toBe(single.losses[i]);
      }
    }
  });
  it('ce --base 2: the entropy in bits, as the loss', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '-t', '1,2', '--base', '2', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.unit).toBe('bits');
    const p = json.sweep[0].probs[0];
    expect(json.sweep[0].entropy[0]).toBeCloseTo(entropyOf(p) / Math.LN2, 14);
  });
  it('-f json: the temperatures, and at each its probabilities, entropies, losses and loss', async () => {
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-t', '1,2', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.command).toBe('ce');
    expect(json.temperatures).toEqual([1, 2]);
    expect(Object.keys(json.sweep[0])).toEqual(['temperature', 'probs', 'entropy', 'losses', 'loss']);
    const plain = JSON.parse(
      (await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-t', '2', '-f', 'json'])).stdout,
    );
    expect(json.sweep[1].loss).toBe(plain.loss);
  });
  it("distill: the teacher's softened probabilities at each T and the distillation loss", async () => {
    const base = ['distill', '--student', '1,2,0; 0,1,3', '--teacher', '2,1,0; 0,0,4'];
    const r = await xent([...base, '-t', '1,2,4', '-f', 'json']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    for (const [k, t] of [1, 2, 4].entries()) {
      const single = JSON.parse((await xent([...base, '-t', String(t), '-f', 'json'])).stdout);
      expect(json.sweep[k].probs).toEqual(single.teacher_probs);
      expect(json.sweep[k].losses).toEqual(single.losses);
      expect(json.sweep[k].loss).toBe(single.loss);
    }
  });
  it('clip: -t T is -s 1/T; image → text probabilities and losses per row', async () => {
    const m = '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5';
    const r = await xent(['clip', m, '-t', '0.5,1', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    const single = JSON.parse((await xent(['clip', m, '-t', '0.5', '-f', 'json'])).stdout);
    expect(json.sweep[0].probs).toEqual(single.probs_i2t);
    expect(json.sweep[0].losses).toEqual(single.losses_i2t);
    expect(json.sweep[0].loss).toBe(single.loss);
  });
  it('softmax --axis col: each column is a distribution', async () => {
    const r = await xent(['softmax', '1,2; 3,4; 5,6', '--axis', 'col', '-t', '1,2', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.sweep[0].probs.length).toBe(2);
    expect(json.sweep[0].probs[0].length).toBe(3);
    expect(json.sweep[0].probs[0].reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 14);
  });
  it('the table, the chart of each class against T and the notes (ASCII in a pipe, golden)', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '-t', '0.1:10:log:9', '-f', 'table']);
    expect(r.stdout).not.toMatch(/[\u2800-\u28ff]/);
    expectGolden('sweep-softmax.en.txt', r.stdout);
    const zh = await xent(['-L', 'zh', 'ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-t', '0.5,1,2', '-f', 'table']);
    expectGolden('sweep-ce.zh.txt', zh.stdout);
  });
  it('on a terminal the chart is Braille; with TERM=dumb it is ASCII', async () => {
    const argv = ['softmax', '2', '0.5', '-1', '-t', '0.5,1,2', '--no-color'];
    const tty = await xent(argv, { tty: true, env: { LANG: 'C', TERM: 'xterm-256color' } });
    expect(tty.stdout).toMatch(/[\u2801-\u28ff]/);
    const dumb = await xent(argv, { tty: true, env: { LANG: 'C', TERM: 'dumb' } });
    expect(dumb.stdout).not.toMatch(/[\u2801-\u28ff]/);
    expect(dumb.stdout).toContain('* 0   + 1   o 2');
  });
  it('fits the terminal width', async () => {
    for (const columns of [50, 80, 100]) {
      const r = await xent(['softmax', '2', '0.5', '-1', '-t', '0.5,1,2', '-f', 'table'], { columns });
      const from = r.stdout.indexOf('Probability of each class');
      const chart = r.stdout.slice(from, r.stdout.indexOf('\n\n', from));
      for (const line of chart.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.max(columns, 40));
    }
  });
  it('a large input is charted for its first three rows, and says so', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${i},1,0`).join('; ');
    const r = await xent(['softmax', rows, '-t', '1,2', '-f', 'table']);
    expect(r.stdout.match(/Probability of each class/g)?.length).toBe(3);
    expect(r.stdout).toContain('Charts for the first 3 rows of 5.');
  });
});

describe('sweeps refused', () => {
  it('a command without sweeps', async () => {
    await expectErrorInBothLanguages(
      ['descend', '--example', '-t', '1,2'],
      "xent: error: xent descend takes one temperature; sweeps (-t with several values) are for softmax, ce, distill and clip\nTry 'xent descend --help'.",
      "xent: 错误：xent descend 只接受一个温度；温度扫描（-t 给多个值）只用于 softmax、ce、distill 和 clip\n请运行 'xent descend --help' 查看用法。",
    );
  });
  it.each([
    [['softmax', '1', '2', '-t', '1,2', '--explain'], '--explain'],
    [['softmax', '1', '2', '-t', '1,2', '--expect', '0.5,0.5'], '--expect'],
  ])('%j: one computation only', async (argv, option) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${option} explains or checks one computation`);
  });
  it('a bad range names itself, in both languages', async () => {
    await expectErrorInBothLanguages(
      ['softmax', '1', '2', '-t', '1:10:log'],
      "xent: error: bad temperature range '1:10:log': write START:END:log:N or START:END:lin:N (e.g. 0.1:10:log:9), N a whole number\nTry 'xent softmax --help'.",
      "xent: 错误：温度范围“1:10:log”写法不对：应写成 START:END:log:N 或 START:END:lin:N（如 0.1:10:log:9），N 为整数\n请运行 'xent softmax --help' 查看用法。",
    );
  });
  it('ce --probs with a sweep is refused as with one temperature', async () => {
    const r = await xent(['ce', '0.5,0.5', '--probs', '-y', '0', '-t', '1,2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('--hist and --plot', () => {
  const many = Array.from({ length: 200 }, (_, i) => `${Math.sin(i) * 3},${Math.cos(i)},0`).join('\n');
  const targets = Array.from({ length: 200 }, (_, i) => i % 3).join(',');
  it('--hist: the per-row losses in bins that add up to the rows (golden)', async () => {
    const r = await xent(['ce', '-y', targets, '--hist', '-f', 'table'], { stdin: many });
    expect(r.stderr).toBe('');
    const hist = r.stdout.slice(r.stdout.indexOf('Histogram of the per-row losses (200 rows)'));
    const counts = hist
      .split('\n')
      .filter((l) => l.startsWith('['))
      .map((l) => Number(l.split(/\s+/)[2]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(counts.length).toBe(9); // ⌈log₂ 200⌉ + 1
    expectGolden('hist-ce.en.txt', hist);
  });
  it('--hist says how many rows it could not draw (an inf loss)', async () => {
    // (A first line 0,1 above fractions reads as pandas' integer column names: --header no.)
    const r = await xent(['ce', '--probs', '-y', '0,0,1', '--hist', '-f', 'table', '--header', 'no'], {
      stdin: '0,1\n0.5,0.5\n0.2,0.8\n',
    });
    expect(r.stdout).toContain('1 rows not drawn: their loss is inf or nan');
  });
  it('--hist on a command without per-row losses is refused', async () => {
    const r = await xent(['softmax', '1', '2', '--hist']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('xent softmax has no per-row losses for --hist');
  });
  it('--plot writes the sweep as SVG, whatever the output format', async () => {
    const written: Record<string, string> = {};
    const r = await xent(['softmax', '2', '0.5', '-1', '-t', '0.1:10:log:9', '--plot', 'sweep.svg'], { written });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(tsvRows(r.stdout.split('\n').slice(1).join('\n')).length).toBe(9);
    const svg = written['sweep.svg'];
    expect(parseXml(svg)[0]).toBe('svg');
    expect(svg).toContain('>temperature T (log scale)<');
  });
  it('--plot speaks the run language: descend in Chinese', async () => {
    const written: Record<string, string> = {};
    await xent(['-L', 'zh', 'descend', '2', '0.5', '-1', '-y', '0', '--plot', 'd.svg', '-f', 'json'], { written });
    expect(parseXml(written['d.svg'])[0]).toBe('svg');
    expect(written['d.svg']).toContain('>每一步的损失<');
    expect(written['d.svg']).toContain('>每一步的 p(正例)<');
  });
  it('--plot with --hist writes the histogram', async () => {
    const written: Record<string, string> = {};
    await xent(['ce', '-y', targets, '--hist', '--plot', 'h.svg'], { stdin: many, written });
    expect(written['h.svg']).toContain('>Histogram of the per-row losses (200 rows)<');
  });
  it.each([
    [['softmax', '1', '2', '--plot', 'x.svg'], 'this run draws no chart for --plot'],
    [
      ['softmax', '1', '2', '-t', '1,2', '--plot', 'x.png'],
      "--plot writes an SVG file: give a name ending in .svg, got 'x.png'",
    ],
  ])('%j is refused', async (argv, text) => {
    const written: Record<string, string> = {};
    const r = await xent(argv, { written });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(text);
    expect(written).toEqual({});
  });
  it('a file that cannot be written: exit 74, the reason, nothing on stdout', async () => {
    const r = await xent(['softmax', '1', '2', '-t', '1,2', '--plot', '/no/such/dir/x.svg']);
    // The in-process helper has no file system: the real binary's failure is in process tests.
    expect(r.code).toBe(74);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("cannot write the chart to '/no/such/dir/x.svg'");
  });
});

describe('xent descend: the loss and p(positive) per step', () => {
  it('two charts under the tables (golden, ASCII)', async () => {
    const r = await xent(['descend', '2', '0.5', '-1', '-y', '0', '--steps', '8', '-f', 'table']);
    const charts = r.stdout.slice(r.stdout.indexOf('Loss per step'), r.stdout.indexOf('\nloss '));
    expect(charts).toContain('p(positive) per step');
    expectGolden('descend-charts.en.txt', charts);
  });
});
