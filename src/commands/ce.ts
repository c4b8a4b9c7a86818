import { ceMistakes } from '../teach/expect-mistakes.js';
import { planCrossEntropyStream } from './streams/ce.js';
import { explainCrossEntropy } from '../teach/explain/cross-entropy.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { readChoice, readNumberOption, readTemperature } from '../text/option-values.js';
import { formatExact } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, rowView } from '../core/matrix.js';
import {
  type CeEvaluation,
  crossEntropyChance,
  evaluateCrossEntropy,
  hessianBlocks,
  kernelOptions,
  rowLogSumExp,
  targetDistributions,
} from '../ops/cross-entropy/metrics.js';
import { SMOOTHING_STYLES, crossEntropyHessian } from '../ops/cross-entropy/kernel.js';
import { chanceReport } from './chance.js';
import { type CeSpec, type CeTargets, DEFAULT_IGNORE_INDEX } from '../ops/cross-entropy/spec.js';
import {
  checkCeInput,
  checkCeOptions,
  checkProbsTemperature,
  checkTargetChoice,
  rowsNotSummingToOne,
  SUM_TOLERANCE,
} from '../ops/cross-entropy/validate.js';
import { matrixInUnit, unitJson } from '../core/units.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import { rowCorner, rowLabels, rowLabelsJson } from '../report/labels.js';
import {
  type Cell,
  type Report,
  type ReportTable,
  type SummaryLine,
  type Warning,
  matrixRows,
  numberCell,
  textCell,
  warning,
} from '../report/report.js';
import {
  BASE_OPTION,
  readBase,
  readListOption,
  readReduction,
  readTargetList,
  sumText,
  unitLabel,
  unitNotes,
  reductionName,
} from './loss-options.js';
import { DTYPE_OPTIONS, type ReplayedQuantity, readDtype, replayKey, withReplay } from './replay.js';
import { explainReplay } from '../teach/dtype.js';
import { type Replay, replay } from '../core/replay.js';
import type { CrossEntropyTargets } from '../ops/cross-entropy/kernel.js';
import { type CrossEntropyReplayed, crossEntropyReplayed } from '../ops/cross-entropy/replay.js';

/**
 * The options of `xent ce` as a typed spec: each read once, and checked as far as it can be
 * without the input (the rest, once the input is known: checkCeInput). `--target-probs` is
 * read here (inline or @FILE), so that every later step has the distributions themselves.
 */
async function readCeSpec(options: OptionValues, context: SpecContext): Promise<CeSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const reduction = readReduction(text('reduction'));
  const inputIsProbs = options.probs === true;
  checkProbsTemperature(inputIsProbs, options.temperature !== undefined);
  const temperature = readTemperature(text('temperature'));
  const weightText = text('weight');
  const weight = weightText !== undefined ? await readListOption(context, weightText, '-w, --weight') : undefined;
  const smoothingText = text('labelSmoothing');
  const labelSmoothing = smoothingText !== undefined ? readNumberOption(smoothingText, '--label-smoothing') : 0;
  const index = text('target');
  const soft = text('targetProbs');
  const ignoreText = text('ignoreIndex');
  checkTargetChoice({ index: index !== undefined, soft: soft !== undefined, ignoreIndex: ignoreText !== undefined });
  const targets: CeTargets =
    soft !== undefined
      ? { kind: 'probs', probs: await context.readMatrixOption(soft, '--target-probs', true) }
      : {
          kind: 'index',
          given: context.targetsFromColumn ?? (await readTargetList(context, index!)),
          ignoreIndex: ignoreText !== undefined ? readNumberOption(ignoreText, '--ignore-index') : DEFAULT_IGNORE_INDEX,
        };
  const topKText = text('topK');
  // Each k once, in the order given.
  const topK = topKText !== undefined ? [...new Set(await readListOption(context, topKText, '--top-k'))] : [1];
  const sampleText = text('sampleWeight');
  const sampleWeight =
    sampleText !== undefined ? await readListOption(context, sampleText, '--sample-weight') : undefined;
  // The replay covers class targets with weights, ignored rows, T and a reduction.
  const precision = readDtype(options, 'ce', [
    [inputIsProbs, '--probs'],
    [soft !== undefined, '--target-probs'],
    [labelSmoothing !== 0, '--label-smoothing'],
    [options.grad === true, '-g, --grad'],
    [text('base') !== undefined, '--base'],
    [sampleText !== undefined, '--sample-weight'],
    [text('smoothingStyle') !== undefined, '--smoothing-style'],
  ]);
  const spec: CeSpec = {
    ...(precision ? { precision } : {}),
    targets,
    oneBased: options.oneBased === true,
    inputIsProbs,
    temperature,
    ...(weight !== undefined ? { weight } : {}),
    labelSmoothing,
    smoothingStyle: readChoice(text('smoothingStyle'), '--smoothing-style', SMOOTHING_STYLES, 'torch'),
    ...(sampleWeight !== undefined ? { sampleWeight } : {}),
    hessian: options.hessian === true,
    reduction,
    topK,
    unit: readBase(text('base')),
    grad: options.grad === true,
  };
  checkCeOptions(spec);
  return spec;
}

