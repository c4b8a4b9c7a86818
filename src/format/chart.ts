// Charts in the terminal, drawn by xent itself: data in, text out. Curves are Braille dots
// (2×4 per character) with a marker per series; with `ascii` (TERM=dumb, a pipe, tests) each
// series is a line of its own ASCII character. A library was not worth its load: asciichart
// (~0.8 ms) draws one curve per character cell, and neither it nor the others draw a legend,
// a logarithmic axis or a marked point; this file is a few hundred lines and loads with the rest.
import type { Chart, HistogramChart, LineChart } from '../report/chart.js';
import { bar } from './bar.js';
import { displaySafe } from './display-safe.js';
import { displayWidth, padEnd } from './width.js';
import { wrap } from './wrap.js';

export interface ChartLook {
  /** Columns the chart may take, labels included. */
  readonly width: number;
  /** Plain ASCII (TERM=dumb, not a terminal): no Braille, no box drawing. */
  readonly ascii: boolean;
  /** Rows of the plotting area (default 10). */
  readonly height?: number;
}

/** Each series' character in ASCII, and its marker beside Braille. */
const ASCII_MARKS = ['*', '+', 'o', 'x', '#', '%', '&', '=', '~', '$'];
const UNICODE_MARKS = ['●', '○', '■', '□', '▲', '△', '◆', '◇', '▼', '▽'];
const POINT_MARK = { ascii: '@', unicode: '◉' };

/** The mark of series k (they repeat after ten). */
export function seriesMark(k: number, ascii: boolean): string {
  const marks = ascii ? ASCII_MARKS : UNICODE_MARKS;
  return marks[k % marks.length];
}

/**
 * A tick label: three significant digits, no trailing zeros; exponent form for the very
 * small and the very large.
 *
 * @example
 * tickText(0.31622776) // "0.316"
 */
export function tickText(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  const text = v.toPrecision(3);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A map from [lo, hi] (log10 of it on a log axis) onto [0, 1]. */
function scaleOf(lo: number, hi: number, log: boolean): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(lo);
  const span = f(hi) - a;
  return (v) => (span > 0 ? (f(v) - a) / span : 0.5);
}

/** [lo, hi] of the finite values, widened when they are all equal (a flat line is drawn mid-height). */
function rangeOf(values: readonly number[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && !(v > 0))) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return log ? [1, 10] : [0, 1];
  if (lo === hi) {
    if (log) return [lo / 2, hi * 2];
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** y at x on the polyline through `points` (sorted by x), in the chart's x scale; undefined outside or on a gap. */
function interpolate(points: readonly (readonly [number, number])[], u: number, sx: (v: number) => number) {
  for (let k = 0; k < points.length; k++) {
    const [x1, y1] = points[k];
    const u1 = sx(x1);
    if (u1 === u) return Number.isFinite(y1) ? y1 : undefined;
    if (k > 0 && u1 > u) {
      const [x0, y0] = points[k - 1];
      const u0 = sx(x0);
      if (u0 > u || !Number.isFinite(y0) || !Number.isFinite(y1)) return undefined;
      return y0 + ((y1 - y0) * (u - u0)) / (u1 - u0);
    }
  }
  return undefined;
}

/** Where the x tick labels go: decades on a log axis when two or more fall inside (else both ends and the middle); round values on a linear one. */
export function xTicks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const decades: number[] = [];
    for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) decades.push(10 ** e);
    if (decades.length >= 2) return decades;
    return [lo, Math.sqrt(lo * hi), hi];
  }
  // Round steps (1, 2 or 5 times a power of ten), about five of them across the range.
  const rough = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks.length >= 2 ? ticks : [lo, hi];
}

/** Braille dot bits of a cell's column (0, 1) and row (0…3), as Unicode numbers them. */
const BRAILLE_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

