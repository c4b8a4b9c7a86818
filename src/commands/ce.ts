import { readNumberList, readNumberOption, readTemperature } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, at, rowView } from '../matrix.js';
import { type CrossEntropyTargets, crossEntropy } from '../math/cross-entropy.js';
import { argmaxRows } from '../math/softmax.js';
import { entropy, klFromLog } from '../math/information.js';
import { inTopK, topKAccuracy } from '../math/top-k.js';
import { type InfoUnit, inUnit, matrixInUnit, unitJson } from '../math/units.js';
import type { ParsedMatrix } from '../parse/matrix-text.js';
import { rowLabels } from '../report/labels.js';
import { type Cell, type Report, type ReportTable, type SummaryLine, matrixRows, numberCell, textCell } from '../report/report.js';
import type { CommandContext, CommandSpec, OptionValues } from './command.js';
import {
  BASE_OPTION,
  checkProbabilities,
  readBase,
  readClassWeights,
  readReduction,
  sumText,
  unitLabel,
  unitNotes,
} from './loss-options.js';
import { checkSoftmaxInput } from './softmax.js';

/** PyTorch's default ignore_index: a target of −100 is ignored unless told otherwise. */
const DEFAULT_IGNORE_INDEX = -100;
/** Rows of probabilities pasted with 4 decimals may be off by a few 1e-4; more than this is a warning. */
const SUM_TOLERANCE = 1e-3;

interface Targets {
  readonly targets: CrossEntropyTargets;
  /** The class each row's accuracy and p(target) refer to (arg-max of a soft target); null if ignored. */
  readonly classes: readonly (number | null)[];
  /** The targets as the user numbered them (for tsv and json); the raw value for an ignored row. */
  readonly given: readonly number[];
}

export function readIgnoreIndex(value: string | undefined): number {
  if (value === undefined) return DEFAULT_IGNORE_INDEX;
  const n = readNumberOption(value, '--ignore-index');
  if (!Number.isInteger(n)) throw new XentError('err.ce.ignoreInteger', { value }, true);
  return n;
}

/** `-y LIST` or `-y diag`: a class per row, checked against the number of rows and classes. */
export function readIndexTargets(value: string, input: Matrix, oneBased: boolean, ignoreIndex: number): Targets {
  const { rows, cols } = input;
  const offset = oneBased ? 1 : 0;
  if (value.trim().toLowerCase() === 'diag') {
    if (rows > cols) throw new XentError('err.ce.diag', { rows, classes: cols }, true);
    const classes = Array.from({ length: rows }, (_, i) => i);
    return { targets: { kind: 'index', classes }, classes, given: classes.map((c) => c + offset) };
  }
  const given = readNumberList(value, '-y, --target');
  if (given.length !== rows) {
    throw new XentError('err.ce.targetCount', { option: '-y, --target', got: given.length, rows }, true);
  }
  const classes = given.map((v, i) => {
    if (v === ignoreIndex) return null;
    if (!Number.isInteger(v)) throw new XentError('err.ce.targetInteger', { value: formatExact(v), row: i + 1 });
    const c = v - offset;
    if (c < 0 || c >= cols) {
      throw new XentError('err.ce.targetRange', {
        value: v,
        row: i + 1,
        classes: cols,
        min: offset,
        max: cols - 1 + offset,
      });
    }
    return c;
  });
  return { targets: { kind: 'index', classes }, classes, given };
}

