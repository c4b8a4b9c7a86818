import { reductionMistakes, unitMistakes } from '../teach/expect-diagnose.js';
import { explainBce } from '../teach/explain/bce.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { XentError } from '../core/errors.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, at, rowView } from '../core/matrix.js';
import { binaryCrossEntropy } from '../ops/bce/kernel.js';
import { chanceReport } from './chance.js';
import { bceChance, elementAccuracy } from '../ops/bce/metrics.js';
import { type BceSpec, kernelOptions } from '../ops/bce/spec.js';
import { checkBceInput, checkBceOptions } from '../ops/bce/validate.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { readNumberOption } from '../text/option-values.js';
import { classLabels, rowCorner, rowLabels, rowLabelsJson } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell } from '../report/report.js';
import {
  BASE_OPTION,
  readBase,
  readListOption,
  readReduction,
  unitLabel,
  unitNotes,
  reductionName,
} from './loss-options.js';
import { DTYPE_OPTIONS, type ReplayedQuantity, readDtype, replayKey, withReplay } from './replay.js';
import { explainReplay } from '../teach/dtype.js';
import { type Replay, replay } from '../core/replay.js';
import { type BceReplayed, bceReplayed } from '../ops/bce/replay.js';

/**
 * The options of `xent bce` as a typed spec, read once: `--targets` and `-w` are matrices
 * (inline or @FILE), read here. Their shapes are checked once the input is known (checkBceInput).
 */
async function readBceSpec(options: OptionValues, context: SpecContext): Promise<BceSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const reduction = readReduction(text('reduction'));
  const targetsText = text('targets');
  if (targetsText === undefined) throw new XentError('err.bce.noTargets', {}, true);
  // `--targets col:NAME`: one 0/1 target per row, for a single output column.
  const fromColumn = context.targetsFromColumn;
  const targets = fromColumn
    ? { rows: fromColumn.length, cols: 1, data: Float64Array.from(fromColumn) }
    : await context.readMatrixOption(targetsText, '--targets', true);
  const posWeightText = text('posWeight');
  const weightText = text('weight');
  const precision = readDtype(options, 'bce', [
    [options.probs === true, '--probs'],
    [options.grad === true, '-g, --grad'],
    [text('base') !== undefined, '--base'],
  ]);
  const spec: BceSpec = {
    ...(precision ? { precision } : {}),
    targets,
    ...(posWeightText !== undefined ? { posWeight: await readListOption(context, posWeightText, '--pos-weight') } : {}),
    ...(weightText !== undefined ? { weight: await context.readMatrixOption(weightText, '-w, --weight') } : {}),
    reduction,
    inputIsProbs: options.probs === true,
    ...(text('labelSmoothing') !== undefined
      ? { labelSmoothing: readNumberOption(text('labelSmoothing')!, '--label-smoothing') }
      : {}),
    ...(options.perRow === true ? { perRow: true } : {}),
    unit: readBase(text('base')),
    grad: options.grad === true,
  };
  checkBceOptions(spec);
  return spec;
}

/** The binary cross-entropy of `spec` replayed in its --dtype (logits: readBceSpec refuses --probs). */
function bceReplay(input: Matrix, spec: BceSpec): Replay<BceReplayed> {
  const { posWeight, weight, reduction } = spec;
  const options = {
    reduction,
    naive: spec.precision!.naive,
    ...(posWeight ? { posWeight } : {}),
    ...(weight ? { weight } : {}),
  };
  return replay(spec.precision!, (a, trace) => bceReplayed(input, spec.targets, options, a, trace));
}

/** The formulas --help shows; --explain states them too. */
const BCE_DETAILS = ['help.bce.formula', 'help.bce.probs', 'help.bce.output'] as const;

