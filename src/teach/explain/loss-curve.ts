// The curve a hard-target cross-entropy walks on: L = −log p(target), with the row's own
// point on it. Drawn in ASCII inside --explain (an explanation is pasted into notes).
import type { InfoUnit } from '../../core/units.js';
import { renderChart } from '../../format/chart.js';
import type { Translator } from '../../i18n/translator.js';
import type { LineChart } from '../../report/chart.js';
import type { ExplainLine } from './explanation.js';
import { num } from './numbers.js';

/** Points of the curve: enough for a smooth line at any terminal width. */
const SAMPLES = 120;

/**
 * −log p in `unit` from p = min(0.01, p/2) to 1, and the point (p, −log p) marked.
 *
 * @example
 * lossCurveChart(t, 0.7856, NATS, 4).mark // { x: 0.7856, y: 0.2413…, label: 'p = 0.7856, −ln p = 0.2413' }
 */
export function lossCurveChart(t: Translator, p: number, unit: InfoUnit, decimals: number): LineChart {
  const lowest = Math.min(0.01, p / 2);
  const loss = (q: number) => -Math.log(q) / unit.ln;
  const points = Array.from({ length: SAMPLES }, (_, k) => {
    const q = lowest + ((1 - lowest) * k) / (SAMPLES - 1);
    return [q, loss(q)] as const;
  });
  const y = `−${unit.log} p`;
  return {
    kind: 'line',
    xLabel: t.label('teach.ce.curve.x'),
    yLabel: y,
    series: [{ label: y, points }],
    // p = 0 has an infinite loss: the point is drawn where it can be.
    mark: {
      x: Math.max(p, lowest),
      y: Number.isFinite(loss(p)) ? loss(p) : loss(lowest),
      // Numbers only: one short legend in every language, `-L both` included.
      label: `p = ${num(p, decimals)}, −${unit.log} p = ${num(loss(p), decimals)}`,
    },
  };
}

/**
 * The curve as lines of an explanation: its title as a sentence, the chart as a figure in
 * ASCII, drawn again at the width the explanation is laid out in.
 */
export function lossCurveLines(t: Translator, p: number, unit: InfoUnit, decimals: number): ExplainLine[] {
  const chart = lossCurveChart(t, p, unit, decimals);
  const draw = (width: number) => renderChart(chart, { width: Math.max(30, width), ascii: true, height: 8 });
  return [
    { kind: 'text', text: t.label('teach.ce.curve.title', { log: unit.log }) },
    { kind: 'figure', text: draw(72), draw },
  ];
}