/** `--target-probs`: a distribution per row, same shape as the logits, finite entries ≥ 0. */
async function readSoftTargets(
  value: string,
  input: Matrix,
  context: CommandContext,
  oneBased: boolean,
  warnings: string[],
): Promise<Targets> {
  const q = await context.readMatrixOption(value, '--target-probs');
  if (q.rows !== input.rows || q.cols !== input.cols) {
    throw new XentError('err.ce.targetProbsShape', {
      gotRows: q.rows,
      gotCols: q.cols,
      rows: input.rows,
      cols: input.cols,
    });
  }
  for (let k = 0; k < q.data.length; k++) {
    if (!(q.data[k] >= 0 && q.data[k] < Infinity)) {
      throw new XentError('err.ce.targetProbsBad', {
        value: formatExact(q.data[k]),
        row: Math.floor(k / q.cols) + 1,
        col: (k % q.cols) + 1,
      });
    }
  }
  warnings.push(...rowSumWarnings(q, 'warn.ce.targetSum', context.t));
  const classes = argmaxRows(q);
  return { targets: { kind: 'probs', probs: q }, classes, given: classes.map((c) => c + (oneBased ? 1 : 0)) };
}

function rowSumWarnings(m: Matrix, key: 'warn.ce.targetSum' | 'warn.ce.probsSum', t: Translator): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    const sum = rowView(m, i).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) out.push(t.t(key, { row: i + 1, sum: sumText(sum) }));
  }
  return out;
}

async function readTargets(
  input: Matrix,
  options: OptionValues,
  context: CommandContext,
  warnings: string[],
): Promise<Targets> {
  const index = options.target as string | undefined;
  const soft = options.targetProbs as string | undefined;
  const oneBased = options.oneBased === true;
  if (index !== undefined && soft !== undefined) throw new XentError('err.ce.twoTargets', {}, true);
  if (index === undefined && soft === undefined) throw new XentError('err.ce.noTarget', {}, true);
  if (soft !== undefined) {
    if (options.ignoreIndex !== undefined) throw new XentError('err.ce.ignoreSoft', {}, true);
    return readSoftTargets(soft, input, context, oneBased, warnings);
  }
  return readIndexTargets(index!, input, oneBased, readIgnoreIndex(options.ignoreIndex as string | undefined));
}

export function readSmoothing(value: string | undefined): number {
  if (value === undefined) return 0;
  const eps = readNumberOption(value, '--label-smoothing');
  if (!(eps >= 0 && eps <= 1)) throw new XentError('err.ce.smoothing', { value }, true);
  return eps;
}

/**
 * `--top-k 1,5`: whole numbers from 1 to the number of classes, in the order given, each
 * once; [1] when absent. A k above the number of classes is an error: every row would be a hit.
 */
function readTopK(value: string | undefined, classes: number): number[] {
  if (value === undefined) return [1];
  const ks: number[] = [];
  for (const k of readNumberList(value, '--top-k')) {
    if (!Number.isInteger(k) || k < 1) throw new XentError('err.ce.topK', { value: formatExact(k) }, true);
    if (k > classes) throw new XentError('err.ce.topKClasses', { k, classes }, true);
    if (!ks.includes(k)) ks.push(k);
  }
  return ks;
}

/**
 * Each row's target as a distribution q' = (1 − ε)·q + ε/C (q one-hot for a class target),
 * unweighted; null for an ignored row. Its entropy and divergence split the row's
 * cross-entropy: H(q', p) = H(q') + KL(q'‖p).
 */
function targetDistributions(targets: CrossEntropyTargets, rows: number, cols: number, eps: number): (Float64Array | null)[] {
  return Array.from({ length: rows }, (_, n) => {
    const q = new Float64Array(cols);
    if (targets.kind === 'index') {
      const y = targets.classes[n];
      if (y === null) return null;
      q[y] = 1;
    } else {
      q.set(rowView(targets.probs, n));
    }
    if (eps > 0) for (let c = 0; c < cols; c++) q[c] = (1 - eps) * q[c] + eps / cols;
    return q;
  });
}

/** Per-row H(q) and KL(q‖p) in `unit`, null for an ignored row. */
function entropyAndKl(
  q: readonly (Float64Array | null)[],
  logProbs: Matrix,
  unit: InfoUnit,
): { entropy: (number | null)[]; kl: (number | null)[] } {
  return {
    entropy: q.map((row) => (row === null ? null : inUnit(entropy(row), unit))),
    kl: q.map((row, n) => (row === null ? null : inUnit(klFromLog(row, rowView(logProbs, n)), unit))),
  };
}

