import { formatExact } from '../../format/number.js';
import type { HingeSpec } from '../../ops/hinge/spec.js';
import { HingeSums } from '../../ops/hinge/sums.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent hinge -y … -f value` row by row in O(columns) memory (HingeSums): the reduced loss
 * from the rows' losses summed as they come, or with `-r none` each row's loss written as it
 * is computed. The gradient, the tables and JSON take the whole-matrix path.
 */
export function planHingeStream(spec: HingeSpec, { format, source, out }: StreamContext): StreamPlan | undefined {
  if (format !== 'value' || spec.grad) return undefined;
  const perRow = spec.reduction === 'none';
  const sums = new HingeSums(spec, source, perRow ? (loss) => out.write(`${formatExact(loss)}\n`) : undefined);
  return {
    onRow: (row, i) => sums.add(row, i),
    finish(rows, cols) {
      const { loss } = sums.finish(rows, cols);
      return perRow ? '' : `${formatExact(loss)}\n`;
    },
  };
}
