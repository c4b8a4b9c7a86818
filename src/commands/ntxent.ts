import { ntxentChance, pairNtxentChance } from '../ops/ntxent/metrics.js';
import { chanceReport } from './chance.js';
import { temperatureMistakes, unitMistakes } from '../teach/expect-diagnose.js';
import { explainNtxent } from '../teach/explain/contrastive.js';
import { explainPairNtxent } from '../teach/explain/pml.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import type { NtxentSpec } from '../ops/ntxent/spec.js';
import { readChoice, readNumberOption, readTemperature } from '../text/option-values.js';
import { checkNtxentOptionChoice } from '../ops/ntxent/validate.js';
import { checkBaseTemperature } from '../ops/supcon/validate.js';
import { SINGLETONS } from '../ops/supcon/kernel.js';
import { type NtxentRows, type PairNtxentRows, ntxentByRow, pairNtxentByRow } from '../ops/ntxent/kernel.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, matrixRows, once, sourceRows } from '../report/report.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';
import { BASE_OPTION, readBase, readListOption, unitLabel, unitNotes } from './loss-options.js';
import { presetOption, readPreset } from './presets.js';

/** τ when neither -t nor --as is given. */
const DEFAULT_TEMPERATURE = 0.5;

/** The formulas --help shows. */
const NTXENT_DETAILS = ['help.ntxent.more', 'help.ntxent.simclr', 'help.ntxent.libraries'] as const;