/**
 * Why a loss is inf: a class the target puts weight on has probability 0 (−log 0), or
 * (weights) the product exceeds the largest double. Rows are 1-based; no note when none is inf.
 */
function infiniteLossNotes(
  t: Translator,
  losses: ArrayLike<number>,
  logProbs: Matrix,
  q: readonly (Float64Array | null)[],
  inputIsProbs: boolean,
): string[] {
  const zero: number[] = [];
  const overflow: number[] = [];
  for (let n = 0; n < losses.length; n++) {
    if (losses[n] !== Infinity) continue;
    const row = rowView(logProbs, n);
    const target = q[n];
    const masked = target !== null && row.some((lp, c) => lp === -Infinity && target[c] > 0);
    (masked ? zero : overflow).push(n + 1);
  }
  const notes: string[] = [];
  if (zero.length > 0) notes.push(t.t(inputIsProbs ? 'ce.note.infProbs' : 'ce.note.infLogits', { rows: zero.join(', ') }));
  if (overflow.length > 0) notes.push(t.t('note.infOverflow', { rows: overflow.join(', ') }));
  return notes;
}

/** Class names for headers: the input's column names, or numbers in the user's numbering. */
function classNames(input: ParsedMatrix, oneBased: boolean): string[] {
  return input.colLabels
    ? [...input.colLabels]
    : Array.from({ length: input.cols }, (_, j) => String(j + (oneBased ? 1 : 0)));
}