function renderLine(chart: LineChart, look: ChartLook): string {
  const { ascii } = look;
  const height = Math.max(4, look.height ?? 10);
  const xLog = chart.xLog === true;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of chart.series)
    for (const [x, y] of s.points) {
      xs.push(x);
      ys.push(y);
    }
  if (chart.mark) {
    xs.push(chart.mark.x);
    ys.push(chart.mark.y);
  }
  const [xLo, xHi] = rangeOf(xs, xLog);
  const [yLo, yHi] = chart.yRange ? [chart.yRange[0], chart.yRange[1]] : rangeOf(ys, false);
  const yLabels = [tickText(yHi), tickText((yLo + yHi) / 2), tickText(yLo)];
  const labelWidth = Math.max(...yLabels.map((l) => l.length)); // spread-ok: three labels
  const width = Math.max(12, look.width - labelWidth - 2);
  const sx = scaleOf(xLo, xHi, xLog);
  const sy = scaleOf(yLo, yHi, false);
  const grid: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  /** The row (0 at the top) of y, on a grid of `rows` rows; undefined off the chart. */
  const rowOf = (y: number, rows: number) => {
    const v = sy(y);
    if (!(v >= -1e-9 && v <= 1 + 1e-9)) return undefined;
    return Math.round((1 - Math.min(1, Math.max(0, v))) * (rows - 1));
  };
  const colOf = (x: number, cols: number) => Math.round(sx(x) * (cols - 1));
  const sorted = chart.series.map((s) => [...s.points].sort((a, b) => a[0] - b[0])); // spread-ok: a chart's points, copied to sort

  /**
   * Walks a curve across `cols` columns of a `rows`-row grid and plots each cell it passes
   * through: a steep stretch is joined down the column, so the line has no holes.
   */
  const trace = (points: (typeof sorted)[number], cols: number, rows: number, plot: (r: number, c: number) => void) => {
    let previous: number | undefined;
    for (let c = 0; c < cols; c++) {
      const y = interpolate(points, cols > 1 ? c / (cols - 1) : 0, sx);
      const r = y === undefined ? undefined : rowOf(y, rows);
      if (r === undefined) {
        previous = undefined;
        continue;
      }
      const from = previous === undefined ? r : previous < r ? previous + 1 : previous > r ? previous - 1 : r;
      for (let q = Math.min(from, r); q <= Math.max(from, r); q++) plot(q, c);
      previous = r;
    }
  };
  if (ascii) {
    sorted.forEach((points, k) => {
      const mark = seriesMark(k, true);
      trace(points, width, height, (r, c) => {
        grid[r][c] = mark;
      });
    });
  } else {
    // Braille: 2 × 4 dots per character.
    const dots = Array.from({ length: height }, () => new Uint8Array(width));
    for (const points of sorted)
      trace(points, width * 2, height * 4, (r, c) => {
        dots[r >> 2][c >> 1] |= BRAILLE_BITS[c & 1][r & 3];
      });
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) if (dots[r][c]) grid[r][c] = String.fromCharCode(0x2800 + dots[r][c]);
    // Markers tell the series apart without colour: at each point when they are few, else at the last.
    sorted.forEach((points, k) => {
      const finite = points.filter(([x, y]) => Number.isFinite(y) && (!xLog || x > 0));
      const shown = finite.length * 2 <= width ? finite : finite.slice(-1);
      for (const [x, y] of shown) {
        const r = rowOf(y, height);
        if (r !== undefined) grid[r][colOf(x, width)] = seriesMark(k, false);
      }
    });
  }
  if (chart.mark) {
    const r = rowOf(chart.mark.y, height);
    if (r !== undefined) grid[r][colOf(chart.mark.x, width)] = ascii ? POINT_MARK.ascii : POINT_MARK.unicode;
  }

  const axis = ascii
    ? { tick: '+', line: '|', corner: '+', rule: '-', up: '+' }
    : { tick: '┤', line: '│', corner: '└', rule: '─', up: '┬' };
  const tickRows = new Map([
    [0, yLabels[0]],
    [Math.round((height - 1) / 2), yLabels[1]],
    [height - 1, yLabels[2]],
  ]);
  const lines = chart.title === undefined ? [] : wrap(displaySafe(chart.title), look.width);
  lines.push(`${' '.repeat(labelWidth)}  ${displaySafe(chart.yLabel)}`);
  for (let r = 0; r < height; r++) {
    const label = tickRows.get(r);
    const left =
      label !== undefined ? `${label.padStart(labelWidth)} ${axis.tick}` : `${' '.repeat(labelWidth)} ${axis.line}`;
    lines.push((left + grid[r].join('')).trimEnd());
  }
  // The x axis: a rule with a tick under each labelled value, the labels kept apart.
  const rule = new Array<string>(width).fill(axis.rule);
  const labels = new Array<string>(width + 12).fill(' ');
  let free = 0;
  for (const x of xTicks(xLo, xHi, xLog)) {
    const c = colOf(x, width);
    const text = tickText(x);
    const start = Math.max(0, Math.min(width - text.length, c - Math.floor(text.length / 2)));
    if (start < free) continue;
    rule[c] = axis.up;
    for (let k = 0; k < text.length; k++) labels[start + k] = text[k];
    free = start + text.length + 1;
  }
  const pad = ' '.repeat(labelWidth + 1);
  lines.push(`${pad}${axis.corner}${rule.join('')}`);
  lines.push(`${pad} ${labels.join('')}`.trimEnd());
  const xLabel = displaySafe(chart.xLabel);
  lines.push(`${pad} ${' '.repeat(Math.max(0, Math.floor((width - displayWidth(xLabel)) / 2)))}${xLabel}`);
  const legend = chart.series.map((s, k) => `${seriesMark(k, ascii)} ${displaySafe(s.label)}`);
  if (chart.mark) legend.push(`${ascii ? POINT_MARK.ascii : POINT_MARK.unicode} ${displaySafe(chart.mark.label)}`);
  lines.push(...wrapLegend(legend, look.width - labelWidth - 2).map((l) => `${pad} ${l}`)); // spread-ok: a few legend lines
  return lines.join('\n');
}

