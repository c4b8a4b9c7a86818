import { CompensatedSum } from '../../core/compensated.js';
import { logSumExp } from '../../core/log-sum-exp.js';
import { delimitedHeader } from '../../format/delimited.js';
import { JsonObjectPieces } from '../../format/json.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { inUnit, unitJson } from '../../core/units.js';
import {
  type CrossEntropyTargets,
  reducedLoss,
  scaledMeanDenominator,
  weightScale,
} from '../../ops/cross-entropy/kernel.js';
import { crossEntropyChance, inTopK, kernelOptions } from '../../ops/cross-entropy/metrics.js';
import { softmaxInto } from '../../ops/softmax/kernel.js';
import { chanceFraction } from '../chance.js';
import { type CeRowFigures, CeRowStream } from '../../ops/cross-entropy/rows.js';
import { type CeSpec, DEFAULT_IGNORE_INDEX } from '../../ops/cross-entropy/spec.js';
import { CeSums } from '../../ops/cross-entropy/sums.js';
import { SUM_TOLERANCE, indexTargetClasses, rowsNotSummingToOne } from '../../ops/cross-entropy/validate.js';
import { sumText } from '../loss-options.js';
import { rowLayout } from '../../ops/clip/sums.js';
import type { CeTask, StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent ce -y … -f value` (mean or sum) in O(columns) memory: the rows' losses are summed as
 * they arrive (CeSums); a large file may be read by two threads at once
 * (src/rows/parallel.ts). The targets are checked by the same validator as the
 * whole-matrix path, once the number of rows is known. `-r none` writes rows:
 * planCrossEntropyRows.
 */
export function planCrossEntropyStream(spec: CeSpec, context: StreamContext): StreamPlan | undefined {
  const { format, source } = context;
  const { targets, reduction } = spec;
  if (reduction === 'none') return planCrossEntropyRows(spec, context);
  if (format !== 'value' || targets.kind !== 'index') return undefined;
  // What the value does not show but the whole-matrix path computes or checks: the gradient,
  // probability input, top-k other than the accuracy (k ≤ classes is checked there).
  if (spec.grad || spec.inputIsProbs || spec.topK.some((k) => k !== 1)) return undefined;
  // Conventions the row sums do not take (Keras's sample weights, ε/(C − 1), the Hessian): the whole-matrix path.
  if (spec.sampleWeight || (spec.smoothingStyle ?? 'torch') !== 'torch' || spec.hessian) return undefined;
  const task: CeTask = {
    kind: 'ce',
    source,
    targets,
    oneBased: spec.oneBased,
    temperature: spec.temperature,
    labelSmoothing: spec.labelSmoothing,
    ...(spec.weight !== undefined ? { weight: spec.weight } : {}),
  };
  let sums = new CeSums(task, source, { pieceRows: (cols) => rowLayout(cols).pieceRows });

  return {
    onRow: (row, i) => sums.add(row, i),
    finish(rows, width) {
      indexTargetClasses(targets, { rows, cols: width }, spec.oneBased);
      return `${formatExact(inUnit(reducedLoss(sums.totals(), reduction), spec.unit))}\n`;
    },
    parallel: {
      task,
      adopt: (whole) => {
        sums = whole as CeSums;
      },
    },
  };
}

/** The columns of `xent ce -r none -f tsv|csv` without -g, as the whole-matrix report names them. */
const CE_ROW_COLUMNS = ['target', 'p_target', 'loss', 'correct'] as const;

/**
 * `xent ce -r none -f tsv|csv|value` row by row in O(columns) memory beyond the options
 * (CeRowStream; --target-probs is an option matrix, read whole before the input): each row's
 * line (target, p(target), loss, ✓; or its gradient with -g; or its loss for -f value) written
 * as it is computed, in the whole-matrix path's text. The checks the rows cannot make yet (the
 * targets' count, top-k, the sample weights' count) are made once they are counted, and a row
 * they will refuse stops the lines there; the rows of --probs (or --target-probs) that do not
 * sum to 1 are warned of at the end, as the whole path warns. JSON: planCrossEntropyJson.
 */
function planCrossEntropyRows(spec: CeSpec, context: StreamContext): StreamPlan | undefined {
  const { format, decimals, source, out } = context;
  const { targets, unit, grad } = spec;
  if (format === 'json') return planCrossEntropyJson(spec, context);
  if (format !== 'tsv' && format !== 'csv' && format !== 'value') return undefined;
  const separator = format === 'csv' ? ',' : '\t';
  // As the formatter writes them: -p for fractions only, whole numbers (target, ✓) exact; value at full precision.
  const number = decimals === undefined || format === 'value' ? formatExact : (x: number) => formatFixed(x, decimals);
  const offset = spec.oneBased ? 1 : 0;
  // An ignored row's target is the ignore index (soft targets ignore none).
  const ignored = formatExact(targets.kind === 'index' ? (targets.ignoreIndex ?? DEFAULT_IGNORE_INDEX) : Number.NaN);
  const gradient = grad && format !== 'value';
  if (format !== 'value' && !gradient) out.write(delimitedHeader(CE_ROW_COLUMNS, separator) + '\n');
  let fields: string[] = [];
  let wrote = !gradient && format !== 'value';
  const write = (r: CeRowFigures) => {
    wrote = true;
    if (format === 'value') return out.write(`${formatExact(inUnit(r.loss, unit))}\n`);
    if (!gradient) {
      const target = r.c === null ? ignored : formatExact(r.c + offset);
      const correct = r.correct === null ? 'nan' : r.correct ? '1' : '0';
      return out.write(
        `${target}${separator}${number(r.pTarget)}${separator}${number(inUnit(r.loss, unit))}${separator}${correct}\n`,
      );
    }
    const g = r.grad;
    if (fields.length !== g.length) fields = new Array<string>(g.length);
    // join, not +=: a line built by += is a tree of small strings, several times its size.
    for (let j = 0; j < g.length; j++) fields[j] = number(inUnit(g[j], unit));
    out.write(fields.join(separator) + '\n');
  };
  const rows = new CeRowStream(spec, source, write, gradient);
  return {
    onRow(row, i, colLabels) {
      if (i === 0 && gradient && colLabels) {
        out.write(delimitedHeader(colLabels, separator) + '\n');
        wrote = true;
      }
      rows.add(row, i);
    },
    finish(count, cols) {
      rows.finish(count, cols);
      // No line at all is still one (empty) line, as the formatter writes it.
      return wrote ? '' : '\n';
    },
    // As the whole-matrix path warns: the rows of --probs, then those of --target-probs, that do not sum to 1.
    warnings() {
      const off = (key: 'warn.ce.probsSum' | 'warn.ce.targetSum', rows: readonly { row: number; sum: number }[]) =>
        rows.map(({ row, sum }) => ({ key, params: { row, sum: sumText(sum) } }));
      const probs = off('warn.ce.probsSum', rows.offRows);
      if (targets.kind === 'probs')
        for (const w of off('warn.ce.targetSum', rowsNotSummingToOne(targets.probs, SUM_TOLERANCE))) probs.push(w);
      return probs;
    },
  };
}

/**
 * `xent ce -y … -r none -f json` from logits, in the text of the whole-matrix path, in
 * O(rows + columns) memory: a first reading checks the input and keeps each row's few
 * numbers (its target, p(target), loss, log Σ exp, whether it is a hit), nothing written;
 * the second writes `probs` row by row, then the lists and the summary from what the first
 * kept (the mean loss, the chance level and top-k as crossEntropy and evaluateCrossEntropy
 * compute them). A pipe is copied to a temporary file to be read twice. What the JSON holds
 * per element beyond the probabilities (the gradient, the Hessian, the targets' split with
 * smoothing or soft targets, --probs, --sample-weight) takes the whole-matrix path.
 */
function planCrossEntropyJson(spec: CeSpec, { source, out, rereadable }: StreamContext): StreamPlan | undefined {
  const { targets, unit, temperature } = spec;
  if (!rereadable || targets.kind !== 'index' || spec.inputIsProbs || spec.grad || spec.hessian) return undefined;
  if (spec.labelSmoothing > 0 || spec.sampleWeight) return undefined;
  const offset = spec.oneBased ? 1 : 0;
  const others = spec.topK.filter((k) => k !== 1);
  const classes: (number | null)[] = [];
  const pTarget: number[] = [];
  const losses: number[] = [];
  const logSumExps: number[] = [];
  const hits = new Map<number, number>(others.map((k) => [k, 0]));
  let correct = 0;
  const total = new CompensatedSum();
  const scaledTotal = new CompensatedSum();
  let scaled = new Float64Array(0);
  let input: ArrayLike<number> = [];
  const rows = new CeRowStream(
    spec,
    source,
    (r) => {
      classes.push(r.c);
      pTarget.push(r.pTarget);
      losses.push(r.loss);
      total.add(r.loss);
      scaledTotal.add(r.scaledLoss);
      if (r.correct) correct++;
      if (r.c !== null) for (const k of others) if (inTopK(input, r.c, k)) hits.set(k, hits.get(k)! + 1);
    },
    false,
  );
  let rowLabels: readonly string[] | undefined;
  let cols = 0;
  const json = new JsonObjectPieces();
  let probs = new Float64Array(0);
  let logProbs = new Float64Array(0);
  const write = (pieces: Iterable<string>) => {
    for (const piece of pieces) out.write(piece);
  };
  return {
    keepsRowLabels: true,
    firstPasses: [
      {
        onRow(row, i) {
          input = row;
          rows.add(row, i);
          // log Σ exp(z/T) as rowLogSumExp computes it.
          if (scaled.length !== row.length) scaled = new Float64Array(row.length);
          for (let c = 0; c < row.length; c++) scaled[c] = row[c] / temperature;
          logSumExps.push(logSumExp(scaled));
        },
        end(count, width, extras) {
          rows.finish(count, width);
          rowLabels = extras.rowLabels;
          cols = width;
        },
      },
    ],
    onRow(row, i) {
      if (i === 0) {
        write(json.member('command', 'ce'));
        write(json.member('reduction', 'none'));
        for (const [key, value] of Object.entries(unitJson(unit))) write(json.member(key, value));
        if (rowLabels) write(json.member('row_labels', rowLabels));
        write(
          json.member(
            'targets',
            classes.map((c) => (c === null ? null : c + offset)),
          ),
        );
        out.write(json.openList('probs'));
        probs = new Float64Array(row.length);
        logProbs = new Float64Array(row.length);
      }
      softmaxInto(row, temperature, probs, logProbs);
      write(json.row(probs));
    },
    *finish(count) {
      yield json.closeList();
      yield* json.member(
        'p_target',
        pTarget.map((p) => (Number.isNaN(p) ? null : p)),
      );
      yield* json.member(
        'losses',
        losses.map((l) => inUnit(l, unit)),
      );
      // The sums of crossEntropy: Σ s·lₙ over Σ s·w_y, the weights scaled by s = weightScale.
      const checked: CrossEntropyTargets = { kind: 'index', classes };
      const s = weightScale(spec.weight);
      const denominator = scaledMeanDenominator(checked, count, spec.weight, s);
      const meanNats = scaledTotal.value() / denominator;
      const meanLoss = inUnit(meanNats, unit);
      const level = inUnit(crossEntropyChance(cols, checked, kernelOptions(spec)), unit);
      const chance = Number.isNaN(level) ? null : level;
      yield* json.member('chance', chance);
      yield* json.member('loss_over_chance', chance === null ? null : chanceFraction(meanLoss, chance));
      const counted = classes.filter((c) => c !== null).length;
      const accuracy = correct / counted;
      yield* json.member('accuracy', counted > 0 ? accuracy : null);
      const topK = spec.topK.map((k) => [
        String(k),
        counted > 0 ? (k === 1 ? accuracy : hits.get(k)! / counted) : null,
      ]);
      yield* json.member('topk', Object.fromEntries(topK));
      yield* json.member('perplexity', denominator / s > 0 ? Math.exp(meanNats) : null);
      yield* json.member('log_sum_exp', logSumExps);
      yield json.end();
    },
  };
}
