import { inUnit } from '../../core/units.js';
import { formatExact } from '../../format/number.js';
import type { FocalSpec } from '../../ops/focal/spec.js';
import { FocalSums } from '../../ops/focal/sums.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent focal -f value` row by row in O(columns) memory (FocalSums): the reduced loss from the
 * losses summed as they come, or with `-r none` each row's losses (one, or one per element for
 * the sigmoid form) written as they are computed. The sigmoid form's --targets is an option
 * matrix, read whole before the input. The gradient, the tables and JSON take the whole path.
 */
export function planFocalStream(spec: FocalSpec, { format, source, out }: StreamContext): StreamPlan | undefined {
  if (format !== 'value' || spec.grad) return undefined;
  const { unit } = spec;
  const perRow = spec.reduction === 'none';
  let fields: string[] = [];
  const writeRow = (losses: Float64Array) => {
    if (fields.length !== losses.length) fields = new Array<string>(losses.length);
    for (let j = 0; j < losses.length; j++) fields[j] = formatExact(inUnit(losses[j], unit));
    out.write(fields.join('\t') + '\n');
  };
  const sums = new FocalSums(spec, source, perRow ? writeRow : undefined);
  return {
    onRow: (row, i) => sums.add(row, i),
    finish(rows, cols) {
      const { loss } = sums.finish(rows, cols);
      return perRow ? '' : `${formatExact(inUnit(loss, unit))}\n`;
    },
  };
}
