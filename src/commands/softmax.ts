import { softmaxMistakes } from '../teach/expect-mistakes.js';
import { readChoice, readTemperature } from '../text/option-values.js';
import { explainSoftmax } from '../teach/explain/softmax.js';
import { type Matrix, at } from '../core/matrix.js';
import { type Axis, softmax } from '../ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../ops/softmax/spec.js';
import { checkSoftmaxInput } from '../ops/softmax/validate.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import { classLabels, rowCorner, rowLabels, rowLabelsJson } from '../report/labels.js';
import { type Report, type ReportTable, matrixRows, numberCell } from '../report/report.js';
import { planSoftmaxStream } from './streams/softmax.js';
import { type CommandSpec, defineCommand } from './command.js';
import { DTYPE_OPTIONS, readDtype, replayKey, withReplay } from './replay.js';
import { explainReplay } from '../teach/dtype.js';
import { type Replay, replay } from '../core/replay.js';
import { softmaxReplayed } from '../ops/softmax/replay.js';

// The check lives in softmax's home (the library uses it too); clip, ce and descend import it
// from here until they import from ops/softmax.
export { checkSoftmaxInput };

/** Where the largest entry of each row (or column) is. */
function argmaxMask(m: Matrix, axis: Axis): boolean[][] {
  const mask = Array.from({ length: m.rows }, () => new Array<boolean>(m.cols).fill(false));
  const lines = axis === 'row' ? m.rows : m.cols;
  const length = axis === 'row' ? m.cols : m.rows;
  const get = (a: number, b: number) => (axis === 'row' ? at(m, a, b) : at(m, b, a));
  for (let a = 0; a < lines; a++) {
    let best = 0;
    for (let b = 1; b < length; b++) if (get(a, b) > get(a, best)) best = b;
    if (axis === 'row') mask[a][best] = true;
    else mask[best][a] = true;
  }
  return mask;
}

/** The columns of a matrix given as rows. */
function columnsOf(rows: Iterable<ArrayLike<number>>): number[][] {
  const columns: number[][] = [];
  for (const row of rows) for (let j = 0; j < row.length; j++) (columns[j] ??= []).push(row[j]);
  return columns;
}

function softmaxTable(
  input: ParsedMatrix,
  shown: Matrix,
  { t, axis, log }: { t: Translator; axis: Axis; log: boolean },
): ReportTable {
  const mask = argmaxMask(shown, axis);
  const labels = rowLabels(shown.rows, input.rowLabels);
  const what = { key: axis === 'row' ? 'title.eachRow' : 'title.eachColumn' } as const;
  return {
    title: t.label(log ? 'title.logProbs' : 'title.probs', { what }),
    corner: rowCorner(t, input),
    colLabels: classLabels(input),
    rows: labels.map((label, i) => ({
      label,
      cells: Array.from({ length: shown.cols }, (_, j) => numberCell(at(shown, i, j), { bar: !log, mark: mask[i][j] })),
    })),
    footnote: t.t('note.markArgmax', { unit: { key: axis === 'row' ? 'label.row' : 'label.column' } }),
  };
}

/** The softmax of `spec` replayed in its --dtype. */
function softmaxReplay(input: Matrix, spec: SoftmaxSpec): Replay<Matrix> {
  const { temperature, axis, log } = spec;
  const naive = spec.precision!.naive;
  return replay(spec.precision!, (a, trace) => softmaxReplayed(input, { temperature, axis, log, naive }, a, trace));
}

export const softmaxCommand: CommandSpec = defineCommand<SoftmaxSpec>({
  name: 'softmax',
  summary: 'help.cmd.softmax',
  details: ['help.softmax.more', 'help.sweep'],
  input: 'matrix',
  options: [
    { flags: '-t, --temperature <T>', description: 'help.opt.temperature' },
    { flags: '--axis <axis>', description: 'help.opt.axis' },
    { flags: '--log', description: 'help.opt.log' },
    ...DTYPE_OPTIONS, // spread-ok: two options
  ],
  examples: [
    'xent softmax 2 0.5 -1',
    'xent softmax "2,0.5,-1; 0.3,1.8,0.2" -t 0.5',
    'xent softmax 1 -inf 2 --log',
    'echo "[[1000, 0, -1000]]" | xent softmax -f json',
    'xent softmax 12 0 -12 --dtype float16 --naive',
  ],
  readSpec: (options) => {
    const precision = readDtype(options, 'softmax');
    return {
      temperature: readTemperature(options.temperature as string | undefined),
      axis: readChoice(options.axis as string | undefined, '--axis', ['row', 'col'] as const, 'row'),
      log: options.log === true,
      ...(precision ? { precision } : {}),
    };
  },
  classesInRows: (spec) => spec.axis === 'row',
  abilities: {
    stream: (spec, context) => (spec.precision ? undefined : planSoftmaxStream(spec, context)),
    explain: (x) =>
      x.spec.precision
        ? explainReplay(x, softmaxReplay(x.input!, x.spec), { command: 'softmax', columns: x.spec.axis === 'col' })
        : explainSoftmax(x),
    headline: (spec) => {
      const key = spec.log ? 'log_probs' : 'probs';
      return spec.precision ? replayKey(key, spec.precision.dtype) : key;
    },
    mistakes: softmaxMistakes,
    sweep: {
      at: (spec, temperature) => ({ ...spec, temperature }),
      classes: (input, spec) => (spec.axis === 'row' ? classLabels(input!) : rowLabels(input!.rows)),
      // With --axis col each column is a distribution.
      read: (json) => ({
        distributions:
          json.axis === 'col'
            ? columnsOf(json.probs as Iterable<ArrayLike<number>>)
            : (json.probs as Iterable<ArrayLike<number>>),
      }),
    },
  },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const { temperature, axis, log } = spec;
    checkSoftmaxInput(input, axis, inputSource);
    const { probs, logProbs } = softmax(input, temperature, axis);
    const main = log ? logProbs : probs;
    const report: Report = {
      // A cell per entry: only for the outputs that print tables.
      tables: printsTables === false ? [] : [softmaxTable(input, main, { t, axis, log })],
      summary: [],
      notes: temperature === 1 ? [] : [t.t('note.temperature', { value: temperature })],
      data: { colLabels: input.colLabels, rows: matrixRows(main) },
      values: matrixRows(main),
      json: {
        command: 'softmax',
        temperature,
        axis,
        ...rowLabelsJson(input),
        probs: matrixRows(probs),
        log_probs: matrixRows(logProbs),
      },
    };
    if (!spec.precision) return report;
    const replayed = softmaxReplay(input, spec);
    const key = log ? 'log_probs' : 'probs';
    const quantity = { key, value: replayed.result.data, exact: main.data, cols: main.cols };
    return withReplay(t, report, spec.precision, [quantity], printsTables, report.notes);
  },
});