/** ntxent's options, read once: -t, --pairs, --labels, SupContrast's conventions, --as, -g and --base. */
async function readNtxentSpec(options: OptionValues, context: SpecContext): Promise<NtxentSpec> {
  const preset = readPreset(options.as as string | undefined, 'ntxent');
  const labelsText = options.labels as string | undefined;
  const baseText = options.baseTemperature as string | undefined;
  const modeText = options.contrastMode as string | undefined;
  const singletonsText = options.singletons as string | undefined;
  // PML's loss has no pairing, anchor choice or scaling of SupContrast's: refused, not ignored.
  checkNtxentOptionChoice({
    labels: labelsText !== undefined,
    pairs: options.pairs !== undefined,
    contrastMode: modeText !== undefined,
    baseTemperature: baseText !== undefined,
    singletons: singletonsText !== undefined,
    preset: options.as as string | undefined,
  });
  const temperature =
    options.temperature !== undefined
      ? readTemperature(options.temperature as string)
      : (preset.temperature ?? DEFAULT_TEMPERATURE);
  const baseTemperature =
    baseText !== undefined
      ? checkBaseTemperature(readNumberOption(baseText, '--base-temperature'), '--base-temperature', baseText)
      : preset.baseTemperature;
  return {
    temperature,
    pairing: readChoice(options.pairs as string | undefined, '--pairs', ['half', 'adjacent'] as const, 'half'),
    ...(baseTemperature !== undefined ? { baseTemperature } : {}),
    contrastMode: readChoice(modeText, '--contrast-mode', ['all', 'one'] as const, preset.contrastMode ?? 'all'),
    normalize: options.normalize !== false && preset.normalize !== false,
    ...(labelsText !== undefined
      ? {
          labels: await readListOption(context, labelsText, '--labels'),
          singletons: readChoice(singletonsText, '--singletons', SINGLETONS, preset.singletons ?? 'drop'),
        }
      : {}),
    reports: preset.reports === 'simclr' ? 'simclr' : 'mean',
    ...(preset.library ? { library: preset.library } : {}),
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
    { flags: '-y, --labels <LIST>', description: 'help.opt.labelsNtxent' },
    { flags: '--base-temperature <T>', description: 'help.opt.baseTemperature' },
    { flags: '--contrast-mode <all|one>', description: 'help.opt.contrastModeNtxent' },
    { flags: '--singletons <drop|zero>', description: 'help.opt.singletonsNtxent' },
    { flags: '--no-normalize', description: 'help.opt.noNormalizeSelf' },
    presetOption('ntxent'),
    { flags: '-g, --grad', description: 'help.opt.gradTable' },
    BASE_OPTION,
  ],
  examples: [
    'xent ntxent "1,0; 0,1; 0.9,0.2; 0.1,1" -t 0.5',
    'xent ntxent "1,0; 0.9,0.2; 0,1; 0.1,1" --pairs adjacent -g',
    'xent ntxent "1,0; 0,1; 0.9,0.2; 0.1,1" --as simclr -f value',
    'xent ntxent "1,0; 0.8,0.6; 0,1; 0.6,0.8; 0.7,0.7" -y 0,0,1,1,1 --as pml',
    'xent ntxent -i views.csv -t 0.1 -f json',
  ],
  readSpec: readNtxentSpec,
  abilities: {
    // xent's NT-Xent with SupContrast's and SimCLR's conventions, or PML's with labels, step by step.
    explain: (x) => (x.spec.labels ? explainPairNtxent(x) : explainNtxent(x)),
    // --as simclr: the figure SimCLR reports, as -f value prints it.
    headline: (spec, json) => (spec.reports === 'simclr' ? 'simclr_loss' : lossHeadline(spec, json)),
    mistakes: (spec) => ({ reruns: [...unitMistakes(spec), ...temperatureMistakes(spec)] }),
    withGradient: withGrad,
  },
  run(input, spec, { t, inputSource, printsTables, room }): Report {
    const { temperature, pairing, unit, labels } = spec;
    const nats: NtxentRows | PairNtxentRows = labels
      ? pairNtxentByRow(input, labels, temperature, inputSource, spec.normalize, spec.singletons)
      : ntxentByRow(input, temperature, pairing, inputSource, {
          ...(spec.baseTemperature !== undefined ? { baseTemperature: spec.baseTemperature } : {}),
          contrastMode: spec.contrastMode,
          normalize: spec.normalize,
        });
    const losses = listInUnit(nats.losses, unit);
    const loss = inUnit(nats.loss, unit);
    const simclr = spec.reports === 'simclr';
    // SimCLR reports loss_a + loss_b: twice the mean, and so twice the chance level.
    const reported = simclr ? 2 * loss : loss;
    const factor = spec.baseTemperature === undefined ? 1 : temperature / spec.baseTemperature;
    const chanceNats = labels ? pairNtxentChance(labels, spec.singletons) : ntxentChance(input.rows, factor);
    const alone =
      labels && spec.singletons === 'zero' ? (nats as PairNtxentRows).terms - (nats as PairNtxentRows).pairs : 0;
    const chance = chanceReport(
      t,
      labels
        ? alone > 0
          ? { nats: (simclr ? 2 : 1) * chanceNats, formula: 'chance.pairNtxentZero', params: { singletons: alone } }
          : { nats: (simclr ? 2 : 1) * chanceNats, formula: 'chance.pairNtxent' }
        : { nats: (simclr ? 2 : 1) * chanceNats, formula: 'chance.ntxent', params: { others: input.rows - 1 } },
      reported,
      unit,
    );
    // Two N×N by N×D products: made only for the outputs that print the gradient.
    const grad = once(() => matrixInUnit(nats.gradient(), unit));
    const rowNames = numbered(input.rows);
    const positive = (i: number, j: number) =>
      'partners' in nats ? j === nats.partners[i] : labels![i] === labels![j] && !Number.isNaN(labels![i]);
    const tables: ReportTable[] =
      printsTables === false
        ? []
        : [
            matrixTable(nats.probs, {
              room,
              title: t.label(spec.normalize ? 'title.othersSoftmax' : 'title.othersSoftmaxDot'),
              corner: t.label('label.row'),
              rowLabels: labels ? rowNames.map((r, i) => `${r} (${labels[i]})`) : rowNames,
              colLabels: labels ? rowNames.map((r, j) => `${r} (${labels[j]})`) : rowNames,
              cell: (_v, i, j) => (i === j ? null : { bar: true, mark: positive(i, j) }),
              lastColumn: {
                label: unitLabel(t, 'label.loss', {}, unit),
                values: losses,
                empty: t.label(labels ? 'label.noPositive' : 'label.notAnchor'),
              },
              footnote: t.t(labels ? 'note.markPositive' : 'note.markPartner'),
            }),
          ];
    if (spec.grad && printsTables !== false)
      tables.push(gradientTable(t, 'title.gradEmbeddings', grad(), t.label('label.row'), room));

    const notes = [
      labels
        ? t.t('note.pairNtxent', { temperature, pairs: (nats as PairNtxentRows).pairs })
        : t.t(pairing === 'half' ? 'note.ntxentPairs' : 'note.ntxentAdjacent', { temperature }),
    ];
    if (labels) {
      const left = rowNames.filter((_, i) => (nats as PairNtxentRows).positives[i] === 0);
      if (left.length > 0)
        notes.push(
          t.t(spec.singletons === 'zero' ? 'note.noPositiveZero' : 'note.noPositive', { rows: { list: left } }),
        );
    }
    if (!spec.normalize) notes.push(t.t('note.selfDot'));
    if (factor !== 1) notes.push(t.t('note.baseTemperature', { base: spec.baseTemperature!, factor }));
    if (spec.contrastMode === 'one' && !labels) notes.push(t.t('note.contrastOne', { count: input.rows / 2 }));
    if (simclr) notes.push(t.t('note.simclrReported'));
    for (const note of unitNotes(t, unit)) notes.push(note);
    for (const note of chance.notes) notes.push(note);

    const json = once(() => ({
      command: 'ntxent',
      ...unitJson(unit),
      ...(spec.library ? { as: spec.library } : {}),
      temperature,
      ...(labels ? { labels, pairs: (nats as PairNtxentRows).pairs, singletons: spec.singletons } : { pairs: pairing }),
      ...(spec.baseTemperature !== undefined ? { base_temperature: spec.baseTemperature } : {}),
      ...(labels ? {} : { contrast_mode: spec.contrastMode }),
      normalize: spec.normalize,
      losses,
      loss,
      simclr_loss: 2 * loss,
      ...chance.json,
      grad: matrixRows(grad()),
    }));
    return {
      tables,
      summary: [
        { label: unitLabel(t, 'sum.loss', {}, unit), value: loss },
        { label: unitLabel(t, 'sum.simclrLoss', {}, unit), value: 2 * loss },
        ...(labels ? [{ label: t.label('sum.pairs'), value: String((nats as PairNtxentRows).pairs) }] : []),
        ...chance.summary,
      ],
      notes,
      data: { rows: sourceRows(nats.probs) },
      values: [[reported]],
      get json() {
        return json();
      },
    };
  },
});