/** The cross-entropy of `spec` replayed in its --dtype (class targets: readCeSpec refuses the others). */
function ceReplay(input: Matrix, spec: CeSpec, targets: CrossEntropyTargets): Replay<CrossEntropyReplayed> {
  const classes = targets.kind === 'index' ? targets.classes : [];
  const { temperature, reduction, weight } = spec;
  const options = { temperature, reduction, naive: spec.precision!.naive, ...(weight ? { weight } : {}) };
  return replay(spec.precision!, (a, trace) => crossEntropyReplayed(input, classes, options, a, trace));
}

/** A warning for each row of `m` that does not sum to 1, appended to `warnings` (one per row: there may be many). */
function addRowSumWarnings(
  warnings: Warning[],
  m: Matrix,
  key: 'warn.ce.targetSum' | 'warn.ce.probsSum',
  t: Translator,
): void {
  for (const { row, sum } of rowsNotSummingToOne(m, SUM_TOLERANCE))
    warnings.push(warning(t, key, { row, sum: sumText(sum) }));
}

/** Class names for headers: the input's column names, or numbers in the user's numbering. */
function classNames(input: ParsedMatrix, oneBased: boolean): string[] {
  return input.colLabels
    ? [...input.colLabels]
    : Array.from({ length: input.cols }, (_, j) => String(j + (oneBased ? 1 : 0)));
}

/** The per-row table: target, prediction, p(target), (H(q), KL), loss, ✓/✗. */
function rowsTable(t: Translator, input: ParsedMatrix, spec: CeSpec, r: CeEvaluation): ReportTable {
  const names = classNames(input, spec.oneBased);
  const dim = (text: string) => textCell(text, 'dim');
  const inUnitLabel = (key: 'ce.label.loss' | 'ce.label.entropy' | 'ce.label.kl') => unitLabel(t, key, {}, spec.unit);
  const colLabels = [t.label('ce.label.target'), t.label('ce.label.predicted'), t.label('ce.label.pTarget')];
  if (r.split) colLabels.push(inUnitLabel('ce.label.entropy'), inUnitLabel('ce.label.kl'));
  colLabels.push(inUnitLabel('ce.label.loss'), t.label('ce.label.correct'));
  const splitCells = (i: number): Cell[] => {
    if (!r.split) return [];
    const h = r.split.entropy[i];
    const d = r.split.kl[i];
    return h === null || d === null ? [dim('—'), dim('—')] : [numberCell(h), numberCell(d)];
  };
  return {
    title: t.label('ce.title.rows'),
    corner: rowCorner(t, input),
    colLabels,
    // Too wide for the terminal: ✓ goes first, then the target, KL and H(q); arg-max, p(target) and the loss stay.
    droppable: r.split ? [colLabels.length - 1, 0, 4, 3] : [colLabels.length - 1, 0],
    rows: rowLabels(input.rows, input.rowLabels).map((label, i) => {
      const c = r.classes[i];
      const predicted = textCell(names[r.predicted[i]]);
      const cells: Cell[] =
        c === null
          ? [dim(t.label('ce.label.ignored')), predicted, dim('—'), ...splitCells(i), numberCell(r.losses[i]), dim('—')]
          : [
              textCell(names[c]),
              predicted,
              numberCell(r.pTarget[i], { bar: true }),
              ...splitCells(i),
              numberCell(r.losses[i]),
              r.correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
            ];
      return { label, cells };
    }),
    footnote: t.t('ce.footnote.correct'),
  };
}

