import type { Format } from '../../format/index.js';
import { delimitedHeader } from '../../format/delimited.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { inUnit } from '../../core/units.js';
import type { DistillSettings, DistillSpec } from '../../ops/distill/spec.js';
import { DistillSums } from '../../ops/distill/sums.js';
import type { StepInput } from '../../rows/in-step.js';
import type { InStepContext, InStepPlan } from '../../rows/plan.js';

/** `xent distill` as its readSpec gives it for the row-by-row path: the two matrices opened, not read. */
export interface DistillRowsSpec extends DistillSettings {
  readonly rows: { readonly student: StepInput; readonly teacher: StepInput };
}

/** What `xent distill` runs with: both matrices read, or (row by row) opened. */
export type DistillCliSpec = DistillSpec | DistillRowsSpec;

/**
 * Whether `xent distill` with these settings reads its two matrices in step, row by row, for
 * `format`: -f value (the loss, or each row's for -r none), tsv and csv (each row's kl,
 * soft_loss, ce, loss). The gradient, the tables and JSON (softmax matrices, elements) take the
 * whole-matrix path.
 */
export function distillStreams(settings: Pick<DistillSettings, 'grad'>, format: Format): boolean {
  return !settings.grad && (format === 'value' || format === 'tsv' || format === 'csv');
}

/**
 * `xent distill` row by row in O(columns) memory: the student's and the teacher's rows are
 * read in step (src/rows/in-step.ts), each pair's losses computed as it comes (DistillSums,
 * the kernel's row function and sums) and, for tsv/csv and -r none's values, written at once;
 * the reduced loss at the end. The text is the whole-matrix path's, byte for byte.
 */
export function planDistillInStep(
  spec: DistillCliSpec,
  { format, decimals, out }: InStepContext,
): InStepPlan | undefined {
  if (!('rows' in spec) || !distillStreams(spec, format)) return undefined;
  const { temperature: T, unit, reduction, hard } = spec;
  const sums = new DistillSums(spec);
  const perRow = format !== 'value';
  const separator = format === 'csv' ? ',' : '\t';
  const number = decimals === undefined ? formatExact : (x: number) => formatFixed(x, decimals);
  if (perRow) out.write(delimitedHeader(['kl', 'soft_loss', ...(hard ? ['ce'] : []), 'loss'], separator) + '\n');
  const fields: string[] = [];
  return {
    inputs: [spec.rows.student, spec.rows.teacher],
    onRows(student, teacher, index) {
      const row = sums.add(student, teacher, index);
      if (!row) return; // a hard label finish will refuse: nothing more is written
      if (!perRow) {
        if (reduction === 'none') out.write(`${formatExact(inUnit(row.loss, unit))}\n`);
        return;
      }
      // As the report's data rows: kl, T²·kl of the kl in the unit, ce, loss.
      const kl = inUnit(row.kl, unit);
      fields.length = 0;
      fields.push(number(kl), number(T * T * kl));
      if (row.ce !== undefined) fields.push(number(inUnit(row.ce, unit)));
      fields.push(number(inUnit(row.loss, unit)));
      out.write(fields.join(separator) + '\n');
    },
    finish(rows, cols) {
      const loss = sums.finish(rows, cols);
      return perRow || reduction === 'none' ? '' : `${formatExact(inUnit(loss, unit))}\n`;
    },
  };
}
