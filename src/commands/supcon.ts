import { temperatureMistakes, unitMistakes } from '../teach/expect-diagnose.js';
import { explainSupcon } from '../teach/explain/contrastive.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import type { SupconSpec } from '../ops/supcon/spec.js';
import { readTemperature } from '../text/option-values.js';
import { XentError } from '../core/errors.js';
import { supconByRow } from '../ops/supcon/kernel.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, matrixRows, once, sourceRows } from '../report/report.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';
import { BASE_OPTION, readBase, readListOption, unitLabel, unitNotes } from './loss-options.js';

/** τ when -t is not given: the default of the authors' SupConLoss. */
const DEFAULT_TEMPERATURE = 0.07;

/** The formulas --help shows. */
const SUPCON_DETAILS = ['help.supcon.more', 'help.supcon.anchors'] as const;

/** supcon's options, read once: --labels, -t, -g and --base. */
async function readSupconSpec(options: OptionValues, context: SpecContext): Promise<SupconSpec> {
  const labelsText = options.labels as string | undefined;
  if (labelsText === undefined) throw new XentError('err.labelsMissing', {}, true);
  // Any notation, flattened row by row: 0,0,1,1 or [0, 0, 1, 1] or a column in @FILE.
  const labels = context.targetsFromColumn
    ? Array.from(context.targetsFromColumn)
    : await readListOption(context, labelsText, '--labels');
  return {
    labels,
    temperature:
      options.temperature === undefined ? DEFAULT_TEMPERATURE : readTemperature(options.temperature as string),
    grad: options.grad === true,
    unit: readBase(options.base as string | undefined),
  };
}

export const supconCommand: CommandSpec = defineCommand<SupconSpec>({
  name: 'supcon',
  summary: 'help.cmd.supcon',
  details: SUPCON_DETAILS,
  input: 'matrix',
  options: [
    { flags: '-y, --labels <LIST>', description: 'help.opt.labels' },
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureSupcon' },
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
    BASE_OPTION,
  ],
  examples: [
    'xent supcon "1,0; 0.8,0.6; 0,1; 0.6,0.8" --labels 0,0,1,1 -t 0.5',
    'xent supcon "1,0; 0.8,0.6; 0,1" -y 0,0,1 -t 0.1 -g',
    'xent supcon -i features.csv --labels @labels.txt -f json',
  ],
  readSpec: readSupconSpec,
  abilities: {
    targetColumn: { option: 'labels', flag: '-y, --labels', kind: 'labels' },
    explain: explainSupcon,
    headline: lossHeadline,
    mistakes: (spec) => ({ reruns: [...unitMistakes(spec), ...temperatureMistakes(spec)] }),
    withGradient: withGrad,
  },
  run(input, spec, context): Report {
    const { t, inputSource } = context;
    const { labels, temperature, unit } = spec;
    const nats = supconByRow(input, labels, temperature, inputSource);
    const losses = listInUnit(nats.losses, unit);
    const loss = inUnit(nats.loss, unit);
    // Two N×N by N×D products: made only for the outputs that print the gradient.
    const grad = once(() => matrixInUnit(nats.gradient(), unit));
    const rows = numbered(input.rows);
    const labelText = labels.map(String);
    const printsTables = context.printsTables !== false;
    const tables: ReportTable[] = printsTables
      ? [
          matrixTable(nats.probs, {
            room: context.room,
            title: t.label('title.othersSoftmax'),
            corner: `${t.label('label.row')} (${t.label('label.label')})`,
            rowLabels: rows.map((r, i) => `${r} (${labelText[i]})`),
            colLabels: rows.map((r, j) => `${r} (${labelText[j]})`),
            cell: (_v, i, j) => (i === j ? null : { bar: true, mark: labels[i] === labels[j] }),
            lastColumn: {
              label: unitLabel(t, 'label.loss', {}, unit),
              values: losses,
              empty: t.label('label.noPositive'),
            },
            footnote: t.t('note.markPositive'),
          }),
        ]
      : [];
    if (spec.grad && printsTables)
      tables.push(gradientTable(t, 'title.gradEmbeddings', grad(), t.label('label.row'), context.room));
    const left = rows.filter((_, i) => losses[i] === null);
    const notes = [t.t('note.supconTemperature', { temperature })];
    if (left.length > 0) notes.push(t.t('note.noPositive', { rows: left.join(', ') }));
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note
    const json = once(() => ({
      command: 'supcon',
      ...unitJson(unit),
      temperature,
      labels,
      losses,
      loss,
      anchors: nats.anchors,
      grad: matrixRows(grad()),
    }));
    return {
      tables,
      summary: [
        { label: unitLabel(t, 'sum.loss', {}, unit), value: loss },
        {
          label: t.label('sum.anchors'),
          value: t.label('sum.anchorsValue', { count: nats.anchors, rows: input.rows }),
        },
      ],
      notes,
      data: { rows: sourceRows(nats.probs) },
      values: [[loss]],
      get json() {
        return json();
      },
    };
  },
});