function gradTable(t: Translator, input: ParsedMatrix, spec: CeSpec, r: CeEvaluation): ReportTable {
  const titleKey = spec.inputIsProbs
    ? 'ce.title.gradProbs'
    : spec.reduction === 'none'
      ? 'ce.title.gradSum'
      : 'ce.title.grad';
  return {
    title: t.label(titleKey),
    corner: rowCorner(t, input),
    colLabels: classNames(input, spec.oneBased),
    rows: rowLabels(input.rows, input.rowLabels).map((label, i) => ({
      label,
      cells: Array.from(rowView(r.grad, i), (g) => numberCell(g, { signed: true })),
    })),
  };
}

function summaryOf(t: Translator, spec: CeSpec, r: CeEvaluation): SummaryLine[] {
  const { reduction, unit } = spec;
  const hasMean = r.nats.meanDenominator > 0;
  const summary: SummaryLine[] = [];
  if (reduction !== 'none')
    summary.push({
      label: unitLabel(t, 'ce.summary.loss', { reduction: reductionName(reduction) }, unit),
      value: r.loss,
    });
  if (reduction !== 'mean' && hasMean)
    summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: r.meanLoss });
  if (r.correct.some((c) => c !== null)) {
    summary.push({ label: t.label('ce.summary.accuracy'), value: r.accuracy });
    for (const [k, share] of r.topK)
      if (k !== 1) summary.push({ label: t.label('ce.summary.topK', { k }), value: share });
  }
  if (hasMean) {
    const label =
      unit.base === 'e' ? t.label('ce.summary.perplexity') : t.label('ce.summary.perplexityBase', { base: unit.base });
    summary.push({ label, value: r.perplexity });
  }
  return summary;
}

/** One table per row: the Hessian of the loss w.r.t. that row's logits (or probabilities). */
function hessianTables(t: Translator, input: ParsedMatrix, spec: CeSpec, h: Matrix): ReportTable[] {
  const names = classNames(input, spec.oneBased);
  return rowLabels(input.rows).map((row, n) => ({
    title: t.label(spec.inputIsProbs ? 'ce.title.hessianProbs' : 'ce.title.hessian', { row }),
    corner: '',
    colLabels: names,
    rows: names.map((label, i) => ({
      label,
      cells: Array.from(rowView(h, n * input.cols + i), (v) => numberCell(v, { signed: true })),
    })),
  }));
}

/** The notes under the tables, and whether they say why a loss (or the perplexity) is inf. */
function notesOf(
  t: Translator,
  input: Matrix,
  spec: CeSpec,
  r: CeEvaluation,
): { notes: string[]; infExplained: boolean } {
  const { targets, labelSmoothing, temperature, inputIsProbs } = spec;
  const notes: string[] = [];
  const perplexityOverflows =
    r.nats.meanDenominator > 0 && r.perplexity === Infinity && Number.isFinite(r.nats.meanLoss);
  if (perplexityOverflows) notes.push(t.t('ce.note.perplexityInf', { loss: formatExact(r.nats.meanLoss) }));
  const ignored = r.classes.filter((c) => c === null).length;
  if (targets.kind === 'index' && ignored > 0)
    notes.push(t.t('ce.note.ignored', { count: ignored, index: targets.ignoreIndex ?? DEFAULT_IGNORE_INDEX }));
  if (targets.kind === 'probs') notes.push(t.t('ce.note.soft'));
  if (labelSmoothing > 0)
    notes.push(
      spec.smoothingStyle === 'others'
        ? t.t('ce.note.smoothingOthers', { eps: labelSmoothing, others: input.cols - 1 })
        : t.t('ce.note.smoothing', { eps: labelSmoothing, classes: input.cols }),
    );
  if (spec.sampleWeight) notes.push(t.t('ce.note.sampleWeight', { rows: r.classes.filter((c) => c !== null).length }));
  notes.push(t.t(r.split ? 'ce.note.entropySoft' : 'ce.note.entropyIndex'));
  if (r.split && (spec.weight || spec.sampleWeight)) notes.push(t.t('ce.note.entropyWeighted'));
  for (const note of unitNotes(t, spec.unit)) notes.push(note);
  if (temperature !== 1) notes.push(t.t('note.temperature', { value: temperature }));
  const { zero, overflow } = r.infinite;
  if (zero.length > 0)
    notes.push(t.t(inputIsProbs ? 'ce.note.infProbs' : 'ce.note.infLogits', { rows: { list: zero } }));
  if (overflow.length > 0) notes.push(t.t('note.infOverflow', { rows: { list: overflow } }));
  if (spec.grad) {
    notes.push(t.t(inputIsProbs ? 'ce.note.gradProbs' : 'ce.note.grad'));
    if (temperature !== 1) notes.push(t.t('ce.note.gradTemperature'));
  }
  // Its own notes say why a loss is inf; an inf elsewhere (a gradient, the perplexity) gets the general note.
  return { notes, infExplained: zero.length + overflow.length > 0 || perplexityOverflows };
}

