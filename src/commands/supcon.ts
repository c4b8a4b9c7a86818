import { supconChance } from '../ops/supcon/metrics.js';
import { chanceReport } from './chance.js';
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
import { readChoice, readNumberOption, readTemperature } from '../text/option-values.js';
import { presetOption, readPreset } from './presets.js';
import { checkBaseTemperature, checkViews, firstViewAnchors } from '../ops/supcon/validate.js';
import { XentError } from '../core/errors.js';
import { supconByRow } from '../ops/supcon/kernel.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, matrixRows, once, sourceRows } from '../report/report.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';
import { BASE_OPTION, readBase, readListOption, unitLabel, unitNotes } from './loss-options.js';

/** τ when -t is not given: the default of the authors' SupConLoss. */
const DEFAULT_TEMPERATURE = 0.07;

/** The formulas --help shows. */
const SUPCON_DETAILS = ['help.supcon.more', 'help.supcon.anchors', 'help.supcon.libraries'] as const;

/** supcon's options, read once: --labels, -t, SupContrast's conventions, --as, -g and --base. */
async function readSupconSpec(options: OptionValues, context: SpecContext): Promise<SupconSpec> {
  const preset = readPreset(options.as as string | undefined, 'supcon');
  const labelsText = options.labels as string | undefined;
  if (labelsText === undefined) throw new XentError('err.labelsMissing', {}, true);
  // Any notation, flattened row by row: 0,0,1,1 or [0, 0, 1, 1] or a column in @FILE.
  const labels = context.targetsFromColumn
    ? Array.from(context.targetsFromColumn)
    : await readListOption(context, labelsText, '--labels');
  const baseText = options.baseTemperature as string | undefined;
  const baseTemperature =
    baseText !== undefined
      ? checkBaseTemperature(readNumberOption(baseText, '--base-temperature'), '--base-temperature', baseText)
      : preset.baseTemperature;
  const viewsText = options.views as string | undefined;
  return {
    labels,
    temperature:
      options.temperature !== undefined
        ? readTemperature(options.temperature as string)
        : (preset.temperature ?? DEFAULT_TEMPERATURE),
    ...(baseTemperature !== undefined ? { baseTemperature } : {}),
    contrastMode: readChoice(
      options.contrastMode as string | undefined,
      '--contrast-mode',
      ['all', 'one'] as const,
      preset.contrastMode ?? 'all',
    ),
    views: viewsText === undefined ? 2 : checkViews(readNumberOption(viewsText, '--views'), '--views', viewsText),
    singletons: readChoice(
      options.singletons as string | undefined,
      '--singletons',
      ['drop', 'zero'] as const,
      preset.singletons ?? 'drop',
    ),
    normalize: options.normalize !== false && preset.normalize !== false,
    ...(preset.library ? { library: preset.library } : {}),
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
    { flags: '--base-temperature <T>', description: 'help.opt.baseTemperature' },
    { flags: '--contrast-mode <all|one>', description: 'help.opt.contrastModeSupcon' },
    { flags: '--views <V>', description: 'help.opt.views' },
    { flags: '--singletons <drop|zero>', description: 'help.opt.singletons' },
    { flags: '--no-normalize', description: 'help.opt.noNormalizeSelf' },
    presetOption('supcon'),
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
    BASE_OPTION,
  ],
  examples: [
    'xent supcon "1,0; 0.8,0.6; 0,1; 0.6,0.8" --labels 0,0,1,1 -t 0.5',
    'xent supcon "1,0; 0.8,0.6; 0,1" -y 0,0,1 -t 0.1 -g',
    'xent supcon "1,0; 0.8,0.6; 0,1" -y 0,0,1 --as supcontrast -f value',
    'xent supcon -i features.csv --labels @labels.txt -f json',
  ],
  readSpec: readSupconSpec,
  abilities: {
    targetColumn: { option: 'labels', flag: '-y, --labels', kind: 'labels' },
    // xent's SupCon and SupContrast's conventions (τ/base_temperature, contrast mode one, raw dot products, singletons as 0).
    explain: explainSupcon,
    headline: lossHeadline,
    mistakes: (spec) => ({ reruns: [...unitMistakes(spec), ...temperatureMistakes(spec)] }),
    withGradient: withGrad,
  },
  run(input, spec, context): Report {
    const { t, inputSource } = context;
    const { labels, temperature, unit } = spec;
    const anchorRows = spec.contrastMode === 'one' ? firstViewAnchors(input.rows, spec.views) : undefined;
    const nats = supconByRow(input, labels, temperature, inputSource, {
      ...(spec.baseTemperature !== undefined ? { baseTemperature: spec.baseTemperature } : {}),
      ...(anchorRows ? { anchors: anchorRows } : {}),
      singletons: spec.singletons,
      normalize: spec.normalize,
    });
    const factor = spec.baseTemperature === undefined ? 1 : temperature / spec.baseTemperature;
    const withPositive = nats.positives.filter((count, i) => count > 0 && (anchorRows?.[i] ?? true)).length;
    const losses = listInUnit(nats.losses, unit);
    const loss = inUnit(nats.loss, unit);
    // Two N×N by N×D products: made only for the outputs that print the gradient.
    const grad = once(() => matrixInUnit(nats.gradient(), unit));
    const chance = chanceReport(
      t,
      {
        nats: supconChance(input.rows, factor, withPositive / nats.anchors),
        formula: 'chance.supcon',
        params: { others: input.rows - 1 },
      },
      loss,
      unit,
    );
    const rows = numbered(input.rows);
    const labelText = labels.map(String);
    const printsTables = context.printsTables !== false;
    const tables: ReportTable[] = printsTables
      ? [
          matrixTable(nats.probs, {
            room: context.room,
            title: t.label(spec.normalize ? 'title.othersSoftmax' : 'title.othersSoftmaxDot'),
            corner: `${t.label('label.row')} (${t.label('label.label')})`,
            rowLabels: rows.map((r, i) => `${r} (${labelText[i]})`),
            colLabels: rows.map((r, j) => `${r} (${labelText[j]})`),
            cell: (_v, i, j) => (i === j ? null : { bar: true, mark: labels[i] === labels[j] }),
            lastColumn: {
              label: unitLabel(t, 'label.loss', {}, unit),
              values: losses,
              empty: t.label(anchorRows ? 'label.noTerm' : 'label.noPositive'),
            },
            footnote: t.t('note.markPositive'),
          }),
        ]
      : [];
    if (spec.grad && printsTables)
      tables.push(gradientTable(t, 'title.gradEmbeddings', grad(), t.label('label.row'), context.room));
    const isAnchor = (i: number) => anchorRows?.[i] ?? true;
    const left = rows.filter((_, i) => isAnchor(i) && nats.positives[i] === 0);
    const notes = [t.t('note.supconTemperature', { temperature })];
    if (left.length > 0)
      notes.push(t.t(spec.singletons === 'zero' ? 'note.noPositiveZero' : 'note.noPositive', { rows: { list: left } }));
    if (!spec.normalize) notes.push(t.t('note.selfDot'));
    if (factor !== 1) notes.push(t.t('note.baseTemperature', { base: spec.baseTemperature!, factor }));
    if (anchorRows) notes.push(t.t('note.contrastOne', { count: input.rows / spec.views }));
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note
    for (const note of chance.notes) notes.push(note);
    const json = once(() => ({
      command: 'supcon',
      ...unitJson(unit),
      ...(spec.library ? { as: spec.library } : {}),
      temperature,
      ...(spec.baseTemperature !== undefined ? { base_temperature: spec.baseTemperature } : {}),
      contrast_mode: spec.contrastMode,
      singletons: spec.singletons,
      normalize: spec.normalize,
      labels,
      losses,
      loss,
      ...chance.json,
      anchors: nats.anchors,
      grad: matrixRows(grad()),
    }));
    return {
      tables,
      summary: [
        { label: unitLabel(t, 'sum.loss', {}, unit), value: loss },
        {
          label: t.label('sum.anchors'),
          value: t.label('sum.anchorsValue', { count: withPositive, rows: input.rows }),
        },
        ...chance.summary,
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
