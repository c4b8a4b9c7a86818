import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart, tickText, xTicks } from '../../src/format/chart.js';
import { chartsSvg } from '../../src/format/chart-svg.js';
import { displayWidth } from '../../src/format/width.js';
import { type HistogramChart, type LineChart, histogramBins } from '../../src/report/chart.js';
import { expectGolden } from '../helpers/golden.js';
import { parseXml } from '../helpers/xml.js';

/** Softmax of (2, 0.5, −1) at each T, the sweep's picture. */
function sweepChart(): LineChart {
  const z = [2, 0.5, -1];
  const ts = [0.1, 0.2, 0.5, 1, 2, 5, 10];
  const p = (t: number) => {
    const e = z.map((v) => Math.exp(v / t));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  return {
    kind: 'line',
    title: 'p against T',
    xLabel: 'T (log scale)',
    yLabel: 'probability',
    xLog: true,
    yRange: [0, 1],
    series: z.map((_, c) => ({ label: `class ${c}`, points: ts.map((t) => [t, p(t)[c]] as const) })),
  };
}

const curve: LineChart = {
  kind: 'line',
  title: 'loss',
  xLabel: 'p',
  yLabel: '-ln p',
  series: [
    { label: '-ln p', points: Array.from({ length: 50 }, (_, k) => [0.02 + k * 0.02, -Math.log(0.02 + k * 0.02)]) },
  ],
  mark: { x: 0.2, y: -Math.log(0.2), label: 'this row' },
};

const histogram = (): HistogramChart => {
  const values = Array.from({ length: 1000 }, (_, k) => -Math.log((k + 0.5) / 1000));
  const { bins } = histogramBins([...values, Infinity, Number.NaN]);
  return { kind: 'histogram', title: 'losses', xLabel: 'loss', yLabel: 'rows', bins, outside: '2 rows not drawn' };
};

describe('tick labels and axes', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [0.5, '0.5'],
    [0.31622776, '0.316'],
    [123456, '1.2e5'],
    [0.0001234, '1.2e-4'],
    [-2.5, '-2.5'],
    [Infinity, 'inf'],
  ])('tickText(%s) is %s', (v, text) => expect(tickText(v)).toBe(text));
  it('a log axis is labelled at its decades, a linear one at round values', () => {
    expect(xTicks(0.1, 10, true)).toEqual([0.1, 1, 10]);
    expect(xTicks(0.5, 2, false)).toEqual([0.5, 1, 1.5, 2]);
    expect(xTicks(0, 5, false)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(xTicks(0.01, 1, false)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('histogram bins', () => {
  it("Sturges' count, evenly spread, the maximum in the last bin", () => {
    const { bins, count } = histogramBins([0, 1, 2, 3]);
    expect(count).toBe(4);
    expect(bins).toEqual([
      { from: 0, to: 1, count: 1 },
      { from: 1, to: 2, count: 1 },
      { from: 2, to: 3, count: 2 },
    ]);
  });
  it('every finite value is in one bin; inf and nan are counted apart', () => {
    const values = Array.from({ length: 5000 }, (_, k) => Math.sin(k) * 3);
    const { bins, nonFinite } = histogramBins([...values, Infinity, -Infinity, Number.NaN], 20);
    expect(bins.length).toBe(14);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(nonFinite).toBe(3);
    for (let k = 1; k < bins.length; k++) expect(bins[k].from).toBe(bins[k - 1].to);
  });
  it('equal values make one bin; no finite value, none', () => {
    expect(histogramBins([2, 2, 2]).bins).toEqual([{ from: 2, to: 2, count: 3 }]);
    expect(histogramBins([Infinity]).bins).toEqual([]);
  });
});

describe('terminal charts', () => {
  it('ASCII: the sweep, the curve with its point, the histogram (golden)', () => {
    const text = [
      renderChart(sweepChart(), { width: 80, ascii: true }),
      renderChart(curve, { width: 60, ascii: true, height: 8 }),
      renderChart(histogram(), { width: 70, ascii: true }),
    ].join('\n\n');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expectGolden('chart-ascii.txt', `${text}\n`);
  });
  it.each([40, 57, 80, 100, 140])('fits %i columns, in ASCII and in Braille', (width) => {
    for (const ascii of [true, false]) {
      for (const chart of [sweepChart(), curve, histogram()]) {
        const lines = renderChart(chart, { width, ascii }).split('\n');
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      }
    }
  });
  it('Braille: the curves in dots, a marker per series, the point marked, box-drawing axes', () => {
    const text = renderChart(sweepChart(), { width: 80, ascii: false });
    expect(text).toMatch(/[\u2801-\u28ff]/);
    expect(text).toContain('└');
    for (const mark of ['●', '○', '■']) expect(text).toContain(mark);
    expect(renderChart(curve, { width: 60, ascii: false })).toContain('◉ this row');
  });
  it('a class whose probability goes from 1 to 0 is drawn at both ends of the y axis', () => {
    const lines = renderChart(sweepChart(), { width: 80, ascii: true }).split('\n');
    const top = lines.find((l) => l.startsWith('  1 +'))!;
    const bottom = lines.find((l) => l.startsWith('  0 +'))!;
    expect(top.slice(5, 6)).toBe('*'); // class 0 at T = 0.1
    expect(bottom.slice(5, 6)).toMatch(/[+o]/); // classes 1 and 2 near 0 there
  });
  it('a label from the input is printed inert', () => {
    const chart: LineChart = { ...curve, series: [{ label: 'evil\u001b[2J', points: curve.series[0].points }] };
    expect(renderChart(chart, { width: 60, ascii: true })).not.toContain('\u001b');
  });
  it('a series with an inf or a nan has a gap there, not a wrong point', () => {
    const chart: LineChart = {
      kind: 'line',
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          label: 's',
          points: [
            [0, 0],
            [1, 1],
            [2, Infinity],
            [3, Number.NaN],
            [4, 0],
          ],
        },
      ],
    };
    const text = renderChart(chart, { width: 41, ascii: true });
    const rows = text.split('\n').filter((l) => /[+|] ?/.test(l) && l.includes('*'));
    expect(rows.length).toBeGreaterThan(0);
    // Columns between x = 2 and x = 3 hold no point.
    const plot = text
      .split('\n')
      .slice(2, 12)
      .map((l) => l.slice(l.search(/[+|]/) + 1));
    for (const line of plot) expect(line.slice(21, 30).trim()).toBe('');
  });
});

const hasRsvg = spawnSync('rsvg-convert', ['--version']).status === 0;

describe('SVG (--plot)', () => {
  const svg = chartsSvg([sweepChart(), curve, histogram()]);
  it('is well-formed XML with an svg root, axes, labels and a legend', () => {
    const names = parseXml(svg);
    expect(names[0]).toBe('svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const text of [
      'p against T',
      'T (log scale)',
      'probability',
      'class 0',
      'class 2',
      'this row',
      'losses',
      '2 rows not drawn',
    ])
      expect(svg).toContain(`>${text}<`);
    // A curve per series (and the histogram's bars).
    expect(names.filter((n) => n === 'path').length).toBeGreaterThanOrEqual(4 + 3);
    expect(names.filter((n) => n === 'rect').length).toBe(1 + histogram().bins.length);
  });
  it('escapes what the input names: <, &, quotes, control characters', () => {
    const chart: LineChart = { ...curve, title: 'a <b> & "c" \'d\' \u0007' };
    const text = chartsSvg([chart]);
    expect(() => parseXml(text)).not.toThrow();
    expect(text).toContain('a &#60;b&#62; &#38; &#34;c&#34; &#39;d&#39; \\x07');
  });
  it('Chinese labels stay as they are (UTF-8)', () => {
    const text = chartsSvg([{ ...curve, title: '各类别的概率随温度 T 的变化' }]);
    expect(() => parseXml(text)).not.toThrow();
    expect(text).toContain('>各类别的概率随温度 T 的变化<');
  });
  it.skipIf(!hasRsvg)('renders to a PNG (rsvg-convert; skipped where librsvg2-bin is not installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xent-svg-'));
    const input = join(dir, 'chart.svg');
    const output = join(dir, 'chart.png');
    writeFileSync(input, svg);
    execFileSync('rsvg-convert', ['-o', output, input]);
    const png = readFileSync(output);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Width and height from the IHDR chunk: the SVG's own size.
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(Number(/height="(\d+)"/.exec(svg)![1]));
  });
});