export const ceCommand: CommandSpec = defineCommand<CeSpec>({
  name: 'ce',
  aliases: ['cross-entropy'],
  summary: 'help.cmd.ce',
  details: ['help.ce.formula', 'help.ce.reduction', 'help.ce.grad', 'help.ce.output', 'help.ce.info', 'help.sweep'],
  input: 'matrix',
  options: [
    { flags: '-y, --target <LIST>', description: 'help.opt.ce.target' },
    { flags: '--one-based', description: 'help.opt.ce.oneBased' },
    { flags: '--target-probs <MATRIX>', description: 'help.opt.ce.targetProbs' },
    { flags: '--probs', description: 'help.opt.ce.probs' },
    { flags: '-w, --weight <LIST>', description: 'help.opt.ce.weight' },
    { flags: '--ignore-index <K>', description: 'help.opt.ce.ignoreIndex' },
    { flags: '--label-smoothing <EPS>', description: 'help.opt.ce.labelSmoothing' },
    { flags: '--smoothing-style <torch|others>', description: 'help.opt.ce.smoothingStyle' },
    { flags: '--sample-weight <LIST>', description: 'help.opt.ce.sampleWeight' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '-t, --temperature <T>', description: 'help.opt.ce.temperature' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
    { flags: '--hessian', description: 'help.opt.ce.hessian' },
    { flags: '--top-k <LIST>', description: 'help.opt.ce.topK' },
    BASE_OPTION,
    ...DTYPE_OPTIONS, // spread-ok: two options
  ],
  examples: [
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,1',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,2 -w 1,1,3 --label-smoothing 0.1 -g',
    'xent ce "0.7,0.2,0.1; 0.1,0.1,0.8" --probs -y 1,3 --one-based -r none',
    'xent ce "2,1; 1,3" --target-probs "0.9,0.1; 0.2,0.8" -f json',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2; 1,2,3" -y 0,2,0 --top-k 1,2 --base 2',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,1 --sample-weight 1,3 --label-smoothing 0.1 --smoothing-style others',
    'xent ce "2,0.5,-1" -y 0 --hessian -f json',
  ],
  readSpec: readCeSpec,
  classesInRows: () => true,
  logitsInRows: (spec) => (spec.inputIsProbs ? undefined : 'probs-option'),
  abilities: {
    targetColumn: { option: 'target', flag: '-y, --target', kind: 'classes' },
    explain: (x) =>
      x.spec.precision
        ? explainReplay(x, ceReplay(x.input!, x.spec, checkCeInput(x.input!, x.spec, x.context.inputSource)), {
            command: 'ce',
          })
        : explainCrossEntropy(x),
    stream: (spec, context) => (spec.precision ? undefined : planCrossEntropyStream(spec, context)),
    headline: (spec, json) =>
      spec.precision ? replayKey(lossHeadline(spec, json), spec.precision.dtype) : lossHeadline(spec, json),
    mistakes: ceMistakes,
    withGradient: withGrad,
    probabilityInput: (spec) => spec.inputIsProbs,
    sweep: {
      at: (spec, temperature) => ({ ...spec, temperature }),
      classes: (input, spec) => classNames(input!, spec.oneBased),
      read: (json) => ({
        distributions: json.probs as Iterable<ArrayLike<number>>,
        losses: json.losses as number[],
      }),
    },
  },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const targets = checkCeInput(input, spec, inputSource);
    const warnings: Warning[] = [];
    if (spec.inputIsProbs) addRowSumWarnings(warnings, input, 'warn.ce.probsSum', t);
    if (targets.kind === 'probs') addRowSumWarnings(warnings, targets.probs, 'warn.ce.targetSum', t);
    const r = evaluateCrossEntropy(input, spec, targets);
    const { reduction, grad } = spec;
    // The targets in the user's numbering (for tsv and json); the ignore index for an ignored row.
    const offset = spec.oneBased ? 1 : 0;
    const ignoreIndex = spec.targets.kind === 'index' ? (spec.targets.ignoreIndex ?? DEFAULT_IGNORE_INDEX) : NaN;
    const given = r.classes.map((c) => (c === null ? ignoreIndex : c + offset));

    const tables = [rowsTable(t, input, spec, r)];
    // The gradient table is a cell per entry: only for the outputs that print tables.
    if (grad && printsTables !== false) tables.push(gradTable(t, input, spec, r));
    const { notes, infExplained } = notesOf(t, input, spec, r);
    const chanceNats = crossEntropyChance(input.cols, targets, kernelOptions(spec));
    const chance = chanceReport(
      t,
      { nats: chanceNats, formula: 'chance.ce', params: { classes: input.cols } },
      reduction === 'none' ? r.meanLoss : r.loss,
      spec.unit,
    );
    for (const note of chance.notes) notes.push(note);

    const json: Record<string, unknown> = { command: 'ce', reduction, ...unitJson(spec.unit), ...rowLabelsJson(input) };
    if (targets.kind === 'index') json.targets = r.classes.map((c, i) => (c === null ? null : given[i]));
    json.probs = matrixRows(r.nats.probs);
    if (targets.kind === 'index') json.p_target = r.pTarget.map((p) => (Number.isNaN(p) ? null : p));
    json.losses = Array.from(r.losses);
    if (r.split) {
      json.entropy = r.split.entropy;
      json.kl = r.split.kl;
    }
    if (reduction !== 'none') json.loss = r.loss;
    json.chance = chance.json.chance;
    json.loss_over_chance = chance.json.loss_over_chance;
    // With every row ignored there is no accuracy and no mean loss: null, as for an ignored target (not "nan").
    const counted = r.classes.some((c) => c !== null);
    json.accuracy = counted ? r.accuracy : null;
    json.topk = Object.fromEntries([...r.topK].map(([k, v]) => [String(k), counted ? v : null]));
    json.perplexity = r.nats.meanDenominator > 0 ? r.perplexity : null;
    if (grad) json.grad = matrixRows(r.grad);
    if (spec.sampleWeight) json.sample_weight = spec.sampleWeight;
    // The targets the loss uses (smoothed, or soft) and each row's log Σ exp(z/T), the softmax's denominator.
    if (r.split)
      json.target_probs = targetDistributions(
        targets,
        input.rows,
        input.cols,
        spec.labelSmoothing,
        spec.smoothingStyle,
      );
    if (!spec.inputIsProbs) json.log_sum_exp = rowLogSumExp(input, spec.temperature);
    const hessian = spec.hessian ? crossEntropyHessian(r.nats, targets, kernelOptions(spec)) : undefined;
    if (hessian) json.hessian = hessianBlocks(matrixInUnit(hessian, spec.unit), input.cols);
    if (hessian && printsTables !== false)
      for (const table of hessianTables(t, input, spec, matrixInUnit(hessian, spec.unit))) tables.push(table);

    const report: Report = {
      tables,
      summary: [...summaryOf(t, spec, r), ...chance.summary],
      notes,
      infExplained,
      // A script wants the per-row figures (or, having asked for --grad, the gradient).
      data: grad
        ? { colLabels: input.colLabels, rows: matrixRows(r.grad) }
        : {
            colLabels: ['target', 'p_target', 'loss', 'correct'],
            rows: given.map((g, i) => [
              g,
              r.pTarget[i],
              r.losses[i],
              r.correct[i] === null ? NaN : r.correct[i] ? 1 : 0,
            ]),
            integerCols: [0, 3],
          },
      values: reduction === 'none' ? Array.from(r.losses, (l) => [l]) : [[r.loss]],
      json,
      warnings,
    };
    if (!spec.precision) return report;
    const replayed = ceReplay(input, spec, targets).result;
    const quantities: ReplayedQuantity[] =
      reduction === 'none'
        ? [{ key: 'losses', value: replayed.losses, exact: r.losses }]
        : [
            { key: 'loss', value: [replayed.loss], exact: [r.loss] },
            { key: 'losses', value: replayed.losses, exact: r.losses },
          ];
    const kept = spec.temperature === 1 ? [] : [t.t('note.temperature', { value: spec.temperature })];
    return withReplay(t, report, spec.precision, quantities, printsTables, kept);
  },
});