export const bceCommand: CommandSpec = defineCommand<BceSpec>({
  name: 'bce',
  summary: 'help.cmd.bce',
  details: BCE_DETAILS,
  input: 'matrix',
  options: [
    { flags: '--targets <MATRIX>', description: 'help.opt.bce.targets' },
    { flags: '--pos-weight <LIST>', description: 'help.opt.bce.posWeight' },
    { flags: '-w, --weight <MATRIX>', description: 'help.opt.bce.weight' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '--probs', description: 'help.opt.bce.probs' },
    { flags: '--label-smoothing <EPS>', description: 'help.opt.bce.labelSmoothing' },
    { flags: '--per-row', description: 'help.opt.bce.perRow' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
    BASE_OPTION,
    ...DTYPE_OPTIONS, // spread-ok: two options
  ],
  examples: [
    'xent bce "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0"',
    'xent bce "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0" --pos-weight 3,1,1 -g',
    'xent bce "0.9,0.2; 0.4,0.7" --probs --targets "1,0; 0,1" -r none',
    'xent bce "1000,-1000" --targets "0,1" -f json',
    'xent bce "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0" --per-row --label-smoothing 0.1 -r none',
  ],
  readSpec: readBceSpec,
  abilities: {
    targetColumn: { option: 'targets', flag: '--targets', kind: 'values' },
    explain: (x) =>
      x.spec.precision ? explainReplay(x, bceReplay(x.input!, x.spec), { command: 'bce' }) : explainBce(x),
    headline: (spec, json) =>
      spec.precision ? replayKey(lossHeadline(spec, json), spec.precision.dtype) : lossHeadline(spec, json),
    mistakes: (spec) => ({ reruns: [...unitMistakes(spec), ...reductionMistakes(spec)] }),
    withGradient: withGrad,
    probabilityInput: (spec) => spec.inputIsProbs,
  },
  run(input, spec, context): Report {
    const { t, inputSource } = context;
    checkBceInput(input, spec, inputSource);
    const { targets, reduction, inputIsProbs, unit, grad } = spec;
    const options = kernelOptions(spec);
    const nats = binaryCrossEntropy(input, targets, options);
    const result = {
      ...nats,
      losses: matrixInUnit(nats.losses, unit),
      loss: inUnit(nats.loss, unit),
      meanLoss: inUnit(nats.meanLoss, unit),
      grad: matrixInUnit(nats.grad, unit),
    };

    const cols = classLabels(input);
    const labels = rowLabels(input.rows, input.rowLabels);
    const matrixTable = (
      title: string,
      m: Matrix,
      cell: (v: number, i: number, j: number) => ReturnType<typeof numberCell>,
    ): ReportTable => ({
      title,
      corner: rowCorner(t, input),
      colLabels: cols,
      rows: labels.map((label, i) => ({ label, cells: Array.from(rowView(m, i), (v, j) => cell(v, i, j)) })),
    });
    // A cell per entry: only for the outputs that print tables.
    const tables: ReportTable[] =
      context.printsTables === false
        ? []
        : [
            {
              ...matrixTable(
                t.label(inputIsProbs ? 'bce.title.probsGiven' : 'bce.title.probs'),
                result.probs,
                (p, i, j) => numberCell(p, { bar: true, mark: at(targets, i, j) > 0.5 }),
              ),
              footnote: t.t('bce.footnote.target'),
            },
            matrixTable(unitLabel(t, 'bce.title.losses', {}, unit), result.losses, (l) => numberCell(l)),
          ];
    if (grad && context.printsTables !== false) {
      const titleKey = inputIsProbs
        ? 'bce.title.gradProbs'
        : reduction === 'none'
          ? 'bce.title.gradSum'
          : 'bce.title.grad';
      tables.push(matrixTable(t.label(titleKey), result.grad, (g) => numberCell(g, { signed: true })));
    }

    const accuracy = elementAccuracy(result.probs, targets);
    const summary: SummaryLine[] = [];
    if (reduction !== 'none')
      summary.push({
        label: unitLabel(t, 'ce.summary.loss', { reduction: reductionName(reduction) }, unit),
        value: result.loss,
      });
    if (reduction !== 'mean')
      summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: result.meanLoss });
    summary.push({
      label: t.label(inputIsProbs ? 'ce.summary.elementAccuracyProbs' : 'ce.summary.elementAccuracy'),
      value: accuracy,
    });

    const chance = chanceReport(
      t,
      { nats: bceChance(targets, options), formula: 'chance.bce' },
      reduction === 'none' ? result.meanLoss : result.loss,
      unit,
    );
    for (const line of chance.summary) summary.push(line);

    const notes: string[] = [];
    if (grad && !inputIsProbs) notes.push(t.t('bce.note.grad'));
    const infNotes = infiniteBceNotes(t, nats.losses, input, targets, inputIsProbs);
    notes.push(...infNotes); // spread-ok: at most two notes
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note
    if (spec.labelSmoothing) notes.push(t.t('bce.note.smoothing', { eps: spec.labelSmoothing }));
    if (spec.perRow) notes.push(t.t('bce.note.perRow', { cols: input.cols }));
    for (const note of chance.notes) notes.push(note);

    const json: Record<string, unknown> = {
      command: 'bce',
      reduction,
      ...unitJson(unit),
      ...rowLabelsJson(input),
      probs: matrixRows(result.probs),
      losses: matrixRows(result.losses),
    };
    if (nats.rowLosses) json.row_losses = listInUnit(nats.rowLosses, unit);
    if (reduction !== 'none') json.loss = result.loss;
    json.chance = chance.json.chance;
    json.loss_over_chance = chance.json.loss_over_chance;
    json.accuracy = accuracy;
    if (grad) json.grad = matrixRows(result.grad);

    const report: Report = {
      tables,
      summary,
      notes,
      // Its own notes say why a loss is inf; an inf elsewhere (a gradient) gets the general note.
      infExplained: infNotes.length > 0,
      // A script wants the per-element losses (or, having asked for --grad, the gradient).
      data: { colLabels: input.colLabels, rows: matrixRows(grad ? result.grad : result.losses) },
      values:
        reduction !== 'none'
          ? [[result.loss]]
          : nats.rowLosses
            ? listInUnit(nats.rowLosses, unit).map((l) => [l])
            : matrixRows(result.losses),
      json,
    };
    if (!spec.precision) return report;
    const replayed = bceReplay(input, spec).result;
    const losses = { key: 'losses', value: replayed.losses.data, exact: nats.losses.data, cols: input.cols };
    const quantities: ReplayedQuantity[] =
      reduction === 'none' ? [losses] : [{ key: 'loss', value: [replayed.loss], exact: [nats.loss] }, losses];
    return withReplay(t, report, spec.precision, quantities, context.printsTables);
  },
});

/** Why a loss is inf: with --probs, p = 0 where y > 0 or p = 1 where y < 1 (−log 0); otherwise an overflow. */
function infiniteBceNotes(
  t: Translator,
  losses: Matrix,
  input: Matrix,
  targets: Matrix,
  inputIsProbs: boolean,
): string[] {
  const zero = new Set<number>();
  const overflow = new Set<number>();
  for (let k = 0; k < losses.data.length; k++) {
    if (losses.data[k] !== Infinity) continue;
    const p = input.data[k];
    const y = targets.data[k];
    const row = Math.floor(k / losses.cols) + 1;
    (inputIsProbs && ((p === 0 && y > 0) || (p === 1 && y < 1)) ? zero : overflow).add(row);
  }
  const notes: string[] = [];
  if (zero.size > 0) notes.push(t.t('bce.note.infProbs', { rows: { list: [...zero] } }));
  if (overflow.size > 0) notes.push(t.t('note.infOverflow', { rows: { list: [...overflow] } }));
  return notes;
}