export const ceCommand: CommandSpec = {
  name: 'ce',
  aliases: ['cross-entropy'],
  summary: 'help.cmd.ce',
  details: ['help.ce.formula', 'help.ce.reduction', 'help.ce.grad', 'help.ce.output', 'help.ce.info'],
  input: 'matrix',
  options: [
    { flags: '-y, --target <LIST>', description: 'help.opt.ce.target' },
    { flags: '--one-based', description: 'help.opt.ce.oneBased' },
    { flags: '--target-probs <MATRIX>', description: 'help.opt.ce.targetProbs' },
    { flags: '--probs', description: 'help.opt.ce.probs' },
    { flags: '-w, --weight <LIST>', description: 'help.opt.ce.weight' },
    { flags: '--ignore-index <K>', description: 'help.opt.ce.ignoreIndex' },
    { flags: '--label-smoothing <EPS>', description: 'help.opt.ce.labelSmoothing' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '-t, --temperature <T>', description: 'help.opt.ce.temperature' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
    { flags: '--top-k <LIST>', description: 'help.opt.ce.topK' },
    BASE_OPTION,
  ],
  examples: [
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,1',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,2 -w 1,1,3 --label-smoothing 0.1 -g',
    'xent ce "0.7,0.2,0.1; 0.1,0.1,0.8" --probs -y 1,3 --one-based -r none',
    'xent ce "2,1; 1,3" --target-probs "0.9,0.1; 0.2,0.8" -f json',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2; 1,2,3" -y 0,2,0 --top-k 1,2 --base 2',
  ],
  async run(input, options, context): Promise<Report> {
    const { t, inputSource } = context;
    const reduction = readReduction(options.reduction as string | undefined);
    const inputIsProbs = options.probs === true;
    if (inputIsProbs && options.temperature !== undefined) throw new XentError('err.ce.probsTemperature', {}, true);
    const temperature = readTemperature(options.temperature as string | undefined);
    const oneBased = options.oneBased === true;
    const warnings: string[] = [];
    if (inputIsProbs) {
      checkProbabilities(input, inputSource);
      warnings.push(...rowSumWarnings(input, 'warn.ce.probsSum', t));
    } else {
      checkSoftmaxInput(input, 'row', inputSource);
    }
    const weight =
      options.weight !== undefined ? readClassWeights(options.weight as string, '-w, --weight', input.cols) : undefined;
    const labelSmoothing = readSmoothing(options.labelSmoothing as string | undefined);
    const { targets, classes, given } = await readTargets(input, options, context, warnings);
    const ks = readTopK(options.topK as string | undefined, input.cols);
    const unit = readBase(options.base as string | undefined);
    const nats = crossEntropy(input, targets, { weight, labelSmoothing, reduction, temperature, inputIsProbs });
    // Losses and gradients in the unit asked for; perplexity stays exp(mean loss in nats).
    const result = {
      ...nats,
      losses: Float64Array.from(nats.losses, (l) => inUnit(l, unit)),
      loss: inUnit(nats.loss, unit),
      meanLoss: inUnit(nats.meanLoss, unit),
      grad: matrixInUnit(nats.grad, unit),
    };
    const grad = options.grad === true;
    // H(q) and KL(q‖p) per row, where the target is a distribution (with index targets and
    // no smoothing H(q) = 0 and KL = the loss: a note says so once).
    const split =
      targets.kind === 'probs' || labelSmoothing > 0
        ? entropyAndKl(targetDistributions(targets, input.rows, input.cols, labelSmoothing), nats.logProbs, unit)
        : undefined;

    const names = classNames(input, oneBased);
    const predicted = argmaxRows(input);
    // inTopK(row, target, 1): the arg-max is the target, and a tie with another class is not a hit.
    const correct = classes.map((c, i) => (c === null ? null : inTopK(rowView(input, i), c, 1)));
    const counted = correct.filter((c) => c !== null).length;
    // Top-k accuracy, the same computation as clip's Recall@K; top-1 is the accuracy.
    const topk = topKAccuracy(input, classes, ks);
    const accuracy = ks.includes(1) ? topk.get(1)! : topKAccuracy(input, classes, [1]).get(1)!;
    const hasMean = result.meanDenominator > 0;
    const perplexity = hasMean ? Math.exp(nats.meanLoss) : NaN;
    const pTarget = classes.map((c, i) => (c === null ? NaN : at(result.probs, i, c)));

    const dim = (text: string) => textCell(text, 'dim');
    const inUnitLabel = (key: 'ce.label.loss' | 'ce.label.entropy' | 'ce.label.kl') => unitLabel(t, key, {}, unit);
    const colLabels = [t.label('ce.label.target'), t.label('ce.label.predicted'), t.label('ce.label.pTarget')];
    if (split) colLabels.push(inUnitLabel('ce.label.entropy'), inUnitLabel('ce.label.kl'));
    colLabels.push(inUnitLabel('ce.label.loss'), t.label('ce.label.correct'));
    const splitCells = (i: number): Cell[] => {
      if (!split) return [];
      const h = split.entropy[i];
      const d = split.kl[i];
      return h === null || d === null ? [dim('—'), dim('—')] : [numberCell(h), numberCell(d)];
    };
    const rowsTable: ReportTable = {
      title: t.label('ce.title.rows'),
      corner: t.label('label.row'),
      colLabels,
      rows: rowLabels(input.rows).map((label, i) => {
        const c = classes[i];
        const cells: Cell[] =
          c === null
            ? [
                dim(t.label('ce.label.ignored')),
                textCell(names[predicted[i]]),
                dim('—'),
                ...splitCells(i),
                numberCell(result.losses[i]),
                dim('—'),
              ]
            : [
                textCell(names[c]),
                textCell(names[predicted[i]]),
                numberCell(pTarget[i], { bar: true }),
                ...splitCells(i),
                numberCell(result.losses[i]),
                correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
              ];
        return { label, cells };
      }),
      footnote: t.t('ce.footnote.correct'),
    };
    const tables: ReportTable[] = [rowsTable];
    // The gradient table is a cell per entry: only for the outputs that print tables.
    if (grad && context.printsTables !== false) {
      const titleKey = inputIsProbs ? 'ce.title.gradProbs' : reduction === 'none' ? 'ce.title.gradSum' : 'ce.title.grad';
      tables.push({
        title: t.label(titleKey),
        corner: t.label('label.row'),
        colLabels: names,
        rows: rowLabels(input.rows).map((label, i) => ({
          label,
          cells: Array.from(rowView(result.grad, i), (g) => numberCell(g, { signed: true })),
        })),
      });
    }

    const summary: SummaryLine[] = [];
    if (reduction !== 'none') summary.push({ label: unitLabel(t, 'ce.summary.loss', { reduction }, unit), value: result.loss });
    if (reduction !== 'mean' && hasMean) summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: result.meanLoss });
    if (counted > 0) {
      summary.push({ label: t.label('ce.summary.accuracy'), value: accuracy });
      for (const k of ks) if (k !== 1) summary.push({ label: t.label('ce.summary.topK', { k }), value: topk.get(k)! });
    }
    if (hasMean) {
      const label = unit.base === 'e' ? t.label('ce.summary.perplexity') : t.label('ce.summary.perplexityBase', { base: unit.base });
      summary.push({ label, value: perplexity });
    }

    const notes: string[] = [];
    const perplexityOverflows = hasMean && perplexity === Infinity && Number.isFinite(nats.meanLoss);
    if (perplexityOverflows) notes.push(t.t('ce.note.perplexityInf', { loss: formatExact(nats.meanLoss) }));
    const ignored = classes.filter((c) => c === null).length;
    if (targets.kind === 'index' && ignored > 0) {
      notes.push(t.t('ce.note.ignored', { count: ignored, index: readIgnoreIndex(options.ignoreIndex as string | undefined) }));
    }
    if (targets.kind === 'probs') notes.push(t.t('ce.note.soft'));
    if (labelSmoothing > 0) notes.push(t.t('ce.note.smoothing', { eps: labelSmoothing, classes: input.cols }));
    notes.push(t.t(split ? 'ce.note.entropySoft' : 'ce.note.entropyIndex'));
    if (split && weight) notes.push(t.t('ce.note.entropyWeighted'));
    notes.push(...unitNotes(t, unit));
    if (temperature !== 1) notes.push(t.t('note.temperature', { value: temperature }));
    const infNotes = infiniteLossNotes(t, nats.losses, nats.logProbs, targetDistributions(targets, input.rows, input.cols, labelSmoothing), inputIsProbs);
    notes.push(...infNotes);
    if (grad) {
      notes.push(t.t(inputIsProbs ? 'ce.note.gradProbs' : 'ce.note.grad'));
      if (temperature !== 1) notes.push(t.t('ce.note.gradTemperature'));
    }

    const json: Record<string, unknown> = { command: 'ce', reduction, ...unitJson(unit) };
    if (targets.kind === 'index') json.targets = given.map((g, i) => (classes[i] === null ? null : g));
    json.probs = matrixRows(result.probs);
    json.losses = Array.from(result.losses);
    if (split) {
      json.entropy = split.entropy;
      json.kl = split.kl;
    }
    if (reduction !== 'none') json.loss = result.loss;
    json.accuracy = accuracy;
    json.topk = Object.fromEntries([...topk].map(([k, v]) => [String(k), v]));
    json.perplexity = perplexity;
    if (grad) json.grad = matrixRows(result.grad);

    return {
      tables,
      summary,
      notes,
      // Its own notes say why a loss is inf; an inf elsewhere (a gradient, the perplexity) gets the general note.
      infExplained: infNotes.length > 0 || perplexityOverflows,
      // A script wants the per-row figures (or, having asked for --grad, the gradient).
      data: grad
        ? { colLabels: input.colLabels, rows: matrixRows(result.grad) }
        : {
            colLabels: ['target', 'p_target', 'loss', 'correct'],
            rows: given.map((g, i) => [g, pTarget[i], result.losses[i], correct[i] === null ? NaN : correct[i] ? 1 : 0]),
          },
      values: reduction === 'none' ? Array.from(result.losses, (l) => [l]) : [[result.loss]],
      json,
      warnings,
    };
  },
};
