import { delimitedHeader } from '../../format/delimited.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { inUnit } from '../../core/units.js';
import { reducedLoss } from '../../ops/cross-entropy/kernel.js';
import { type CeRowFigures, CeRowStream } from '../../ops/cross-entropy/rows.js';
import { type CeSpec, DEFAULT_IGNORE_INDEX } from '../../ops/cross-entropy/spec.js';
import { CeSums } from '../../ops/cross-entropy/sums.js';
import { SUM_TOLERANCE, indexTargetClasses, rowsNotSummingToOne } from '../../ops/cross-entropy/validate.js';
import { sumText } from '../loss-options.js';
import { rowLayout } from '../../ops/clip/sums.js';
import type { CeTask, StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent ce -y … -f value` (mean or sum) in O(columns) memory (and `-r none`: planCrossEntropyRows): the rows' losses are summed as
 * they arrive (CeSums); a large file may be read by two threads at once
 * (src/rows/parallel.ts). The targets are checked by the same validator as the
 * whole-matrix path, once the number of rows is known.
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
 * sum to 1 are warned of at the end, as the whole path warns. JSON takes the whole-matrix path.
 */
function planCrossEntropyRows(spec: CeSpec, { format, decimals, source, out }: StreamContext): StreamPlan | undefined {
  const { targets, unit, grad } = spec;
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
