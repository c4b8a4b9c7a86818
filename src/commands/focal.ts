import { planFocalStream } from './streams/focal.js';
import { explainFocal } from '../teach/explain/focal.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { readNumberOption } from '../text/option-values.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, at, rowView } from '../core/matrix.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type FocalEvaluation, evaluateFocal, focalChance } from '../ops/focal/metrics.js';
import { chanceReport } from './chance.js';
import { DEFAULT_GAMMA, type FocalSpec, type FocalTargets } from '../ops/focal/spec.js';
import { checkFocalInput, checkFocalOptions, checkFocalTargetChoice, resolveAlpha } from '../ops/focal/validate.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import { classLabels, rowLabels } from '../report/labels.js';
import {
  type Cell,
  type Report,
  type ReportTable,
  type SummaryLine,
  matrixRows,
  numberCell,
  textCell,
} from '../report/report.js';
import {
  BASE_OPTION,
  readBase,
  readListOption,
  readReduction,
  readTargetList,
  unitLabel,
  unitNotes,
  reductionName,
} from './loss-options.js';

/**
 * The options of `xent focal` as a typed spec, read once: `--targets` (a matrix, inline or
 * @FILE) for the sigmoid form, or `-y` for the softmax form; α and γ checked here, shapes and
 * classes once the input is known (checkFocalInput).
 */
async function readFocalSpec(options: OptionValues, context: SpecContext): Promise<FocalSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const targetsText = text('targets');
  const classText = text('target');
  checkFocalTargetChoice(targetsText !== undefined, classText !== undefined);
  const targets: FocalTargets =
    targetsText !== undefined
      ? { kind: 'binary', targets: await context.readMatrixOption(targetsText, '--targets') }
      : { kind: 'class', given: await readTargetList(context, classText!) };
  const alphaText = text('alpha');
  const alpha = resolveAlpha(
    alphaText !== undefined ? await readListOption(context, alphaText, '--alpha') : undefined,
    targets.kind,
  );
  const gammaText = text('gamma');
  const spec: FocalSpec = {
    targets,
    ...(alpha !== undefined ? { alpha } : {}),
    gamma: gammaText !== undefined ? readNumberOption(gammaText, '--gamma') : DEFAULT_GAMMA,
    reduction: readReduction(text('reduction')),
    inputIsProbs: options.probs === true,
    unit: readBase(text('base')),
    grad: options.grad === true,
  };
  checkFocalOptions(spec);
  return spec;
}

/** The formulas --help shows; --explain states them too. */
const FOCAL_DETAILS = ['help.focal.sigmoid', 'help.focal.softmax', 'help.focal.output'] as const;

/** A table of one number per element (sigmoid form) or per class (gradients). */
function matrixTable(
  t: Translator,
  input: ParsedMatrix,
  title: string,
  m: Matrix,
  cell: (v: number, i: number, j: number) => Cell,
): ReportTable {
  return {
    title,
    corner: t.label('label.row'),
    colLabels: classLabels(input),
    rows: rowLabels(input.rows).map((label, i) => ({
      label,
      cells: Array.from(rowView(m, i), (v, j) => cell(v, i, j)),
    })),
  };
}

/** The per-row table of the softmax form: target, arg-max, p(target), (1 − p)^γ, loss, ✓/✗. */
function classRowsTable(
  t: Translator,
  input: ParsedMatrix,
  spec: FocalSpec,
  r: Extract<FocalEvaluation, { kind: 'class' }>,
): ReportTable {
  const names = classLabels(input);
  return {
    title: t.label('focal.title.rows'),
    corner: t.label('label.row'),
    colLabels: [
      t.label('ce.label.target'),
      t.label('ce.label.predicted'),
      t.label('ce.label.pTarget'),
      t.label('focal.label.modulator', { gamma: spec.gamma }),
      unitLabel(t, 'ce.label.loss', {}, spec.unit),
      t.label('ce.label.correct'),
    ],
    // Too wide for the terminal: ✓, the target and the modulating factor go; arg-max, p(target) and the loss stay.
    droppable: [5, 0, 3],
    rows: rowLabels(input.rows).map((label, i) => {
      const p = r.result.pTarget[i];
      return {
        label,
        cells: [
          textCell(names[r.classes[i]]),
          textCell(names[r.predicted[i]]),
          numberCell(p, { bar: true }),
          numberCell((1 - p) ** spec.gamma),
          numberCell(inUnit(r.result.losses[i], spec.unit)),
          r.correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
        ],
      };
    }),
    footnote: t.t('ce.footnote.correct'),
  };
}

