// A temperature sweep's report: the command run once per temperature (src/cli/sweep.ts),
// laid out as one row per temperature (and input row) with each distribution's entropy
// beside it, the loss where the command has one per row, and a chart of each class's
// probability against T.
import { entropy } from '../ops/entropy/kernel.js';
import type { Translator } from '../i18n/translator.js';
import type { Chart, LineChart } from './chart.js';
import { type Cell, type Report, type ReportTable, numberCell } from './report.js';

/** One temperature's run, as the command's sweep ability reads it from its JSON. */
export interface SweepPoint {
  readonly temperature: number;
  /** One distribution per item (a row's classes). */
  readonly distributions: readonly ArrayLike<number>[];
  /** Each item's loss, where the command has one per row (null: an ignored row). */
  readonly losses?: ArrayLike<number | null>;
  /** The run's reduced loss, when it has one. */
  readonly loss?: number;
}

export interface Sweep {
  readonly command: string;
  readonly classes: readonly string[];
  readonly points: readonly SweepPoint[];
  /** The unit of the losses (and so of the entropies): ln of its base, its name. */
  readonly unit: { readonly ln: number; readonly name: string };
  /** What the command's probabilities and losses are, when it needs saying. */
  readonly notes: readonly string[];
}

/** Charts for at most this many input rows: a chart each. */
const CHARTED_ROWS = 3;

/** The chart of item `row`'s classes against T; a log axis when T spans a factor of 10 or more. */
function sweepChart(t: Translator, sweep: Sweep, row: number, titled: boolean): LineChart {
  const ts = sweep.points.map((p) => p.temperature);
  const xLog = Math.max(...ts) / Math.min(...ts) >= 10; // spread-ok: at most 50 temperatures
  return {
    kind: 'line',
    title: titled ? t.label('sweep.chart.title', { row: row + 1 }) : t.label('sweep.chart.titleOne'),
    xLabel: t.label(xLog ? 'sweep.chart.xLog' : 'sweep.chart.x'),
    yLabel: t.label('sweep.chart.y'),
    xLog,
    yRange: [0, 1],
    series: sweep.classes.map((label, c) => ({
      label,
      points: sweep.points.map((p) => [p.temperature, p.distributions[row][c]] as const),
    })),
  };
}

export function sweepReport(t: Translator, sweep: Sweep): Report {
  const { points, classes, unit } = sweep;
  const items = points[0]?.distributions.length ?? 0;
  const withLoss = points.every((p) => p.losses !== undefined && p.losses.length === items);
  const manyRows = items > 1;
  const entropies = points.map((p) => p.distributions.map((d) => entropy(d) / unit.ln));
  const lossOf = (k: number, i: number): number => {
    const l = points[k].losses?.[i];
    return l === null || l === undefined ? NaN : l;
  };
  const unitName = unit.name;
  const colLabels = [
    ...(manyRows ? [t.label('label.row')] : []),
    ...classes,
    t.label('sweep.label.entropy', { unit: unitName }),
    ...(withLoss ? [t.label('label.loss')] : []),
  ];
  const rows: { label: string; cells: Cell[] }[] = [];
  const data: number[][] = [];
  points.forEach((p, k) => {
    for (let i = 0; i < items; i++) {
      const d = p.distributions[i];
      const cells: Cell[] = [];
      if (manyRows) cells.push({ kind: 'text', text: String(i + 1) });
      for (let c = 0; c < d.length; c++) cells.push(numberCell(d[c], { bar: true }));
      cells.push(numberCell(entropies[k][i]));
      if (withLoss) cells.push(numberCell(lossOf(k, i)));
      rows.push({ label: String(p.temperature), cells });
      data.push([
        p.temperature,
        ...(manyRows ? [i + 1] : []),
        ...Array.from(d),
        entropies[k][i],
        ...(withLoss ? [lossOf(k, i)] : []),
      ]); // spread-ok: one row's classes
    }
  });
  const table: ReportTable = { title: t.label('sweep.title'), corner: 'T', colLabels, rows };
  const charted = Math.min(items, CHARTED_ROWS);
  const charts: Chart[] = Array.from({ length: charted }, (_, i) => sweepChart(t, sweep, i, manyRows));
  const notes = [
    t.t('sweep.note.entropy', {
      unit: unitName,
      most: String(Math.round((Math.log(classes.length) / unit.ln) * 1e4) / 1e4),
    }),
    ...sweep.notes,
  ];
  if (items > charted) notes.push(t.t('sweep.note.charted', { shown: charted, rows: items }));
  return {
    tables: [table],
    summary: [],
    notes,
    charts,
    data: {
      colLabels: [
        'temperature',
        ...(manyRows ? ['row'] : []),
        ...classes.map((c) => `p_${c}`),
        'entropy',
        ...(withLoss ? ['loss'] : []),
      ],
      rows: data,
      integerCols: manyRows ? [1] : [],
    },
    values: data.map((row) => row.slice(manyRows ? 2 : 1, (manyRows ? 2 : 1) + classes.length)),
    json: {
      command: sweep.command,
      ...(unit.ln !== 1 ? { unit: unitName } : {}),
      temperatures: points.map((p) => p.temperature),
      sweep: points.map((p, k) => ({
        temperature: p.temperature,
        probs: p.distributions.map((d) => Array.from(d)),
        entropy: entropies[k],
        ...(withLoss ? { losses: Array.from(p.losses!) } : {}),
        ...(p.loss !== undefined ? { loss: p.loss } : {}),
      })),
    },
  };
}
