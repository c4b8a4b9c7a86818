import { temperatureMistakes, unitMistakes } from '../teach/expect-diagnose.js';
import { explainNtxent } from '../teach/explain/contrastive.js';
import { type CommandSpec, type OptionValues, defineCommand, lossHeadline, withGrad } from './command.js';
import type { NtxentSpec } from '../ops/ntxent/spec.js';
import { readChoice, readTemperature } from '../text/option-values.js';
import { ntxentByRow } from '../ops/ntxent/kernel.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, matrixRows, once, sourceRows } from '../report/report.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';
import { BASE_OPTION, readBase, unitLabel, unitNotes } from './loss-options.js';

/** τ when -t is not given. */
const DEFAULT_TEMPERATURE = 0.5;

/** The formulas --help shows. */
const NTXENT_DETAILS = ['help.ntxent.more', 'help.ntxent.simclr'] as const;

/** ntxent's options, read once: -t, --pairs, -g and --base. */
function readNtxentSpec(options: OptionValues): NtxentSpec {
  return {
    temperature:
      options.temperature === undefined ? DEFAULT_TEMPERATURE : readTemperature(options.temperature as string),
    pairing: readChoice(options.pairs as string | undefined, '--pairs', ['half', 'adjacent'] as const, 'half'),
    grad: options.grad === true,
    unit: readBase(options.base as string | undefined),
  };
}

export const ntxentCommand: CommandSpec = defineCommand<NtxentSpec>({
  name: 'ntxent',
  summary: 'help.cmd.ntxent',
  details: NTXENT_DETAILS,
  input: 'matrix',
  options: [
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureNtxent' },
    { flags: '--pairs <pairing>', description: 'help.opt.pairs' },
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
    BASE_OPTION,
  ],
  examples: [
    'xent ntxent "1,0; 0,1; 0.9,0.2; 0.1,1" -t 0.5',
    'xent ntxent "1,0; 0.9,0.2; 0,1; 0.1,1" --pairs adjacent -g',
    'xent ntxent -i views.csv -t 0.1 -f json',
  ],
  readSpec: readNtxentSpec,
  abilities: {
    explain: explainNtxent,
    headline: lossHeadline,
    mistakes: (spec) => ({ reruns: [...unitMistakes(spec), ...temperatureMistakes(spec)] }),
    withGradient: withGrad,
  },
  run(input, spec, { t, inputSource, printsTables, room }): Report {
    const { temperature, pairing, unit } = spec;
    const nats = ntxentByRow(input, temperature, pairing, inputSource);
    const losses = listInUnit(nats.losses, unit);
    const loss = inUnit(nats.loss, unit);
    // Two N×N by N×D products: made only for the outputs that print the gradient.
    const grad = once(() => matrixInUnit(nats.gradient(), unit));
    const labels = numbered(input.rows);
    const tables: ReportTable[] =
      printsTables === false
        ? []
        : [
            matrixTable(nats.probs, {
              room,
              title: t.label('title.othersSoftmax'),
              corner: t.label('label.row'),
              rowLabels: labels,
              colLabels: labels,
              cell: (_v, i, j) => (i === j ? null : { bar: true, mark: j === nats.partners[i] }),
              lastColumn: { label: unitLabel(t, 'label.loss', {}, unit), values: losses },
              footnote: t.t('note.markPartner'),
            }),
          ];
    if (spec.grad && printsTables !== false)
      tables.push(gradientTable(t, 'title.gradEmbeddings', grad(), t.label('label.row'), room));
    const json = once(() => ({
      command: 'ntxent',
      ...unitJson(unit),
      temperature,
      pairs: pairing,
      losses,
      loss,
      grad: matrixRows(grad()),
    }));
    return {
      tables,
      summary: [
        { label: unitLabel(t, 'sum.loss', {}, unit), value: loss },
        { label: unitLabel(t, 'sum.simclrLoss', {}, unit), value: 2 * loss },
      ],
      notes: [
        t.t(pairing === 'half' ? 'note.ntxentPairs' : 'note.ntxentAdjacent', { temperature }),
        ...unitNotes(t, unit),
      ],
      data: { rows: sourceRows(nats.probs) },
      values: [[loss]],
      get json() {
        return json();
      },
    };
  },
});
