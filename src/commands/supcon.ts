import { readTemperature } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { toRows } from '../matrix.js';
import { supconLoss } from '../math/supcon.js';
import type { Report, ReportTable } from '../report/report.js';
import type { MatrixCommandSpec } from './command.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';

/** τ when -t is not given: the default of the authors' SupConLoss. */
const DEFAULT_TEMPERATURE = 0.07;

export const supconCommand: MatrixCommandSpec = {
  name: 'supcon',
  summary: 'help.cmd.supcon',
  details: ['help.supcon.more', 'help.supcon.anchors'],
  input: 'matrix',
  options: [
    { flags: '-y, --labels <LIST>', description: 'help.opt.labels' },
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureSupcon' },
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
  ],
  examples: [
    'xent supcon "1,0; 0.8,0.6; 0,1; 0.6,0.8" --labels 0,0,1,1 -t 0.5',
    'xent supcon "1,0; 0.8,0.6; 0,1" -y 0,0,1 -t 0.1 -g',
    'xent supcon -i features.csv --labels @labels.txt -f json',
  ],
  async run(input, options, context): Promise<Report> {
    const { t, inputSource } = context;
    const labelsText = options.labels as string | undefined;
    if (labelsText === undefined) throw new XentError('err.labelsMissing', {}, true);
    // Any notation, flattened row by row: 0,0,1,1 or [0, 0, 1, 1] or a column in @FILE.
    const labels = Array.from((await context.readMatrixOption(labelsText, '--labels')).data);
    const temperature =
      options.temperature === undefined ? DEFAULT_TEMPERATURE : readTemperature(options.temperature as string);
    const result = supconLoss(input, labels, temperature, inputSource);
    const rows = numbered(input.rows);
    const labelText = labels.map(String);
    const tables: ReportTable[] = [
      matrixTable(result.probs, {
        title: t.label('title.othersSoftmax'),
        corner: `${t.label('label.row')} (${t.label('label.label')})`,
        rowLabels: rows.map((r, i) => `${r} (${labelText[i]})`),
        colLabels: rows.map((r, j) => `${r} (${labelText[j]})`),
        cell: (_v, i, j) => (i === j ? null : { bar: true, mark: labels[i] === labels[j] }),
        lastColumn: { label: t.label('label.loss'), values: result.losses, empty: t.label('label.noPositive') },
        footnote: t.t('note.markPositive'),
      }),
    ];
    if (options.grad === true) tables.push(gradientTable(t, 'title.gradEmbeddings', result.grad, t.label('label.row')));
    const left = rows.filter((_, i) => result.losses[i] === null);
    const notes = [t.t('note.supconTemperature', { temperature })];
    if (left.length > 0) notes.push(t.t('note.noPositive', { rows: left.join(', ') }));
    return {
      tables,
      summary: [
        { label: t.label('sum.loss'), value: result.loss },
        { label: t.label('sum.anchors'), value: t.label('sum.anchorsValue', { count: result.anchors, rows: input.rows }) },
      ],
      notes,
      data: { rows: toRows(result.probs) },
      values: [[result.loss]],
      json: {
        command: 'supcon',
        temperature,
        labels,
        losses: result.losses,
        loss: result.loss,
        anchors: result.anchors,
        grad: toRows(result.grad),
      },
    };
  },
};
