import { readChoice, readTemperature } from '../cli/option-values.js';
import { toRows } from '../matrix.js';
import { ntxentLoss } from '../math/ntxent.js';
import type { Report, ReportTable } from '../report/report.js';
import type { MatrixCommandSpec } from './command.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';

/** τ when -t is not given. */
const DEFAULT_TEMPERATURE = 0.5;

export const ntxentCommand: MatrixCommandSpec = {
  name: 'ntxent',
  summary: 'help.cmd.ntxent',
  details: ['help.ntxent.more', 'help.ntxent.simclr'],
  input: 'matrix',
  options: [
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureNtxent' },
    { flags: '--pairs <pairing>', description: 'help.opt.pairs' },
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
  ],
  examples: [
    'xent ntxent "1,0; 0,1; 0.9,0.2; 0.1,1" -t 0.5',
    'xent ntxent "1,0; 0.9,0.2; 0,1; 0.1,1" --pairs adjacent -g',
    'xent ntxent -i views.csv -t 0.1 -f json',
  ],
  run(input, options, { t, inputSource }): Report {
    const temperature =
      options.temperature === undefined ? DEFAULT_TEMPERATURE : readTemperature(options.temperature as string);
    const pairing = readChoice(options.pairs as string | undefined, '--pairs', ['half', 'adjacent'] as const, 'half');
    const result = ntxentLoss(input, temperature, pairing, inputSource);
    const labels = numbered(input.rows);
    const tables: ReportTable[] = [
      matrixTable(result.probs, {
        title: t.label('title.othersSoftmax'),
        corner: t.label('label.row'),
        rowLabels: labels,
        colLabels: labels,
        cell: (_v, i, j) => (i === j ? null : { bar: true, mark: j === result.partners[i] }),
        lastColumn: { label: t.label('label.loss'), values: result.losses },
        footnote: t.t('note.markPartner'),
      }),
    ];
    if (options.grad === true) tables.push(gradientTable(t, 'title.gradEmbeddings', result.grad, t.label('label.row')));
    return {
      tables,
      summary: [
        { label: t.label('sum.loss'), value: result.loss },
        { label: t.label('sum.simclrLoss'), value: 2 * result.loss },
      ],
      notes: [t.t(pairing === 'half' ? 'note.ntxentPairs' : 'note.ntxentAdjacent', { temperature })],
      data: { rows: toRows(result.probs) },
      values: [[result.loss]],
      json: {
        command: 'ntxent',
        temperature,
        pairs: pairing,
        losses: result.losses,
        loss: result.loss,
        grad: toRows(result.grad),
      },
    };
  },
};
