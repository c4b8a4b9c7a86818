// The charts of a run as one SVG file (--plot FILE.svg): the same data as the terminal's
// charts (src/format/chart.ts), with axes, ticks, labels and a legend in the run's language.
// Charts are stacked one under another. Pure: data in, text out.
import type { Chart, HistogramChart, LineChart } from '../report/chart.js';
import { tickText, xTicks } from './chart.js';
import { displaySafe } from './display-safe.js';
import { displayWidth } from './width.js';

/** Tableau's ten colours: told apart by most readers, also in print. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const WIDTH = 640;
const PLOT = { left: 70, right: 24, top: 44, height: 240 };
const FONT = 12;

/** Text as SVG holds it: inert (control characters escaped, src/format/display-safe.ts) and XML-escaped. */
function xml(text: string): string {
  return displaySafe(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Six digits are plenty for a coordinate, and keep the file short. */
function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Approximate width of a text in pixels (wide characters count twice). */
function textWidth(text: string): number {
  return displayWidth(text) * FONT * 0.6;
}

/** y ticks: round values (as the terminal's x axis has them) within lo…hi. */
function yTicks(lo: number, hi: number): number[] {
  return xTicks(lo, hi, false);
}

interface Frame {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  readonly right: number;
  readonly bottom: number;
}

/** Axes, grid, tick labels, the title and the axis labels of one panel. */
function axes(out: string[], chart: Chart, frame: Frame, xs: readonly number[], ys: readonly number[]): void {
  const { right, bottom } = frame;
  if (chart.title !== undefined) {
    out.push(
      `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${xml(chart.title)}</text>`,
    );
  }
  for (const v of ys) {
    const y = n(frame.y(v));
    out.push(`<line x1="${PLOT.left}" y1="${y}" x2="${right}" y2="${y}" stroke="#e0e0e0"/>`);
    out.push(
      `<text x="${PLOT.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${xml(tickText(v))}</text>`,
    );
  }
  for (const v of xs) {
    const x = n(frame.x(v));
    out.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="#333"/>`);
    out.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle">${xml(tickText(v))}</text>`);
  }
  out.push(
    `<path d="M${PLOT.left},${PLOT.top} V${bottom} H${right}" fill="none" stroke="#333"/>`,
    `<text x="${n((PLOT.left + right) / 2)}" y="${bottom + 36}" text-anchor="middle">${xml(chart.xLabel)}</text>`,
    `<text transform="translate(18,${n(PLOT.top + PLOT.height / 2)}) rotate(-90)" text-anchor="middle">${xml(chart.yLabel)}</text>`,
  );
}

/** Legend entries (a swatch and a label), wrapped under the axes; returns the height it took. */
function legend(out: string[], entries: readonly { label: string; swatch: string }[], top: number): number {
  let x = PLOT.left;
  let y = top;
  for (const { label, swatch } of entries) {
    const w = 28 + textWidth(label) + 18;
    if (x + w > WIDTH - PLOT.right && x > PLOT.left) {
      x = PLOT.left;
      y += 20;
    }
    out.push(
      `<g transform="translate(${n(x)},${n(y)})">${swatch}<text x="26" y="0" dominant-baseline="middle">${xml(label)}</text></g>`,
    );
    x += w;
  }
  return entries.length > 0 ? y - top + 20 : 0;
}

function linePanel(chart: LineChart, out: string[]): number {
  const xLog = chart.xLog === true;
  const xs = chart.series
    .flatMap((s) => s.points.map((p) => p[0]))
    .filter((x) => Number.isFinite(x) && (!xLog || x > 0));
  const ys = chart.series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  if (chart.mark) {
    xs.push(chart.mark.x);
    if (Number.isFinite(chart.mark.y)) ys.push(chart.mark.y);
  }
  const span = (values: number[], fallback: [number, number]): [number, number] => {
    if (values.length === 0) return fallback;
    const lo = Math.min(...values); // spread-ok: a chart's points, a few hundred at most
    const hi = Math.max(...values); // spread-ok: as above
    return lo < hi ? [lo, hi] : xLog && values === xs ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  };
  const [xLo, xHi] = span(xs, xLog ? [1, 10] : [0, 1]);
  const [yLo, yHi] = chart.yRange ? [chart.yRange[0], chart.yRange[1]] : span(ys, [0, 1]);
  const right = WIDTH - PLOT.right;
  const bottom = PLOT.top + PLOT.height;
  const f = xLog ? Math.log10 : (v: number) => v;
  const frame: Frame = {
    x: (v) => PLOT.left + ((f(v) - f(xLo)) / (f(xHi) - f(xLo))) * (right - PLOT.left),
    y: (v) => bottom - ((Math.min(yHi, Math.max(yLo, v)) - yLo) / (yHi - yLo)) * PLOT.height,
    right,
    bottom,
  };
  axes(out, chart, frame, xTicks(xLo, xHi, xLog), yTicks(yLo, yHi));
  chart.series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const points = [...s.points].sort((a, b) => a[0] - b[0]); // spread-ok: copied to sort
    // A non-finite value breaks the curve (an inf loss is not drawn as a point on the edge).
    let d = '';
    let pen = 'M';
    for (const [x, y] of points) {
      if (!Number.isFinite(y) || !Number.isFinite(x) || (xLog && !(x > 0))) {
        pen = 'M';
        continue;
      }
      d += `${pen}${n(frame.x(x))},${n(frame.y(y))} `;
      pen = 'L';
    }
    out.push(`<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    if (points.length <= 60)
      for (const [x, y] of points)
        if (Number.isFinite(y) && (!xLog || x > 0))
          out.push(`<circle cx="${n(frame.x(x))}" cy="${n(frame.y(y))}" r="3" fill="${colour}"/>`);
  });
  const entries = chart.series.map((s, k) => ({
    label: s.label,
    swatch: `<line x1="0" y1="0" x2="20" y2="0" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="3"/>`,
  }));
  if (chart.mark && Number.isFinite(chart.mark.y)) {
    const cx = n(frame.x(chart.mark.x));
    const cy = n(frame.y(chart.mark.y));
    out.push(`<circle cx="${cx}" cy="${cy}" r="6" fill="none" stroke="#d62728" stroke-width="2.5"/>`);
    entries.push({
      label: chart.mark.label,
      swatch: '<circle cx="10" cy="0" r="6" fill="none" stroke="#d62728" stroke-width="2.5"/>',
    });
  }
  return bottom + 50 + legend(out, entries, bottom + 58);
}

function histogramPanel(chart: HistogramChart, out: string[]): number {
  const right = WIDTH - PLOT.right;
  const bottom = PLOT.top + PLOT.height;
  const lo = chart.bins[0]?.from ?? 0;
  const hi = chart.bins[chart.bins.length - 1]?.to ?? 1;
  const most = Math.max(1, ...chart.bins.map((b) => b.count)); // spread-ok: at most 20 bins
  const flat = !(hi > lo);
  const frame: Frame = {
    x: (v) => PLOT.left + (flat ? 0.5 : (v - lo) / (hi - lo)) * (right - PLOT.left),
    y: (v) => bottom - (v / most) * PLOT.height,
    right,
    bottom,
  };
  const edges = flat ? [lo] : chart.bins.map((b) => b.from).concat(hi);
  const every = Math.ceil(edges.length / 7);
  axes(
    out,
    chart,
    frame,
    edges.filter((_, k) => k % every === 0 || k === edges.length - 1),
    yTicks(0, most),
  );
  for (const b of chart.bins) {
    const x0 = flat ? PLOT.left + 0.3 * (right - PLOT.left) : frame.x(b.from);
    const x1 = flat ? PLOT.left + 0.7 * (right - PLOT.left) : frame.x(b.to);
    const top = frame.y(b.count);
    out.push(
      `<rect x="${n(x0)}" y="${n(top)}" width="${n(Math.max(0, x1 - x0 - 1))}" height="${n(bottom - top)}" fill="${PALETTE[0]}"/>`,
    );
  }
  let height = bottom + 50;
  if (chart.outside) {
    out.push(`<text x="${PLOT.left}" y="${height + 4}">${xml(chart.outside)}</text>`);
    height += 20;
  }
  return height;
}

/**
 * The charts as one SVG document, each a panel under the one before.
 *
 * @example
 * chartsSvg([{ kind: 'line', title: 'p', xLabel: 'T', yLabel: 'p', series: [] }]) // "<?xml …<svg …</svg>\n"
 */
export function chartsSvg(charts: readonly Chart[]): string {
  const panels: string[] = [];
  let top = 0;
  for (const chart of charts) {
    const body: string[] = [];
    const height = chart.kind === 'line' ? linePanel(chart, body) : histogramPanel(chart, body);
    panels.push(`<g transform="translate(0,${top})">\n${body.join('\n')}\n</g>`);
    top += height;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="sans-serif" font-size="${FONT}">`,
    `<rect width="${WIDTH}" height="${top}" fill="#ffffff"/>`,
    ...panels, // spread-ok: a few panels
    '</svg>',
    '',
  ].join('\n');
}