/** Legend entries three spaces apart, on as many lines as `width` needs. */
function wrapLegend(entries: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const entry of entries) {
    const joined = line === '' ? entry : `${line}   ${entry}`;
    if (line !== '' && displayWidth(joined) > width) {
      lines.push(line);
      line = entry;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function renderHistogram(chart: HistogramChart, look: ChartLook): string {
  // Each bin holds its lower end; the last one its upper end too.
  const last = chart.bins.length - 1;
  const ranges = chart.bins.map((b, k) => `[${tickText(b.from)}, ${tickText(b.to)}${k === last ? ']' : ')'}`);
  const counts = chart.bins.map((b) => String(b.count));
  const rangeWidth = Math.max(displayWidth(chart.xLabel), ...ranges.map((r) => r.length)); // spread-ok: at most 20 bins
  const countWidth = Math.max(displayWidth(chart.yLabel), ...counts.map((c) => c.length)); // spread-ok: at most 20 bins
  const barWidth = Math.max(8, look.width - rangeWidth - countWidth - 4);
  const most = Math.max(1, ...chart.bins.map((b) => b.count)); // spread-ok: at most 20 bins
  const lines = wrap(displaySafe(chart.title), look.width);
  lines.push(
    `${padEnd(displaySafe(chart.xLabel), rangeWidth)}  ${' '.repeat(countWidth - displayWidth(chart.yLabel))}${displaySafe(chart.yLabel)}`,
  );
  chart.bins.forEach((b, k) => {
    const share = b.count / most;
    // A bin that holds anything shows at least a sliver: a count of 1 among 10⁶ is not nothing.
    const drawn =
      b.count === 0
        ? ''
        : look.ascii
          ? '#'.repeat(Math.max(1, Math.round(share * barWidth)))
          : bar(Math.max(share, 1 / (8 * barWidth)), barWidth).trimEnd();
    lines.push(`${ranges[k].padEnd(rangeWidth)}  ${counts[k].padStart(countWidth)}  ${drawn}`.trimEnd());
  });
  if (chart.outside) for (const line of wrap(displaySafe(chart.outside), look.width)) lines.push(line);
  return lines.join('\n');
}

/**
 * A chart as lines of text at most `look.width` columns wide (labels from the input are printed inert).
 *
 * @example
 * renderChart({ kind: 'line', title: 'p', xLabel: 'T', yLabel: 'p', series: [...] }, { width: 60, ascii: true })
 */
export function renderChart(chart: Chart, look: ChartLook): string {
  return chart.kind === 'line' ? renderLine(chart, look) : renderHistogram(chart, look);
}

/** The charts of a report, each under a blank line (nothing when there are none). */
export function renderCharts(charts: readonly Chart[] | undefined, look: ChartLook): string[] {
  return (charts ?? []).map((chart) => renderChart(chart, look));
}