/** Rows (1-based) where a loss is inf, and why: a probability of 0 given, or a logit of ±inf. */
function infiniteNotes(t: Translator, r: FocalEvaluation, inputIsProbs: boolean): string[] {
  const rows = new Set<number>();
  const losses = r.kind === 'binary' ? r.result.losses.data : r.result.losses;
  const perRow = r.kind === 'binary' ? r.result.losses.cols : 1;
  for (let k = 0; k < losses.length; k++) if (losses[k] === Infinity) rows.add(Math.floor(k / perRow) + 1);
  if (rows.size === 0) return [];
  const list = { list: [...rows] };
  if (r.kind === 'binary') return [t.t(inputIsProbs ? 'bce.note.infProbs' : 'focal.note.infLogit', { rows: list })];
  return [t.t(inputIsProbs ? 'ce.note.infProbs' : 'ce.note.infLogits', { rows: list })];
}

export const focalCommand: CommandSpec = defineCommand<FocalSpec>({
  name: 'focal',
  summary: 'help.cmd.focal',
  details: FOCAL_DETAILS,
  input: 'matrix',
  options: [
    { flags: '--targets <MATRIX>', description: 'help.opt.focal.targets' },
    { flags: '-y, --target <LIST>', description: 'help.opt.focal.target' },
    { flags: '--alpha <A|LIST>', description: 'help.opt.focal.alpha' },
    { flags: '--gamma <G>', description: 'help.opt.focal.gamma' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.focal.reduction' },
    { flags: '--probs', description: 'help.opt.focal.probs' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent focal "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0"',
    'xent focal "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0" --alpha -1 --gamma 0 -g',
    'xent focal "2,0.5,-1; 0.3,1.8,0.2" -y 0,2 --gamma 2 --alpha 0.25,0.5,1 -r none',
    'xent focal "0.9,0.2; 0.4,0.7" --probs --targets "1,0; 0,1" -f json',
  ],
  readSpec: readFocalSpec,
  // The softmax form's rows are classes and logits, as ce's; the sigmoid form's are not.
  classesInRows: (spec) => spec.targets.kind === 'class',
  logitsInRows: (spec) => (spec.targets.kind === 'class' && !spec.inputIsProbs ? 'probs-option' : undefined),
  abilities: {
    explain: explainFocal,
    stream: planFocalStream,
    headline: lossHeadline,
    withGradient: withGrad,
  },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const classes = checkFocalInput(input, spec, inputSource);
    const r = evaluateFocal(input, spec, classes);
    const { reduction, unit, grad, inputIsProbs, gamma } = spec;
    const tables: ReportTable[] = [];
    const gradKey = inputIsProbs ? 'ce.title.gradProbs' : reduction === 'none' ? 'ce.title.gradSum' : 'ce.title.grad';
    const losses = r.kind === 'binary' ? matrixInUnit(r.result.losses, unit) : undefined;
    const rowLosses = r.kind === 'class' ? listInUnit(r.result.losses, unit) : undefined;
    const gradient = matrixInUnit(r.result.grad, unit);
    if (printsTables !== false) {
      if (r.kind === 'binary') {
        const targets = (spec.targets as Extract<FocalTargets, { kind: 'binary' }>).targets;
        tables.push(
          {
            ...matrixTable(
              t,
              input,
              t.label(inputIsProbs ? 'bce.title.probsGiven' : 'bce.title.probs'),
              r.result.probs,
              (p, i, j) => numberCell(p, { bar: true, mark: at(targets, i, j) > 0.5 }),
            ),
            footnote: t.t('bce.footnote.target'),
          },
          matrixTable(t, input, unitLabel(t, 'focal.title.losses', {}, unit), losses!, (l) => numberCell(l)),
        );
      } else tables.push(classRowsTable(t, input, spec, r));
      if (grad) tables.push(matrixTable(t, input, t.label(gradKey), gradient, (g) => numberCell(g, { signed: true })));
    }

    const loss = inUnit(r.result.loss, unit);
    const meanLoss = inUnit(r.result.meanLoss, unit);
    const summary: SummaryLine[] = [];
    if (reduction !== 'none')
      summary.push({
        label: unitLabel(t, 'ce.summary.loss', { reduction: reductionName(reduction) }, unit),
        value: loss,
      });
    if (reduction !== 'mean') summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: meanLoss });
    const accuracyKey =
      r.kind === 'class'
        ? 'ce.summary.accuracy'
        : inputIsProbs
          ? 'ce.summary.elementAccuracyProbs'
          : 'ce.summary.elementAccuracy';
    summary.push({ label: t.label(accuracyKey), value: r.accuracy });
    const chance = chanceReport(
      t,
      { nats: focalChance(input, spec, classes), formula: 'chance.focal' },
      reduction === 'none' ? meanLoss : loss,
      unit,
    );
    for (const line of chance.summary) summary.push(line);

    const alpha = spec.alpha;
    const notes: string[] = [];
    if (r.kind === 'binary')
      notes.push(
        alpha
          ? t.t('focal.note.alphaBinary', { alpha: alpha[0], negative: 1 - alpha[0], gamma })
          : t.t('focal.note.noAlphaBinary', { gamma }),
      );
    else notes.push(t.t(alpha ? 'focal.note.alphaClass' : 'focal.note.noAlphaClass', { gamma }));
    if (r.kind === 'binary' && reduction !== 'none') notes.push(t.t('focal.note.torchvisionReduction'));
    const infNotes = infiniteNotes(t, r, inputIsProbs);
    for (const note of infNotes) notes.push(note);
    for (const note of unitNotes(t, unit)) notes.push(note);
    for (const note of chance.notes) notes.push(note);

    const json: Record<string, unknown> = {
      command: 'focal',
      form: r.kind === 'binary' ? 'sigmoid' : 'softmax',
      reduction,
      ...unitJson(unit),
      alpha: alpha === undefined ? null : r.kind === 'binary' ? alpha[0] : [...alpha],
      gamma,
    };
    if (r.kind === 'class') json.targets = [...r.classes];
    json.probs = matrixRows(r.result.probs);
    json.losses = r.kind === 'binary' ? matrixRows(losses!) : rowLosses;
    if (reduction !== 'none') json.loss = loss;
    json.chance = chance.json.chance;
    json.loss_over_chance = chance.json.loss_over_chance;
    json.accuracy = r.accuracy;
    if (grad) json.grad = matrixRows(gradient);

    const data =
      grad || r.kind === 'binary'
        ? { colLabels: input.colLabels, rows: matrixRows(grad ? gradient : losses!) }
        : {
            colLabels: ['target', 'p_target', 'loss', 'correct'],
            rows: r.classes.map((y, i) => [y, r.result.pTarget[i], rowLosses![i], r.correct[i] ? 1 : 0]),
            integerCols: [0, 3],
          };
    const values =
      reduction !== 'none' ? [[loss]] : r.kind === 'binary' ? matrixRows(losses!) : rowLosses!.map((l) => [l]);
    return { tables, summary, notes, infExplained: infNotes.length > 0, data, values, json };
  },
});
