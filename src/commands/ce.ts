import { readNumberList, readNumberOption, readTemperature } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, at, rowView, toRows } from '../matrix.js';
import { type CrossEntropyTargets, crossEntropy } from '../math/cross-entropy.js';
import { argmaxRows } from '../math/softmax.js';
import { inTopK } from '../math/top-k.js';
import type { ParsedMatrix } from '../parse/matrix-text.js';
import { rowLabels } from '../report/labels.js';
import { type Cell, type Report, type ReportTable, type SummaryLine, numberCell, textCell } from '../report/report.js';
import type { CommandContext, CommandSpec, OptionValues } from './command.js';
import { checkProbabilities, readClassWeights, readReduction, sumText } from './loss-options.js';
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

function readIgnoreIndex(value: string | undefined): number {
  if (value === undefined) return DEFAULT_IGNORE_INDEX;
  const n = readNumberOption(value, '--ignore-index');
  if (!Number.isInteger(n)) throw new XentError('err.ce.ignoreInteger', { value }, true);
  return n;
}

/** `-y LIST` or `-y diag`: a class per row, checked against the number of rows and classes. */
function readIndexTargets(value: string, input: Matrix, oneBased: boolean, ignoreIndex: number): Targets {
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

/** `--target-probs`: a distribution per row, same shape as the logits, entries ≥ 0. */
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
    if (q.data[k] < 0) {
      throw new XentError('err.ce.targetProbsNegative', {
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

function readSmoothing(value: string | undefined): number {
  if (value === undefined) return 0;
  const eps = readNumberOption(value, '--label-smoothing');
  if (!(eps >= 0 && eps <= 1)) throw new XentError('err.ce.smoothing', { value }, true);
  return eps;
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
  details: ['help.ce.formula', 'help.ce.reduction', 'help.ce.grad', 'help.ce.output'],
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
  ],
  examples: [
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,1',
    'xent ce "2,0.5,-1; 0.3,1.8,0.2" -y 0,2 -w 1,1,3 --label-smoothing 0.1 -g',
    'xent ce "0.7,0.2,0.1; 0.1,0.1,0.8" --probs -y 1,3 --one-based -r none',
    'xent ce "2,1; 1,3" --target-probs "0.9,0.1; 0.2,0.8" -f json',
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
    const result = crossEntropy(input, targets, { weight, labelSmoothing, reduction, temperature, inputIsProbs });
    const grad = options.grad === true;

    const names = classNames(input, oneBased);
    const predicted = argmaxRows(input);
    // inTopK(row, target, 1): the arg-max is the target, and a tie with another class is not a hit.
    const correct = classes.map((c, i) => (c === null ? null : inTopK(rowView(input, i), c, 1)));
    const counted = correct.filter((c) => c !== null).length;
    const accuracy = correct.filter((c) => c === true).length / counted;
    const hasMean = result.meanDenominator > 0;
    const perplexity = hasMean ? Math.exp(result.meanLoss) : NaN;
    const pTarget = classes.map((c, i) => (c === null ? NaN : at(result.probs, i, c)));

    const dim = (text: string) => textCell(text, 'dim');
    const rowsTable: ReportTable = {
      title: t.label('ce.title.rows'),
      corner: t.label('label.row'),
      colLabels: ['ce.label.target', 'ce.label.predicted', 'ce.label.pTarget', 'ce.label.loss', 'ce.label.correct'].map(
        (key) => t.label(key as 'ce.label.target'),
      ),
      rows: rowLabels(input.rows).map((label, i) => {
        const c = classes[i];
        const cells: Cell[] =
          c === null
            ? [dim(t.label('ce.label.ignored')), textCell(names[predicted[i]]), dim('—'), numberCell(result.losses[i]), dim('—')]
            : [
                textCell(names[c]),
                textCell(names[predicted[i]]),
                numberCell(pTarget[i], { bar: true }),
                numberCell(result.losses[i]),
                correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
              ];
        return { label, cells };
      }),
      footnote: t.t('ce.footnote.correct'),
    };
    const tables: ReportTable[] = [rowsTable];
    if (grad) {
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
    if (reduction !== 'none') summary.push({ label: t.label('ce.summary.loss', { reduction }), value: result.loss });
    if (reduction !== 'mean' && hasMean) summary.push({ label: t.label('ce.summary.meanLoss'), value: result.meanLoss });
    if (counted > 0) summary.push({ label: t.label('ce.summary.accuracy'), value: accuracy });
    if (hasMean) summary.push({ label: t.label('ce.summary.perplexity'), value: perplexity });

    const notes: string[] = [];
    const ignored = classes.filter((c) => c === null).length;
    if (targets.kind === 'index' && ignored > 0) {
      notes.push(t.t('ce.note.ignored', { count: ignored, index: readIgnoreIndex(options.ignoreIndex as string | undefined) }));
    }
    if (targets.kind === 'probs') notes.push(t.t('ce.note.soft'));
    if (labelSmoothing > 0) notes.push(t.t('ce.note.smoothing', { eps: labelSmoothing, classes: input.cols }));
    if (temperature !== 1) notes.push(t.t('note.temperature', { value: temperature }));
    if (grad) {
      notes.push(t.t(inputIsProbs ? 'ce.note.gradProbs' : 'ce.note.grad'));
      if (temperature !== 1) notes.push(t.t('ce.note.gradTemperature'));
    }

    const json: Record<string, unknown> = { command: 'ce', reduction };
    if (targets.kind === 'index') json.targets = given.map((g, i) => (classes[i] === null ? null : g));
    json.probs = toRows(result.probs);
    json.losses = Array.from(result.losses);
    if (reduction !== 'none') json.loss = result.loss;
    json.accuracy = accuracy;
    json.perplexity = perplexity;
    if (grad) json.grad = toRows(result.grad);

    return {
      tables,
      summary,
      notes,
      // A script wants the per-row figures (or, having asked for --grad, the gradient).
      data: grad
        ? { colLabels: input.colLabels, rows: toRows(result.grad) }
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
